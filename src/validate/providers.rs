//! Provider profiles and school self-descriptions.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::cache::{Validated, ValidatedCache};
use super::checks::Checks;
use super::fields::{FileCheck, at, slug_help};
use super::suggest::{self, Candidate};
use crate::diagnostics::{Finding, Findings, Position};
use crate::domain::{Date, OrgNumber, Slug, Text};
use crate::i18n::Translations;
use crate::load::raw::{Ownership, RawDistricts, RawProvider, RawSchool, ServiceKind};
use crate::load::{LoadedProvider, files};
use crate::model::{Admission, Continuity, Extra, Image, Provider, School, Site, SitePath, StaffLanguage};
use crate::msg;
use crate::readability::Samples;

const IMAGE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp"];
/// Domain ranges: beyond them a number is a typo (or an attack on the
/// arithmetic that sums and compares them).
const MAX_PRICE: u64 = 1_000_000;
const MAX_STAFF_PER_MONTH: u64 = 200;
/// Norway's largest schools have under 1,500 pupils.
const MAX_PUPILS: u64 = 10_000;

pub fn providers(
    loaded: Vec<std::sync::Arc<LoadedProvider>>,
    (site, translations): (&Site, &Translations),
    cache: Option<&ValidatedCache>,
    checks: &mut Checks,
) -> Vec<Provider> {
    // Each profile is validated on its own, in parallel (10,000 profiles
    // took a second one by one); what each found is then taken in the
    // order of the files, as if validated one by one.
    if let Some(cache) = cache {
        cache.begin(site, translations);
    }
    let validate = |item| Validated::new(item, site, translations);
    let validated: Vec<Validated> = loaded
        .par_iter()
        .map(|item| match cache {
            Some(cache) => cache.validate(item, || validate(item)),
            None => validate(item),
        })
        .collect();
    let mut out = Vec::new();
    // (service, org number) → first file, to catch a provider listed twice.
    let mut seen: BTreeMap<(Slug, OrgNumber), std::path::PathBuf> = BTreeMap::new();
    let mut lookalikes = super::lookalikes::Lookalikes::default();
    for (item, own) in loaded.iter().zip(validated) {
        for finding in own.findings {
            checks.findings.push(finding);
        }
        checks.readability.append(own.samples);
        checks.pending.extend(own.pending);
        let Some(provider) = own.provider else { continue };
        let file = item.source.relative.clone();
        if let Some(first) = seen.get(&(provider.service.clone(), provider.org_number)) {
            checks.findings.push(
                Finding::error(
                    &file,
                    at(&item.profile.org_number),
                    msg!("org_number.twice", number = provider.org_number, first = first.display()),
                )
                .with_help(msg!("org_number.twice.help")),
            );
            continue;
        }
        seen.insert((provider.service.clone(), provider.org_number), file);
        if !lookalikes.admit(&provider, item, checks.findings) {
            continue;
        }
        out.push(provider);
    }
    out
}

impl Validated {
    fn new(item: &LoadedProvider, site: &Site, translations: &Translations) -> Validated {
        let (mut findings, mut samples, mut pending) = (Findings::default(), Samples::default(), Vec::new());
        let checks = &mut Checks { findings: &mut findings, readability: &mut samples, pending: &mut pending };
        let provider = match site.services.iter().find(|s| s.id.as_str() == item.service_dir) {
            Some(service) => {
                let profile = Profile { item, service: service.id.clone(), kind: service.kind, site, translations };
                profile.validate(checks)
            }
            None => {
                let known: Vec<&str> = site.services.iter().map(|s| s.id.as_str()).collect();
                checks.findings.push(
                    Finding::error(
                        &item.source.relative,
                        Position::WHOLE_FILE,
                        msg!("provider.service_unknown", service = item.service_dir),
                    )
                    .with_help(msg!("provider.service_unknown.help", choices = known.join(", "))),
                );
                None
            }
        };
        Validated { provider, findings: findings.into_sorted(), samples, pending }
    }
}

/// One profile being validated, with what its rules need to know.
struct Profile<'a> {
    item: &'a LoadedProvider,
    service: Slug,
    kind: ServiceKind,
    site: &'a Site,
    translations: &'a Translations,
}

