//! Readability by LIX (läsbarhetsindex): words per sentence plus the share
//! of long words. Plain-language texts should stay below 40, standard texts
//! below 55 (both configurable). Very short texts are not judged: a
//! two-word heading of long words says nothing about how hard a text is.
//!
//! Validation records a `Sample` per text; once the limits are known,
//! `assess` turns those over the limit into warnings that say, in plain
//! words, what makes the text hard and what helps.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Finding, Findings, Position};
use crate::load::raw::Limits;
use crate::messages::Message;
use crate::msg;

/// Fewer words than this and LIX is noise.
pub const MIN_WORDS: usize = 15;

/// Which text a sample measured, for the message.
#[derive(Debug, Clone)]
pub enum Subject {
    /// A YAML field (`description_plain`).
    Field(String),
    /// The body of a Markdown page or self-description.
    Document,
}

#[derive(Debug, Clone)]
pub struct Sample {
    pub file: PathBuf,
    /// Where the text (for a document: its hardest paragraph) begins.
    pub position: Position,
    pub subject: Subject,
    pub plain: bool,
    pub measure: Measure,
}

/// LIX and its two parts, so a warning can say which part is high.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    pub lix: f64,
    pub words: usize,
    pub words_per_sentence: f64,
    pub long_word_percent: f64,
}

/// The texts measured during validation.
#[derive(Debug, Clone, Default)]
pub struct Samples(Vec<Sample>);

impl Samples {
    /// Adds the samples of another file's validation after these.
    pub fn append(&mut self, other: Samples) {
        self.0.extend(other.0);
    }

    /// Measures a field's text.
    pub fn field(&mut self, file: &Path, position: Position, field: &str, plain: bool, text: &str) {
        if let Some(measure) = measure(text) {
            let subject = Subject::Field(field.to_string());
            self.0.push(Sample { file: file.to_path_buf(), position, subject, plain, measure });
        }
    }

    /// Measures a Markdown body that starts at `body_line` of `file`. The
    /// whole text is judged; a warning points at the first line of its
    /// hardest paragraph, where rewriting helps most (never a blank line).
    pub fn document(&mut self, file: &Path, body_line: u32, plain: bool, markdown: &str) {
        let Some(measure) = measure(&markdown_text(markdown)) else {
            return;
        };
        let line = hardest_paragraph_line(markdown).unwrap_or(0);
        let position = Position::new(line + body_line, 1);
        self.0.push(Sample { file: file.to_path_buf(), position, subject: Subject::Document, plain, measure });
    }
}

/// 0-based line of the first line of the paragraph with the highest LIX
/// among those long enough to judge; else of the first non-blank line.
fn hardest_paragraph_line(markdown: &str) -> Option<u32> {
    let mut paragraphs: Vec<(u32, String)> = Vec::new();
    let mut in_paragraph = false;
    for (index, line) in markdown.lines().enumerate() {
        if line.trim().is_empty() {
            in_paragraph = false;
        } else if in_paragraph {
            if let Some((_, text)) = paragraphs.last_mut() {
                text.push('\n');
                text.push_str(line);
            }
        } else {
            in_paragraph = true;
            paragraphs.push((index as u32, line.to_string()));
        }
    }
    let judged = paragraphs
        .iter()
        .filter_map(|(line, text)| measure(&markdown_text(text)).map(|m| (*line, m)))
        .filter(|(_, m)| m.words >= MIN_WORDS)
        .max_by(|a, b| a.1.lix.total_cmp(&b.1.lix).then(b.0.cmp(&a.0)));
    judged.map(|(line, _)| line).or_else(|| paragraphs.first().map(|(line, _)| *line))
}

/// LIX of `text`, with the word count; `None` when it has no words.
/// A sentence ends at `.`, `!`, `?` or `:` followed by a space or the end,
/// and at every line break that ends a block (headings, list items).
pub fn lix(text: &str) -> Option<(f64, usize)> {
    count(text).map(|(lix, words, ..)| (lix, words))
}

