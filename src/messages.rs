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
fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
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
    fn placeholders_are_found_by_name() {
        let names: Vec<String> = placeholders("`{field}` is {value}, {x}{ y }").into_iter().collect();
        assert_eq!(names, ["field", "value", "x"]);
    }
}
