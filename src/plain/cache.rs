//! The plain-language findings of `serve`'s last build, by pair of texts:
//! a pair whose texts, place and glossary are as then gets the same
//! findings without being checked again (the example's long information
//! pages took most of a rebuild's checking time). Only pairs the last check
//! saw are kept.

use std::hash::{DefaultHasher, Hash, Hasher};

use super::glossary::Glossary;
use super::texts::{Pair, Place};
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

/// Everything a pair's findings are made from. Hashed, not formatted: the
/// `Debug` form of a Markdown place holds its whole body again.
fn key(pair: &Pair) -> u64 {
    let mut hash = DefaultHasher::new();
    (&pair.file, &pair.field, pair.standard, pair.standard_markdown, pair.plain, pair.plain_markdown).hash(&mut hash);
    match &pair.place {
        Place::Field(position) => (0, position).hash(&mut hash),
        // Its body is the pair's plain text, hashed above.
        Place::Markdown(md) => (1, &md.source.relative, md.body_line).hash(&mut hash),
    }
    pair.shown_anyway.hash(&mut hash);
    hash.finish()
}
