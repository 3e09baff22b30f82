//! The site configuration: municipality, districts and services.

use std::collections::BTreeSet;
use std::path::Path;

use super::fields::{FileCheck, at};
use super::links::PendingLink;
use super::markdown_fields::{Shape, Source};
use crate::diagnostics::{Finding, Findings, Position};
use crate::domain::{Colour, Date};
use crate::load::raw::Limits;
use crate::load::raw::{RawService, RawSiteConfig, ServiceKind};
use crate::model::{Complaints, District, Identity, Logo, Service, Site};
use crate::msg;

/// The site without providers and pages, and where each service's
/// `default_provider` is written (checked once providers are known).
#[allow(clippy::too_many_arguments)]
pub fn site(
    file: &Path,
    absolute: &Path,
    raw: RawSiteConfig,
    text: &str,
    today: Date,
    routes: crate::model::Routes,
    findings: &mut Findings,
    readability: &mut crate::readability::Samples,
) -> Option<(Site, Vec<Position>, std::collections::BTreeMap<String, Position>)> {
    let mut check = FileCheck::new(file, findings, readability);
    let base_url =
        check.web("base_url", &raw.base_url).map(|url| if url.ends_with('/') { url } else { format!("{url}/") });
    let contact = check.contact(&raw.contact, true, at(&raw.base_url));
    let (limits, problems) = crate::load::raw::Limits::resolve(&raw.limits);
    for p in problems {
        check.error(p.position, p.message, p.help);
    }
    let source = Source::new(text, &limits);
    // Internal links in the texts, checked once the site is rendered.
    let mut links = Vec::new();
    let intro = check.markdown_text("intro", (&raw.intro, &raw.intro_plain), Shape::Block, &source, &mut links);
    let page_size = super::listing::page_size(&mut check, &raw.listing);
    let identity = identity(&mut check, absolute.parent().unwrap_or(Path::new("")), &raw, &limits);

    let mut district_ids = BTreeSet::new();
    let mut districts = Vec::new();
    for d in &raw.districts {
        let Some(id) = check.slug("districts.id", &d.id) else {
            continue;
        };
        if !district_ids.insert(id.clone()) {
            check.error(at(&d.id), msg!("district.id_twice", id = id), msg!("district.id_twice.help"));
            continue;
        }
        // The same rules as a service's contact: it is shown the same way.
        let contact = d.contact.as_ref().map(|c| check.contact(c, true, at(&d.id)));
        districts.push(District { id, name: d.name.trim().to_string(), contact });
    }
    if raw.districts.is_empty() {
        check.error(at(&raw.base_url), msg!("site.no_districts"), msg!("site.no_districts.help"));
    }

    let mut service_ids = BTreeSet::new();
    let mut services = Vec::new();
    let mut default_positions = Vec::new();
    // Where each service's indicators are written, for a missing values file.
    let mut indicator_positions = std::collections::BTreeMap::new();
    for s in &raw.services {
        let Some(service) = service(&mut check, s, &source, &mut links) else {
            continue;
        };
        if !service_ids.insert(service.id.clone()) {
            check.error(at(&s.id), msg!("service.id_twice", id = service.id), msg!("service.id_twice.help"));
            continue;
        }
        default_positions.push(s.default_provider.as_ref().map_or(at(&s.id), at));
        indicator_positions.insert(service.id.to_string(), s.indicators.first().map_or(at(&s.id), |i| at(&i.id)));
        services.push(service);
    }
    if raw.services.is_empty() {
        check.error(at(&raw.base_url), msg!("site.no_services"), msg!("site.no_services.help"));
    }

    let site = Site {
        municipality: raw.municipality.trim().to_string(),
        identity,
        language: raw.language,
        base_url: base_url?,
        routes,
        intro,
        contact,
        districts,
        services,
        pages: Vec::new(),
        streets: Vec::new(),
        surveys: Vec::new(),
        limits,
        page_size,
        cms: raw.cms.as_ref().and_then(|cms| super::cms::cms(&mut check, cms)),
        today,
        links,
    };
    Some((site, default_positions, indicator_positions))
}

