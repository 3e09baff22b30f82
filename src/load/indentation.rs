//! Where a wrongly indented YAML line should have stood. The parser only
//! says it "did not find expected key"; an editor needs to hear which line
//! above the item should line up with, and by how many spaces.

use crate::messages::Message;
use crate::msg;

/// A line whose indentation matches no block it could belong to, and the
/// line above it that it most likely belongs beside.
#[derive(Debug, PartialEq, Eq)]
pub struct Misplaced {
    /// 0-based, in the text given.
    pub line: usize,
    pub spaces: usize,
    /// 0-based line to line up with, its indentation and how it starts.
    pub anchor_line: usize,
    pub anchor_spaces: usize,
    pub anchor: String,
}

impl Misplaced {
    /// `line_offset` turns lines of the text into lines of the file.
    pub fn message(&self, line_offset: u32) -> Message {
        msg!("yaml.indentation", line = self.line + 1 + line_offset as usize)
    }

    pub fn help(&self, line_offset: u32) -> Message {
        msg!(
            "yaml.indentation.help",
            line = self.line + 1 + line_offset as usize,
            spaces = self.spaces,
            anchor = self.anchor,
            anchor_line = self.anchor_line + 1 + line_offset as usize,
            anchor_spaces = self.anchor_spaces
        )
    }
}

/// A block a later line may continue: its indentation, the line that opened
/// it, and whether that line left room for children (`contact:`).
#[derive(Clone)]
struct Level {
    spaces: usize,
    line: usize,
    anchor: String,
    opens: bool,
}

/// The misplaced line at `reported` (0-based), or on the nearest content
/// line before it, where parsers often notice the problem one line late.
pub fn misplaced(text: &str, reported: usize) -> Option<Misplaced> {
    let lines: Vec<&str> = text.lines().collect();
    let previous = (0..reported.min(lines.len())).rev().find(|&i| is_content(lines[i]));
    [Some(reported), previous].into_iter().flatten().filter(|&i| i < lines.len()).find_map(|i| check_line(&lines, i))
}

fn check_line(lines: &[&str], index: usize) -> Option<Misplaced> {
    let line = lines[index];
    if !is_content(line) {
        return None;
    }
    let spaces = indent(line);
    let (stack, prose) = levels_before(lines, index);
    if prose.is_some_and(|block| spaces > block) {
        return None;
    }
    let top = stack.last()?;
    let fits = stack.iter().any(|l| l.spaces == spaces) || (top.opens && spaces > top.spaces);
    if fits {
        return None;
    }
    // A line can only go deeper than the last one when that one opened a
    // block; otherwise it belongs beside one of the open blocks.
    let target = stack
        .iter()
        .filter(|l| l.spaces <= top.spaces)
        .min_by_key(|l| (l.spaces.abs_diff(spaces), std::cmp::Reverse(l.spaces)))?;
    Some(Misplaced {
        line: index,
        spaces,
        anchor_line: target.line,
        anchor_spaces: target.spaces,
        anchor: target.anchor.clone(),
    })
}

/// The blocks open just before line `end`: each content line closes the
/// deeper ones and takes the place of a sibling. The text of a `>` or `|`
/// block is skipped: it is prose, not structure; the indentation of the
/// field such text belongs to comes second, if the text may go on.
fn levels_before(lines: &[&str], end: usize) -> (Vec<Level>, Option<usize>) {
    let mut stack: Vec<Level> = Vec::new();
    let mut prose_above: Option<usize> = None;
    for (index, line) in lines.iter().enumerate().take(end) {
        if !is_content(line) {
            continue;
        }
        let spaces = indent(line);
        if let Some(block) = prose_above {
            if spaces > block {
                continue;
            }
            prose_above = None;
        }
        while stack.last().is_some_and(|l| l.spaces >= spaces) {
            stack.pop();
        }
        let content = strip_comment(line.trim());
        if let Some(item) = content.strip_prefix("- ").map(str::trim_start) {
            // `- name: x`: the item's own fields line up with `name`.
            stack.push(Level { spaces, line: index, anchor: shorten(content), opens: item.is_empty() });
            let is_mapping = item
                .split_once(':')
                .is_some_and(|(key, rest)| !key.contains(' ') && (rest.is_empty() || rest.starts_with(' ')));
            if is_mapping {
                let inner = line.len() - line.trim_start().len() + (content.len() - item.len());
                stack.push(Level { spaces: inner, line: index, anchor: key_of(item), opens: opens_block(item) });
            }
        } else {
            stack.push(Level { spaces, line: index, anchor: key_of(content), opens: opens_block(content) });
        }
        if let Some(last) = stack.last()
            && starts_prose(content)
        {
            prose_above = Some(last.spaces.min(spaces));
        }
    }
    (stack, prose_above)
}

fn is_content(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#') && t != "---"
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn strip_comment(s: &str) -> &str {
    match s.find(" #") {
        Some(i) => s[..i].trim_end(),
        None => s,
    }
}

/// `contact:` with nothing after it: the lines below may go deeper.
fn opens_block(content: &str) -> bool {
    content.ends_with(':') || content == "-"
}

fn starts_prose(content: &str) -> bool {
    let value = content.rsplit_once(": ").map_or("", |(_, v)| v.trim());
    matches!(value, ">" | "|" | ">-" | "|-" | ">+" | "|+")
}

/// How the anchor line starts, as the editor sees it: `phone:`.
fn key_of(content: &str) -> String {
    match content.split_once(':') {
        Some((key, _)) if !key.trim().is_empty() => format!("{}:", key.trim()),
        _ => shorten(content),
    }
}

fn shorten(content: &str) -> String {
    let mut s: String = content.chars().take(30).collect();
    if content.chars().nth(30).is_some() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, reported: usize) -> Option<(usize, usize, String, usize, usize)> {
        misplaced(text, reported).map(|m| (m.line + 1, m.spaces, m.anchor, m.anchor_line + 1, m.anchor_spaces))
    }

    #[test]
    fn a_field_indented_one_space_too_far_lines_up_with_its_sibling() {
        let text = "name: A\ncontact:\n  phone: \"55 12 34 56\"\n   email: post@a.no\nlast_checked: 2026-01-01\n";
        assert_eq!(at(text, 3), Some((4, 3, "phone:".into(), 3, 2)));
    }

    #[test]
    fn a_field_indented_too_little_lines_up_with_the_nearest_block() {
        let text = "name: A\ncapacity:\n  status: open\n as_of: 2026-01-01\n";
        assert_eq!(at(text, 3), Some((4, 1, "status:".into(), 3, 2)));
    }

    #[test]
    fn the_line_before_the_reported_one_is_checked_too() {
        let text = "name: A\ncontact:\n  phone: \"1\"\n    email: x\n\nlast: 1\n";
        assert_eq!(at(text, 5), Some((4, 4, "phone:".into(), 3, 2)));
    }

    #[test]
    fn list_items_and_their_fields_are_levels_of_their_own() {
        let text = "extras:\n  - name: Vask\n    price: 100\n     unit: time\n";
        assert_eq!(at(text, 3), Some((4, 5, "price:".into(), 3, 4)));
        let text = "districts:\n  - sentrum\n   - vestsida\n";
        assert_eq!(at(text, 2), Some((3, 3, "- sentrum".into(), 2, 2)));
    }

    #[test]
    fn well_indented_text_and_folded_prose_are_left_alone() {
        let text = "description: >\n  Første linje\n     rykket inn\n  tredje\ncontact:\n  phone: \"1\"\n";
        assert_eq!(at(text, 5), None);
        assert_eq!(at(text, 2), None);
    }
}
