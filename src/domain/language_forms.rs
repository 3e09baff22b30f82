//! House style: where a written standard allows two forms of one word
//! (nynorsk «tyder» and «betyr», bokmål «fram» and «frem»), a site keeps
//! to one, so a reader does not meet both on one site. This is the one
//! table of such rival forms; the site chooses among them with
//! `language_forms:` in brukervalg.yaml, and `validate::language_forms`
//! warns about the rival of a chosen form in the site's texts.

use std::collections::BTreeMap;

/// One form of a word with its inflections. The rival forms of one
/// `Rivalry` list their inflections in the same order, so the word to
/// write instead is the one at the same place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Form {
    /// The form as a site names it in `language_forms:` (lowercase, NFC).
    pub name: &'static str,
    /// Every inflection, `name` first (lowercase, NFC).
    pub words: &'static [&'static str],
}

/// Forms of one word that a written standard allows side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rivalry {
    /// The language code: `nb` or `nn`.
    pub language: &'static str,
    /// The form chosen when the site says nothing, then its rivals.
    pub forms: &'static [Form],
}

/// Every rivalry the house style knows.
///
/// Nynorsk: the forms the tool's own nynorsk words use. Bokmål: the
/// moderate forms the example site uses throughout (fram, selv, hjem,
/// ble), the ones most municipalities' language guides prefer.
pub const RIVALRIES: &[Rivalry] = &[
    Rivalry {
        language: "nn",
        forms: &[
            Form { name: "tyder", words: &["tyder", "tyde", "tydde"] },
            Form { name: "betyr", words: &["betyr", "bety", "betydde"] },
        ],
    },
    Rivalry {
        language: "nn", forms: &[Form { name: "hjå", words: &["hjå"] }, Form { name: "hos", words: &["hos"] }]
    },
    Rivalry {
        language: "nn", forms: &[Form { name: "òg", words: &["òg"] }, Form { name: "også", words: &["også"] }]
    },
    Rivalry {
        language: "nn",
        forms: &[
            Form {
                name: "handsame",
                words: &[
                    "handsame",
                    "handsamar",
                    "handsama",
                    "handsamast",
                    "handsaming",
                    "handsaminga",
                    "sakshandsamar",
                    "sakshandsamarar",
                    "sakshandsaming",
                    "sakshandsamingstid",
                ],
            },
            Form {
                name: "behandle",
                words: &[
                    "behandle",
                    "behandlar",
                    "behandla",
                    "behandlast",
                    "behandling",
                    "behandlinga",
                    "saksbehandlar",
                    "saksbehandlarar",
                    "saksbehandling",
                    "saksbehandlingstid",
                ],
            },
        ],
    },
    Rivalry {
        language: "nb",
        forms: &[
            Form { name: "fram", words: &["fram", "framme", "framover", "framtid", "framtida", "framtiden"] },
            Form { name: "frem", words: &["frem", "fremme", "fremover", "fremtid", "fremtida", "fremtiden"] },
        ],
    },
    Rivalry {
        language: "nb",
        forms: &[Form { name: "selv", words: &["selv"] }, Form { name: "sjøl", words: &["sjøl"] }],
    },
    Rivalry {
        language: "nb",
        forms: &[Form { name: "hjem", words: &["hjem", "hjemme"] }, Form { name: "heim", words: &["heim", "heime"] }],
    },
    Rivalry {
        language: "nb",
        forms: &[Form { name: "ble", words: &["ble"] }, Form { name: "blei", words: &["blei"] }],
    },
];

/// The forms of `language` a site uses when it does not choose.
pub fn default_forms(language: &str) -> Vec<&'static str> {
    RIVALRIES.iter().filter(|r| r.language == language).map(|r| r.forms[0].name).collect()
}

/// The form named `name` in `language`, with its rivalry.
pub fn form_named(language: &str, name: &str) -> Option<(&'static Rivalry, &'static Form)> {
    RIVALRIES
        .iter()
        .filter(|r| r.language == language)
        .find_map(|r| r.forms.iter().find(|f| f.name == name).map(|f| (r, f)))
}

/// Every form name of `language`, as a site may write them.
pub fn form_names(language: &str) -> Vec<&'static str> {
    RIVALRIES.iter().filter(|r| r.language == language).flat_map(|r| r.forms.iter().map(|f| f.name)).collect()
}

/// For chosen forms, each rival word (lowercase) → the word to write
/// instead, in the same inflection.
pub fn rivals_of(chosen: &[&'static Form]) -> BTreeMap<&'static str, &'static str> {
    let mut out = BTreeMap::new();
    for form in chosen {
        let rivalry = RIVALRIES.iter().find(|r| r.forms.contains(form));
        for rival in rivalry.into_iter().flat_map(|r| r.forms).filter(|f| f != form) {
            for (i, word) in rival.words.iter().enumerate() {
                out.insert(*word, form.words.get(i).copied().unwrap_or(form.name));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn rival_forms_inflect_in_step_and_are_written_as_the_checks_read_them() {
        for rivalry in RIVALRIES {
            assert!(rivalry.forms.len() >= 2, "{rivalry:?}");
            for form in rivalry.forms {
                assert_eq!(form.words.len(), rivalry.forms[0].words.len(), "{form:?}");
                assert_eq!(form.words[0], form.name);
                for word in form.words {
                    assert_eq!(*word, word.nfc().collect::<String>().to_lowercase());
                }
            }
        }
    }

    #[test]
    fn choosing_a_form_makes_its_rival_the_word_to_avoid() {
        let (_, betyr) = form_named("nn", "betyr").unwrap();
        let rivals = rivals_of(&[betyr]);
        assert_eq!(rivals.get("tydde"), Some(&"betydde"));
        assert!(!rivals.contains_key("betyr"));
        assert!(form_named("nb", "tyder").is_none());
        assert_eq!(default_forms("nn"), ["tyder", "hjå", "òg", "handsame"]);
    }
}
