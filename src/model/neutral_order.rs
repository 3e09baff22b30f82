//! The neutral order of a service's providers, and the lookups every page
//! of the service needs, made once that order is set.

use rayon::slice::ParallelSliceMut;

use super::filters::{Dimension, Filter, Filters, capacity_value, ownership_value};
use super::site::{District, Provider, Service, ServiceIndex};
use super::{collate, staff_language};
use crate::domain::Slug;
use crate::load::raw::{CapacityStatus, Ownership};

impl Service {
    /// Puts the providers in neutral order and indexes them; call once all
    /// are added.
    pub fn sort_providers(&mut self, districts: &[District]) {
        // In parallel: the collation keys of 2,500 names take a while.
        self.providers.par_sort_by_cached_key(|p| collate::sort_key(&p.name));
        self.not_offered.par_sort_by_cached_key(|p| collate::sort_key(&p.name));
        let default = self.default_provider.as_ref();
        self.index = ServiceIndex {
            default: default.and_then(|slug| self.providers.iter().position(|p| &p.slug == slug)),
            filters: index(districts, self),
        };
    }

    /// Every filter that narrows its list, as indexed once its providers
    /// were in order.
    pub fn filters(&self) -> &[Filter] {
        &self.index.filters.narrowing
    }

    /// The values every provider has, in the same order.
    pub fn common_filters(&self) -> &[Filter] {
        &self.index.filters.common
    }
}

/// Every filter of `service` with at least one provider, in a stable order:
/// districts as configured, languages by name, then ownership and capacity
/// in their natural order. Each is one pass over the providers.
fn index(districts: &[District], service: &Service) -> Filters {
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
    let languages =
        staff_language::reading_order(service.providers.iter().flat_map(|p| p.languages.iter().cloned()).collect());
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
