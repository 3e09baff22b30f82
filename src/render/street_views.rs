//! The street index of a service as its pages show it: the letters A–Å,
//! and on a letter's page each street with the link to where it leads.

use serde::Serialize;

use super::inputs::ServiceInput;
use super::street_inputs::{Destination, StreetEntry, StreetsInput};
use super::views::{Layout, Link, Place, VariantContext};
use crate::model::SitePath;
use crate::model::streets::{Numbers, Side};

#[derive(Serialize)]
pub struct StreetsView {
    pub heading: String,
    pub letters: Vec<Link>,
    /// The letter this page lists; empty on the overview.
    pub letter: String,
    /// Each letter's streets: one on a letter's page, all on a one-page
    /// overview, none on a long register's overview.
    pub sections: Vec<SectionView>,
    /// On the overview: what the street search needs (`search_data`).
    pub search: Option<String>,
    /// The register's open data, which the search reads.
    pub data_href: String,
}

#[derive(Serialize)]
pub struct SectionView {
    pub label: String,
    /// The heading's id on a one-page overview, where the letters link.
    pub id: String,
    pub streets: Vec<StreetView>,
}

#[derive(Serialize)]
pub struct StreetView {
    pub name: String,
    /// "nr. 1–19, oddetall"; empty for the whole street.
    pub numbers: String,
    pub district: String,
    /// The district's list, or the catchment schools.
    pub links: Vec<Link>,
    /// What the district's link leads to, when not only its name.
    pub note: String,
}

/// The view of the page, with its frame.
pub fn view(cx: &VariantContext, place: &Place, input: &StreetsInput<ServiceInput>) -> (StreetsView, Layout) {
    let service = &**input.service;
    let routes = &cx.site.routes;
    let find = cx.s_of(service.kind, "streets_find");
    let heading = match input.letter {
        Some(l) => cx.s_of(service.kind, "streets_letter_heading").replace("{letter}", &l.label),
        None => find.clone(),
    };
    let letters = input
        .letters
        .iter()
        .map(|l| Link {
            label: l.label.clone(),
            href: if input.one_page {
                format!("#{}", section_id(l))
            } else {
                place.linker.page(SitePath::streets(routes, service.id, Some(&l.segment)).as_str())
            },
            current: input.letter == Some(*l),
        })
        .collect();
    let sections = input
        .sections
        .iter()
        .map(|(l, entries)| SectionView {
            label: l.label.clone(),
            id: section_id(l),
            streets: entries.iter().map(|e| street(cx, place, service, e)).collect(),
        })
        .collect();
    let index = SitePath::streets(routes, service.id, None);

    let mut crumbs = vec![super::views::home_crumb(cx, place), super::views::service_crumb(cx, place, service)];
    if input.letter.is_some() {
        crumbs.push(Link { label: find.clone(), href: place.linker.page(index.as_str()), current: false });
    }
    let title = format!("{heading} – {}", service.name);
    let description = cx.s_of(service.kind, "streets_intro");
    let layout = super::views::layout(cx, place, title, description, crumbs);
    let view = StreetsView {
        heading,
        letters,
        letter: input.letter.map(|l| l.label.clone()).unwrap_or_default(),
        sections,
        search: input.letter.is_none().then(|| search_data(cx, place, input)),
        data_href: place.linker.site(crate::model::written::STREETS_JSON),
    };
    (view, layout)
}

/// A letter's heading id: its address segment, which is ASCII ("aa" for Å).
fn section_id(letter: &crate::model::streets::Letter) -> String {
    format!("bokstav-{}", letter.segment)
}

/// Where each district and school leads in this service, and the words
/// the search writes, as JSON for `data-street-search` (brukervalg.js).
fn search_data(cx: &VariantContext, place: &Place, input: &StreetsInput<ServiceInput>) -> String {
    let service = &**input.service;
    let routes = &cx.site.routes;
    let link = |label: &str, path: &SitePath, note: String| serde_json::json!({ "label": label, "href": place.linker.page(path.as_str()), "note": note });
    let mut districts = serde_json::Map::new();
    for (id, name, to) in &input.districts {
        let value = match to {
            Destination::Filter(value) => {
                link(name, &SitePath::filter(routes, service.id, &routes.district, value), String::new())
            }
            Destination::Everyone => link(name, &service.path(routes), cx.s_of(service.kind, "streets_everyone")),
            Destination::NoOne | Destination::Schools(_) => {
                serde_json::json!({ "label": name, "note": cx.s_of(service.kind, "streets_no_one") })
            }
        };
        districts.insert(id.to_string(), value);
    }
    let schools: serde_json::Map<String, serde_json::Value> =
        input.schools.iter().map(|s| (s.slug.to_string(), link(s.name, &s.path(routes), String::new()))).collect();
    serde_json::json!({
        "districts": districts,
        "schools": schools,
        "numbers": cx.s("streets_numbers"),
        "odd": cx.s("streets_numbers_odd"),
        "even": cx.s("streets_numbers_even"),
        "none": cx.s("streets_search_none"),
    })
    .to_string()
}

fn street(cx: &VariantContext, place: &Place, service: &ServiceInput, e: &StreetEntry) -> StreetView {
    let routes = &cx.site.routes;
    let district_link = |href: &SitePath| Link {
        label: e.district.to_string(),
        href: place.linker.page(href.as_str()),
        current: false,
    };
    let (links, note) = match &e.to {
        Destination::Schools(schools) => (
            schools
                .iter()
                .map(|s| Link {
                    label: s.name.to_string(),
                    href: place.linker.page(s.path(routes).as_str()),
                    current: false,
                })
                .collect(),
            String::new(),
        ),
        Destination::Filter(value) => {
            let path = SitePath::filter(routes, service.id, &routes.district, value);
            (vec![district_link(&path)], String::new())
        }
        Destination::Everyone => {
            (vec![district_link(&service.path(routes))], cx.s_of(service.kind, "streets_everyone"))
        }
        Destination::NoOne => (Vec::new(), cx.s_of(service.kind, "streets_no_one")),
    };
    StreetView {
        name: e.name.to_string(),
        numbers: numbers(cx, e.numbers),
        district: e.district.to_string(),
        links,
        note,
    }
}

fn numbers(cx: &VariantContext, numbers: Numbers) -> String {
    let Numbers::Range { from, to, side } = numbers else { return String::new() };
    let key = match side {
        Side::Both => "streets_numbers",
        Side::Odd => "streets_numbers_odd",
        Side::Even => "streets_numbers_even",
    };
    let range = if from == to { from.to_string() } else { format!("{from}–{to}") };
    cx.s(key).replace("{numbers}", &range)
}
