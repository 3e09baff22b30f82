//! What templates see of user surveys: only published figures, already
//! formatted, with the chart drawn and the same numbers as a table.

use serde::Serialize;

use super::chart::{self, number};
use super::context::VariantContext;
use super::counts::counted;
use super::inputs::ServiceInput;
use super::layout_view::Place;
use crate::domain::Slug;
use crate::model::Provider;
use crate::model::comparison::Verdict;
use crate::model::survey::{Basis, Figure, PublishedQuestion, Survey};

#[derive(Serialize)]
pub struct SurveyView {
    pub name: String,
    pub year: u16,
    pub period: String,
    pub source: String,
    pub source_url: Option<String>,
    pub how_to_read: Option<String>,
    pub scale: String,
    /// Fewest to most respondents over the questions, e.g. "12–15".
    pub respondents: Option<String>,
    pub response_rate: Option<String>,
    pub has_results: bool,
    pub chart: String,
    pub rows: Vec<SurveyRow>,
    /// The figure columns' headings: a note every row of a column would
    /// repeat («usikkert, få svar», «bare leverandørene som vises») is
    /// said once here instead, and left out of the cells.
    pub provider_heading: String,
    pub municipality_heading: String,
    /// What "too few", "not shown" and "uncertain" mean, for those used.
    pub notes: Vec<String>,
    pub trend: Option<Trend>,
}

#[derive(Serialize)]
pub struct SurveyRow {
    /// As asked, in every variant.
    pub question: String,
    /// The plain explanation, in the plain variants only.
    pub explanation: Option<String>,
    pub value: String,
    pub municipality: String,
    pub respondents: String,
    pub uncertain: bool,
}

#[derive(Serialize)]
pub struct Trend {
    pub years: Vec<u16>,
    pub rows: Vec<TrendRow>,
}

#[derive(Serialize)]
pub struct TrendRow {
    pub question: String,
    pub values: Vec<String>,
}

/// The plain explanation of a question, for readers of the plain variants;
/// the question itself is always shown as asked.
pub(super) fn explanation(cx: &VariantContext, question: &crate::model::survey::Question) -> Option<String> {
    question.plain_explanation.clone().filter(|_| cx.variant.is_plain())
}

fn figure_text(cx: &VariantContext, figure: Option<&Figure>) -> String {
    noted_figure_text(cx, figure, true)
}

/// A figure, with «usikkert» after an uncertain one when `noted`.
fn noted_figure_text(cx: &VariantContext, figure: Option<&Figure>, noted: bool) -> String {
    match figure {
        Some(Figure::Shown { mean, uncertain, .. }) => {
            if *uncertain && noted {
                format!("{} ({})", number(*mean), cx.s("survey_uncertain"))
            } else {
                number(*mean)
            }
        }
        Some(Figure::TooFew) => cx.s("survey_too_few"),
        None => cx.s("survey_not_included"),
    }
}

/// «12 svarte «vet ikke»», for a shown figure with such answers.
fn dont_know_text(cx: &VariantContext, figure: Option<&Figure>) -> Option<String> {
    let n = figure?.dont_know().filter(|n| *n > 0)?;
    Some(counted(&cx.s("survey_dont_know"), u64::from(n)))
}

/// The municipality-wide figure, saying so when it leaves out the
/// providers whose figures are hidden (unless the column's heading says so).
pub(super) fn municipality_text(cx: &VariantContext, published: &PublishedQuestion, noted: bool) -> String {
    let text = figure_text(cx, Some(&published.municipality));
    match (published.basis, published.municipality.shown()) {
        (Basis::ShownProviders, Some(_)) if noted => format!("{text} ({})", cx.s("survey_shown_only")),
        _ => text,
    }
}

/// The surveys of `service` whose results a provider page shows: the latest
/// of each series.
pub fn latest<'a>(service: &ServiceInput<'a>) -> Vec<&'a Survey> {
    super::inputs::latest_surveys(service.surveys.iter().map(|s| s.0))
}

pub fn provider_surveys(
    cx: &VariantContext,
    place: &Place,
    service: &ServiceInput,
    provider: &Provider,
) -> Vec<SurveyView> {
    let cx = &cx.of_kind(service.kind);
    let all = latest(service);
    all.into_iter().enumerate().map(|(i, survey)| survey_view(cx, place, service, survey, provider, i)).collect()
}

