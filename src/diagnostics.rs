//! Findings: every problem the build can see in the input, as values that are
//! collected (never early returns) and printed together, sorted by place.

use std::path::{Path, PathBuf};

use crate::messages::{Lang, Message};
use crate::msg;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    /// Something the editor should know that is as it should be (a survey
    /// figure hidden by the rules): never fails a build or `--deny-warnings`.
    Note,
}

/// Where in an input file a finding points. Line and column are 1-based;
/// `line == 0` means the file as a whole.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl Position {
    pub const WHOLE_FILE: Position = Position { line: 0, column: 0 };

    pub fn new(line: u32, column: u32) -> Position {
        Position { line, column }
    }

    pub fn from_yaml(location: &serde_saphyr::Location) -> Position {
        let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        Position::new(clamp(location.line()), clamp(location.column()))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// Relative to the site root, so messages read the same on every machine.
    pub file: PathBuf,
    pub position: Position,
    /// What is wrong, by key (see `crate::messages`).
    pub message: Message,
    /// What to do about it.
    pub help: Option<Message>,
}

impl Finding {
    pub fn error(file: impl Into<PathBuf>, position: Position, message: Message) -> Self {
        Finding { severity: Severity::Error, file: file.into(), position, message, help: None }
    }

    pub fn warning(file: impl Into<PathBuf>, position: Position, message: Message) -> Self {
        Finding { severity: Severity::Warning, ..Finding::error(file, position, message) }
    }

    pub fn note(file: impl Into<PathBuf>, position: Position, message: Message) -> Self {
        Finding { severity: Severity::Note, ..Finding::error(file, position, message) }
    }

    pub fn with_help(mut self, help: Message) -> Self {
        self.help = Some(help);
        self
    }

    /// The key of the message, which tests and tools can rely on while
    /// the wording changes.
    pub fn key(&self) -> &'static str {
        self.message.key()
    }

    fn sort_key(&self) -> (&Path, Position, Severity, &'static str) {
        (&self.file, self.position, self.severity, self.message.key())
    }
}

/// All findings of one run.
#[derive(Debug, Default)]
pub struct Findings(Vec<Finding>, Option<usize>);

impl Findings {
    pub fn push(&mut self, finding: Finding) {
        self.0.push(finding);
    }

    /// Keep at most `max` findings per file in `into_sorted`; the rest are
    /// counted in one finding, so a file with 20,000 problems cannot flood
    /// a terminal or a CI log (`limits.findings_per_file`).
    pub fn limit_per_file(&mut self, max: usize) {
        self.1 = Some(max.max(1));
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|f| f.severity == Severity::Error)
    }

    /// Sorted by file, then line and column, so output is stable and reads
    /// top to bottom through each file.
    pub fn into_sorted(mut self) -> Vec<Finding> {
        // Two messages with one key at one place sort by their English text,
        // so the order is the same in every language.
        self.0.sort_by_cached_key(|f| {
            let (file, position, severity, key) = f.sort_key();
            (file.to_path_buf(), position, severity, key, f.message.render(Lang::En))
        });
        self.0.dedup();
        match self.1 {
            Some(max) => cap_per_file(self.0, max),
            None => self.0,
        }
    }
}

/// The first `max` findings of each file (sorted), then one finding that
/// counts the rest; it is an error when any of the rest is.
fn cap_per_file(sorted: Vec<Finding>, max: usize) -> Vec<Finding> {
    let mut out = Vec::with_capacity(sorted.len().min(1024));
    let mut rest: Option<(PathBuf, usize, usize)> = None;
    let flush = |out: &mut Vec<Finding>, rest: &mut Option<(PathBuf, usize, usize)>| {
        if let Some((file, errors, warnings)) = rest.take() {
            let finding = Finding {
                severity: if errors > 0 { Severity::Error } else { Severity::Warning },
                file,
                position: Position::WHOLE_FILE,
                message: msg!("findings.not_shown", count = errors + warnings, errors = errors, warnings = warnings),
                help: Some(msg!("findings.not_shown.help", config = crate::domain::CONFIG_FILE)),
            };
            out.push(finding);
        }
    };
    let mut shown_in_file = 0;
    for finding in sorted {
        if out.last().is_none_or(|last: &Finding| last.file != finding.file)
            && rest.as_ref().is_none_or(|(f, ..)| *f != finding.file)
        {
            flush(&mut out, &mut rest);
            shown_in_file = 0;
        }
        if shown_in_file < max {
            shown_in_file += 1;
            out.push(finding);
        } else {
            let entry = rest.get_or_insert_with(|| (finding.file.clone(), 0, 0));
            match finding.severity {
                Severity::Error => entry.1 += 1,
                Severity::Warning => entry.2 += 1,
                // Nothing to do about a note: past the cap it goes unsaid.
                Severity::Note => {}
            }
        }
    }
    flush(&mut out, &mut rest);
    out
}

impl FromIterator<Finding> for Findings {
    fn from_iter<I: IntoIterator<Item = Finding>>(iter: I) -> Self {
        Findings(iter.into_iter().collect(), None)
    }
}
