//! User surveys: their descriptions, their results files, and the
//! disclosure control that decides what is published.

use std::collections::{BTreeMap, BTreeSet};

use super::checks::Checks;
use super::fields::{at, slug_help};
use super::links::PendingLink;
use super::suggest::{self, Candidate};
use crate::diagnostics::{Finding, Position};
use crate::domain::Slug;
use crate::load::LoadedSurvey;
use crate::load::survey_csv::{self, RowValues};
use crate::model::survey::{
    Disclosure, Figure, MAX_QUESTIONS, Question, RawCell, Scale, Survey, SurveyMeta, from_counts,
};
use crate::model::{Site, SitePath};
use crate::msg;

pub fn surveys(
    loaded: Vec<LoadedSurvey>,
    site: &Site,
    broken: &super::broken::Broken,
    checks: &mut Checks,
) -> Vec<Survey> {
    let rules = Disclosure {
        min_respondents: site.limits.survey_min_respondents,
        uncertain_below: site.limits.survey_uncertain_below,
    };
    let mut out: Vec<Survey> =
        loaded.into_iter().filter_map(|item| survey(item, site, broken, rules, checks)).collect();
    // Each series once a year.
    let mut seen = BTreeSet::new();
    out.retain(|s| {
        let fresh = seen.insert((s.series.clone(), s.year));
        if !fresh {
            checks.findings.push(
                Finding::error(
                    format!("surveys/{}.yaml", s.id),
                    Position::WHOLE_FILE,
                    msg!("survey.series_twice", series = s.series, year = s.year),
                )
                .with_help(msg!("survey.series_twice.help")),
            );
        }
        fresh
    });
    out.sort_by(|a, b| (&a.series, a.year).cmp(&(&b.series, b.year)));
    out
}

