//! Open data of inspections and quality indicators: inside each provider's
//! JSON record, and as CSV files of their own (one row per inspection, and
//! per provider and indicator), since neither fits one cell of
//! providers.csv. Only what the pages show.

use serde::Serialize;

use super::csv_cells::neutralise;
use crate::model::indicators::Indicator;
use crate::model::{Provider, Service, Site};

/// One inspection, in a provider's JSON record and in inspections.csv.
#[derive(Serialize)]
pub struct InspectionRecord<'a> {
    pub date: String,
    pub by: &'a str,
    pub summary: &'a str,
    pub summary_plain: Option<&'a str>,
    /// `open` or `closed`.
    pub follow_up: &'static str,
    pub report: Option<&'a str>,
    /// Older than the site's staleness limit (shown as an old inspection).
    pub old: bool,
}

/// A provider's figure for one indicator; `null` where none is given.
#[derive(Serialize)]
pub struct FigureRecord<'a> {
    pub indicator: &'a str,
    pub value: Option<f64>,
}

/// An indicator's definition, in the JSON's `indicators`.
#[derive(Serialize)]
pub struct IndicatorRecord<'a> {
    pub service: &'a str,
    pub id: &'a str,
    pub name: &'a str,
    pub name_plain: Option<&'a str>,
    /// `percent` or `number`.
    pub unit: crate::model::indicators::IndicatorUnit,
    pub source: &'a str,
    pub period: &'a str,
}

pub fn inspections(p: &Provider) -> Vec<InspectionRecord<'_>> {
    p.inspections
        .iter()
        .map(|i| InspectionRecord {
            date: i.date.to_string(),
            by: &i.by,
            summary: &i.summary.standard,
            summary_plain: i.summary.plain.as_deref(),
            follow_up: i.follow_up.as_str(),
            report: i.report.as_deref(),
            old: i.old,
        })
        .collect()
}

pub fn figures<'a>(service: &'a Service, p: &'a Provider) -> Vec<FigureRecord<'a>> {
    service
        .indicators
        .iter()
        .enumerate()
        .map(|(at, i)| FigureRecord {
            indicator: i.id.as_str(),
            value: p.indicators.get(at).copied().flatten().map(|v| v.0),
        })
        .collect()
}

pub fn indicator_records(site: &Site) -> Vec<IndicatorRecord<'_>> {
    site.services.iter().flat_map(|s| s.indicators.iter().map(move |i| record(s, i))).collect()
}

fn record<'a>(service: &'a Service, i: &'a Indicator) -> IndicatorRecord<'a> {
    IndicatorRecord {
        service: service.id.as_str(),
        id: i.id.as_str(),
        name: &i.name.standard,
        name_plain: i.name.plain.as_deref(),
        unit: i.unit,
        source: &i.source,
        period: &i.period,
    }
}

/// `data/inspections.csv`: one row per inspection, newest first per provider.
pub fn inspections_csv(site: &Site) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv_writer();
    writer.write_record([
        "service",
        "provider",
        "date",
        "by",
        "summary",
        "summary_plain",
        "follow_up",
        "report",
        "old",
    ])?;
    for service in &site.services {
        for p in service.every_provider() {
            for i in inspections(p) {
                let cells = [
                    service.id.as_str(),
                    p.slug.as_str(),
                    &i.date,
                    i.by,
                    i.summary,
                    i.summary_plain.unwrap_or(""),
                    i.follow_up,
                    i.report.unwrap_or(""),
                    if i.old { "true" } else { "false" },
                ];
                writer.write_record(cells.iter().map(|c| neutralise(c).into_owned()))?;
            }
        }
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// `data/indicators.csv`: one row per provider and indicator of its
/// service, with the indicator's definition; `value` empty where none is given.
pub fn indicators_csv(site: &Site) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv_writer();
    writer.write_record(["service", "provider", "indicator", "name", "unit", "source", "period", "value"])?;
    for service in &site.services {
        for p in service.every_provider() {
            for (i, figure) in service.indicators.iter().zip(figures(service, p)) {
                let unit = match i.unit {
                    crate::model::indicators::IndicatorUnit::Percent => "percent",
                    crate::model::indicators::IndicatorUnit::Number => "number",
                };
                let mut cells: Vec<String> =
                    [service.id.as_str(), p.slug.as_str(), i.id.as_str(), &i.name.standard, unit, &i.source, &i.period]
                        .iter()
                        .map(|c| neutralise(c).into_owned())
                        .collect();
                // A number, written as one (never prefixed): negative
                // figures stay numbers.
                cells.push(figure.value.map(|v| v.to_string()).unwrap_or_default());
                writer.write_record(&cells)?;
            }
        }
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().quote_style(csv::QuoteStyle::NonNumeric).from_writer(Vec::new())
}
