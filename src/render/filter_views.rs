//! The filters as pages show them: groups of links to the pre-built filter
//! pages, the values every provider has, and each row's filter values for
//! the script that combines filters.

use serde::Serialize;

use super::context::{VariantContext, capacity_key, ownership_key};
use super::inputs::{FilterEntry, FilterInput, ServiceInput};
use super::layout_view::Place;
use crate::model::filters::{self, Dimension};
use crate::model::{CapacityStatus, Ownership, ServiceKind};

/// The filters of one dimension, as links to their pre-built pages.
#[derive(Serialize)]
pub struct FilterGroup {
    pub label: String,
    /// The query key the filter script uses for this dimension.
    pub key: String,
    pub options: Vec<FilterOption>,
}

#[derive(Serialize)]
pub struct FilterOption {
    pub label: String,
    pub value: String,
    pub href: String,
    pub count: usize,
    pub current: bool,
}

/// A filter value as readers know it, in the words of the service's kind.
pub fn filter_label(cx: &VariantContext, kind: ServiceKind, filter: &FilterEntry) -> String {
    let site = cx.site;
    match filter.dimension {
        Dimension::District => site
            .districts
            .iter()
            .find(|d| d.id.as_str() == filter.value)
            .map_or(filter.value.to_string(), |d| d.name.clone()),
        Dimension::Language => cx.t.language_name(filter.value).unwrap_or(filter.value).to_string(),
        Dimension::Ownership => [Ownership::Municipal, Ownership::Private, Ownership::NonProfit]
            .into_iter()
            .find(|o| filters::ownership_value(*o) == filter.value)
            .map_or(filter.value.to_string(), |o| cx.s_of(kind, ownership_key(o))),
        Dimension::Capacity => [CapacityStatus::Open, CapacityStatus::WaitingList, CapacityStatus::Full]
            .into_iter()
            .find(|c| filters::capacity_value(*c) == filter.value)
            .map_or(filter.value.to_string(), |c| cx.s_of(kind, capacity_key(c))),
    }
}

/// The label of a dimension's group of filters, in the words of the
/// service's kind.
fn dimension_label(cx: &VariantContext, kind: ServiceKind, dimension: Dimension) -> String {
    cx.s_of(
        kind,
        match dimension {
            Dimension::District => "filter_district",
            Dimension::Language => "filter_language",
            Dimension::Ownership => "filter_ownership",
            Dimension::Capacity => "filter_capacity",
        },
    )
}

pub fn filter_groups(
    cx: &VariantContext,
    place: &Place,
    service: &ServiceInput,
    filters: &FilterInput,
) -> Vec<FilterGroup> {
    let all = &filters.narrowing;
    Dimension::ALL
        .iter()
        .map(|&dimension| FilterGroup {
            label: dimension_label(cx, service.kind, dimension),
            key: dimension.segment(&cx.site.routes).to_string(),
            options: all
                .iter()
                .filter(|f| f.dimension == dimension)
                .map(|f| {
                    let path = f.path(service.id, &cx.site.routes);
                    FilterOption {
                        label: filter_label(cx, service.kind, f),
                        value: f.value.to_string(),
                        href: place.linker.page(path.as_str()),
                        count: f.count,
                        current: path == place.path,
                    }
                })
                .collect(),
        })
        .filter(|g| !g.options.is_empty())
        .collect()
}

/// What every provider of the service has, per dimension ("Språk: norsk"):
/// no filter for it, but the reader is told.
#[derive(Serialize)]
pub struct CommonValues {
    pub label: String,
    pub values: String,
}

pub fn common_values(cx: &VariantContext, service: &ServiceInput, filters: &FilterInput) -> Vec<CommonValues> {
    let common = &filters.common;
    Dimension::ALL
        .iter()
        .map(|&dimension| CommonValues {
            label: dimension_label(cx, service.kind, dimension),
            values: common
                .iter()
                .filter(|f| f.dimension == dimension)
                .map(|f| filter_label(cx, service.kind, f))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .filter(|c| !c.values.is_empty())
        .collect()
}
