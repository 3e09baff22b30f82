//! A map `serve` carries from one build to the next, holding only what the
//! last build used: each build takes its entries from the last build's and
//! puts back what it used, so entries of deleted files go with the build
//! that no longer asked for them.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Mutex, MutexGuard, PoisonError};

pub struct Carried<K, V> {
    /// Of what the entries were made under (limits, glossary), as text.
    made_under: Mutex<Option<String>>,
    previous: Mutex<HashMap<K, V>>,
    current: Mutex<HashMap<K, V>>,
}

impl<K, V> Default for Carried<K, V> {
    fn default() -> Self {
        Carried { made_under: Mutex::default(), previous: Mutex::default(), current: Mutex::default() }
    }
}

impl<K: Hash + Eq, V: Clone> Carried<K, V> {
    /// Starts a build: the last build's entries become the ones this build
    /// may take; none when they were made under something else.
    pub fn begin(&self, made_under: String) {
        let mut known = lock(&self.made_under);
        let mut previous = lock(&self.previous);
        *previous = std::mem::take(&mut *lock(&self.current));
        if known.as_ref() != Some(&made_under) {
            previous.clear();
            *known = Some(made_under);
        }
    }

    /// The last build's entry for `key` when `still_good` says so, else a
    /// new one from `make`; kept for the next build either way.
    pub fn get_or(&self, key: K, still_good: impl FnOnce(&V) -> bool, make: impl FnOnce() -> V) -> V {
        let kept = lock(&self.previous).remove(&key).filter(still_good);
        let value = kept.unwrap_or_else(make);
        lock(&self.current).insert(key, value.clone());
        value
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::Carried;

    #[test]
    fn keeps_what_the_last_build_used_and_only_under_the_same_terms() {
        let carried: Carried<&str, u32> = Carried::default();
        carried.begin("a".into());
        assert_eq!(carried.get_or("x", |_| true, || 1), 1);
        assert_eq!(carried.get_or("y", |_| true, || 2), 2);
        carried.begin("a".into());
        assert_eq!(carried.get_or("x", |_| true, || 10), 1, "taken from the last build");
        assert_eq!(carried.get_or("x", |_| true, || 11), 11, "taken once per build");
        carried.begin("a".into());
        assert_eq!(carried.get_or("y", |_| true, || 20), 20, "not used by the last build, so gone");
        assert_eq!(carried.get_or("x", |v| *v != 11, || 12), 12, "no longer good");
        carried.begin("b".into());
        assert_eq!(carried.get_or("x", |_| true, || 30), 30, "made under other terms");
    }
}
