//! User surveys (brukerundersøkelser) and disclosure control.
//!
//! A `Survey` is built from its raw results and immediately turned into
//! published figures; the raw results are not kept. So nothing downstream
//! (pages, charts, open data) can publish a hidden number: it never has one.

use std::collections::BTreeMap;

use crate::domain::{Slug, Text};

use super::SitePath;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub min: u8,
    /// The best answer.
    pub max: u8,
}

#[derive(Debug)]
pub struct Question {
    pub id: Slug,
    pub text: Text,
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
/// each provider's.
#[derive(Debug, Clone)]
pub struct PublishedQuestion {
    pub municipality: Figure,
    pub providers: BTreeMap<Slug, Figure>,
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

/// Applies disclosure control to one question's cells.
///
/// 1. A provider figure from fewer than `min_respondents` is not shown.
/// 2. The municipality-wide figure (all respondents, hidden ones included)
///    is not shown either when it rests on too few.
/// 3. When the municipality-wide figure is shown and exactly one provider
///    figure is hidden, that figure could be worked out as the total minus
///    the others; so the shown provider figure with the fewest respondents
///    is hidden too. With two or more hidden, only their sum is derivable.
///    If no other figure can be hidden, the municipality-wide one is.
pub fn publish_question(cells: &[&RawCell], rules: Disclosure) -> PublishedQuestion {
    let figure = |n: u32, mean: f64, sd: Option<f64>| {
        if n < rules.min_respondents {
            Figure::TooFew
        } else {
            Figure::Shown { mean: round1(mean), respondents: n, uncertain: n < rules.uncertain_below, sd }
        }
    };
    let total_n: u32 = cells.iter().map(|c| c.respondents).sum();
    let total_sum: f64 = cells.iter().map(|c| c.mean * f64::from(c.respondents)).sum();
    let mut municipality =
        if total_n == 0 { Figure::TooFew } else { figure(total_n, total_sum / f64::from(total_n), None) };
    let mut providers: BTreeMap<Slug, Figure> = cells
        .iter()
        .filter(|c| c.respondents > 0)
        .map(|c| (c.provider.clone(), figure(c.respondents, c.mean, c.sd)))
        .collect();
    let hidden = providers.values().filter(|f| f.shown().is_none()).count();
    if municipality.shown().is_some() && hidden == 1 {
        let smallest = providers.iter().filter_map(|(slug, f)| f.shown().map(|(_, n)| (n, slug.clone()))).min();
        match smallest {
            Some((_, slug)) => {
                providers.insert(slug, Figure::Protected);
            }
            None => municipality = Figure::Protected,
        }
    }
    PublishedQuestion { municipality, providers }
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
        RawCell { provider: Slug::parse(p).unwrap(), question: 0, respondents: n, mean, sd: None }
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
    fn a_single_hidden_figure_takes_the_smallest_other_with_it() {
        let q = publish(&[cell("a", 3, 2.0), cell("b", 12, 4.0), cell("c", 30, 4.5)]);
        assert_eq!(q.providers["a"], Figure::TooFew);
        assert_eq!(q.providers["b"], Figure::Protected);
        assert!(q.providers["c"].shown().is_some());
        assert!(q.municipality.shown().is_some());
    }

    #[test]
    fn with_nothing_else_to_hide_the_municipal_figure_goes() {
        let q = publish(&[cell("a", 3, 2.0), cell("b", 12, 4.0)]);
        assert_eq!(q.providers["a"], Figure::TooFew);
        assert_eq!(q.providers["b"], Figure::Protected);
        let q = publish(&[cell("a", 3, 2.0), cell("b", 3, 4.0)]);
        assert_eq!(q.municipality.shown().map(|(_, n)| n), Some(6));
    }

    #[test]
    fn counts_give_mean_and_spread() {
        let (n, mean, sd) = from_counts(&[0, 0, 0, 2, 2, 0], Scale { min: 1, max: 6 });
        assert_eq!(n, 4);
        assert!((mean - 4.5).abs() < 1e-9);
        assert!((sd.unwrap() - (1.0f64 / 3.0).sqrt()).abs() < 1e-9);
    }
}
