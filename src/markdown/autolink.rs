//! Bare `https://` addresses in running text, found by the rules of GitHub
//! Flavored Markdown's extended autolinks (pulldown-cmark has none): the
//! address ends at white space or `<`, trailing punctuation is left out, and
//! a closing parenthesis only belongs to it when an opening one does.

use std::ops::Range;

/// Byte ranges of the addresses in `text`, in order.
pub fn find(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find("http") {
        let start = from + found;
        from = start + 4;
        let Some(scheme_len) =
            ["https://", "http://"].iter().find(|s| lower[start..].starts_with(**s)).map(|s| s.len())
        else {
            continue;
        };
        // Only at the start of a word (or after `(`, `*`, `_`, `~`), so
        // `xhttps://` stays text.
        if let Some(before) = text[..start].chars().next_back()
            && !(before.is_whitespace() || matches!(before, '(' | '*' | '_' | '~'))
        {
            continue;
        }
        let rest = &text[start + scheme_len..];
        let domain_len =
            rest.find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))).unwrap_or(rest.len());
        if !valid_domain(&rest[..domain_len]) {
            continue;
        }
        let raw_len = rest.find(|c: char| c.is_whitespace() || c == '<').unwrap_or(rest.len());
        let len = trim_trailing(&rest[..raw_len]).len();
        if len < domain_len.min(raw_len) {
            // Trimming ate into the domain (`https://a.no.`): keep the domain.
            let domain = rest[..domain_len].trim_end_matches('.');
            if !valid_domain(domain) {
                continue;
            }
            out.push(start..start + scheme_len + domain.len());
            from = start + scheme_len + domain.len();
            continue;
        }
        out.push(start..start + scheme_len + len);
        from = start + scheme_len + len;
    }
    out
}

/// Segments of letters, digits, `-` and `_` joined by dots, at least one
/// dot, and no `_` in the last two segments (GFM's valid domain).
fn valid_domain(domain: &str) -> bool {
    let segments: Vec<&str> = domain.split('.').collect();
    segments.len() >= 2
        && segments.iter().all(|s| !s.is_empty())
        && segments.iter().rev().take(2).all(|s| !s.contains('_'))
}

fn trim_trailing(mut url: &str) -> &str {
    // Counted once: a hostile `)))...` must not be counted again per `)`.
    let opening = url.matches('(').count();
    let mut closing = url.matches(')').count();
    loop {
        let before = url.len();
        url = url.trim_end_matches(['?', '!', '.', ',', ':', '*', '_', '~', '\'', '"']);
        if url.ends_with(')') && closing > opening {
            url = &url[..url.len() - 1];
            closing -= 1;
        }
        // `&amp;`-like endings are entity references, not part of the address.
        if let Some(without) = url.strip_suffix(';')
            && let Some(amp) = without.rfind('&')
            && amp + 1 < without.len()
            && without[amp + 1..].bytes().all(|b| b.is_ascii_alphanumeric())
        {
            url = &url[..amp];
        }
        if url.len() == before {
            return url;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn finds_addresses_and_leaves_out_trailing_punctuation() {
        assert_eq!(urls("Sjå https://lovdata.no/lov/1967-02-10. Og meir."), ["https://lovdata.no/lov/1967-02-10"]);
        assert_eq!(urls("(sjå https://www.nav.no/klage)"), ["https://www.nav.no/klage"]);
        assert_eq!(
            urls("https://no.wikipedia.org/wiki/Fjord_(landform))."),
            ["https://no.wikipedia.org/wiki/Fjord_(landform)"]
        );
        assert_eq!(urls("http://a.no?x=1&y=2, og https://b.no!"), ["http://a.no?x=1&y=2", "https://b.no"]);
        assert_eq!(urls("HTTPS://A.NO"), ["HTTPS://A.NO"]);
        assert_eq!(urls("https://a.no&amp;"), ["https://a.no"]);
    }

    #[test]
    fn needs_a_domain_and_the_start_of_a_word() {
        assert!(urls("xhttps://a.no https://localhost https:// https://a_b.c_d http://.no").is_empty());
        assert!(urls("javascript:alert(1) data:text/html,x").is_empty());
        assert_eq!(urls("https://a.no<b"), ["https://a.no"]);
    }
}
