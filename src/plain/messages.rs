//! The findings of the plain-language checks, in one place. Their words are
//! in the message catalogue (`messages/*.yaml`, keys `plain.*`), like every
//! other finding's.

use std::path::Path;

use super::facts::Fact;
use super::texts::Pair;
use crate::diagnostics::{Finding, Position};
use crate::msg;

/// A word plain texts must not use.
#[derive(Debug, Clone)]
pub struct Avoided {
    pub term: String,
    pub instead: String,
}

/// "`field`: " before a message about one field of a YAML file; nothing for
/// a whole Markdown text.
fn field(pair: &Pair) -> String {
    if pair.field.is_empty() { String::new() } else { format!("`{}`: ", pair.field) }
}

pub fn fact_missing(pair: &Pair, at: Position, written: &str, fact: &Fact) -> Finding {
    Finding::warning(&pair.file, at, msg!("plain.fact_missing", field = field(pair), written = written, fact = fact))
        .with_help(msg!("plain.fact_missing.help"))
}

pub fn fact_added(pair: &Pair, at: Position, written: &str, fact: &Fact) -> Finding {
    Finding::warning(&pair.file, at, msg!("plain.fact_added", field = field(pair), written = written, fact = fact))
        .with_help(msg!("plain.fact_added.help"))
}

pub fn unexplained_term(pair: &Pair, at: Position, word: &str, listed: &str, glossary: &Path) -> Finding {
    Finding::warning(&pair.file, at, msg!("plain.unexplained_term", field = field(pair), word = word)).with_help(msg!(
        "plain.unexplained_term.help",
        listed = listed,
        glossary = glossary.display()
    ))
}

pub fn avoided_word(pair: &Pair, at: Position, word: &str, avoided: &Avoided) -> Finding {
    Finding::warning(&pair.file, at, msg!("plain.avoided_word", field = field(pair), word = word, term = avoided.term))
        // The glossary's own advice, written by the municipality.
        .with_help(msg!("plain.avoided_word.help", instead = avoided.instead))
}
