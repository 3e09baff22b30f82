//! The preview's files. Every file of a good build lives once in one flat
//! store folder under a number; a build is a map from the site's paths to
//! those files. A rebuild writes only the pages that changed and shares the
//! others with the build before, so it neither copies nor links the whole
//! site again: on a site of 10,000 providers, linking 47,000 files into a
//! fresh folder took 5-12 s on its own. A file is deleted once no build
//! that a request may still be reading refers to it.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use crate::output::{Destination, checked_relative, open_checked};

/// One file in the store, removed when the last build holding it goes.
#[derive(Debug)]
struct StoredFile(PathBuf);

impl Drop for StoredFile {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

/// The files of one good build by their path in the site (`lettlest/index.html`).
#[derive(Debug, Default)]
pub struct SiteFiles {
    files: HashMap<String, Arc<StoredFile>>,
}

impl SiteFiles {
    /// Where the file at `relative` is stored, if the build has one.
    pub fn file(&self, relative: &str) -> Option<&Path> {
        self.files.get(relative).map(|f| f.0.as_path())
    }

    /// Every path of the site with its bytes, sorted by path (for tests and
    /// for writing a preview out).
    pub fn contents(&self) -> io::Result<Vec<(PathBuf, Vec<u8>)>> {
        let mut all = self
            .files
            .iter()
            .map(|(path, file)| Ok((PathBuf::from(path), fs::read(&file.0)?)))
            .collect::<io::Result<Vec<_>>>()?;
        all.sort();
        Ok(all)
    }
}

/// The folder the preview's files live in.
pub struct Store {
    dir: PathBuf,
    next: AtomicU64,
}

impl Store {
    /// A store in `dir`, which must exist and belong to this preview only.
    pub fn new(dir: PathBuf) -> Store {
        Store { dir, next: AtomicU64::new(0) }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Starts a build that may take over files of `previous`.
    pub fn fill<'a>(&'a self, previous: Option<&'a SiteFiles>) -> Filling<'a> {
        // Sized for a build like the last: growing a map of 47,000 paths
        // while both cores wait on its lock cost more than filling it.
        let files = HashMap::with_capacity(previous.map_or(0, |p| p.files.len()));
        Filling { store: self, previous, files: Mutex::new(files) }
    }

    fn new_file(&self, bytes: &[u8]) -> io::Result<Arc<StoredFile>> {
        let path = self.dir.join(self.next.fetch_add(1, Ordering::Relaxed).to_string());
        fs::write(&path, bytes)?;
        Ok(Arc::new(StoredFile(path)))
    }
}

/// A build on its way into the store. Dropped unfinished (a failed build),
/// it takes the files it wrote with it.
pub struct Filling<'a> {
    store: &'a Store,
    previous: Option<&'a SiteFiles>,
    files: Mutex<HashMap<String, Arc<StoredFile>>>,
}

impl Filling<'_> {
    pub fn finish(self) -> SiteFiles {
        SiteFiles { files: self.files.into_inner().unwrap_or_else(PoisonError::into_inner) }
    }

    fn add(&self, relative: &str, file: Arc<StoredFile>) -> PathBuf {
        let at = file.0.clone();
        self.files.lock().unwrap_or_else(PoisonError::into_inner).insert(relative.to_string(), file);
        at
    }
}

impl Destination for Filling<'_> {
    /// Shares the last build's file when it has the same bytes (the open
    /// data, `static/`, a list whose rows did not change): reading and
    /// comparing is cheaper than creating a file, which on some file
    /// systems is slow soon after many files were deleted.
    fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<PathBuf> {
        checked_relative(relative)?;
        if let Some(same) = self
            .previous
            .and_then(|p| p.files.get(relative))
            .filter(|f| fs::metadata(&f.0).is_ok_and(|m| m.len() == bytes.len() as u64))
            .filter(|f| fs::read(&f.0).is_ok_and(|old| old == bytes))
        {
            return Ok(self.add(relative, Arc::clone(same)));
        }
        let file = self.store.new_file(bytes)?;
        Ok(self.add(relative, file))
    }

    /// Shares the last build's file, which must be the one the memo names.
    fn keep(&self, relative: &str, previous: &Path) -> io::Result<PathBuf> {
        // A path the last build holds was checked when it was written.
        match self.previous.and_then(|p| p.files.get(relative)).filter(|f| f.0 == previous) {
            Some(file) => Ok(self.add(relative, Arc::clone(file))),
            None => self.write(relative, &fs::read(previous)?),
        }
    }

    fn copy(&self, from: &Path, relative: &str) -> io::Result<PathBuf> {
        checked_relative(relative)?;
        let mut bytes = Vec::new();
        io::Read::read_to_end(&mut open_checked(from)?, &mut bytes)?;
        self.write(relative, &bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rebuild_shares_unchanged_files_and_the_last_holder_removes_them() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().to_path_buf());
        let first = store.fill(None);
        let kept_at = first.write("index.html", b"hjem").unwrap();
        let replaced_at = first.write("om/index.html", b"om 1").unwrap();
        let first = first.finish();

        let second = store.fill(Some(&first));
        assert_eq!(second.keep("index.html", &kept_at).unwrap(), kept_at, "no copy of an unchanged page");
        second.write("om/index.html", b"om 2").unwrap();
        let second = second.finish();
        assert_eq!(fs::read(second.file("om/index.html").unwrap()).unwrap(), b"om 2");

        drop(first);
        assert!(kept_at.is_file(), "the second build still holds it");
        assert!(!replaced_at.exists(), "no build holds the replaced page");
        drop(second);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_file_written_again_with_the_same_bytes_is_shared() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().to_path_buf());
        let first = store.fill(None);
        let data = first.write("data/providers.json", b"[]").unwrap();
        let first = first.finish();
        let second = store.fill(Some(&first));
        assert_eq!(second.write("data/providers.json", b"[]").unwrap(), data);
        assert_ne!(second.write("data/providers.csv", b"[]").unwrap(), data, "only the same path");
        assert_ne!(second.write("data/providers.json", b"[1]").unwrap(), data);
    }

    #[test]
    fn a_failed_build_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().to_path_buf());
        let filling = store.fill(None);
        filling.write("index.html", b"x").unwrap();
        drop(filling);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn refuses_paths_that_leave_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().to_path_buf());
        let filling = store.fill(None);
        for bad in ["../x", "/etc/passwd", "a/../../x", ""] {
            assert!(filling.write(bad, b"x").is_err(), "{bad}");
        }
    }
}
