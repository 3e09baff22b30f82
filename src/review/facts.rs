//! A provider as a citizen reads it: each fact of its page under the label
//! the page gives it, with its value in the words the page uses (the site's
//! UI strings), so a reviewer sees "Ledig kapasitet: Har ledig kapasitet →
//! Fullt" rather than a line of YAML.

use std::collections::BTreeMap;

use crate::domain::{Date, Text};
use crate::i18n::Translations;
use crate::model::inspection::FollowUp;
use crate::model::{AdmissionKind, CapacityStatus, Ownership, Provider, Site};

/// One fact: the UI string key of its label (`fact_capacity`), the label
/// as the page shows it, and its value as text.
pub struct Fact {
    pub key: String,
    pub label: String,
    pub value: String,
}

/// The site's UI strings as the ordinary pages show them, with a kind's
/// own wording (`school.<key>`, `kindergarten.<key>`, ...) where it has one.
pub struct Words<'a> {
    strings: BTreeMap<&'a str, &'a str>,
    plain_label: &'a str,
    translations: &'a Translations,
}

impl<'a> Words<'a> {
    pub fn new(translations: &'a Translations) -> Words<'a> {
        let strings = translations.strings_for(crate::domain::Variant::Standard);
        let plain_label = strings.get("variant_plain").copied().unwrap_or("lettlest");
        Words { strings, plain_label, translations }
    }

    fn get(&self, key: &str, kind: Option<&str>) -> String {
        let own = kind.and_then(|kind| self.strings.get(format!("{kind}.{key}").as_str()).copied());
        own.or_else(|| self.strings.get(key).copied()).unwrap_or(key).to_string()
    }

    fn date(&self, date: Date) -> String {
        self.translations.long_date(date)
    }
}

fn ownership(o: Ownership) -> &'static str {
    match o {
        Ownership::Municipal => "ownership_municipal",
        Ownership::Private => "ownership_private",
        Ownership::NonProfit => "ownership_non_profit",
    }
}

fn capacity(c: CapacityStatus) -> &'static str {
    match c {
        CapacityStatus::Open => "capacity_open",
        CapacityStatus::WaitingList => "capacity_waiting_list",
        CapacityStatus::Full => "capacity_full",
    }
}

fn admission(a: AdmissionKind) -> &'static str {
    match a {
        AdmissionKind::FrameworkAgreement => "admission_framework_agreement",
        AdmissionKind::Approval => "admission_approval",
    }
}