/// The logo must exist under static/ (it is published from there), and the
/// brand colour must be dark enough for white text on the header bar and
/// for links on white: both need WCAG AA contrast (4.5:1).
fn identity(check: &mut FileCheck, root: &Path, raw: &RawSiteConfig, limits: &Limits) -> Identity {
    let logo = raw.logo.as_ref().and_then(|logo| {
        let path = logo.value.trim().trim_start_matches("static/");
        let relative = Path::new(path);
        let inside = relative.components().all(|c| matches!(c, std::path::Component::Normal(_)));
        let extension = relative.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        if !inside || path.is_empty() {
            check.error(at(logo), msg!("logo.outside", path = path), msg!("logo.outside.help"));
            None
        } else if !matches!(extension.as_deref(), Some("svg" | "png")) {
            check.error(at(logo), msg!("logo.format", path = path), msg!("logo.format.help"));
            None
        } else if !root.join("static").join(relative).is_file() {
            check.error(at(logo), msg!("logo.missing", path = path), msg!("logo.missing.help"));
            None
        } else {
            let size = logo_size(root, relative, limits);
            if size.is_none() {
                check.warning(at(logo), msg!("logo.size_unknown", path = path), msg!("logo.size_unknown.help"));
            }
            Some(Logo { path: path.replace('\\', "/"), size })
        }
    });
    let brand_colour = raw.brand_colour.as_ref().and_then(|raw_colour| match Colour::parse(&raw_colour.value) {
        Err(_) => {
            check.error(
                at(raw_colour),
                msg!("colour.invalid", value = raw_colour.value.trim()),
                msg!("colour.invalid.help"),
            );
            None
        }
        Ok(colour) => {
            let ratio = colour.contrast(Colour::WHITE);
            if ratio < MIN_CONTRAST {
                check.error(
                    at(raw_colour),
                    msg!("colour.contrast", colour = colour, ratio = format!("{ratio:.1}")),
                    msg!("colour.contrast.help", min = MIN_CONTRAST),
                );
                None
            } else {
                Some(colour)
            }
        }
    });
    Identity { logo, brand_colour }
}

/// The size the logo's file declares. A file the safe reader refuses has
/// no size here; copying static/ reports it.
fn logo_size(root: &Path, relative: &Path, limits: &Limits) -> Option<crate::domain::PictureSize> {
    let file = crate::load::files::source(root, &root.join("static").join(relative));
    let bytes = crate::load::files::read_bytes(root, &file, limits.file_max_bytes).ok()?;
    crate::domain::PictureSize::of(&bytes)
}

/// WCAG 2.1 AA for normal text.
const MIN_CONTRAST: f64 = 4.5;

/// More choices than a family could weigh is a typo.
const MAX_PREFERENCES: u64 = 10;

