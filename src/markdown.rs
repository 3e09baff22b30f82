//! Markdown from pages and self-descriptions, made safe: raw HTML becomes
//! visible text, and links and images may only use http, https, mailto, tel
//! or relative addresses. The same pass that renders also reports what it
//! neutralised, so validation and rendering can never disagree.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::model::routes::{Linker, SitePath};

/// Something in a Markdown text the author should hear about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    RawHtml { offset: usize },
    UnsafeUrl { offset: usize, url: String },
    InternalLink { offset: usize, path: SitePath, fragment: String },
    ImageWithoutAlt { offset: usize },
}

fn options() -> Options {
    // No heading attributes: `{#id .class}` would let authors set ids and
    // classes on the municipality's page.
    Options::ENABLE_TABLES
}

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

/// Renders `source` to HTML. Internal links (`/klage/`) become relative to
/// the page via `linker`.
pub fn to_html(source: &str, linker: &Linker) -> String {
    let (events, _) = filter(source, Some(linker));
    let mut html = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

/// Everything `to_html` would neutralise or resolve, with byte offsets.
pub fn inspect(source: &str) -> Vec<Notice> {
    filter(source, None).1
}

/// Words in the text, for length limits that keep providers on equal terms.
pub fn word_count(source: &str) -> usize {
    Parser::new_ext(source, options())
        .map(|event| match event {
            Event::Text(t) | Event::Code(t) => t.split_whitespace().count(),
            _ => 0,
        })
        .sum()
}

fn filter<'a>(source: &'a str, linker: Option<&Linker>) -> (Vec<Event<'a>>, Vec<Notice>) {
    let mut events = Vec::new();
    let mut notices = Vec::new();
    // For each open link or image: was its start tag kept?
    let mut kept = Vec::new();
    let mut image_alt_len: Option<usize> = None;
    let mut image_offset = 0;
    for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
        let offset = range.start;
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) => {
                notices.push(Notice::RawHtml { offset });
                events.push(Event::Text(raw));
            }
            Event::Start(Tag::HtmlBlock) => events.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => events.push(Event::End(TagEnd::Paragraph)),
            // The page's title is its only h1.
            Event::Start(Tag::Heading { level: HeadingLevel::H1, id, classes, attrs }) => {
                events.push(Event::Start(Tag::Heading { level: HeadingLevel::H2, id, classes, attrs }))
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => events.push(Event::End(TagEnd::Heading(HeadingLevel::H2))),
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                match resolve(&dest_url, offset, linker, &mut notices) {
                    Some(url) => {
                        kept.push(true);
                        events.push(Event::Start(Tag::Link { link_type, dest_url: url, title, id }));
                    }
                    None => kept.push(false),
                }
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                image_alt_len = Some(0);
                image_offset = offset;
                match resolve(&dest_url, offset, linker, &mut notices) {
                    Some(url) => {
                        kept.push(true);
                        events.push(Event::Start(Tag::Image { link_type, dest_url: url, title, id }));
                    }
                    None => kept.push(false),
                }
            }
            Event::End(end @ (TagEnd::Link | TagEnd::Image)) => {
                if end == TagEnd::Image && image_alt_len.take() == Some(0) {
                    notices.push(Notice::ImageWithoutAlt { offset: image_offset });
                }
                if kept.pop().unwrap_or(false) {
                    events.push(Event::End(end));
                }
            }
            Event::Text(t) => {
                if let Some(len) = image_alt_len.as_mut() {
                    *len += t.trim().len();
                }
                events.push(Event::Text(t));
            }
            other => events.push(other),
        }
    }
    (events, notices)
}

/// The URL to emit, or `None` when the link must be dropped (its text stays).
fn resolve<'a>(
    url: &CowStr<'a>,
    offset: usize,
    linker: Option<&Linker>,
    notices: &mut Vec<Notice>,
) -> Option<CowStr<'a>> {
    let Some(cleaned) = clean_url(url) else {
        notices.push(Notice::UnsafeUrl { offset, url: url.to_string() });
        return None;
    };
    if let Some((path, fragment)) = SitePath::from_internal_link(&cleaned) {
        notices.push(Notice::InternalLink { offset, path: path.clone(), fragment: fragment.to_string() });
        let href = match linker {
            Some(linker) => linker.page(path.as_str()),
            None => path.to_string(),
        };
        let href = if fragment.is_empty() { href } else { format!("{href}#{fragment}") };
        return Some(CowStr::from(href));
    }
    Some(CowStr::from(cleaned))
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(source: &str, offset: usize) -> (u32, u32) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() as u32 + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Variant;

    fn html(md: &str) -> String {
        to_html(md, &Linker::for_page(&SitePath::home(), Variant::Standard))
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let out = html("Hei <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n");
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
        assert_eq!(inspect("a <b>c</b>").len(), 2);
    }

    #[test]
    fn dangerous_link_schemes_are_dropped_but_their_text_stays() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "&#106;avascript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
        ] {
            let out = html(&format!("[klikk]({url})"));
            assert!(!out.contains("href"), "{url}: {out}");
            assert!(out.contains("klikk"), "{url}: {out}");
        }
        let out = html("![bilde](javascript:alert(1))");
        assert!(!out.contains("<img"), "{out}");
    }

    #[test]
    fn allowed_links_are_kept_and_internal_ones_made_relative() {
        let out = to_html(
            "[a](https://uustatus.no/) [b](mailto:a@b.no) [c](tel:+4712345678) [d](/klage/#frister)",
            &Linker::for_page(&SitePath::service(&crate::domain::Slug::parse("skole").unwrap()), Variant::Standard),
        );
        assert!(out.contains(r#"href="https://uustatus.no/""#), "{out}");
        assert!(out.contains(r#"href="mailto:a@b.no""#), "{out}");
        assert!(out.contains(r#"href="tel:+4712345678""#), "{out}");
        assert!(out.contains(r#"href="../../klage/#frister""#), "{out}");
    }

    #[test]
    fn heading_attributes_cannot_set_ids_or_classes() {
        let out = html("## Tittel {#x .y data-z=1}\n");
        // The attribute block stays visible text; nothing becomes an attribute.
        assert_eq!(out.trim(), "<h2>Tittel {#x .y data-z=1}</h2>");
    }

    #[test]
    fn reports_positions() {
        assert_eq!(line_column("ab\ncæd", 6), (2, 3));
    }
}
