//! The profile blocks of kindergartens and nursing homes, as written in
//! files (documented in docs/content.md). Like `RawSchool`, each block is
//! required for its kind of service and refused elsewhere.

use schemars::JsonSchema;
use serde::Deserialize;

use super::spanned::S;

/// A kindergarten's facts: what families compare.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawKindergarten {
    /// The children's ages, youngest to oldest, e.g. "1–5" (0 to 6).
    pub ages: S<String>,
    /// Places in total (1 to 1,000).
    pub places: S<u32>,
    /// When it is open, e.g. "07.00–17.00".
    pub opening_hours: S<String>,
    /// Meals the kindergarten serves, e.g. "Frokost og varm lunsj hver dag".
    pub meals: Option<S<String>>,
    /// The pedagogical profile in a sentence, e.g. "Natur og friluftsliv".
    pub profile: S<String>,
    /// The profile in plain language.
    pub profile_plain: Option<S<String>>,
    /// Outdoor life: the playground, trips, nearby nature.
    pub outdoor: Option<S<String>>,
    /// Monthly parental price for a full-time place in whole kroner (0 to 10,000); leave out when the national maximum price applies.
    pub price: Option<S<u32>>,
    /// Food money in whole kroner per month (0 to 3,000), paid on top of the price.
    pub food_money: Option<S<u32>>,
}

/// A nursing home's facts: what residents and their families compare.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawNursingHome {
    /// Places for residents in total (1 to 1,000).
    pub places: S<u32>,
    /// How many of the rooms are single rooms (0 to places).
    pub single_rooms: S<u32>,
    /// The units (avdelinger), each with its name and kind.
    #[serde(default)]
    pub units: Vec<RawUnit>,
    /// Visiting: when and how relatives can come.
    pub visiting: S<String>,
    /// Activities offered to residents.
    pub activities: S<String>,
    /// The activities in plain language.
    pub activities_plain: Option<S<String>>,
}

/// One unit (avdeling) of a nursing home.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    /// The unit's name, e.g. "Solsiden".
    pub name: S<String>,
    /// dementia, short-term, rehabilitation or long-term.
    pub kind: UnitKind,
}

/// What a nursing home's unit is for.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum UnitKind {
    /// Skjermet enhet for personer med demens.
    Dementia,
    /// Korttidsopphold.
    ShortTerm,
    /// Rehabilitering.
    Rehabilitation,
    /// Langtidsopphold.
    LongTerm,
}
