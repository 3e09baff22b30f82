//! Writing the site: everything goes into a staging folder beside the
//! output folder, which replaces the old output only when the whole build
//! succeeded. A failed build leaves the previous site untouched; the swap
//! itself is one atomic exchange of names where the system offers it, so a
//! web server serving the output never finds it missing.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::messages::Message;
use crate::msg;

pub use crate::model::written::MARKER;

/// The folders a site is made from: the output may not lie inside one, or
/// every build would read its own output as input.
pub use crate::load::inputs::INPUT_FOLDERS;

/// Where a build puts the site's files: the staging folder of `build`, or
/// the store of `serve`'s preview. Each method answers where the file can
/// be read once the build is done, which is what a memo of the build keeps.
pub trait Destination: Sync {
    /// Writes `bytes` at `relative`, which must stay inside the site.
    fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<PathBuf>;
    /// Takes over `previous`, the unchanged file of the last build.
    fn keep(&self, relative: &str, previous: &Path) -> io::Result<PathBuf>;
    /// Copies a file of the site's sources that validation has checked.
    fn copy(&self, from: &Path, relative: &str) -> io::Result<PathBuf>;
}

pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staging {
    /// Refuses an output folder that holds the site's sources or that
    /// brukervalg did not make. An output that is a link (`output` →
    /// `/var/www/site`) stays one: the folder it leads to is the one checked
    /// and replaced, so the web server serving it gets the new site.
    pub fn begin(target: &Path, root: &Path) -> Result<Staging, Refusal> {
        let target = resolve(target)?;
        let root = resolve(root)?;
        let suggestion = root.join("output");
        if root.starts_with(&target) {
            return Err(Refusal::HoldsSite { target, suggestion });
        }
        if let Some(input) = INPUT_FOLDERS.iter().map(|d| root.join(d)).find(|d| target.starts_with(d)) {
            return Err(Refusal::InsideInput { target, input, suggestion });
        }
        if target.exists() {
            if !target.is_dir() {
                return Err(Refusal::NotAFolder { target });
            }
            let empty = fs::read_dir(&target).map(|mut d| d.next().is_none()).unwrap_or(false);
            if !empty && !target.join(MARKER).is_file() {
                return Err(Refusal::ForeignFiles { target });
            }
        }
        let parent = target.parent().ok_or(Refusal::NoParent)?.to_path_buf();
        let cannot_create = |folder: &Path| {
            let folder = folder.to_path_buf();
            move |error| Refusal::CannotCreate { folder, error }
        };
        fs::create_dir_all(&parent).map_err(cannot_create(&parent))?;
        let name = target.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        remove_litter(&parent, &name);
        let dir = parent.join(format!(".{name}.{STAGING}{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).map_err(cannot_create(&dir))?;
        // Marked from the start, so that the litter of a build killed half-way
        // is known to be ours and removed by the next build.
        fs::write(dir.join(MARKER), MARKER_TEXT).map_err(cannot_create(&dir))?;
        crate::interrupt::remove_on_interrupt(&dir);
        Ok(Staging { dir, target, committed: false })
    }

    fn resolve(&self, relative: &str) -> io::Result<PathBuf> {
        Ok(self.dir.join(checked_relative(relative)?))
    }

    /// Swaps the staged site in for the old one. Returns a warning when the
    /// new site is in place but the old copy could not be deleted.
    pub fn commit(mut self) -> io::Result<Option<String>> {
        let name = self.target.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let old = self.dir.with_file_name(format!(".{name}.{OLD}{}", std::process::id()));
        if self.target.exists() {
            if exchange(&self.dir, &self.target)? {
                // The staging name now holds the old site.
                self.committed = true;
                return Ok(remove_old(&self.dir));
            }
            fs::rename(&self.target, &old)?;
            if let Err(e) = fs::rename(&self.dir, &self.target) {
                let _ = fs::rename(&old, &self.target);
                return Err(e);
            }
            self.committed = true;
            return Ok(remove_old(&old));
        }
        fs::rename(&self.dir, &self.target)?;
        self.committed = true;
        Ok(None)
    }
}

impl Destination for Staging {
    fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<PathBuf> {
        let path = self.resolve(relative)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)?;
        Ok(self.target.join(relative))
    }

    /// A hard link where the file system allows (no bytes copied), else a copy.
    fn keep(&self, relative: &str, previous: &Path) -> io::Result<PathBuf> {
        let path = self.resolve(relative)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::hard_link(previous, &path).or_else(|_| fs::copy(previous, &path).map(|_| ()))?;
        Ok(self.target.join(relative))
    }

    /// Never replaces a file already written (validation names such
    /// clashes; this is the guard) and never follows a symbolic link.
    fn copy(&self, from: &Path, relative: &str) -> io::Result<PathBuf> {
        let path = self.resolve(relative)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        let mut source = open_checked(from)?;
        let mut target = fs::OpenOptions::new().write(true).create_new(true).open(path)?;
        io::copy(&mut source, &mut target)?;
        Ok(self.target.join(relative))
    }
}

/// Where `check` writes: nowhere. It keeps only the names, so that it
/// refuses what the staging folder refuses (a copy onto a file already
/// written, a path leaving the site, a source that is a link), and `check`
/// fails where `build` would.
#[derive(Default)]
pub struct DryRun {
    written: std::sync::Mutex<std::collections::HashSet<String>>,
}

impl DryRun {
    fn note(&self, relative: &str, must_be_new: bool) -> io::Result<PathBuf> {
        let path = checked_relative(relative)?.to_path_buf();
        let mut written = self.written.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if !written.insert(relative.to_string()) && must_be_new {
            return Err(io::Error::new(io::ErrorKind::AlreadyExists, format!("{relative} is written twice")));
        }
        Ok(path)
    }
}

impl Destination for DryRun {
    fn write(&self, relative: &str, _: &[u8]) -> io::Result<PathBuf> {
        self.note(relative, false)
    }

    fn keep(&self, relative: &str, _: &Path) -> io::Result<PathBuf> {
        self.note(relative, false)
    }

    fn copy(&self, from: &Path, relative: &str) -> io::Result<PathBuf> {
        open_checked(from)?;
        self.note(relative, true)
    }
}

/// Opens a source file to copy, refusing a symbolic link.
pub fn open_checked(from: &Path) -> io::Result<fs::File> {
    if fs::symlink_metadata(from)?.file_type().is_symlink() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, format!("{} is a symbolic link", from.display())));
    }
    fs::File::open(from)
}

