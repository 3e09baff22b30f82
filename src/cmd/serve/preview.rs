//! Builds the site again and again into a private store (see `store`) and
//! publishes each result to the server's `State`.
//!
//! The store's folder is made by `tempfile` (owner-only, unguessable name)
//! under the system's temporary folder, never over the site's `output/`,
//! and is removed on exit and on Ctrl-C.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use notify_debouncer_full::DebounceEventResult;

use super::state::State;
use super::store::{SiteFiles, Store};
use super::watch;
use crate::BuildReport;
use crate::diagnostics::Finding;
use crate::domain::Date;

pub enum Outcome {
    Built(BuildReport),
    Failed(Vec<Finding>),
}

pub struct Preview {
    root: PathBuf,
    today: Option<Date>,
    private: tempfile::TempDir,
    store: Store,
    /// The newest good build: the next build takes its unchanged pages
    /// from there. Older builds live only as long as a request reads them.
    last: Option<Arc<SiteFiles>>,
    /// What each page of `last` was rendered from, and the profiles as
    /// last read.
    remembered: crate::Remembered,
    state: Arc<State>,
}

impl Preview {
    pub fn new(root: &Path, today: Option<Date>) -> std::io::Result<Preview> {
        // Absolute, so the watcher's paths and the root compare directly.
        let root = std::path::absolute(root)?;
        let temp = std::env::temp_dir();
        remove_stale(&temp);
        let private = tempfile::Builder::new().prefix(&format!("{PREFIX}{}-", std::process::id())).tempdir_in(&temp)?;
        crate::interrupt::remove_on_interrupt(private.path());
        let store = Store::new(private.path().to_path_buf());
        Ok(Preview {
            root,
            today,
            private,
            store,
            last: None,
            remembered: crate::Remembered::default(),
            state: Arc::default(),
        })
    }

    pub fn state(&self) -> Arc<State> {
        Arc::clone(&self.state)
    }

    pub fn folder(&self) -> &Path {
        self.private.path()
    }

    /// A build rendering only the pages whose inputs changed since the last
    /// good build; publishes the site or the findings.
    pub fn rebuild(&mut self) -> Outcome {
        let filling = self.store.fill(self.last.as_deref());
        match crate::build_to(&self.root, self.today, (&filling, self.store.dir()), &mut self.remembered) {
            Ok(report) => {
                let site = Arc::new(filling.finish());
                self.state.publish_site(Arc::clone(&site));
                self.last = Some(site);
                Outcome::Built(report)
            }
            Err(failure) => {
                self.state.publish_failure(failure.findings.clone());
                Outcome::Failed(failure.findings)
            }
        }
    }

    /// Rebuilds on every batch of changes to the site's inputs, on a thread
    /// of its own, calling `report` with each outcome and how long the
    /// build took. Stops when the returned `Watching` is dropped.
    pub fn watch(
        self,
        report: impl Fn(&Outcome, Duration) + Send + 'static,
    ) -> notify_debouncer_full::notify::Result<Watching> {
        let (watched, events) = watch::start(&self.root)?;
        let watcher = Arc::new(Mutex::new(Some(watched)));
        let following = Arc::clone(&watcher);
        let thread = std::thread::spawn(move || self.follow(&following, &events, &report));
        Ok(Watching { watcher, thread: Some(thread) })
    }

    fn follow(
        mut self,
        watcher: &Mutex<Option<watch::Watched>>,
        events: &Receiver<DebounceEventResult>,
        report: &dyn Fn(&Outcome, Duration),
    ) {
        while let Ok(batch) = events.recv() {
            if !self.touches_inputs(batch) {
                continue;
            }
            // Changes that arrived while waiting are part of this build.
            while events.try_recv().is_ok() {}
            // An input folder made, removed or replaced since the last build.
            if let Some(watched) = watcher.lock().unwrap_or_else(PoisonError::into_inner).as_mut() {
                watched.refresh();
            }
            let started = Instant::now();
            let outcome = self.rebuild();
            report(&outcome, started.elapsed());
        }
    }

    fn touches_inputs(&self, batch: DebounceEventResult) -> bool {
        match batch {
            Ok(events) => events.iter().any(|e| watch::changes_input(&self.root, e)),
            // The watcher lost track (e.g. too many changes at once):
            // rebuilding is the safe answer.
            Err(_) => true,
        }
    }
}

/// The start of the private folders' names, followed by the process id.
const PREFIX: &str = "brukervalg-serve-";

/// Removes the private folders of `serve`s that were killed (`kill -9`, a
/// crash) and so could not remove their own: a folder named with the id
/// of a process that no longer runs. A live process's folder, a link or a
/// folder without an id in its name is left alone.
fn remove_stale(temp: &Path) {
    let Ok(entries) = std::fs::read_dir(temp) else { return };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().to_string();
        let Some((pid, _)) = name.strip_prefix(PREFIX).and_then(|rest| rest.split_once('-')) else { continue };
        let Ok(pid) = pid.parse::<u32>() else { continue };
        let is_folder = std::fs::symlink_metadata(entry.path()).is_ok_and(|m| m.is_dir());
        if is_folder && !crate::output::process_alive(pid) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        crate::interrupt::forget(self.private.path());
    }
}

/// A running watcher; dropping it stops the watcher and waits for the build
/// thread to finish, which removes the private folder.
pub struct Watching {
    watcher: Arc<Mutex<Option<watch::Watched>>>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for Watching {
    fn drop(&mut self) {
        drop(self.watcher.lock().unwrap_or_else(PoisonError::into_inner).take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
