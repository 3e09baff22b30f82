//! «FYLL INN» left from `brukervalg new` is an error wherever it stands: one
//! rule over the text of every file the build reads, run where the text is
//! read (`files::read_text`), so no field or file type can be forgotten.

use std::path::Path;

use crate::diagnostics::{Finding, Findings, Position};
use crate::messages::Message;
use crate::msg;

/// Text a provider must replace; `check` reports every place it is left.
/// The same in every language, so one rule finds it.
pub const PLACEHOLDER: &str = "FYLL INN";

/// Reports every placeholder in `text`, the content of `file`. In YAML,
/// whole-line comments are skipped: the skeleton's own comments name the
/// placeholder to explain it.
pub fn scan(file: &Path, text: &str, findings: &mut Findings) {
    let yaml = file.extension().is_some_and(|e| e == "yaml" || e == "yml");
    let lines: Vec<&str> = text.lines().collect();
    for (index, line) in lines.iter().enumerate() {
        if yaml && is_comment(line) {
            continue;
        }
        for (offset, _) in line.match_indices(PLACEHOLDER) {
            let column = line[..offset].chars().count() as u32 + 1;
            let field = if yaml { field_of(line) } else { None };
            let message = match field {
                Some(field) => msg!("placeholder.field", field = field, placeholder = PLACEHOLDER),
                None => msg!("placeholder.text", placeholder = PLACEHOLDER),
            };
            let help = help(parent_of(&lines, index), field);
            findings.push(Finding::error(file, Position::new(index as u32 + 1, column), message).with_help(help));
        }
    }
}

/// Whether a line of YAML still holds the placeholder outside a comment.
pub fn unfilled(line: &str) -> bool {
    !is_comment(line) && line.contains(PLACEHOLDER)
}

fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

/// The field a YAML line sets (`  status: FYLL INN` → `status`).
fn field_of(line: &str) -> Option<&str> {
    let (key, _) = line.split_once(':')?;
    let key = key.trim().trim_start_matches("- ").trim();
    (!key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')).then_some(key)
}

/// The block a YAML line stands in (`grades` for `    from: ...`): the
/// nearest line above it that is indented less.
fn parent_of<'a>(lines: &[&'a str], index: usize) -> Option<&'a str> {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let own = indent(lines[index]);
    lines[..index]
        .iter()
        .rev()
        .filter(|l| !l.trim().is_empty() && !is_comment(l))
        .find(|l| indent(l) < own)
        .and_then(|l| field_of(l))
}

/// What to write instead: for a field with a fixed set of values, the
/// values, so nobody has to guess what the program accepts.
fn help(parent: Option<&str>, field: Option<&str>) -> Message {
    match (parent, field) {
        (Some("grades"), Some("from" | "to")) => msg!("placeholder.help.grade"),
        (_, Some("ownership")) => msg!("placeholder.help.ownership"),
        (_, Some("status")) => msg!("placeholder.help.status"),
        (_, Some("kind")) => msg!("placeholder.help.kind"),
        (_, Some("languages")) => msg!("placeholder.help.languages"),
        (_, Some("districts")) => msg!("placeholder.help.districts"),
        (_, Some("org_number")) => msg!("placeholder.help.org_number"),
        (_, Some("as_of" | "from" | "until" | "last_checked")) => msg!("placeholder.help.date"),
        (_, Some("staff_per_month" | "pupils" | "capacity" | "price")) => msg!("placeholder.help.number"),
        _ => msg!("placeholder.help"),
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
    fn a_field_with_fixed_values_names_them_in_its_help() {
        let mut findings = Findings::default();
        scan(
            Path::new("p.yaml"),
            "capacity:\n  status: FYLL INN\nownership: FYLL INN\nname: FYLL INN\n",
            &mut findings,
        );
        let found = findings.into_sorted();
        let help = |i: usize| found[i].help.as_ref().unwrap().render(crate::messages::Lang::Nb);
        assert!(
            help(0).contains("open") && help(0).contains("waiting-list") && help(0).contains("full"),
            "{}",
            help(0)
        );
        assert!(help(1).contains("municipal") && help(1).contains("non-profit"), "{}", help(1));
        assert_eq!(found[2].help.as_ref().unwrap().key(), "placeholder.help");
        assert_eq!(found[0].message.arg("field").as_deref(), Some("status"));

        let mut findings = Findings::default();
        let text = "school:\n  grades:\n    from: FYLL INN\nadmission:\n  from: FYLL INN\n";
        scan(Path::new("p.yaml"), text, &mut findings);
        let keys: Vec<_> = findings.into_sorted().iter().map(|f| f.help.as_ref().unwrap().key()).collect();
        assert_eq!(keys, ["placeholder.help.grade", "placeholder.help.date"], "the same name in two blocks");
    }

    #[test]
    fn a_markdown_heading_is_text_not_a_comment() {
        assert_eq!(positions("om.md", "# FYLL INN\n"), [(1, 3)]);
    }
}
