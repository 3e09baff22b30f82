//! One module per command of the `brukervalg` binary. `main.rs` only parses
//! the arguments and calls `run` here; each `run` prints what the editor
//! needs and returns the process's exit code.

pub mod build;
pub mod check;
pub mod new;
pub mod schema;
pub mod serve;

use std::io::IsTerminal;
use std::path::Path;

use crate::diagnostics::{Finding, Severity, render_human};
use crate::messages::Lang;

/// Findings as rustc-style snippets on stderr, coloured on a terminal.
fn print_findings(findings: &[Finding], root: &Path, lang: Lang) {
    if !findings.is_empty() {
        let styled = std::io::stderr().is_terminal();
        eprint!("{}", render_human(findings, root, styled, lang));
    }
}

fn count(findings: &[Finding], severity: Severity) -> usize {
    findings.iter().filter(|f| f.severity == severity).count()
}
