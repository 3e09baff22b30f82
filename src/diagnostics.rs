//! Findings: every problem the build can see in the input, as values that are
//! collected (never early returns) and printed together, sorted by place.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::load::text::visible;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
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
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl Finding {
    pub fn error(file: impl Into<PathBuf>, position: Position, message: impl Into<String>) -> Self {
        Finding { severity: Severity::Error, file: file.into(), position, message: message.into(), help: None }
    }

    pub fn warning(file: impl Into<PathBuf>, position: Position, message: impl Into<String>) -> Self {
        Finding { severity: Severity::Warning, ..Finding::error(file, position, message) }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    fn sort_key(&self) -> (&Path, Position, Severity, &str) {
        (&self.file, self.position, self.severity, &self.message)
    }
}

/// All findings of one run, and the readability measurements validation
/// took on the way (they become warnings and a summary once the limits are
/// known).
#[derive(Debug, Default)]
pub struct Findings(Vec<Finding>, Vec<crate::readability::Sample>, Option<usize>);

impl Findings {
    pub fn push(&mut self, finding: Finding) {
        self.0.push(finding);
    }

    /// Keep at most `max` findings per file in `into_sorted`; the rest are
    /// counted in one finding, so a file with 20,000 problems cannot flood
    /// a terminal or a CI log (`limits.findings_per_file`).
    pub fn limit_per_file(&mut self, max: usize) {
        self.2 = Some(max.max(1));
    }

    pub fn record_readability(&mut self, sample: crate::readability::Sample) {
        self.1.push(sample);
    }

    pub fn readability(&self) -> &[crate::readability::Sample] {
        &self.1
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|f| f.severity == Severity::Error)
    }

    /// Sorted by file, then line and column, so output is stable and reads
    /// top to bottom through each file.
    pub fn into_sorted(mut self) -> Vec<Finding> {
        self.0.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.0.dedup();
        match self.2 {
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
                message: format!(
                    "{} more finding(s) in this file are not shown ({errors} error(s), {warnings} warning(s))",
                    errors + warnings
                ),
                help: Some(format!(
                    "fix the ones above and run again; `limits.findings_per_file` in {} sets how many are shown",
                    crate::load::CONFIG_FILE
                )),
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
            }
        }
    }
    flush(&mut out, &mut rest);
    out
}

impl FromIterator<Finding> for Findings {
    fn from_iter<I: IntoIterator<Item = Finding>>(iter: I) -> Self {
        Findings(iter.into_iter().collect(), Vec::new(), None)
    }
}

/// Input files as shown in snippets: read once each, through the same
/// checks as any input (a linked file is never shown), with an index of
/// line starts so each finding costs one lookup, not a scan.
struct Sources<'a> {
    root: &'a Path,
    files: std::collections::BTreeMap<PathBuf, Option<(String, Vec<usize>)>>,
}

impl Sources<'_> {
    /// The largest file any limit lets through.
    const MAX_BYTES: u64 = 16 * 1024 * 1024;

    fn line(&mut self, file: &Path, line: u32) -> Option<&str> {
        let root = self.root;
        let entry = self.files.entry(file.to_path_buf()).or_insert_with(|| {
            let source = crate::load::files::source(root, &root.join(file));
            let bytes = crate::load::files::read_bytes(root, &source, Self::MAX_BYTES).ok()?;
            let text = String::from_utf8(bytes).ok()?;
            let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
            Some((text, starts))
        });
        let (text, starts) = entry.as_ref()?;
        let start = *starts.get((line as usize).checked_sub(1)?)?;
        let end = starts.get(line as usize).map_or(text.len(), |&next| next - 1);
        Some(text[start..end].trim_end_matches('\r'))
    }
}

