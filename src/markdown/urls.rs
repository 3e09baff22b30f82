//! Which link and image addresses a Markdown text may use, as the
//! browser would read them.

/// The URL to emit, or `None` when its scheme is not allowed. Browsers ignore ASCII tabs, newlines and
/// leading spaces in URLs, so they are removed before judging.
pub fn clean_url(url: &str) -> Option<String> {
    let cleaned: String = url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
    let scheme_end = cleaned.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if cleaned.as_bytes()[i] == b':' => {
            let scheme = cleaned[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel").then_some(cleaned)
        }
        _ => Some(cleaned),
    }
}

/// `url` with its host in punycode, when the host mixes scripts in a label
/// (`trygghverdаg.no` with a Cyrillic «а»): what the browser really opens.
pub(crate) fn ascii_if_mixed_script(url: &str) -> Option<String> {
    let web = crate::domain::WebAddress::parse(url)?;
    web.host.mixes_scripts().then(|| web.with_ascii_host())
}

/// Browsers take `//host/path` as another site, after ignoring tabs, line
/// breaks and backslashes, so those are removed before judging.
pub(super) fn is_protocol_relative(url: &str) -> bool {
    let cleaned: String = url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
    let cleaned = cleaned.replace('\\', "/");
    cleaned.starts_with("//")
}

/// An image address that names a file of this site: a path from the site
/// root (`/assets/...`), with no scheme and no host.
pub(super) fn is_local(url: &str) -> bool {
    let cleaned: String = url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
    cleaned.starts_with('/') && !is_protocol_relative(&cleaned) && !cleaned.contains(':')
}
