//! `brukervalg check`: every rule of `build`, without writing.

use std::path::Path;
use std::process::ExitCode;

use super::{count, print_findings};
use crate::diagnostics::{Severity, render_github, render_json};
use crate::domain::Date;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style snippets with file:line:column, a caret and a hint
    Human,
    /// GitHub Actions workflow commands, shown on the pull request's lines
    Github,
    /// A JSON report (see docs/check.md)
    Json,
}

pub fn run(root: &Path, today: Option<Date>, format: Format, deny_warnings: bool) -> ExitCode {
    let (_, findings, readability) = crate::check(root, today);
    let findings = findings.into_sorted();
    let (errors, warnings) = (count(&findings, Severity::Error), count(&findings, Severity::Warning));
    match format {
        Format::Human => {
            print_findings(&findings, root);
            if let Some(summary) = readability {
                eprintln!("{summary}");
            }
            eprintln!("{errors} error(s), {warnings} warning(s)");
        }
        Format::Github => print!("{}", render_github(&findings)),
        Format::Json => print!("{}", render_json(&findings)),
    }
    if errors > 0 || (deny_warnings && warnings > 0) { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
