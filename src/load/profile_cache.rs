//! Profiles as `serve`'s last build read them. A profile whose files (the
//! YAML and its self-descriptions) still have the same inode, size and
//! times is taken from here, with the findings reading it gave, instead of
//! being checked, read and parsed again: at 10,000 providers that took
//! about two seconds of every rebuild. `build` and `check` always read.
//!
//! Only what the last load used is kept, so a deleted profile's entry goes
//! with it; a change of the limits (which reading applies) empties it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use super::LoadedProvider;
use crate::diagnostics::Finding;

#[derive(Default)]
pub struct ProfileCache {
    /// The limits the entries were read under, as text.
    limits: Mutex<String>,
    /// From the last load; what this load takes moves to `current`.
    previous: Mutex<HashMap<PathBuf, Entry>>,
    current: Mutex<HashMap<PathBuf, Entry>>,
}

#[derive(Clone)]
struct Entry {
    stamp: Vec<Option<Stamp>>,
    loaded: Option<LoadedProvider>,
    findings: Vec<Finding>,
}

/// What changes when a file is written, replaced or removed.
#[derive(Clone, PartialEq, Eq, Debug)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    #[cfg(unix)]
    inode: (u64, u64, i64, i64),
}

impl ProfileCache {
    /// Starts a load under `limits`: the entries of the last load become
    /// the ones this load may take.
    pub(super) fn begin(&self, limits: &super::Limits) {
        let limits = format!("{limits:?}");
        let mut known = lock(&self.limits);
        let mut previous = lock(&self.previous);
        *previous = std::mem::take(&mut *lock(&self.current));
        if *known != limits {
            previous.clear();
            *known = limits;
        }
    }

    /// The profile at `profile` with `companions` (its self-descriptions),
    /// from the cache when none of them changed, else from `read`, which
    /// returns what it loaded and the findings it made.
    pub(super) fn load(
        &self,
        profile: &Path,
        companions: &[PathBuf],
        read: impl FnOnce() -> (Option<LoadedProvider>, Vec<Finding>),
    ) -> (Option<LoadedProvider>, Vec<Finding>) {
        // Taken before reading, so a write during the read shows next time.
        let stamp: Vec<Option<Stamp>> =
            std::iter::once(profile).chain(companions.iter().map(PathBuf::as_path)).map(stamp).collect();
        let hit = lock(&self.previous).remove(profile).filter(|e| e.stamp == stamp);
        let entry = match hit {
            Some(entry) => entry,
            None => {
                let (loaded, findings) = read();
                Entry { stamp, loaded, findings }
            }
        };
        let answer = (entry.loaded.clone(), entry.findings.clone());
        lock(&self.current).insert(profile.to_path_buf(), entry);
        answer
    }
}

fn stamp(path: &Path) -> Option<Stamp> {
    // The link itself, not what it points to: a profile that became a
    // link must be read again, to be refused.
    let meta = std::fs::symlink_metadata(path).ok()?;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        #[cfg(unix)]
        inode: {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino(), meta.ctime(), meta.ctime_nsec())
        },
    })
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