/// Only plain relative components: no `..`, no absolute paths, so nothing
/// can be written outside the site.
pub fn checked_relative(relative: &str) -> io::Result<&Path> {
    let rel = Path::new(relative);
    if relative.is_empty() || !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("refusing to write outside the output folder: {relative:?}"),
        ));
    }
    Ok(rel)
}

const STAGING: &str = "staging-";
const OLD: &str = "old-";
const MARKER_TEXT: &str = "Written by brukervalg build. Everything here is replaced by the next build.\n";

/// Swaps the names of two folders in one step; `false` where the system or
/// file system cannot (then the caller renames twice).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS || e == rustix::io::Errno::NOTSUP => {
            Ok(false)
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// The new site is in place: failing to delete the old copy is worth a
/// warning (the next build removes it), not a failed build.
fn remove_old(old: &Path) -> Option<String> {
    fs::remove_dir_all(old).err().map(|e| {
        format!(
            "the new site is in place, but the old copy {} could not be deleted: {e}; the next build removes it",
            old.display()
        )
    })
}

/// Removes what builds that were killed or crashed left beside the output:
/// staging and old folders of this output that carry our marker and whose
/// process is gone.
fn remove_litter(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name().to_string_lossy().to_string();
        let Some(rest) = file_name.strip_prefix(&format!(".{name}.")) else { continue };
        let Some(pid) = rest.strip_prefix(STAGING).or_else(|| rest.strip_prefix(OLD)) else { continue };
        let Ok(pid) = pid.parse::<u32>() else { continue };
        let path = entry.path();
        let is_ours = fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) && path.join(MARKER).is_file();
        if is_ours && !process_alive(pid) {
            let _ = fs::remove_dir_all(&path);
        }
    }
}

/// Whether a build with this process id may still be running. Without
/// /proc the answer is yes, and the litter stays until removed by hand.
pub(crate) fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
        crate::interrupt::forget(&self.dir);
    }
}

/// Why the build will not write to an output folder.
#[derive(Debug)]
pub enum Refusal {
    HoldsSite { target: PathBuf, suggestion: PathBuf },
    InsideInput { target: PathBuf, input: PathBuf, suggestion: PathBuf },
    NotAFolder { target: PathBuf },
    ForeignFiles { target: PathBuf },
    NoParent,
    CannotCreate { folder: PathBuf, error: io::Error },
    CannotResolve { path: PathBuf, error: io::Error },
    DanglingLink { link: PathBuf, error: io::Error },
}

