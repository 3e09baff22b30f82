//! The input formats exactly as written in files (documented field by field
//! in docs/content.md). Fields that later checks must point at are
//! `Spanned`, so a finding can name their line and column.

use serde::Deserialize;
use serde_saphyr::Spanned;

pub type S<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSiteConfig {
    pub municipality: String,
    pub language: Language,
    pub base_url: S<String>,
    pub intro: S<String>,
    pub intro_plain: Option<S<String>>,
    pub contact: RawContact,
    pub districts: Vec<RawDistrict>,
    pub services: Vec<RawService>,
    #[serde(default)]
    pub limits: Limits,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Bokmål
    Nb,
    /// Nynorsk
    Nn,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Nb => "nb",
            Language::Nn => "nn",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDistrict {
    pub id: S<String>,
    pub name: String,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceKind {
    HomeCare,
    NursingHome,
    School,
    Kindergarten,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawService {
    pub id: S<String>,
    pub name: String,
    pub kind: ServiceKind,
    pub summary: S<String>,
    pub summary_plain: Option<S<String>>,
    pub description: S<String>,
    pub description_plain: Option<S<String>>,
    pub scheme: S<String>,
    pub scheme_plain: Option<S<String>>,
    pub municipality_role: S<String>,
    pub municipality_role_plain: Option<S<String>>,
    pub access: S<String>,
    pub access_plain: Option<S<String>>,
    pub payment: S<String>,
    pub payment_plain: Option<S<String>>,
    pub how_to_choose: S<String>,
    pub how_to_choose_plain: Option<S<String>>,
    pub how_to_switch: S<String>,
    pub how_to_switch_plain: Option<S<String>>,
    pub notice_period: String,
    pub default_provider: Option<S<String>>,
    pub no_choice: S<String>,
    pub no_choice_plain: Option<S<String>>,
    pub contact: RawContact,
    pub complaints: RawComplaints,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawComplaints {
    pub body: String,
    pub how: S<String>,
    pub how_plain: Option<S<String>>,
    pub web: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContact {
    pub name: Option<S<String>>,
    pub phone: S<String>,
    pub email: Option<S<String>>,
    pub web: Option<S<String>>,
    pub address: Option<String>,
    pub opening_hours: Option<String>,
}

#[derive(Clone, Copy, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    pub self_description_max_words: usize,
    pub description_max_words: usize,
    pub stale_after_months: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            self_description_max_words: 600,
            description_max_words: 120,
            stale_after_months: 12,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProvider {
    pub name: S<String>,
    pub org_number: S<String>,
    pub ownership: Ownership,
    pub districts: Vec<S<String>>,
    pub contact: RawContact,
    pub languages: Vec<S<String>>,
    pub capacity: RawCapacity,
    pub admission: Option<RawAdmission>,
    pub description: S<String>,
    pub description_plain: Option<S<String>>,
    #[serde(default)]
    pub extras: Vec<RawExtra>,
    pub continuity: Option<RawContinuity>,
    pub last_checked: S<String>,
    pub image: Option<RawImage>,
    pub school: Option<S<RawSchool>>,
}

#[derive(
    Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Ownership {
    Municipal,
    Private,
    NonProfit,
}

#[derive(
    Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum CapacityStatus {
    Open,
    WaitingList,
    Full,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCapacity {
    pub status: CapacityStatus,
    pub as_of: S<String>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AdmissionKind {
    FrameworkAgreement,
    Approval,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAdmission {
    pub kind: AdmissionKind,
    pub from: S<String>,
    pub until: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExtra {
    pub name: String,
    pub name_plain: Option<String>,
    pub price: u32,
    pub unit: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContinuity {
    pub staff_per_month: S<u32>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawImage {
    pub file: S<String>,
    pub alt: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSchool {
    pub grades: S<RawGrades>,
    pub pupils: u32,
    pub capacity: u32,
    pub after_school_care: Option<String>,
    #[serde(default)]
    pub focus_areas: Vec<String>,
    pub transport: S<String>,
    pub transport_plain: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGrades {
    pub from: u8,
    pub to: u8,
}

/// Front matter of a page under `content/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPage {
    pub title: S<String>,
    pub summary: S<String>,
    pub order: Option<i32>,
}
