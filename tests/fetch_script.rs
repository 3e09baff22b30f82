//! `.github/scripts/fetch-brukervalg.sh`, the step of `action.yml` that
//! installs a released brukervalg on a runner: it takes the archive for
//! this machine, installs it only when its SHA-256 checksum matches, and
//! refuses a replaced archive. Run against a release folder on disk
//! (file://), as the code host cannot be reached from a test.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const SCRIPT: &str = ".github/scripts/fetch-brukervalg.sh";

fn script() -> Command {
    let mut command = Command::new("bash");
    command.arg(common::project_root().join(SCRIPT));
    command
}

fn target() -> String {
    let out = script().arg("--target").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn sha256(file: &Path) -> String {
    let out = Command::new("sha256sum").arg(file).output().unwrap();
    String::from_utf8(out.stdout).unwrap().split_whitespace().next().unwrap().to_string()
}

/// A release v1.2.3 as the workflow publishes it: the archive for this
/// machine, holding a stand-in binary, and SHA256SUMS. Returns the archive.
fn release(dir: &Path) -> std::path::PathBuf {
    let files = dir.join("files");
    fs::create_dir_all(&files).unwrap();
    fs::write(files.join("brukervalg"), "#!/bin/sh\necho brukervalg 1.2.3\n").unwrap();
    let version = dir.join("v1.2.3");
    fs::create_dir_all(&version).unwrap();
    let name = format!("brukervalg-{}.tar.gz", target());
    let archive = version.join(&name);
    let tar = Command::new("tar").arg("-czf").arg(&archive).arg("-C").arg(&files).arg("brukervalg").status().unwrap();
    assert!(tar.success());
    let sums = format!("{}  brukervalg-other.tar.gz\n{}  {name}\n", "0".repeat(64), sha256(&archive));
    fs::write(version.join("SHA256SUMS"), sums).unwrap();
    archive
}

fn fetch(releases: &Path, dest: &Path, pinned: Option<&str>) -> Output {
    let mut command = script();
    command.args(["v1.2.3"]).arg(dest).env("BRUKERVALG_RELEASES", format!("file://{}", releases.display()));
    command.env_remove("BRUKERVALG_SHA256");
    if let Some(sum) = pinned {
        command.env("BRUKERVALG_SHA256", sum);
    }
    command.output().unwrap()
}

#[test]
fn the_release_for_this_machine_is_installed_when_its_checksum_matches() {
    let dir = tempfile::tempdir().unwrap();
    release(dir.path());
    let dest = dir.path().join("bin");
    let out = fetch(dir.path(), &dest, None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), dest.join("brukervalg").display().to_string());
    let ran = Command::new(dest.join("brukervalg")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&ran.stdout).trim(), "brukervalg 1.2.3");
}

#[test]
fn a_replaced_archive_is_refused_and_nothing_is_installed() {
    let dir = tempfile::tempdir().unwrap();
    let archive = release(dir.path());
    let mut bytes = fs::read(&archive).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    fs::write(&archive, bytes).unwrap();
    let dest = dir.path().join("bin");
    let out = fetch(dir.path(), &dest, None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("checksum"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!dest.join("brukervalg").exists());
}

#[test]
fn a_pinned_checksum_wins_over_the_release_s_own_list() {
    let dir = tempfile::tempdir().unwrap();
    let archive = release(dir.path());
    let dest = dir.path().join("bin");
    // SHA256SUMS matches, but the workflow pinned another archive.
    let out = fetch(dir.path(), &dest, Some(&"1".repeat(64)));
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!dest.join("brukervalg").exists());
    let out = fetch(dir.path(), &dest, Some(&sha256(&archive)));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_missing_release_fails_without_installing() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("bin");
    let out = fetch(dir.path(), &dest, None);
    assert_ne!(out.status.code(), Some(0));
    assert!(!dest.join("brukervalg").exists());
}