/// Renders findings rustc-style: the message, `--> file:line:column`, the
/// offending line with a caret, and the help. `root` is where files are read
/// from to show the line.
pub fn render_human(findings: &[Finding], root: &Path, styled: bool) -> String {
    use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

    let renderer = if styled { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    let mut sources = Sources { root, files: Default::default() };
    for finding in findings {
        let level = match finding.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        // Input text reaches the terminal only with its control characters written out.
        let path = visible(&finding.file.display().to_string()).into_owned();
        let message = visible(&finding.message);
        let help = finding.help.as_deref().map(visible);
        let line_text = if finding.position.line > 0 {
            sources.line(&finding.file, finding.position.line).map(|l| visible(l).into_owned())
        } else {
            None
        };
        let line_text = line_text.as_deref().filter(|l| l.len() <= 1000);
        let title = level.clone().primary_title(&*message);
        let mut groups = Vec::new();
        match line_text {
            Some(line) => {
                let column = finding.position.column.max(1) as usize - 1;
                let start = line.char_indices().nth(column).map_or(line.len(), |(i, _)| i);
                let end = line[start..].char_indices().nth(1).map_or(line.len(), |(i, _)| start + i);
                groups.push(
                    title.element(
                        Snippet::source(line)
                            .line_start(finding.position.line as usize)
                            .path(path.as_str())
                            .annotation(AnnotationKind::Primary.span(start..end)),
                    ),
                );
            }
            None => {
                let location = if finding.position.line > 0 {
                    format!("{path}:{}:{}", finding.position.line, finding.position.column)
                } else {
                    path.clone()
                };
                groups.push(title.element(annotate_snippets::Origin::path(location)));
            }
        }
        if let Some(help) = &help {
            groups.push(Group::with_title(Level::HELP.secondary_title(&**help)));
        }
        let _ = writeln!(out, "{}\n", renderer.render(&groups));
    }
    out
}

/// GitHub Actions workflow commands, one per finding, so a pull request
/// shows each on its line.
pub fn render_github(findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        let kind = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut properties = format!("file={}", escape_property(&f.file.to_string_lossy()));
        if f.position.line > 0 {
            let _ = write!(properties, ",line={},col={}", f.position.line, f.position.column.max(1));
        }
        let title = match f.severity {
            Severity::Error => "brukervalg: error",
            Severity::Warning => "brukervalg: warning",
        };
        let _ = write!(properties, ",title={}", escape_property(title));
        let message = match &f.help {
            Some(help) => format!("{}\nHelp: {help}", f.message),
            None => f.message.clone(),
        };
        let _ = writeln!(out, "::{kind} {properties}::{}", escape_data(&message));
    }
    out
}

/// GitHub's own escapes, after the control characters of input text are
/// written out so the CI log shows them instead of obeying them.
fn escape_data(s: &str) -> String {
    let s = s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    visible(&s).into_owned()
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The JSON report documented in docs/check.md: a version and the findings,
/// sorted by file and line.
pub fn render_json(findings: &[Finding]) -> String {
    #[derive(serde::Serialize)]
    struct Report<'a> {
        version: u32,
        errors: usize,
        warnings: usize,
        findings: Vec<JsonFinding<'a>>,
    }
    #[derive(serde::Serialize)]
    struct JsonFinding<'a> {
        severity: Severity,
        file: String,
        line: u32,
        column: u32,
        message: &'a str,
        help: Option<&'a str>,
    }
    let report = Report {
        version: 1,
        errors: findings.iter().filter(|f| f.severity == Severity::Error).count(),
        warnings: findings.iter().filter(|f| f.severity == Severity::Warning).count(),
        findings: findings
            .iter()
            .map(|f| JsonFinding {
                severity: f.severity,
                file: f.file.to_string_lossy().replace('\\', "/"),
                line: f.position.line,
                column: f.position.column,
                message: &f.message,
                help: f.help.as_deref(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_commands_escape_what_would_end_a_property_or_a_line() {
        let f =
            Finding::error("providers/a,b.yaml", Position::new(3, 7), "50% wrong\nsecond line").with_help("fix: it");
        let out = render_github(&[f]);
        assert_eq!(
            out,
            "::error file=providers/a%2Cb.yaml,line=3,col=7,title=brukervalg%3A error::50%25 wrong%0Asecond line%0AHelp: fix: it\n"
        );
    }

    #[test]
    fn json_report_counts_and_lists_findings() {
        let out = render_json(&[Finding::warning("content/a.md", Position::WHOLE_FILE, "m")]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["version"], 1);
        assert_eq!(v["warnings"], 1);
        assert_eq!(v["findings"][0]["file"], "content/a.md");
        assert_eq!(v["findings"][0]["line"], 0);
        assert_eq!(v["findings"][0]["severity"], "warning");
    }
}
