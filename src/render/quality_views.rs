//! What templates see of a provider's quality: its inspections (tilsyn)
//! and its service's quality indicators. Figures are shown as they are,
//! never ranked or coloured; an open follow-up is said in words.

use serde::Serialize;

use super::views::VariantContext;
use crate::domain::Variant;
use crate::i18n::Translations;
use crate::model::indicators::{self, Indicator};
use crate::model::inspection::{FollowUp, Inspection};
use crate::model::{Provider, Service, Site};

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
pub fn row(cx: &VariantContext, service: &Service, p: &Provider) -> QualityView {
    QualityView {
        inspections: Vec::new(),
        latest: p.inspections.first().map(|i| inspection(cx, i)),
        figures: service.indicators.iter().enumerate().map(|(at, i)| figure(cx, i, p.indicators.get(at))).collect(),
    }
}

/// Every inspection, for the provider's own page.
pub fn inspections(cx: &VariantContext, p: &Provider) -> Vec<InspectionView> {
    p.inspections.iter().map(|i| inspection(cx, i)).collect()
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
pub fn heads(cx: &VariantContext, service: &Service) -> Vec<IndicatorHead> {
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
pub fn indicator_class(service: &Service, plain: bool) -> String {
    if service.indicators.is_empty() {
        return String::new();
    }
    format!("q-{}{}", service.id, if plain { "-plain" } else { "" })
}

/// The indicator columns' card labels, as the kinds' labels are made
/// (`views::card_labels_css`): a custom property per column (`--q1` for the
/// first indicator) by service and wording, and the rules that show them
/// once the table has become cards. Indicators differ from service to
/// service, so they are labelled by a class of the service's own.
pub fn indicator_labels_css(site: &Site, t: &Translations) -> String {
    let mut out = String::new();
    let mut most = 0;
    for variant in [Variant::Standard, Variant::Plain] {
        for service in site.services.iter().filter(|s| !s.indicators.is_empty()) {
            let labels: Vec<String> = service
                .indicators
                .iter()
                .enumerate()
                .map(|(i, indicator)| {
                    format!("--q{}:{}", i + 1, super::views::css_string(indicator.name.for_variant(variant)))
                })
                .collect();
            most = most.max(labels.len());
            let _ = t;
            out.push_str(&format!(".{}{{{}}}\n", indicator_class(service, variant.is_plain()), labels.join(";")));
        }
    }
    if most > 0 {
        // The same queries as the cards of style.css: every table, and
        // large print with these columns sooner.
        for (width, table) in [("44em", ".providers-table"), ("64em", ".large-print .providers-table[class*=\" q-\"]")]
        {
            out.push_str(&format!("@container (max-width: {width}){{"));
            for i in 1..=most {
                out.push_str(&format!("{table} td.q{i}::before{{content:var(--q{i}) \": \"}}"));
            }
            out.push_str("}\n");
        }
        // The label is shown, not read: a screen reader names the cell by
        // its column header already. Only where the browser knows the
        // alternative-text syntax, as with var() it would drop the label.
        out.push_str("@supports (content: \"\" / \"\"){");
        for (width, table) in [("44em", ".providers-table"), ("64em", ".large-print .providers-table[class*=\" q-\"]")]
        {
            out.push_str(&format!("@container (max-width: {width}){{"));
            for i in 1..=most {
                out.push_str(&format!("{table} td.q{i}::before{{content:var(--q{i}) \": \" / \"\"}}"));
            }
            out.push('}');
        }
        out.push_str("}\n");
    }
    out
}
