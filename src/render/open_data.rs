//! Open data: every published fact about every provider, as JSON and CSV,
//! so others can reuse what the municipality publishes. Only published
//! facts: nothing here that a reader of the site cannot see.

use std::borrow::Cow;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use super::csv_cells::neutralise;
use crate::carried::Carried;
use crate::domain::Slug;

use crate::model::filters::{capacity_value, ownership_value};
use crate::model::survey::{Basis, Figure, Survey};
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
    /// `active`, `ending`, `ended` or `not-started` on the build date.
    agreement_status: &'static str,
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
    kindergarten_ages: Option<String>,
    kindergarten_places: Option<u32>,
    kindergarten_opening_hours: Option<&'a str>,
    kindergarten_profile: Option<&'a str>,
    /// `None` where the national maximum price applies.
    kindergarten_price_nok: Option<u32>,
    kindergarten_food_money_nok: Option<u32>,
    nursing_home_places: Option<u32>,
    nursing_home_single_rooms: Option<u32>,
    /// "name (kind)" each, kind as in the profile (`dementia`, ...).
    nursing_home_units: Vec<String>,
    /// Newest first; also in data/inspections.csv, not in providers.csv.
    inspections: Vec<super::quality_data::InspectionRecord<'a>>,
    /// Also in data/indicators.csv, not in providers.csv.
    indicators: Vec<super::quality_data::FigureRecord<'a>>,
}

/// The record's fields that are lists of records, published in CSV files
/// of their own rather than as columns of providers.csv.
pub const NOT_IN_PROVIDERS_CSV: [&str; 2] = ["inspections", "indicators"];

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
        url: format!("{}{}", site.base_url, p.path(&site.routes)),
        org_number: p.org_number.to_string().replace(' ', ""),
        ownership: ownership_value(p.ownership),
        districts: p.districts.iter().map(|d| d.as_str()).collect(),
        languages: p.languages.iter().map(|l| l.code.as_str()).collect(),
        capacity: capacity_value(p.capacity),
        capacity_as_of: p.capacity_as_of.to_string(),
        admission: p.admission.as_ref().map(|a| match a.kind {
            crate::model::AdmissionKind::FrameworkAgreement => "framework-agreement",
            crate::model::AdmissionKind::Approval => "approval",
        }),
        admitted_from: p.admission.as_ref().map(|a| a.from.to_string()),
        admitted_until: p.admission.as_ref().and_then(|a| a.until).map(|d| d.to_string()),
        agreement_status: p.agreement.status(),
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
        kindergarten_ages: p.kindergarten.as_ref().map(|k| format!("{}-{}", k.age_from, k.age_to)),
        kindergarten_places: p.kindergarten.as_ref().map(|k| k.places),
        kindergarten_opening_hours: p.kindergarten.as_ref().map(|k| k.opening_hours.as_str()),
        kindergarten_profile: p.kindergarten.as_ref().map(|k| k.profile.standard.as_str()),
        kindergarten_price_nok: p.kindergarten.as_ref().and_then(|k| k.price),
        kindergarten_food_money_nok: p.kindergarten.as_ref().and_then(|k| k.food_money),
        nursing_home_places: p.nursing_home.as_ref().map(|n| n.places),
        nursing_home_single_rooms: p.nursing_home.as_ref().map(|n| n.single_rooms),
        nursing_home_units: p
            .nursing_home
            .as_ref()
            .map(|n| n.units.iter().map(|u| format!("{} ({})", u.name, unit_value(u.kind))).collect())
            .unwrap_or_default(),
        inspections: super::quality_data::inspections(p),
        indicators: super::quality_data::figures(service, p),
    }
}

/// A district and its own office, where it has one (`districts[].contact`).
#[derive(Serialize)]
struct DistrictRecord<'a> {
    id: &'a str,
    name: &'a str,
    office: Option<&'a str>,
    phone: Option<&'a str>,
    email: Option<&'a str>,
    web: Option<&'a str>,
    address: Option<&'a str>,
    opening_hours: Option<&'a str>,
}

fn district_records(site: &Site) -> Vec<DistrictRecord<'_>> {
    site.districts
        .iter()
        .map(|d| {
            let c = d.contact.as_ref();
            DistrictRecord {
                id: d.id.as_str(),
                name: &d.name,
                office: c.and_then(|c| c.name.as_deref()),
                phone: c.map(|c| c.phone.as_str()),
                email: c.and_then(|c| c.email.as_deref()),
                web: c.and_then(|c| c.web.as_deref()),
                address: c.and_then(|c| c.address.as_deref()),
                opening_hours: c.and_then(|c| c.opening_hours.as_deref()),
            }
        })
        .collect()
}

