//! Profiles as `serve`'s last build read them. A profile whose files (the
//! YAML and its self-descriptions) still have the same inode, size and
//! times is taken from here, with the findings reading it gave, instead of
//! being checked, read and parsed again: at 10,000 providers that took
//! about two seconds of every rebuild. `build` and `check` always read.
//!
//! Only what the last load used is kept, so a deleted profile's entry goes
//! with it; a change of the limits (which reading applies) empties it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::loaded::LoadedProvider;
use crate::carried::Carried;
use crate::diagnostics::Finding;

#[derive(Default)]
pub struct ProfileCache(Carried<PathBuf, Entry>);

#[derive(Clone)]
struct Entry {
    stamp: Vec<Option<Stamp>>,
    loaded: Option<Arc<LoadedProvider>>,
    findings: Vec<Finding>,
}

/// What changes when a file is written, replaced or removed.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    #[cfg(unix)]
    inode: (u64, u64, i64, i64),
}

impl ProfileCache {
    /// Starts a load under `limits`, which reading applies.
    pub(super) fn begin(&self, limits: &super::limits::Limits) {
        self.0.begin(format!("{limits:?}"));
    }

    /// The profile at `profile` with `companions` (its self-descriptions),
    /// from the cache when none of them changed, else from `read`, which
    /// returns what it loaded and the findings it made.
    pub(super) fn load(
        &self,
        profile: &Path,
        companions: &[PathBuf],
        read: impl FnOnce() -> (Option<Arc<LoadedProvider>>, Vec<Finding>),
    ) -> (Option<Arc<LoadedProvider>>, Vec<Finding>) {
        // Taken before reading, so a write during the read shows next time.
        let stamp: Vec<Option<Stamp>> =
            std::iter::once(profile).chain(companions.iter().map(PathBuf::as_path)).map(stamp).collect();
        let entry = self.0.get_or(
            profile.to_path_buf(),
            |e| e.stamp == stamp,
            || {
                let (loaded, findings) = read();
                Entry { stamp: stamp.clone(), loaded, findings }
            },
        );
        (entry.loaded, entry.findings)
    }
}

/// The file's stamp; `None` when there is no file.
pub fn stamp(path: &Path) -> Option<Stamp> {
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
