//! User surveys (brukerundersøkelser) and disclosure control.
//!
//! A `Survey` is built from its raw results and immediately turned into
//! published figures; the raw results are not kept. So nothing downstream
//! (pages, charts, open data) can publish a hidden number: it never has one.

use std::collections::BTreeMap;

use crate::domain::Slug;

use super::comparison::{self, Sample, Verdict};
use super::routes::SitePath;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub min: u8,
    /// The best answer.
    pub max: u8,
}

/// Most questions a survey may have: the comparison shows each as a row
/// for every provider on the page, so a page's size stays bounded.
pub const MAX_QUESTIONS: usize = 20;

#[derive(Debug)]
pub struct Question {
    pub id: Slug,
    /// As asked; shown in every variant.
    pub question: String,
    /// Shown beside the question in the plain variants, marked as an
    /// explanation.
    pub plain_explanation: Option<String>,
}

/// One provider's answers to one question, as the survey tool reported them.
#[derive(Debug, Clone)]
pub struct RawCell {
    pub provider: Slug,
    pub question: usize,
    /// Answers on the scale; «vet ikke» is not among them.
    pub respondents: u32,
    pub mean: f64,
    /// Standard deviation, known when answers were given per option.
    pub sd: Option<f64>,
    /// «Vet ikke» or «ikke relevant» answers, when the file counts them.
    pub dont_know: Option<u32>,
}

/// What may be shown of one figure.
#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    Shown {
        /// Rounded to one decimal, as published.
        mean: f64,
        respondents: u32,
        /// From fewer respondents than the uncertainty threshold.
        uncertain: bool,
        sd: Option<f64>,
        /// «Vet ikke» answers beside the figure, when the file counts them.
        dont_know: Option<u32>,
    },
    /// Fewer respondents than the minimum: nothing of it is published,
    /// not even its «vet ikke» answers.
    TooFew,
}

impl Figure {
    pub fn shown(&self) -> Option<(f64, u32)> {
        match self {
            Figure::Shown { mean, respondents, .. } => Some((*mean, *respondents)),
            Figure::TooFew => None,
        }
    }

    pub fn dont_know(&self) -> Option<u32> {
        match self {
            Figure::Shown { dont_know, .. } => *dont_know,
            Figure::TooFew => None,
        }
    }
}

/// Whose answers the municipality-wide figure of a question is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Every provider's: none was hidden.
    Everyone,
    /// The shown providers' only: some provider's figure is hidden, and a
    /// figure that included it would give it away.
    ShownProviders,
}

/// The published figures of one question: the municipality-wide figure and
/// each provider's, and what may be said about the differences.
#[derive(Debug, Clone)]
pub struct PublishedQuestion {
    pub municipality: Figure,
    pub basis: Basis,
    pub providers: BTreeMap<Slug, Figure>,
    /// Computed from the shown figures only, so it tells nothing about a
    /// hidden one.
    pub comparison: Verdict,
}

/// A survey as published: its description and the figures that passed
/// disclosure control. It derefs to the description, so `survey.name` reads
/// naturally; the raw results are gone.
#[derive(Debug)]
pub struct Survey {
    pub meta: SurveyMeta,
    /// Same order as `questions`.
    pub published: Vec<PublishedQuestion>,
}

impl std::ops::Deref for Survey {
    type Target = SurveyMeta;

    fn deref(&self) -> &SurveyMeta {
        &self.meta
    }
}

