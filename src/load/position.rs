//! Line and column of a byte offset in a text, as findings name them
//! (1-based; columns count characters, not bytes).

/// 1-based line and column (in characters) of a byte offset. For many
/// offsets in one text, use `LineIndex`.
pub fn line_column(source: &str, offset: usize) -> (u32, u32) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() as u32 + 1;
    (line, column)
}

/// Line starts and running character counts of a text, so each position
/// is a binary search: a hostile file has tens of thousands of notices on
/// one long line, and counting from the line start each time is quadratic.
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// Characters before each byte offset (only char boundaries are asked).
    chars_before: Vec<u32>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut chars_before = vec![0u32; source.len() + 1];
        let mut count = 0u32;
        for (i, _) in source.char_indices() {
            chars_before[i] = count;
            count += 1;
        }
        chars_before[source.len()] = count;
        let line_starts = std::iter::once(0).chain(source.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { line_starts, chars_before }
    }

    /// The same answer as `line_column` for the indexed text.
    pub fn line_column(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.chars_before.len() - 1);
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        let column = self.chars_before[offset] - self.chars_before[start] + 1;
        (u32::try_from(line).unwrap_or(u32::MAX), column)
    }
}
