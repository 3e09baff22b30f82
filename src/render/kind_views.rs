//! Kindergartens and nursing homes as templates see them, beside
//! `SchoolView`: each kind's own facts in the variant's words.

use serde::Serialize;

use super::context::VariantContext;
use super::kind_inputs::{KindergartenRow, NursingHomeRow};
use super::layout_view::Place;
use crate::domain::Text;
use crate::markdown;
use crate::model::UnitKind;

#[derive(Serialize)]
pub struct KindergartenView {
    pub ages: String,
    pub places: u32,
    pub opening_hours: String,
    pub meals: Option<String>,
    pub profile: String,
    pub outdoor: Option<String>,
    /// The monthly price, or the words for the national maximum.
    pub price: String,
    pub food_money: Option<String>,
    /// Empty in list rows and when it wrote none.
    pub self_description_html: String,
    /// On a plain page whose kindergarten wrote no plain text: the standard page.
    pub plain_missing: Option<String>,
}

pub fn kindergarten(
    cx: &VariantContext,
    k: &KindergartenRow,
    standard_page: impl FnOnce() -> String,
) -> KindergartenView {
    KindergartenView {
        ages: cx.s("kindergarten_ages").replace("{ages}", &format!("{}–{}", k.age_from, k.age_to)),
        places: k.places,
        opening_hours: k.opening_hours.to_string(),
        meals: k.meals.map(str::to_string),
        profile: cx.text(k.profile).to_string(),
        outdoor: k.outdoor.map(str::to_string),
        price: k.price.map_or_else(|| cx.s("kindergarten_maximum_price"), |p| per_month(cx, p)),
        food_money: k.food_money.map(|f| per_month(cx, f)),
        self_description_html: String::new(),
        plain_missing: (cx.variant.is_plain() && k.has_self_description && !k.has_plain_self_description)
            .then(standard_page),
    }
}

fn per_month(cx: &VariantContext, amount: u32) -> String {
    format!("{} {}", kroner(amount), cx.s("per_month"))
}

/// Whole kroner with a space between thousands, as Norwegian writes it.
pub(super) fn kroner(amount: u32) -> String {
    format!("{}\u{a0}kr", super::pagination::grouped(amount as usize))
}

#[derive(Serialize)]
pub struct NursingHomeView {
    pub places: u32,
    pub single_rooms: u32,
    pub units: Vec<UnitView>,
    /// The units' kinds, each once, in the order of `UnitKind`: the list's cell.
    pub unit_kinds: Vec<String>,
    pub visiting: String,
    pub activities: String,
}

#[derive(Serialize)]
pub struct UnitView {
    pub name: String,
    pub kind: String,
}

pub fn nursing_home(cx: &VariantContext, n: &NursingHomeRow) -> NursingHomeView {
    let kind = |k: UnitKind| cx.s(unit_key(k));
    let mut kinds: Vec<UnitKind> = n.units.iter().map(|u| u.kind).collect();
    kinds.sort();
    kinds.dedup();
    NursingHomeView {
        places: n.places,
        single_rooms: n.single_rooms,
        units: n.units.iter().map(|u| UnitView { name: u.name.clone(), kind: kind(u.kind) }).collect(),
        unit_kinds: if kinds.is_empty() { vec![cx.s("not_stated")] } else { kinds.into_iter().map(kind).collect() },
        visiting: n.visiting.clone(),
        activities: cx.text(&n.activities).to_string(),
    }
}

pub fn unit_key(k: UnitKind) -> &'static str {
    match k {
        UnitKind::Dementia => "unit_dementia",
        UnitKind::ShortTerm => "unit_short_term",
        UnitKind::Rehabilitation => "unit_rehabilitation",
        UnitKind::LongTerm => "unit_long_term",
    }
}

/// A self-description (a school's, a kindergarten's) as HTML, in the
/// "Om ..." h2 section of its provider's page.
pub fn self_description_html(cx: &VariantContext, place: &Place, text: &Text) -> String {
    markdown::render(
        cx.text(text),
        &markdown::Block {
            linker: &place.linker,
            labels: &cx.markdown_labels(),
            section_level: 2,
            id_prefix: "omtale-",
            reserved_ids: &[],
            contents: false,
            foreign: false,
        },
    )
    .html
}
