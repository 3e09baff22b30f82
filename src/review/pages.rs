//! Which files of the site change between two builds: each build hands its
//! files to `Fingerprints` instead of a folder, which keeps a hash of each
//! (not the bytes, so comparing two large sites costs little memory).

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use crate::domain::Variant;
use crate::output::{Destination, DryRun};

/// A destination that writes nothing: the checks of `check`'s dry run, and
/// a fingerprint of every file by its name in the output.
#[derive(Default)]
pub struct Fingerprints {
    checks: DryRun,
    seen: Mutex<BTreeMap<String, u64>>,
}

fn fingerprint(bytes: &[u8]) -> u64 {
    // SipHash with fixed keys: the same bytes give the same number in both
    // builds of one run, which is all a comparison needs.
    let mut hash = std::hash::DefaultHasher::new();
    bytes.hash(&mut hash);
    hash.finish()
}

impl Fingerprints {
    fn note(&self, relative: &str, bytes: &[u8]) {
        self.seen.lock().unwrap_or_else(PoisonError::into_inner).insert(relative.to_string(), fingerprint(bytes));
    }

    pub fn into_map(self) -> BTreeMap<String, u64> {
        self.seen.into_inner().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Destination for Fingerprints {
    fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<PathBuf> {
        let at = self.checks.write(relative, bytes)?;
        self.note(relative, bytes);
        Ok(at)
    }

    fn keep(&self, relative: &str, previous: &Path) -> io::Result<PathBuf> {
        let at = self.checks.keep(relative, previous)?;
        self.note(relative, &std::fs::read(previous)?);
        Ok(at)
    }

    fn copy(&self, from: &Path, relative: &str) -> io::Result<PathBuf> {
        let at = self.checks.copy(from, relative)?;
        self.note(relative, &std::fs::read(from)?);
        Ok(at)
    }
}

/// The pages that change, grouped by the folder above their address.
#[derive(Debug, Default, serde::Serialize)]
pub struct PageChanges {
    /// Pages in every variant that differ, are new or are gone.
    pub changed: usize,
    pub added: usize,
    pub removed: usize,
    /// Other files (open data, style sheets, pictures) that differ.
    pub other_files: Vec<String>,
    pub groups: Vec<PageGroup>,
}

#[derive(Debug, serde::Serialize)]
pub struct PageGroup {
    /// The folder above the pages' addresses (`/tjenester/praktisk-bistand/`).
    pub prefix: String,
    /// Pages in every variant.
    pub pages: usize,
    /// Each address once, as in the ordinary variant.
    pub addresses: Vec<String>,
}

/// The address of a page file (`lettlest/klage/index.html` → `/klage/`)
/// without its variant, so the four variants of a page count as one
/// address.
fn address(file: &str) -> String {
    let roots = [Variant::LargePrintPlain, Variant::LargePrint, Variant::Plain].map(Variant::root);
    let file = roots.iter().find_map(|root| file.strip_prefix(root)).unwrap_or(file);
    format!("/{}", file.strip_suffix("index.html").unwrap_or(file))
}

fn prefix(address: &str) -> String {
    let trimmed = address.trim_end_matches('/');
    match trimmed.rfind('/') {
        Some(at) => trimmed[..=at].to_string(),
        None => "/".to_string(),
    }
}

pub fn compare(base: &BTreeMap<String, u64>, head: &BTreeMap<String, u64>) -> PageChanges {
    let mut out = PageChanges::default();
    let mut groups: BTreeMap<String, (usize, std::collections::BTreeSet<String>)> = BTreeMap::new();
    let names: std::collections::BTreeSet<&String> = base.keys().chain(head.keys()).collect();
    for name in names {
        let (old, new) = (base.get(name), head.get(name));
        if old == new {
            continue;
        }
        if !name.ends_with(".html") {
            out.other_files.push(name.clone());
            continue;
        }
        match (old, new) {
            (None, _) => out.added += 1,
            (_, None) => out.removed += 1,
            _ => out.changed += 1,
        }
        let address = address(name);
        let group = groups.entry(prefix(&address)).or_default();
        group.0 += 1;
        group.1.insert(address);
    }
    out.groups = groups
        .into_iter()
        .map(|(prefix, (pages, addresses))| PageGroup { prefix, pages, addresses: addresses.into_iter().collect() })
        .collect();
    out
}

impl PageChanges {
    /// Pages in every variant that differ, are new or are gone.
    pub fn total(&self) -> usize {
        self.changed + self.added + self.removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_variants_of_a_page_are_one_address_in_the_folder_above_it() {
        for file in [
            "tjenester/praktisk-bistand/alfa/index.html",
            "lettlest/tjenester/praktisk-bistand/alfa/index.html",
            "stor-skrift/lettlest/tjenester/praktisk-bistand/alfa/index.html",
        ] {
            assert_eq!(address(file), "/tjenester/praktisk-bistand/alfa/");
        }
        assert_eq!(prefix("/tjenester/praktisk-bistand/alfa/"), "/tjenester/praktisk-bistand/");
        assert_eq!(prefix("/klage/"), "/");
        assert_eq!(address("index.html"), "/");
        assert_eq!(prefix("/"), "/");
    }

    #[test]
    fn only_what_differs_is_counted() {
        let base: BTreeMap<String, u64> =
            [("a/index.html", 1), ("lettlest/a/index.html", 1), ("b/index.html", 2), ("data/x.csv", 3)]
                .map(|(k, v)| (k.to_string(), v))
                .into();
        let head: BTreeMap<String, u64> =
            [("a/index.html", 9), ("lettlest/a/index.html", 1), ("c/index.html", 2), ("data/x.csv", 4)]
                .map(|(k, v)| (k.to_string(), v))
                .into();
        let changes = compare(&base, &head);
        assert_eq!((changes.changed, changes.added, changes.removed), (1, 1, 1));
        assert_eq!(changes.other_files, ["data/x.csv"]);
        assert_eq!(changes.groups.len(), 1);
        assert_eq!(changes.groups[0].addresses, ["/a/", "/b/", "/c/"]);
    }
}
