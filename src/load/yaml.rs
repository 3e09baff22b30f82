//! The one place YAML is parsed, with the options every file gets.

use std::path::Path;

use crate::diagnostics::{Finding, Position};

/// A YAML problem before it is tied to a file.
pub struct Problem {
    pub position: Position,
    pub message: String,
}

impl Problem {
    pub fn into_finding(self, file: &Path) -> Finding {
        let help = help_for(&self.message);
        let finding = Finding::error(file, self.position, self.message);
        match help {
            Some(help) => finding.with_help(help),
            None => finding,
        }
    }
}

/// Parses `text` into `T`. `line_offset` is added to reported lines, for YAML
/// that sits inside a larger file (front matter).
pub fn parse<T: serde::de::DeserializeOwned>(text: &str, line_offset: u32) -> Result<T, Problem> {
    // Norwegian text is full of the word "no": never read it as false.
    let options = serde_saphyr::options! {
        strict_booleans: true,
        with_snippet: false,
    };
    serde_saphyr::from_str_with_options::<T>(text, options).map_err(|e| {
        let e = e.without_snippet();
        let mut position = e
            .location()
            .map(|l| Position::from_yaml(&l))
            .unwrap_or(Position::new(1, 1));
        position.line += line_offset;
        Problem {
            position,
            message: clean_message(&e.to_string()),
        }
    })
}

/// serde-saphyr appends the location to its messages; ours shows it apart.
fn clean_message(raw: &str) -> String {
    let first = raw.lines().next().unwrap_or(raw).trim();
    let without_location = match first.rfind(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    without_location.trim_end_matches(['.', ',']).to_string()
}

fn help_for(message: &str) -> Option<String> {
    if message.contains("unknown field") {
        Some("check the spelling against docs/content.md; every field is listed there".into())
    } else if message.contains("missing field") {
        Some("add the field; docs/content.md says what it means and shows an example".into())
    } else if message.contains("unknown variant") {
        Some("use one of the values the message lists, spelt exactly so".into())
    } else if message.contains("invalid type") {
        Some(
            "check the value's form: text, a number, a list (`- item`) or a block of fields".into(),
        )
    } else {
        None
    }
}
