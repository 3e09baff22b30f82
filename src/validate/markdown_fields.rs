//! Text fields of brukervalg.yaml written in Markdown (a service's texts,
//! the home page's intro): checked as content pages are, every finding at
//! its place inside the field, and measured for readability by their
//! words, not their markup.
//!
//! A new text field opts in by calling `FileCheck::markdown_text` (with
//! `Shape::Inline` when the page shows it inside a sentence) and by being
//! rendered through `render::service_texts`.

use super::fields::{FileCheck, at};
use super::links::{PendingLink, Written, inspect_text};
use crate::diagnostics::Position;
use crate::domain::Text;
use crate::load::raw::{Limits, S};
use crate::markdown::{self, LineIndex};
use crate::msg;

/// Where a field's text stands on its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Sections of its own: paragraphs, lists, tables, headings.
    Block,
    /// Inside a sentence (a summary, the notice period): links and
    /// emphasis only, no blocks.
    Inline,
}

/// The file the fields are in, as written, and the site's limits.
pub struct Source<'a> {
    text: &'a str,
    index: LineIndex,
    limits: &'a Limits,
}

impl<'a> Source<'a> {
    pub fn new(text: &'a str, limits: &'a Limits) -> Source<'a> {
        Source { text, index: LineIndex::new(text), limits }
    }
}

impl FileCheck<'_> {
    /// A required Markdown text and its plain-language companion, as
    /// `text`, with the Markdown checks of content pages. Internal links
    /// go to `links`.
    pub fn markdown_text(
        &mut self,
        field: &str,
        (standard, plain): (&S<String>, &Option<S<String>>),
        shape: Shape,
        source: &Source,
        links: &mut Vec<PendingLink>,
    ) -> Text {
        self.markdown_pair_checks(field, (standard, plain), shape, source, links);
        self.text_read_as(field, standard, plain, &crate::readability::markdown_text)
    }

    /// As `markdown_text`, for a short text whose companion is optional
    /// (`short_text`).
    pub fn short_markdown_text(
        &mut self,
        field: &str,
        (standard, plain): (&S<String>, &Option<S<String>>),
        shape: Shape,
        source: &Source,
        links: &mut Vec<PendingLink>,
    ) -> Text {
        self.markdown_pair_checks(field, (standard, plain), shape, source, links);
        self.short_text_read_as(field, standard, plain, &crate::readability::markdown_text)
    }

    /// The Markdown checks of a text and of its plain companion, if any.
    fn markdown_pair_checks(
        &mut self,
        field: &str,
        (standard, plain): (&S<String>, &Option<S<String>>),
        shape: Shape,
        source: &Source,
        links: &mut Vec<PendingLink>,
    ) {
        self.markdown_checks(field, standard, shape, source, false, links);
        if let Some(plain) = plain {
            self.markdown_checks(&format!("{field}_plain"), plain, shape, source, true, links);
        }
    }

    fn markdown_checks(
        &mut self,
        field: &str,
        value: &S<String>,
        shape: Shape,
        source: &Source,
        plain: bool,
        links: &mut Vec<PendingLink>,
    ) {
        let trimmed = value.value.trim();
        let lead = value.value.len() - value.value.trim_start().len();
        let positions = FieldPositions::new(source, value);
        let place = |offset: usize| positions.at(lead + offset);
        inspect_text(Written { file: self.file, source: trimmed, plain, at: &place }, self.findings, links);
        super::markdown_hazards::check_text(self.file, trimmed, &place, source.limits, self.findings);
        if shape == Shape::Inline
            && let Some(&offset) = markdown::inline::blocks(trimmed).first()
        {
            self.error(
                place(offset),
                msg!("markdown.block_in_inline", field = field),
                msg!("markdown.block_in_inline.help", field = field),
            );
        }
    }
}

/// Where each place of a YAML string's value is in its file. The value
/// differs from what was written (indentation, folded lines, quotes,
/// escapes), so each line of the value is looked for in the scalar as
/// written, in order; a place on a line not found (a folded paragraph) is
/// looked for by the word it starts; failing that, it is the field's.
struct FieldPositions<'a> {
    source: &'a Source<'a>,
    value: &'a str,
    /// The scalar as written: its byte range in the file.
    written: Option<std::ops::Range<usize>>,
    /// For each line of the value found as written: the value's offset of
    /// its first non-blank character and the file's offset of it.
    lines: Vec<(usize, usize, usize)>,
    field: Position,
}

impl<'a> FieldPositions<'a> {
    fn new(source: &'a Source<'a>, value: &'a S<String>) -> FieldPositions<'a> {
        let span = value.referenced.span();
        let written = match (span.byte_offset(), span.byte_len()) {
            (Some(start), Some(len)) => {
                let (start, end) = (start as usize, (start + len) as usize);
                (end <= source.text.len() && source.text.is_char_boundary(start) && source.text.is_char_boundary(end))
                    .then_some(start..end)
            }
            _ => None,
        };
        let mut lines = Vec::new();
        if let Some(range) = &written {
            let scalar = &source.text[range.clone()];
            let mut cursor = 0;
            let mut offset = 0;
            for line in value.value.split_inclusive('\n') {
                let content = line.trim_end_matches(['\n', '\r']);
                let lead = content.len() - content.trim_start().len();
                let core = content.trim();
                if !core.is_empty()
                    && let Some(found) = scalar[cursor..].find(core)
                {
                    lines.push((offset + lead, offset + lead + core.len(), range.start + cursor + found));
                    cursor += found + core.len();
                }
                offset += line.len();
            }
        }
        FieldPositions { source, value: &value.value, written, lines, field: at(value) }
    }

    fn at(&self, offset: usize) -> Position {
        let found = self.lines.iter().find(|&&(start, end, _)| (start..=end).contains(&offset));
        if let Some(&(start, _, in_file)) = found {
            return self.position(in_file + offset - start);
        }
        let Some(range) = &self.written else { return self.field };
        let rest = self.value.get(offset..).unwrap_or("");
        let word = rest.split_whitespace().next().unwrap_or("");
        let word = &word[..word.char_indices().nth(40).map_or(word.len(), |(i, _)| i)];
        match (word.is_empty(), self.source.text[range.clone()].find(word)) {
            (false, Some(found)) => self.position(range.start + found),
            _ => self.field,
        }
    }

    fn position(&self, in_file: usize) -> Position {
        let (line, column) = self.source.index.line_column(in_file);
        Position::new(line, column)
    }
}