impl Profile<'_> {
    /// The provider, when every rule that makes it publishable passed;
    /// every problem found on the way is a finding.
    fn validate(&self, checks: &mut Checks) -> Option<Provider> {
        let file = &self.item.source.relative;
        let raw: &RawProvider = &self.item.profile;
        let slug = self.slug(checks)?;
        let mut check = FileCheck::new(file, checks.findings, checks.readability);
        let name = check.name("name", &raw.name);
        let org_number = check.org_number(&raw.org_number);
        let districts = self.districts(&mut check);
        let contact = check.contact(&raw.contact, false, at(&raw.name));
        let languages = self.languages(&mut check);
        let capacity_as_of = check.past_date("capacity.as_of", &raw.capacity.as_of, self.site.today);
        let admission = admission(&mut check, raw);
        let agreement =
            super::agreement::agreement(&mut check, raw, admission.as_ref(), &self.site.limits, self.site.today);
        let description = self.description(&mut check);
        let extras = extras(&mut check, raw);
        let continuity = continuity(&mut check, raw);
        let (last_checked, stale) = self.last_checked(&mut check);
        let image = self.image(&mut check, slug.as_ref());
        let old_before = self.site.today.months_before(self.site.limits.stale_after_months);
        let inspections = super::inspections::inspections(&mut check, &raw.inspections, self.site.today, old_before);
        let kindergarten = super::kinds::kindergarten(self.item, self.kind, self.site, &mut check, checks.pending);
        let nursing_home = super::kinds::nursing_home(raw, self.kind, &mut check);
        let school = self.school(check, checks.pending);
        Some(Provider {
            slug: slug?,
            service: self.service.clone(),
            name,
            org_number: org_number?,
            ownership: raw.ownership,
            districts,
            contact,
            languages,
            capacity: raw.capacity.status,
            capacity_as_of: capacity_as_of?,
            admission,
            agreement,
            description,
            extras,
            continuity,
            last_checked: last_checked?,
            stale,
            image,
            school,
            kindergarten,
            nursing_home,
            inspections,
            // Filled from the service's values file once every profile is read.
            indicators: Vec::new(),
        })
    }

    /// The file name, which becomes the provider's address: `Some(None)`
    /// when it is unusable (the rest is still checked), `None` when it
    /// clashes with the service's own pages (nothing else is worth saying).
    fn slug(&self, checks: &mut Checks) -> Option<Option<Slug>> {
        let file = &self.item.source.relative;
        let stem = &self.item.file_stem;
        let Ok(slug) = Slug::parse(stem) else {
            checks.findings.push(
                Finding::error(file, Position::WHOLE_FILE, msg!("file_name.not_address", name = stem))
                    .with_help(msg!("file_name.rename", how => slug_help(stem))),
            );
            return Some(None);
        };
        if self.site.routes.reserved_in_service().contains(&slug.as_str()) {
            checks.findings.push(
                Finding::error(file, Position::WHOLE_FILE, msg!("provider.reserved_name", name = slug))
                    .with_help(msg!("file_name.taken.help", taken = self.site.routes.reserved_in_service().join(", "))),
            );
            return None;
        }
        Some(Some(slug))
    }

    /// District ids; one given by its display name gets its id suggested.
    /// `all` is every district of the site, so a district added later is
    /// served without editing every profile.
    fn districts(&self, check: &mut FileCheck) -> Vec<Slug> {
        let raw = &self.item.profile;
        let list = match &raw.districts.value {
            RawDistricts::All(_) => return self.site.districts.iter().map(|d| d.id.clone()).collect(),
            RawDistricts::Other(word) => {
                let example = self.site.districts.first().map_or("sentrum", |d| d.id.as_str());
                check.error(
                    at(&raw.districts),
                    msg!("districts.not_a_list", value = word.trim()),
                    msg!("districts.not_a_list.help", example = example),
                );
                return Vec::new();
            }
            // What the profile form writes for `all`: it saves lists only.
            RawDistricts::List(list) if list.len() == 1 && list[0].value.trim() == "all" => {
                return self.site.districts.iter().map(|d| d.id.clone()).collect();
            }
            RawDistricts::List(list) => list,
        };
        let mut districts = Vec::new();
        for d in list {
            if matches!(d.value.trim().to_lowercase().as_str(), "all" | "alle") {
                check.error(
                    at(d),
                    msg!("districts.all_in_list", value = d.value.trim()),
                    msg!("districts.all_in_list.help"),
                );
                continue;
            }
            match self.site.districts.iter().find(|known| known.id.as_str() == d.value) {
                Some(known) if districts.contains(&known.id) => {
                    check.warning(at(d), msg!("districts.twice", id = known.id), msg!("districts.twice.help"));
                }
                Some(known) => districts.push(known.id.clone()),
                None => {
                    let candidates: Vec<Candidate> = self
                        .site
                        .districts
                        .iter()
                        .map(|k| Candidate { id: k.id.as_str(), name: Some(k.name.as_str()) })
                        .collect();
                    let ids: Vec<&str> = candidates.iter().map(|c| c.id).collect();
                    check.error(
                        at(d),
                        msg!("district.unknown", value = d.value),
                        msg!("district.unknown.help", close => suggest::did_you_mean(&d.value, &candidates), choices = ids.join(", ")),
                    );
                }
            }
        }
        if list.is_empty() {
            check.error(at(&raw.districts), msg!("provider.no_districts"), msg!("provider.no_districts.help"));
        }
        districts
    }

    /// Language codes; one given by its name (`polsk`) gets its code suggested.
    fn languages(&self, check: &mut FileCheck) -> Vec<StaffLanguage> {
        let mut languages = Vec::new();
        // As written: `no` beside `nb` is how registers write Norwegian,
        // not a repeat (and is shown once).
        let mut written = std::collections::BTreeSet::new();
        for l in &self.item.profile.languages {
            let code = l.value.trim().to_ascii_lowercase();
            if !written.insert(code.clone()) {
                check.warning(at(l), msg!("languages.twice", code = code), msg!("languages.twice.help"));
                continue;
            }
            if self.translations.language_name(&code).is_some() {
                let code = StaffLanguage::canonical(&code);
                let name = self.translations.language_name(code).unwrap_or(code).to_string();
                languages.push(StaffLanguage { code: code.to_string(), name });
            } else {
                let candidates: Vec<Candidate> = self
                    .translations
                    .language_codes()
                    .map(|id| Candidate { id, name: self.translations.language_name(id) })
                    .collect();
                check.error(
                    at(l),
                    msg!("language.unknown", value = l.value),
                    msg!("language.unknown.help", close => suggest::did_you_mean(l.value.trim(), &candidates)),
                );
            }
        }
        crate::model::staff_language::reading_order(languages)
    }

    fn description(&self, check: &mut FileCheck) -> Text {
        let raw = &self.item.profile;
        let description = check.text("description", &raw.description, &raw.description_plain);
        let words = crate::domain::text_policy::word_count(&description.standard);
        let limit = self.site.limits.description_max_words;
        if words > limit {
            check.error(
                at(&raw.description),
                msg!("description.too_long", words = words, limit = limit),
                msg!("description.too_long.help"),
            );
        }
        description
    }

    /// The date of the last check, and whether it is so old that readers
    /// are warned.
    fn last_checked(&self, check: &mut FileCheck) -> (Option<Date>, bool) {
        let raw = &self.item.profile;
        let today = self.site.today;
        let last_checked = check.past_date("last_checked", &raw.last_checked, today);
        let months = self.site.limits.stale_after_months;
        let stale = last_checked.is_some_and(|d| d < today.months_before(months));
        if stale {
            check.warning(
                at(&raw.last_checked),
                msg!("provider.stale", date = raw.last_checked.value, months = months),
                msg!("provider.stale.help"),
            );
        }
        (last_checked, stale)
    }

    /// The photo beside the profile, if there is one and it can be published.
    fn image(&self, check: &mut FileCheck, slug: Option<&Slug>) -> Option<Image> {
        let img = self.item.profile.image.as_ref()?;
        let alt = check.non_empty("image.alt", &img.alt);
        let name = img.file.value.trim();
        let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        let Some(picture) = files::beside(&self.item.source, name) else {
            check.error(at(&img.file), msg!("image.not_beside", name = name), msg!("image.not_beside.help"));
            return None;
        };
        if !IMAGE_EXTENSIONS.contains(&extension.as_str()) {
            check.error(at(&img.file), msg!("image.format", name = name), msg!("image.format.help"));
            return None;
        }
        if !files::exists(&picture.absolute) {
            check.error(at(&img.file), msg!("image.missing", name = name), msg!("image.missing.help"));
            return None;
        }
        let root = files::root_of(&self.item.source);
        if let Err(finding) = files::check_copyable(&root, &picture, self.site.limits.asset_max_bytes) {
            check.findings.push(finding);
            return None;
        }
        let published = SitePath::image(&self.site.routes, &self.service, slug?, &extension);
        Some(Image { source: picture.absolute, published, alt })
    }

    /// The `school` block: required for a school service, refused elsewhere.
    fn school(&self, mut check: FileCheck, pending: &mut Vec<super::links::PendingLink>) -> Option<School> {
        let raw = &self.item.profile;
        match (&raw.school, self.kind) {
            (Some(s), ServiceKind::School) => {
                let (grade_from, grade_to, pupils, capacity) = school_numbers(&mut check, &s.value);
                let after_school_care = after_school_care(&mut check, &s.value);
                let transport = check.text("school.transport", &s.value.transport, &s.value.transport_plain);
                let self_description =
                    super::self_description::self_description(self.item, self.site, &mut check, pending);
                Some(School {
                    grade_from,
                    grade_to,
                    pupils,
                    capacity,
                    after_school_care,
                    focus_areas: s.value.focus_areas.iter().map(|f| f.trim().to_string()).collect(),
                    transport,
                    self_description,
                })
            }
            (Some(s), _) => {
                check.error(at(s), msg!("school.not_a_school"), msg!("school.not_a_school.help"));
                None
            }
            (None, ServiceKind::School) => {
                check.error(at(&raw.name), msg!("school.block_missing"), msg!("school.block_missing.help"));
                None
            }
            // A kindergarten's self-description is its own block's.
            (None, ServiceKind::Kindergarten) => None,
            (None, _) => {
                if let Some(md) = &self.item.self_description {
                    check.warning(
                        Position::WHOLE_FILE,
                        msg!("self_description.not_shown", file = md.source.relative.display()),
                        msg!("self_description.not_shown.help"),
                    );
                }
                None
            }
        }
    }
}

