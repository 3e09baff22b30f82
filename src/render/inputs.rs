//! What each page is made from: one typed value per page (`Input`), built
//! from the site model before any page is filled. The views see only that
//! value, never the model, and a page's key is the hash of that same value,
//! so a page cannot show something its key does not cover: a rebuild that
//! finds a page's key unchanged may keep the last build's file.
//!
//! The parts many pages share are hashed once (`Keyed`): the site-wide part
//! (configuration, UI strings, templates, the menus), each service apart
//! from its providers, its filter values, and each provider as a row of a
//! list shows it. A row is not the provider: it lacks the description and
//! the self-description, which only the provider's own page shows, so
//! editing those re-renders that page alone.

use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;

use super::keyed::{Debugged, Keyed};
use super::kind_inputs::{KindergartenRow, NursingHomeRow};
use crate::domain::{Date, LanguageTag, OrgNumber, Slug, Text, Variant};
use crate::i18n::Translations;
use crate::load::limits::Limits;
use crate::model::filters::{self, Dimension, Filter};
use crate::model::indicators::{Indicator, Value};
use crate::model::inspection::Inspection;
use crate::model::listing::Slice;
use crate::model::pages::{Job, PageKind, is_paged};
use crate::model::routes::Routes;
use crate::model::staff_language::StaffLanguage;
use crate::model::survey::{Figure, Survey};
use crate::model::{
    Admission, Agreement, CapacityStatus, Complaints, Contact, Continuity, District, Extra, Identity, Image, Ownership,
    Page, Provider, School, Service, ServiceKind, Site, SitePath,
};

/// Everything one page is rendered from.
#[derive(Hash)]
pub struct Input<'a> {
    pub site: &'a Keyed<SiteInput<'a>>,
    pub variant: Variant,
    pub path: &'a SitePath,
    pub page: PageInput<'a>,
}

impl Input<'_> {
    /// The page's key: equal keys mean equal bytes.
    pub fn key(&self) -> u64 {
        let mut hash = DefaultHasher::new();
        self.hash(&mut hash);
        hash.finish()
    }
}

#[derive(Hash)]
pub enum PageInput<'a> {
    /// Every service's card, the site's introduction.
    Home {
        services: Vec<&'a Keyed<ServiceInput<'a>>>,
        intro: &'a Text,
    },
    Service(ListInput<'a>),
    Filter(ListInput<'a>, FilterEntry<'a>),
    Compare(ListInput<'a>),
    Brochure(ListInput<'a>),
    Provider {
        service: &'a Keyed<ServiceInput<'a>>,
        provider: &'a Keyed<&'a Provider>,
        /// The service's list runs over several pages, so its side-by-side
        /// pages hold only a page of it each: no shortlist across pages.
        paged: bool,
    },
    /// The service's street index, or one letter of it.
    Streets(super::street_inputs::StreetsInput<'a, ServiceInput<'a>>),
    Content(&'a Page),
    NotFound,
}

/// What every page shows: the header, menus and footer, and the words and
/// templates it is written with.
#[derive(Hash)]
pub struct SiteInput<'a> {
    pub municipality: &'a str,
    pub identity: Debugged<'a, Identity>,
    pub language: crate::load::raw::Language,
    pub base_url: &'a str,
    pub routes: Debugged<'a, Routes>,
    pub contact: &'a Contact,
    pub districts: Debugged<'a, [District]>,
    pub limits: Debugged<'a, Limits>,
    /// The services, as the menu names them.
    pub menu: Vec<MenuEntry<'a>>,
    /// The information pages, as the footer and the home page list them.
    pub pages: Vec<PageHeading<'a>>,
    pub t: Words<'a>,
    /// The fingerprint of the template files.
    pub templates: u64,
}

/// The UI strings and the glossary, by their fingerprint.
pub struct Words<'a>(pub &'a Translations);

impl Hash for Words<'_> {
    fn hash<H: Hasher>(&self, hash: &mut H) {
        self.0.fingerprint().hash(hash);
    }
}

