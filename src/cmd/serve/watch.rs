//! Which file changes mean the site must be rebuilt, and the watcher that
//! reports them, debounced so one save (often several writes and a rename)
//! gives one rebuild.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;
use std::time::Duration;

use notify_debouncer_full::notify::{self, EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent, Debouncer, NoCache, new_debouncer_opt};

use crate::load::inputs::{INPUT_FOLDERS, is_input as is_input_name};

/// Quiet time after the last change before a rebuild starts.
pub const DEBOUNCE: Duration = Duration::from_millis(50);

pub type Watcher = Debouncer<notify::RecommendedWatcher, NoCache>;

/// The watcher and which input folders it watches. Only the inputs are
/// watched, not the whole root: `output/`, `target/` and `.git/` hold
/// thousands of folders in a developer's checkout. The root itself is
/// watched flat, which catches `brukervalg.yaml` even when an editor saves
/// it by renaming a new file over it, and an input folder that appears,
/// goes or is replaced; `refresh` then watches what is there now.
pub struct Watched {
    watcher: Watcher,
    root: PathBuf,
    /// Each watched input folder by the identity of the folder watched, so
    /// one replaced by another of the same name is watched anew.
    folders: BTreeMap<PathBuf, Identity>,
}

/// Starts watching `root`'s inputs.
pub fn start(root: &Path) -> notify::Result<(Watched, Receiver<DebounceEventResult>)> {
    let (sender, events) = std::sync::mpsc::channel();
    // No file-id cache: it only pairs up renames, and filling it walks
    // every input folder up front.
    let mut watcher = new_debouncer_opt(DEBOUNCE, None, sender, NoCache, notify::Config::default())?;
    watcher.watch(root, RecursiveMode::NonRecursive)?;
    let mut watched = Watched { watcher, root: root.to_path_buf(), folders: BTreeMap::new() };
    for (path, identity) in watched.changed() {
        if let Some(identity) = identity {
            watched.watcher.watch(&path, RecursiveMode::Recursive)?;
            watched.folders.insert(path, identity);
        }
    }
    Ok((watched, events))
}

impl Watched {
    /// Watches the input folders as they are now: one that appeared since
    /// the last call, or was replaced, is watched (before the build that
    /// reads it, so no change in it is missed); one that went is let go.
    /// A folder that cannot be watched is tried again next time.
    pub fn refresh(&mut self) {
        for (path, identity) in self.changed() {
            if self.folders.remove(&path).is_some() {
                let _ = self.watcher.unwatch(&path);
            }
            if let Some(identity) = identity
                && self.watcher.watch(&path, RecursiveMode::Recursive).is_ok()
            {
                self.folders.insert(path, identity);
            }
        }
    }

    /// The input folders whose identity differs from the one watched.
    fn changed(&self) -> Vec<(PathBuf, Option<Identity>)> {
        INPUT_FOLDERS
            .iter()
            .map(|name| self.root.join(name))
            .map(|path| {
                let identity = identity(&path);
                (path, identity)
            })
            .filter(|(path, identity)| self.folders.get(path) != identity.as_ref())
            .collect()
    }
}

/// Tells two folders of the same name apart: a real folder (not a link)
/// by device and inode.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Identity(u64, u64);

#[cfg(unix)]
fn identity(path: &Path) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt as _;
    let meta = std::fs::symlink_metadata(path).ok().filter(std::fs::Metadata::is_dir)?;
    Some(Identity(meta.dev(), meta.ino()))
}

/// Without inodes a replaced folder looks the same; one that appears is
/// still watched.
#[cfg(not(unix))]
fn identity(path: &Path) -> Option<Identity> {
    std::fs::symlink_metadata(path).ok().filter(std::fs::Metadata::is_dir).map(|_| Identity(0, 0))
}

/// Whether `event` may change the site. Reading a file is an event too
/// (the build itself reads every input), and must not start a build.
pub fn changes_input(root: &Path, event: &DebouncedEvent) -> bool {
    !matches!(event.kind, EventKind::Access(_)) && event.paths.iter().any(|path| is_input(root, path))
}

/// Whether a change at `path` can change the site: it lies in one of the
/// inputs and is not an editor's hidden or backup file.
pub fn is_input(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else { return false };
    let Some(first) = relative.iter().next() else { return false };
    if !is_input_name(&first.to_string_lossy()) {
        return false;
    }
    let Some(name) = relative.file_name().map(|n| n.to_string_lossy()) else { return false };
    !(name.starts_with('.') || name.ends_with('~') || name.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_sites_inputs_count() {
        let root = Path::new("/site");
        for yes in [
            "brukervalg.yaml",
            "glossary.nb.yaml",
            "providers/hjemmehjelp/a.yaml",
            "content/om.md",
            "templates/base.html",
        ] {
            assert!(is_input(root, &root.join(yes)), "{yes}");
        }
        for no in [
            "output/index.html",
            "target/release/x",
            ".git/index",
            "README.md",
            "providers/.a.yaml.swp",
            "providers/a.yaml~",
            "content/#om.md#",
        ] {
            assert!(!is_input(root, &root.join(no)), "{no}");
        }
        assert!(!is_input(root, Path::new("/elsewhere/brukervalg.yaml")));
        assert!(!is_input(root, root));
    }

    #[test]
    fn reading_an_input_is_no_change() {
        use notify::event::{AccessKind, DataChange, ModifyKind};
        let root = Path::new("/site");
        let event = |kind| {
            DebouncedEvent::new(
                notify::Event::new(kind).add_path(root.join("content/om.md")),
                std::time::Instant::now(),
            )
        };
        assert!(!changes_input(root, &event(EventKind::Access(AccessKind::Any))));
        assert!(changes_input(root, &event(EventKind::Modify(ModifyKind::Data(DataChange::Any)))));
    }
}
