//! User surveys: their descriptions, their results files, and the
//! disclosure control that decides what is published.

use std::collections::{BTreeMap, BTreeSet};

use super::fields::{FileCheck, at};
use super::links::PendingLink;
use crate::diagnostics::{Finding, Findings, Position};
use crate::domain::Slug;
use crate::load::LoadedSurvey;
use crate::load::survey_csv::{self, RowValues};
use crate::model::survey::{Disclosure, Question, RawCell, Scale, Survey, SurveyMeta, from_counts};
use crate::model::{Site, SitePath};

pub fn surveys(
    loaded: Vec<LoadedSurvey>,
    site: &Site,
    broken: &super::Broken,
    findings: &mut Findings,
    pending: &mut Vec<PendingLink>,
) -> Vec<Survey> {
    let rules = Disclosure {
        min_respondents: site.limits.survey_min_respondents,
        uncertain_below: site.limits.survey_uncertain_below,
    };
    let mut out: Vec<Survey> =
        loaded.into_iter().filter_map(|item| survey(item, site, broken, rules, findings, pending)).collect();
    // Each series once a year.
    let mut seen = BTreeSet::new();
    out.retain(|s| {
        let fresh = seen.insert((s.series.clone(), s.year));
        if !fresh {
            findings.push(
                Finding::error(
                    format!("surveys/{}.yaml", s.id),
                    Position::WHOLE_FILE,
                    format!("the series `{}` has two surveys for {}", s.series, s.year),
                )
                .with_help("give each year's survey its own year, or merge the files"),
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
    broken: &super::Broken,
    rules: Disclosure,
    findings: &mut Findings,
    pending: &mut Vec<PendingLink>,
) -> Option<Survey> {
    let file = item.source.relative.clone();
    let raw = &item.survey;
    let id = Slug::parse(&item.file_stem)
        .map_err(|hint| {
            findings.push(
                Finding::error(
                    &file,
                    Position::WHOLE_FILE,
                    format!("the file name `{}` cannot be used as an id", item.file_stem),
                )
                .with_help(format!("rename the file: {hint}")),
            )
        })
        .ok();
    let mut check = FileCheck::new(&file, findings);
    let service = site.services.iter().find(|s| s.id.as_str() == raw.service.value);
    if service.is_none() {
        let ids: Vec<&str> = site.services.iter().map(|s| s.id.as_str()).collect();
        check.error(
            at(&raw.service),
            format!("`{}` is not a service in brukervalg.yaml", raw.service.value),
            format!("use one of: {}", ids.join(", ")),
        );
    }
    let series = check.slug("series", &raw.series);
    let year = raw.year.value;
    if !(1990..=site.today.year() as u16).contains(&year) {
        check.error(
            at(&raw.year),
            format!("`year` {year} is not a year a survey could have been run"),
            "write the year the answers were collected",
        );
    }
    let scale = Scale { min: raw.scale.value.min, max: raw.scale.value.max };
    let scale_ok = scale.min < scale.max && scale.max - scale.min <= 10;
    if !scale_ok {
        check.error(
            at(&raw.scale),
            format!("the scale {}-{} is not usable", scale.min, scale.max),
            "give `min` below `max`, at most 11 options, e.g. min: 1, max: 6",
        );
    }
    let source_url = raw.source_url.as_ref().and_then(|u| check.web("source_url", u));
    let how_to_read = raw.how_to_read.as_ref().and_then(|link| match SitePath::from_internal_link(link.value.trim()) {
        Some((path, _)) => {
            pending.push(PendingLink {
                file: file.clone(),
                position: at(link),
                path: path.clone(),
                fragment: String::new(),
            });
            Some(path)
        }
        None => {
            check.error(
                at(link),
                "`how_to_read` must be a page on this site",
                "write its site path, e.g. /slik-leser-du-brukerundersokelser/",
            );
            None
        }
    });
    let mut questions: Vec<Question> = Vec::new();
    for q in &raw.questions {
        let Some(qid) = check.slug("questions.id", &q.id) else { continue };
        if questions.iter().any(|known| known.id == qid) {
            check.error(at(&q.id), format!("the question id `{qid}` is used twice"), "give each question its own id");
            continue;
        }
        let question = check.non_empty("questions.question", &q.question);
        let plain_explanation = q.plain_explanation.as_ref().map(|e| check.non_empty("questions.plain_explanation", e));
        questions.push(Question { id: qid, question, plain_explanation });
    }
    if raw.questions.is_empty() {
        check.error(
            at(&raw.headline),
            "the survey lists no `questions`",
            "list the questions with `id` and `question`",
        );
    }
    let headline = questions.iter().position(|q| q.id.as_str() == raw.headline.value);
    if headline.is_none() && !questions.is_empty() {
        let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
        check.error(
            at(&raw.headline),
            format!("`headline` `{}` is not one of the questions", raw.headline.value),
            format!("use one of: {}", ids.join(", ")),
        );
    }
    let providers: BTreeSet<&str> =
        service.map(|s| s.providers.iter().map(|p| p.slug.as_str()).collect()).unwrap_or_default();
    let mut response_rates = BTreeMap::new();
    for (provider, rate) in &raw.response_rates {
        if broken.contains(&raw.service.value, provider) {
            continue;
        }
        if service.is_some() && !providers.contains(provider.as_str()) {
            check.error(
                at(rate),
                format!("`response_rates` names `{provider}`, which is not a provider of `{}`", raw.service.value),
                "use the provider's file name without .yaml",
            );
        } else if !(0.0..=100.0).contains(&rate.value) {
            check.error(
                at(rate),
                format!("the response rate {} is not a percentage", rate.value),
                "write the percentage, 0 to 100",
            );
        } else if let Ok(slug) = Slug::parse(provider) {
            response_rates.insert(slug, rate.value);
        }
    }

    let mut cells = Vec::new();
    if let (Some((csv_file, text)), true) = (&item.results, scale_ok) {
        let csv_path = &csv_file.relative;
        let (rows, problems) = survey_csv::parse(csv_path, text, usize::from(scale.max - scale.min) + 1);
        for p in problems {
            findings.push(p);
        }
        let mut first_line: BTreeMap<(String, String), u32> = BTreeMap::new();
        for row in rows {
            let here = Position::new(row.line, 1);
            let mut error =
                |message: String, help: String| findings.push(Finding::error(csv_path, here, message).with_help(help));
            let provider = if service.is_none() {
                None
            } else if broken.contains(&raw.service.value, &row.provider) {
                // Its profile has the error; the row waits for it.
                continue;
            } else if providers.contains(row.provider.as_str()) {
                Slug::parse(&row.provider).ok()
            } else {
                let close = providers
                    .iter()
                    .map(|p| (strsim::levenshtein(p, &row.provider), *p))
                    .filter(|(d, _)| *d <= 3)
                    .min()
                    .map(|(_, p)| format!("did you mean `{p}`? "))
                    .unwrap_or_default();
                error(
                    format!("`{}` is not a provider of `{}`", row.provider, raw.service.value),
                    format!("{close}use the provider's file name without .yaml"),
                );
                None
            };
            let question = questions.iter().position(|q| q.id.as_str() == row.question);
            if question.is_none() {
                let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
                error(
                    format!("`{}` is not a question of this survey", row.question),
                    format!("use one of the ids in {}: {}", file.display(), ids.join(", ")),
                );
            }
            let key = (row.provider.clone(), row.question.clone());
            if let Some(first) = first_line.get(&key) {
                error(
                    format!(
                        "a second row for `{}` and `{}` (the first is on line {first})",
                        row.provider, row.question
                    ),
                    "keep one row per provider and question".to_string(),
                );
                continue;
            }
            first_line.insert(key, row.line);
            let (respondents, mean, sd) = match row.values {
                RowValues::Mean { respondents, mean } => {
                    if respondents > 0 && !(f64::from(scale.min)..=f64::from(scale.max)).contains(&mean) {
                        error(
                            format!("the mean {mean} is outside the scale {}-{}", scale.min, scale.max),
                            "check the export: a mean must lie between the lowest and highest answer".to_string(),
                        );
                        continue;
                    }
                    (respondents, mean, None)
                }
                RowValues::Counts(counts) => from_counts(&counts, scale),
            };
            if let (Some(provider), Some(question)) = (provider, question) {
                cells.push(RawCell { provider, question, respondents, mean, sd });
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
    Some(Survey::publish(meta, cells, rules))
}