#[derive(Hash)]
pub struct MenuEntry<'a> {
    pub id: &'a Slug,
    pub name: &'a str,
    pub kind: ServiceKind,
}

impl MenuEntry<'_> {
    pub fn path(&self, routes: &Routes) -> SitePath {
        SitePath::service(routes, self.id)
    }
}

/// An information page as lists of pages show it: without its body.
#[derive(Hash)]
pub struct PageHeading<'a> {
    pub slug: &'a Slug,
    pub title: &'a Text,
    pub summary: &'a Text,
    pub lang: Option<&'a LanguageTag>,
}

impl PageHeading<'_> {
    pub fn path(&self) -> SitePath {
        SitePath::page(self.slug)
    }
}

/// A service apart from its providers: what every page of it shows.
#[derive(Hash)]
pub struct ServiceInput<'a> {
    pub id: &'a Slug,
    pub name: &'a str,
    pub kind: ServiceKind,
    pub summary: &'a Text,
    pub description: &'a Text,
    pub scheme: &'a Text,
    pub municipality_role: &'a Text,
    pub access: &'a Text,
    pub payment: &'a Text,
    pub how_to_choose: &'a Text,
    pub how_to_switch: &'a Text,
    pub notice_period: Option<&'a Text>,
    pub deadline: Option<&'a Text>,
    pub admission_round: Option<&'a Text>,
    pub preferences: Option<u32>,
    pub no_choice: &'a Text,
    pub contact: &'a Contact,
    pub complaints: Debugged<'a, Complaints>,
    pub indicators: &'a [Indicator],
    pub provider_count: usize,
    pub default_provider: Option<Named<'a>>,
    /// Providers whose agreement has ended or not begun: named, not listed.
    pub not_offered: Vec<Named<'a>>,
    /// Its surveys, every year of every series.
    pub surveys: Vec<Debugged<'a, Survey>>,
    /// The providers the surveys' verdicts name ("stands out").
    pub named_by_surveys: Vec<Named<'a>>,
    /// The site has a street register: the page offers its index.
    pub streets: bool,
}

impl ServiceInput<'_> {
    pub fn path(&self, routes: &Routes) -> SitePath {
        SitePath::service(routes, self.id)
    }
}

/// A provider by name, as a link to its page.
#[derive(Hash)]
pub struct Named<'a> {
    pub slug: &'a Slug,
    pub service: &'a Slug,
    pub name: &'a str,
    pub agreement: Agreement,
}

impl<'a> Named<'a> {
    fn of(p: &'a Provider) -> Named<'a> {
        Named { slug: &p.slug, service: &p.service, name: &p.name, agreement: p.agreement }
    }

    pub fn path(&self, routes: &Routes) -> SitePath {
        SitePath::provider(routes, self.service, self.slug)
    }
}

/// A service's filter values with how many providers have each: the
/// filter box of its lists.
#[derive(Hash)]
pub struct FilterInput<'a> {
    /// Values some but not all providers have: each a link.
    pub narrowing: Vec<FilterEntry<'a>>,
    /// Values every provider has: said once.
    pub common: Vec<FilterEntry<'a>>,
}

#[derive(Hash, Clone, Copy)]
pub struct FilterEntry<'a> {
    pub dimension: Dimension,
    pub value: &'a str,
    pub count: usize,
}

impl<'a> FilterEntry<'a> {
    fn of(filter: &'a Filter) -> FilterEntry<'a> {
        FilterEntry { dimension: filter.dimension, value: &filter.value, count: filter.providers.len() }
    }

    pub fn path(&self, service: &Slug, routes: &Routes) -> SitePath {
        SitePath::filter(routes, service, self.dimension.segment(routes), self.value)
    }
}

/// One page of a list of providers: the service's list, a filter's list,
/// or the side-by-side comparison.
#[derive(Hash)]
pub struct ListInput<'a> {
    pub service: &'a Keyed<ServiceInput<'a>>,
    pub filters: &'a Keyed<FilterInput<'a>>,
    /// The rows in order, each with whether the page's filter hides it.
    pub rows: Vec<(&'a Keyed<Row<'a>>, bool)>,
    pub slice: &'a Slice,
    /// The service's lists are split into pages, each with its own rows.
    pub paged: bool,
}

