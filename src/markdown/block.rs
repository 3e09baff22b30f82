//! Where a block of Markdown is shown, and what rendering it gives.

use crate::model::routes::Linker;

/// The site's words a rendered block needs, from the i18n files.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    /// The language these words are in (the site's), for marking them
    /// where they stand in text of another language.
    pub lang: String,
    /// Read before a footnote's number: "Fotnote".
    pub footnote: String,
    /// The link from a note back to the text, read before the note's
    /// number: "Tilbake til teksten frå fotnote".
    pub footnote_back: String,
    /// The heading over the notes.
    pub footnotes: String,
    /// The name of a table's scrollable region.
    pub table: String,
}

/// Where a block of Markdown is shown.
pub struct Block<'a> {
    /// Makes internal links (`/klage/`) relative to the page.
    pub linker: &'a Linker,
    pub labels: &'a Labels,
    /// The level of the heading the block sits under: 1 for a page body
    /// under the page's h1, 2 for a self-description in an h2 section.
    pub section_level: u8,
    /// Put before every id the block makes, so two blocks on one page
    /// cannot clash.
    pub id_prefix: &'a str,
    /// Ids the template around the block uses; headings avoid them.
    pub reserved_ids: &'a [&'a str],
    /// Whether a long block gets a table of contents.
    pub contents: bool,
    /// The text is in another language than the labels (a page with its
    /// own `lang:`), so the labels are marked with theirs.
    pub foreign: bool,
}

/// A heading in a table of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TocEntry {
    pub id: String,
    pub text: String,
    /// The section's own language, when marked: the entry is in it too.
    pub lang: Option<String>,
    pub dir: Option<&'static str>,
}

/// A block rendered to HTML, with its table of contents (empty unless the
/// block asked for one and is long enough).
#[derive(Debug, Clone)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
}
