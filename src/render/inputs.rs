//! What each page is made from, as fingerprints of the site model taken
//! before any page is filled. A rebuild compares a page's key with the last
//! build's and fills and renders only the pages whose key changed; filling
//! every page's context just to fingerprint it cost as much as rendering it
//! (47,000 contexts at 10,000 providers).
//!
//! A key is sound only if everything the page shows is in it, so the parts
//! follow what the views read:
//! - every page: the site-wide values (configuration, contact, districts,
//!   UI strings, glossary, templates, the menu of services, the titles and
//!   summaries of the information pages), its variant and path;
//! - a page of a service: the service apart from its providers (its texts,
//!   contact, surveys, number of providers, default provider);
//! - a provider's page: that provider;
//! - a list: the providers in it, in order, as rows show them (not their
//!   descriptions), and the service's filters (values and counts, which
//!   every list shows as links);
//! - the home page: every service; an information page: its own body.
//!
//! `tests/incremental.rs` holds an incremental rebuild to a full build's
//! bytes for each kind of edit, which is what catches a part left out here.

use std::collections::HashMap;
use std::fmt::{self, Debug, Write as _};
use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;

use super::{Job, PageKind, Rows};
use crate::domain::Slug;
use crate::i18n::Translations;
use crate::model::{Service, Site};

/// The fingerprints of one build's site model.
pub struct Inputs {
    site: u64,
    services: Vec<ServiceInputs>,
}

struct ServiceInputs {
    /// The service apart from its providers.
    meta: u64,
    /// Its filters' values and counts.
    filters: u64,
    /// Each provider, whole, for its own page.
    pages: HashMap<Slug, u64>,
    /// Each provider as a row of a list shows it (`views::provider_row`).
    rows: Vec<u64>,
}

impl Inputs {
    /// `templates`: the fingerprint of the template files.
    pub fn new(site: &Site, translations: &Translations, templates: u64) -> Inputs {
        let mut hash = DefaultHasher::new();
        templates.hash(&mut hash);
        translations.fingerprint().hash(&mut hash);
        // Every field by name, so a field added to `Site` does not compile
        // here until it is decided which pages show it.
        let Site {
            municipality,
            identity,
            language,
            base_url,
            routes,
            intro,
            contact,
            districts,
            services,
            pages,
            surveys: _,
            limits,
            page_size,
            today,
            links: _,
        } = site;
        debug_into(&mut hash, &(municipality, identity, language, base_url, routes, intro, contact, districts));
        debug_into(&mut hash, &(limits, page_size, today));
        // The menu names every service; the rest of a service, and the
        // surveys, are in its own part (`ServiceInputs`). Links are only
        // checked, never shown.
        for service in services {
            debug_into(&mut hash, &(&service.id, &service.name, service.kind));
        }
        for page in pages {
            // The footer and the home page list every page; only its own
            // page shows the body.
            let has_plain_body = page.body.plain.is_some();
            debug_into(&mut hash, &(&page.slug, &page.title, &page.summary, page.order, &page.lang, has_plain_body));
        }
        let services = site.services.iter().map(|s| ServiceInputs::new(site, s)).collect();
        Inputs { site: hash.finish(), services }
    }

    /// The key of `job`'s page: equal keys mean equal bytes.
    pub fn key(&self, site: &Site, job: &Job) -> u64 {
        let mut hash = DefaultHasher::new();
        // The path tells the kind of page, so also its template.
        (self.site, job.variant, job.path.as_str()).hash(&mut hash);
        let service_of = |s: &Service| {
            let at = site.services.iter().position(|x| std::ptr::eq(x, s)).expect("a service of this site");
            &self.services[at]
        };
        match &job.kind {
            PageKind::Home => {
                for s in &self.services {
                    (s.meta, s.filters).hash(&mut hash);
                }
            }
            PageKind::Content(page) => debug_into(&mut hash, &page.body),
            PageKind::NotFound => {}
            PageKind::Provider(s, p) => {
                let inputs = service_of(s);
                (inputs.meta, inputs.pages.get(&p.slug)).hash(&mut hash);
            }
            PageKind::Service(s, slice) | PageKind::Compare(s, slice) => {
                let inputs = service_of(s);
                (inputs.meta, inputs.filters, &slice.range, slice.number).hash(&mut hash);
                let rows = Rows { only: None, slice, paged: super::is_paged(site, s) };
                for i in rows.positions() {
                    inputs.rows[i].hash(&mut hash);
                }
            }
            PageKind::Filter(s, filter, slice) => {
                let inputs = service_of(s);
                (inputs.meta, inputs.filters, &filter.providers, &slice.range, slice.number).hash(&mut hash);
                let rows = Rows { only: Some(filter), slice, paged: super::is_paged(site, s) };
                for i in rows.positions() {
                    inputs.rows[i].hash(&mut hash);
                }
            }
        }
        hash.finish()
    }
}

