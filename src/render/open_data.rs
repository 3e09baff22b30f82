//! Open data: every published fact about every provider, as JSON and CSV,
//! so others can reuse what the municipality publishes. Only published
//! facts: nothing here that a reader of the site cannot see.

use serde::Serialize;

use crate::model::filters::{capacity_value, ownership_value};
use crate::model::survey::{Figure, Survey};
use crate::model::{Provider, Service, Site};

#[derive(Serialize)]
struct Record<'a> {
    service: &'a str,
    service_name: &'a str,
    slug: &'a str,
    name: &'a str,
    url: String,
    org_number: String,
    ownership: &'static str,
    districts: Vec<&'a str>,
    languages: Vec<&'a str>,
    capacity: &'static str,
    capacity_as_of: String,
    admission: Option<&'static str>,
    admitted_from: Option<String>,
    admitted_until: Option<String>,
    description: &'a str,
    description_plain: Option<&'a str>,
    extras: Vec<ExtraRecord<'a>>,
    staff_per_month: Option<u32>,
    continuity_note: Option<&'a str>,
    last_checked: String,
    stale: bool,
    default_provider: bool,
    phone: &'a str,
    email: Option<&'a str>,
    web: Option<&'a str>,
    address: Option<&'a str>,
    school_grades: Option<String>,
    school_pupils: Option<u32>,
    school_capacity: Option<u32>,
    school_after_school_care: Option<&'a str>,
    school_focus_areas: Vec<&'a str>,
}

#[derive(Serialize)]
struct ExtraRecord<'a> {
    name: &'a str,
    price_nok: u32,
    unit: &'a str,
}

fn record<'a>(site: &Site, service: &'a Service, p: &'a Provider) -> Record<'a> {
    Record {
        service: service.id.as_str(),
        service_name: &service.name,
        slug: p.slug.as_str(),
        name: &p.name,
        url: format!("{}{}", site.base_url, p.path()),
        org_number: p.org_number.to_string().replace(' ', ""),
        ownership: ownership_value(p.ownership),
        districts: p.districts.iter().map(|d| d.as_str()).collect(),
        languages: p.languages.iter().map(String::as_str).collect(),
        capacity: capacity_value(p.capacity),
        capacity_as_of: p.capacity_as_of.to_string(),
        admission: p.admission.as_ref().map(|a| match a.kind {
            crate::model::AdmissionKind::FrameworkAgreement => "framework-agreement",
            crate::model::AdmissionKind::Approval => "approval",
        }),
        admitted_from: p.admission.as_ref().map(|a| a.from.to_string()),
        admitted_until: p.admission.as_ref().and_then(|a| a.until).map(|d| d.to_string()),
        description: &p.description.standard,
        description_plain: p.description.plain.as_deref(),
        extras: p
            .extras
            .iter()
            .map(|e| ExtraRecord { name: &e.name.standard, price_nok: e.price, unit: &e.unit })
            .collect(),
        staff_per_month: p.continuity.as_ref().map(|c| c.staff_per_month),
        continuity_note: p.continuity.as_ref().and_then(|c| c.note.as_ref()).map(|n| n.standard.as_str()),
        last_checked: p.last_checked.to_string(),
        stale: p.stale,
        default_provider: service.default_provider.as_ref() == Some(&p.slug),
        phone: &p.contact.phone,
        email: p.contact.email.as_deref(),
        web: p.contact.web.as_deref(),
        address: p.contact.address.as_deref(),
        school_grades: p.school.as_ref().map(|s| format!("{}-{}", s.grade_from, s.grade_to)),
        school_pupils: p.school.as_ref().map(|s| s.pupils),
        school_capacity: p.school.as_ref().map(|s| s.capacity),
        school_after_school_care: p
            .school
            .as_ref()
            .and_then(|s| s.after_school_care.as_ref())
            .map(|a| a.standard.as_str()),
        school_focus_areas: p
            .school
            .as_ref()
            .map(|s| s.focus_areas.iter().map(String::as_str).collect())
            .unwrap_or_default(),
    }
}

fn records(site: &Site) -> Vec<Record<'_>> {
    site.services.iter().flat_map(|s| s.providers.iter().map(move |p| record(site, s, p))).collect()
}

/// One published survey figure; hidden ones carry their status only.
#[derive(Serialize)]
struct SurveyResult<'a> {
    survey: &'a str,
    year: u16,
    /// A provider's slug, or `municipality` for the municipality-wide figure.
    provider: &'a str,
    question: &'a str,
    /// `shown`, `too-few` or `not-shown`.
    status: &'static str,
    mean: Option<f64>,
    respondents: Option<u32>,
    uncertain: bool,
}

