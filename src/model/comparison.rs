//! Whether any provider's survey figure stands out from the others' by more
//! than chance explains.
//!
//! Telling citizens that a provider is worse (or better) than the others is
//! a strong claim about a business, so it must be one we can defend:
//!
//! - each provider is compared with the *others* pooled (leave-one-out), not
//!   with an average that includes the provider itself;
//! - the spread comes from the answers per option; when a survey gives only
//!   means, nothing is said about standing out at all;
//! - the test is Welch's t-test, and the chance of one or more false "stands
//!   out" over all providers of a question is held under 5 % by the
//!   Holm–Bonferroni procedure.
//!
//! The method is explained for readers in content/slik-leser-du-
//! brukerundersokelser.md and for maintainers in docs/survey-method.md.

use statrs::distribution::{ContinuousCDF, StudentsT};

use crate::domain::Slug;

/// The nominal chance, over all providers of one question, of saying that
/// any of them stands out when none really does. The promise is 5 %; the
/// t-test is slightly optimistic on few, skewed, whole-number answers (the
/// simulation in tests/surveys.rs measured 5.0 % at a nominal 5 %), so the
/// nominal level keeps a margin.
pub const FAMILY_ERROR: f64 = 0.04;

/// One provider's answers to one question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    pub respondents: u32,
    pub mean: f64,
    /// Sample standard deviation; `None` when the survey gave means only.
    pub sd: Option<f64>,
}

/// What may be said about the differences between providers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Fewer than two providers with published figures.
    TooFewProviders,
    /// Means without spread: nothing can be said about chance.
    NoSpread,
    /// No provider differs from the others by more than chance explains.
    WithinNoise,
    /// These providers (in input order) differ from the others.
    StandsOut(Vec<Slug>),
}

/// Compares each provider with at least `min_tested` respondents with the
/// others pooled (all of them, however few their respondents), and controls
/// the family-wise error over those compared. A figure from fewer is
/// marked uncertain on the site, and is never said to stand out: the
/// t-test's error rate is not to be trusted on so few skewed answers.
pub fn compare(samples: &[(Slug, Sample)], min_tested: u32) -> Verdict {
    let tested: Vec<usize> = (0..samples.len()).filter(|&i| samples[i].1.respondents >= min_tested).collect();
    if samples.len() < 2 || tested.is_empty() {
        return Verdict::TooFewProviders;
    }
    let Some(complete) = samples
        .iter()
        .map(|(_, s)| s.sd.filter(|sd| sd.is_finite() && s.respondents >= 2).map(|sd| (s.respondents, s.mean, sd)))
        .collect::<Option<Vec<_>>>()
    else {
        return Verdict::NoSpread;
    };
    let p_values: Vec<f64> = tested.iter().map(|&i| leave_one_out_p(&complete, i)).collect();
    let standing_out = holm(&p_values, FAMILY_ERROR);
    if standing_out.iter().any(|&s| s) {
        Verdict::StandsOut(
            tested.iter().zip(&standing_out).filter(|(_, s)| **s).map(|(&i, _)| samples[i].0.clone()).collect(),
        )
    } else {
        Verdict::WithinNoise
    }
}

/// Mean, variance and count of all answers of every sample but `skip`, as
/// if they were one group: within-group plus between-group sums of squares.
fn pooled_others(samples: &[(u32, f64, f64)], skip: usize) -> (f64, f64, f64) {
    let others = || samples.iter().enumerate().filter(move |(j, _)| *j != skip).map(|(_, s)| *s);
    let n: f64 = others().map(|(n, _, _)| f64::from(n)).sum();
    let mean = others().map(|(n, m, _)| f64::from(n) * m).sum::<f64>() / n;
    let squares: f64 = others().map(|(k, m, sd)| f64::from(k - 1) * sd * sd + f64::from(k) * (m - mean).powi(2)).sum();
    (n, mean, squares / (n - 1.0))
}