/// LIX, words, sentences and long words.
fn count(text: &str) -> Option<(f64, usize, usize, usize)> {
    let mut words = 0usize;
    let mut long = 0usize;
    let mut sentences = 0usize;
    for block in text.split('\n').map(str::trim).filter(|b| !b.is_empty()) {
        let mut block_ended = false;
        for token in crate::domain::text_policy::tokens(block) {
            let letters = token.chars().filter(|c| c.is_alphanumeric()).count();
            if letters == 0 {
                continue;
            }
            words += 1;
            if letters > 6 {
                long += 1;
            }
            let end = token.trim_end_matches(['"', '\'', ')', '»', '”', '*', '_']);
            block_ended = end.ends_with(['.', '!', '?', ':']) && !is_abbreviation_or_ordinal(end);
            if block_ended {
                sentences += 1;
            }
        }
        if !block_ended {
            sentences += 1;
        }
    }
    let sentences = sentences.max(1);
    (words > 0).then(|| (words as f64 / sentences as f64 + 100.0 * long as f64 / words as f64, words, sentences, long))
}

/// LIX of `text` with its parts; `None` when it has no words.
pub fn measure(text: &str) -> Option<Measure> {
    let (lix, words, sentences, long) = count(text)?;
    Some(Measure {
        lix,
        words,
        words_per_sentence: words as f64 / sentences as f64,
        long_word_percent: 100.0 * long as f64 / words as f64,
    })
}

/// "1." (as in "1. trinn") and "f.eks." do not end sentences.
fn is_abbreviation_or_ordinal(token: &str) -> bool {
    let core = token.trim_end_matches('.');
    core.chars().all(|c| c.is_ascii_digit())
        || matches!(core.to_lowercase().as_str(), "f.eks" | "bl.a" | "ca" | "osv" | "mv" | "dvs" | "nr" | "kl")
}

/// Plain text of a Markdown document, one block a line, for measuring.
/// Parsed as pages are, so `[^1]` and `{lang=se}` are markup, not words.
pub fn markdown_text(source: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::new();
    for event in Parser::new_ext(source, crate::markdown::options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell) => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// Warns about texts over the limits and sums up the site's readability.
pub fn assess(samples: &Samples, limits: &Limits, findings: &mut Findings) -> Summary {
    let samples: Vec<&Sample> = samples.0.iter().filter(|s| s.measure.words >= MIN_WORDS).collect();
    for s in &samples {
        let limit = if s.plain { limits.lix_plain_max } else { limits.lix_standard_max };
        if s.measure.lix > limit {
            findings
                .push(Finding::warning(&s.file, s.position, hard_to_read(s, limit)).with_help(what_helps(s, limit)));
        }
    }
    let stats = |plain: bool| {
        let mut values: Vec<f64> = samples.iter().filter(|s| s.plain == plain).map(|s| s.measure.lix).collect();
        values.sort_by(f64::total_cmp);
        let limit = if plain { limits.lix_plain_max } else { limits.lix_standard_max };
        Band {
            limit,
            texts: values.len(),
            median: values.get(values.len() / 2).copied(),
            max: values.last().copied(),
            over_limit: values.iter().filter(|&&v| v > limit).count(),
        }
    };
    Summary { standard: stats(false), plain: stats(true) }
}

/// Which part of LIX makes the text hard: a part above half the limit
/// carries the excess (the two parts add up to LIX).
fn causes(m: &Measure, limit: f64) -> (bool, bool) {
    let sentences = m.words_per_sentence > limit / 2.0;
    let words = m.long_word_percent > limit / 2.0;
    if sentences || words { (sentences, words) } else { (true, true) }
}

/// "`description_plain` is hard to read: long sentences and long words
/// (LIX 62; a plain-language text should stay under 40)".
fn hard_to_read(s: &Sample, limit: f64) -> Message {
    let why = match causes(&s.measure, limit) {
        (true, true) => msg!("readability.cause.both"),
        (true, false) => msg!("readability.cause.sentences", words = format!("{:.0}", s.measure.words_per_sentence)),
        _ => msg!("readability.cause.words", percent = format!("{:.0}", s.measure.long_word_percent)),
    };
    let (lix, limit) = (format!("{:.0}", s.measure.lix), format!("{limit:.0}"));
    match (&s.subject, s.plain) {
        (Subject::Field(field), true) => {
            msg!("readability.hard.field_plain", field = field, why => why, lix = lix, limit = limit)
        }
        (Subject::Field(field), false) => {
            msg!("readability.hard.field", field = field, why => why, lix = lix, limit = limit)
        }
        (Subject::Document, true) => msg!("readability.hard.document_plain", why => why, lix = lix, limit = limit),
        (Subject::Document, false) => msg!("readability.hard.document", why => why, lix = lix, limit = limit),
    }
}

fn what_helps(s: &Sample, limit: f64) -> Message {
    let fix = match causes(&s.measure, limit) {
        (true, true) => msg!("readability.fix.both"),
        (true, false) => msg!("readability.fix.sentences"),
        _ => msg!("readability.fix.words"),
    };
    if s.plain { msg!("readability.help.plain", fix => fix) } else { msg!("readability.help.standard", fix => fix) }
}

#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub standard: Band,
    pub plain: Band,
}