/// One published survey figure; hidden ones carry their status only.
#[derive(Serialize)]
struct SurveyResult<'a> {
    survey: Cow<'a, str>,
    year: u16,
    /// A provider's slug, or `municipality` for the municipality-wide figure.
    provider: Cow<'a, str>,
    question: Cow<'a, str>,
    /// `shown` or `too-few`.
    status: &'static str,
    mean: Option<f64>,
    respondents: Option<u32>,
    uncertain: bool,
    /// «Vet ikke» answers beside a shown figure, when the survey counts them.
    dont_know: Option<u32>,
    /// For the municipality-wide figure: `all-providers`, or
    /// `shown-providers` when hidden figures are left out of it.
    basis: Option<&'static str>,
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
        let basis = match published.basis {
            Basis::Everyone => "all-providers",
            Basis::ShownProviders => "shown-providers",
        };
        let all = std::iter::once(("municipality", &published.municipality, Some(basis)))
            .chain(published.providers.iter().map(|(slug, f)| (slug.as_str(), f, None)));
        for (provider, figure, basis) in all {
            let (status, mean, respondents, uncertain) = match figure {
                Figure::Shown { mean, respondents, uncertain, .. } => {
                    ("shown", Some(*mean), Some(*respondents), *uncertain)
                }
                Figure::TooFew => ("too-few", None, None, false),
            };
            out.push(SurveyResult {
                survey: survey.id.as_str().into(),
                year: survey.year,
                provider: provider.into(),
                question: q.id.as_str().into(),
                status,
                mean,
                respondents,
                uncertain,
                dont_know: figure.dont_know(),
                basis,
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
            questions: s.questions.iter().map(|q| (q.id.as_str(), q.question.as_str())).collect(),
            results: survey_results(s),
        })
        .collect()
}

