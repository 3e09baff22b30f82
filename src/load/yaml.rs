//! The one place YAML is parsed, with the options every file gets.

use std::path::Path;

use granit_parser::Event;

use super::limits::Limits;
use super::text;
use crate::diagnostics::{Finding, Position};
use crate::messages::Message;
use crate::msg;

/// A YAML problem before it is tied to a file.
pub struct Problem {
    pub position: Position,
    pub message: Message,
    pub help: Option<Message>,
}

impl Problem {
    /// The finding in `file`, whose text (after `line_offset` lines before
    /// it, for front matter) is `text`. An indentation problem is worded
    /// from the text itself, which the parser's message cannot see: which
    /// line the item should line up with.
    pub fn into_finding(self, file: &Path, text: &str, line_offset: u32) -> Finding {
        let key = self.message.key();
        let line = self.position.line.checked_sub(line_offset + 1);
        let misplaced = match (key, line) {
            ("yaml.syntax.indentation" | "yaml.syntax.colon_in_value", Some(line)) => {
                super::indentation::misplaced(text, line as usize)
            }
            _ => None,
        };
        let (message, help) = match misplaced {
            Some(m) => (m.message(line_offset), Some(m.help(line_offset))),
            None => (self.message, self.help),
        };
        // The parser notices a tab at the end of the line before it.
        let position = match (key, line) {
            ("yaml.syntax.tab", Some(line)) => {
                first_indenting_tab(text, line as usize, line_offset).unwrap_or(self.position)
            }
            _ => self.position,
        };
        let finding = Finding::error(file, position, message);
        match help {
            Some(help) => finding.with_help(help),
            None => finding,
        }
    }
}

/// The first tab in the indentation of a line from `from` (0-based) on.
fn first_indenting_tab(text: &str, from: usize, line_offset: u32) -> Option<Position> {
    text.lines().enumerate().skip(from).find_map(|(index, line)| {
        let indentation = &line[..line.len() - line.trim_start().len()];
        let column = indentation.find('\t')?;
        Some(Position::new(index as u32 + 1 + line_offset, column as u32 + 1))
    })
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
        let (message, help) = classify(&e.to_string());
        Problem { position, message, help: Some(help) }
    })
}

/// serde-saphyr's and its parser's messages speak of Rust types, tokens
/// and scalars; ours of the file, in the editor's language. The first line
/// is the message; the location it appends is shown apart.
fn classify(raw: &str) -> (Message, Message) {
    let first = raw.lines().next().unwrap_or(raw).trim();
    let message = match first.rfind(" at line ") {
        Some(i) => &first[..i],
        None => first,
    }
    .trim_end_matches(['.', ',']);
    let has = |needle: &str| message.contains(needle);
    let quoted = |n: usize| message.split('`').nth(n).map(str::to_string).unwrap_or_default();
    let expected = message.rsplit_once("expected ").map_or("", |(_, e)| e.trim());
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        (msg!("yaml.duplicate_key", key = key), msg!("yaml.duplicate_key.help"))
    } else if has("budget breached") {
        (msg!("yaml.too_large"), msg!("yaml.too_deep.help"))
    } else if has("recursion limit") || has("too deep") {
        (msg!("yaml.too_deep"), msg!("yaml.too_deep.help"))
    } else if has("deserialize null") || has("invalid type: null") || has("unexpected null") {
        (msg!("yaml.null"), msg!("yaml.null.help"))
    } else if has("unknown field") {
        let close = did_you_mean(message).map_or(msg!("suggest.none"), |g| msg!("suggest.did_you_mean", candidate = g));
        (msg!("yaml.unknown_field", field = quoted(1)), msg!("yaml.unknown_field.help", close => close))
    } else if has("missing field") {
        (msg!("yaml.missing_field", field = quoted(1)), msg!("yaml.missing_field.help"))
    } else if has("unknown variant") {
        let choices = message.split_once("expected one of").map_or(expected, |(_, c)| c.trim());
        (msg!("yaml.unknown_variant", value = quoted(1)), msg!("yaml.unknown_variant.help", choices = choices))
    } else if ["u8", "u16", "u32", "u64", "i32", "i64", "usize"]
        .iter()
        .any(|t| expected == *t || has(&format!("invalid {t}")))
    {
        (msg!("yaml.expected_whole_number"), msg!("yaml.expected_whole_number.help"))
    } else if expected.starts_with('f') && expected.len() == 3 {
        (msg!("yaml.expected_number"), msg!("yaml.expected_number.help"))
    } else if has("invalid type") || has("invalid value") {
        let shape = if expected.contains("sequence") {
            msg!("yaml.shape.list")
        } else if expected.contains("map") || expected.starts_with("struct") {
            msg!("yaml.shape.block")
        } else if expected.contains("string") || expected.contains("char") {
            msg!("yaml.shape.text")
        } else {
            msg!("yaml.shape.other")
        };
        (msg!("yaml.wrong_shape", shape => shape), msg!("yaml.wrong_shape.help"))
    } else {
        syntax(message)
    }
}