/// Two-sided p-value of Welch's t-test of sample `i` against the others.
fn leave_one_out_p(samples: &[(u32, f64, f64)], i: usize) -> f64 {
    let (n1, m1, sd1) = samples[i];
    let n1 = f64::from(n1);
    let (n2, m2, var2) = pooled_others(samples, i);
    let (a, b) = (sd1 * sd1 / n1, var2 / n2);
    let se = (a + b).sqrt();
    let difference = (m1 - m2).abs();
    if se == 0.0 || !se.is_finite() {
        // Every answer in each group identical: any difference is real.
        return if difference > 0.0 { 0.0 } else { 1.0 };
    }
    // Welch–Satterthwaite degrees of freedom.
    let df = (a + b).powi(2) / (a * a / (n1 - 1.0) + b * b / (n2 - 1.0));
    let t = StudentsT::new(0.0, 1.0, df.max(1.0)).expect("positive degrees of freedom");
    2.0 * t.sf(difference / se)
}

/// Holm–Bonferroni: which hypotheses are rejected, keeping the chance of
/// any false rejection at `alpha`.
pub fn holm(p_values: &[f64], alpha: f64) -> Vec<bool> {
    let mut order: Vec<usize> = (0..p_values.len()).collect();
    order.sort_by(|&a, &b| p_values[a].total_cmp(&p_values[b]).then(a.cmp(&b)));
    let m = p_values.len();
    let mut rejected = vec![false; m];
    for (rank, &i) in order.iter().enumerate() {
        if p_values[i] > alpha / (m - rank) as f64 {
            break;
        }
        rejected[i] = true;
    }
    rejected
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(respondents: u32, mean: f64, sd: Option<f64>) -> Sample {
        Sample { respondents, mean, sd }
    }

    fn named(samples: &[Sample]) -> Vec<(Slug, Sample)> {
        samples.iter().enumerate().map(|(i, s)| (Slug::parse(&format!("p{i}")).unwrap(), *s)).collect()
    }

    #[test]
    fn the_others_are_pooled_without_the_provider_itself() {
        // Others: 10 answers of mean 4 and sd 1, 10 of mean 2 and sd 1.
        let (n, mean, var) = pooled_others(&[(99, 6.0, 0.5), (10, 4.0, 1.0), (10, 2.0, 1.0)], 0);
        assert_eq!(n, 20.0);
        assert!((mean - 3.0).abs() < 1e-12);
        // (9 + 9 + 10 + 10) / 19
        assert!((var - 38.0 / 19.0).abs() < 1e-12, "{var}");
    }

    #[test]
    fn holm_steps_down_from_the_smallest_p_value() {
        // 0.01 ≤ 0.05/3, 0.02 ≤ 0.05/2, 0.04 ≤ 0.05/1: all three.
        assert_eq!(holm(&[0.04, 0.01, 0.02], 0.05), [true, true, true]);
        // 0.03 > 0.05/2 stops the procedure; 0.04 is not reached.
        assert_eq!(holm(&[0.04, 0.01, 0.03], 0.05), [false, true, false]);
        // Bonferroni's first step: 0.02 > 0.05/3.
        assert_eq!(holm(&[0.02, 0.02, 0.02], 0.05), [false, false, false]);
    }

    #[test]
    fn means_without_spread_say_nothing_about_standing_out() {
        let verdict = compare(&named(&[sample(60, 5.8, None), sample(60, 3.0, Some(1.0))]), 10);
        assert_eq!(verdict, Verdict::NoSpread);
        assert_eq!(compare(&named(&[sample(60, 5.8, Some(1.0))]), 10), Verdict::TooFewProviders);
    }

    #[test]
    fn a_clear_difference_names_the_provider_that_stands_out() {
        let mut samples = vec![sample(40, 4.0, Some(1.0)); 8];
        samples[1].mean = 5.5;
        let samples = named(&samples);
        assert_eq!(compare(&samples, 10), Verdict::StandsOut(vec![Slug::parse("p1").unwrap()]));
    }

    #[test]
    fn a_welch_p_value_matches_a_worked_example() {
        // 30 answers, mean 5, sd 1, against 30 answers, mean 4.5, sd 1:
        // t = 0.5 / sqrt(2/30) = 1.9365, df = 58, two-sided p ≈ 0.0577.
        let p = leave_one_out_p(&[(30, 5.0, 1.0), (30, 4.5, 1.0)], 0);
        assert!((p - 0.0577).abs() < 0.0005, "{p}");
    }
}
