//! The tool's own words: every message `check`, `build`, `new` and `serve`
//! show an editor, in bokmål, nynorsk and English. The texts live in
//! `messages/*.yaml` (compiled into the binary), one key per message with
//! named placeholders; code only ever names a key and its arguments, so a
//! finding reads the same in every language and tests can assert on keys.
//!
//! These are not the site's words (those are `i18n/*.yaml`, which a
//! municipality may edit); a municipality cannot change these.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

/// The language messages are shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    /// Norwegian bokmål
    Nb,
    /// Norwegian nynorsk
    Nn,
    /// English
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    fn source(self) -> &'static str {
        match self {
            Lang::Nb => include_str!("../messages/nb.yaml"),
            Lang::Nn => include_str!("../messages/nn.yaml"),
            Lang::En => include_str!("../messages/en.yaml"),
        }
    }

    /// The catalogue of this language: key → text with `{placeholders}`.
    pub fn catalogue(self) -> &'static BTreeMap<String, String> {
        static CATALOGUES: [OnceLock<BTreeMap<String, String>>; 3] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        CATALOGUES[self as usize].get_or_init(|| {
            // The files are part of the binary and a test reads each one, so
            // a broken file can never reach an editor.
            serde_saphyr::from_str(self.source()).unwrap_or_default()
        })
    }
}

/// One argument of a message: text shown as written (a file name, a field,
/// a value from the input), or another message rendered in the same
/// language (a "did you mean" put in front of a help line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Message(Message),
}

/// A message by key, with its arguments. Rendered only when shown, in the
/// language the command was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(key: &'static str, args: Vec<(&'static str, Arg)>) -> Message {
        Message { key, args }
    }

    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The argument `name` as given (a nested message in English).
    pub fn arg(&self, name: &str) -> Option<String> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| match a {
            Arg::Text(t) => t.clone(),
            Arg::Message(m) => m.render(Lang::En),
        })
    }

    pub fn render(&self, lang: Lang) -> String {
        let Some(template) = lang.catalogue().get(self.key) else {
            // Only reachable if a key is missing, which a test forbids;
            // still better to show the key than nothing.
            return self.key.to_string();
        };
        fill(template, |name| {
            self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| match a {
                Arg::Text(t) => t.clone(),
                Arg::Message(m) => m.render(lang),
            })
        })
    }

    /// Whether the English text contains `needle`: for tests and logs that
    /// look for a phrase.
    pub fn contains(&self, needle: &str) -> bool {
        self.render(Lang::En).contains(needle)
    }
}