/// A service; its texts are Markdown (`markdown_fields`).
fn service(check: &mut FileCheck, s: &RawService, source: &Source, links: &mut Vec<PendingLink>) -> Option<Service> {
    let id = check.slug("services.id", &s.id);
    let mut text =
        |field: &str, standard, plain, shape| check.markdown_text(field, (standard, plain), shape, source, links);
    let summary = text("summary", &s.summary, &s.summary_plain, Shape::Inline);
    let description = text("description", &s.description, &s.description_plain, Shape::Block);
    let scheme = text("scheme", &s.scheme, &s.scheme_plain, Shape::Block);
    let municipality_role = text("municipality_role", &s.municipality_role, &s.municipality_role_plain, Shape::Block);
    let access = text("access", &s.access, &s.access_plain, Shape::Block);
    let payment = text("payment", &s.payment, &s.payment_plain, Shape::Block);
    let how_to_choose = text("how_to_choose", &s.how_to_choose, &s.how_to_choose_plain, Shape::Block);
    let how_to_switch = text("how_to_switch", &s.how_to_switch, &s.how_to_switch_plain, Shape::Block);
    let no_choice = text("no_choice", &s.no_choice, &s.no_choice_plain, Shape::Block);
    let how = text("complaints.how", &s.complaints.how, &s.complaints.how_plain, Shape::Block);
    let complaints = Complaints {
        body: s.complaints.body.trim().to_string(),
        how,
        web: s.complaints.web.as_ref().and_then(|w| check.web("complaints.web", w)),
    };
    let contact = check.contact(&s.contact, true, at(&s.id));
    // Only home care gives a provider to those who do not choose, and
    // only it speaks of a notice period: schools, kindergartens and nursing
    // homes give places by application.
    let by_application = s.kind != ServiceKind::HomeCare;
    let default_provider = match &s.default_provider {
        Some(d) => Some(check.slug("default_provider", d)?),
        None if by_application => None,
        None => {
            check.error(at(&s.id), msg!("service.no_default_provider"), msg!("service.no_default_provider.help"));
            None
        }
    };
    let notice_period = match &s.notice_period {
        Some(n) => {
            Some(check.short_markdown_text("notice_period", (n, &s.notice_period_plain), Shape::Inline, source, links))
        }
        None if by_application => None,
        None => {
            check.error(at(&s.id), msg!("service.no_notice_period"), msg!("service.no_notice_period.help"));
            None
        }
    };
    let deadline = s
        .deadline
        .as_ref()
        .map(|d| check.short_markdown_text("deadline", (d, &s.deadline_plain), Shape::Inline, source, links));
    if let (None, Some(plain)) = (&s.deadline, &s.deadline_plain) {
        check.error(at(plain), msg!("service.deadline_plain_alone"), msg!("service.deadline_plain_alone.help"));
    }
    let admission_round = s.admission_round.as_ref().map(|a| {
        check.short_markdown_text("admission_round", (a, &s.admission_round_plain), Shape::Inline, source, links)
    });
    if let Some(p) = &s.preferences {
        check.in_range("preferences", u64::from(p.value), at(p), 1..=MAX_PREFERENCES, msg!("service.preferences.help"));
    }
    for (field, position) in
        [("admission_round", s.admission_round.as_ref().map(at)), ("preferences", s.preferences.as_ref().map(at))]
    {
        if let Some(position) = position.filter(|_| s.kind != ServiceKind::Kindergarten) {
            check.warning(
                position,
                msg!("service.kindergarten_only", field = field),
                msg!("service.kindergarten_only.help"),
            );
        }
    }
    let indicators = super::indicators::definitions(check, s);
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
        notice_period,
        deadline,
        default_provider,
        admission_round,
        preferences: s.preferences.as_ref().map(|p| p.value.min(MAX_PREFERENCES as u32)),
        no_choice,
        contact,
        complaints,
        indicators,
        providers: Vec::new(),
        not_offered: Vec::new(),
        index: Default::default(),
    })
}

/// Every service needs a default provider among its own providers: citizens
/// who do not choose must still get the service.
pub fn check_default_providers(
    file: &Path,
    site: &Site,
    positions: &[Position],
    broken: &super::broken::Broken,
    findings: &mut Findings,
) {
    for (service, &position) in site.services.iter().zip(positions) {
        let Some(default) = &service.default_provider else {
            continue;
        };
        // Citizens who do not choose get the default, so it must be one
        // they can get today.
        if let Some(p) = service.not_offered.iter().find(|p| &p.slug == default) {
            let message = match p.agreement {
                crate::model::Agreement::NotStarted(from) => {
                    msg!("service.default_provider_not_started", provider = default, date = from)
                }
                _ => msg!(
                    "service.default_provider_ended",
                    provider = default,
                    date = p.admission.as_ref().and_then(|a| a.until).map(|d| d.to_string()).unwrap_or_default()
                ),
            };
            findings.push(
                Finding::error(file, position, message)
                    .with_help(msg!("service.default_provider_ended.help", service = service.id)),
            );
            continue;
        }
        if service.default_provider().is_none() && !broken.contains(service.id.as_str(), default.as_str()) {
            let known: Vec<&str> = service.providers.iter().map(|p| p.slug.as_str()).collect();
            findings.push(
                Finding::error(
                    file,
                    position,
                    msg!("service.default_provider_unknown", provider = default, service = service.id),
                )
                .with_help(if known.is_empty() {
                    msg!("service.default_provider_unknown.help_add", service = service.id, provider = default)
                } else {
                    msg!("service.default_provider_unknown.help_choose", choices = known.join(", "))
                }),
            );
        }
    }
}
