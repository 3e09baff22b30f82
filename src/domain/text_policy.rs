//! The text policy: what every text from input may hold, and how its words
//! are counted. Providers write their own profiles, and the scheme only
//! works on equal terms: a character the reader cannot see must not hide
//! words from the word limit, make two names look alike or a blank name
//! look filled in. So invisible and formatting characters (Unicode Cf, the
//! line and paragraph separators, and letters that draw as blank space) are
//! refused in names and short fields and replaced in running text, and
//! words are counted at Unicode word boundaries, never at ASCII spaces.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// What kind of invisible character a character is, for its description
/// and for how running text is mended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invisible {
    /// A letter or symbol that draws as blank space (U+2800, U+3164):
    /// it looks like a space but joins words, or makes a name look empty.
    Blank,
    /// U+200B and its kin: no width at all.
    ZeroWidth,
    /// U+200E, U+200F, U+061C: marks that change the direction of
    /// neighbouring text.
    BidiMark,
    /// U+2028, U+2029: line breaks YAML and Markdown do not see as such.
    LineSeparator,
    /// U+00AD: a hyphenation hint, kept in running text only.
    SoftHyphen,
    /// Any other formatting character (Unicode category Cf).
    Format,
}

/// The invisible class of `c`, or `None` for a character a reader sees
/// (or an ordinary space, tab or line break).
pub fn invisible(c: char) -> Option<Invisible> {
    Some(match c {
        '\u{00AD}' => Invisible::SoftHyphen,
        '\u{200E}' | '\u{200F}' | '\u{061C}' => Invisible::BidiMark,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}' => Invisible::ZeroWidth,
        '\u{2028}' | '\u{2029}' => Invisible::LineSeparator,
        '\u{2800}' | '\u{3164}' | '\u{FFA0}' | '\u{115F}' | '\u{1160}' | '\u{034F}' | '\u{17B4}' | '\u{17B5}' => {
            Invisible::Blank
        }
        // The rest of category Cf (Unicode 16).
        '\u{0600}'..='\u{0605}'
        | '\u{06DD}'
        | '\u{070F}'
        | '\u{0890}'..='\u{0891}'
        | '\u{08E2}'
        | '\u{2061}'..='\u{2064}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{110BD}'
        | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}'
        | '\u{E0020}'..='\u{E007F}' => Invisible::Format,
        _ => return None,
    })
}

/// The first invisible character of `text`, with its byte offset: for
/// names and short fields, where any one is refused.
pub fn first_invisible(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|&(_, c)| invisible(c).is_some())
}

/// `text` in Unicode normal form C, so that «å» typed as one character and
/// as «a» with a ring compare, count and sort alike. Borrowed when it
/// already is (nearly always).
pub fn nfc(text: &str) -> Cow<'_, str> {
    match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => Cow::Borrowed(text),
        _ => {
            let normal: String = text.nfc().collect();
            if normal == text { Cow::Borrowed(text) } else { Cow::Owned(normal) }
        }
    }
}

/// Running text with its invisible characters mended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mended {
    pub text: String,
    /// The first invisible character, with its byte offset in the input.
    pub first: (usize, char),
    /// How many there were.
    pub count: usize,
}

/// Whether `c` is mended in running text: every invisible character but
/// the soft hyphen, an editor's hint where a long word may break, shown
/// as a hyphen there and counted within its word.
fn mended_in_running(c: char) -> bool {
    invisible(c).is_some_and(|kind| kind != Invisible::SoftHyphen)
}

/// Whether `c` is a zero-width (non-)joiner that is part of the spelling:
/// between two letters of Arabic script or of an Indic script (Persian
/// «می‌خواهم», which a space would change) or two emoji. It still ends a
/// word when words are counted, so it hides none.
fn spelling_joiner(before: Option<char>, c: char, after: Option<char>) -> bool {
    let joins = |c: char| {
        matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' | '\u{0900}'..='\u{0DFF}'
            | '\u{2600}'..='\u{27BF}' | '\u{1F300}'..='\u{1FAFF}')
    };
    matches!(c, '\u{200C}' | '\u{200D}') && before.is_some_and(joins) && after.is_some_and(joins)
}

