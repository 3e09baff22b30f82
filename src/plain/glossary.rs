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
use crate::html::escape;
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
}

#[derive(Debug, Clone, Default)]
pub struct Glossary {
    pub file: PathBuf,
    pub terms: Vec<Term>,
    /// Lowercase form → index in `terms`.
    forms: BTreeMap<String, usize>,
    /// The ASCII letters a form starts with (lowercase), and whether any
    /// starts with another character: most words of a page can be passed
    /// over on their first letter, without lowering or looking them up.
    ascii_initials: u128,
    other_initials: bool,
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
            for form in std::iter::once(&term.term).chain(&term.forms) {
                let lower = form.to_lowercase();
                match lower.chars().next() {
                    Some(c) if c.is_ascii() => glossary.ascii_initials |= 1 << (c as u32),
                    _ => glossary.other_initials = true,
                }
                glossary.forms.insert(lower, i);
            }
            for avoid in &term.avoid {
                for word in &avoid.words {
                    let what = Avoided { term: term.term.clone(), instead: avoid.instead.clone() };
                    glossary.avoided.insert(word.to_lowercase(), what);
                }
            }
            glossary.terms.push(Term { term: term.term, explanation: term.explanation });
        }
        for word in raw.hard_words {
            let lower = word.to_lowercase();
            if !glossary.forms.contains_key(&lower) {
                glossary.unexplained.insert(lower, word);
            }
        }
        glossary
    }

    /// The term `word` is a form of, with `lower` as scratch space for its
    /// lowercase form without hyphenation points.
    fn term_in(&self, word: &str, lower: &mut String) -> Option<usize> {
        let initial = word.chars().find(|&c| c != SOFT_HYPHEN)?;
        let possible = if initial.is_ascii() {
            self.ascii_initials & (1 << (initial.to_ascii_lowercase() as u32)) != 0
        } else {
            self.other_initials
        };
        if !possible {
            return None;
        }
        lower.clear();
        if word.contains('Σ') {
            // Only the whole word knows a final sigma, as the forms were lowered.
            lower.push_str(&word.replace(SOFT_HYPHEN, "").to_lowercase());
        } else {
            for c in word.chars().filter(|&c| c != SOFT_HYPHEN) {
                lower.extend(c.to_lowercase());
            }
        }
        self.forms.get(lower.as_str()).copied()
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
const SOFT_HYPHEN: char = '\u{AD}';

/// Words of `text` (runs of letters and digits, soft hyphens included)
/// with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_word = |c: char| c.is_alphanumeric() || c == SOFT_HYPHEN;
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + text[at..].find(is_word)?;
        let end = text[start..].find(|c: char| !is_word(c)).map_or(text.len(), |e| start + e);
        at = end;
        Some((start, &text[start..end]))
    })
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

/// Elements whose text is left alone: a `<dfn>` inside a link or heading
/// would break it, and labels, captions and buttons must stay short.
const LEFT_ALONE: [&str; 19] = [
    "a", "h1", "h2", "h3", "h4", "h5", "h6", "th", "caption", "label", "button", "summary", "dt", "dfn", "abbr",
    "script", "style", "title", "svg",
];

