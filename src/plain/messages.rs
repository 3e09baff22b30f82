//! The findings of the plain-language checks, in one place, worded for the
//! editors who fix them (Norwegian, like the site).

use std::path::Path;

use super::facts::Fact;
use super::glossary::Avoided;
use super::texts::Pair;
use crate::diagnostics::{Finding, Position};

fn field(pair: &Pair) -> String {
    if pair.field.is_empty() { String::new() } else { format!("`{}`: ", pair.field) }
}

pub fn fact_missing(pair: &Pair, at: Position, written: &str, fact: &Fact) -> Finding {
    Finding::warning(
        &pair.file,
        at,
        format!("{}den lettleste teksten mangler «{written}» ({fact}), som står i standardteksten", field(pair)),
    )
    .with_help("ta med opplysningen i den lettleste teksten: lettlest skal si det samme enklere, ikke mindre av det leseren trenger for å handle")
}

pub fn fact_added(pair: &Pair, at: Position, written: &str, fact: &Fact) -> Finding {
    Finding::warning(
        &pair.file,
        at,
        format!("{}den lettleste teksten har «{written}» ({fact}), som ikke står i standardteksten", field(pair)),
    )
    .with_help("lettlest kan si mindre enn standardteksten, aldri noe annet: rett opplysningen, eller skriv den også i standardteksten")
}

pub fn unexplained_term(pair: &Pair, at: Position, word: &str, listed: &str, glossary: &Path) -> Finding {
    Finding::warning(
        &pair.file,
        at,
        format!("{}«{word}» er et vanskelig ord som ordlisten ikke forklarer", field(pair)),
    )
    .with_help(format!(
        "skriv et enklere ord, eller legg «{listed}» under `terms:` i {} med en kort forklaring",
        glossary.display()
    ))
}

pub fn avoided_word(pair: &Pair, at: Position, word: &str, avoided: &Avoided) -> Finding {
    Finding::warning(
        &pair.file,
        at,
        format!("{}ikke bruk «{word}» i lettlest (ordlisten, «{}»)", field(pair), avoided.term),
    )
    .with_help(avoided.instead.clone())
}