impl Refusal {
    pub fn message(&self) -> Message {
        let shown = |p: &Path| p.display().to_string();
        match self {
            Refusal::HoldsSite { target, suggestion } => {
                msg!("output.holds_site", folder = shown(target), suggestion = shown(suggestion))
            }
            Refusal::InsideInput { target, input, suggestion } => {
                msg!(
                    "output.inside_input",
                    folder = shown(target),
                    input = shown(input),
                    suggestion = shown(suggestion)
                )
            }
            Refusal::NotAFolder { target } => msg!("output.not_a_folder", folder = shown(target)),
            Refusal::ForeignFiles { target } => msg!("output.foreign_files", folder = shown(target)),
            Refusal::NoParent => msg!("output.no_parent"),
            Refusal::CannotCreate { folder, error } => {
                msg!("output.cannot_create", folder = shown(folder), detail = error)
            }
            Refusal::CannotResolve { path, error } => {
                msg!("output.cannot_resolve", folder = shown(path), detail = error)
            }
            Refusal::DanglingLink { link, error } => msg!("output.dangling_link", folder = shown(link), detail = error),
        }
    }
}

/// `path` as the system finds it: absolute, each link on the way followed
/// (the last one too) and each `..` taken from what is really there, so
/// `site/nope/../static/x` is known to lie in `static/` and a link to a
/// folder is known by the folder. Parts that do not exist yet are taken as
/// written.
pub fn resolve(path: &Path) -> Result<PathBuf, Refusal> {
    let absolute =
        std::path::absolute(path).map_err(|error| Refusal::CannotResolve { path: path.to_path_buf(), error })?;
    let mut real = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::ParentDir => {
                real.pop();
            }
            Component::CurDir => {}
            other => {
                real.push(other);
                if fs::symlink_metadata(&real).is_ok_and(|m| m.file_type().is_symlink()) {
                    real = real.canonicalize().map_err(|error| Refusal::DanglingLink { link: real.clone(), error })?;
                }
            }
        }
    }
    Ok(real)
}

/// Copies the site's `static/` folder (style sheet, scripts) as it is.
pub fn copy_static(root: &Path, destination: &dyn Destination) -> io::Result<usize> {
    let dir = root.join("static");
    let mut count = 0;
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name().follow_links(false).into_iter().filter_map(Result::ok)
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
        let rel = rel.to_string_lossy().replace('\\', "/");
        destination.copy(entry.path(), &rel)?;
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_leave_the_output() {
        let tmp = tempfile::tempdir().unwrap();
        let staging = Staging::begin(&tmp.path().join("output"), &tmp.path().join("site")).unwrap();
        for bad in ["../x", "/etc/passwd", "a/../../x", ""] {
            assert!(staging.write(bad, b"x").is_err(), "{bad}");
        }
        assert!(staging.write("a/b/index.html", b"x").is_ok());
    }

    #[test]
    #[cfg(unix)]
    fn resolves_parent_folders_and_links_before_any_check() {
        let tmp = tempfile::tempdir().unwrap();
        let real = tmp.path().canonicalize().unwrap();
        fs::create_dir_all(real.join("www")).unwrap();
        std::os::unix::fs::symlink(real.join("www"), real.join("out")).unwrap();
        assert_eq!(resolve(&real.join("site/nope/../static/y")).unwrap(), real.join("site/static/y"));
        assert_eq!(resolve(&real.join("out")).unwrap(), real.join("www"));
        assert_eq!(resolve(&real.join("out/../site")).unwrap(), real.join("site"));
        std::os::unix::fs::symlink(real.join("gone"), real.join("dangling")).unwrap();
        assert!(matches!(resolve(&real.join("dangling")), Err(Refusal::DanglingLink { .. })));
    }

    #[test]
    fn will_not_replace_a_folder_it_did_not_make() {
        let tmp = tempfile::tempdir().unwrap();
        let mine = tmp.path().join("documents");
        fs::create_dir_all(&mine).unwrap();
        fs::write(mine.join("letter.txt"), "hello").unwrap();
        assert!(Staging::begin(&mine, &tmp.path().join("site")).is_err());
        assert!(Staging::begin(tmp.path(), &tmp.path().join("site")).is_err());
    }
}
