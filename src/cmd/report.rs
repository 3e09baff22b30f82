//! Findings as the editor reads them: rustc-style snippets for a terminal,
//! GitHub workflow commands for a pull request, and the JSON report
//! (docs/check.md). Printing is the commands' business; the findings
//! themselves (`crate::diagnostics`) know nothing of files or formats.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Finding, Severity};
use crate::load::text::visible;
use crate::messages::Lang;
use crate::msg;

/// Input files as shown in snippets: read once each, through the same
/// checks as any input (a linked file is never shown), with an index of
/// line starts so each finding costs one lookup, not a scan.
struct Sources<'a> {
    root: &'a Path,
    files: std::collections::BTreeMap<PathBuf, Option<(String, Vec<usize>)>>,
}

impl Sources<'_> {
    /// The largest file any limit lets through.
    const MAX_BYTES: u64 = crate::load::limits::FILE_MAX_BYTES_CEILING;

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
pub fn render_human(findings: &[Finding], root: &Path, styled: bool, lang: Lang) -> String {
    use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

    let renderer = if styled { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    let mut sources = Sources { root, files: Default::default() };
    // The labels in front of each message, in the editor's language too.
    let (error, warning, note, help_label) = (
        msg!("report.label.error").render(lang),
        msg!("report.label.warning").render(lang),
        msg!("report.label.note").render(lang),
        msg!("report.label.help").render(lang),
    );
    for finding in findings {
        let level = match finding.severity {
            Severity::Error => Level::ERROR.with_name(error.as_str()),
            Severity::Warning => Level::WARNING.with_name(warning.as_str()),
            Severity::Note => Level::NOTE.with_name(note.as_str()),
        };
        // Input text reaches the terminal only with its control characters written out.
        let path = visible(&finding.file.display().to_string()).into_owned();
        let message = finding.message.render(lang);
        let message = visible(&message);
        let help = finding.help.as_ref().map(|h| visible(&h.render(lang)).into_owned());
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
            groups.push(Group::with_title(Level::HELP.with_name(help_label.as_str()).secondary_title(help.as_str())));
        }
        let _ = writeln!(out, "{}\n", renderer.render(&groups));
    }
    out
}

/// GitHub Actions workflow commands, one per finding, so a pull request
/// shows each on its line.
pub fn render_github(findings: &[Finding], lang: Lang) -> String {
    let mut out = String::new();
    for f in findings {
        let kind = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut properties = format!("file={}", escape_property(&f.file.to_string_lossy()));
        if f.position.line > 0 {
            let _ = write!(properties, ",line={},col={}", f.position.line, f.position.column.max(1));
        }
        let title = match f.severity {
            Severity::Error => msg!("report.github_title.error"),
            Severity::Warning => msg!("report.github_title.warning"),
            Severity::Note => msg!("report.github_title.note"),
        };
        let _ = write!(properties, ",title={}", escape_property(&title.render(lang)));
        let message = match &f.help {
            Some(help) => msg!("report.with_help", message => f.message.clone(), help => help.clone()).render(lang),
            None => f.message.render(lang),
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
pub fn render_json(findings: &[Finding], lang: Lang) -> String {
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
        key: &'a str,
        message: String,
        help: Option<String>,
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
                key: f.message.key(),
                message: f.message.render(lang),
                help: f.help.as_ref().map(|h| h.render(lang)),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Position;

    #[test]
    fn github_commands_escape_what_would_end_a_property_or_a_line() {
        let f = Finding::error("providers/a,b.yaml", Position::new(3, 7), msg!("field.empty", field = "50%\nx"))
            .with_help(msg!("field.empty.help"));
        let out = render_github(&[f], Lang::En);
        assert_eq!(
            out,
            "::error file=providers/a%2Cb.yaml,line=3,col=7,title=brukervalg%3A error::`50%25%0Ax` is empty%0AHelp: write the text, or remove the field if it is optional\n"
        );
    }

    #[test]
    fn json_report_counts_and_lists_findings() {
        let out =
            render_json(&[Finding::warning("content/a.md", Position::WHOLE_FILE, msg!("page.no_plain"))], Lang::Nb);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["findings"][0]["key"], "page.no_plain");
        assert_eq!(v["findings"][0]["message"], "siden har ingen lettlest utgave");
        assert_eq!(v["version"], 1);
        assert_eq!(v["warnings"], 1);
        assert_eq!(v["findings"][0]["file"], "content/a.md");
        assert_eq!(v["findings"][0]["line"], 0);
        assert_eq!(v["findings"][0]["severity"], "warning");
    }

    #[test]
    fn a_note_is_a_notice_on_github_and_counted_as_neither_error_nor_warning() {
        let note = Finding::note("surveys/a.csv", Position::new(4, 1), msg!("csv.no_rows"));
        assert!(render_github(std::slice::from_ref(&note), Lang::En).starts_with("::notice file=surveys/a.csv,line=4"));
        let v: serde_json::Value = serde_json::from_str(&render_json(&[note], Lang::En)).unwrap();
        assert_eq!((v["errors"].as_u64(), v["warnings"].as_u64()), (Some(0), Some(0)));
        assert_eq!(v["findings"][0]["severity"], "note");
    }
}
