//! Markdown that rendering could neutralise but must not be published:
//! nesting and tables past the limits (they exhaust the stack, memory and
//! time of `build`), pictures from other servers, `//host` links and
//! invisible characters written as entities. Each is an error at its place.

use crate::diagnostics::{Finding, Findings, Position};
use crate::load::MarkdownFile;
use crate::load::raw::Limits;
use crate::markdown::{self, Hazard};
use crate::msg;

pub fn check(md: &MarkdownFile, limits: &Limits, findings: &mut Findings) {
    let index = markdown::LineIndex::new(&md.body);
    let at = |offset| {
        let (line, column) = index.line_column(offset);
        Position::new(line + md.body_line - 1, column)
    };
    check_text(&md.source.relative, &md.body, &at, limits, findings);
}

/// The hazards of `source`, a Markdown text in `file`, as errors at the
/// places `at` gives for its byte offsets.
pub fn check_text(
    file: &std::path::Path,
    source: &str,
    at: &dyn Fn(usize) -> Position,
    limits: &Limits,
    findings: &mut Findings,
) {
    let config = crate::load::CONFIG_FILE;
    for hazard in markdown::hazards(source, limits.markdown_max_depth, limits.table_max_cells) {
        let offset = match &hazard {
            Hazard::TooDeep { offset, .. }
            | Hazard::TableTooLarge { offset, .. }
            | Hazard::RemoteImage { offset, .. }
            | Hazard::ProtocolRelative { offset, .. }
            | Hazard::HiddenChar { offset, .. } => *offset,
        };
        let position = at(offset);
        let (message, help) = match hazard {
            Hazard::TooDeep { depth, .. } => (
                msg!("markdown.too_deep", depth = depth, limit = limits.markdown_max_depth),
                msg!("markdown.too_deep.help", config = config),
            ),
            Hazard::TableTooLarge { .. } => (
                msg!("markdown.table_too_large", limit = limits.table_max_cells),
                msg!("markdown.table_too_large.help", config = config),
            ),
            Hazard::RemoteImage { url, .. } => {
                (msg!("markdown.remote_image", url = url), msg!("markdown.remote_image.help"))
            }
            Hazard::ProtocolRelative { url, .. } => {
                (msg!("markdown.protocol_relative", url = url), msg!("markdown.protocol_relative.help"))
            }
            Hazard::HiddenChar { c, .. } => (
                msg!("markdown.hidden_char", character => crate::load::text::describe(c)),
                msg!("markdown.hidden_char.help"),
            ),
        };
        findings.push(Finding::error(file, position, message).with_help(help));
    }
}
