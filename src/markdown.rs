//! Markdown from pages and self-descriptions, made safe: raw HTML becomes
//! visible text, and links and images may only use http, https, mailto, tel
//! or relative addresses. The same pass that renders also reports what it
//! neutralised, so validation and rendering can never disagree.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::domain::LanguageTag;

use crate::model::routes::{Linker, SitePath};

/// Something in a Markdown text the author should hear about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    RawHtml {
        offset: usize,
    },
    UnsafeUrl {
        offset: usize,
        url: String,
    },
    /// A `mailto:` or `tel:` link holding more than the profile's e-mail
    /// or phone field would accept (`?bcc=`, `*#` codes): dropped.
    ContactLink {
        offset: usize,
        url: String,
    },
    /// A web address whose host mixes scripts: linked, and shown, in the
    /// punycode form (`ascii`) the browser opens.
    MixedScriptHost {
        offset: usize,
        url: String,
        ascii: String,
    },
    InternalLink {
        offset: usize,
        path: SitePath,
        fragment: String,
    },
    ImageWithoutAlt {
        offset: usize,
    },
    /// A heading attribute other than `lang` (`{#id}`, `{.class}`,
    /// `{data-x=1}`): dropped, never rendered.
    HeadingAttribute {
        offset: usize,
        attribute: String,
    },
    /// `{lang=...}` with something that is not a language code: dropped.
    BadLanguage {
        offset: usize,
        value: String,
        reason: crate::domain::LanguageTagError,
    },
}

impl Notice {
    pub fn offset(&self) -> usize {
        match self {
            Notice::RawHtml { offset }
            | Notice::UnsafeUrl { offset, .. }
            | Notice::ContactLink { offset, .. }
            | Notice::MixedScriptHost { offset, .. }
            | Notice::InternalLink { offset, .. }
            | Notice::ImageWithoutAlt { offset }
            | Notice::HeadingAttribute { offset, .. }
            | Notice::BadLanguage { offset, .. } => *offset,
        }
    }
}

pub(crate) fn options() -> Options {
    // Heading attributes are parsed only so that `{lang=xx}` can mark a
    // section's language; every other attribute is dropped with a notice.
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_HEADING_ATTRIBUTES
}

mod autolink;
mod block;
pub mod inline;
mod structure;
mod urls;

pub use block::{Block, Labels, Rendered, TocEntry};
pub use urls::clean_url;
use urls::{ascii_if_mixed_script, is_local, is_protocol_relative};

/// Renders `source` for its place on a page.
pub fn render(source: &str, block: &Block) -> Rendered {
    let (events, _) = filter(source, Some(block.linker));
    let (events, toc) = structure::arrange(events, block);
    let mut html = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered { html, toc }
}

/// Renders `source` as a page body with no labels: for checks that only
/// look at what markup can get through.
pub fn to_html(source: &str, linker: &Linker) -> String {
    let labels = Labels::default();
    let block = Block {
        linker,
        labels: &labels,
        section_level: 1,
        id_prefix: "",
        reserved_ids: &[],
        contents: false,
        foreign: false,
    };
    render(source, &block).html
}

/// Everything `to_html` would neutralise or resolve, with byte offsets.
pub fn inspect(source: &str) -> Vec<Notice> {
    filter(source, None).1
}

/// Words in the text, for length limits that keep providers on equal terms.
pub fn word_count(source: &str) -> usize {
    Parser::new_ext(source, options())
        .map(|event| match event {
            Event::Text(t) | Event::Code(t) => crate::domain::text_policy::word_count(&t),
            _ => 0,
        })
        .sum()
}

/// What validation refuses in a Markdown text, beyond what rendering
/// neutralises on its own: each is an error, so nothing that passes `check`
/// can exhaust `build`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hazard {
    /// Elements nested deeper than the limit (quotes, lists, emphasis).
    TooDeep { offset: usize, depth: usize },
    /// A table with more cells than the limit (counting stops there).
    TableTooLarge { offset: usize, cells: usize },
    /// An image that is not a file of this site (it would let another
    /// server see every reader).
    RemoteImage { offset: usize, url: String },
    /// A `//host` link: another site, written to look like one of ours.
    ProtocolRelative { offset: usize, url: String },
    /// A control or bidirectional character written as an HTML entity.
    HiddenChar { offset: usize, c: char },
}

