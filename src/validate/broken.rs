//! Profiles that were there but broke, so whatever names them stays quiet.

use std::collections::BTreeSet;

use crate::domain::Slug;
use crate::model::{Site, SitePath};

/// Profiles that exist as files but had errors. Their own file has the
/// finding; everything that names them (the default provider, survey rows,
/// links) stays quiet, so one broken profile is one error, not a cascade.
pub struct Broken {
    /// (service id, file stem)
    names: BTreeSet<(String, String)>,
    pub(super) paths: BTreeSet<SitePath>,
}

impl Broken {
    pub(super) fn find(files: BTreeSet<(String, String)>, site: &Site) -> Broken {
        // One set of the profiles that were read, not a search of the
        // service's providers for every file (10,000 × 2,500 comparisons).
        let read: BTreeSet<(&str, &str)> = site
            .services
            .iter()
            .flat_map(|s| s.every_provider().map(move |p| (s.id.as_str(), p.slug.as_str())))
            .collect();
        let names: BTreeSet<(String, String)> =
            files.into_iter().filter(|(service, stem)| !read.contains(&(service.as_str(), stem.as_str()))).collect();
        let paths = names
            .iter()
            .filter_map(|(service, stem)| {
                Some(SitePath::provider(&site.routes, &Slug::parse(service).ok()?, &Slug::parse(stem).ok()?))
            })
            .collect();
        Broken { names, paths }
    }

    pub fn contains(&self, service: &str, provider: &str) -> bool {
        self.names.contains(&(service.to_string(), provider.to_string()))
    }
}
