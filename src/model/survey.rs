//! User surveys (brukerundersøkelser) and disclosure control.
//!
//! A `Survey` is built from its raw results and immediately turned into
//! published figures; the raw results are not kept. So nothing downstream
//! (pages, charts, open data) can publish a hidden number: it never has one.

use std::collections::BTreeMap;

use crate::domain::Slug;

use super::SitePath;
use super::comparison::{self, Sample, Verdict};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub min: u8,
    /// The best answer.
    pub max: u8,
}

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
    pub respondents: u32,
    pub mean: f64,
    /// Standard deviation, known when answers were given per option.
    pub sd: Option<f64>,
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
    },
    /// Fewer respondents than the minimum.
    TooFew,
    /// Hidden so that a "too few" figure cannot be worked out from others.
    Protected,
}

impl Figure {
    pub fn shown(&self) -> Option<(f64, u32)> {
        match self {
            Figure::Shown { mean, respondents, .. } => Some((*mean, *respondents)),
            _ => None,
        }
    }
}

/// The published figures of one question: the municipality-wide figure and
/// each provider's, and what may be said about the differences.
#[derive(Debug, Clone)]
pub struct PublishedQuestion {
    pub municipality: Figure,
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

/// The narrowest range, in scale points, to which anyone may be able to
/// pin a hidden figure from everything published (docs/survey-method.md).
pub const MIN_HIDDEN_RANGE: f64 = 1.0;

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Applies disclosure control to one question's cells.
///
/// 1. A provider figure from fewer than `min_respondents` is not shown.
/// 2. The municipality-wide figure (all respondents, hidden ones included)
///    is not shown either when it rests on too few.
/// 3. While the municipality-wide figure is shown and either exactly one
///    provider figure is hidden (total minus the others would give it, up
///    to rounding) or the published figures let anyone narrow a hidden
///    figure to less than `MIN_HIDDEN_RANGE` (see `hidden_ranges`), the
///    shown provider figure with the fewest respondents is hidden too; when
///    no provider figure is left to hide, the municipality-wide one is.
pub fn publish_question(cells: &[&RawCell], scale: Scale, rules: Disclosure) -> PublishedQuestion {
    let figure = |n: u32, mean: f64, sd: Option<f64>| {
        if n < rules.min_respondents {
            Figure::TooFew
        } else {
            Figure::Shown { mean: round1(mean), respondents: n, uncertain: n < rules.uncertain_below, sd }
        }
    };
    let total_n: u64 = cells.iter().map(|c| u64::from(c.respondents)).sum();
    let total_sum: f64 = cells.iter().map(|c| c.mean * f64::from(c.respondents)).sum();
    let mut municipality = match u32::try_from(total_n) {
        Ok(0) | Err(_) => Figure::TooFew,
        Ok(n) => figure(n, total_sum / f64::from(n), None),
    };
    let mut providers: BTreeMap<Slug, Figure> = cells
        .iter()
        .filter(|c| c.respondents > 0)
        .map(|c| (c.provider.clone(), figure(c.respondents, c.mean, c.sd)))
        .collect();
    loop {
        let ranges = hidden_ranges(&municipality, &providers, scale, rules.min_respondents);
        let exposed = municipality.shown().is_some()
            && (ranges.len() == 1 || ranges.values().any(|(lo, hi)| hi - lo < MIN_HIDDEN_RANGE));
        if !exposed {
            break;
        }
        let smallest = providers.iter().filter_map(|(slug, f)| f.shown().map(|(_, n)| (n, slug.clone()))).min();
        match smallest {
            Some((_, slug)) => {
                providers.insert(slug, Figure::Protected);
            }
            None => municipality = Figure::Protected,
        }
    }
    let shown: Vec<(Slug, Sample)> = cells
        .iter()
        .filter(|c| providers.get(&c.provider).and_then(Figure::shown).is_some())
        .map(|c| (c.provider.clone(), Sample { respondents: c.respondents, mean: c.mean, sd: c.sd }))
        .collect();
    PublishedQuestion { municipality, providers, comparison: comparison::compare(&shown, rules.uncertain_below) }
}

/// The narrowest range (lowest and highest mean) to which the published
/// figures of one question pin each hidden provider figure.
///
/// Answers are whole numbers on the scale, so each group's sum of answers
/// is a whole number. A shown mean is rounded to one decimal, so its sum is
/// known within ±0.05 per respondent. The municipality-wide figure then
/// gives the hidden providers' joint count exactly and their joint sum
/// within bounds; a "too few" status says a count is 1 to the minimum − 1,
/// "not shown" that it is at least the minimum. For each possible count of
/// one hidden figure, the others take the rest of the count, and their sum
/// can be anything from all-lowest to all-highest answers.
///
/// An empty range (published figures that no whole answers fit) is given
/// as (0, 0), so it counts as pinned.
pub fn hidden_ranges(
    municipality: &Figure,
    providers: &BTreeMap<Slug, Figure>,
    scale: Scale,
    min_respondents: u32,
) -> BTreeMap<Slug, (f64, f64)> {
    let (low, high) = (i64::from(scale.min), i64::from(scale.max));
    let hidden: Vec<(&Slug, &Figure)> = providers.iter().filter(|(_, f)| f.shown().is_none()).collect();
    let Some((total_mean, total_n)) = municipality.shown() else {
        return hidden.into_iter().map(|(s, _)| (s.clone(), (f64::from(scale.min), f64::from(scale.max)))).collect();
    };
    // Whole sums within a rounded mean's ±0.05.
    let sums = |mean: f64, n: u32| {
        let (whole, n) = (i64::from(n), f64::from(n));
        let lo = ((mean - 0.05) * n - 1e-9).ceil() as i64;
        let hi = ((mean + 0.05) * n + 1e-9).floor() as i64;
        (lo.max(whole * low), hi.min(whole * high))
    };
    let (total_lo, total_hi) = sums(total_mean, total_n);
    let mut count = i64::from(total_n);
    let (mut sum_lo, mut sum_hi) = (total_lo, total_hi);
    for (mean, n) in providers.values().filter_map(Figure::shown) {
        let (lo, hi) = sums(mean, n);
        count -= i64::from(n);
        sum_lo -= hi;
        sum_hi -= lo;
    }
    let minimum = i64::from(min_respondents);
    let bounds = |f: &Figure| match f {
        Figure::TooFew => (1, minimum - 1),
        _ => (minimum, count),
    };
    hidden
        .iter()
        .enumerate()
        .map(|(i, (slug, figure))| {
            let (own_lo, own_hi) = bounds(figure);
            let (rest_lo, rest_hi) = hidden
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, (_, f))| bounds(f))
                .fold((0, 0), |(a, b), (lo, hi)| (a + lo, b + hi));
            let mut range: Option<(f64, f64)> = None;
            for n in own_lo.max(count - rest_hi)..=own_hi.min(count - rest_lo) {
                let rest = count - n;
                let lo = (n * low).max(sum_lo - rest * high);
                let hi = (n * high).min(sum_hi - rest * low);
                if lo <= hi {
                    let (lo, hi) = (lo as f64 / n as f64, hi as f64 / n as f64);
                    range = Some(range.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))));
                }
            }
            ((*slug).clone(), range.unwrap_or((0.0, 0.0)))
        })
        .collect()
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
                publish_question(&of_question, meta.scale, rules)
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
    const SCALE: Scale = Scale { min: 1, max: 6 };

    fn cell(p: &str, n: u32, mean: f64) -> RawCell {
        RawCell { provider: Slug::parse(p).unwrap(), question: 0, respondents: n, mean, sd: None }
    }

    fn publish(cells: &[RawCell]) -> PublishedQuestion {
        publish_question(&cells.iter().collect::<Vec<_>>(), SCALE, RULES)
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
    fn a_single_hidden_figure_takes_the_smallest_other_with_it() {
        let q = publish(&[cell("a", 3, 2.0), cell("b", 12, 4.0), cell("c", 30, 4.5)]);
        assert_eq!(q.providers["a"], Figure::TooFew);
        assert_eq!(q.providers["b"], Figure::Protected);
        assert!(q.providers["c"].shown().is_some());
        assert!(q.municipality.shown().is_some());
    }

    #[test]
    fn with_nothing_else_to_hide_the_municipal_figure_goes() {
        // Everyone answered 6: hiding b too (a must not be the only hidden
        // one) still leaves a total that pins both at 6, and no provider
        // figure is left to hide.
        let q = publish(&[cell("a", 4, 6.0), cell("b", 6, 6.0)]);
        assert_eq!(q.providers["a"], Figure::TooFew);
        assert_eq!(q.providers["b"], Figure::Protected);
        assert_eq!(q.municipality, Figure::Protected);
        // Ordinary answers: the total of a and b leaves both wide open, so
        // it stays.
        let q = publish(&[cell("a", 4, 3.0), cell("b", 6, 4.5)]);
        assert_eq!(q.providers["b"], Figure::Protected);
        assert_eq!(q.municipality.shown().map(|(_, n)| n), Some(10));
    }

    #[test]
    fn two_hidden_figures_at_the_top_of_the_scale_are_not_left_pinned() {
        // a and c too few, both all 6s. The total and b's 5.0 leave them a
        // joint mean of at least 5.7 (rounding aside), which pins both to
        // within a point of 6: two hidden figures are not enough here.
        let q = publish(&[cell("a", 3, 6.0), cell("b", 30, 5.0), cell("c", 4, 6.0)]);
        assert_eq!(q.providers["b"], Figure::Protected);
        assert!(q.municipality.shown().is_some());
        let ranges = hidden_ranges(&q.municipality, &q.providers, SCALE, RULES.min_respondents);
        assert_eq!(ranges.len(), 3);
        assert!(ranges.values().all(|(lo, hi)| hi - lo >= MIN_HIDDEN_RANGE), "{ranges:?}");
        // With b shown, a's range would be [5.33, 6].
        let mut exposed = q.providers.clone();
        let b = Figure::Shown { mean: 5.0, respondents: 30, uncertain: false, sd: None };
        exposed.insert(Slug::parse("b").unwrap(), b);
        let (lo, hi) = hidden_ranges(&q.municipality, &exposed, SCALE, RULES.min_respondents)["a"];
        assert!((lo - 16.0 / 3.0).abs() < 1e-9 && hi == 6.0, "[{lo}, {hi}]");
    }

    #[test]
    fn counts_give_mean_and_spread() {
        let (n, mean, sd) = from_counts(&[0, 0, 0, 2, 2, 0], Scale { min: 1, max: 6 });
        assert_eq!(n, 4);
        assert!((mean - 4.5).abs() < 1e-9);
        assert!((sd.unwrap() - (1.0f64 / 3.0).sqrt()).abs() < 1e-9);
    }
}
