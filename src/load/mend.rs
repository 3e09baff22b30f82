//! Running text with its invisible characters mended, once, at load: every
//! later step (word limits, readability, fact parity, rendering) sees the
//! words the reader sees. Names and short fields are not mended but
//! refused (`yaml::inspect`), so this only reaches prose, Markdown and CSV.

use std::borrow::Cow;
use std::path::Path;

use crate::diagnostics::{Finding, Findings, Position};
use crate::domain::text_policy;
use crate::msg;

/// `text` with the text policy's invisible characters replaced, and one
/// warning at the first of them saying how many there were. `line_offset`
/// is the line of the file `text` starts after (front matter, a page body).
pub fn running<'t>(file: &Path, text: &'t str, line_offset: u32, findings: &mut Findings) -> Cow<'t, str> {
    let Some(mended) = text_policy::mend_running(text) else { return Cow::Borrowed(text) };
    let (offset, c) = mended.first;
    let (line, column) = super::position::line_column(text, offset);
    findings.push(
        Finding::warning(
            file,
            Position::new(line + line_offset, column),
            msg!("text.invisible_mended", count = mended.count, character => super::text::describe(c)),
        )
        .with_help(msg!("text.invisible_mended.help")),
    );
    Cow::Owned(mended.text)
}
