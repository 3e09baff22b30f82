//! What lets a rebuild skip pages that did not change: the pages of the
//! last good build with the key of what each was made from (`inputs`).
//! Rendering is a pure function of those inputs, so a page with the same
//! key has the same bytes, and the file of the last build can be reused as
//! it is. Also the page context (`Fill`) and the values pages share.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;

use crate::domain::Variant;
use crate::model::{ServiceKind, SitePath};

/// A page's template context.
#[derive(Default)]
pub struct Fill {
    pub context: tera::Context,
}

impl Fill {
    pub fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.context.insert(key, value);
    }

    /// A value many pages share, converted once (`Shared`).
    pub fn insert_shared(&mut self, key: &'static str, value: &tera::Value) {
        self.context.insert_value(key, value.clone());
    }
}

type SharedKey = (Variant, Option<ServiceKind>);

/// Values every page of a variant and kind of service sees, converted to
/// template values once: a tera value shares its contents when cloned.
#[derive(Default)]
pub struct Shared {
    entries: Vec<(SharedKey, tera::Value)>,
}

impl Shared {
    pub fn add<T: Serialize + ?Sized>(&mut self, variant: Variant, kind: Option<ServiceKind>, value: &T) {
        self.entries.push(((variant, kind), tera::Value::from_serializable(value)));
    }

    pub fn get(&self, variant: Variant, kind: Option<ServiceKind>) -> &tera::Value {
        let found = self.entries.iter().find(|(k, _)| *k == (variant, kind));
        &found.expect("shared values for every variant and kind").1
    }
}

/// The pages of one good build: fingerprint and where its file now is.
#[derive(Default)]
pub struct Memo {
    pages: HashMap<(Variant, SitePath), (u64, PathBuf)>,
}

impl Memo {
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }
}

/// One build using the memo of the last: looks pages up in it, and records
/// this build's pages for the next.
pub struct MemoRun<'m> {
    previous: &'m Memo,
    next: Mutex<Memo>,
    reused: std::sync::atomic::AtomicUsize,
}

impl<'m> MemoRun<'m> {
    pub fn new(previous: &'m Memo) -> MemoRun<'m> {
        let next = Memo { pages: HashMap::with_capacity(previous.len()) };
        MemoRun { previous, next: Mutex::new(next), reused: Default::default() }
    }

    /// The file of the last build with this page's fingerprint, if any.
    pub fn unchanged(&self, variant: Variant, path: &SitePath, fingerprint: u64) -> Option<&Path> {
        let key = (variant, path.clone());
        self.previous.pages.get(&key).filter(|(f, _)| *f == fingerprint).map(|(_, file)| file.as_path())
    }

    /// Records a page of this build and where its file now is; `reused`
    /// when it came from the last.
    pub fn record(&self, variant: Variant, path: &SitePath, fingerprint: u64, file: PathBuf, reused: bool) {
        let mut next = self.next.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        next.pages.insert((variant, path.clone()), (fingerprint, file));
        if reused {
            self.reused.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// How many pages were taken from the last build.
    pub fn reused(&self) -> usize {
        self.reused.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// This build's memo, for the next build once this one is committed.
    pub fn finish(self) -> Memo {
        self.next.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
