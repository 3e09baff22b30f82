//! One module per command of the `brukervalg` binary. `main.rs` only parses
//! the arguments and calls `run` here; each `run` prints what the editor
//! needs and returns the process's exit code.

pub mod build;
pub mod check;
pub mod diff;
pub mod new;
pub mod report;
pub mod schema;
pub mod serve;

use std::io::IsTerminal;
use std::path::Path;

use crate::diagnostics::{Finding, Severity};
use crate::messages::Lang;
use report::render_human;

/// Findings as rustc-style snippets on stderr, coloured on a terminal.
fn print_findings(findings: &[Finding], root: &Path, lang: Lang) {
    if !findings.is_empty() {
        let styled = std::io::stderr().is_terminal();
        eprint!("{}", render_human(findings, root, styled, lang));
    }
}

/// The site's own language (`language:` in brukervalg.yaml), so an
/// editor reads messages in the language they write in. Bokmål when the
/// configuration cannot be read: it is then the first thing to fix,
/// and most sites are in bokmål.
pub fn site_language(root: &Path) -> Lang {
    #[derive(serde::Deserialize)]
    struct LanguageOnly {
        language: Option<String>,
    }
    // Read as every input is read (no links, nothing outside the site,
    // within the size limit), before the loader reports what is wrong.
    let file = crate::load::files::source(root, &root.join(crate::load::CONFIG_FILE));
    let max = crate::load::raw::Limits::default().file_max_bytes;
    let language = crate::load::files::read_bytes(root, &file, max)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| serde_saphyr::from_str::<LanguageOnly>(&text).ok())
        .and_then(|c| c.language);
    match language.as_deref().map(str::trim) {
        Some("nn") => Lang::Nn,
        _ => Lang::Nb,
    }
}

fn count(findings: &[Finding], severity: Severity) -> usize {
    findings.iter().filter(|f| f.severity == severity).count()
}
