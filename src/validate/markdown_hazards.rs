//! Markdown that rendering could neutralise but must not be published:
//! nesting and tables past the limits (they exhaust the stack, memory and
//! time of `build`), pictures from other servers, `//host` links and
//! invisible characters written as entities. Each is an error at its place.

use crate::diagnostics::{Finding, Findings, Position};
use crate::load::MarkdownFile;
use crate::load::raw::Limits;
use crate::markdown::{self, Hazard};

pub fn check(md: &MarkdownFile, limits: &Limits, findings: &mut Findings) {
    let file = &md.source.relative;
    let config = crate::load::CONFIG_FILE;
    let index = markdown::LineIndex::new(&md.body);
    for hazard in markdown::hazards(&md.body, limits.markdown_max_depth, limits.table_max_cells) {
        let offset = match &hazard {
            Hazard::TooDeep { offset, .. }
            | Hazard::TableTooLarge { offset, .. }
            | Hazard::RemoteImage { offset, .. }
            | Hazard::ProtocolRelative { offset, .. }
            | Hazard::HiddenChar { offset, .. } => *offset,
        };
        let (line, column) = index.line_column(offset);
        let position = Position::new(line + md.body_line - 1, column);
        let (message, help) = match hazard {
            Hazard::TooDeep { depth, .. } => (
                format!(
                    "quotes, lists or emphasis are nested {depth} levels deep here; the limit is {} (`limits.markdown_max_depth`)",
                    limits.markdown_max_depth
                ),
                format!("write the text with less nesting; the limit is set under `limits:` in {config} (see docs/limits.md)"),
            ),
            Hazard::TableTooLarge { .. } => (
                format!("the table has more than {} cells (`limits.table_max_cells`)", limits.table_max_cells),
                format!("split the table or publish the data as a file; the limit is set under `limits:` in {config} (see docs/limits.md)"),
            ),
            Hazard::RemoteImage { url, .. } => (
                format!("the picture `{url}` is not a file of this site"),
                "pictures from other servers would tell them who reads the page: put the file under static/ and write its path from the site root, e.g. /assets/bilder/skolen.jpg".to_string(),
            ),
            Hazard::ProtocolRelative { url, .. } => (
                format!("the link `{url}` leads to another site but looks like a path"),
                "write the whole address, starting with https://".to_string(),
            ),
            Hazard::HiddenChar { c, .. } => (
                format!("the text contains the invisible character {}", crate::load::text::describe(c)),
                "delete the entity (`&#...;`) that writes it".to_string(),
            ),
        };
        findings.push(Finding::error(file, position, message).with_help(help));
    }
}