/// Published survey figures, one row per survey, provider and question.
pub fn survey_results_csv(site: &Site) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv_writer();
    for survey in &site.surveys {
        for mut r in survey_results(survey) {
            // Ids are slugs today; neutralised anyway, as every text cell is.
            for text in [&mut r.survey, &mut r.provider, &mut r.question] {
                *text = neutralise(text).into_owned().into();
            }
            writer.serialize(r)?;
        }
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// `data/providers.json` and `data/providers.csv`, both made from each
/// provider's record, taken from `cache` where the provider and what its
/// record shows of the site did not change since `serve`'s last build.
pub fn provider_files(site: &Site, cache: Option<&RecordCache>) -> Result<(Vec<u8>, Vec<u8>), String> {
    if let Some(cache) = cache {
        cache.0.begin(String::new());
    }
    let mut site_part = DefaultHasher::new();
    (&site.base_url, format!("{:?}", site.routes)).hash(&mut site_part);
    let pairs: Vec<(&Service, &Provider)> =
        site.services.iter().flat_map(|s| s.every_provider().map(move |p| (s, p))).collect();
    let made: Vec<Shared> = pairs
        .par_iter()
        .map(|&(service, p)| {
            let make = || Arc::new(Made::new(&record(site, service, p)));
            let Some(cache) = cache else { return make() };
            let mut key = site_part.clone();
            (&service.id, &service.name, service.default_provider.as_ref() == Some(&p.slug), p).hash(&mut key);
            // The figures are written under their indicators' ids.
            service.indicators.iter().for_each(|i| i.id.hash(&mut key));
            let key = key.finish();
            cache.0.get_or((service.id.clone(), p.slug.clone()), |(k, _)| *k == key, || (key, make())).1
        })
        .collect();
    // The JSON written out field by field in `Dataset`'s order, compact as
    // `serde_json::to_string` writes it (a test holds the two together).
    let text = |value: &str| serde_json::to_string(value).map_err(|e| e.to_string());
    let mut json = format!(
        "{{\"municipality\":{},\"source\":{},\"providers\":[",
        text(&site.municipality)?,
        text(&site.base_url)?
    );
    let mut csv = {
        let mut writer = csv_writer();
        writer.write_record(PROVIDER_COLUMNS.iter().map(|(name, _)| *name)).map_err(|e| e.to_string())?;
        writer.into_inner().map_err(|e| e.to_string())?
    };
    for (i, one) in made.iter().enumerate() {
        let one = one.as_ref().as_ref().map_err(Clone::clone)?;
        if i > 0 {
            json.push(',');
        }
        json.push_str(&one.json);
        csv.extend_from_slice(&one.csv);
    }
    let surveys = serde_json::to_string(&survey_records(site)).map_err(|e| e.to_string())?;
    let districts = serde_json::to_string(&district_records(site)).map_err(|e| e.to_string())?;
    let indicators = serde_json::to_string(&super::quality_data::indicator_records(site)).map_err(|e| e.to_string())?;
    json.push_str(&format!("],\"surveys\":{surveys},\"districts\":{districts},\"indicators\":{indicators}}}\n"));
    Ok((json.into_bytes(), csv))
}

/// Each provider's record as `serve`'s last build wrote it, by service and
/// provider, with a fingerprint of everything it was made from.
#[derive(Default)]
pub struct RecordCache(Carried<(Slug, Slug), (u64, Shared)>);

/// A record made once, shared by the build that made it and the next;
/// an error making it is the same for the same provider, so kept too.
type Shared = Arc<Result<Made, String>>;

/// One provider's record as JSON and as a CSV row.
pub struct Made {
    json: String,
    csv: Vec<u8>,
}

impl Made {
    fn new(record: &Record) -> Result<Made, String> {
        let json = serde_json::to_string(record).map_err(|e| e.to_string())?;
        let mut writer = csv_writer();
        writer
            .write_record(PROVIDER_COLUMNS.iter().map(|(_, cell)| match cell(record) {
                Cell::Text(s) => neutralise(&s).into_owned(),
                Cell::Number(n) => n.map(|n| n.to_string()).unwrap_or_default(),
            }))
            .map_err(|e| e.to_string())?;
        let csv = writer.into_inner().map_err(|e| e.to_string())?;
        Ok(Made { json, csv })
    }
}

/// A CSV cell: free text is neutralised against formula injection when
/// a spreadsheet opens the file; numbers are written as they are, so a
/// number stays a number.
enum Cell {
    Text(String),
    Number(Option<u32>),
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn optional(s: Option<impl Into<String>>) -> Cell {
    Cell::Text(s.map(Into::into).unwrap_or_default())
}

fn list(items: &[&str]) -> Cell {
    Cell::Text(items.join(";"))
}

/// The CSV columns of a provider record: each name beside how its cell is
/// made, so a column cannot drift from its name. Lists are joined with `;`,
/// paid extras written as `name: price unit`.
type Column = (&'static str, fn(&Record) -> Cell);

const PROVIDER_COLUMNS: &[Column] = &[
    ("service", |r| text(r.service)),
    ("service_name", |r| text(r.service_name)),
    ("slug", |r| text(r.slug)),
    ("name", |r| text(r.name)),
    ("url", |r| text(r.url.clone())),
    ("org_number", |r| text(r.org_number.clone())),
    ("ownership", |r| text(r.ownership)),
    ("districts", |r| list(&r.districts)),
    ("languages", |r| list(&r.languages)),
    ("capacity", |r| text(r.capacity)),
    ("capacity_as_of", |r| text(r.capacity_as_of.clone())),
    ("admission", |r| optional(r.admission)),
    ("admitted_from", |r| optional(r.admitted_from.clone())),
    ("admitted_until", |r| optional(r.admitted_until.clone())),
    ("agreement_status", |r| text(r.agreement_status)),
    ("description", |r| text(r.description)),
    ("description_plain", |r| optional(r.description_plain)),
    ("extras", |r| {
        text(r.extras.iter().map(|e| format!("{}: {} {}", e.name, e.price_nok, e.unit)).collect::<Vec<_>>().join(";"))
    }),
    ("staff_per_month", |r| Cell::Number(r.staff_per_month)),
    ("continuity_note", |r| optional(r.continuity_note)),
    ("last_checked", |r| text(r.last_checked.clone())),
    ("stale", |r| text(r.stale.to_string())),
    ("default_provider", |r| text(r.default_provider.to_string())),
    ("phone", |r| text(r.phone)),
    ("email", |r| optional(r.email)),
    ("web", |r| optional(r.web)),
    ("address", |r| optional(r.address)),
    ("school_grades", |r| optional(r.school_grades.clone())),
    ("school_pupils", |r| Cell::Number(r.school_pupils)),
    ("school_capacity", |r| Cell::Number(r.school_capacity)),
    ("school_after_school_care", |r| optional(r.school_after_school_care)),
    ("school_focus_areas", |r| list(&r.school_focus_areas)),
    ("kindergarten_ages", |r| optional(r.kindergarten_ages.clone())),
    ("kindergarten_places", |r| Cell::Number(r.kindergarten_places)),
    ("kindergarten_opening_hours", |r| optional(r.kindergarten_opening_hours)),
    ("kindergarten_profile", |r| optional(r.kindergarten_profile)),
    ("kindergarten_price_nok", |r| Cell::Number(r.kindergarten_price_nok)),
    ("kindergarten_food_money_nok", |r| Cell::Number(r.kindergarten_food_money_nok)),
    ("nursing_home_places", |r| Cell::Number(r.nursing_home_places)),
    ("nursing_home_single_rooms", |r| Cell::Number(r.nursing_home_single_rooms)),
    ("nursing_home_units", |r| text(r.nursing_home_units.join(";"))),
];

/// A unit's kind as written in the profile.
fn unit_value(kind: crate::model::UnitKind) -> &'static str {
    match kind {
        crate::model::UnitKind::Dementia => "dementia",
        crate::model::UnitKind::ShortTerm => "short-term",
        crate::model::UnitKind::Rehabilitation => "rehabilitation",
        crate::model::UnitKind::LongTerm => "long-term",
    }
}

fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().quote_style(csv::QuoteStyle::NonNumeric).from_writer(Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_get_a_leading_quote() {
        for (cell, written) in [
            ("=HYPERLINK(\"https://x.example\")", "'=HYPERLINK(\"https://x.example\")"),
            ("+47 12 34 56 78", "'+47 12 34 56 78"),
            ("-1+1", "'-1+1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Omsorg = omtanke", "Omsorg = omtanke"),
        ] {
            assert_eq!(neutralise(cell), written);
        }
    }
}
