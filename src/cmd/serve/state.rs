//! What the preview server shows right now: the last good build, the
//! findings of a failed one, and a generation number that changes with
//! every build so open pages know when to reload.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use crate::diagnostics::Finding;

#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    /// Counts finished builds, good or failed.
    pub generation: u64,
    /// The folder of the last good build; `None` until one succeeded. A
    /// request holds it for as long as it reads from it, so the folder
    /// cannot vanish under the request when a newer build replaces it.
    pub site: Option<Arc<SiteFolder>>,
    /// The findings of the latest build when it failed.
    pub failure: Option<Arc<Vec<Finding>>>,
}

impl Snapshot {
    /// Names this build for the reload script. The process id tells two
    /// runs of `serve` apart, so a page left open across a restart reloads.
    pub fn tag(&self) -> String {
        format!("{}.{}", std::process::id(), self.generation)
    }
}

/// A build's folder, removed when the last holder lets go of it: the
/// preview (while it is the newest good build) or a request reading it.
#[derive(Debug)]
pub struct SiteFolder(PathBuf);

impl SiteFolder {
    pub fn new(path: PathBuf) -> SiteFolder {
        SiteFolder(path)
    }
}

impl std::ops::Deref for SiteFolder {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for SiteFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[derive(Default)]
pub struct State {
    current: Mutex<Snapshot>,
    changed: Condvar,
}

impl State {
    pub fn snapshot(&self) -> Snapshot {
        self.lock().clone()
    }

    /// A good build replaces the site and clears any failure.
    pub(super) fn publish_site(&self, site: Arc<SiteFolder>) {
        self.update(|s| {
            s.site = Some(site);
            s.failure = None;
        });
    }

    /// A failed build keeps the last good site behind its findings.
    pub(super) fn publish_failure(&self, findings: Vec<Finding>) {
        self.update(|s| s.failure = Some(Arc::new(findings)));
    }

    /// Waits until the generation differs from `seen`, or `timeout` has
    /// passed; returns the generation then.
    pub fn wait_for_change(&self, seen: u64, timeout: Duration) -> u64 {
        let guard = self.lock();
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |s| s.generation == seen)
            .unwrap_or_else(PoisonError::into_inner);
        guard.generation
    }

    fn update(&self, change: impl FnOnce(&mut Snapshot)) {
        let mut current = self.lock();
        change(&mut current);
        current.generation += 1;
        self.changed.notify_all();
    }

    fn lock(&self) -> MutexGuard<'_, Snapshot> {
        self.current.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Position;

    fn folder(path: &str) -> Arc<SiteFolder> {
        Arc::new(SiteFolder::new(PathBuf::from(path)))
    }

    fn path(snapshot: &Snapshot) -> Option<&Path> {
        snapshot.site.as_deref().map(|s| &**s)
    }

    #[test]
    fn a_failure_keeps_the_last_good_site_and_a_success_clears_it() {
        let state = State::default();
        state.publish_site(folder("one"));
        state.publish_failure(vec![Finding::error("a.yaml", Position::new(1, 1), crate::msg!("page.no_plain"))]);
        let failed = state.snapshot();
        assert_eq!(path(&failed), Some(Path::new("one")));
        assert_eq!(failed.failure.as_deref().map(Vec::len), Some(1));
        state.publish_site(folder("two"));
        let fixed = state.snapshot();
        assert_eq!((fixed.generation, path(&fixed), fixed.failure.is_none()), (3, Some(Path::new("two")), true));
    }

    #[test]
    fn a_replaced_build_stays_on_disk_while_a_request_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("build-1");
        std::fs::create_dir(&old).unwrap();
        let state = State::default();
        state.publish_site(Arc::new(SiteFolder::new(old.clone())));
        let request = state.snapshot();
        state.publish_site(folder(dir.path().join("build-2").to_str().unwrap()));
        assert!(old.is_dir(), "a request is still reading the old build");
        drop(request);
        assert!(!old.exists(), "no one holds the old build any more");
    }

    #[test]
    fn waiting_returns_when_a_build_is_published() {
        let state = Arc::new(State::default());
        let publisher = Arc::clone(&state);
        let handle = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            publisher.publish_site(folder("site"));
        });
        assert_eq!(state.wait_for_change(0, Duration::from_secs(30)), 1);
        handle.join().unwrap();
        assert_eq!(state.wait_for_change(1, Duration::from_millis(10)), 1, "times out without a change");
    }
}
