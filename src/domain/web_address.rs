//! An http(s) address as the browser reads it: scheme, host (in both its
//! forms) and the rest, so what a reader is shown is what they open.

use super::lookalike::Host;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebAddress {
    /// `https://` or `http://`.
    scheme: &'static str,
    pub host: Host,
    /// `:8080`, or empty.
    port: String,
    /// The path, query and fragment, as written.
    tail: String,
}

impl WebAddress {
    /// `None` unless `url` is an http(s) address with a domain name for a
    /// host. User info (`https://kommune.no@evil.example/`) is refused: the
    /// reader sees one host and the browser opens the other.
    pub fn parse(url: &str) -> Option<WebAddress> {
        let (scheme, rest) = if let Some(rest) = url.strip_prefix("https://") {
            ("https://", rest)
        } else {
            ("http://", url.strip_prefix("http://")?)
        };
        if rest.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\'' | '\\')) {
            return None;
        }
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        if authority.contains('@') {
            return None;
        }
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => {
                (host, format!(":{port}"))
            }
            Some(_) => return None,
            None => (authority, String::new()),
        };
        if !host.contains('.') || host.starts_with('.') {
            return None;
        }
        let host = Host::parse(host)?;
        Some(WebAddress { scheme, host, port, tail: tail.to_string() })
    }

    /// The address with its host in the ASCII form the browser connects to.
    pub fn with_ascii_host(&self) -> String {
        format!("{}{}{}{}", self.scheme, self.host.ascii, self.port, self.tail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_a_scheme_a_domain_and_the_rest() {
        let web = WebAddress::parse("https://www.trygghverd\u{0430}g.no/om-oss?a=1").unwrap();
        assert!(web.with_ascii_host().starts_with("https://www.xn--"), "{}", web.with_ascii_host());
        assert!(web.with_ascii_host().ends_with(".no/om-oss?a=1"));
        assert!(WebAddress::parse("https://www.fjordvik.kommune.no:8443/").is_some());
        for bad in [
            "javascript:alert(1)",
            "www.fjordvik.no",
            "https://www.fjordvik.kommune.no@evil.example/",
            "https://localhost/",
            "https://a.no:x/",
            "https://a b.no/",
        ] {
            assert!(WebAddress::parse(bad).is_none(), "{bad}");
        }
    }
}