/// Thresholds for publishing.
#[derive(Debug, Clone, Copy)]
pub struct Disclosure {
    pub min_respondents: u32,
    pub uncertain_below: u32,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Applies disclosure control to one question's cells
/// (docs/survey-method.md).
///
/// 1. A provider figure from fewer than `min_respondents` is hidden, with
///    its «vet ikke» answers. Every other provider figure is shown: one
///    provider's few answers never hide another's.
/// 2. The municipality-wide figure is made of the shown providers' answers
///    only, so every published number of the question is a function of
///    shown answers and says nothing about a hidden figure. When nothing
///    was hidden, that is every answer.
pub fn publish_question(cells: &[&RawCell], rules: Disclosure) -> PublishedQuestion {
    let figure = |n: u32, mean: f64, sd: Option<f64>, dont_know: Option<u32>| {
        if n < rules.min_respondents {
            Figure::TooFew
        } else {
            Figure::Shown { mean: round1(mean), respondents: n, uncertain: n < rules.uncertain_below, sd, dont_know }
        }
    };
    // A provider whose every answer was «vet ikke» took part, with too few
    // answers on the scale.
    let providers: BTreeMap<Slug, Figure> = cells
        .iter()
        .filter(|c| c.respondents > 0 || c.dont_know.is_some_and(|d| d > 0))
        .map(|c| (c.provider.clone(), figure(c.respondents, c.mean, c.sd, c.dont_know)))
        .collect();
    let shown: Vec<&RawCell> =
        cells.iter().copied().filter(|c| providers.get(&c.provider).and_then(Figure::shown).is_some()).collect();
    let basis = if providers.values().all(|f| f.shown().is_some()) { Basis::Everyone } else { Basis::ShownProviders };
    let total_n: u64 = shown.iter().map(|c| u64::from(c.respondents)).sum();
    let total_sum: f64 = shown.iter().map(|c| c.mean * f64::from(c.respondents)).sum();
    let dont_know: Option<u64> = shown.iter().map(|c| c.dont_know.map(u64::from)).sum();
    let municipality = match (u32::try_from(total_n), dont_know.map(u32::try_from).transpose()) {
        (Ok(0) | Err(_), _) | (_, Err(_)) => Figure::TooFew,
        (Ok(n), Ok(dont_know)) => figure(n, total_sum / f64::from(n), None, dont_know),
    };
    let samples: Vec<(Slug, Sample)> = shown
        .iter()
        .map(|c| (c.provider.clone(), Sample { respondents: c.respondents, mean: c.mean, sd: c.sd }))
        .collect();
    PublishedQuestion {
        municipality,
        basis,
        providers,
        comparison: comparison::compare(&samples, rules.uncertain_below),
    }
}

/// Mean and standard deviation from the number of answers per option.
pub fn from_counts(counts: &[u32], scale: Scale) -> (u32, f64, Option<f64>) {
    let n: u32 = counts.iter().sum();
    if n == 0 {
        return (0, 0.0, None);
    }
    let value = |i: usize| f64::from(scale.min) + i as f64;
    let mean = counts.iter().enumerate().map(|(i, &c)| value(i) * f64::from(c)).sum::<f64>() / f64::from(n);
    let sd = (n > 1).then(|| {
        let ss: f64 = counts.iter().enumerate().map(|(i, &c)| f64::from(c) * (value(i) - mean).powi(2)).sum();
        (ss / f64::from(n - 1)).sqrt()
    });
    (n, mean, sd)
}

impl Survey {
    /// Every cell is consumed here: only published figures survive.
    pub fn publish(meta: SurveyMeta, cells: Vec<RawCell>, rules: Disclosure) -> Survey {
        let published = (0..meta.questions.len())
            .map(|q| {
                let of_question: Vec<&RawCell> = cells.iter().filter(|c| c.question == q).collect();
                publish_question(&of_question, rules)
            })
            .collect();
        Survey { meta, published }
    }

    /// Whether `provider` has any row in this survey, shown or hidden.
    pub fn covers(&self, provider: &Slug) -> bool {
        self.published.iter().any(|q| q.providers.contains_key(provider))
    }
}

/// Everything about a survey except its results.
#[derive(Debug)]
pub struct SurveyMeta {
    pub id: Slug,
    pub name: String,
    pub service: Slug,
    pub series: Slug,
    pub year: u16,
    pub period: String,
    pub source: String,
    pub source_url: Option<String>,
    pub scale: Scale,
    pub headline: usize,
    pub how_to_read: Option<SitePath>,
    pub questions: Vec<Question>,
    pub response_rates: BTreeMap<Slug, f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: Disclosure = Disclosure { min_respondents: 5, uncertain_below: 10 };
    fn cell(p: &str, n: u32, mean: f64) -> RawCell {
        RawCell { provider: Slug::parse(p).unwrap(), question: 0, respondents: n, mean, sd: None, dont_know: None }
    }

