//! Fact parity: a plain text may say less than its standard text, never
//! other. Every actionable fact of the standard text (phone, e-mail, web
//! address, date, deadline or duration, amount) must be in the plain text,
//! and the plain text must not state facts the standard text does not.

use super::facts;
use super::messages;
use super::texts::{Pair, Place};
use crate::diagnostics::{Findings, Position};

pub fn check(pairs: &[Pair], findings: &mut Findings) {
    for pair in pairs {
        let standard = facts::by_fact(pair.standard);
        let plain = facts::by_fact(pair.plain);
        for (fact, found) in &standard {
            if facts::states(&plain, fact) || pair.shown_anyway.contains(fact) {
                continue;
            }
            let at = corresponding_line(pair, found.offset);
            findings.push(messages::fact_missing(pair, at, &found.written, fact));
        }
        for (fact, found) in &plain {
            if facts::states(&standard, fact) || pair.shown_anyway.contains(fact) {
                continue;
            }
            findings.push(messages::fact_added(pair, pair.plain_line(found.offset), &found.written, fact));
        }
    }
}

/// Where in the plain text a fact of the standard text belongs: in a
/// Markdown page, the plain section with the same number as the standard
/// section the fact is in (sections are counted by their headings);
/// otherwise the plain text's start.
fn corresponding_line(pair: &Pair, standard_offset: usize) -> Position {
    let Place::Markdown(_) = pair.place else { return pair.plain_start() };
    if !pair.standard_markdown {
        return pair.plain_start();
    }
    let section = heading_offsets(pair.standard).iter().filter(|&&o| o <= standard_offset).count();
    match section.checked_sub(1).and_then(|i| heading_offsets(pair.plain).get(i).copied()) {
        Some(offset) => pair.plain_line(offset),
        None => pair.plain_start(),
    }
}

/// Byte offsets of the Markdown headings (`#` lines) outside code blocks.
fn heading_offsets(markdown: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut fenced = false;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        } else if !fenced && trimmed.starts_with('#') && line.len() - trimmed.len() < 4 {
            out.push(offset);
        }
        offset += line.len();
    }
    out
}
