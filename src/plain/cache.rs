//! The plain-language findings of `serve`'s last build, by pair of texts:
//! a pair whose texts, place and glossary are as then gets the same
//! findings without being checked again (the example's long information
//! pages took most of a rebuild's checking time). Only pairs the last check
//! saw are kept.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Mutex, PoisonError};

use super::glossary::Glossary;
use super::texts::Pair;
use crate::diagnostics::Finding;

type Found = (Vec<Finding>, Vec<Finding>);

#[derive(Default)]
pub struct PairCache {
    /// Of the glossary the entries were checked with.
    glossary: Mutex<Option<u64>>,
    previous: Mutex<HashMap<u64, Found>>,
    current: Mutex<HashMap<u64, Found>>,
}

impl PairCache {
    /// Starts a check: the last check's entries become the ones this one
    /// may take; all of them go when the glossary changed.
    pub(super) fn begin(&self, glossary: Option<&Glossary>) {
        let now = glossary.map(|g| {
            let mut hash = DefaultHasher::new();
            format!("{g:?}").hash(&mut hash);
            hash.finish()
        });
        let mut known = lock(&self.glossary);
        let mut previous = lock(&self.previous);
        *previous = std::mem::take(&mut *lock(&self.current));
        if *known != now {
            previous.clear();
            *known = now;
        }
    }

    pub(super) fn check(&self, pair: &Pair, check: impl FnOnce() -> Found) -> Found {
        let key = key(pair);
        let found = lock(&self.previous).remove(&key).unwrap_or_else(check);
        lock(&self.current).insert(key, found.clone());
        found
    }
}

/// Everything a pair's findings are made from.
fn key(pair: &Pair) -> u64 {
    let mut hash = DefaultHasher::new();
    (&pair.file, &pair.field, pair.standard, pair.standard_markdown, pair.plain).hash(&mut hash);
    format!("{:?}{:?}", pair.place, pair.shown_anyway).hash(&mut hash);
    hash.finish()
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