/// The parser's syntax errors, grouped by what the editor has to do.
fn syntax(message: &str) -> (Message, Message) {
    let has = |needle: &str| message.contains(needle);
    if has("tab") {
        (msg!("yaml.syntax.tab"), msg!("yaml.syntax.tab.help"))
    } else if has("illegal placement of ':'") {
        // Met in a `[...]` list that runs on into the next line.
        (msg!("yaml.syntax.brackets"), msg!("yaml.syntax.brackets.help"))
    } else if has("mapping values are not allowed") {
        (msg!("yaml.syntax.colon_in_value"), msg!("yaml.syntax.colon_in_value.help"))
    } else if has("':' must be followed") || has("simple key expected ':'") {
        (msg!("yaml.syntax.colon_space"), msg!("yaml.syntax.colon_space.help"))
    } else if has("did not find expected key")
        || has("expected '-' indicator")
        || has("indentation")
        || has("indented")
        || has("are not allowed in this context")
        || has("simple key")
        || has("block mapping")
        || has("block sequence")
    {
        (msg!("yaml.syntax.indentation"), msg!("yaml.syntax.indentation.help"))
    } else if has("quote") || has("quoted scalar") {
        (msg!("yaml.syntax.quote"), msg!("yaml.syntax.quote.help"))
    } else if has("bracket") || has("flow sequence") || has("flow mapping") {
        (msg!("yaml.syntax.brackets"), msg!("yaml.syntax.brackets.help"))
    } else if has("unexpected character")
        || has("node content")
        || has("anchor")
        || has("alias")
        || has("tag")
        || has("directive")
        || has("plain scalar cannot start")
    {
        (msg!("yaml.syntax.special_start"), msg!("yaml.syntax.special_start.help"))
    } else {
        (msg!("yaml.syntax.other", detail = message), msg!("yaml.syntax.other.help"))
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
    "deadline",
    "deadline_plain",
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
                message: msg!("yaml.tag", tag = format!("{}{}", tag.original_handle(), tag.suffix())),
                help: Some(msg!("yaml.tag.help")),
            });
        }
        match event {
            Event::Scalar(value, ..) => {
                let field = if is_key { None } else { key.as_deref() };
                let short = is_key || field.is_some_and(|k| SHORT_FIELDS.contains(&k));
                let refused =
                    if short { text::first_refused_in_short(&value) } else { text::first_forbidden(&value, true) };
                if let Some((_, c)) = refused {
                    let character = text::describe(c);
                    problems.push(Problem {
                        position: at(&span),
                        message: match field {
                            Some(k) => msg!("yaml.field.invisible_char", field = k, character => character),
                            None => msg!("yaml.key.invisible_char", character => character),
                        },
                        help: Some(msg!("invisible_char.help")),
                    });
                }
                let (max, limit) = if short {
                    (limits.short_text_max_chars, "short_text_max_chars")
                } else {
                    (limits.text_max_chars, "text_max_chars")
                };
                // Counting stops at the limit, so a huge field costs no more than a short one.
                if value.chars().nth(max).is_some() {
                    let limit = format!("limits.{limit}");
                    problems.push(Problem {
                        position: at(&span),
                        message: match field {
                            Some(k) => msg!("yaml.field.too_long", field = k, max = max, limit = limit),
                            None => msg!("yaml.key.too_long", max = max, limit = limit),
                        },
                        help: Some(msg!("yaml.too_long.help", config = crate::domain::CONFIG_FILE)),
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
                        message: msg!("yaml.nested", max = MAX_DEPTH),
                        help: Some(msg!("yaml.too_deep.help")),
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
                    let max = limits.list_max_items;
                    problems.push(Problem {
                        position,
                        message: match key.as_deref() {
                            Some(k) => msg!("yaml.list.too_long", field = k, max = max),
                            None => msg!("yaml.list.too_long_unnamed", max = max),
                        },
                        help: Some(msg!("yaml.list.too_long.help", config = crate::domain::CONFIG_FILE)),
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