/// Running text (descriptions, pages, CSV) with every invisible character
/// but the soft hyphen and joiners of spelling replaced by a space, so that
/// no words run together and none hide; `None` when there is nothing to
/// mend.
pub fn mend_running(text: &str) -> Option<Mended> {
    let mut out = String::new();
    let mut first = None;
    let mut count = 0;
    let mut before = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let after = chars.peek().map(|&(_, next)| next);
        if mended_in_running(c) && !spelling_joiner(before, c, after) {
            if first.is_none() {
                first = Some((at, c));
                out.reserve(text.len());
                out.push_str(&text[..at]);
            }
            count += 1;
            out.push(' ');
        } else if first.is_some() {
            out.push(c);
        }
        before = Some(c);
    }
    first.map(|first| Mended { text: out, first, count })
}

/// The words of `text` by Unicode word boundaries (UAX #29), with white
/// space and every invisible character but the soft hyphen as a break, so a text's
/// words are counted the same whatever separates them.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    // White space too: U+202F joins words by UAX #29 (Mongolian), but
    // reads as a space.
    text.split(|c: char| c.is_whitespace() || mended_in_running(c)).flat_map(|part| part.unicode_words())
}

pub fn word_count(text: &str) -> usize {
    words(text).count()
}

/// The whitespace-separated tokens of `text`, punctuation kept, with
/// every invisible character but the soft hyphen taken as whitespace: for
/// measures that read sentences from tokens (readability).
pub fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || mended_in_running(c)).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hidden_separators_of_the_issue_are_invisible() {
        for c in ['\u{2800}', '\u{3164}', '\u{FFA0}', '\u{180E}', '\u{2062}', '\u{200B}', '\u{FEFF}', '\u{2028}'] {
            assert!(invisible(c).is_some(), "U+{:04X}", c as u32);
        }
        for c in ['a', 'ø', 'Č', 'ع', ' ', '\u{00A0}', '-', '7', '\u{FE0F}'] {
            assert!(invisible(c).is_none(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn words_are_counted_alike_whatever_separates_them() {
        let words_with = |sep: &str| ["Vi", "gir", "god", "omsorg", "hver", "dag"].join(sep);
        for sep in [" ", "\u{2800}", "\u{3164}", "\u{FFA0}", "\u{180E}", "\u{2062}", "\u{200B}", "\u{3000}", "\n"] {
            assert_eq!(word_count(&words_with(sep)), 6, "{sep:?}");
        }
        assert_eq!(word_count("barne\u{00AD}hage, 12 plasser."), 3);
        assert_eq!(word_count("Čáhcesuolu og Sámi"), 3);
    }

    #[test]
    fn running_text_is_mended_with_spaces_and_keeps_soft_hyphens() {
        let mended = mend_running("a\u{2800}b\u{200B}c barne\u{00AD}hage").unwrap();
        assert_eq!(mended.text, "a b c barne\u{00AD}hage");
        assert_eq!(mended.first, (1, '\u{2800}'));
        assert_eq!(mended.count, 2);
        assert!(mend_running("Vanlig tekst, æøå, barne\u{00AD}hage.").is_none());
        // Joiners that spell: Persian and an emoji sequence keep theirs.
        assert!(mend_running("می\u{200C}خواهم 👩\u{200D}💻").is_none());
        assert_eq!(mend_running("ord\u{200C}ord").unwrap().text, "ord ord");
        assert_eq!(word_count("می\u{200C}خواهم"), 2);
    }

    #[test]
    fn text_is_composed_once() {
        assert_eq!(nfc("a\u{030A}"), "å");
        assert!(matches!(nfc("å"), Cow::Borrowed(_)));
    }
}