#[derive(Debug, Clone, Default)]
pub struct Band {
    /// The LIX limit texts of this kind are held to.
    pub limit: f64,
    pub texts: usize,
    pub median: Option<f64>,
    pub max: Option<f64>,
    pub over_limit: usize,
}

impl Summary {
    /// One plain sentence for the end of `build` and `check`: how many texts
    /// are hard to read, with the LIX figures only in brackets.
    pub fn message(&self) -> Message {
        let band = |b: &Band| match (b.median, b.max) {
            (Some(median), Some(max)) => msg!(
                "readability.summary.band",
                texts = b.texts,
                over = b.over_limit,
                median = format!("{median:.0}"),
                max = format!("{max:.0}"),
                limit = format!("{:.0}", b.limit)
            ),
            _ => msg!("readability.summary.none"),
        };
        msg!("readability.summary", standard => band(&self.standard), plain => band(&self.plain))
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnote_marks_and_heading_attributes_are_not_words() {
        let text = markdown_text("## Sámegiella {lang=se}\n\nFristen er tre veker.[^1]\n\n[^1]: Lova.\n");
        assert!(!text.contains("{lang") && !text.contains("[^1]"), "{text}");
        assert!(text.contains("Sámegiella") && text.contains("Fristen er tre veker.") && text.contains("Lova."));
    }

    #[test]
    fn lix_is_words_per_sentence_plus_percent_long_words() {
        // 8 words, 2 sentences, 3 long words (Kommunen, betaler,
        // leverandøren): 8/2 + 100 * 3/8 = 4 + 37.5.
        let (lix, words) = lix("Du velger selv. Kommunen betaler leverandøren din nå.").unwrap();
        assert_eq!(words, 8);
        assert!((lix - 41.5).abs() < 0.01, "{lix}");
    }

    #[test]
    fn ordinals_and_abbreviations_do_not_end_sentences_but_lines_do() {
        // 6 words, 1 sentence, no long word: "1." does not end it.
        assert_eq!(lix("Elever på 1. trinn får skyss."), Some((6.0, 6)));
        assert_eq!(lix("Vi kommer f.eks. kl. 8 hver dag."), Some((7.0, 7)));
        // 4 words on 3 lines, so 3 sentences; 1 long word (legeerklæring):
        // 4/3 + 100 · 1/4.
        let (list, words) = lix("Ta med\nlegeerklæring\nvedtak").unwrap();
        assert_eq!(words, 4);
        assert!((list - (4.0 / 3.0 + 25.0)).abs() < 1e-9, "{list}");
    }

    #[test]
    fn markdown_is_measured_as_text() {
        let text = markdown_text("## Overskrift\n\nEn *kort* setning.\n\n- punkt en\n- punkt to\n");
        assert_eq!(text, "Overskrift\nEn kort setning.\npunkt en\npunkt to\n");
    }
}
