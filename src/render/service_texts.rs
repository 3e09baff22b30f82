//! A service's texts from brukervalg.yaml as HTML: safe Markdown, as
//! content pages have (`markdown`), each placed in its section of the
//! service page. Every service text goes through here; a template never
//! prints one as written, so none reaches a page as raw Markdown.
//!
//! A new text field opts in by a line in `ServiceTexts::new` (a block
//! under the heading it stands under) or a call of `inline` (a text inside
//! a sentence), and by its validation (`validate::markdown_fields`).

use serde::Serialize;

use super::context::VariantContext;
use super::inputs::ServiceInput;
use super::layout_view::Place;
use crate::domain::Text;
use crate::markdown::{self, Block, Labels};

/// The service page's texts, each rendered for its place.
#[derive(Debug, Serialize)]
pub struct ServiceTexts {
    /// The lead, under the page's h1.
    pub description: String,
    pub scheme: String,
    pub municipality_role: String,
    pub access: String,
    pub payment: String,
    pub how_to_choose: String,
    pub no_choice: String,
    pub how_to_switch: String,
    pub notice_period: Option<String>,
    pub complaints_how: String,
}

impl ServiceTexts {
    pub fn new(cx: &VariantContext, place: &Place, s: &ServiceInput) -> ServiceTexts {
        let anchor = |key: &str| cx.site.routes.anchors.get(key).map_or(key.to_string(), ToString::to_string);
        let labels = labels(cx);
        let reserved = reserved_ids(cx);
        let reserved: Vec<&str> = reserved.iter().map(String::as_str).collect();
        // Sections of the page: the lead sits under the h1, the scheme's
        // three parts under their h3s, the rest directly under their h2s.
        let block = |text: &Text, section_level: u8, prefix: &str| {
            let source = crate::plain::steps::as_markdown(cx.text(text));
            let block = Block {
                linker: &place.linker,
                labels: &labels,
                section_level,
                id_prefix: &format!("{prefix}-"),
                reserved_ids: &reserved,
                contents: false,
                foreign: false,
            };
            markdown::render(&source, &block).html
        };
        ServiceTexts {
            description: block(s.description, 1, &anchor("about")),
            scheme: block(s.scheme, 2, &anchor("scheme")),
            municipality_role: block(s.municipality_role, 3, "kommunen"),
            access: block(s.access, 3, "tildeling"),
            payment: block(s.payment, 3, "betaling"),
            how_to_choose: block(s.how_to_choose, 2, &anchor("how_to_choose")),
            no_choice: block(s.no_choice, 2, &anchor("no_choice")),
            how_to_switch: block(s.how_to_switch, 2, &anchor("switch")),
            notice_period: s.notice_period.as_ref().map(|n| inline(cx, place, n)),
            complaints_how: block(&s.complaints.how, 2, &anchor("complaints")),
        }
    }
}

/// A one-sentence text (a summary, the notice period) as inline HTML:
/// links and emphasis, no paragraph.
pub fn inline(cx: &VariantContext, place: &Place, text: &Text) -> String {
    let labels = labels(cx);
    let block = Block {
        linker: &place.linker,
        labels: &labels,
        section_level: 2,
        id_prefix: "",
        reserved_ids: &[],
        contents: false,
        foreign: false,
    };
    markdown::inline::render(cx.text(text), &block)
}

/// A block of text that stands alone at the top of a page (the home
/// page's intro), under its h1.
pub fn lead(cx: &VariantContext, place: &Place, text: &Text) -> String {
    let labels = labels(cx);
    let reserved = reserved_ids(cx);
    let reserved: Vec<&str> = reserved.iter().map(String::as_str).collect();
    let block = Block {
        linker: &place.linker,
        labels: &labels,
        section_level: 1,
        id_prefix: "intro-",
        reserved_ids: &reserved,
        contents: false,
        foreign: false,
    };
    markdown::render(&crate::plain::steps::as_markdown(cx.text(text)), &block).html
}

/// The words of a text without its markup: for the meta description.
pub fn words(cx: &VariantContext, text: &Text) -> String {
    markdown::inline::text(cx.text(text))
}

fn labels(cx: &VariantContext) -> Labels {
    cx.markdown_labels()
}

/// Ids the templates around the texts give their own elements: each
/// section's and its heading's, and the layout's.
fn reserved_ids(cx: &VariantContext) -> Vec<String> {
    let mut ids: Vec<String> =
        ["main", "toc-h", "pages-nav-h", "services-heading", "pages-heading"].iter().map(ToString::to_string).collect();
    for anchor in cx.site.routes.anchors.values() {
        ids.push(anchor.to_string());
        ids.push(format!("{anchor}-h"));
    }
    ids
}
