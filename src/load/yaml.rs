//! The one place YAML is parsed, with the options every file gets.

use std::path::Path;

use granit_parser::Event;

use super::limits::Limits;
use super::text;
use crate::diagnostics::{Finding, Position};

/// A YAML problem before it is tied to a file.
pub struct Problem {
    pub position: Position,
    pub message: String,
    pub help: Option<String>,
}

impl Problem {
    pub fn into_finding(self, file: &Path) -> Finding {
        let help = self.help.or_else(|| help_for(&self.message));
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
        Problem { position, message: clean_message(&e.to_string()), help: None }
    })
}

/// serde-saphyr appends the location to its messages; ours shows it apart.
/// Its wording speaks of Rust types and options; ours of the file.
fn clean_message(raw: &str) -> String {
    let first = raw.lines().next().unwrap_or(raw).trim();
    let without_location = match first.rfind(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    let message = without_location.trim_end_matches(['.', ',']);
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        format!("`{key}` is written twice in the same block")
    } else if message.contains("budget breached") {
        "the file is too large or too deeply nested to read".to_string()
    } else if message.contains("deserialize null")
        || message.contains("invalid type: null")
        || message.contains("unexpected null")
    {
        "a value is missing (empty) where text or a number is needed".to_string()
    } else if message.contains("recursion limit") || message.contains("too deep") {
        "the file is nested too deeply to read".to_string()
    } else {
        message.to_string()
    }
}

fn help_for(message: &str) -> Option<String> {
    if message.contains("unknown field") {
        let guess = did_you_mean(message).map(|g| format!("did you mean `{g}`? ")).unwrap_or_default();
        Some(format!("{guess}check the spelling against docs/content.md; every field is listed there"))
    } else if message.contains("missing field") {
        Some("add the field; docs/content.md says what it means and shows an example".into())
    } else if message.contains("unknown variant") {
        Some("use one of the values the message lists, spelt exactly so".into())
    } else if ["invalid u8", "invalid u16", "invalid u32", "invalid i32", "invalid u64"]
        .iter()
        .any(|t| message.contains(t))
    {
        Some("write a whole number only, without units or spaces, e.g. `price: 420`".into())
    } else if message.contains("mapping values are not allowed") {
        Some(
            "a value that contains `: ` must be in quotes, e.g. `note: \"Åpent: 8-16\"`, or written as a `>` block"
                .into(),
        )
    } else if message.contains("written twice") {
        Some("keep one of the two lines and delete the other".into())
    } else if message.contains("value is missing") {
        Some("write the value after the colon, or remove the line if the field is optional".into())
    } else if message.contains("too large or too deeply") || message.contains("nested too deeply") {
        Some("a profile needs only a few levels of indentation; check the indentation and split very long lists".into())
    } else if message.contains("invalid type") {
        Some("check the value's form: text, a number, a list (`- item`) or a block of fields".into())
    } else {
        None
    }
}

/// YAML nesting no input format needs: a profile goes four levels deep.
const MAX_DEPTH: usize = 16;

/// Keys whose values are names, addresses, ids, dates and other short facts,
/// held to `short_text_max_chars` (everything else to `text_max_chars`).
const SHORT_FIELDS: &[&str] = &[
    "name",
    "name_plain",
    "unit",
    "phone",
    "email",
    "web",
    "address",
    "opening_hours",
    "org_number",
    "id",
    "as_of",
    "from",
    "until",
    "last_checked",
    "file",
    "alt",
    "period",
    "source",
    "source_url",
    "series",
    "service",
    "results",
    "headline",
    "how_to_read",
    "body",
    "municipality",
    "base_url",
    "kind",
    "status",
    "ownership",
    "language",
    "default_provider",
    "districts",
    "languages",
    "focus_areas",
    "notice_period",
    "notice_period_plain",
    "title",
];