#[derive(Serialize)]
struct SurveyRecord<'a> {
    id: &'a str,
    name: &'a str,
    service: &'a str,
    series: &'a str,
    year: u16,
    period: &'a str,
    source: &'a str,
    source_url: Option<&'a str>,
    scale_min: u8,
    scale_max: u8,
    questions: Vec<(&'a str, &'a str)>,
    results: Vec<SurveyResult<'a>>,
}

fn survey_results(survey: &Survey) -> Vec<SurveyResult<'_>> {
    let mut out = Vec::new();
    for (q, published) in survey.questions.iter().zip(&survey.published) {
        let all = std::iter::once(("municipality", &published.municipality))
            .chain(published.providers.iter().map(|(slug, f)| (slug.as_str(), f)));
        for (provider, figure) in all {
            let (status, mean, respondents, uncertain) = match figure {
                Figure::Shown { mean, respondents, uncertain, .. } => {
                    ("shown", Some(*mean), Some(*respondents), *uncertain)
                }
                Figure::TooFew => ("too-few", None, None, false),
                Figure::Protected => ("not-shown", None, None, false),
            };
            out.push(SurveyResult {
                survey: survey.id.as_str(),
                year: survey.year,
                provider,
                question: q.id.as_str(),
                status,
                mean,
                respondents,
                uncertain,
            });
        }
    }
    out
}

fn survey_records(site: &Site) -> Vec<SurveyRecord<'_>> {
    site.surveys
        .iter()
        .map(|s| SurveyRecord {
            id: s.id.as_str(),
            name: &s.name,
            service: s.service.as_str(),
            series: s.series.as_str(),
            year: s.year,
            period: &s.period,
            source: &s.source,
            source_url: s.source_url.as_deref(),
            scale_min: s.scale.min,
            scale_max: s.scale.max,
            questions: s.questions.iter().map(|q| (q.id.as_str(), q.text.standard.as_str())).collect(),
            results: survey_results(s),
        })
        .collect()
}

/// Published survey figures, one row per survey, provider and question.
pub fn survey_results_csv(site: &Site) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for survey in &site.surveys {
        for r in survey_results(survey) {
            writer.serialize(r)?;
        }
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

pub fn providers_json(site: &Site) -> String {
    #[derive(Serialize)]
    struct Dataset<'a> {
        municipality: &'a str,
        source: String,
        providers: Vec<Record<'a>>,
        surveys: Vec<SurveyRecord<'a>>,
    }
    let data = Dataset {
        municipality: &site.municipality,
        source: site.base_url.clone(),
        providers: records(site),
        surveys: survey_records(site),
    };
    serde_json::to_string_pretty(&data).unwrap_or_default() + "\n"
}

/// One row per provider and service; lists are joined with `;` and paid
/// extras written as `name: price unit`.
pub fn providers_csv(site: &Site) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "service",
        "service_name",
        "slug",
        "name",
        "url",
        "org_number",
        "ownership",
        "districts",
        "languages",
        "capacity",
        "capacity_as_of",
        "admission",
        "admitted_from",
        "admitted_until",
        "description",
        "description_plain",
        "extras",
        "staff_per_month",
        "continuity_note",
        "last_checked",
        "stale",
        "default_provider",
        "phone",
        "email",
        "web",
        "address",
        "school_grades",
        "school_pupils",
        "school_capacity",
        "school_after_school_care",
        "school_focus_areas",
    ])?;
    let opt = |s: Option<String>| s.unwrap_or_default();
    for r in records(site) {
        writer.write_record([
            r.service.to_string(),
            r.service_name.to_string(),
            r.slug.to_string(),
            r.name.to_string(),
            r.url,
            r.org_number,
            r.ownership.to_string(),
            r.districts.join(";"),
            r.languages.join(";"),
            r.capacity.to_string(),
            r.capacity_as_of,
            opt(r.admission.map(String::from)),
            opt(r.admitted_from),
            opt(r.admitted_until),
            r.description.to_string(),
            opt(r.description_plain.map(String::from)),
            r.extras.iter().map(|e| format!("{}: {} {}", e.name, e.price_nok, e.unit)).collect::<Vec<_>>().join(";"),
            opt(r.staff_per_month.map(|n| n.to_string())),
            opt(r.continuity_note.map(String::from)),
            r.last_checked,
            r.stale.to_string(),
            r.default_provider.to_string(),
            r.phone.to_string(),
            opt(r.email.map(String::from)),
            opt(r.web.map(String::from)),
            opt(r.address.map(String::from)),
            opt(r.school_grades),
            opt(r.school_pupils.map(|n| n.to_string())),
            opt(r.school_capacity.map(|n| n.to_string())),
            opt(r.school_after_school_care.map(String::from)),
            r.school_focus_areas.join(";"),
        ])?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}