/// Every fact of `provider` a citizen reads on its page, in the page's
/// order. A text with a lettlest companion gives two facts, the second
/// labelled with the lettlest variant's name.
pub fn facts(provider: &Provider, site: &Site, words: &Words) -> Vec<Fact> {
    // The kind's prefix in the i18n files, as its block tells it.
    let kind = if provider.school.is_some() {
        Some("school")
    } else if provider.kindergarten.is_some() {
        Some("kindergarten")
    } else if provider.nursing_home.is_some() {
        Some("nursing-home")
    } else {
        None
    };
    let label = |key: &str| words.get(key, kind);
    let mut out = Vec::new();
    let mut put = |key: &str, label: String, value: String| {
        out.push(Fact { key: key.to_string(), label, value });
    };
    // The id of a fact is the UI key of its label, with `_plain` for a
    // lettlest companion; `extra` tells two texts in one block apart
    // (a school's description and self-description).
    let text = |put: &mut dyn FnMut(&str, String, String), key: &str, extra: &str, text: &Text| {
        let id = if extra.is_empty() { key.to_string() } else { format!("{key}.{extra}") };
        let shown = label(key);
        put(&id, shown.clone(), text.standard.clone());
        if let Some(plain) = &text.plain {
            put(&format!("{id}_plain"), format!("{shown} ({})", words.plain_label), plain.clone());
        }
    };
    let mut fact = |key: &str, value: String| put(key, label(key), value);
    fact("col_provider", provider.name.clone());
    fact("fact_org_number", provider.org_number.to_string());
    fact("fact_ownership", label(ownership(provider.ownership)));
    let district = |id: &crate::domain::Slug| {
        site.districts.iter().find(|d| &d.id == id).map_or_else(|| id.to_string(), |d| d.name.clone())
    };
    fact("fact_districts", provider.districts.iter().map(district).collect::<Vec<_>>().join(", "));
    fact("fact_languages", provider.languages.iter().map(|l| l.name.as_str()).collect::<Vec<_>>().join(", "));
    let as_of = format!("{} {}", label("as_of"), words.date(provider.capacity_as_of));
    fact("fact_capacity", format!("{} ({as_of})", label(capacity(provider.capacity))));
    if let Some(a) = &provider.admission {
        let mut value = format!("{}, {} {}", label(admission(a.kind)), label("from_date"), words.date(a.from));
        if let Some(until) = a.until {
            value.push_str(&format!(" {} {}", label("until_date"), words.date(until)));
        }
        fact("fact_admission", value);
    }
    if let Some(s) = &provider.school {
        fact("fact_grades", format!("{}–{}", s.grade_from, s.grade_to));
        fact("fact_pupils", s.pupils.to_string());
        fact("fact_school_capacity", s.capacity.to_string());
        fact("fact_focus_areas", s.focus_areas.join(", "));
    }
    if let Some(k) = &provider.kindergarten {
        fact("fact_ages", format!("{}–{}", k.age_from, k.age_to));
        fact("fact_places", k.places.to_string());
        fact("fact_opening_hours", k.opening_hours.clone());
        let kroner = |amount: Option<u32>| amount.map(|a| format!("{a} kr")).unwrap_or_default();
        fact("fact_price", k.price.map_or_else(|| label("kindergarten_maximum_price"), |p| format!("{p} kr")));
        fact("fact_food_money", kroner(k.food_money));
        fact("fact_meals", k.meals.clone().unwrap_or_default());
        fact("fact_outdoor", k.outdoor.clone().unwrap_or_default());
    }
    if let Some(n) = &provider.nursing_home {
        fact("fact_places", n.places.to_string());
        fact("fact_single_rooms", n.single_rooms.to_string());
        let unit = |u: &crate::model::Unit| format!("{} ({})", u.name, label(crate::render::views::unit_key(u.kind)));
        fact("fact_units", n.units.iter().map(unit).collect::<Vec<_>>().join(", "));
        fact("fact_visiting", n.visiting.clone());
    }
    if let Some(c) = &provider.continuity {
        fact(
            "fact_continuity",
            crate::render::counts::counted(&label("staff_per_month"), u64::from(c.staff_per_month)),
        );
    }
    let extras: Vec<String> =
        provider.extras.iter().map(|e| format!("{}: {} {}", e.name.standard, e.price, e.unit)).collect();
    fact("section_extras", extras.join("; "));
    let contact = &provider.contact;
    fact("contact_phone", contact.phone.clone());
    for (key, value) in [
        ("contact_email", &contact.email),
        ("contact_web", &contact.web),
        ("contact_address", &contact.address),
        ("contact_opening_hours", &contact.opening_hours),
    ] {
        fact(key, value.clone().unwrap_or_default());
    }
    fact("fact_last_checked", words.date(provider.last_checked));
    for inspection in &provider.inspections {
        let follow_up = match inspection.follow_up {
            FollowUp::Open => "inspection_open",
            FollowUp::Closed => "inspection_closed",
        };
        let value = format!(
            "{}, {} {}: {} ({})",
            words.date(inspection.date),
            label("inspection_by"),
            inspection.by,
            inspection.summary.standard,
            label(follow_up)
        );
        // Matched by date: a new inspection, or one whose text changed.
        put(&format!("section_inspections.{}", inspection.date), label("section_inspections"), value);
    }
    text(&mut put, "section_about", "", &provider.description);
    if let Some(c) = provider.continuity.as_ref().and_then(|c| c.note.as_ref()) {
        text(&mut put, "fact_continuity", "note", c);
    }
    if let Some(s) = &provider.school {
        if let Some(care) = &s.after_school_care {
            text(&mut put, "fact_after_school_care", "", care);
        }
        text(&mut put, "fact_transport", "", &s.transport);
        text(&mut put, "section_about", "self_description", &s.self_description);
    }
    if let Some(k) = &provider.kindergarten {
        text(&mut put, "fact_profile", "", &k.profile);
        if let Some(own) = &k.self_description {
            text(&mut put, "section_about", "self_description", own);
        }
    }
    if let Some(n) = &provider.nursing_home {
        text(&mut put, "fact_activities", "", &n.activities);
    }
    out
}