    fn publish(cells: &[RawCell]) -> PublishedQuestion {
        publish_question(&cells.iter().collect::<Vec<_>>(), RULES)
    }

    #[test]
    fn a_figure_from_too_few_is_hidden_and_one_from_few_is_uncertain() {
        let q = publish(&[cell("a", 4, 5.0), cell("b", 7, 4.0), cell("c", 30, 4.5), cell("d", 2, 3.0)]);
        assert_eq!(q.providers["a"], Figure::TooFew);
        assert_eq!(q.providers["d"], Figure::TooFew);
        assert!(matches!(q.providers["b"], Figure::Shown { uncertain: true, .. }));
        assert!(matches!(q.providers["c"], Figure::Shown { uncertain: false, .. }));
    }

    #[test]
    fn a_single_hidden_figure_hides_no_other_and_stays_out_of_the_municipal_figure() {
        let q = publish(&[cell("a", 3, 2.0), cell("b", 12, 4.0), cell("c", 30, 4.5)]);
        assert_eq!(q.providers["a"], Figure::TooFew);
        assert_eq!(q.providers["b"].shown(), Some((4.0, 12)));
        assert_eq!(q.providers["c"].shown(), Some((4.5, 30)));
        // (12 · 4 + 30 · 4.5) / 42 = 4.357…, without a's answers.
        assert_eq!(q.municipality.shown(), Some((4.4, 42)));
        assert_eq!(q.basis, Basis::ShownProviders);
    }

    #[test]
    fn with_nothing_hidden_the_municipal_figure_is_everyones() {
        let q = publish(&[cell("a", 5, 6.0), cell("b", 6, 6.0)]);
        assert_eq!(q.municipality.shown(), Some((6.0, 11)));
        assert_eq!(q.basis, Basis::Everyone);
    }

    #[test]
    fn with_every_figure_hidden_there_is_no_municipal_figure() {
        let q = publish(&[cell("a", 4, 6.0), cell("b", 3, 6.0)]);
        assert_eq!(q.municipality, Figure::TooFew);
        assert_eq!(q.basis, Basis::ShownProviders);
    }

    #[test]
    fn dont_know_answers_are_counted_beside_the_figure_and_only_for_shown_ones() {
        let with = |p: &str, n: u32, mean: f64, d: u32| RawCell { dont_know: Some(d), ..cell(p, n, mean) };
        let q = publish(&[with("a", 3, 2.0, 2), with("b", 12, 4.0, 4), with("c", 30, 4.5, 1), with("d", 0, 0.0, 3)]);
        assert_eq!(q.providers["a"].dont_know(), None);
        assert_eq!(q.providers["b"].dont_know(), Some(4));
        // All «vet ikke»: it took part, with too few answers on the scale.
        assert_eq!(q.providers["d"], Figure::TooFew);
        // a's and d's «vet ikke» are left out as their figures are.
        assert_eq!(q.municipality.dont_know(), Some(5));
        assert_eq!(q.municipality.shown(), Some((4.4, 42)));
    }

    #[test]
    fn counts_give_mean_and_spread() {
        let (n, mean, sd) = from_counts(&[0, 0, 0, 2, 2, 0], Scale { min: 1, max: 6 });
        assert_eq!(n, 4);
        assert!((mean - 4.5).abs() < 1e-9);
        assert!((sd.unwrap() - (1.0f64 / 3.0).sqrt()).abs() < 1e-9);
    }
}
