//! The glossary: hard words the plain variants explain, and words they must
//! not use. The general terms are in `i18n/glossary.<language>.yaml`; the
//! municipality's own (office names) in `glossary.<language>.yaml` at the
//! site root, merged over them: a site term replaces a general one of the
//! same word, so each municipality explains its own offices.
//!
//! Two rules use it. The build warns about a plain text that uses a word of
//! `hard_words` with no entry under `terms` (nobody can explain it), or a
//! word a term forbids. And every plain page explains the first use of each
//! term in place: `<dfn>term</dfn> (explanation)`, visible text, never a
//! hover-only tooltip.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;

use super::messages::{self, Avoided};
use super::texts::Pair;
use crate::diagnostics::{Findings, Position};
use crate::load::raw::Language;

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawGlossary {
    /// Terms the plain variants explain where they are first used.
    #[serde(default)]
    terms: Vec<RawTerm>,
    /// Words known to be hard: a plain text may only use one that is a term
    /// (or a form of one) above.
    #[serde(default)]
    hard_words: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    /// The term as written in a heading or list.
    term: String,
    /// Other forms of the word (inflections), each one word.
    #[serde(default)]
    forms: Vec<String>,
    /// A short explanation in everyday words, shown in brackets after the
    /// term's first use on a plain page.
    explanation: String,
    /// Plural forms, each one word or words: they take
    /// `plural_explanation`, so «3 leverandører» is not explained in the
    /// singular. Without it a plural use waits for a singular one.
    #[serde(default)]
    plural_forms: Vec<String>,
    /// The explanation in the plural («de som gir deg hjelpen»).
    #[serde(default)]
    plural_explanation: Option<String>,
    /// Words plain texts must not use for this, with what to use instead.
    #[serde(default)]
    avoid: Vec<RawAvoid>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawAvoid {
    /// The word to avoid, with its forms.
    words: Vec<String>,
    /// Why, or what to write instead.
    instead: String,
}

/// A term, ready to find in text.
#[derive(Debug, Clone)]
pub struct Term {
    pub term: String,
    pub explanation: String,
    pub plural_explanation: Option<String>,
}

/// A term found in a text: which, whether in a plural form, and where its
/// words end.
#[derive(Debug, Clone, Copy)]
pub struct Found {
    pub term: usize,
    pub plural: bool,
    pub end: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Glossary {
    pub file: PathBuf,
    pub terms: Vec<Term>,
    /// Lowercase form (words joined by one space) → index in `terms`, and
    /// whether the form is plural.
    forms: BTreeMap<String, (usize, bool)>,
    /// The most words any form has.
    longest: usize,
    /// The first two letters of every form (lowercase): most words of a
    /// page are passed over on them, without lowering or looking them up.
    openings: Openings,
    /// Lowercase hard words with no term.
    unexplained: BTreeMap<String, String>,
    /// Lowercase avoided word → what to do.
    avoided: BTreeMap<String, Avoided>,
}

impl Glossary {
    pub fn path(language: Language) -> PathBuf {
        Path::new("i18n").join(format!("glossary.{}.yaml", language.code()))
    }

    /// The municipality's own terms, at the site root.
    pub fn site_path(language: Language) -> PathBuf {
        PathBuf::from(format!("glossary.{}.yaml", language.code()))
    }

    /// The general glossary with the site's own merged over it; an empty
    /// one when neither exists (the rules then have nothing to check).
    /// Unexplained words are to be added to the site's file, the one the
    /// municipality keeps.
    pub fn load(root: &Path, language: Language, findings: &mut Findings) -> Glossary {
        let general = read(root, &Self::path(language), findings);
        let own = read(root, &Self::site_path(language), findings);
        let file = if general.is_some() && own.is_none() { Self::path(language) } else { Self::site_path(language) };
        match (general, own) {
            (None, None) => Glossary { file, ..Glossary::default() },
            (general, own) => Glossary::from_raw(file, merged(general.unwrap_or_default(), own.unwrap_or_default())),
        }
    }

    fn from_raw(file: PathBuf, raw: RawGlossary) -> Glossary {
        let mut glossary = Glossary { file, ..Glossary::default() };
        for (i, term) in raw.terms.into_iter().enumerate() {
            let singular = std::iter::once(&term.term).chain(&term.forms).map(|f| (f, false));
            for (form, plural) in singular.chain(term.plural_forms.iter().map(|f| (f, true))) {
                let lower = form.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
                glossary.openings.add(lower.split(' ').next().unwrap_or_default());
                glossary.longest = glossary.longest.max(lower.split(' ').count());
                glossary.forms.insert(lower, (i, plural));
            }
            for avoid in &term.avoid {
                for word in &avoid.words {
                    let what = Avoided { term: term.term.clone(), instead: avoid.instead.clone() };
                    glossary.avoided.insert(word.to_lowercase(), what);
                }
            }
            glossary.terms.push(Term {
                term: term.term,
                explanation: term.explanation,
                plural_explanation: term.plural_explanation,
            });
        }
        for word in raw.hard_words {
            let lower = word.to_lowercase();
            if !glossary.forms.contains_key(&lower) {
                glossary.unexplained.insert(lower, word);
            }
        }
        glossary
    }

    /// The longest form of a term starting at `word`, which begins at byte
    /// `start` of `text`; `lower` is scratch space. Words of a form are
    /// apart by one space (or a line break) in the text.
    pub(super) fn find(&self, text: &str, start: usize, word: &str, lower: &mut String) -> Option<Found> {
        let mut longest = None;
        self.each_form(text, start, word, lower, |found| longest = Some(found));
        longest
    }

    /// Every form of a term starting at `word`, shortest first.
    pub(super) fn each_form(&self, text: &str, start: usize, word: &str, lower: &mut String, mut f: impl FnMut(Found)) {
        if !self.openings.may_start(word) {
            return;
        }
        lower.clear();
        let mut end = start;
        for (n, (at, next)) in words(&text[start..]).enumerate() {
            if n == self.longest || (n > 0 && !matches!(&text[end..start + at], " " | "\n")) {
                break;
            }
            if n > 0 {
                lower.push(' ');
            }
            push_lower(lower, next);
            end = start + at + next.len();
            if let Some(&(term, plural)) = self.forms.get(lower.as_str()) {
                f(Found { term, plural, end });
            }
        }
    }

    /// The explanation of a term's use, in its number; `None` for a plural
    /// use of a term that has no plural explanation.
    pub(super) fn explanation(&self, found: Found) -> Option<&str> {
        let term = &self.terms[found.term];
        if found.plural { term.plural_explanation.as_deref() } else { Some(&term.explanation) }
    }
}

/// Appends `word` in lowercase without hyphenation points.
fn push_lower(lower: &mut String, word: &str) {
    if word.contains('Σ') {
        // Only the whole word knows a final sigma, as the forms were lowered.
        lower.push_str(&word.replace(SOFT_HYPHEN, "").to_lowercase());
    } else {
        for c in word.chars().filter(|&c| c != SOFT_HYPHEN) {
            lower.extend(c.to_lowercase());
        }
    }
}

/// One glossary file as written; `None` when it does not exist or is
/// unreadable (reported at its line and column).
fn read(root: &Path, relative: &Path, findings: &mut Findings) -> Option<RawGlossary> {
    let file = crate::load::files::source(root, &root.join(relative));
    if !crate::load::files::exists(&file.absolute) {
        return None;
    }
    let limit = crate::load::raw::Limits::default().file_max_bytes;
    let text = crate::load::files::read_text(root, &file, limit, findings)?;
    match crate::load::yaml::parse::<RawGlossary>(&text, 0) {
        Ok(raw) => Some(raw),
        Err(problem) => {
            findings.push(problem.into_finding(relative, &text, 0));
            None
        }
    }
}

/// The site's terms first, then the general ones it does not replace (the
/// same word, in any case); hard words of both.
fn merged(general: RawGlossary, own: RawGlossary) -> RawGlossary {
    let replaced: std::collections::BTreeSet<String> = own.terms.iter().map(|t| t.term.to_lowercase()).collect();
    let mut terms = own.terms;
    terms.extend(general.terms.into_iter().filter(|t| !replaced.contains(&t.term.to_lowercase())));
    let mut hard_words = general.hard_words;
    hard_words.extend(own.hard_words);
    RawGlossary { terms, hard_words }
}

/// Rendered pages carry hyphenation points inside long words; a term is
/// the same word with or without them.
pub(super) const SOFT_HYPHEN: char = '\u{AD}';

/// Words of `text` (runs of letters and digits, soft hyphens included)
/// with their byte offsets.
pub(super) fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = next_where(text, at, true)?;
        let end = next_where(text, start, false).unwrap_or(text.len());
        at = end;
        Some((start, &text[start..end]))
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == SOFT_HYPHEN
}

/// The first offset from `from` whose character is (or is not) part of a
/// word. Every plain page's text passes through here, so ASCII bytes are
/// judged without decoding a character.
fn next_where(text: &str, from: usize, word: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() == word {
                return Some(i);
            }
            i += 1;
        } else {
            let c = text.get(i..)?.chars().next()?;
            if is_word_char(c) == word {
                return Some(i);
            }
            i += c.len_utf8();
        }
    }
    None
}