fn survey(
    item: LoadedSurvey,
    site: &Site,
    broken: &super::broken::Broken,
    rules: Disclosure,
    checks: &mut Checks,
) -> Option<Survey> {
    let file = item.source.relative.clone();
    let raw = &item.survey;
    let id = Slug::parse(&item.file_stem)
        .map_err(|_| {
            checks.findings.push(
                Finding::error(&file, Position::WHOLE_FILE, msg!("file_name.not_id", name = item.file_stem))
                    .with_help(msg!("file_name.rename", how => slug_help(&item.file_stem))),
            )
        })
        .ok();
    let pending = &mut *checks.pending;
    let mut check = super::fields::FileCheck::new(&file, checks.findings, checks.readability);
    let service = site.services.iter().find(|s| s.id.as_str() == raw.service.value);
    if service.is_none() {
        let candidates: Vec<Candidate> =
            site.services.iter().map(|s| Candidate { id: s.id.as_str(), name: Some(s.name.as_str()) }).collect();
        let ids: Vec<&str> = candidates.iter().map(|c| c.id).collect();
        check.error(
            at(&raw.service),
            msg!("service.unknown", value = raw.service.value),
            msg!(
                "service.unknown.help",
                close => suggest::did_you_mean(&raw.service.value, &candidates),
                choices = ids.join(", ")
            ),
        );
    }
    let series = check.slug("series", &raw.series);
    let year = raw.year.value;
    if !(1990..=site.today.year() as u16).contains(&year) {
        check.error(at(&raw.year), msg!("survey.year", year = year), msg!("survey.year.help"));
    }
    let scale = Scale { min: raw.scale.value.min, max: raw.scale.value.max };
    let scale_ok = scale.min < scale.max && scale.max - scale.min <= 10;
    if !scale_ok {
        check.error(at(&raw.scale), msg!("survey.scale", min = scale.min, max = scale.max), msg!("survey.scale.help"));
    }
    let source_url = raw.source_url.as_ref().and_then(|u| check.web("source_url", u));
    let how_to_read = raw.how_to_read.as_ref().and_then(|link| match SitePath::from_internal_link(link.value.trim()) {
        Some((path, _)) => {
            pending.push(PendingLink {
                file: file.clone(),
                position: at(link),
                path: path.clone(),
                fragment: String::new(),
                plain: false,
            });
            Some(path)
        }
        None => {
            check.error(at(link), msg!("survey.how_to_read"), msg!("survey.how_to_read.help"));
            None
        }
    });
    let mut questions: Vec<Question> = Vec::new();
    if let Some(first_over) = raw.questions.get(MAX_QUESTIONS) {
        check.error(
            at(&first_over.id),
            msg!("survey.too_many_questions", count = raw.questions.len(), max = MAX_QUESTIONS),
            msg!("survey.too_many_questions.help", max = MAX_QUESTIONS),
        );
    }
    for q in raw.questions.iter().take(MAX_QUESTIONS) {
        let Some(qid) = check.slug("questions.id", &q.id) else { continue };
        if questions.iter().any(|known| known.id == qid) {
            check.error(at(&q.id), msg!("survey.question_twice", id = qid), msg!("survey.question_twice.help"));
            continue;
        }
        let question = check.non_empty("questions.question", &q.question);
        let plain_explanation = q.plain_explanation.as_ref().map(|e| check.non_empty("questions.plain_explanation", e));
        questions.push(Question { id: qid, question, plain_explanation });
    }
    if raw.questions.is_empty() {
        check.error(at(&raw.headline), msg!("survey.no_questions"), msg!("survey.no_questions.help"));
    }
    let headline = questions.iter().position(|q| q.id.as_str() == raw.headline.value);
    if headline.is_none() && !questions.is_empty() {
        let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
        check.error(
            at(&raw.headline),
            msg!("survey.headline_unknown", value = raw.headline.value),
            msg!("survey.headline_unknown.help", choices = ids.join(", ")),
        );
    }
    let providers: BTreeSet<&str> =
        service.map(|s| s.every_provider().map(|p| p.slug.as_str()).collect()).unwrap_or_default();
    // Providers by file name and by the name readers see, for "did you mean".
    let candidates: Vec<Candidate> = service
        .iter()
        .flat_map(|s| s.every_provider())
        .map(|p| Candidate { id: p.slug.as_str(), name: Some(p.name.as_str()) })
        .collect();
    let mut response_rates = BTreeMap::new();
    for (provider, rate) in &raw.response_rates {
        if broken.contains(&raw.service.value, provider) {
            continue;
        }
        if service.is_some() && !providers.contains(provider.as_str()) {
            check.error(
                at(rate),
                msg!("survey.rate_provider_unknown", provider = provider, service = raw.service.value),
                msg!("survey.provider_unknown.help", close => suggest::did_you_mean(provider, &candidates)),
            );
        } else if !(0.0..=100.0).contains(&rate.value) {
            check.error(at(rate), msg!("survey.rate_percent", value = rate.value), msg!("survey.rate_percent.help"));
        } else if let Ok(slug) = Slug::parse(provider) {
            response_rates.insert(slug, rate.value);
        }
    }

    let mut cells = Vec::new();
    // Each cell's row and answers, to name the hidden ones there: the
    // published survey keeps nothing of them.
    let mut rows_of: BTreeMap<(Slug, usize), (u32, u32)> = BTreeMap::new();
    let csv_path = item.results.as_ref().map(|(f, _)| f.relative.clone());
    if let (Some((csv_file, text)), true) = (&item.results, scale_ok) {
        let csv_path = &csv_file.relative;
        let (rows, problems) = survey_csv::parse(csv_path, text, usize::from(scale.max - scale.min) + 1);
        for p in problems {
            check.findings.push(p);
        }
        let mut first_line: BTreeMap<(String, String), u32> = BTreeMap::new();
        for row in rows {
            let here = Position::new(row.line, 1);
            let mut error =
                |message, help| check.findings.push(Finding::error(csv_path, here, message).with_help(help));
            let provider = if service.is_none() {
                None
            } else if broken.contains(&raw.service.value, &row.provider) {
                // Its profile has the error; the row waits for it.
                continue;
            } else if providers.contains(row.provider.as_str()) {
                Slug::parse(&row.provider).ok()
            } else {
                error(
                    msg!("survey.row_provider_unknown", provider = row.provider, service = raw.service.value),
                    msg!("survey.provider_unknown.help", close => suggest::did_you_mean(&row.provider, &candidates)),
                );
                None
            };
            let question = questions.iter().position(|q| q.id.as_str() == row.question);
            if question.is_none() {
                let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
                error(
                    msg!("survey.row_question_unknown", question = row.question),
                    msg!("survey.row_question_unknown.help", file = file.display(), choices = ids.join(", ")),
                );
            }
            let key = (row.provider.clone(), row.question.clone());
            if let Some(first) = first_line.get(&key) {
                error(
                    msg!("survey.row_twice", provider = row.provider, question = row.question, first = first),
                    msg!("survey.row_twice.help"),
                );
                continue;
            }
            first_line.insert(key, row.line);
            let (respondents, mean, sd) = match row.values {
                RowValues::Mean { respondents, mean } => {
                    if respondents > 0 && !(f64::from(scale.min)..=f64::from(scale.max)).contains(&mean) {
                        error(
                            msg!("survey.mean_outside", mean = mean, min = scale.min, max = scale.max),
                            msg!("survey.mean_outside.help"),
                        );
                        continue;
                    }
                    (respondents, mean, None)
                }
                RowValues::Counts(counts) => from_counts(&counts, scale),
            };
            if let (Some(provider), Some(question)) = (provider, question) {
                rows_of.insert((provider.clone(), question), (row.line, respondents));
                cells.push(RawCell { provider, question, respondents, mean, sd, dont_know: row.dont_know });
            }
        }
    }
    let meta = SurveyMeta {
        id: id?,
        name: raw.name.trim().to_string(),
        service: service?.id.clone(),
        series: series?,
        year,
        period: raw.period.trim().to_string(),
        source: raw.source.trim().to_string(),
        source_url,
        scale,
        headline: headline?,
        how_to_read,
        questions,
        response_rates,
    };
    let survey = Survey::publish(meta, cells, rules);
    if let Some(csv_path) = csv_path {
        hidden_notes(&survey, &rows_of, &csv_path, rules, checks);
    }
    Some(survey)
}

/// Names each hidden figure at its row, so an editor learns before
/// publishing which figures readers will not see, and why.
fn hidden_notes(
    survey: &Survey,
    rows_of: &BTreeMap<(Slug, usize), (u32, u32)>,
    csv_path: &std::path::Path,
    rules: Disclosure,
    checks: &mut Checks,
) {
    for (q, published) in survey.published.iter().enumerate() {
        for (provider, figure) in &published.providers {
            let (Figure::TooFew, Some(&(line, respondents))) = (figure, rows_of.get(&(provider.clone(), q))) else {
                continue;
            };
            let message = msg!(
                "survey.figure_hidden",
                provider = provider,
                question = survey.questions[q].id,
                respondents = respondents,
                min = rules.min_respondents
            );
            checks.findings.push(
                Finding::note(csv_path, Position::new(line, 1), message).with_help(msg!("survey.figure_hidden.help")),
            );
        }
    }
}