/// The hazards of `source` under the given limits; at most one of each
/// kind per element, and the depth only once.
pub fn hazards(source: &str, max_depth: usize, max_table_cells: usize) -> Vec<Hazard> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut too_deep_reported = false;
    let mut table: Option<(usize, usize)> = None;
    for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
        let offset = range.start;
        match &event {
            Event::Start(tag) => {
                depth += 1;
                if depth > max_depth && !too_deep_reported {
                    too_deep_reported = true;
                    out.push(Hazard::TooDeep { offset, depth });
                }
                match tag {
                    Tag::Table(_) => table = Some((offset, 0)),
                    Tag::TableCell => {
                        if let Some((start, cells)) = table.as_mut() {
                            *cells += 1;
                            if *cells == max_table_cells + 1 {
                                out.push(Hazard::TableTooLarge { offset: *start, cells: *cells });
                            }
                        }
                    }
                    Tag::Image { dest_url, .. } if !is_local(dest_url) => {
                        out.push(Hazard::RemoteImage { offset, url: dest_url.to_string() })
                    }
                    Tag::Link { dest_url, .. } if is_protocol_relative(dest_url) => {
                        out.push(Hazard::ProtocolRelative { offset, url: dest_url.to_string() })
                    }
                    _ => {}
                }
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                if *end == TagEnd::Table {
                    table = None;
                }
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                // Entities are decoded here, so the text's start is the place to show.
                if let Some((_, c)) = crate::load::text::first_forbidden(t, true) {
                    out.push(Hazard::HiddenChar { offset, c });
                }
            }
            _ => {}
        }
    }
    out
}

/// Nesting past this would overflow the minifier's stack (about 2,000
/// elements): deeper elements are flattened into their ancestor. Validation
/// refuses far shallower texts, so this only guards rendering.
const RENDER_DEPTH_CEILING: usize = crate::load::limits::MARKDOWN_DEPTH_CEILING as usize;

fn filter<'a>(source: &'a str, linker: Option<&Linker>) -> (Vec<Event<'a>>, Vec<Notice>) {
    let mut events = Vec::new();
    let mut notices = Vec::new();
    // For each open link or image: was its start tag kept?
    let mut kept = Vec::new();
    let mut image_alt_len: Option<usize> = None;
    let mut image_offset = 0;
    let mut depth = 0usize;
    let mut in_code = 0usize;
    for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
        let offset = range.start;
        match &event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            // Bare addresses become links when rendered (`structure`), in
            // their punycode form when their host mixes scripts; validation
            // hears of it here. Only when inspecting: rendering needs no notices.
            Event::Text(t) if linker.is_none() && kept.is_empty() && in_code == 0 => {
                for found in autolink::find(t) {
                    let url = &t[found.clone()];
                    if let Some(ascii) = ascii_if_mixed_script(url) {
                        notices.push(Notice::MixedScriptHost {
                            offset: offset + found.start,
                            url: url.to_string(),
                            ascii,
                        });
                    }
                }
            }
            _ => {}
        }
        match &event {
            Event::Start(_) => {
                depth += 1;
                if depth > RENDER_DEPTH_CEILING {
                    continue;
                }
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth >= RENDER_DEPTH_CEILING {
                    continue;
                }
            }
            _ => {}
        }
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) => {
                notices.push(Notice::RawHtml { offset });
                events.push(Event::Text(raw));
            }
            Event::Start(Tag::HtmlBlock) => events.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => events.push(Event::End(TagEnd::Paragraph)),
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                let lang = heading_language(offset, id, classes, attrs, &mut notices);
                let attrs = lang.map(|tag| (CowStr::from("lang"), Some(CowStr::from(tag.to_string())))).into_iter();
                events.push(Event::Start(Tag::Heading { level, id: None, classes: Vec::new(), attrs: attrs.collect() }))
            }
            // Refused by validation (`hazards`); never emitted.
            Event::Start(Tag::Link { ref dest_url, .. }) if is_protocol_relative(dest_url) => kept.push(false),
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                match resolve(&dest_url, offset, linker, &mut notices) {
                    Some(url) => {
                        kept.push(true);
                        events.push(Event::Start(Tag::Link { link_type, dest_url: url, title, id }));
                    }
                    None => kept.push(false),
                }
            }
            Event::Start(Tag::Image { ref dest_url, .. }) if !is_local(dest_url) && clean_url(dest_url).is_some() => {
                image_alt_len = Some(0);
                image_offset = offset;
                kept.push(false);
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
    (merge_text(events), notices)
}

