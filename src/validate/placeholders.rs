//! «FYLL INN» left from `brukervalg new` is an error wherever it stands: one
//! rule over the text of every file the build reads, so no field or file
//! type can be forgotten.

use std::path::Path;

use crate::diagnostics::{Finding, Findings, Position};
use crate::scaffold::PLACEHOLDER;

/// Reports every placeholder in `text`, the content of `file`. In YAML,
/// whole-line comments are skipped: the skeleton's own comments name the
/// placeholder to explain it.
pub fn scan(file: &Path, text: &str, findings: &mut Findings) {
    let yaml = file.extension().is_some_and(|e| e == "yaml" || e == "yml");
    for (index, line) in text.lines().enumerate() {
        if yaml && line.trim_start().starts_with('#') {
            continue;
        }
        for (offset, _) in line.match_indices(PLACEHOLDER) {
            let column = line[..offset].chars().count() as u32 + 1;
            findings.push(
                Finding::error(
                    file,
                    Position::new(index as u32 + 1, column),
                    format!("the text still says «{PLACEHOLDER}»"),
                )
                .with_help("replace the placeholder with the real text, or remove the field if it is optional"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn positions(file: &str, text: &str) -> Vec<(u32, u32)> {
        let mut findings = Findings::default();
        scan(Path::new(file), text, &mut findings);
        findings.into_sorted().iter().map(|f| (f.position.line, f.position.column)).collect()
    }

    #[test]
    fn every_placeholder_is_found_at_its_line_and_column() {
        let text = "# Bytt ut hver «FYLL INN».\nname: FYLL INN\nextras:\n  - unit: per FYLL INN, FYLL INN\n";
        assert_eq!(positions("p.yaml", text), [(2, 7), (4, 15), (4, 25)]);
    }

    #[test]
    fn a_markdown_heading_is_text_not_a_comment() {
        assert_eq!(positions("om.md", "# FYLL INN\n"), [(1, 3)]);
    }
}
