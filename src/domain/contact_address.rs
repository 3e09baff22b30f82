//! The shapes of a phone number and an e-mail address, one rule for the
//! profile's fields and for `tel:` and `mailto:` links in Markdown, so a
//! link cannot carry what the field refuses.

/// A Norwegian number: 8 digits, optionally `+47` or `0047` first, spaces
/// allowed. The 8 digits, or `None`. Anything else (`*`, `#`, letters, a
/// foreign or premium number) is refused: a `tel:` link dials it.
pub fn norwegian_phone(value: &str) -> Option<String> {
    let compact: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = compact.strip_prefix("+47").or_else(|| compact.strip_prefix("0047")).unwrap_or(&compact);
    (digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.to_string())
}

/// An address only: in a `mailto:` link `?`, `&` or `%` would add
/// recipients, a subject or a body the reader never sees.
pub fn is_plain_email(email: &str) -> bool {
    let local_char = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '+' | '-');
    let label_ok = |l: &str| {
        !l.is_empty() && !l.starts_with('-') && !l.ends_with('-') && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && local.chars().all(local_char)
            && !local.starts_with('.')
            && !local.ends_with('.')
            && domain.contains('.')
            && domain.split('.').all(label_ok)
    })
}

/// Whether a `mailto:` or `tel:` link holds only what the profile's
/// e-mail and phone fields accept: one plain address (no `cc`, `bcc`,
/// `subject` or `body`), one Norwegian number (no `*`, `#`, letters or
/// foreign numbers). Other links are not this rule's and pass.
pub fn contact_link_allowed(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once(':') else { return true };
    match scheme.to_ascii_lowercase().as_str() {
        "mailto" => is_plain_email(rest),
        "tel" => {
            // The visual separators RFC 3966 allows, and a space written `%20`.
            let rest = rest.replace("%20", " ");
            let bare: String = rest.chars().filter(|c| !matches!(c, '-' | '.' | '(' | ')')).collect();
            norwegian_phone(&bare).is_some()
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_norwegian_and_digits_only() {
        assert_eq!(norwegian_phone("+47 55 12 34 56").as_deref(), Some("55123456"));
        for bad in ["*2767*3855#", "+19005550100", "5512345", "55I23456", "+4755123456#"] {
            assert_eq!(norwegian_phone(bad), None, "{bad}");
        }
    }

    #[test]
    fn contact_links_follow_the_field_rules() {
        for good in
            ["mailto:rektor@fjordvik.kommune.no", "tel:+47-55-12-34-56", "tel:55%2012%2034%2056", "https://x.no/?a=b"]
        {
            assert!(contact_link_allowed(good), "{good}");
        }
        for bad in [
            "mailto:rektor@skole.no?bcc=spion@evil.example&body=Personnummer:",
            "MAILTO:a@b.no?subject=x",
            "mailto:a@b.no,c@d.no",
            "tel:*2767*3855%23",
            "tel:+19005550100",
        ] {
            assert!(!contact_link_allowed(bad), "{bad}");
        }
    }

    #[test]
    fn an_email_is_an_address_and_nothing_more() {
        assert!(is_plain_email("ola.nordmann+skole@fjordvik.kommune.no"));
        for bad in ["a@b.no?bcc=x@y.no", "a%40b@c.no", "a@b.no,c@d.no", "a@-b.no", ".a@b.no", "a@b..no"] {
            assert!(!is_plain_email(bad), "{bad}");
        }
    }
}