/// A provider as a row of a list shows it: everything but its description
/// and self-description, and the filter values the filter script reads.
#[derive(Hash)]
pub struct Row<'a> {
    pub slug: &'a Slug,
    pub service: &'a Slug,
    pub name: &'a str,
    pub org_number: &'a OrgNumber,
    pub ownership: Ownership,
    pub districts: &'a [Slug],
    pub contact: &'a Contact,
    pub languages: &'a [StaffLanguage],
    pub capacity: CapacityStatus,
    pub capacity_as_of: Date,
    pub admission: Option<&'a Admission>,
    pub agreement: Agreement,
    pub extras: &'a [Extra],
    pub continuity: Option<&'a Continuity>,
    pub last_checked: Date,
    pub stale: bool,
    pub image: Option<&'a Image>,
    pub school: Option<SchoolRow<'a>>,
    pub kindergarten: Option<KindergartenRow<'a>>,
    pub nursing_home: Option<NursingHomeRow<'a>>,
    pub inspections: &'a [Inspection],
    pub indicators: &'a [Option<Value>],
    /// Its published figure for each question of the survey the comparison
    /// shows (the first of `latest_surveys`), in the survey's
    /// order; `None` where it was not surveyed. As long as the survey's
    /// questions, which validation bounds (`MAX_SURVEY_QUESTIONS`).
    pub survey: Vec<Option<Debugged<'a, Figure>>>,
    /// Query key → the values it is listed under (`filters::values_of`).
    pub filter: BTreeMap<String, String>,
}

/// A school as its row shows it: whether it wrote a plain self-description,
/// not the text.
#[derive(Hash)]
pub struct SchoolRow<'a> {
    pub grade_from: u8,
    pub grade_to: u8,
    pub pupils: u32,
    pub capacity: u32,
    pub after_school_care: Option<&'a Text>,
    pub focus_areas: &'a [String],
    pub transport: &'a Text,
    pub has_plain_self_description: bool,
}

impl<'a> Row<'a> {
    /// The fields are named one by one, so a field added to `Provider`
    /// does not compile here until it is decided whether rows show it.
    /// `survey`: the survey the service's comparison shows, if any.
    pub fn of(p: &'a Provider, filter: BTreeMap<String, String>, survey: Option<&'a Survey>) -> Row<'a> {
        let Provider {
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
            kindergarten,
            nursing_home,
            inspections,
            indicators,
        } = p;
        Row {
            slug,
            service,
            name,
            org_number,
            ownership: *ownership,
            districts,
            contact,
            languages,
            capacity: *capacity,
            capacity_as_of: *capacity_as_of,
            admission: admission.as_ref(),
            agreement: *agreement,
            extras,
            continuity: continuity.as_ref(),
            last_checked: *last_checked,
            stale: *stale,
            image: image.as_ref(),
            school: school.as_ref().map(SchoolRow::of),
            kindergarten: kindergarten.as_ref().map(KindergartenRow::of),
            nursing_home: nursing_home.as_ref(),
            inspections,
            indicators,
            survey: survey
                .map(|s| s.published.iter().map(|q| q.providers.get(slug).map(Debugged)).collect())
                .unwrap_or_default(),
            filter,
        }
    }

    pub fn path(&self, routes: &Routes) -> SitePath {
        SitePath::provider(routes, self.service, self.slug)
    }
}

