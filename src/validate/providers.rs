//! Provider profiles and school self-descriptions.

use std::collections::BTreeMap;

use super::fields::{FileCheck, at};
use super::links::{PendingLink, inspect_markdown};
use crate::diagnostics::{Finding, Findings, Position};
use crate::domain::{OrgNumber, Slug, Text};
use crate::i18n::Translations;
use crate::load::raw::{Ownership, RawProvider, ServiceKind};
use crate::load::{LoadedProvider, files};
use crate::markdown;
use crate::model::{Admission, Continuity, Extra, Image, Provider, School, Site, SitePath, StaffLanguage};

const IMAGE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp"];
/// Domain ranges: beyond them a number is a typo (or an attack on the
/// arithmetic that sums and compares them).
const MAX_PRICE: u64 = 1_000_000;
const MAX_STAFF_PER_MONTH: u64 = 200;
/// Norway's largest schools have under 1,500 pupils.
const MAX_PUPILS: u64 = 10_000;

pub fn providers(
    loaded: Vec<LoadedProvider>,
    site: &Site,
    translations: &Translations,
    findings: &mut Findings,
    pending: &mut Vec<PendingLink>,
) -> Vec<Provider> {
    let mut out = Vec::new();
    // (service, org number) → first file, to catch a provider listed twice.
    let mut seen: BTreeMap<(Slug, OrgNumber), std::path::PathBuf> = BTreeMap::new();
    for item in loaded {
        let file = item.source.relative.clone();
        let Some(service) = site.services.iter().find(|s| s.id.as_str() == item.service_dir) else {
            let known: Vec<&str> = site.services.iter().map(|s| s.id.as_str()).collect();
            findings.push(
                Finding::error(
                    &file,
                    Position::WHOLE_FILE,
                    format!("`{}` is not a service in brukervalg.yaml", item.service_dir),
                )
                .with_help(format!("put the profile in the folder of its service: {}", known.join(", "))),
            );
            continue;
        };
        let Some(provider) = provider(&item, service.id.clone(), service.kind, site, translations, findings, pending)
        else {
            continue;
        };
        if let Some(first) = seen.get(&(provider.service.clone(), provider.org_number)) {
            findings.push(
                Finding::error(
                    &file,
                    at(&item.profile.org_number),
                    format!("organisation number {} is already used by {}", provider.org_number, first.display()),
                )
                .with_help("a provider has one profile per service: merge the two files"),
            );
            continue;
        }
        seen.insert((provider.service.clone(), provider.org_number), file);
        out.push(provider);
    }
    out
}