/// How the provider was admitted: required unless it is the municipality's own.
fn admission(check: &mut FileCheck, raw: &RawProvider) -> Option<Admission> {
    match (&raw.admission, raw.ownership) {
        (Some(a), _) => {
            let from = check.date("admission.from", &a.from);
            let until = a.until.as_ref().and_then(|u| check.date("admission.until", u));
            if let (Some(f), Some(u), Some(raw_until)) = (from, until, &a.until)
                && u < f
            {
                check.error(
                    at(raw_until),
                    msg!("admission.until_before_from", until = u, from = f),
                    msg!("admission.until_before_from.help"),
                );
            }
            from.map(|from| Admission { kind: a.kind, from, until })
        }
        (None, Ownership::Municipal) => None,
        (None, _) => {
            check.error(at(&raw.name), msg!("admission.missing"), msg!("admission.missing.help"));
            None
        }
    }
}

/// The extras, each name once: a repeat would show twice on the page and
/// in the open data.
fn extras(check: &mut FileCheck, raw: &RawProvider) -> Vec<Extra> {
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for e in &raw.extras {
        let price = u64::from(e.price.value);
        check.in_range("extras.price", price, at(&e.price), 0..=MAX_PRICE, msg!("extras.price.help"));
        let name = e.name.value.trim();
        if !seen.insert(crate::domain::skeleton_key(name)) {
            check.warning(at(&e.name), msg!("extras.twice", name = name), msg!("extras.twice.help"));
            continue;
        }
        out.push(Extra {
            name: Text::new(name.to_string(), e.name_plain.as_ref().map(|p| p.trim().to_string())),
            price: e.price.value.min(MAX_PRICE as u32),
            unit: e.unit.trim().to_string(),
        });
    }
    out
}