/// Which first two letters and lengths the first words of the glossary's
/// forms have, as a 4,096-bit filter: a word whose opening is not in it
/// starts no form (one that is may still start none; the lookup decides).
#[derive(Debug, Clone)]
struct Openings([u64; 64]);

impl Default for Openings {
    fn default() -> Self {
        Openings([0; 64])
    }
}

impl Openings {
    fn bit(word: &str) -> usize {
        let (first, second, length) = match word.as_bytes() {
            // Most words of a page are ASCII without hyphenation points.
            [a, b, ..] if word.is_ascii() => {
                (u32::from(a.to_ascii_lowercase()), u32::from(b.to_ascii_lowercase()), word.len())
            }
            _ => {
                // Lowered char by char as `push_lower` does; a final sigma
                // is the sigma, whichever way the word was lowered.
                let letters = || word.chars().filter(|&c| c != SOFT_HYPHEN);
                let mut lower = letters().flat_map(char::to_lowercase).map(|c| if c == 'ς' { 'σ' } else { c });
                let first = lower.next().map_or(0, u32::from);
                let second = lower.next().map_or(0, u32::from);
                (first, second, letters().flat_map(char::to_lowercase).count())
            }
        };
        let length = length.min(15) as u32;
        (first.wrapping_mul(31).wrapping_add(second).wrapping_mul(16).wrapping_add(length) % 4096) as usize
    }

