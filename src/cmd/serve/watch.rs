//! Which file changes mean the site must be rebuilt, and the watcher that
//! reports them, debounced so one save (often several writes and a rename)
//! gives one rebuild.

use std::path::Path;
use std::sync::mpsc::Receiver;
use std::time::Duration;

use notify_debouncer_full::notify::{self, EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent, Debouncer, NoCache, new_debouncer_opt};

/// The site's inputs, relative to its root. Watching these rather than the
/// whole root keeps `output/`, `target/` and `.git/` (thousands of folders
/// in a developer's checkout) out of the watch.
pub const INPUTS: [&str; 8] =
    ["brukervalg.yaml", "providers", "content", "surveys", "indicators", "templates", "i18n", "static"];

/// Quiet time after the last change before a rebuild starts.
pub const DEBOUNCE: Duration = Duration::from_millis(50);

pub type Watcher = Debouncer<notify::RecommendedWatcher, NoCache>;

/// Starts watching `root`'s inputs. The root itself is watched flat, which
/// catches `brukervalg.yaml` even when an editor saves it by renaming a
/// new file over it, and input folders created later.
pub fn start(root: &Path) -> notify::Result<(Watcher, Receiver<DebounceEventResult>)> {
    let (sender, events) = std::sync::mpsc::channel();
    // No file-id cache: it only pairs up renames, and filling it walks
    // every input folder up front.
    let mut watcher = new_debouncer_opt(DEBOUNCE, None, sender, NoCache, notify::Config::default())?;
    watcher.watch(root, RecursiveMode::NonRecursive)?;
    for input in INPUTS {
        let path = root.join(input);
        if path.is_dir() {
            watcher.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    Ok((watcher, events))
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
    let mut names = relative.iter().map(|n| n.to_string_lossy());
    let Some(first) = names.next() else { return false };
    if !INPUTS.contains(&first.as_ref()) {
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
        for yes in ["brukervalg.yaml", "providers/hjemmehjelp/a.yaml", "content/om.md", "templates/base.html"] {
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
