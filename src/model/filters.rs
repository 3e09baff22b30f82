//! The pre-built filtered lists of a service's providers: one page per
//! district, language, ownership and capacity status that some but not all
//! of its providers have, so filtering works with JavaScript off. A value
//! every provider has would filter nothing: it gets no page and no link,
//! only a mention that it holds for all.

use super::{CapacityStatus, District, Ownership, Provider, Routes, Service, SitePath};
use crate::domain::Slug;

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
    pub fn path(&self, service: &Service, routes: &Routes) -> SitePath {
        SitePath::filter(routes, &service.id, self.dimension.segment(routes), &self.value)
    }

    /// The providers that have this value, in the service's order.
    pub fn in_service<'a>(&self, service: &'a Service) -> impl Iterator<Item = &'a Provider> {
        self.providers.iter().map(|&i| &service.providers[i])
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

/// Every filter of `service` that narrows its list, as indexed once when
/// the service was validated.
pub fn filters(service: &Service) -> &[Filter] {
    &service.index.filters.narrowing
}

/// The values every provider of `service` has, in the same order.
pub fn common(service: &Service) -> &[Filter] {
    &service.index.filters.common
}

/// Every filter of `service` with at least one provider, in a stable order:
/// districts as configured, languages by name, then ownership and capacity
/// in their natural order. Each is one pass over the providers.
pub fn index(districts: &[District], service: &Service) -> Filters {
    let mut out = Filters::default();
    let all = service.providers.len();
    let mut push = |dimension, value: String, keep: &dyn Fn(&Provider) -> bool| {
        let providers: Vec<usize> =
            service.providers.iter().enumerate().filter(|(_, p)| keep(p)).map(|(i, _)| i).collect();
        let filter = Filter { dimension, value, providers };
        match filter.providers.len() {
            0 => {}
            n if n == all => out.common.push(filter),
            _ => out.narrowing.push(filter),
        }
    };
    for d in districts {
        push(Dimension::District, d.id.to_string(), &|p| p.districts.contains(&d.id));
    }
    // By the name readers see, not the code (engelsk, finsk, persisk).
    let languages = super::staff_language::reading_order(
        service.providers.iter().flat_map(|p| p.languages.iter().cloned()).collect(),
    );
    // Codes come from the translation file; only address-safe ones get a page.
    for language in languages.into_iter().filter(|l| Slug::parse(&l.code).is_ok()) {
        push(Dimension::Language, language.code.clone(), &|p| p.languages.contains(&language));
    }
    for o in [Ownership::Municipal, Ownership::Private, Ownership::NonProfit] {
        push(Dimension::Ownership, ownership_value(o).to_string(), &|p| p.ownership == o);
    }
    for c in [CapacityStatus::Open, CapacityStatus::WaitingList, CapacityStatus::Full] {
        push(Dimension::Capacity, capacity_value(c).to_string(), &|p| p.capacity == c);
    }
    out
}