/// What a YAML file may not hold, whatever its format: control and
/// bidirectional characters, tags beyond the core schema (`!!binary` would
/// publish text no reviewer saw), fields longer and lists longer than the
/// limits, and nesting deeper than any format needs. Runs on the event
/// stream before the file is turned into values, so one bad field is one
/// finding. Syntax errors are left to `parse`, which words them.
pub fn inspect(text: &str, line_offset: u32, limits: &Limits) -> Vec<Problem> {
    enum Frame {
        Seq { items: usize, key: Option<String> },
        Map { next_is_key: bool, key: Option<String> },
    }
    let mut problems = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let at = |span: &granit_parser::Span| {
        let line = u32::try_from(span.start.line()).unwrap_or(u32::MAX).saturating_add(line_offset);
        Position::new(line, u32::try_from(span.start.col()).unwrap_or(u32::MAX).saturating_add(1))
    };
    for event in granit_parser::Parser::new_from_str(text) {
        let Ok((event, span)) = event else { break };
        // The key this node is the value (or list item) of, if any.
        let key = match stack.last() {
            Some(Frame::Seq { key, .. }) | Some(Frame::Map { key, .. }) => key.clone(),
            None => None,
        };
        let is_key = matches!(stack.last(), Some(Frame::Map { next_is_key: true, .. }));
        let tag = match &event {
            Event::Scalar(_, _, _, tag) | Event::SequenceStart(_, _, tag) | Event::MappingStart(_, _, tag) => {
                tag.clone()
            }
            _ => None,
        };
        if let Some(tag) = tag.filter(|t| !t.is_yaml_core_schema()) {
            problems.push(Problem {
                position: at(&span),
                message: format!("the YAML tag `{}{}` is not allowed", tag.original_handle(), tag.suffix()),
                help: Some("remove the tag and write the value as plain text".into()),
            });
        }
        match event {
            Event::Scalar(value, ..) => {
                let field = if is_key { None } else { key.as_deref() };
                let short = is_key || field.is_some_and(|k| SHORT_FIELDS.contains(&k));
                let name = field.map_or_else(|| "a field name".to_string(), |k| format!("`{k}`"));
                if let Some((_, c)) = text::first_forbidden(&value, !short) {
                    problems.push(Problem {
                        position: at(&span),
                        message: format!("{name} contains the invisible character {}", text::describe(c)),
                        help: Some("delete the character; retype the text if you cannot see where it is".into()),
                    });
                }
                let (max, limit) = if short {
                    (limits.short_text_max_chars, "short_text_max_chars")
                } else {
                    (limits.text_max_chars, "text_max_chars")
                };
                // Counting stops at the limit, so a huge field costs no more than a short one.
                if value.chars().nth(max).is_some() {
                    problems.push(Problem {
                        position: at(&span),
                        message: format!("{name} is longer than {max} characters (`limits.{limit}`)"),
                        help: Some(limit_help("shorten the text")),
                    });
                }
                advance(&mut stack, is_key.then(|| value.to_string()), limits, &mut problems, at(&span));
            }
            Event::Alias(_) => advance(&mut stack, None, limits, &mut problems, at(&span)),
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                advance(&mut stack, None, limits, &mut problems, at(&span));
                if stack.len() >= MAX_DEPTH {
                    problems.push(Problem {
                        position: at(&span),
                        message: format!("the file is nested more than {MAX_DEPTH} levels deep"),
                        help: Some("check the indentation: a profile needs only a few levels".into()),
                    });
                    break;
                }
                stack.push(match event {
                    Event::SequenceStart(..) => Frame::Seq { items: 0, key },
                    _ => Frame::Map { next_is_key: true, key: None },
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                stack.pop();
                if let Some(Frame::Map { next_is_key, .. }) = stack.last_mut() {
                    *next_is_key = true;
                }
            }
            _ => {}
        }
    }

    /// Moves the parent past one node: a list counts an item, a block
    /// switches between key and value.
    fn advance(
        stack: &mut [Frame],
        new_key: Option<String>,
        limits: &Limits,
        problems: &mut Vec<Problem>,
        position: Position,
    ) {
        match stack.last_mut() {
            Some(Frame::Seq { items, key }) => {
                *items += 1;
                if *items == limits.list_max_items + 1 {
                    let name = key.as_deref().map_or_else(|| "a list".to_string(), |k| format!("`{k}`"));
                    problems.push(Problem {
                        position,
                        message: format!(
                            "{name} has more than {} items (`limits.list_max_items`)",
                            limits.list_max_items
                        ),
                        help: Some(limit_help("shorten the list")),
                    });
                }
            }
            Some(Frame::Map { next_is_key, key }) => {
                if *next_is_key {
                    *key = new_key;
                    *next_is_key = false;
                } else {
                    *next_is_key = true;
                }
            }
            None => {}
        }
    }
    problems
}

fn limit_help(what: &str) -> String {
    format!("{what}; the limit is set under `limits:` in {} (see docs/limits.md)", crate::load::CONFIG_FILE)
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
