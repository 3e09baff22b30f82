//! The plain-language findings of `serve`'s last build, by pair of texts:
//! a pair whose texts, place and glossary are as then gets the same
//! findings without being checked again (the example's long information
//! pages took most of a rebuild's checking time). Only pairs the last check
//! saw are kept.

use std::hash::{DefaultHasher, Hash, Hasher};

use super::glossary::Glossary;
use super::texts::Pair;
use crate::carried::Carried;
use crate::diagnostics::Finding;

type Found = (Vec<Finding>, Vec<Finding>);

#[derive(Default)]
pub struct PairCache(Carried<u64, Found>);

impl PairCache {
    /// Starts a check with `glossary`, whose rules the findings follow.
    pub(super) fn begin(&self, glossary: Option<&Glossary>) {
        self.0.begin(format!("{glossary:?}"));
    }

    pub(super) fn check(&self, pair: &Pair, check: impl FnOnce() -> Found) -> Found {
        self.0.get_or(key(pair), |_| true, check)
    }
}

/// Everything a pair's findings are made from.
fn key(pair: &Pair) -> u64 {
    let mut hash = DefaultHasher::new();
    (&pair.file, &pair.field, pair.standard, pair.standard_markdown, pair.plain).hash(&mut hash);
    format!("{:?}{:?}", pair.place, pair.shown_anyway).hash(&mut hash);
    hash.finish()
}
