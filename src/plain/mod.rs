//! Plain language that keeps every fact. The plain (lettlest) variant is
//! for readers who need short sentences and everyday words; it must still
//! tell them everything they need to act, in the same words for the same
//! things. These rules run on the loaded files, in `check` and `build`
//! alike, and the glossary also explains terms on the rendered plain pages.

pub mod fact_parity;
pub mod facts;
pub mod glossary;
mod messages;
pub mod steps;
pub mod texts;

use crate::diagnostics::Findings;
use crate::load::LoadedSite;

/// Fact parity and the glossary's rules over every plain text of the site.
pub fn check(loaded: &LoadedSite, glossary: Option<&glossary::Glossary>, findings: &mut Findings) {
    let pairs = texts::pairs(loaded);
    fact_parity::check(&pairs, findings);
    if let Some(glossary) = glossary {
        glossary::check(glossary, &pairs, findings);
    }
}
