//! Markdown in a text that stands inside a sentence of its page (a
//! service's summary in a card, the notice period after its label): links
//! and emphasis only, rendered without a paragraph around them. And the
//! words of any Markdown text without its markup, for what must read it as
//! prose: the page's meta description, the glossary's rules.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::block::Block;
use super::options;

/// The inline HTML of `source`: as `render` makes it, without the
/// paragraph around it. A text with blocks (refused by validation, see
/// `blocks`) keeps their words, one block after the other, but none of
/// their markup, so nothing can break the sentence it stands in.
pub fn render(source: &str, block: &Block) -> String {
    let (events, _) = super::filter(source, Some(block.linker));
    let (events, _) = super::structure::arrange(events, block);
    let mut depth = 0usize;
    let mut kept = Vec::with_capacity(events.len());
    let mut first = true;
    for event in events {
        match &event {
            Event::Start(tag) if is_block(tag) => {
                if !first && depth == 0 {
                    kept.push(Event::Text(" ".into()));
                }
                depth += 1;
            }
            Event::End(end) if is_block_end(*end) => {
                depth = depth.saturating_sub(1);
                first = false;
            }
            // Markup `structure` wraps blocks in (tables, footnotes).
            Event::InlineHtml(html) if html.starts_with("<div") || html.starts_with("</div") => {}
            Event::InlineHtml(html) if html.starts_with("<h") || html.starts_with("</h") => {}
            Event::InlineHtml(html) if html.starts_with("<section") || html.starts_with("</section") => {}
            Event::SoftBreak | Event::HardBreak | Event::Rule => kept.push(Event::Text(" ".into())),
            _ => kept.push(event),
        }
    }
    let mut html = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, kept.into_iter());
    html.trim().to_string()
}

fn is_block(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

fn is_block_end(end: TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// Byte offsets of what an inline text may not hold: every block but its
/// one paragraph (a list, a table, a heading, a second paragraph, a
/// footnote), each at its start.
pub fn blocks(source: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut paragraphs = 0usize;
    for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    let second = matches!(tag, Tag::Paragraph) && paragraphs > 0;
                    if !matches!(tag, Tag::Paragraph) || second {
                        out.push(range.start);
                    }
                    paragraphs += usize::from(matches!(tag, Tag::Paragraph));
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Rule if depth == 0 => out.push(range.start),
            Event::FootnoteReference(_) => out.push(range.start),
            _ => {}
        }
    }
    out
}

/// The words of `source` as one line: what it says, without markup. A
/// link is its text; its address is not words.
pub fn text(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for event in Parser::new_ext(source, options()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `source` with everything that is not its words (markup, link
/// addresses, table rules) blanked out, line breaks kept: the same length,
/// so an offset in it is the same place in `source`.
pub fn words_only(source: &str) -> String {
    let mut out: Vec<u8> = source.bytes().map(|b| if b == b'\n' { b'\n' } else { b' ' }).collect();
    for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
        if let Event::Text(_) | Event::Code(_) = event {
            out[range.clone()].copy_from_slice(&source.as_bytes()[range]);
        }
    }
    // Only whole characters were copied or blanked (ranges end at char
    // boundaries), so this is UTF-8; the fallback never runs.
    String::from_utf8(out).unwrap_or_else(|_| source.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Variant;
    use crate::markdown::Labels;
    use crate::model::routes::{Linker, SitePath};

    fn inline(source: &str) -> String {
        let linker = Linker::for_page(&SitePath::home(), Variant::Standard);
        let labels = Labels::default();
        let block = Block {
            linker: &linker,
            labels: &labels,
            section_level: 2,
            id_prefix: "",
            reserved_ids: &[],
            contents: false,
            foreign: false,
        };
        render(source, &block)
    }

    #[test]
    fn a_sentence_keeps_its_links_and_emphasis_without_a_paragraph() {
        assert_eq!(
            inline("Hjelp **hjemme**, se [skjema](https://a.no/s)."),
            r#"Hjelp <strong>hjemme</strong>, se <a href="https://a.no/s">skjema</a>."#
        );
        assert_eq!(inline("<b>x</b> [y](javascript:alert(1))"), "&lt;b&gt;x&lt;/b&gt; y");
    }

    #[test]
    fn blocks_in_an_inline_text_are_found_and_rendered_as_words_only() {
        let source = "Først.\n\n- en\n- to\n\n| a |\n|---|\n| b |\n";
        assert_eq!(blocks(source), [source.find("- en").unwrap(), source.find("| a").unwrap()]);
        let html = inline(source);
        assert!(!html.contains('<') && !html.contains('|'), "{html}");
        assert!(html.contains("en") && html.contains("b"), "{html}");
        assert!(blocks("Én setning med [lenke](https://a.no/).").is_empty());
        assert_eq!(blocks("# Tittel"), [0]);
    }

    #[test]
    fn the_words_of_a_text_are_without_addresses_and_markup() {
        assert_eq!(text("Les [loven](https://lovdata.no/lov) **nå**.\n\n- a\n- b"), "Les loven nå. a b");
        let source = "Les [loven](https://lovdata.no/x).\n\n| a |\n|---|\n| vedtak |\n";
        let words = words_only(source);
        assert_eq!(words.len(), source.len());
        assert!(!words.contains("lovdata") && !words.contains('|') && !words.contains("---"), "{words:?}");
        assert_eq!(words.find("loven"), source.find("loven"));
        assert_eq!(words.find("vedtak"), source.find("vedtak"));
    }
}
