//! The pre-built filtered lists of a service's providers: one page per
//! district, language, ownership and capacity status that some but not all
//! of its providers have, so filtering works with JavaScript off. A value
//! every provider has would filter nothing: it gets no page and no link,
//! only a mention that it holds for all.

use super::routes::{Routes, SitePath};
use crate::domain::Slug;
use crate::load::raw::{CapacityStatus, Ownership};

/// One dimension a reader can filter by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dimension {
    District,
    Language,
    Ownership,
    Capacity,
}

impl Dimension {
    pub const ALL: [Dimension; 4] =
        [Dimension::District, Dimension::Language, Dimension::Ownership, Dimension::Capacity];

    /// The path segment, in the site's language like the rest of the
    /// addresses; the filter script uses the same word as its query key.
    pub fn segment(self, routes: &Routes) -> &Slug {
        match self {
            Dimension::District => &routes.district,
            Dimension::Language => &routes.language,
            Dimension::Ownership => &routes.ownership,
            Dimension::Capacity => &routes.capacity,
        }
    }
}

/// A value to filter by, and the providers that have it.
#[derive(Clone, Debug)]
pub struct Filter {
    pub dimension: Dimension,
    /// The value as it appears in the address (`nordre-asen`, `pl`, `privat`).
    pub value: String,
    /// Positions in the service's providers, in its neutral order.
    pub providers: Vec<usize>,
}

impl Filter {
    /// The filter's page in the service `service` (its id).
    pub fn path(&self, service: &Slug, routes: &Routes) -> SitePath {
        SitePath::filter(routes, service, self.dimension.segment(routes), &self.value)
    }
}

/// The values of the pre-built filter pages that list the provider at
/// `index` in its service's list, by query key, for the script that
/// combines filters: it counts with these, so it cannot disagree with
/// those pages.
pub fn values_of(all: &[Filter], index: usize, routes: &Routes) -> std::collections::BTreeMap<String, String> {
    let mut out: std::collections::BTreeMap<String, String> =
        Dimension::ALL.iter().map(|d| (d.segment(routes).to_string(), String::new())).collect();
    for f in all.iter().filter(|f| f.providers.binary_search(&index).is_ok()) {
        let values = out.entry(f.dimension.segment(routes).to_string()).or_default();
        if !values.is_empty() {
            values.push(' ');
        }
        values.push_str(&f.value);
    }
    out
}

pub fn ownership_value(o: Ownership) -> &'static str {
    match o {
        Ownership::Municipal => "kommunal",
        Ownership::Private => "privat",
        Ownership::NonProfit => "ideell",
    }
}

pub fn capacity_value(c: CapacityStatus) -> &'static str {
    match c {
        CapacityStatus::Open => "ledig",
        CapacityStatus::WaitingList => "venteliste",
        CapacityStatus::Full => "full",
    }
}

/// A service's filter values, split by whether choosing them narrows the list.
#[derive(Clone, Debug, Default)]
pub struct Filters {
    /// Values some but not all providers have: each gets its pages.
    pub narrowing: Vec<Filter>,
    /// Values every provider has: said once, never a page.
    pub common: Vec<Filter>,
}