/// English, for logs and `{:?}`-free debugging; editors get `render`.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Replaces each `{name}` in `template`; an unknown name stays as written.
/// A count chooses its words first: `{pages|side|sider}`.
fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let chosen = choose_forms(template, |name| value(name).and_then(|v| count_of(&v)));
    let template = chosen.as_str();
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) if is_placeholder(name) => {
                match value(name) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A number as the tool writes it (`2 002` has a space), for choosing
/// words by it.
fn count_of(value: &str) -> Option<u64> {
    let digits: String = value.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
    digits.parse().ok()
}

/// Chooses the words of each count in `template`: `{name|one|other}`
/// becomes `one` when `name` counts 1 and `other` otherwise, so a count
/// agrees with its noun in every language («1 side», «2 sider», «0 sider»).
/// The forms may hold placeholders (`{n|leverandøren|de {n} leverandørene}`);
/// a name with no count leaves the choice as written. The site's words
/// (`i18n/*.yaml`) and the filter script use the same form.
pub fn choose_forms(template: &str, count: impl Fn(&str) -> Option<u64>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_end = after.find(|c: char| !(c.is_ascii_lowercase() || c == '_')).unwrap_or(after.len());
        let (name, forms) = after.split_at(name_end);
        let chosen = (!name.is_empty() && forms.starts_with('|'))
            .then(|| choice(&forms[1..]))
            .flatten()
            .and_then(|(one, other, end)| count(name).map(|n| (if n == 1 { one } else { other }, end)));
        match chosen {
            Some((form, end)) => {
                out.push_str(form);
                rest = &forms[1 + end..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The two forms of a choice `one|other}` (placeholders inside kept whole),
/// and where it ends after its `}`.
fn choice(text: &str) -> Option<(&str, &str, usize)> {
    let mut depth = 0;
    let mut bar = None;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            '}' => return Some((&text[..bar?], &text[bar? + 1..i], i + 1)),
            '|' if depth == 0 && bar.is_none() => bar = Some(i),
            _ => {}
        }
    }
    None
}

/// The names whose count chooses words in `template` (`{name|one|other}`).
pub fn counted_names(template: &str) -> std::collections::BTreeSet<String> {
    let mut names = std::collections::BTreeSet::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let end = after.find(|c: char| !(c.is_ascii_lowercase() || c == '_')).unwrap_or(after.len());
        if end > 0 && after[end..].starts_with('|') && choice(&after[end + 1..]).is_some() {
            names.insert(after[..end].to_string());
        }
        rest = after;
    }
    names
}

fn is_placeholder(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

/// The placeholders a template uses, for the test that every language
/// has the same ones.
pub fn placeholders(template: &str) -> std::collections::BTreeSet<String> {
    let mut names = std::collections::BTreeSet::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        if let Some(close) = after.find('}')
            && is_placeholder(&after[..close])
        {
            names.insert(after[..close].to_string());
        }
        rest = after;
    }
    names
}

/// A message by key: `msg!("org_number.not_valid", value = raw)`.
/// Arguments are shown as written; `name => message` nests a message.
#[macro_export]
macro_rules! msg {
    ($key:literal $(, $name:ident $(= $value:expr)? $(=> $nested:expr)?)* $(,)?) => {
        $crate::messages::Message::new(
            $key,
            vec![$((stringify!($name), $crate::msg!(@arg $(= $value)? $(=> $nested)?))),*],
        )
    };
    (@arg = $value:expr) => { $crate::messages::Arg::Text($value.to_string()) };
    (@arg => $nested:expr) => { $crate::messages::Arg::Message($nested) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_nested_messages_follow_the_language() {
        assert_eq!(fill("a {x} b {y}", |n| (n == "x").then(|| "1".to_string())), "a 1 b {y}");
        assert_eq!(fill("{ not } {x", |_| None), "{ not } {x");
        let m = msg!("org_number.digits_only", value = "97x");
        assert!(m.render(Lang::En).contains("`97x`"), "{}", m.render(Lang::En));
        let nested = msg!("suggest.did_you_mean", candidate = "sentrum");
        let help = msg!("district.unknown.help", close => nested, choices = "sentrum");
        assert!(help.render(Lang::Nb).contains("mente du `sentrum`?"), "{}", help.render(Lang::Nb));
        assert!(help.render(Lang::En).contains("did you mean `sentrum`?"));
    }

    #[test]
    fn a_count_chooses_its_words() {
        let count = |n| move |name: &str| (name == "n").then_some(n);
        let text = "Viser {n|leverandøren|de {n} leverandørene} du valgte ({x|a|b}).";
        assert_eq!(choose_forms(text, count(1)), "Viser leverandøren du valgte ({x|a|b}).");
        assert_eq!(choose_forms(text, count(2)), "Viser de {n} leverandørene du valgte ({x|a|b}).");
        assert_eq!(choose_forms(text, count(0)), "Viser de {n} leverandørene du valgte ({x|a|b}).");
        assert_eq!(fill("{pages} {pages|side|sider}", |_| Some("2\u{a0}002".into())), "2\u{a0}002 sider");
        assert_eq!(fill("{pages} {pages|side|sider}", |_| Some("1".into())), "1 side");
        assert_eq!(counted_names("{a|x|y} {b} {c|{c}|z}").into_iter().collect::<Vec<_>>(), ["a", "c"]);
    }

    #[test]
    fn placeholders_are_found_by_name() {
        let names: Vec<String> = placeholders("`{field}` is {value}, {x}{ y }").into_iter().collect();
        assert_eq!(names, ["field", "value", "x"]);
    }
}