    fn add(&mut self, first_word: &str) {
        let bit = Self::bit(first_word);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    fn may_start(&self, word: &str) -> bool {
        let bit = Self::bit(word);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// Warns about hard words no term explains and about avoided words, in
/// every plain text, at its line.
pub fn check(glossary: &Glossary, pairs: &[Pair], findings: &mut Findings) {
    for pair in pairs {
        // Blanked markup keeps every word at its offset, so lines stay right.
        let text = if pair.plain_markdown {
            std::borrow::Cow::Owned(crate::markdown::inline::words_only(pair.plain))
        } else {
            std::borrow::Cow::Borrowed(pair.plain)
        };
        for (offset, word) in words(&text) {
            let lower = word.to_lowercase();
            let at: Position = pair.plain_line(offset);
            if let Some(written) = glossary.unexplained.get(&lower) {
                findings.push(messages::unexplained_term(pair, at, word, written, &glossary.file));
            }
            if let Some(avoided) = glossary.avoided.get(&lower) {
                findings.push(messages::avoided_word(pair, at, word, avoided));
            }
        }
    }
}

#[cfg(test)]
impl Glossary {
    /// A glossary from its YAML, for tests.
    pub(super) fn parsed(yaml: &str) -> Glossary {
        let raw: RawGlossary = crate::load::yaml::parse(yaml, 0).unwrap_or_else(|_| panic!("a valid glossary"));
        Glossary::from_raw(PathBuf::from("i18n/glossary.nb.yaml"), raw)
    }
}
