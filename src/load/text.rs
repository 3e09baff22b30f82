//! Characters no input text may hold: control characters reach terminals
//! and CI logs (an ESC can rewrite what a reviewer sees), and bidirectional
//! overrides and isolates make text read in another order than it is
//! stored, so a reviewer approves something other than what is published.

/// Whether `c` is refused. `multiline` allows line breaks and tabs, which
/// prose, Markdown and CSV need; names and addresses do not.
pub fn forbidden_char(c: char, multiline: bool) -> bool {
    match c {
        '\n' | '\r' | '\t' => !multiline,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
        c => c.is_control(),
    }
}

/// The first character of a name or short field that is refused: the
/// characters refused everywhere, and the text policy's invisible ones.
pub fn first_refused_in_short(text: &str) -> Option<(usize, char)> {
    let forbidden = first_forbidden(text, false);
    let invisible = crate::domain::text_policy::first_invisible(text);
    match (forbidden, invisible) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// The first refused character of `text`, with its byte offset.
pub fn first_forbidden(text: &str, multiline: bool) -> Option<(usize, char)> {
    text.char_indices().find(|&(_, c)| forbidden_char(c, multiline))
}

/// How a refused character is named in messages: its code point and, for
/// the common ones, what it is, since the character itself is invisible.
pub fn describe(c: char) -> crate::messages::Message {
    use crate::domain::text_policy::{Invisible, invisible};
    use crate::msg;
    let code = format!("U+{:04X}", c as u32);
    match c {
        '\0' => msg!("char.nul", code = code),
        '\u{1b}' => msg!("char.escape", code = code),
        '\u{202A}'..='\u{202E}' => msg!("char.bidi_override", code = code),
        '\u{2066}'..='\u{2069}' => msg!("char.bidi_isolate", code = code),
        '\n' | '\r' => msg!("char.line_break", code = code),
        '\t' => msg!("char.tab", code = code),
        c if c.is_control() => msg!("char.control", code = code),
        c => match invisible(c) {
            Some(Invisible::Blank) => msg!("char.blank", code = code),
            Some(Invisible::ZeroWidth) => msg!("char.zero_width", code = code),
            Some(Invisible::BidiMark) => msg!("char.bidi_mark", code = code),
            Some(Invisible::LineSeparator) => msg!("char.line_separator", code = code),
            Some(Invisible::SoftHyphen) => msg!("char.soft_hyphen", code = code),
            Some(Invisible::Format) | None => msg!("char.format", code = code),
        },
    }
}

/// `text` with every control and bidirectional character written as
/// `\u{..}`, so it can be printed to a terminal or CI log as it is.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    // A carriage return inside a line lets later text overwrite earlier.
    let hidden = |c: char| c == '\r' || forbidden_char(c, true);
    if !text.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_controls_and_bidi_but_keeps_letters_and_line_breaks_in_prose() {
        assert!(forbidden_char('\0', true));
        assert!(forbidden_char('\u{1b}', true));
        assert!(forbidden_char('\u{202E}', true));
        assert!(forbidden_char('\u{2067}', true));
        assert!(forbidden_char('\u{85}', true));
        assert!(forbidden_char('\n', false));
        assert!(!forbidden_char('\n', true));
        assert!(!forbidden_char('ø', false));
        assert!(!forbidden_char('ع', false));
    }

    #[test]
    fn visible_writes_out_what_a_terminal_would_obey() {
        assert_eq!(visible("a\u{1b}[2Jb\u{202E}c\nd\re"), "a\\u{1b}[2Jb\\u{202e}c\nd\\u{d}e");
        assert!(matches!(visible("plain æøå"), std::borrow::Cow::Borrowed(_)));
    }
}
