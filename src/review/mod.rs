//! `brukervalg diff`: what a change does to the site a citizen reads. Both
//! sites go through the pipeline `check` runs (every rule, every page
//! rendered, nothing written); the comparison is of what came out: the
//! pages, each provider's facts under the labels its page shows, the
//! survey figures disclosure control lets through, and the findings.

pub mod facts;
pub mod format;
pub mod pages;

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostics::{Finding, Severity};
use crate::domain::Date;
use crate::messages::Lang;
use crate::model::survey::Survey;
use crate::model::{Provider, Site};

/// What changes between two sites, BASE and HEAD.
#[derive(Debug, serde::Serialize)]
pub struct Review {
    pub version: u32,
    /// HEAD passes every rule `build` runs.
    pub head_builds: bool,
    pub head_errors: usize,
    pub head_warnings: usize,
    /// Without it, only the findings are compared.
    pub base_builds: bool,
    pub added: Vec<ProviderRef>,
    pub removed: Vec<ProviderRef>,
    pub changed: Vec<ProviderChange>,
    pub survey_figures: Vec<FigureChange>,
    /// Findings of HEAD that BASE does not have (lines may differ).
    pub new_findings: Vec<NewFinding>,
    pub pages: pages::PageChanges,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ProviderRef {
    pub service: String,
    pub service_name: String,
    pub slug: String,
    pub name: String,
}

#[derive(Debug, serde::Serialize)]
pub struct ProviderChange {
    pub provider: ProviderRef,
    pub fields: Vec<FieldChange>,
}

#[derive(Debug, serde::Serialize)]
pub struct FieldChange {
    /// The UI string key of the label (`fact_capacity`), `_plain` for a
    /// lettlest companion.
    pub field: String,
    pub label: String,
    pub old: String,
    pub new: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Visibility {
    /// Shown in HEAD, not in BASE.
    Shown,
    /// Shown in BASE, hidden in HEAD (too few answers, or none).
    Hidden,
}

#[derive(Debug, serde::Serialize)]
pub struct FigureChange {
    pub survey: String,
    pub year: u16,
    pub question: String,
    pub provider: String,
    pub now: Visibility,
}

#[derive(Debug, serde::Serialize)]
pub struct NewFinding {
    pub severity: Severity,
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub key: &'static str,
    pub message: String,
}

/// One site as `check` sees it, with a fingerprint of every file it writes.
struct Side {
    checked: Option<crate::Checked>,
    findings: Vec<Finding>,
    files: BTreeMap<String, u64>,
}

fn check_side(root: &Path, today: Option<Date>) -> Side {
    let nowhere = pages::Fingerprints::default();
    let (checked, findings, _) = crate::check_into(root, today, &nowhere);
    Side { checked, findings: findings.into_sorted(), files: nowhere.into_map() }
}

/// Compares the site in `base` with the one in `head`, both built as of
/// `today` (the real date when `None`; one date for both, so staleness
/// cannot differ between them). Messages are rendered in `lang`.
pub fn compare(base: &Path, head: &Path, today: Option<Date>, lang: Lang) -> Review {
    let today = Some(today.unwrap_or_else(Date::today));
    let base = check_side(base, today);
    let head = check_side(head, today);
    let errors = head.findings.iter().filter(|f| f.severity == Severity::Error).count();
    let warnings = head.findings.iter().filter(|f| f.severity == Severity::Warning).count();
    let mut review = Review {
        version: 1,
        head_builds: head.checked.is_some() && errors == 0,
        head_errors: errors,
        head_warnings: warnings,
        base_builds: base.checked.is_some(),
        added: Vec::new(),
        removed: Vec::new(),
        changed: Vec::new(),
        survey_figures: Vec::new(),
        new_findings: new_findings(&base.findings, &head.findings, lang),
        pages: pages::PageChanges::default(),
    };
    if let (Some(old), Some(new)) = (&base.checked, &head.checked) {
        providers(old, new, &mut review);
        review.survey_figures = figures(&old.site, &new.site);
        review.pages = pages::compare(&base.files, &head.files);
    }
    review
}

/// By service and slug: the same provider in both sites.
fn every_provider(site: &Site) -> BTreeMap<(&str, &str), (&Provider, &str)> {
    site.services
        .iter()
        .flat_map(|s| s.every_provider().map(move |p| ((s.id.as_str(), p.slug.as_str()), (p, s.name.as_str()))))
        .collect()
}

fn reference(provider: &Provider, service_name: &str) -> ProviderRef {
    ProviderRef {
        service: provider.service.to_string(),
        service_name: service_name.to_string(),
        slug: provider.slug.to_string(),
        name: provider.name.clone(),
    }
}

fn providers(old: &crate::Checked, new: &crate::Checked, review: &mut Review) {
    let (before, after) = (every_provider(&old.site), every_provider(&new.site));
    let (old_words, new_words) = (facts::Words::new(&old.translations), facts::Words::new(&new.translations));
    for (id, (provider, service)) in &after {
        let Some((was, _)) = before.get(id) else {
            review.added.push(reference(provider, service));
            continue;
        };
        let then: BTreeMap<String, facts::Fact> =
            facts::facts(was, &old.site, &old_words).into_iter().map(|f| (f.key.clone(), f)).collect();
        let mut fields = Vec::new();
        for fact in facts::facts(provider, &new.site, &new_words) {
            let old_value = then.get(&fact.key).map(|f| f.value.clone()).unwrap_or_default();
            if old_value != fact.value {
                fields.push(FieldChange { field: fact.key, label: fact.label, old: old_value, new: fact.value });
            }
        }
        // A fact HEAD no longer has (a lettlest text removed) is a change too.
        let now: std::collections::BTreeSet<String> =
            facts::facts(provider, &new.site, &new_words).into_iter().map(|f| f.key).collect();
        for (key, fact) in &then {
            if !now.contains(key) && !fact.value.is_empty() {
                fields.push(FieldChange {
                    field: key.clone(),
                    label: fact.label.clone(),
                    old: fact.value.clone(),
                    new: String::new(),
                });
            }
        }
        if !fields.is_empty() {
            review.changed.push(ProviderChange { provider: reference(provider, service), fields });
        }
    }
    for (id, (provider, service)) in &before {
        if !after.contains_key(id) {
            review.removed.push(reference(provider, service));
        }
    }
}

/// Provider figures shown in one site and not in the other, for the
/// questions both surveys ask.
fn figures(old: &Site, new: &Site) -> Vec<FigureChange> {
    let names = every_provider(new);
    let mut out = Vec::new();
    for survey in &new.surveys {
        let Some(before) = old.surveys.iter().find(|s| s.id == survey.id) else { continue };
        for (question, published) in survey.questions.iter().zip(&survey.published) {
            let Some(q) = before.questions.iter().position(|b| b.id == question.id) else { continue };
            let then = &before.published[q].providers;
            let slugs: std::collections::BTreeSet<_> = then.keys().chain(published.providers.keys()).collect();
            for slug in slugs {
                let shown = |figures: &BTreeMap<_, crate::model::survey::Figure>| {
                    figures.get(slug).and_then(|f| f.shown()).is_some()
                };
                let now = match (shown(then), shown(&published.providers)) {
                    (false, true) => Visibility::Shown,
                    (true, false) => Visibility::Hidden,
                    _ => continue,
                };
                out.push(figure_change(survey, &question.question, slug.as_str(), &names, now));
            }
        }
    }
    out
}

fn figure_change(
    survey: &Survey,
    question: &str,
    slug: &str,
    names: &BTreeMap<(&str, &str), (&Provider, &str)>,
    now: Visibility,
) -> FigureChange {
    let provider = names.get(&(survey.service.as_str(), slug)).map_or(slug.to_string(), |(p, _)| p.name.clone());
    FigureChange { survey: survey.name.clone(), year: survey.year, question: question.to_string(), provider, now }
}

/// HEAD's findings that BASE does not have, matched by file, severity
/// and message, not line: an edit above a finding moves it, and that is
/// not news.
fn new_findings(base: &[Finding], head: &[Finding], lang: Lang) -> Vec<NewFinding> {
    let identity = |f: &Finding| (f.file.clone(), f.severity, f.message.render(Lang::En));
    let mut known: BTreeMap<_, usize> = BTreeMap::new();
    for f in base {
        *known.entry(identity(f)).or_default() += 1;
    }
    let mut out = Vec::new();
    for f in head {
        match known.get_mut(&identity(f)) {
            Some(left) if *left > 0 => *left -= 1,
            _ => out.push(NewFinding {
                severity: f.severity,
                file: f.file.to_string_lossy().replace('\\', "/"),
                line: f.position.line,
                column: f.position.column,
                key: f.message.key(),
                message: f.message.render(lang),
            }),
        }
    }
    out
}
