//! What lets a rebuild skip pages that did not change: a fingerprint of
//! everything a page's HTML is made from (the values its template sees and
//! the templates themselves), and the pages of the last good build by
//! fingerprint. Rendering is a pure function of those, so a page with the
//! same fingerprint has the same bytes, and the file of the last build can
//! be reused as it is.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;

use crate::domain::Variant;
use crate::model::{ServiceKind, SitePath};

/// A page's template context, hashed as it is filled when a memo will
/// compare the fingerprint (hashing means serialising every value a second
/// time, which a cold build without a memo has no use for).
pub struct Fill {
    pub context: tera::Context,
    hash: Option<DefaultHasher>,
}

impl Fill {
    /// `fingerprinted`: whether `fingerprint` will be asked for.
    pub fn new(fingerprinted: bool) -> Fill {
        Fill { context: tera::Context::new(), hash: fingerprinted.then(DefaultHasher::new) }
    }

    pub fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        if let Some(hash) = &mut self.hash {
            key.hash(hash);
            // Writing into a hasher cannot fail; a value serde cannot write
            // would fail the render itself.
            let _ = serde_json::to_writer(HashWriter(hash), value);
        }
        self.context.insert(key, value);
    }

    /// A value many pages share, converted and hashed once (`Shared`).
    pub fn insert_shared(&mut self, key: &'static str, (value, shared_hash): &(tera::Value, u64)) {
        if let Some(hash) = &mut self.hash {
            (key, shared_hash).hash(hash);
        }
        self.context.insert_value(key, value.clone());
    }

    /// The page's fingerprint with the template set's; `None` when the
    /// fill was not made to be fingerprinted.
    pub fn fingerprint(&self, templates: u64, template: &str) -> Option<u64> {
        let mut hash = self.hash.clone()?;
        (templates, template).hash(&mut hash);
        Some(hash.finish())
    }
}

type SharedKey = (Variant, Option<ServiceKind>);

/// Values every page of a variant and kind of service sees, each with its
/// hash: a tera value shares its contents when cloned.
#[derive(Default)]
pub struct Shared {
    entries: Vec<(SharedKey, (tera::Value, u64))>,
}

impl Shared {
    pub fn add<T: Serialize + ?Sized>(&mut self, variant: Variant, kind: Option<ServiceKind>, value: &T) {
        let mut hash = DefaultHasher::new();
        let _ = serde_json::to_writer(HashWriter(&mut hash), value);
        self.entries.push(((variant, kind), (tera::Value::from_serializable(value), hash.finish())));
    }

    pub fn get(&self, variant: Variant, kind: Option<ServiceKind>) -> &(tera::Value, u64) {
        let found = self.entries.iter().find(|(k, _)| *k == (variant, kind));
        &found.expect("shared values for every variant and kind").1
    }
}

struct HashWriter<'a>(&'a mut DefaultHasher);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
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
    /// Where this build's files will be once it is committed.
    output: PathBuf,
    next: Mutex<Memo>,
    reused: std::sync::atomic::AtomicUsize,
}

impl<'m> MemoRun<'m> {
    pub fn new(previous: &'m Memo, output: &Path) -> MemoRun<'m> {
        MemoRun { previous, output: output.to_path_buf(), next: Mutex::default(), reused: Default::default() }
    }

    /// The file of the last build with this page's fingerprint, if any.
    pub fn unchanged(&self, variant: Variant, path: &SitePath, fingerprint: u64) -> Option<&Path> {
        let key = (variant, path.clone());
        self.previous.pages.get(&key).filter(|(f, _)| *f == fingerprint).map(|(_, file)| file.as_path())
    }

    /// Records a page of this build; `reused` when it came from the last.
    pub fn record(&self, variant: Variant, path: &SitePath, fingerprint: u64, reused: bool) {
        let file = self.output.join(format!("{}{}", variant.root(), path.file_name()));
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

/// A fingerprint of the glossary, whose explanations the plain variants
/// add after rendering (so they are not in any page's context).
pub fn glossary_fingerprint(glossary: &crate::plain::glossary::Glossary) -> u64 {
    let mut hash = DefaultHasher::new();
    format!("{glossary:?}").hash(&mut hash);
    hash.finish()
}

/// A fingerprint of every template file, names and contents, in a fixed order.
pub fn templates_fingerprint(dir: &Path) -> u64 {
    let mut hash = DefaultHasher::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_map(Result::ok) {
        entry.path().hash(&mut hash);
        std::fs::read(entry.path()).unwrap_or_default().hash(&mut hash);
    }
    hash.finish()
}

#[cfg(test)]
mod tests {
    use super::Fill;

    fn filled(fingerprinted: bool, name: &str) -> Fill {
        let mut fill = Fill::new(fingerprinted);
        fill.insert("name", name);
        fill
    }

    #[test]
    fn a_fill_for_a_memo_tells_different_values_apart() {
        let a = filled(true, "Solbakken").fingerprint(1, "provider.html");
        let b = filled(true, "Lia").fingerprint(1, "provider.html");
        assert!(a.is_some());
        assert_ne!(a, b);
        assert_eq!(a, filled(true, "Solbakken").fingerprint(1, "provider.html"));
    }

    #[test]
    fn a_cold_build_fill_is_not_hashed_but_keeps_its_values() {
        let fill = filled(false, "Solbakken");
        assert_eq!(fill.fingerprint(1, "provider.html"), None);
        assert_eq!(fill.context.get("name").and_then(|v| v.as_str()), Some("Solbakken"));
    }
}
