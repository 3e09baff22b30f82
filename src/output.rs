//! Writing the site: everything goes into a staging folder beside the
//! output folder, which replaces the old output only when the whole build
//! succeeded. A failed build leaves the previous site untouched.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Marks a folder as made by brukervalg, so a mistyped `--output` never
/// replaces a folder of someone's own.
pub const MARKER: &str = ".brukervalg-output";

pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staging {
    /// Refuses an output folder that holds the site's sources or that
    /// brukervalg did not make.
    pub fn begin(target: &Path, root: &Path) -> Result<Staging, String> {
        let target = absolute(target)?;
        let root = absolute(root)?;
        if root.starts_with(&target) {
            return Err(format!(
                "the output folder {} contains the site's own files; choose another, e.g. {}",
                target.display(),
                root.join("output").display()
            ));
        }
        if target.exists() {
            if !target.is_dir() {
                return Err(format!("{} exists and is not a folder", target.display()));
            }
            let empty = fs::read_dir(&target).map(|mut d| d.next().is_none()).unwrap_or(false);
            if !empty && !target.join(MARKER).is_file() {
                return Err(format!(
                    "{} already holds files that brukervalg did not write; remove the folder or choose another --output",
                    target.display()
                ));
            }
        }
        let parent = target.parent().ok_or("the output folder has no parent folder")?;
        fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        let name = target.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        crate::interrupt::remove_on_interrupt(&dir);
        Ok(Staging { dir, target, committed: false })
    }

    /// Writes `bytes` at `relative`, which must stay inside the output.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.resolve(relative)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)
    }

    pub fn copy(&self, from: &Path, relative: &str) -> io::Result<()> {
        let path = self.resolve(relative)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::copy(from, path).map(|_| ())
    }

    /// Only plain relative components: no `..`, no absolute paths, so
    /// nothing can be written outside the output folder.
    fn resolve(&self, relative: &str) -> io::Result<PathBuf> {
        let rel = Path::new(relative);
        if relative.is_empty() || !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write outside the output folder: {relative:?}"),
            ));
        }
        Ok(self.dir.join(rel))
    }

    /// Swaps the staged site in for the old one.
    pub fn commit(mut self) -> io::Result<()> {
        fs::write(
            self.dir.join(MARKER),
            "Written by brukervalg build. Everything here is replaced by the next build.\n",
        )?;
        let old = self.dir.with_file_name(format!(
            ".{}.old-{}",
            self.target.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default(),
            std::process::id()
        ));
        let had_old = self.target.exists();
        if had_old {
            fs::rename(&self.target, &old)?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            if had_old {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(e);
        }
        self.committed = true;
        if had_old {
            fs::remove_dir_all(&old)?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
        crate::interrupt::forget(&self.dir);
    }
}

fn absolute(path: &Path) -> Result<PathBuf, String> {
    std::path::absolute(path).map_err(|e| format!("cannot resolve {}: {e}", path.display()))
}

/// Copies the site's `static/` folder (style sheet, scripts) as it is.
pub fn copy_static(root: &Path, staging: &Staging) -> io::Result<usize> {
    let dir = root.join("static");
    let mut count = 0;
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name().follow_links(false).into_iter().filter_map(Result::ok)
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
        let rel = rel.to_string_lossy().replace('\\', "/");
        staging.copy(entry.path(), &rel)?;
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
    fn will_not_replace_a_folder_it_did_not_make() {
        let tmp = tempfile::tempdir().unwrap();
        let mine = tmp.path().join("documents");
        fs::create_dir_all(&mine).unwrap();
        fs::write(mine.join("letter.txt"), "hello").unwrap();
        assert!(Staging::begin(&mine, &tmp.path().join("site")).is_err());
        assert!(Staging::begin(tmp.path(), &tmp.path().join("site")).is_err());
    }
}
