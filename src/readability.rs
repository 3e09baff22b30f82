//! Readability by LIX (läsbarhetsindex): words per sentence plus the share
//! of long words. Plain-language texts should stay below 40, standard texts
//! below 55 (both configurable). Very short texts are not judged: a
//! two-word heading of long words says nothing about how hard a text is.

use std::path::PathBuf;

use crate::diagnostics::{Finding, Findings, Position};
use crate::load::raw::Limits;

/// Fewer words than this and LIX is noise.
pub const MIN_WORDS: usize = 15;

#[derive(Debug, Clone)]
pub struct Sample {
    pub file: PathBuf,
    pub position: Position,
    /// The field or file part, for the message (`description_plain`).
    pub what: String,
    pub plain: bool,
    pub lix: f64,
    pub words: usize,
}

/// LIX of `text`, with the word count; `None` when it has no words.
/// A sentence ends at `.`, `!`, `?` or `:` followed by a space or the end,
/// and at every line break that ends a block (headings, list items).
pub fn lix(text: &str) -> Option<(f64, usize)> {
    let mut words = 0usize;
    let mut long = 0usize;
    let mut sentences = 0usize;
    for block in text.split('\n').map(str::trim).filter(|b| !b.is_empty()) {
        let mut block_ended = false;
        for token in block.split_whitespace() {
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
    (words > 0).then(|| (words as f64 / sentences.max(1) as f64 + 100.0 * long as f64 / words as f64, words))
}

/// "1." (as in "1. trinn") and "f.eks." do not end sentences.
fn is_abbreviation_or_ordinal(token: &str) -> bool {
    let core = token.trim_end_matches('.');
    core.chars().all(|c| c.is_ascii_digit())
        || matches!(core.to_lowercase().as_str(), "f.eks" | "bl.a" | "ca" | "osv" | "mv" | "dvs" | "nr" | "kl")
}

/// Plain text of a Markdown document, one block a line, for measuring.
pub fn markdown_text(source: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::new();
    for event in Parser::new(source) {
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

pub fn record(
    findings: &mut Findings,
    file: &std::path::Path,
    position: Position,
    what: &str,
    plain: bool,
    text: &str,
) {
    if let Some((lix, words)) = lix(text) {
        findings.record_readability(Sample {
            file: file.to_path_buf(),
            position,
            what: what.to_string(),
            plain,
            lix,
            words,
        });
    }
}

/// Warns about texts over the limits and sums up the site's readability.
pub fn assess(findings: &mut Findings, limits: &Limits) -> Summary {
    let samples: Vec<Sample> = findings.readability().iter().filter(|s| s.words >= MIN_WORDS).cloned().collect();
    for s in &samples {
        let (limit, kind, help) = if s.plain {
            (limits.lix_plain_max, "plain-language", "use shorter sentences and shorter, everyday words")
        } else {
            (limits.lix_standard_max, "standard", "split long sentences and prefer common words to long compounds")
        };
        if s.lix > limit {
            findings.push(
                Finding::warning(
                    &s.file,
                    s.position,
                    format!(
                        "`{}` is hard to read for a {kind} text: LIX {:.0}, the limit is {limit:.0}",
                        s.what, s.lix
                    ),
                )
                .with_help(help),
            );
        }
    }
    let stats = |plain: bool| {
        let mut values: Vec<f64> = samples.iter().filter(|s| s.plain == plain).map(|s| s.lix).collect();
        values.sort_by(f64::total_cmp);
        let limit = if plain { limits.lix_plain_max } else { limits.lix_standard_max };
        Band {
            texts: values.len(),
            median: values.get(values.len() / 2).copied(),
            max: values.last().copied(),
            over_limit: values.iter().filter(|&&v| v > limit).count(),
        }
    };
    Summary { standard: stats(false), plain: stats(true) }
}

#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub standard: Band,
    pub plain: Band,
}

#[derive(Debug, Clone, Default)]
pub struct Band {
    pub texts: usize,
    pub median: Option<f64>,
    pub max: Option<f64>,
    pub over_limit: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let band = |b: &Band| match (b.median, b.max) {
            (Some(m), Some(x)) => {
                format!("{} texts, median {m:.0}, hardest {x:.0}, {} over the limit", b.texts, b.over_limit)
            }
            _ => "no texts long enough to measure".to_string(),
        };
        write!(f, "Readability (LIX): standard {}; plain language {}", band(&self.standard), band(&self.plain))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
