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

/// Parses `text` into `T`. `line_offset` is the number of lines before
/// `text` in its file (front matter), so that both errors and `Spanned`
/// positions count lines as the editor shows them.
pub fn parse<T: serde::de::DeserializeOwned>(text: &str, line_offset: u32) -> Result<T, Problem> {
    // Norwegian text is full of the word "no": never read it as false.
    let options = serde_saphyr::options! {
        strict_booleans: true,
        with_snippet: false,
    };
    let padded;
    let text = if line_offset > 0 {
        padded = "\n".repeat(line_offset as usize) + text;
        padded.as_str()
    } else {
        text
    };
    serde_saphyr::from_str_with_options::<T>(text, options).map_err(|e| {
        let e = e.without_snippet();
        let position = e.location().map(|l| Position::from_yaml(&l)).unwrap_or(Position::new(1, 1));
        Problem { position, message: clean_message(&e.to_string()) }
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
        let guess = did_you_mean(message).map(|g| format!("did you mean `{g}`? ")).unwrap_or_default();
        Some(format!("{guess}check the spelling against docs/content.md; every field is listed there"))
    } else if message.contains("missing field") {
        Some("add the field; docs/content.md says what it means and shows an example".into())
    } else if message.contains("unknown variant") {
        Some("use one of the values the message lists, spelt exactly so".into())
    } else if ["invalid u8", "invalid u32", "invalid i32", "invalid u64"].iter().any(|t| message.contains(t)) {
        Some("write a whole number only, without units or spaces, e.g. `price: 420`".into())
    } else if message.contains("mapping values are not allowed") {
        Some(
            "a value that contains `: ` must be in quotes, e.g. `note: \"Åpent: 8-16\"`, or written as a `>` block"
                .into(),
        )
    } else if message.contains("invalid type") {
        Some("check the value's form: text, a number, a list (`- item`) or a block of fields".into())
    } else {
        None
    }
}

/// From serde's "unknown field `nmae`, expected one of `name`, `ownership`"
/// (with or without backticks), the expected field closest to the typo.
fn did_you_mean(message: &str) -> Option<String> {
    let (head, expected) = message.split_once("expected one of")?;
    let typo = head.split('`').nth(1)?;
    expected
        .split(',')
        .map(|c| c.trim().trim_matches('`'))
        .filter(|c| !c.is_empty())
        .map(|c| (strsim::levenshtein(typo, c), c))
        .filter(|(d, c)| *d <= 3.max(c.len() / 3))
        .min()
        .map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_expected_field() {
        let m = "unknown field `ownrship`, expected one of name, org_number, ownership, districts";
        assert_eq!(did_you_mean(m).as_deref(), Some("ownership"));
        assert_eq!(did_you_mean("unknown field `zzzzzzzz`, expected one of name, org_number"), None);
    }
}