/// Runs of text events as one: the parser splits text at `_`, `&` and the
/// like, and a bare address is only found whole. One pass, so a text of
/// many thousand fragments costs no more than its length.
fn merge_text(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    fn flush<'a>(run: &mut Vec<CowStr<'a>>, out: &mut Vec<Event<'a>>) {
        // A lone fragment is passed on as it is, without a copy.
        if run.len() > 1 {
            out.push(Event::Text(CowStr::from(run.drain(..).map(CowStr::into_string).collect::<String>())));
        } else {
            out.extend(run.drain(..).map(Event::Text));
        }
    }
    let mut out = Vec::with_capacity(events.len());
    let mut run = Vec::new();
    for event in events {
        match event {
            Event::Text(t) => run.push(t),
            other => {
                flush(&mut run, &mut out);
                out.push(other);
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The language a heading's `{lang=xx}` gives its section, when valid;
/// every other attribute is reported and dropped.
fn heading_language(
    offset: usize,
    id: Option<CowStr<'_>>,
    classes: Vec<CowStr<'_>>,
    attrs: Vec<(CowStr<'_>, Option<CowStr<'_>>)>,
    notices: &mut Vec<Notice>,
) -> Option<LanguageTag> {
    let mut unwanted: Vec<String> = id.map(|id| format!("#{id}")).into_iter().collect();
    unwanted.extend(classes.iter().map(|c| format!(".{c}")));
    let mut lang = None;
    for (key, value) in attrs {
        match (key.as_ref(), value) {
            ("lang", Some(value)) if lang.is_none() => match LanguageTag::parse(&value) {
                Ok(tag) => lang = Some(tag),
                Err(reason) => notices.push(Notice::BadLanguage { offset, value: value.to_string(), reason }),
            },
            (key, Some(value)) => unwanted.push(format!("{key}={value}")),
            (key, None) => unwanted.push(key.to_string()),
        }
    }
    notices.extend(unwanted.into_iter().map(|attribute| Notice::HeadingAttribute { offset, attribute }));
    lang
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
    if !crate::domain::contact_link_allowed(&cleaned) {
        notices.push(Notice::ContactLink { offset, url: url.to_string() });
        return None;
    }
    if let Some(ascii) = ascii_if_mixed_script(&cleaned) {
        notices.push(Notice::MixedScriptHost { offset, url: url.to_string(), ascii: ascii.clone() });
        return Some(CowStr::from(ascii));
    }
    if let Some((path, fragment)) = SitePath::from_internal_link(&cleaned) {
        // Pictures too: the link check knows the files of static/, so a
        // missing picture is found like a missing page.
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

pub use crate::load::position::{LineIndex, line_column};

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
            &Linker::for_page(&SitePath::from_internal_link("/tjenester/skole/").unwrap().0, Variant::Standard),
        );
        assert!(out.contains(r#"href="https://uustatus.no/""#), "{out}");
        assert!(out.contains(r#"href="mailto:a@b.no""#), "{out}");
        assert!(out.contains(r#"href="tel:+4712345678""#), "{out}");
        assert!(out.contains(r#"href="../../klage/#frister""#), "{out}");
    }

    #[test]
    fn heading_attributes_other_than_lang_are_reported_and_never_rendered() {
        let source = "## Tittel {#x .y data-z=1}\n";
        let out = html(source);
        assert!(!out.contains("data-z") && !out.contains("class=\"y\"") && !out.contains("id=\"x\""), "{out}");
        assert!(out.contains("<h2 id=\"tittel\">Tittel</h2>"), "{out}");
        let reported: Vec<_> = inspect(source)
            .into_iter()
            .filter_map(|n| match n {
                Notice::HeadingAttribute { attribute, .. } => Some(attribute),
                _ => None,
            })
            .collect();
        assert_eq!(reported, ["#x", ".y", "data-z=1"]);
    }

    #[test]
    fn a_language_that_is_not_a_code_is_reported_and_dropped() {
        let source = "## Tittel {lang=x1}\n\nTekst.\n";
        assert!(!html(source).contains("lang="));
        assert!(matches!(&inspect(source)[..], [Notice::BadLanguage { value, .. }] if value == "x1"));
    }

    #[test]
    fn hostile_repetition_renders_in_time_proportional_to_its_length() {
        // Each of these was quadratic once: ids tried from -2 upwards per
        // heading, parentheses counted per trailing `)`, text fragments
        // copied per fragment, footnote labels compared with all others.
        let texts = [
            "## a\n\n".repeat(20_000),
            format!("https://a.no/{}", ")".repeat(200_000)),
            "x&amp;".repeat(100_000),
            (0..20_000).map(|i| format!("[^{i}] ")).collect::<String>()
                + &(0..20_000).map(|i| format!("\n[^{i}]: n\n")).collect::<String>(),
        ];
        for text in texts {
            let start = std::time::Instant::now();
            let out = html(&text);
            assert!(out.len() > 1000);
            assert!(start.elapsed() < std::time::Duration::from_secs(3), "{:?} for {}", start.elapsed(), &text[..20]);
        }
    }

    #[test]
    fn reports_positions() {
        assert_eq!(line_column("ab\ncæd", 6), (2, 3));
        assert_eq!(line_column("ab\ncæd", 0), (1, 1));
        assert_eq!(line_column("ab\ncæd", 3), (2, 1));
        assert_eq!(line_column("x\n\nyz", 4), (3, 2));
        for (text, offset) in [("ab\ncæd", 6), ("ab\ncæd", 0), ("ab\ncæd", 3), ("x\n\nyz", 4), ("æ\nøx", 5)] {
            assert_eq!(LineIndex::new(text).line_column(offset), line_column(text, offset), "{text:?} {offset}");
        }
    }
}
