//! What the preview server shows right now: the last good build, the
//! findings of a failed one, and a generation number that changes with
//! every build so open pages know when to reload.

use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use super::store::SiteFiles;
use crate::diagnostics::Finding;

#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    /// Counts finished builds, good or failed.
    pub generation: u64,
    /// The files of the last good build; `None` until one succeeded. A
    /// request holds them for as long as it reads from them, so no file
    /// can vanish under the request when a newer build replaces it.
    pub site: Option<Arc<SiteFiles>>,
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
    pub(super) fn publish_site(&self, site: Arc<SiteFiles>) {
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
    use crate::cmd::serve::store::Store;
    use crate::diagnostics::Position;
    use crate::output::Destination;

    /// A build of one page saying `text`.
    fn site(store: &Store, text: &str) -> Arc<SiteFiles> {
        let filling = store.fill(None);
        filling.write("index.html", text.as_bytes()).unwrap();
        Arc::new(filling.finish())
    }

    fn home(snapshot: &Snapshot) -> Option<String> {
        let file = snapshot.site.as_ref()?.file("index.html")?;
        std::fs::read_to_string(file).ok()
    }

    #[test]
    fn a_failure_keeps_the_last_good_site_and_a_success_clears_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().to_path_buf());
        let state = State::default();
        state.publish_site(site(&store, "one"));
        state.publish_failure(vec![Finding::error("a.yaml", Position::new(1, 1), crate::msg!("page.no_plain"))]);
        let failed = state.snapshot();
        assert_eq!(home(&failed).as_deref(), Some("one"));
        assert_eq!(failed.failure.as_deref().map(Vec::len), Some(1));
        state.publish_site(site(&store, "two"));
        let fixed = state.snapshot();
        assert_eq!((fixed.generation, home(&fixed).as_deref(), fixed.failure.is_none()), (3, Some("two"), true));
    }

    #[test]
    fn a_replaced_build_stays_on_disk_while_a_request_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().to_path_buf());
        let state = State::default();
        state.publish_site(site(&store, "old"));
        let request = state.snapshot();
        state.publish_site(site(&store, "new"));
        assert_eq!(home(&request).as_deref(), Some("old"), "a request is still reading the old build");
        let old = request.site.as_ref().unwrap().file("index.html").unwrap().to_path_buf();
        drop(request);
        assert!(!old.exists(), "no one holds the old build any more");
    }

    #[test]
    fn waiting_returns_when_a_build_is_published() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(Store::new(dir.path().to_path_buf()));
        let state = Arc::new(State::default());
        let publisher = Arc::clone(&state);
        let writer = Arc::clone(&store);
        let handle = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            publisher.publish_site(site(&writer, "site"));
        });
        assert_eq!(state.wait_for_change(0, Duration::from_secs(30)), 1);
        handle.join().unwrap();
        assert_eq!(state.wait_for_change(1, Duration::from_millis(10)), 1, "times out without a change");
    }
}
