//! The site configuration: municipality, districts and services.

use std::collections::BTreeSet;
use std::path::Path;

use super::fields::{FileCheck, at};
use crate::diagnostics::{Finding, Findings, Position};
use crate::domain::Date;
use crate::load::raw::{RawService, RawSiteConfig, ServiceKind};
use crate::model::{Complaints, District, Service, Site};

/// The site without providers and pages, and where each service's
/// `default_provider` is written (checked once providers are known).
pub fn site(file: &Path, raw: RawSiteConfig, today: Date, findings: &mut Findings) -> Option<(Site, Vec<Position>)> {
    let mut check = FileCheck::new(file, findings);
    let base_url =
        check.web("base_url", &raw.base_url).map(|url| if url.ends_with('/') { url } else { format!("{url}/") });
    let intro = check.text("intro", &raw.intro, &raw.intro_plain);
    let contact = check.contact(&raw.contact, true, at(&raw.base_url));

    let mut district_ids = BTreeSet::new();
    let mut districts = Vec::new();
    for d in &raw.districts {
        let Some(id) = check.slug("districts.id", &d.id) else {
            continue;
        };
        if !district_ids.insert(id.clone()) {
            check.error(at(&d.id), format!("the district id `{id}` is used twice"), "give each district its own id");
            continue;
        }
        districts.push(District { id, name: d.name.trim().to_string() });
    }
    if raw.districts.is_empty() {
        check.error(
            at(&raw.base_url),
            "no `districts` are listed",
            "list the districts providers may serve, each with `id` and `name`",
        );
    }

    let mut service_ids = BTreeSet::new();
    let mut services = Vec::new();
    let mut default_positions = Vec::new();
    for s in &raw.services {
        let Some(service) = service(&mut check, s) else {
            continue;
        };
        if !service_ids.insert(service.id.clone()) {
            check.error(
                at(&s.id),
                format!("the service id `{}` is used twice", service.id),
                "give each service its own id",
            );
            continue;
        }
        default_positions.push(s.default_provider.as_ref().map_or(at(&s.id), at));
        services.push(service);
    }
    if raw.services.is_empty() {
        check.error(at(&raw.base_url), "no `services` are listed", "describe at least one service in the scheme");
    }

    let site = Site {
        municipality: raw.municipality.trim().to_string(),
        language: raw.language,
        base_url: base_url?,
        intro,
        contact,
        districts,
        services,
        pages: Vec::new(),
        surveys: Vec::new(),
        limits: raw.limits,
        today,
        links: Vec::new(),
    };
    Some((site, default_positions))
}

fn service(check: &mut FileCheck, s: &RawService) -> Option<Service> {
    let id = check.slug("services.id", &s.id);
    let mut text = |field: &str, standard, plain| check.text(field, standard, plain);
    let summary = text("summary", &s.summary, &s.summary_plain);
    let description = text("description", &s.description, &s.description_plain);
    let scheme = text("scheme", &s.scheme, &s.scheme_plain);
    let municipality_role = text("municipality_role", &s.municipality_role, &s.municipality_role_plain);
    let access = text("access", &s.access, &s.access_plain);
    let payment = text("payment", &s.payment, &s.payment_plain);
    let how_to_choose = text("how_to_choose", &s.how_to_choose, &s.how_to_choose_plain);
    let how_to_switch = text("how_to_switch", &s.how_to_switch, &s.how_to_switch_plain);
    let no_choice = text("no_choice", &s.no_choice, &s.no_choice_plain);
    let complaints = Complaints {
        body: s.complaints.body.trim().to_string(),
        how: check.text("complaints.how", &s.complaints.how, &s.complaints.how_plain),
        web: s.complaints.web.as_ref().and_then(|w| check.web("complaints.web", w)),
    };
    let contact = check.contact(&s.contact, true, at(&s.id));
    let default_provider = match &s.default_provider {
        Some(d) => Some(check.slug("default_provider", d)?),
        None if s.kind == ServiceKind::School => None,
        None => {
            check.error(
                at(&s.id),
                "the service has no `default_provider`",
                "name the provider citizens get when they do not choose, by its file name without .yaml",
            );
            None
        }
    };
    Some(Service {
        id: id?,
        name: s.name.trim().to_string(),
        kind: s.kind,
        summary,
        description,
        scheme,
        municipality_role,
        access,
        payment,
        how_to_choose,
        how_to_switch,
        notice_period: check.short_text("notice_period", &s.notice_period, &s.notice_period_plain),
        default_provider,
        no_choice,
        contact,
        complaints,
        providers: Vec::new(),
        index: Default::default(),
    })
}

/// Every service needs a default provider among its own providers: citizens
/// who do not choose must still get the service.
pub fn check_default_providers(file: &Path, site: &Site, positions: &[Position], findings: &mut Findings) {
    for (service, &position) in site.services.iter().zip(positions) {
        let Some(default) = &service.default_provider else {
            continue;
        };
        if service.default_provider().is_none() {
            let known: Vec<&str> = service.providers.iter().map(|p| p.slug.as_str()).collect();
            findings.push(
                Finding::error(
                    file,
                    position,
                    format!(
                        "`default_provider` `{}` of service `{}` is not a provider of that service",
                        default, service.id
                    ),
                )
                .with_help(if known.is_empty() {
                    format!("add its profile as providers/{}/{default}.yaml", service.id)
                } else {
                    format!("use the file name (without .yaml) of one of: {}", known.join(", "))
                }),
            );
        }
    }
}
