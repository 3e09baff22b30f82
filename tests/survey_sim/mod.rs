//! What the survey simulations share: a small deterministic generator, the
//! scale and rules they publish under, and cells made from drawn answers.
#![allow(dead_code)]

use brukervalg::domain::Slug;
use brukervalg::model::survey::{Disclosure, RawCell, Scale, from_counts};

pub const SCALE: Scale = Scale { min: 1, max: 6 };
pub const RULES: Disclosure = Disclosure { min_respondents: 5, uncertain_below: 10 };

/// Provider `p{provider:02}`'s answers to question 0, counted per option.
pub fn cell_from_answers(provider: usize, counts: &[u32]) -> RawCell {
    let (respondents, mean, sd) = from_counts(counts, SCALE);
    let provider = Slug::parse(&format!("p{provider:02}")).unwrap();
    RawCell { provider, question: 0, respondents, mean, sd, dont_know: None }
}

/// A small deterministic generator, so the tests need no dependency and
/// fail the same way every time.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self, below: u32) -> u32 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % u64::from(below)) as u32
    }

    /// Answers per option of `n` people, each drawn from `weights` (per
    /// option, out of their sum).
    pub fn answers(&mut self, n: u32, weights: &[u32]) -> Vec<u32> {
        let total: u32 = weights.iter().sum();
        let mut counts = vec![0; weights.len()];
        for _ in 0..n {
            let mut draw = self.next(total);
            let option = weights
                .iter()
                .position(|&w| {
                    draw < w || {
                        draw -= w;
                        false
                    }
                })
                .unwrap();
            counts[option] += 1;
        }
        counts
    }
}
