//! Ctrl-C and SIGTERM: a build or a preview interrupted half-way must not
//! leave its half-written folders behind. Commands register the folders
//! they are writing; on a signal those are removed and the process exits
//! with 130, the shell's code for "stopped by Ctrl-C".

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Exit code after an interrupt (128 + SIGINT), as shells report it.
pub const EXIT_CODE: i32 = 130;

static REGISTERED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Installs the handler. Call once, first thing in `main`. The handler runs
/// on its own thread (not in signal context), so it may lock and do I/O.
pub fn install() {
    let installed = ctrlc::set_handler(|| {
        remove_registered();
        eprintln!("Stopped.");
        std::process::exit(EXIT_CODE);
    });
    if let Err(e) = installed {
        // Without the handler Ctrl-C still stops the process; it only
        // leaves temporary folders behind, so this is not fatal.
        eprintln!("warning: cannot handle Ctrl-C ({e}); an interrupted build may leave temporary folders");
    }
}

/// Removes `path` (a folder, with everything in it) if the process is
/// interrupted before `forget` is called for it.
pub fn remove_on_interrupt(path: &Path) {
    registered().push(path.to_path_buf());
}

/// The folder is finished with (committed or already removed).
pub fn forget(path: &Path) {
    registered().retain(|p| p != path);
}

fn registered() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic elsewhere while holding the lock leaves the list intact.
    REGISTERED.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn remove_registered() {
    remove_all(std::mem::take(&mut *registered()));
}

fn remove_all(paths: Vec<PathBuf>) {
    for path in paths {
        // Worker threads may still be adding files while we remove; a
        // second or third pass catches what appeared during the first.
        for _ in 0..3 {
            match std::fs::remove_dir_all(&path) {
                Ok(()) => break,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => break,
                Err(_) => std::thread::sleep(std::time::Duration::from_millis(20)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_registered_folders_but_not_forgotten_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let (kept, removed) = (tmp.path().join("kept"), tmp.path().join("removed"));
        for dir in [&kept, &removed] {
            std::fs::create_dir_all(dir.join("sub")).unwrap();
            std::fs::write(dir.join("sub/page.html"), "x").unwrap();
            remove_on_interrupt(dir);
        }
        forget(&kept);
        // Other tests register their staging folders in the same list at
        // the same time; act on this test's own only.
        let ours: Vec<PathBuf> = registered().iter().filter(|p| p.starts_with(tmp.path())).cloned().collect();
        assert_eq!(ours, std::slice::from_ref(&removed));
        remove_all(ours);
        assert!(kept.exists());
        assert!(!removed.exists());
    }
}