fn continuity(check: &mut FileCheck, raw: &RawProvider) -> Option<Continuity> {
    raw.continuity.as_ref().map(|c| {
        check.in_range(
            "continuity.staff_per_month",
            u64::from(c.staff_per_month.value),
            at(&c.staff_per_month),
            1..=MAX_STAFF_PER_MONTH,
            msg!("continuity.staff_per_month.help"),
        );
        let note = c.note.as_ref().map(|n| check.short_text("continuity.note", n, &c.note_plain));
        Continuity { staff_per_month: c.staff_per_month.value, note }
    })
}

/// Grades, pupils and places, each within what a school can have.
fn school_numbers(check: &mut FileCheck, s: &RawSchool) -> (u8, u8, u32, u32) {
    let grades = &s.grades;
    if !(1..=10).contains(&grades.value.from)
        || !(1..=10).contains(&grades.value.to)
        || grades.value.from > grades.value.to
    {
        check.error(
            at(grades),
            msg!("school.grades", from = grades.value.from, to = grades.value.to),
            msg!("school.grades.help"),
        );
    }
    let (pupils, capacity) = (s.pupils.value, s.capacity.value);
    check.in_range("school.pupils", u64::from(pupils), at(&s.pupils), 0..=MAX_PUPILS, msg!("school.pupils.help"));
    check.in_range(
        "school.capacity",
        u64::from(capacity),
        at(&s.capacity),
        1..=MAX_PUPILS,
        msg!("school.capacity.help"),
    );
    if pupils > capacity {
        check.warning(
            at(&s.transport),
            msg!("school.over_capacity", pupils = pupils, capacity = capacity),
            msg!("school.over_capacity.help"),
        );
    }
    (grades.value.from, grades.value.to, pupils, capacity)
}

/// SFO in a sentence: a bare yes or no tells a parent nothing.
fn after_school_care(check: &mut FileCheck, s: &RawSchool) -> Option<Text> {
    s.after_school_care.as_ref().map(|t| {
        let text = check.short_text("school.after_school_care", t, &s.after_school_care_plain);
        if matches!(text.standard.to_lowercase().as_str(), "no" | "nei" | "false" | "yes" | "ja" | "true" | "ingen") {
            check.error(
                at(t),
                msg!("school.after_school_care_bare", value = text.standard),
                msg!("school.after_school_care_bare.help"),
            );
        }
        text
    })
}