fn is_left_alone(name: &str) -> bool {
    // Longer names are none of them; most tags end here.
    name.len() <= 7 && LEFT_ALONE.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Explains the first use of each term in the page's `<main>`: the word
/// becomes `<dfn>word</dfn>` followed by the explanation in brackets,
/// unless the text explains it right after (in brackets, or «… er …»).
pub fn explain_terms(html: &str, glossary: &Glossary) -> String {
    if glossary.terms.is_empty() {
        return html.to_string();
    }
    let (Some(main_start), Some(main_end)) = (html.find("<main"), html.rfind("</main>")) else {
        return html.to_string();
    };
    let mut explained = vec![false; glossary.terms.len()];
    // Once every term is explained the rest of the page is only copied.
    let mut unexplained = glossary.terms.len();
    let mut lower = String::new();
    let mut out = String::with_capacity(html.len() + 512);
    out.push_str(&html[..main_start]);
    let mut blocked: usize = 0;
    let (mut open_term, mut open_header) = (false, false);
    let mut in_source_note = false;
    let mut rest = &html[main_start..main_end];
    while !rest.is_empty() {
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |i| i + 1);
            let tag = &rest[..end];
            let closing = tag.starts_with("</");
            let name = tag.trim_start_matches(['<', '/']);
            let name = &name[..name.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(name.len())];
            // «Skrevet av leverandøren.» says who wrote a block; it is no
            // place to explain words (paragraphs do not nest).
            if name.eq_ignore_ascii_case("p") {
                in_source_note = !closing && is_source_note(tag);
            }
            // Templates may leave out `</dt>` and `</th>`: the next term,
            // cell or row ends them as HTML does.
            let ended = (open_term && ends_term(name, closing), open_header && ends_header_cell(name, closing));
            open_term &= !ended.0;
            open_header &= !ended.1;
            blocked = blocked.saturating_sub(usize::from(ended.0) + usize::from(ended.1));
            if is_left_alone(name) && !tag.ends_with("/>") {
                let (term, header) = (name.eq_ignore_ascii_case("dt"), name.eq_ignore_ascii_case("th"));
                if !closing {
                    blocked += 1;
                    open_term |= term;
                    open_header |= header;
                } else if !(term || header) {
                    blocked = blocked.saturating_sub(1);
                }
            }
            out.push_str(tag);
            rest = &rest[end..];
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..end];
        if blocked == 0 && !in_source_note && unexplained > 0 {
            unexplained -= explain_in(text, glossary, &mut explained, &mut lower, &mut out);
        } else {
            out.push_str(text);
        }
        rest = &rest[end..];
    }
    out.push_str(&html[main_end..]);
    out
}

/// Whether `tag` opens a source note, its class quoted or not (templates
/// lose the quotes values do not need, `render::templates`).
fn is_source_note(tag: &str) -> bool {
    tag.contains("class=\"source\"") || ["class=source ", "class=source>"].iter().any(|c| tag.contains(c))
}

/// Whether tag `name` ends an open `<dt>`: its own end tag, or the next term,
/// description or the list's end.
fn ends_term(name: &str, closing: bool) -> bool {
    let is = |n: &str| name.eq_ignore_ascii_case(n);
    if closing { is("dt") || is("dl") } else { is("dt") || is("dd") }
}

/// Whether tag `name` ends an open `<th>`: its own end tag, the next cell
/// or row, or the table's end.
fn ends_header_cell(name: &str, closing: bool) -> bool {
    let is = |n: &str| name.eq_ignore_ascii_case(n);
    if closing {
        ["th", "tr", "thead", "tbody", "tfoot", "table"].iter().any(|n| is(n))
    } else {
        is("th") || is("td") || is("tr")
    }
}

