//! Plain language that keeps every fact. The plain (lettlest) variant is
//! for readers who need short sentences and everyday words; it must still
//! tell them everything they need to act, in the same words for the same
//! things. These rules run on the loaded files, in `check` and `build`
//! alike, and the glossary also explains terms on the rendered plain pages.

pub mod cache;
pub mod explain;
pub mod fact_parity;
pub mod facts;
pub mod glossary;
mod messages;
pub mod steps;
pub mod texts;

use rayon::prelude::*;

use crate::diagnostics::{Finding, Findings};
use crate::load::LoadedSite;

/// Fact parity and the glossary's rules over every plain text of the site.
/// Each pair of texts is checked on its own, in parallel (a site of 10,000
/// providers has 20,000 pairs); the findings come in the order of checking
/// them one by one. With a `cache` (`serve`), a pair checked by the last
/// build with the same texts and glossary is not checked again.
pub fn check(
    loaded: &LoadedSite,
    glossary: Option<&glossary::Glossary>,
    cache: Option<&cache::PairCache>,
    findings: &mut Findings,
) {
    let pairs = texts::pairs(loaded);
    if let Some(cache) = cache {
        cache.begin(glossary);
    }
    let found: Vec<(Vec<Finding>, Vec<Finding>)> = pairs
        .par_iter()
        .map(|pair| {
            let check = || {
                let (mut facts, mut words) = (Findings::default(), Findings::default());
                fact_parity::check(std::slice::from_ref(pair), &mut facts);
                if let Some(glossary) = glossary {
                    glossary::check(glossary, std::slice::from_ref(pair), &mut words);
                }
                (facts.into_sorted(), words.into_sorted())
            };
            match cache {
                Some(cache) => cache.check(pair, check),
                None => check(),
            }
        })
        .collect();
    let (facts, words): (Vec<Vec<Finding>>, Vec<Vec<Finding>>) = found.into_iter().unzip();
    for finding in facts.into_iter().chain(words).flatten() {
        findings.push(finding);
    }
}
