//! Kindergartens and nursing homes as the rows of a list show them, beside
//! `SchoolRow`: every fact but the self-description, which only the
//! provider's own page shows.

use crate::domain::Text;
use crate::model::{Kindergarten, NursingHome};

/// A kindergarten as its row shows it: whether it wrote a self-description
/// (and a plain one), not the text.
#[derive(Hash)]
pub struct KindergartenRow<'a> {
    pub age_from: u8,
    pub age_to: u8,
    pub places: u32,
    pub opening_hours: &'a str,
    pub meals: Option<&'a str>,
    pub profile: &'a Text,
    pub outdoor: Option<&'a str>,
    pub price: Option<u32>,
    pub food_money: Option<u32>,
    pub has_self_description: bool,
    pub has_plain_self_description: bool,
}

impl<'a> KindergartenRow<'a> {
    /// Every field by name, so a field added to `Kindergarten` does not
    /// compile here until it is decided whether rows show it.
    pub fn of(k: &'a Kindergarten) -> KindergartenRow<'a> {
        let Kindergarten {
            age_from,
            age_to,
            places,
            opening_hours,
            meals,
            profile,
            outdoor,
            price,
            food_money,
            self_description,
        } = k;
        KindergartenRow {
            age_from: *age_from,
            age_to: *age_to,
            places: *places,
            opening_hours,
            meals: meals.as_deref(),
            profile,
            outdoor: outdoor.as_deref(),
            price: *price,
            food_money: *food_money,
            has_self_description: self_description.is_some(),
            has_plain_self_description: self_description.as_ref().is_some_and(|s| s.plain.is_some()),
        }
    }
}

/// A nursing home as its row shows it: all of it (it has no text only its
/// own page shows).
pub type NursingHomeRow<'a> = &'a NursingHome;
