//! The languages a provider's staff speak: each a code (for addresses and
//! open data) and its name in the site's language (for readers, and for the
//! order they read them in).

use super::collate;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StaffLanguage {
    /// ISO 639-1 (or 639-3 where 639-1 has none), lower case.
    pub code: String,
    /// From `languages:` in the site's i18n file.
    pub name: String,
}

/// Bokmål and nynorsk are written forms of one spoken language: staff who
/// speak Norwegian speak it whichever form they write, and ISO 639-1 `no`
/// ("Norwegian", as many registers write it) is the same. Readers see one
/// "norsk" and one filter page, under `nb`, so filtering on "norsk" finds
/// every provider who speaks it.
const SAME_AS: &[(&str, &str)] = &[("no", "nb"), ("nn", "nb")];

impl StaffLanguage {
    /// The code readers are shown under: `no` and `nn` are `nb`.
    pub fn canonical(code: &str) -> &str {
        SAME_AS.iter().find(|(alias, _)| *alias == code).map_or(code, |(_, same)| same)
    }

    /// Alphabetical by name, Norwegian collation (æ, ø, å after z, case
    /// ignored); the code breaks ties so the order is total.
    pub fn sort_key(&self) -> ((Vec<u32>, String), String) {
        (collate::sort_key(&self.name), self.code.clone())
    }
}

/// A list as readers see it: by name, each language once.
pub fn reading_order(mut list: Vec<StaffLanguage>) -> Vec<StaffLanguage> {
    list.sort_by_cached_key(StaffLanguage::sort_key);
    list.dedup_by(|a, b| a.code == b.code);
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str, name: &str) -> StaffLanguage {
        StaffLanguage { code: code.to_string(), name: name.to_string() }
    }

    #[test]
    fn languages_read_by_name_not_code_with_norwegian_letters_last() {
        let list = vec![lang("fi", "finsk"), lang("fa", "persisk"), lang("en", "engelsk"), lang("da", "dansk")];
        let names: Vec<String> = reading_order(list).into_iter().map(|l| l.name).collect();
        assert_eq!(names, ["dansk", "engelsk", "finsk", "persisk"]);
        let list = vec![lang("zu", "zulu"), lang("xx", "Ærlig"), lang("en", "engelsk")];
        let names: Vec<String> = reading_order(list).into_iter().map(|l| l.name).collect();
        assert_eq!(names, ["engelsk", "zulu", "Ærlig"]);
    }

    #[test]
    fn a_language_listed_twice_is_shown_once() {
        let list = vec![lang("nb", "norsk"), lang("en", "engelsk"), lang("nb", "norsk")];
        assert_eq!(reading_order(list).len(), 2);
        assert_eq!(StaffLanguage::canonical("no"), "nb");
        assert_eq!(StaffLanguage::canonical("nn"), "nb");
        assert_eq!(StaffLanguage::canonical("se"), "se");
    }
}
