//! "Did you mean": the id an editor most likely meant, from a misspelt id
//! or from the name readers see (`Nordre Åsen` for `nordre-asen`).

use crate::domain::Slug;
use crate::messages::Message;
use crate::msg;

/// Something a value may refer to: its id and, when it has one, the name
/// shown on the site.
pub struct Candidate<'a> {
    pub id: &'a str,
    pub name: Option<&'a str>,
}

/// The candidate `value` most likely means: the one whose id or display
/// name, with case and diacritics folded (æ→ae, ø→o, å→a), is nearest to
/// it, within two edits. A display name written out is at distance 0.
pub fn closest<'a>(value: &str, candidates: &[Candidate<'a>]) -> Option<&'a str> {
    let folded = fold(value);
    if folded.is_empty() {
        return None;
    }
    candidates
        .iter()
        .flat_map(|c| {
            let by_name = c.name.map(|n| strsim::levenshtein(&folded, &fold(n)));
            let distance = strsim::levenshtein(&folded, c.id).min(by_name.unwrap_or(usize::MAX));
            (distance <= 2).then_some((distance, c.id))
        })
        .min()
        .map(|(_, id)| id)
}

/// "did you mean `x`? ", or nothing, to put in front of a help line.
pub fn did_you_mean(value: &str, candidates: &[Candidate]) -> Message {
    match closest(value, candidates) {
        Some(id) => msg!("suggest.did_you_mean", candidate = id),
        None => msg!("suggest.none"),
    }
}

/// Lower case, Norwegian letters as addresses write them, anything else a
/// hyphen: the same folding that makes ids from names.
fn fold(s: &str) -> String {
    Slug::suggest(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn districts() -> Vec<Candidate<'static>> {
        vec![
            Candidate { id: "sentrum", name: Some("Sentrum") },
            Candidate { id: "nordre-asen", name: Some("Nordre Åsen") },
            Candidate { id: "vestsida", name: Some("Vestsida") },
        ]
    }

    #[test]
    fn a_display_name_finds_its_id_whatever_the_case_and_diacritics() {
        for written in ["Nordre Åsen", "nordre åsen", "NORDRE ASEN", "Nordre-Åsen"] {
            assert_eq!(closest(written, &districts()), Some("nordre-asen"), "{written}");
        }
        assert_eq!(closest("Sentrum", &districts()), Some("sentrum"));
        let east = [Candidate { id: "ost", name: Some("Østbyen") }];
        assert_eq!(closest("østbyen", &east), Some("ost"), "a name unlike its id");
    }

    #[test]
    fn a_misspelt_id_or_name_finds_the_nearest_and_a_stranger_nothing() {
        assert_eq!(closest("vestsidda", &districts()), Some("vestsida"));
        assert_eq!(closest("Nordre Åsn", &districts()), Some("nordre-asen"));
        assert_eq!(closest("Fjellbygda", &districts()), None);
        assert_eq!(closest("", &districts()), None);
    }
}
