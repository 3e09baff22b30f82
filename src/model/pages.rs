//! Every page of the site, in every variant, in a fixed order: what the
//! writer renders, and what the link check and the static-file clash check
//! know of the site's addresses.

use crate::domain::Variant;
use crate::model::filters::Filter;
use crate::model::listing::{self, Slice};
use crate::model::streets::{self, Letter};
use crate::model::{Site, SitePath};

/// One page to render: where it goes and what it shows.
#[derive(Clone, Debug)]
pub enum PageKind<'a> {
    Home,
    /// One page of the service's list (the whole list when it fits).
    Service(&'a crate::model::Service, Slice),
    /// One page of a filter's list.
    Filter(&'a crate::model::Service, &'a Filter, Slice),
    /// The same providers as the service page of the same number.
    Compare(&'a crate::model::Service, Slice),
    /// The service made for paper: the providers of the service page of
    /// the same number, between a cover and the rights in brief.
    Brochure(&'a crate::model::Service, Slice),
    Provider(&'a crate::model::Service, &'a crate::model::Provider),
    /// The service's street index: its A–Å overview (`None`) or one letter.
    Streets(&'a crate::model::Service, Option<Letter>),
    Content(&'a crate::model::Page),
    NotFound,
}

pub struct Job<'a> {
    pub variant: Variant,
    pub path: SitePath,
    pub kind: PageKind<'a>,
}

/// Every page of the site in every variant, in a fixed order.
pub fn jobs(site: &Site) -> Vec<Job<'_>> {
    let mut pages = vec![(SitePath::home(), PageKind::Home)];
    let letters: Vec<Letter> = streets::by_letter(&site.streets).into_iter().map(|(letter, _)| letter).collect();
    for service in &site.services {
        let slices = listing::slices(service.providers.len(), site.page_size);
        for slice in &slices {
            pages.push((
                SitePath::paged(&site.routes, &service.path(&site.routes), slice.number),
                PageKind::Service(service, slice.clone()),
            ));
        }
        for slice in &slices {
            let path = SitePath::paged(&site.routes, &SitePath::compare(&site.routes, &service.id), slice.number);
            pages.push((path, PageKind::Compare(service, slice.clone())));
        }
        for slice in slices {
            let path = SitePath::paged(&site.routes, &SitePath::brochure(&site.routes, &service.id), slice.number);
            pages.push((path, PageKind::Brochure(service, slice)));
        }
        for filter in service.filters() {
            // A short service keeps every row on its filter pages (the
            // script combines filters there); a long one lists only the
            // filter's own providers, in pages.
            let slices = if is_paged(site, service) {
                listing::slices(filter.providers.len(), site.page_size)
            } else {
                vec![Slice::whole(service.providers.len())]
            };
            for slice in slices {
                let path = SitePath::paged(&site.routes, &filter.path(&service.id, &site.routes), slice.number);
                pages.push((path, PageKind::Filter(service, filter, slice)));
            }
        }
        for p in service.every_provider() {
            pages.push((p.path(&site.routes), PageKind::Provider(service, p)));
        }
        if !site.streets.is_empty() {
            pages.push((SitePath::streets(&site.routes, &service.id, None), PageKind::Streets(service, None)));
            let letters = if crate::model::streets::on_one_page(&site.streets) { &[][..] } else { &letters[..] };
            for letter in letters {
                let path = SitePath::streets(&site.routes, &service.id, Some(&letter.segment));
                pages.push((path, PageKind::Streets(service, Some(letter.clone()))));
            }
        }
    }
    for page in &site.pages {
        pages.push((page.path(), PageKind::Content(page)));
    }
    pages.push((SitePath::not_found(), PageKind::NotFound));
    Variant::ALL
        .iter()
        .flat_map(|&variant| {
            pages.iter().map(move |(path, kind)| Job { variant, path: path.clone(), kind: kind.clone() })
        })
        .collect()
}

/// Whether the service's lists are split into pages. Its pages then hold
/// only their own rows, so the script must not combine or count them.
pub fn is_paged(site: &Site, service: &crate::model::Service) -> bool {
    service.providers.len() > site.page_size
}
