//! `brukervalg check`: every rule of `build`, without writing.

use std::path::Path;
use std::process::ExitCode;

use super::report::{render_github, render_json};
use super::{count, print_findings};
use crate::diagnostics::Severity;
use crate::domain::Date;
use crate::messages::Lang;
use crate::msg;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style snippets with file:line:column, a caret and a hint
    Human,
    /// GitHub Actions workflow commands, shown on the pull request's lines
    Github,
    /// A JSON report (see docs/check.md)
    Json,
}

pub fn run(root: &Path, today: Option<Date>, format: Format, deny_warnings: bool, lang: Lang) -> ExitCode {
    let (_, findings, readability) = crate::check(root, today);
    let findings = findings.into_sorted();
    let (errors, warnings) = (count(&findings, Severity::Error), count(&findings, Severity::Warning));
    match format {
        Format::Human => {
            print_findings(&findings, root, lang);
            if let Some(summary) = readability {
                eprintln!("{}", summary.message().render(lang));
            }
            eprintln!("{}", msg!("check.summary", errors = errors, warnings = warnings).render(lang));
        }
        Format::Github => print!("{}", render_github(&findings, lang)),
        Format::Json => print!("{}", render_json(&findings, lang)),
    }
    if errors > 0 || (deny_warnings && warnings > 0) { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
