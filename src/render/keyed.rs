//! Values that carry the fingerprint of their own contents, so a page key
//! can cover a part many pages share (the site, a service, a list row)
//! without hashing it again for every page.

use std::fmt::{self, Debug, Write as _};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Deref;

/// A value and the fingerprint of its contents, taken when it was made.
/// The value cannot be changed afterwards, so the fingerprint stays true.
pub struct Keyed<T> {
    value: T,
    key: u64,
}

impl<T: Hash> Keyed<T> {
    pub fn new(value: T) -> Keyed<T> {
        let mut hash = DefaultHasher::new();
        value.hash(&mut hash);
        Keyed { key: hash.finish(), value }
    }
}

impl<T> Deref for Keyed<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> Hash for Keyed<T> {
    fn hash<H: Hasher>(&self, hash: &mut H) {
        self.key.hash(hash);
    }
}

/// A model value whose type has no `Hash` (it holds floating-point
/// figures, or comes from the configuration), hashed by its `Debug` form:
/// that names every field, so a field added later is covered too.
pub struct Debugged<'a, T: ?Sized>(pub &'a T);

impl<T: Debug + ?Sized> Hash for Debugged<'_, T> {
    fn hash<H: Hasher>(&self, hash: &mut H) {
        let _ = write!(HashText(hash), "{:?}", self.0);
    }
}

impl<T: ?Sized> Deref for Debugged<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0
    }
}

struct HashText<'h, H>(&'h mut H);

impl<H: Hasher> fmt::Write for HashText<'_, H> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_of(value: impl Hash) -> u64 {
        let mut hash = DefaultHasher::new();
        value.hash(&mut hash);
        hash.finish()
    }

    #[test]
    fn a_keyed_value_hashes_as_its_contents_did_when_made() {
        assert_eq!(key_of(Keyed::new("a")), key_of(Keyed::new("a")));
        assert_ne!(key_of(Keyed::new("a")), key_of(Keyed::new("b")));
    }

    #[test]
    fn a_debugged_value_covers_every_field() {
        #[derive(Debug)]
        #[allow(dead_code)] // read through `Debug` only
        struct Figure {
            mean: f64,
            respondents: u32,
        }
        let one = Figure { mean: 4.5, respondents: 19 };
        assert_ne!(key_of(Debugged(&one)), key_of(Debugged(&Figure { mean: 4.4, ..one })));
        assert_ne!(key_of(Debugged(&one)), key_of(Debugged(&Figure { respondents: 20, ..one })));
    }
}
