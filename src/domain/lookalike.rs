//! Names and web addresses that cannot pass for another provider's: what
//! a reader takes for the same name (case, compatibility forms, letters of
//! another script that look the same) is the same name here, by the
//! confusable skeletons of Unicode TS #39.

use unicode_normalization::UnicodeNormalization;
use unicode_security::MixedScript;

/// Why a name cannot be shown as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    /// Punctuation or symbols only: nothing a reader can tell apart.
    NoLetterOrDigit,
    /// A word of letters from more than one script («Hvеrdag» with a
    /// Cyrillic «е»): it reads as one word but is another.
    MixedScript { word: String },
}

/// What is wrong with `name`, if anything. Invisible characters are the
/// text policy's and refused before this.
pub fn name_problem(name: &str) -> Option<NameProblem> {
    if !name.chars().any(char::is_alphanumeric) {
        return Some(NameProblem::NoLetterOrDigit);
    }
    mixed_script_word(name).map(|word| NameProblem::MixedScript { word: word.to_string() })
}

/// The first word of `text` whose letters come from more than one script
/// (digits and punctuation belong to every script).
pub fn mixed_script_word(text: &str) -> Option<&str> {
    text.split(|c: char| !c.is_alphanumeric()).find(|word| !word.is_empty() && !word.is_single_script())
}

/// What a reader sees of `name`, as a key: two names with the same key
/// are the same name to the eye. Case folded, compatibility forms composed
/// (NFKC: «ﬁ», full-width letters), lookalikes mapped to one prototype
/// (UTS #39 skeleton: Cyrillic «е» to Latin «e», «rn» to «m»), and runs of
/// spaces as one.
pub fn skeleton_key(name: &str) -> String {
    let folded: String = name.to_lowercase().nfkc().collect();
    let skeleton: String = unicode_security::skeleton(&folded).collect::<String>().to_lowercase();
    let mut key = String::with_capacity(skeleton.len());
    for word in skeleton.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

/// A web address's host in the two forms a browser knows: the ASCII
/// (punycode) form it connects to and the Unicode form it may show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Host {
    pub ascii: String,
    pub unicode: String,
}

impl Host {
    /// `None` when `host` is no valid domain name.
    pub fn parse(host: &str) -> Option<Host> {
        let ascii = idna::domain_to_ascii(host).ok()?;
        let (unicode, result) = idna::domain_to_unicode(&ascii);
        result.ok()?;
        Some(Host { ascii, unicode })
    }

    /// Whether a label of the host mixes scripts (`trygghverdаg` with a
    /// Cyrillic «а»): browsers show such hosts as punycode.
    pub fn mixes_scripts(&self) -> bool {
        self.unicode.split('.').any(|label| mixed_script_word(label).is_some())
    }

    /// The host as a reader compares it: without `www.`, by skeleton.
    pub fn skeleton_key(&self) -> String {
        skeleton_key(self.unicode.strip_prefix("www.").unwrap_or(&self.unicode))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_names_in_norwegian_sami_and_arabic_pass() {
        for name in ["Trygg Hverdag AS", "Čáhcesuolu bálvalus", "Sámi mánáidgárdi", "دار الرعاية", "Bø 24/7"]
        {
            assert_eq!(name_problem(name), None, "{name}");
        }
    }

    #[test]
    fn a_name_without_letters_or_with_a_word_of_two_scripts_is_refused() {
        assert_eq!(name_problem("– – –"), Some(NameProblem::NoLetterOrDigit));
        assert_eq!(
            name_problem("Trygg Hv\u{0435}rdag"),
            Some(NameProblem::MixedScript { word: "Hv\u{0435}rdag".to_string() })
        );
    }

    #[test]
    fn lookalike_names_have_one_key() {
        let key = skeleton_key("Trygg Hverdag");
        for lookalike in ["TRYGG  HVERDAG", "Trygg Hv\u{0435}rdag", "Ｔｒｙｇｇ Ｈｖｅｒｄａｇ"] {
            assert_eq!(skeleton_key(lookalike), key, "{lookalike}");
        }
        assert_ne!(skeleton_key("Trygg Hverdag Nord"), key);
        assert_ne!(skeleton_key("Sámi"), skeleton_key("Sami"));
    }

    #[test]
    fn hosts_are_known_in_both_forms() {
        let host = Host::parse("www.trygghverd\u{0430}g.no").unwrap();
        assert!(host.ascii.starts_with("www.xn--"), "{}", host.ascii);
        assert!(host.mixes_scripts());
        assert_eq!(host.skeleton_key(), Host::parse("trygghverdag.no").unwrap().skeleton_key());
        let norwegian = Host::parse("www.bærum.kommune.no").unwrap();
        assert!(!norwegian.mixes_scripts());
        assert_eq!(Host::parse(&norwegian.ascii).unwrap().unicode, "www.bærum.kommune.no");
    }
}