fn survey_view(
    cx: &VariantContext,
    place: &Place,
    service: &ServiceInput,
    survey: &Survey,
    provider: &Provider,
    index: usize,
) -> SurveyView {
    let slug = &provider.slug;
    let has_results = survey.covers(slug);
    let all_uncertain =
        survey.published.iter().all(|p| matches!(p.providers.get(slug), Some(Figure::Shown { uncertain: true, .. })));
    let municipal: Vec<&PublishedQuestion> =
        survey.published.iter().filter(|p| p.municipality.shown().is_some()).collect();
    let all_shown_only = !municipal.is_empty() && municipal.iter().all(|p| p.basis == Basis::ShownProviders);
    let heading = |key: &str, note: Option<&str>| match note {
        Some(note) => format!("{} ({})", cx.s(key), cx.s(note)),
        None => cx.s(key),
    };
    let provider_heading = heading("survey_col_provider", all_uncertain.then_some("survey_uncertain"));
    let municipality_heading = heading("survey_col_municipality", all_shown_only.then_some("survey_shown_only"));
    let rows: Vec<SurveyRow> = survey
        .questions
        .iter()
        .zip(&survey.published)
        .map(|(q, p)| {
            let figure = p.providers.get(slug);
            SurveyRow {
                question: q.question.clone(),
                explanation: explanation(cx, q),
                value: noted_figure_text(cx, figure, !all_uncertain),
                municipality: municipality_text(cx, p, !all_shown_only),
                respondents: match (figure.and_then(Figure::shown), dont_know_text(cx, figure)) {
                    (Some((_, n)), Some(dont_know)) => format!("{n} ({dont_know})"),
                    (Some((_, n)), None) => n.to_string(),
                    (None, _) => "–".to_string(),
                },
                uncertain: matches!(figure, Some(Figure::Shown { uncertain: true, .. })),
            }
        })
        .collect();
    let counts: Vec<u32> =
        survey.published.iter().filter_map(|p| p.providers.get(slug).and_then(Figure::shown)).map(|(_, n)| n).collect();
    let respondents = match (counts.iter().min(), counts.iter().max()) {
        (Some(a), Some(b)) if a == b => Some(a.to_string()),
        (Some(a), Some(b)) => Some(format!("{a}–{b}")),
        _ => None,
    };
    let chart_rows: Vec<chart::Row> = survey
        .questions
        .iter()
        .zip(&survey.published)
        .zip(&rows)
        .map(|((q, p), row)| {
            let figure = p.providers.get(slug);
            chart::Row {
                question_id: q.id.as_str(),
                label: &q.question,
                value: figure.and_then(Figure::shown).map(|(m, _)| m),
                uncertain: row.uncertain,
                reference: p.municipality.shown().map(|(m, _)| m),
                missing_text: &row.value,
            }
        })
        .collect();
    let title = format!("{} {}: {}", survey.name, survey.year, provider.name);
    let description = cx.s("survey_chart_description");
    // The reference mark of a question whose municipal figure leaves out
    // hidden providers is not the whole municipality's: the legend says so.
    let shown_only =
        survey.published.iter().any(|p| p.basis == Basis::ShownProviders && p.municipality.shown().is_some());
    let reference = if shown_only {
        format!("{} ({})", cx.s("survey_municipality_average"), cx.s("survey_shown_only"))
    } else {
        cx.s("survey_municipality_average")
    };
    let labels = chart::Labels {
        title: &title,
        description: &description,
        provider: &provider.name,
        reference: &reference,
        uncertain: &cx.s("survey_uncertain"),
    };
    let chart = if has_results {
        chart::bar_chart(&format!("chart-{index}"), &chart_rows, survey.scale, &labels, cx.variant.is_large_print())
    } else {
        String::new()
    };
    let figures: Vec<Option<&Figure>> = survey.published.iter().map(|p| p.providers.get(slug)).collect();
    let limits = &cx.site.limits;
    let mut notes = Vec::new();
    if figures.iter().any(|f| matches!(f, Some(Figure::TooFew))) {
        notes.push(counted(&cx.s("survey_explain_too_few"), u64::from(limits.survey_min_respondents)));
    }
    if shown_only {
        notes.push(cx.s("survey_explain_shown_only"));
    }
    if figures.iter().any(|f| f.and_then(Figure::dont_know).is_some_and(|n| n > 0)) {
        notes.push(cx.s("survey_explain_dont_know"));
    }
    if figures.iter().any(|f| matches!(f, Some(Figure::Shown { uncertain: true, .. }))) {
        notes.push(counted(&cx.s("survey_explain_uncertain"), u64::from(limits.survey_uncertain_below)));
    }
    SurveyView {
        name: survey.name.clone(),
        year: survey.year,
        period: survey.period.clone(),
        source: survey.source.clone(),
        source_url: survey.source_url.clone(),
        how_to_read: survey.how_to_read.as_ref().map(|p| place.linker.page(p.as_str())),
        scale: scale(cx, survey),
        respondents,
        response_rate: survey.response_rates.get(slug).map(|r| format!("{} %", r.round())),
        has_results,
        chart,
        rows,
        provider_heading,
        municipality_heading,
        notes,
        trend: trend(cx, service, survey, provider),
    }
}

