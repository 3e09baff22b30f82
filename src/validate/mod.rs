//! Rules over the loaded content. Produces the site model and findings; the
//! build writes nothing when any finding is an error.

mod agreement;
mod broken;
pub mod cache;
mod checks;
mod cms;
pub mod fields;
mod indicators;
mod inspections;
mod kinds;
pub mod language_forms;
pub mod links;
mod listing;
mod lookalikes;
mod markdown_fields;
mod markdown_hazards;
mod pages;
mod providers;
mod self_description;
mod site;
mod static_files;
mod streets;
mod suggest;
mod surveys;

use crate::diagnostics::Findings;
use crate::domain::Date;
use crate::i18n::Translations;
use crate::load::LoadedSite;
use crate::model::Site;
use crate::readability::Samples;
pub use broken::Broken;
pub use checks::Checks;

/// Validates everything loadable and returns the model when the
/// configuration itself is usable (there is nothing to attach providers to
/// otherwise). The model may be incomplete: the caller checks `findings`.
/// Every prose text is measured into `readability` on the way.
pub fn validate(
    loaded: LoadedSite,
    translations: &Translations,
    today: Date,
    findings: &mut Findings,
    readability: &mut Samples,
    cache: Option<&cache::ValidatedCache>,
) -> Option<Site> {
    language_forms::check(&loaded, findings);
    let (config_file, config) = loaded.config?;
    let (mut site, default_positions, indicator_positions) = site::site(
        &config_file.relative,
        &config_file.absolute,
        config,
        &loaded.config_text,
        today,
        translations.routes.clone(),
        findings,
        readability,
    )?;
    // The service texts' links, then those of profiles and pages.
    let mut pending_links = std::mem::take(&mut site.links);
    let checks = &mut Checks { findings, readability, pending: &mut pending_links };
    for provider in providers::providers(loaded.providers, (&site, translations), cache, checks) {
        if let Some(service) = site.services.iter_mut().find(|s| s.id == provider.service) {
            if provider.agreement.is_offered() {
                service.providers.push(provider);
            } else {
                service.not_offered.push(provider);
            }
        }
    }
    for service in &mut site.services {
        service.sort_providers(&site.districts);
    }
    let broken = Broken::find(loaded.profile_files, &site);
    indicators::values(loaded.indicators, &mut site, &config_file.relative, &indicator_positions, &broken, checks);
    site.streets = streets::streets(loaded.streets, &site, checks.findings);
    site.pages = pages::pages(loaded.pages, &site.limits, &site.routes, checks);
    site.surveys = surveys::surveys(loaded.surveys, &site, &broken, checks);
    site::check_default_providers(&config_file.relative, &site, &default_positions, &broken, findings);
    static_files::check(&loaded.static_files, &site, findings);
    pending_links.retain(|link| !broken.paths.contains(&link.path));
    site.links = pending_links;
    Some(site)
}