fn provider(
    item: &LoadedProvider,
    service: Slug,
    kind: ServiceKind,
    site: &Site,
    translations: &Translations,
    findings: &mut Findings,
    pending: &mut Vec<PendingLink>,
) -> Option<Provider> {
    let file = &item.source.relative;
    let raw: &RawProvider = &item.profile;
    let today = site.today;
    let slug = Slug::parse(&item.file_stem)
        .map_err(|hint| {
            findings.push(
                Finding::error(
                    file,
                    Position::WHOLE_FILE,
                    format!("the file name `{}` cannot be used in a web address", item.file_stem),
                )
                .with_help(format!("rename the file: {hint}")),
            )
        })
        .ok();

    if let Some(s) = &slug
        && site.routes.reserved_in_service().contains(&s.as_str())
    {
        findings.push(
            Finding::error(file, Position::WHOLE_FILE, format!("`{s}` is a name the service's own pages use"))
                .with_help(format!(
                    "rename the file; these names are taken: {}",
                    site.routes.reserved_in_service().join(", ")
                )),
        );
        return None;
    }
    let mut check = FileCheck::new(file, findings);
    let name = check.non_empty("name", &raw.name);
    let org_number = check.org_number(&raw.org_number);
    let mut districts = Vec::new();
    for d in &raw.districts {
        match site.districts.iter().find(|known| known.id.as_str() == d.value) {
            Some(known) => districts.push(known.id.clone()),
            None => {
                let ids: Vec<&str> = site.districts.iter().map(|k| k.id.as_str()).collect();
                let close = closest(&d.value, &ids);
                check.error(
                    at(d),
                    format!("`{}` is not a district in brukervalg.yaml", d.value),
                    format!("{close}use one of: {}", ids.join(", ")),
                );
            }
        }
    }
    if raw.districts.is_empty() {
        check.error(at(&raw.name), "`districts` is empty", "list the districts the provider serves");
    }
    let contact = check.contact(&raw.contact, false, at(&raw.name));
    let mut languages = Vec::new();
    for l in &raw.languages {
        let code = l.value.trim().to_ascii_lowercase();
        if translations.language_name(&code).is_some() {
            let code = StaffLanguage::canonical(&code);
            let name = translations.language_name(code).unwrap_or(code).to_string();
            languages.push(StaffLanguage { code: code.to_string(), name });
        } else {
            let codes: Vec<&str> = translations.language_codes().collect();
            let close = closest(&code, &codes);
            check.error(at(l), format!("`{}` is not a known language code", l.value), format!("{close}use ISO 639-1 codes such as nb, en, pl, ar, so; the known ones are listed under `languages` in i18n/"));
        }
    }
    let capacity_as_of = check.past_date("capacity.as_of", &raw.capacity.as_of, today);
    let admission = match (&raw.admission, raw.ownership) {
        (Some(a), _) => {
            let from = check.date("admission.from", &a.from);
            let until = a.until.as_ref().and_then(|u| check.date("admission.until", u));
            if let (Some(f), Some(u), Some(raw_until)) = (from, until, &a.until)
                && u < f
            {
                check.error(
                    at(raw_until),
                    format!("`admission.until` {u} is before `admission.from` {f}"),
                    "check both dates",
                );
            }
            from.map(|from| Admission { kind: a.kind, from, until })
        }
        (None, Ownership::Municipal) => None,
        (None, _) => {
            check.error(
                at(&raw.name),
                "`admission` is missing",
                "say how the provider was admitted: `kind` (framework-agreement or approval) and `from` (date)",
            );
            None
        }
    };
    let description = check.text("description", &raw.description, &raw.description_plain);
    let words = description.standard.split_whitespace().count();
    let limit = site.limits.description_max_words;
    if words > limit {
        check.error(
            at(&raw.description),
            format!("`description` has {words} words; the limit is {limit}"),
            "shorten it, so every provider is presented on equal terms",
        );
    }
    let extras = raw
        .extras
        .iter()
        .map(|e| {
            let price = u64::from(e.price.value);
            check.in_range("extras.price", price, at(&e.price), 0..=MAX_PRICE, "write the price in whole kroner");
            Extra {
                name: Text::new(e.name.trim().to_string(), e.name_plain.as_ref().map(|p| p.trim().to_string())),
                price: e.price.value.min(MAX_PRICE as u32),
                unit: e.unit.trim().to_string(),
            }
        })
        .collect();
    let continuity = raw.continuity.as_ref().map(|c| {
        check.in_range(
            "continuity.staff_per_month",
            u64::from(c.staff_per_month.value),
            at(&c.staff_per_month),
            1..=MAX_STAFF_PER_MONTH,
            "write how many different staff a typical user meets in a month",
        );
        let note = c.note.as_ref().map(|n| check.short_text("continuity.note", n, &c.note_plain));
        Continuity { staff_per_month: c.staff_per_month.value, note }
    });
    let last_checked = check.past_date("last_checked", &raw.last_checked, today);
    let stale_before = today.months_before(site.limits.stale_after_months);
    let stale = last_checked.is_some_and(|d| d < stale_before);
    if stale {
        check.warning(
            at(&raw.last_checked),
            format!("the profile was last checked {}, more than {} months ago", raw.last_checked.value, site.limits.stale_after_months),
            "check every fact with the provider, then set `last_checked` to today's date; readers are told the profile may be out of date",
        );
    }
    let image = raw.image.as_ref().and_then(|img| {
        let alt = check.non_empty("image.alt", &img.alt);
        let name = img.file.value.trim();
        let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        if name.contains(['/', '\\']) || name.starts_with('.') {
            check.error(
                at(&img.file),
                format!("`image.file` `{name}` must be a file beside the profile"),
                "put the picture in the same folder as the profile and give only its file name",
            );
            return None;
        }
        if !IMAGE_EXTENSIONS.contains(&extension.as_str()) {
            check.error(
                at(&img.file),
                format!("`{name}` is not a supported picture"),
                "use a .jpg, .jpeg, .png or .webp file",
            );
            return None;
        }
        let picture = files::sibling(&item.source, name);
        if !files::exists(&picture.absolute) {
            check.error(
                at(&img.file),
                format!("the picture `{name}` is not in the profile's folder"),
                "add the file, or remove `image`",
            );
            return None;
        }
        if let Err(finding) =
            files::check_copyable(&files::root_of(&item.source), &picture, site.limits.asset_max_bytes)
        {
            check.findings.push(finding);
            return None;
        }
        let source = picture.absolute;
        let slug = slug.as_ref()?;
        Some(Image { source, published: SitePath::image(&site.routes, &service, slug, &extension), alt })
    });
    let school = match (&raw.school, kind) {
        (Some(s), ServiceKind::School) => {
            let grades = &s.value.grades;
            if !(1..=10).contains(&grades.value.from)
                || !(1..=10).contains(&grades.value.to)
                || grades.value.from > grades.value.to
            {
                check.error(
                    at(grades),
                    format!("grades {}-{} are not possible", grades.value.from, grades.value.to),
                    "grades run from 1 to 10, `from` no higher than `to`",
                );
            }
            let (pupils, capacity) = (s.value.pupils.value, s.value.capacity.value);
            check.in_range(
                "school.pupils",
                u64::from(pupils),
                at(&s.value.pupils),
                0..=MAX_PUPILS,
                "write the number of pupils now",
            );
            check.in_range(
                "school.capacity",
                u64::from(capacity),
                at(&s.value.capacity),
                1..=MAX_PUPILS,
                "write the number of places the school has",
            );
            if pupils > capacity {
                check.warning(
                    at(&s.value.transport),
                    format!("the school has more pupils ({pupils}) than places ({capacity})"),
                    "check `pupils` and `capacity`",
                );
            }
            let after_school_care = s.value.after_school_care.as_ref().map(|t| {
                let text = check.short_text("school.after_school_care", t, &s.value.after_school_care_plain);
                if matches!(text.standard.to_lowercase().as_str(), "no" | "nei" | "false" | "yes" | "ja" | "true" | "ingen") {
                    check.error(
                        at(t),
                        format!("`school.after_school_care` says only `{}`", text.standard),
                        "describe the after-school programme (SFO) in a sentence, or remove the line if the school has none",
                    );
                }
                text
            });
            let transport = check.text("school.transport", &s.value.transport, &s.value.transport_plain);
            let self_description = self_description(item, site, check.findings, pending);
            Some(School {
                grade_from: grades.value.from,
                grade_to: grades.value.to,
                pupils: s.value.pupils.value,
                capacity: s.value.capacity.value,
                after_school_care,
                focus_areas: s.value.focus_areas.iter().map(|f| f.trim().to_string()).collect(),
                transport,
                self_description,
            })
        }
        (Some(s), _) => {
            check.error(at(s), "`school` is only for providers of a school service", "remove the `school` block");
            None
        }
        (None, ServiceKind::School) => {
            check.error(
                at(&raw.name),
                "a school needs a `school` block",
                "add `school:` with grades, pupils, capacity and transport (see docs/content.md)",
            );
            None
        }
        (None, _) => {
            if let Some(md) = &item.self_description {
                check.warning(
                    Position::WHOLE_FILE,
                    format!("{} is not shown: only schools have a self-description", md.source.relative.display()),
                    "move its content into `description`, or remove the file",
                );
            }
            None
        }
    };

    Some(Provider {
        slug: slug?,
        service,
        name,
        org_number: org_number?,
        ownership: raw.ownership,
        districts,
        contact,
        languages: crate::model::staff_language::reading_order(languages),
        capacity: raw.capacity.status,
        capacity_as_of: capacity_as_of?,
        admission,
        description,
        extras,
        continuity,
        last_checked: last_checked?,
        stale,
        image,
        school,
    })
}

