//! What templates see of a provider's quality: its inspections (tilsyn)
//! and its service's quality indicators. Figures are shown as they are,
//! never ranked or coloured; an open follow-up is said in words.

use serde::Serialize;

use super::context::VariantContext;
use super::inputs::{Row, ServiceInput};
use crate::model::indicators::{self, Indicator};
use crate::model::inspection::{FollowUp, Inspection};

#[derive(Serialize)]
pub struct InspectionView {
    pub date: String,
    pub by: String,
    pub summary: String,
    /// Findings are still being followed up.
    pub open: bool,
    /// The follow-up in words ("Oppfølging pågår").
    pub follow_up: String,
    pub report: Option<String>,
    /// Older than the site's staleness limit: dated, and said to be old.
    pub old: bool,
}

/// One indicator's figure for one provider, with what it is and where it
/// is from.
#[derive(Serialize)]
pub struct FigureView {
    pub name: String,
    /// The figure as Norwegian writes it, or the "not stated" wording.
    pub value: String,
    pub given: bool,
    pub source: String,
    pub period: String,
}

/// A provider's quality as a row or its page shows it.
#[derive(Serialize, Default)]
pub struct QualityView {
    /// Newest first; empty in list rows, which show only `latest`.
    pub inspections: Vec<InspectionView>,
    pub latest: Option<InspectionView>,
    /// One per indicator of the service, in its order.
    pub figures: Vec<FigureView>,
}

/// An indicator as the head of a comparison's column or row.
#[derive(Serialize)]
pub struct IndicatorHead {
    pub name: String,
    pub source: String,
    pub period: String,
}

pub fn inspection(cx: &VariantContext, i: &Inspection) -> InspectionView {
    let open = i.follow_up == FollowUp::Open;
    InspectionView {
        date: cx.date(i.date),
        by: i.by.clone(),
        summary: cx.text(&i.summary).to_string(),
        open,
        follow_up: cx.s(if open { "inspection_open" } else { "inspection_closed" }),
        report: i.report.clone(),
        old: i.old,
    }
}

/// The latest inspection and every figure: what a row of a list shows.
pub fn row(cx: &VariantContext, service: &ServiceInput, p: &Row) -> QualityView {
    QualityView {
        inspections: Vec::new(),
        latest: p.inspections.first().map(|i| inspection(cx, i)),
        figures: service.indicators.iter().enumerate().map(|(at, i)| figure(cx, i, p.indicators.get(at))).collect(),
    }
}

/// Every inspection, for the provider's own page.
pub fn inspections(cx: &VariantContext, all: &[Inspection]) -> Vec<InspectionView> {
    all.iter().map(|i| inspection(cx, i)).collect()
}

fn figure(cx: &VariantContext, indicator: &Indicator, value: Option<&Option<indicators::Value>>) -> FigureView {
    let value = value.copied().flatten();
    FigureView {
        name: cx.text(&indicator.name).to_string(),
        value: value.map_or_else(|| cx.s("not_stated"), |v| indicators::format(v, indicator.unit, indicator.decimals)),
        given: value.is_some(),
        source: indicator.source.clone(),
        period: indicator.period.clone(),
    }
}

/// The service's indicators, for the heads of a comparison.
pub fn heads(cx: &VariantContext, service: &ServiceInput) -> Vec<IndicatorHead> {
    service
        .indicators
        .iter()
        .map(|i| IndicatorHead {
            name: cx.text(&i.name).to_string(),
            source: i.source.clone(),
            period: i.period.clone(),
        })
        .collect()
}

/// The class that gives a comparison table the labels of its service's
/// indicator columns on narrow screens (`indicator_labels_css`); none when
/// the service has no indicators.
pub fn indicator_class(service: &crate::domain::Slug, indicators: &[Indicator], plain: bool) -> String {
    if indicators.is_empty() {
        return String::new();
    }
    format!("q-{}{}", service, if plain { "-plain" } else { "" })
}