impl<'a> SchoolRow<'a> {
    fn of(s: &'a School) -> SchoolRow<'a> {
        let School {
            grade_from,
            grade_to,
            pupils,
            capacity,
            after_school_care,
            focus_areas,
            transport,
            self_description,
        } = s;
        SchoolRow {
            grade_from: *grade_from,
            grade_to: *grade_to,
            pupils: *pupils,
            capacity: *capacity,
            after_school_care: after_school_care.as_ref(),
            focus_areas,
            transport,
            has_plain_self_description: self_description.plain.is_some(),
        }
    }
}

/// The latest survey of each series, in the order of the series' first
/// survey: what a provider page shows; the first is the one lists and the
/// comparison show.
pub fn latest_surveys<'a>(surveys: impl IntoIterator<Item = &'a Survey>) -> Vec<&'a Survey> {
    let mut out: Vec<&Survey> = Vec::new();
    for s in surveys {
        match out.iter_mut().find(|o| o.series == s.series) {
            Some(o) if o.year < s.year => *o = s,
            Some(_) => {}
            None => out.push(s),
        }
    }
    out
}

/// The inputs of every page of one build.
pub struct Inputs<'s> {
    model: &'s Site,
    site: Keyed<SiteInput<'s>>,
    services: Vec<ServiceParts<'s>>,
    /// The street register's letters, each with its streets.
    letters: Vec<(crate::model::streets::Letter, Vec<usize>)>,
}

struct ServiceParts<'s> {
    service: &'s Service,
    meta: Keyed<ServiceInput<'s>>,
    filters: Keyed<FilterInput<'s>>,
    /// In the order of the service's providers.
    rows: Vec<Keyed<Row<'s>>>,
    /// Every provider with a page, whole.
    pages: HashMap<&'s Slug, Keyed<&'s Provider>>,
    /// Its lists are split into pages.
    paged: bool,
}

impl<'s> Inputs<'s> {
    /// `templates`: the fingerprint of the template files.
    pub fn new(site: &'s Site, translations: &'s Translations, templates: u64) -> Inputs<'s> {
        // Every field by name, so a field added to `Site` does not compile
        // here until it is decided which pages show it.
        let Site {
            municipality,
            identity,
            language,
            base_url,
            routes,
            intro: _,
            contact,
            districts,
            services,
            pages,
            // Each service's street index reads them (`street_inputs`).
            streets,
            // Each service's own part holds its surveys; links are only
            // checked, never shown; the list size and the date are already
            // in the pages' slices and the agreements; the profile form
            // (admin/) is no page.
            surveys: _,
            limits,
            page_size: _,
            cms: _,
            today: _,
            links: _,
        } = site;
        let site_input = SiteInput {
            municipality,
            identity: Debugged(identity),
            language: *language,
            base_url,
            routes: Debugged(routes),
            contact,
            districts: Debugged(districts.as_slice()),
            limits: Debugged(limits),
            menu: services.iter().map(|s| MenuEntry { id: &s.id, name: &s.name, kind: s.kind }).collect(),
            pages: pages
                .iter()
                .map(|p| PageHeading { slug: &p.slug, title: &p.title, summary: &p.summary, lang: p.lang.as_ref() })
                .collect(),
            t: Words(translations),
            templates,
        };
        let services = services.iter().map(|s| ServiceParts::new(site, s)).collect();
        let letters = crate::model::streets::by_letter(streets);
        Inputs { model: site, site: Keyed::new(site_input), services, letters }
    }

    pub fn site(&self) -> &Keyed<SiteInput<'s>> {
        &self.site
    }

    /// What `job`'s page is rendered from.
    pub fn input<'a>(&'a self, job: &'a Job<'s>) -> Input<'a> {
        let parts =
            |s: &Service| self.services.iter().find(|p| std::ptr::eq(p.service, s)).expect("a service of this site");
        let page = match &job.kind {
            PageKind::Home => {
                PageInput::Home { services: self.services.iter().map(|s| &s.meta).collect(), intro: &self.model.intro }
            }
            PageKind::Service(s, slice) => PageInput::Service(parts(s).list(None, slice)),
            PageKind::Compare(s, slice) => PageInput::Compare(parts(s).list(None, slice)),
            PageKind::Brochure(s, slice) => PageInput::Brochure(parts(s).list(None, slice)),
            PageKind::Filter(s, filter, slice) => {
                PageInput::Filter(parts(s).list(Some(filter), slice), FilterEntry::of(filter))
            }
            PageKind::Provider(s, p) => {
                let parts = parts(s);
                PageInput::Provider { service: &parts.meta, provider: &parts.pages[&p.slug], paged: parts.paged }
            }
            PageKind::Streets(s, letter) => {
                let parts = parts(s);
                let letter = letter.as_ref();
                PageInput::Streets(super::street_inputs::input(self.model, s, &parts.meta, &self.letters, letter))
            }
            PageKind::Content(page) => PageInput::Content(page),
            PageKind::NotFound => PageInput::NotFound,
        };
        Input { site: &self.site, variant: job.variant, path: &job.path, page }
    }
}

