//! The blocks of kindergartens and nursing homes: each is required for its
//! kind of service and refused elsewhere, as the `school` block is.

use super::fields::{FileCheck, at};
use crate::domain::Text;
use crate::load::LoadedProvider;
use crate::load::raw::{RawKindergarten, RawNursingHome, RawProvider, S, ServiceKind};
use crate::model::{Kindergarten, NursingHome, Site, Unit};
use crate::msg;

/// Norway's largest kindergartens and nursing homes have a few hundred places.
const MAX_PLACES: u64 = 1_000;
/// Far above the national maximum price (maksimalpris, about 1,200 kr in
/// 2026): a price beyond it is a typo, not a price.
const MAX_PRICE: u64 = 10_000;
const MAX_FOOD_MONEY: u64 = 3_000;
/// Children start school the year they turn six.
const MAX_AGE: u8 = 6;

/// The `kindergarten` block: required for a kindergarten service, refused
/// elsewhere. Its self-description is optional, unlike a school's.
pub(super) fn kindergarten(
    item: &LoadedProvider,
    kind: ServiceKind,
    site: &Site,
    check: &mut FileCheck,
    pending: &mut Vec<super::links::PendingLink>,
) -> Option<Kindergarten> {
    let raw = &item.profile;
    match (&raw.kindergarten, kind) {
        (Some(k), ServiceKind::Kindergarten) => {
            let self_description = item
                .self_description
                .is_some()
                .then(|| super::self_description::self_description(item, site, check, pending));
            Some(kindergarten_facts(check, &k.value, self_description))
        }
        (Some(k), _) => {
            check.error(at(k), msg!("kindergarten.not_a_kindergarten"), msg!("kindergarten.not_a_kindergarten.help"));
            None
        }
        (None, ServiceKind::Kindergarten) => {
            check.error(at(&raw.name), msg!("kindergarten.block_missing"), msg!("kindergarten.block_missing.help"));
            None
        }
        (None, _) => None,
    }
}

fn kindergarten_facts(check: &mut FileCheck, k: &RawKindergarten, self_description: Option<Text>) -> Kindergarten {
    let (age_from, age_to) = ages(check, &k.ages);
    check.in_range(
        "kindergarten.places",
        u64::from(k.places.value),
        at(&k.places),
        1..=MAX_PLACES,
        msg!("kindergarten.places.help"),
    );
    if let Some(price) = &k.price {
        check.in_range(
            "kindergarten.price",
            u64::from(price.value),
            at(price),
            0..=MAX_PRICE,
            msg!("kindergarten.price.help"),
        );
    }
    if let Some(food) = &k.food_money {
        check.in_range(
            "kindergarten.food_money",
            u64::from(food.value),
            at(food),
            0..=MAX_FOOD_MONEY,
            msg!("kindergarten.food_money.help"),
        );
    }
    let optional = |check: &mut FileCheck, field: &str, value: &Option<S<String>>| {
        value.as_ref().map(|v| check.non_empty(field, v))
    };
    Kindergarten {
        age_from,
        age_to,
        places: k.places.value.min(MAX_PLACES as u32),
        opening_hours: check.non_empty("kindergarten.opening_hours", &k.opening_hours),
        meals: optional(check, "kindergarten.meals", &k.meals),
        profile: check.text("kindergarten.profile", &k.profile, &k.profile_plain),
        outdoor: optional(check, "kindergarten.outdoor", &k.outdoor),
        price: k.price.as_ref().map(|p| p.value.min(MAX_PRICE as u32)),
        food_money: k.food_money.as_ref().map(|f| f.value.min(MAX_FOOD_MONEY as u32)),
        self_description,
    }
}

/// "1–5": the youngest and oldest age, with an en dash or a hyphen.
fn ages(check: &mut FileCheck, ages: &S<String>) -> (u8, u8) {
    let text = ages.value.trim();
    let parsed = text.split_once(['–', '-']).and_then(|(from, to)| {
        let (from, to) = (from.trim().parse::<u8>().ok()?, to.trim().parse::<u8>().ok()?);
        (from <= to && to <= MAX_AGE).then_some((from, to))
    });
    parsed.unwrap_or_else(|| {
        check.error(at(ages), msg!("kindergarten.ages", value = text), msg!("kindergarten.ages.help"));
        (0, 0)
    })
}

/// The `nursing_home` block: required for a nursing-home service, refused
/// elsewhere.
pub(super) fn nursing_home(raw: &RawProvider, kind: ServiceKind, check: &mut FileCheck) -> Option<NursingHome> {
    match (&raw.nursing_home, kind) {
        (Some(n), ServiceKind::NursingHome) => Some(nursing_home_facts(check, &n.value)),
        (Some(n), _) => {
            check.error(at(n), msg!("nursing_home.not_a_nursing_home"), msg!("nursing_home.not_a_nursing_home.help"));
            None
        }
        (None, ServiceKind::NursingHome) => {
            check.error(at(&raw.name), msg!("nursing_home.block_missing"), msg!("nursing_home.block_missing.help"));
            None
        }
        (None, _) => None,
    }
}

fn nursing_home_facts(check: &mut FileCheck, n: &RawNursingHome) -> NursingHome {
    let places = n.places.value;
    check.in_range(
        "nursing_home.places",
        u64::from(places),
        at(&n.places),
        1..=MAX_PLACES,
        msg!("nursing_home.places.help"),
    );
    if n.single_rooms.value > places {
        check.error(
            at(&n.single_rooms),
            msg!("nursing_home.single_rooms", single_rooms = n.single_rooms.value, places = places),
            msg!("nursing_home.single_rooms.help"),
        );
    }
    let mut seen = std::collections::BTreeSet::new();
    let mut units = Vec::new();
    for u in &n.units {
        let name = check.non_empty("nursing_home.units.name", &u.name);
        if !seen.insert(crate::domain::skeleton_key(&name)) {
            check.warning(
                at(&u.name),
                msg!("nursing_home.unit_twice", name = name),
                msg!("nursing_home.unit_twice.help"),
            );
            continue;
        }
        units.push(Unit { name, kind: u.kind });
    }
    NursingHome {
        places: places.min(MAX_PLACES as u32),
        single_rooms: n.single_rooms.value.min(places).min(MAX_PLACES as u32),
        units,
        visiting: check.non_empty("nursing_home.visiting", &n.visiting),
        activities: check.text("nursing_home.activities", &n.activities, &n.activities_plain),
    }
}
