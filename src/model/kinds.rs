//! The facts of kindergartens and nursing homes, beside `School`: each kind
//! of service is compared on its own facts.

use crate::domain::Text;
pub use crate::load::raw::UnitKind;

#[derive(Debug, Clone, Hash)]
pub struct Kindergarten {
    /// Youngest and oldest age, in years.
    pub age_from: u8,
    pub age_to: u8,
    pub places: u32,
    pub opening_hours: String,
    pub meals: Option<String>,
    pub profile: Text,
    pub outdoor: Option<String>,
    /// Whole kroner a month; `None` when the national maximum applies.
    pub price: Option<u32>,
    /// Whole kroner a month, on top of the price.
    pub food_money: Option<u32>,
    /// Markdown source of the self-description, when it wrote one.
    pub self_description: Option<Text>,
}

#[derive(Debug, Clone, Hash)]
pub struct NursingHome {
    pub places: u32,
    pub single_rooms: u32,
    pub units: Vec<Unit>,
    pub visiting: String,
    pub activities: Text,
}

#[derive(Debug, Clone, Hash)]
pub struct Unit {
    pub name: String,
    pub kind: UnitKind,
}
