use std::fmt;

/// A language code as `lang` attributes take it: a BCP 47 primary subtag
/// (`nb`, `nn`, `se`, `ar`, `smj`; `no` too, which registers still use),
/// optionally followed by a script (`Arab`) and a region (`NO`, `419`).
/// Nothing else gets through, so a value can go into an attribute as is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct LanguageTag(String);

/// Right-to-left by default: browsers do not infer `dir` from `lang`.
const RTL_LANGUAGES: [&str; 12] = ["ar", "ckb", "dv", "fa", "he", "iw", "ji", "ps", "sd", "ug", "ur", "yi"];
const RTL_SCRIPTS: [&str; 6] = ["Arab", "Hebr", "Nkoo", "Syrc", "Thaa", "Adlm"];

/// Why a value is not a language code, for the help line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LanguageTagError {
    /// The language itself is not two or three letters.
    Primary,
    /// Something other than a script and a region follows the language.
    Subtags,
}

impl LanguageTag {
    /// Checks `raw` (case does not matter; the tag is stored in its usual
    /// case).
    pub fn parse(raw: &str) -> Result<LanguageTag, LanguageTagError> {
        let mut parts = raw.split(['-', '_']);
        let primary = parts.next().unwrap_or_default();
        if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(LanguageTagError::Primary);
        }
        let mut tag = primary.to_ascii_lowercase();
        let mut seen_script = false;
        let mut seen_region = false;
        for part in parts {
            let letters = part.bytes().all(|b| b.is_ascii_alphabetic());
            let digits = part.bytes().all(|b| b.is_ascii_digit());
            if part.len() == 4 && letters && !seen_script && !seen_region {
                seen_script = true;
                tag.push('-');
                tag.push_str(&part[..1].to_ascii_uppercase());
                tag.push_str(&part[1..].to_ascii_lowercase());
            } else if ((part.len() == 2 && letters) || (part.len() == 3 && digits)) && !seen_region {
                seen_region = true;
                tag.push('-');
                tag.push_str(&part.to_ascii_uppercase());
            } else {
                return Err(LanguageTagError::Subtags);
            }
        }
        Ok(LanguageTag(tag))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The language without script and region: `se` for `se-NO`.
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// Whether text in this language runs right to left, for `dir`.
    pub fn is_right_to_left(&self) -> bool {
        match self.0.split('-').find(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_alphabetic())) {
            Some(script) => RTL_SCRIPTS.contains(&script),
            None => RTL_LANGUAGES.contains(&self.primary()),
        }
    }

    /// The `dir` attribute value a page or section in this language needs.
    pub fn dir(&self) -> &'static str {
        if self.is_right_to_left() { "rtl" } else { "ltr" }
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_codes_with_script_and_region_in_their_usual_case() {
        for (raw, tag) in [
            ("nb", "nb"),
            ("NO", "no"),
            ("se-no", "se-NO"),
            ("smj", "smj"),
            ("az-arab-ir", "az-Arab-IR"),
            ("es-419", "es-419"),
        ] {
            assert_eq!(LanguageTag::parse(raw).unwrap().as_str(), tag, "{raw}");
        }
    }

    #[test]
    fn refuses_anything_that_is_not_a_code() {
        for raw in
            ["", "n", "norsk", "x onload=alert(1)", "\"ar\"", "ar-", "ar-NO-SE", "nb-NO-Latn", "a1", "ar dir=ltr"]
        {
            assert!(LanguageTag::parse(raw).is_err(), "{raw}");
        }
    }

    #[test]
    fn right_to_left_follows_the_language_unless_a_script_says_otherwise() {
        let dir = |raw: &str| LanguageTag::parse(raw).unwrap().dir();
        assert_eq!(dir("ar"), "rtl");
        assert_eq!(dir("fa-IR"), "rtl");
        assert_eq!(dir("he"), "rtl");
        assert_eq!(dir("ur"), "rtl");
        assert_eq!(dir("se"), "ltr");
        assert_eq!(dir("pl"), "ltr");
        assert_eq!(dir("az-Arab"), "rtl");
        assert_eq!(dir("ku-Latn"), "ltr");
    }
}