/// A school's egenomtale and its plain companion, within the word limit.
fn self_description(
    item: &LoadedProvider,
    site: &Site,
    findings: &mut Findings,
    pending: &mut Vec<PendingLink>,
) -> Text {
    let limit = site.limits.self_description_max_words;
    let Some(md) = &item.self_description else {
        findings.push(
            Finding::error(&item.source.relative, Position::WHOLE_FILE, "the school has no self-description")
                .with_help(format!("write it in Markdown as providers/{}/{}.md", item.service_dir, item.file_stem)),
        );
        return Text::default();
    };
    let mut check_one = |md: &crate::load::MarkdownFile, findings: &mut Findings| {
        let words = markdown::word_count(&md.body);
        if words > limit {
            findings.push(
                Finding::error(
                    &md.source.relative,
                    Position::WHOLE_FILE,
                    format!("the self-description has {words} words; the limit is {limit}"),
                )
                .with_help("shorten it: every school gets the same space"),
            );
        }
        if words == 0 {
            findings.push(
                Finding::error(&md.source.relative, Position::WHOLE_FILE, "the self-description is empty")
                    .with_help("write the school's own presentation"),
            );
        }
        inspect_markdown(md, findings, pending);
        super::markdown_hazards::check(md, &site.limits, findings);
    };
    check_one(md, findings);
    if let Some(plain) = &item.self_description_plain {
        check_one(plain, findings);
    } else {
        findings.push(
            Finding::warning(
                &md.source.relative,
                Position::WHOLE_FILE,
                "the self-description has no plain-language version",
            )
            .with_help(format!(
                "add providers/{}/{}.lettlest.md in short sentences and everyday words",
                item.service_dir, item.file_stem
            )),
        );
    }
    Text::new(md.body.clone(), item.self_description_plain.as_ref().map(|p| p.body.clone()))
}

fn closest(value: &str, candidates: &[&str]) -> String {
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(value, c), *c))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, c)| format!("did you mean `{c}`? "))
        .unwrap_or_default()
}
