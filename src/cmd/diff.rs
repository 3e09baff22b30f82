//! `brukervalg diff`: what a change does to the site, for the reviewer of a
//! pull request (`crate::review` compares; this picks the two folders and
//! prints). `--git REF` compares the working tree with a commit: the
//! commit's files are taken out with `git archive` into a private
//! temporary folder, so neither the repository nor its worktrees change.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use crate::domain::Date;
use crate::messages::Lang;
use crate::msg;
use crate::review;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text for a terminal
    Human,
    /// For a pull-request comment: summary first, details folded
    Markdown,
    /// A JSON report (see docs/check.md)
    Json,
}

pub enum Sites {
    /// Two site folders.
    Folders { base: PathBuf, head: PathBuf },
    /// The site in `root` as committed at `reference`, and as it is now.
    Git { reference: String, root: PathBuf },
}

pub fn run(sites: &Sites, today: Option<Date>, format: Format, lang: Lang) -> ExitCode {
    let exported;
    let (base, head) = match sites {
        Sites::Folders { base, head } => (base.as_path(), head.as_path()),
        Sites::Git { reference, root } => match export(root, reference) {
            Ok(dir) => {
                exported = dir;
                (exported.path(), root.as_path())
            }
            Err(detail) => {
                eprintln!("{}", msg!("diff.git_failed", reference = reference, detail = detail).render(lang));
                return ExitCode::from(2);
            }
        },
    };
    let found = review::compare(base, head, today, lang);
    let out = match format {
        Format::Human => review::format::human(&found, lang),
        Format::Markdown => review::format::markdown(&found, lang),
        Format::Json => review::format::json(&found),
    };
    print!("{out}");
    if found.head_builds { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// The site folder `root` as committed at `reference`, in a temporary
/// folder removed when dropped. `root` may lie below the repository's top.
fn export(root: &Path, reference: &str) -> Result<tempfile::TempDir, String> {
    // A reference is a name or a commit, never an option of git's.
    if reference.starts_with('-') || reference.contains(':') {
        return Err(format!("`{reference}` is not a Git reference"));
    }
    let prefix = git(root, &["rev-parse", "--show-prefix"])?;
    let tree = format!("{reference}:{}", prefix.trim());
    let dir = tempfile::Builder::new().prefix("brukervalg-diff-").tempdir().map_err(|e| e.to_string())?;
    let mut archive = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["archive", "--format=tar", &tree])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("git: {e}"))?;
    let tar = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(dir.path())
        .stdin(archive.stdout.take().ok_or("git archive gave no output")?)
        .output()
        .map_err(|e| format!("tar: {e}"))?;
    let archived = archive.wait_with_output().map_err(|e| format!("git: {e}"))?;
    if !archived.status.success() {
        return Err(String::from_utf8_lossy(&archived.stderr).trim().to_string());
    }
    if !tar.status.success() {
        return Err(String::from_utf8_lossy(&tar.stderr).trim().to_string());
    }
    Ok(dir)
}

fn git(root: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git").arg("-C").arg(root).args(args).output().map_err(|e| format!("git: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}
