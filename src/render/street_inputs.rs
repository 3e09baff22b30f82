//! What a page of a service's street index is made from: the letters, and
//! for a letter's page its streets, each with where it leads in this
//! service. Where a street leads is decided here, from the service's
//! filters and schools, so the page's key covers it. The service's own part
//! (`S`, `inputs::ServiceInput`) is passed in, so this module need not
//! know the page inputs it is one of.

use super::keyed::Keyed;
use crate::model::filters::Dimension;
use crate::model::streets::{Letter, Numbers, Street};
use crate::model::{ServiceKind, Site};

#[derive(Hash)]
pub struct StreetsInput<'a, S> {
    pub service: &'a Keyed<S>,
    /// Every letter of the index, for its navigation.
    pub letters: Vec<&'a Letter>,
    /// The letter this page lists; `None` on the overview.
    pub letter: Option<&'a Letter>,
    /// Whether the overview lists the whole register (`streets::on_one_page`),
    /// so its letters lead to its own sections.
    pub one_page: bool,
    /// The letters this page lists, each with its streets A–Å: the
    /// letter of a letter's page, every letter on a one-page overview.
    pub sections: Vec<(&'a Letter, Vec<StreetEntry<'a>>)>,
    /// On the overview, for the search: where each district leads (id,
    /// name), and, for a school service, its schools.
    pub districts: Vec<(&'a str, &'a str, Destination<'a>)>,
    pub schools: Vec<School<'a>>,
}

/// A school a street leads to, as a link to its page.
#[derive(Hash)]
pub struct School<'a> {
    pub slug: &'a crate::domain::Slug,
    pub service: &'a crate::domain::Slug,
    pub name: &'a str,
}

impl<'a> School<'a> {
    fn of(p: &'a crate::model::Provider) -> School<'a> {
        School { slug: &p.slug, service: &p.service, name: &p.name }
    }

    pub fn path(&self, routes: &crate::model::Routes) -> crate::model::SitePath {
        crate::model::SitePath::provider(routes, self.service, self.slug)
    }
}

#[derive(Hash)]
pub struct StreetEntry<'a> {
    pub name: &'a str,
    pub numbers: Numbers,
    pub district: &'a str,
    pub to: Destination<'a>,
}

/// Where a street leads in one service.
#[derive(Hash)]
pub enum Destination<'a> {
    /// The district's filter page: some of the providers serve it.
    Filter(&'a str),
    /// Every provider serves the district: the service's whole list.
    Everyone,
    /// No provider names the district.
    NoOne,
    /// The street's catchment schools in this service.
    Schools(Vec<School<'a>>),
}

/// The input of the index page of `service` (`letter` `None`) or of one letter's page.
pub fn input<'a, S>(
    site: &'a Site,
    service: &'a crate::model::Service,
    meta: &'a Keyed<S>,
    letters: &'a [(Letter, Vec<usize>)],
    letter: Option<&'a Letter>,
) -> StreetsInput<'a, S> {
    let one_page = crate::model::streets::on_one_page(&site.streets);
    let overview = letter.is_none();
    let sections = letters
        .iter()
        .filter(|(l, _)| letter == Some(l) || (overview && one_page))
        .map(|(l, positions)| (l, positions.iter().map(|&i| entry(site, service, &site.streets[i])).collect()))
        .collect();
    let districts = if overview {
        site.districts.iter().map(|d| (d.id.as_str(), d.name.as_str(), district(service, d.id.as_str()))).collect()
    } else {
        Vec::new()
    };
    let schools = if overview && service.kind == ServiceKind::School {
        service.every_provider().map(School::of).collect()
    } else {
        Vec::new()
    };
    StreetsInput {
        service: meta,
        letters: letters.iter().map(|(l, _)| l).collect(),
        letter,
        one_page,
        sections,
        districts,
        schools,
    }
}

/// Where a district leads in `service`: its filter page, the whole list,
/// or nowhere.
fn district<'a>(service: &'a crate::model::Service, id: &str) -> Destination<'a> {
    let is_district = |f: &&crate::model::filters::Filter| f.dimension == Dimension::District && f.value == id;
    if let Some(f) = service.filters().iter().find(is_district) {
        Destination::Filter(&f.value)
    } else if service.common_filters().iter().any(|f| is_district(&f)) {
        Destination::Everyone
    } else {
        Destination::NoOne
    }
}

fn entry<'a>(site: &'a Site, service: &'a crate::model::Service, street: &'a Street) -> StreetEntry<'a> {
    let name = site.districts.iter().find(|d| d.id == street.district).map_or("", |d| d.name.as_str());
    let schools: Vec<School<'a>> = if service.kind == ServiceKind::School {
        street
            .schools
            .iter()
            .filter(|(s, _)| *s == service.id)
            .filter_map(|(_, slug)| service.every_provider().find(|p| &p.slug == slug))
            .map(School::of)
            .collect()
    } else {
        Vec::new()
    };
    let to =
        if schools.is_empty() { district(service, street.district.as_str()) } else { Destination::Schools(schools) };
    StreetEntry { name: &street.name, numbers: street.numbers, district: name, to }
}