/// Published figures of the same series in earlier years, oldest first.
fn trend(cx: &VariantContext, service: &ServiceInput, latest: &Survey, provider: &Provider) -> Option<Trend> {
    let years: Vec<&Survey> = service
        .surveys
        .iter()
        .map(|s| s.0)
        .filter(|s| s.series == latest.series && s.service == latest.service && s.covers(&provider.slug))
        .collect();
    if years.len() < 2 {
        return None;
    }
    let rows = latest
        .questions
        .iter()
        .map(|q| TrendRow {
            question: q.question.clone(),
            values: years
                .iter()
                .map(|s| {
                    let figure = s
                        .questions
                        .iter()
                        .position(|sq| sq.id == q.id)
                        .and_then(|i| s.published[i].providers.get(&provider.slug));
                    figure_text(cx, figure)
                })
                .collect(),
        })
        .collect();
    Some(Trend { years: years.iter().map(|s| s.year).collect(), rows })
}

/// The headline figure of the service's comparison, and whether the
/// differences between providers are within the noise; each row's figure
/// comes from `value`, so a page formats only the figures it shows.
#[derive(Serialize)]
pub struct Headline<'a> {
    pub question: String,
    pub explanation: Option<String>,
    pub survey: String,
    pub year: u16,
    pub scale: String,
    pub how_to_read: Option<String>,
    pub note: String,
    /// Why some figures are not shown, when some are not.
    pub hidden_note: Option<String>,
    #[serde(skip)]
    source: &'a Survey,
}

impl Headline<'_> {
    /// The provider's headline figure for sorting, when it is shown: the
    /// same rounded mean the row says, written for a script to read.
    pub fn sort_value(&self, slug: &Slug) -> Option<String> {
        let survey = self.source;
        match survey.published[survey.headline].providers.get(slug) {
            Some(Figure::Shown { mean, .. }) => Some(format!("{mean:.1}")),
            _ => None,
        }
    }

    /// The provider's headline figure as its row shows it.
    pub fn value(&self, cx: &VariantContext, slug: &Slug) -> String {
        let survey = self.source;
        scored(cx, survey.scale.max, survey.published[survey.headline].providers.get(slug))
    }

    /// The survey the headline is from: the one the comparison shows whole.
    pub fn survey(&self) -> &Survey {
        self.source
    }
}

/// A figure as a comparison cell shows it: with the scale ("4,9 av 6"), as
/// a comparison table is read row by row, far from the note that explains
/// it, and with how many answered.
pub(super) fn scored(cx: &VariantContext, max: u8, figure: Option<&Figure>) -> String {
    match figure {
        Some(Figure::Shown { mean, respondents, uncertain, .. }) => {
            let value = format!("{} {} {}", number(*mean), cx.s("survey_of"), max);
            let mut answers = format!("{respondents} {}", cx.s("survey_answers"));
            if let Some(dont_know) = dont_know_text(cx, figure) {
                answers = format!("{answers}, {dont_know}");
            }
            if *uncertain {
                format!("{value} ({answers}, {})", cx.s("survey_uncertain"))
            } else {
                format!("{value} ({answers})")
            }
        }
        _ => figure_text(cx, figure),
    }
}

/// `every_question`: the page shows every question of the survey (the
/// comparison), so the note explains a hidden figure of any of them.
pub fn headline<'a>(
    cx: &VariantContext,
    place: &Place,
    service: &ServiceInput<'a>,
    every_question: bool,
) -> Option<Headline<'a>> {
    let survey = *latest(service).first()?;
    let cx = &cx.of_kind(service.kind);
    let published = &survey.published[survey.headline];
    // The verdict was reached when the figures were published
    // (model::comparison): each provider against the others, with the
    // chance of any false "stands out" held at 5 %.
    let note = match &published.comparison {
        Verdict::TooFewProviders => cx.s("survey_note_too_few_providers"),
        Verdict::NoSpread => cx.s("survey_note_no_spread"),
        Verdict::WithinNoise => cx.s("survey_note_small_differences"),
        Verdict::StandsOut(slugs) => {
            let named: Vec<&str> = slugs
                .iter()
                .filter_map(|s| service.named_by_surveys.iter().find(|p| p.slug == s).map(|p| p.name))
                .collect();
            cx.s("survey_note_stands_out").replace("{providers}", &named.join(", "))
        }
    };
    Some(Headline {
        question: survey.questions[survey.headline].question.clone(),
        explanation: explanation(cx, &survey.questions[survey.headline]),
        survey: survey.name.clone(),
        year: survey.year,
        scale: scale(cx, survey),
        how_to_read: survey.how_to_read.as_ref().map(|p| place.linker.page(p.as_str())),
        note,
        hidden_note: survey
            .published
            .iter()
            .enumerate()
            .filter(|(i, _)| every_question || *i == survey.headline)
            .flat_map(|(_, p)| p.providers.values())
            .any(|f| matches!(f, Figure::TooFew))
            .then(|| counted(&cx.s("survey_explain_too_few"), u64::from(cx.site.limits.survey_min_respondents))),
        source: survey,
    })
}

/// The scale and which end of it is best: «1–6, der 1 er dårligst og 6 er
/// best», wherever a score is shown.
fn scale(cx: &VariantContext, survey: &Survey) -> String {
    let (min, max) = (survey.scale.min.to_string(), survey.scale.max.to_string());
    cx.s("survey_scale_range").replace("{min}", &min).replace("{max}", &max)
}
