use std::fmt;

/// What to write instead of `raw` where a slug is wanted: the corrected
/// slug when one can be made.
pub fn slug_help(raw: &str) -> crate::messages::Message {
    let suggestion = Slug::suggest(raw);
    if suggestion.is_empty() {
        crate::msg!("slug.help")
    } else {
        crate::msg!("slug.help.suggest", suggestion = suggestion)
    }
}

/// A text that is not a slug: more than a-z, digits and inner hyphens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotASlug;

/// A URL-safe identifier taken from a file name or an `id` field.
///
/// Only `[a-z0-9-]+` is allowed, so a slug can never climb out of the output
/// directory (`..`, `/`) nor need percent-encoding in an address.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    /// Checks `raw`; `slug_help` says what to write instead.
    pub fn parse(raw: &str) -> Result<Slug, NotASlug> {
        let valid = !raw.is_empty()
            && !raw.starts_with('-')
            && !raw.ends_with('-')
            && raw.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if valid { Ok(Slug(raw.to_string())) } else { Err(NotASlug) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Transliterates Norwegian letters the way Norwegian addresses usually
    /// do and turns everything else into hyphens.
    pub fn suggest(raw: &str) -> String {
        suggest(raw)
    }
}

fn suggest(raw: &str) -> String {
    let mut out = String::new();
    for c in raw.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' => out.push_str("ae"),
            'ø' | 'ö' | 'ó' | 'ò' => out.push('o'),
            'å' | 'ä' | 'á' | 'à' => out.push('a'),
            'é' | 'è' | 'ê' => out.push('e'),
            'ü' => out.push('u'),
            c if c.is_ascii_lowercase() || c.is_ascii_digit() => out.push(c),
            _ => {
                if !out.ends_with('-') {
                    out.push('-')
                }
            }
        }
    }
    out.trim_matches('-').to_string()
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Maps keyed by slug can be looked up with a plain `&str`.
impl std::borrow::Borrow<str> for Slug {
    fn borrow(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_lower_case_ascii_digits_and_hyphens() {
        assert_eq!(Slug::parse("nordre-asen-2").unwrap().as_str(), "nordre-asen-2");
    }

    #[test]
    fn rejects_norwegian_letters_with_a_transliterated_suggestion() {
        for (raw, suggested) in
            [("nordre-åsen", "nordre-asen"), ("Bjørnstjerne Bjørnsons skole", "bjornstjerne-bjornsons-skole")]
        {
            assert_eq!(Slug::parse(raw), Err(NotASlug));
            let help = slug_help(raw).render(crate::messages::Lang::En);
            assert!(help.contains(suggested), "{help}");
        }
    }

    #[test]
    fn rejects_path_tricks() {
        for bad in ["..", "a/b", "", "-a", "a-", "a.b"] {
            assert!(Slug::parse(bad).is_err(), "{bad}");
        }
    }
}