/// Explains the terms first used in `text`; returns how many it explained.
/// `lower` is scratch space, kept by the caller so words cost no allocation.
fn explain_in(text: &str, glossary: &Glossary, explained: &mut [bool], lower: &mut String, out: &mut String) -> usize {
    let mut from = 0;
    let mut count = 0;
    for (offset, word) in words(text) {
        let Some(i) = glossary.term_in(word, lower) else { continue };
        if explained[i] {
            continue;
        }
        explained[i] = true;
        count += 1;
        let after = offset + word.len();
        out.push_str(&text[from..offset]);
        out.push_str("<dfn>");
        out.push_str(word);
        out.push_str("</dfn>");
        // The text explains it itself: «vedtaket (brevet …)», «Skyss er …».
        let explained_here = [" (", " er "].iter().any(|p| text[after..].starts_with(p));
        if !explained_here {
            out.push_str(" (");
            out.push_str(&escape(&glossary.terms[i].explanation));
            out.push(')');
        }
        from = after;
    }
    out.push_str(&text[from..]);
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary() -> Glossary {
        let raw: RawGlossary = crate::load::yaml::parse(
            "terms:\n  - term: vedtak\n    forms: [vedtaket]\n    explanation: et brev fra kommunen\n    avoid:\n      - words: [firma]\n        instead: skriv leverandør\nhard_words: [vedtak, egenandel]\n",
            0,
        )
        .unwrap_or_else(|_| panic!("a valid glossary"));
        Glossary::from_raw(PathBuf::from("i18n/glossary.nb.yaml"), raw)
    }

    #[test]
    fn the_first_use_on_a_page_is_explained_in_place() {
        let html = "<h1>Vedtak</h1><main><h2>Om vedtaket</h2><p>Du får et vedtak. Vedtaket gjelder.</p></main>";
        let out = explain_terms(html, &glossary());
        assert_eq!(
            out,
            "<h1>Vedtak</h1><main><h2>Om vedtaket</h2><p>Du får et <dfn>vedtak</dfn> (et brev fra kommunen). Vedtaket gjelder.</p></main>"
        );
    }

    #[test]
    fn a_term_with_hyphenation_points_is_still_the_term() {
        let html = "<main><p>Du får et ved\u{AD}tak.</p></main>";
        let out = explain_terms(html, &glossary());
        assert_eq!(out, "<main><p>Du får et <dfn>ved\u{AD}tak</dfn> (et brev fra kommunen).</p></main>");
    }

    #[test]
    fn links_and_source_notes_are_left_whole_and_an_explanation_in_brackets_is_kept() {
        let html =
            "<main><p class=\"source\">Om vedtak.</p><p><a href=\"/x/\">vedtak</a> og vedtaket (brevet)</p></main>";
        let out = explain_terms(html, &glossary());
        assert_eq!(
            out,
            "<main><p class=\"source\">Om vedtak.</p><p><a href=\"/x/\">vedtak</a> og <dfn>vedtaket</dfn> (brevet)</p></main>"
        );
    }

    #[test]
    fn terms_starting_with_any_letter_in_any_case_are_found() {
        let raw: RawGlossary = crate::load::yaml::parse(
            "terms:\n  - term: økonomisk tilskudd\n    forms: [Ønskeplass]\n    explanation: en plass du ønsker\n  - term: Rehabilitering\n    explanation: trening etter sykdom\n",
            0,
        )
        .unwrap_or_else(|_| panic!("a valid glossary"));
        let glossary = Glossary::from_raw(PathBuf::from("i18n/glossary.nb.yaml"), raw);
        let out = explain_terms(
            "<main><p>Rehabilitering gir en ØNSKEPLASS og mer re\u{AD}habilitering.</p></main>",
            &glossary,
        );
        assert_eq!(
            out,
            "<main><p><dfn>Rehabilitering</dfn> (trening etter sykdom) gir en <dfn>ØNSKEPLASS</dfn> (en plass du ønsker) og mer re\u{AD}habilitering.</p></main>"
        );
    }

    #[test]
    fn terms_and_header_cells_stay_as_written_without_their_end_tags() {
        let html = "<main><dl><dt>Vedtak<dd>Du får et vedtak.</dl></main>";
        let out = explain_terms(html, &glossary());
        assert_eq!(out, "<main><dl><dt>Vedtak<dd>Du får et <dfn>vedtak</dfn> (et brev fra kommunen).</dl></main>");
        let html = "<main><table><tr><th>Vedtak<td>Et vedtak.<tr><th>X</table><p>vedtak</p></main>";
        let out = explain_terms(html, &glossary());
        assert!(out.contains("<th>Vedtak<td>Et <dfn>vedtak</dfn> (et brev"), "{out}");
    }

    #[test]
    fn a_source_note_is_left_alone_with_or_without_quotes() {
        for note in ["<p class=\"source\">", "<p class=source>"] {
            let html = format!("<main>{note}Om vedtak.</p><p>Et vedtak.</p></main>");
            let out = explain_terms(&html, &glossary());
            assert!(out.contains(&format!("{note}Om vedtak.</p><p>Et <dfn>vedtak</dfn>")), "{out}");
        }
    }

    #[test]
    fn a_term_the_sentence_defines_gets_no_second_explanation() {
        let out = explain_terms("<main><p>Vedtak er et brev. Les vedtaket.</p></main>", &glossary());
        assert_eq!(out, "<main><p><dfn>Vedtak</dfn> er et brev. Les vedtaket.</p></main>");
    }
}