impl<'s> ServiceParts<'s> {
    fn new(site: &'s Site, service: &'s Service) -> ServiceParts<'s> {
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
            admission_round,
            preferences,
            no_choice,
            contact,
            complaints,
            indicators,
            providers,
            not_offered,
            index: _,
        } = service;
        let surveys: Vec<&Survey> = site.surveys.iter().filter(|s| &s.service == id).collect();
        let compared = latest_surveys(surveys.iter().copied()).first().copied();
        let named_by_surveys = surveys
            .iter()
            .flat_map(|s| s.published.iter())
            .filter_map(|p| match &p.comparison {
                crate::model::comparison::Verdict::StandsOut(slugs) => Some(slugs),
                _ => None,
            })
            .flatten()
            .filter_map(|slug| service.every_provider().find(|p| &p.slug == slug))
            .map(Named::of)
            .collect();
        let meta = ServiceInput {
            id,
            name,
            kind: *kind,
            summary,
            description,
            scheme,
            municipality_role,
            access,
            payment,
            how_to_choose,
            how_to_switch,
            notice_period: notice_period.as_ref(),
            deadline: deadline.as_ref(),
            admission_round: admission_round.as_ref(),
            preferences: *preferences,
            no_choice,
            contact,
            complaints: Debugged(complaints),
            indicators,
            provider_count: providers.len(),
            default_provider: service.default_provider().map(Named::of),
            not_offered: not_offered.iter().map(Named::of).collect(),
            surveys: surveys.into_iter().map(Debugged).collect(),
            named_by_surveys,
            streets: !site.streets.is_empty(),
        };
        let all = service.filters();
        let filter_inputs = FilterInput {
            narrowing: all.iter().map(FilterEntry::of).collect(),
            common: service.common_filters().iter().map(FilterEntry::of).collect(),
        };
        let rows = providers
            .par_iter()
            .enumerate()
            .map(|(i, p)| Keyed::new(Row::of(p, filters::values_of(all, i, &site.routes), compared)))
            .collect();
        let pages = service.every_provider().map(|p| (&p.slug, Keyed::new(p))).collect();
        let paged = is_paged(site, service);
        ServiceParts { service, meta: Keyed::new(meta), filters: Keyed::new(filter_inputs), rows, pages, paged }
    }

    /// The rows of one page of a list: of the service, or of `only`'s
    /// providers. On a filter page of a short service every row is there,
    /// those outside the filter hidden, so the script can combine filters.
    fn list<'a>(&'a self, only: Option<&'a Filter>, slice: &'a Slice) -> ListInput<'a> {
        let paged = self.paged;
        let positions: Vec<usize> = match only {
            Some(f) if paged => f.providers[slice.range.clone()].to_vec(),
            _ => slice.range.clone().collect(),
        };
        let rows = positions
            .into_iter()
            .map(|i| {
                let hidden = !paged && only.is_some_and(|f| f.providers.binary_search(&i).is_err());
                (&self.rows[i], hidden)
            })
            .collect();
        ListInput { service: &self.meta, filters: &self.filters, rows, slice, paged }
    }
}
