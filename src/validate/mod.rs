//! Rules over the loaded content. Produces the site model and findings; the
//! build writes nothing when any finding is an error.

mod fields;
pub mod links;
mod pages;
pub mod placeholders;
mod providers;
mod site;
mod surveys;

use crate::diagnostics::Findings;
use crate::domain::Date;
use crate::i18n::Translations;
use crate::load::LoadedSite;
use crate::model::Site;

/// Validates everything loadable and returns the model when the
/// configuration itself is usable (there is nothing to attach providers to
/// otherwise). The model may be incomplete: the caller checks `findings`.
pub fn validate(loaded: LoadedSite, translations: &Translations, today: Date, findings: &mut Findings) -> Option<Site> {
    let (config_file, config) = loaded.config?;
    let (mut site, default_positions) = site::site(&config_file.relative, config, today, findings)?;
    let mut pending_links = Vec::new();
    for provider in providers::providers(loaded.providers, &site, translations, findings, &mut pending_links) {
        if let Some(service) = site.services.iter_mut().find(|s| s.id == provider.service) {
            service.providers.push(provider);
        }
    }
    for service in &mut site.services {
        service.sort_providers(&site.districts);
    }
    site.pages = pages::pages(loaded.pages, findings, &mut pending_links);
    site.surveys = surveys::surveys(loaded.surveys, &site, findings, &mut pending_links);
    site::check_default_providers(&config_file.relative, &site, &default_positions, findings);
    site.links = pending_links;
    Some(site)
}