impl ServiceInputs {
    fn new(site: &Site, service: &Service) -> ServiceInputs {
        // Every field by name, so a field added to `Service` does not
        // compile here until it is decided which pages show it.
        let Service {
            id,
            name,
            kind,
            summary,
            description,
            scheme,
            municipality_role,
            access,
            payment,
            how_to_choose,
            how_to_switch,
            notice_period,
            deadline,
            default_provider: _,
            no_choice,
            contact,
            complaints,
            indicators,
            providers: _,
            not_offered,
            index: _,
        } = service;
        let mut meta = DefaultHasher::new();
        debug_into(&mut meta, &(id, name, kind, (summary, description, scheme, municipality_role)));
        debug_into(&mut meta, &(access, payment, how_to_choose, how_to_switch, notice_period, no_choice));
        debug_into(&mut meta, &(contact, complaints, service.providers.len(), deadline));
        // Its list names the providers not offered, with their dates.
        for p in not_offered {
            debug_into(&mut meta, &(&p.slug, &p.name, p.agreement));
        }
        // The names, sources and periods head the comparison's columns and
        // label the figures on every page of the service.
        debug_into(&mut meta, indicators);
        // Its pages link to the default provider by name; the providers and
        // their filters (`index`) are keyed below.
        if let Some(default) = service.default_provider() {
            debug_into(&mut meta, &(&default.slug, &default.name));
        }
        for survey in site.surveys.iter().filter(|s| s.service == service.id) {
            debug_into(&mut meta, survey);
        }
        let mut filters = DefaultHasher::new();
        // The filter box also says what every provider has.
        let common = crate::model::filters::common(service);
        for filter in crate::model::filters::filters(service).iter().chain(common) {
            debug_into(&mut filters, &(filter.dimension, &filter.value, filter.providers.len()));
        }
        let (mut pages, rows): (HashMap<Slug, u64>, Vec<u64>) = service
            .providers
            .par_iter()
            .map(|p| {
                let (mut page, mut row) = (DefaultHasher::new(), DefaultHasher::new());
                // Hashed, not written out as `Debug` as the rest is: for
                // 10,000 providers that took a quarter of a second of every
                // rebuild. The model's `Hash` covers every field as well.
                p.hash(&mut page);
                AsRow(p).hash(&mut row);
                ((p.slug.clone(), page.finish()), row.finish())
            })
            .unzip();
        for p in not_offered {
            let mut page = DefaultHasher::new();
            p.hash(&mut page);
            pages.insert(p.slug.clone(), page.finish());
        }
        ServiceInputs { meta: meta.finish(), filters: filters.finish(), pages, rows }
    }
}

/// A provider as far as a list row shows it: everything but the
/// description and the school's self-description (only whether it has a
/// plain version). The fields are named one by one, so a field added to
/// `Provider` does not compile here until it is decided whether rows show it.
struct AsRow<'a>(&'a crate::model::Provider);

impl Hash for AsRow<'_> {
    fn hash<H: Hasher>(&self, hash: &mut H) {
        let crate::model::Provider {
            slug,
            service,
            name,
            org_number,
            ownership,
            districts,
            contact,
            languages,
            capacity,
            capacity_as_of,
            admission,
            agreement,
            description: _,
            extras,
            continuity,
            last_checked,
            stale,
            image,
            school,
            inspections,
            indicators,
        } = self.0;
        (slug, service, name, org_number, ownership, districts, contact, languages).hash(hash);
        // Rows show the latest inspection and every figure; all inspections
        // are hashed, as simpler than deciding what "latest" shows.
        (inspections, indicators).hash(hash);
        (capacity, capacity_as_of, admission, agreement, extras, continuity, last_checked, stale, image).hash(hash);
        school.is_some().hash(hash);
        if let Some(crate::model::School {
            grade_from,
            grade_to,
            pupils,
            capacity,
            after_school_care,
            focus_areas,
            transport,
            self_description,
        }) = school
        {
            let plain_self_description = self_description.plain.is_some();
            (grade_from, grade_to, pupils, capacity, after_school_care, focus_areas).hash(hash);
            (transport, plain_self_description).hash(hash);
        }
    }
}

/// Feeds a value's `Debug` form to `hash`: every field of the model types
/// is in it, so a field added later is covered without a change here.
fn debug_into(hash: &mut DefaultHasher, value: &impl Debug) {
    let _ = write!(HashText(hash), "{value:?}");
}

struct HashText<'a>(&'a mut DefaultHasher);

impl fmt::Write for HashText<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}
