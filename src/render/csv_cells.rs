//! Cells of the published CSV files, safe to open in a spreadsheet.

/// The OWASP rule against CSV (formula) injection: a cell a spreadsheet
/// would read as a formula gets a leading `'`. The writer quotes every
/// cell that is not a number, so the quote stays inside the cell.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}").into() } else { cell.into() }
}
