//! The input formats exactly as written in files (documented field by field
//! in docs/content.md). Fields that later checks must point at are
//! `Spanned`, so a finding can name their line and column.

use schemars::JsonSchema;
use serde::Deserialize;

pub use super::limits::{Limits, RawLimits};
pub use super::raw_kinds::{RawKindergarten, RawNursingHome, RawUnit, UnitKind};
pub use super::spanned::S;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSiteConfig {
    /// The municipality's name, shown in every page title.
    pub municipality: String,
    /// The municipality's logo, shown in the header: an SVG or PNG file under static/, e.g. `logo.svg`.
    pub logo: Option<S<String>>,
    /// The brand colour as #rrggbb: the header bar (with white text on it) and links. Must reach 4.5:1 against white.
    pub brand_colour: Option<S<String>>,
    /// Language of the UI strings: nb (bokmål) or nn (nynorsk).
    pub language: Language,
    /// The address the site is published at, ending with /.
    pub base_url: S<String>,
    /// The home page's opening text, in Markdown (see docs/content.md).
    pub intro: S<String>,
    /// The home page's opening paragraph in plain language.
    pub intro_plain: Option<S<String>>,
    /// Whom to contact: phone is required.
    pub contact: RawContact,
    /// Districts (ids from brukervalg.yaml).
    pub districts: Vec<RawDistrict>,
    /// The services in the scheme.
    pub services: Vec<RawService>,
    /// Build limits; see docs/limits.md.
    #[serde(default)]
    pub limits: RawLimits,
    /// How long lists of providers are split into pages.
    #[serde(default)]
    pub listing: RawListing,
    /// House style: which form of a word the site's texts use where the written standard allows two (nynorsk «tyder» or «betyr»); a text using the other form is warned about. See docs/content.md.
    #[serde(default)]
    pub language_forms: RawLanguageForms,
    /// The form providers edit their profile in (admin/, Sveltia CMS); without it no admin/ is written. See docs/for-providers.md.
    pub cms: Option<RawCms>,
}

/// `language_forms:` as written: per language, the forms the site uses.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLanguageForms {
    /// Nynorsk forms, from: tyder or betyr, hjå or hos, òg or også, handsame or behandle. Default: [tyder, hjå, òg, handsame]; a word left out is not checked, `[]` checks none.
    pub nn: Option<Vec<S<String>>>,
    /// Bokmål forms, from: fram or frem, selv or sjøl, hjem or heim, ble or blei. Default: [fram, selv, hjem, ble]; a word left out is not checked, `[]` checks none.
    pub nb: Option<Vec<S<String>>>,
}

/// `cms:` as written: where the form reads and commits the profiles.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCms {
    /// The code host the content repository is on: github or gitlab (the two on which the CMS offers pull requests).
    pub backend: CmsBackend,
    /// The content repository, as owner/name, e.g. `fjordvik-kommune/brukervalg`.
    pub repo: S<String>,
    /// The branch the site is built from (default main).
    pub branch: Option<S<String>>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CmsBackend {
    Github,
    Gitlab,
}

impl CmsBackend {
    pub fn name(self) -> &'static str {
        match self {
            CmsBackend::Github => "github",
            CmsBackend::Gitlab => "gitlab",
        }
    }
}

/// `listing:` as written.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawListing {
    /// Most providers on one page of a service's list, filter pages and side-by-side page; longer lists get numbered pages (default 50, 5 to 500).
    pub page_size: Option<S<u64>>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash, serde::Serialize, JsonSchema)]
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

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDistrict {
    /// Id used in addresses: a-z, digits and hyphens.
    pub id: S<String>,
    /// The name as readers know it.
    pub name: String,
    /// The district's own office, when citizens of the district contact it rather than the service's contact: phone is required.
    pub contact: Option<RawContact>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash, serde::Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceKind {
    HomeCare,
    NursingHome,
    School,
    Kindergarten,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawService {
    /// Id used in addresses: a-z, digits and hyphens.
    pub id: S<String>,
    /// The name as readers know it.
    pub name: String,
    /// What kind it is; see docs/content.md.
    pub kind: ServiceKind,
    /// One sentence shown in lists; Markdown links and emphasis only (no lists, tables or headings).
    pub summary: S<String>,
    /// The summary in plain language.
    pub summary_plain: Option<S<String>>,
    /// What it is, in a few sentences. Every text of a service is Markdown: links, lists, emphasis, tables.
    pub description: S<String>,
    /// The description in plain language: short sentences, everyday words.
    pub description_plain: Option<S<String>>,
    /// What the free-choice scheme is and is not.
    pub scheme: S<String>,
    /// The scheme in plain language.
    pub scheme_plain: Option<S<String>>,
    /// What the municipality is responsible for, whichever provider is chosen.
    pub municipality_role: S<String>,
    /// The municipality's role in plain language.
    pub municipality_role_plain: Option<S<String>>,
    /// How access is decided (application, decision).
    pub access: S<String>,
    /// How access is decided, in plain language.
    pub access_plain: Option<S<String>>,
    /// How providers are paid and what the citizen pays.
    pub payment: S<String>,
    /// Payment in plain language.
    pub payment_plain: Option<S<String>>,
    /// The concrete steps to choose a provider.
    pub how_to_choose: S<String>,
    /// How to choose, in plain language.
    pub how_to_choose_plain: Option<S<String>>,
    /// How to switch provider.
    pub how_to_switch: S<String>,
    /// How to switch, in plain language.
    pub how_to_switch_plain: Option<S<String>>,
    /// Notice period when switching, e.g. "1 måned"; required for home care. For kindergartens it is shown as the time to give notice of the place. Markdown links and emphasis only.
    pub notice_period: Option<S<String>>,
    /// The notice period in plain language.
    pub notice_period_plain: Option<S<String>>,
    /// By when the citizen must choose, e.g. "Velg innen 14 dager etter vedtaket" or "Søk innen 1. mars".
    pub deadline: Option<S<String>>,
    /// The deadline in plain language.
    pub deadline_plain: Option<S<String>>,
    /// File name (without .yaml) of the provider citizens get if they do not choose; required for home care, leave out for schools, kindergartens and nursing homes.
    pub default_provider: Option<S<String>>,
    /// Kindergartens: the admission round, e.g. "Hovedopptak: søk innen 1. mars". Markdown links and emphasis only.
    pub admission_round: Option<S<String>>,
    /// The admission round in plain language.
    pub admission_round_plain: Option<S<String>>,
    /// Kindergartens: how many kindergartens a family may rank in its application (1 to 10).
    pub preferences: Option<S<u32>>,
    /// What happens if the citizen does not choose.
    pub no_choice: S<String>,
    /// What happens if the citizen does not choose, in plain language.
    pub no_choice_plain: Option<S<String>>,
    /// Whom to contact: phone is required.
    pub contact: RawContact,
    /// Where and how to complain.
    pub complaints: RawComplaints,
    /// Quality indicators the municipality publishes for every provider of
    /// the service; the values are in `indicators/<service id>.csv`.
    #[serde(default)]
    pub indicators: Vec<RawIndicator>,
}

/// One quality indicator of a service, as written in brukervalg.yaml.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    /// Id used in the values file's `indicator` column: a-z, digits and hyphens.
    pub id: S<String>,
    /// The name as readers know it, e.g. "Andel ansatte med helsefaglig utdanning".
    pub name: S<String>,
    /// The name in plain language.
    pub name_plain: Option<S<String>>,
    /// percent (0 to 100) or number.
    pub unit: IndicatorUnit,
    /// Who measured it, e.g. "Fjordvik kommune, HR-avdelingen".
    pub source: S<String>,
    /// The period the figures are for, e.g. "2025".
    pub period: S<String>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum IndicatorUnit {
    /// A share from 0 to 100, shown as "87 %".
    Percent,
    /// Any number, shown with a decimal comma.
    Number,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawComplaints {
    /// Who handles complaints, e.g. Statsforvalteren.
    pub body: String,
    /// How to complain.
    pub how: S<String>,
    /// How to complain, in plain language.
    pub how_plain: Option<S<String>>,
    /// Web address, starting with https://.
    pub web: Option<S<String>>,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawContact {
    /// The name as readers know it.
    pub name: Option<S<String>>,
    /// Norwegian phone number: 8 digits, optionally +47.
    pub phone: S<String>,
    /// E-mail address.
    pub email: Option<S<String>>,
    /// Web address, starting with https://.
    pub web: Option<S<String>>,
    /// Visiting or postal address.
    pub address: Option<String>,
    /// When the phone is answered.
    pub opening_hours: Option<String>,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProvider {
    /// The name as readers know it.
    pub name: S<String>,
    /// Organisation number from Enhetsregisteret: 9 digits with a mod-11 check digit.
    pub org_number: S<String>,
    /// municipal, private or non-profit.
    pub ownership: Ownership,
    /// Districts served: a list of ids from brukervalg.yaml, or `all` for every district of the site, now and later.
    pub districts: S<RawDistricts>,
    /// Whom to contact: phone is required.
    pub contact: RawContact,
    /// Languages staff can speak with users, as ISO 639-1 codes (nb, en, pl, ...).
    pub languages: Vec<S<String>>,
    /// Whether the provider can take new users, and as of when.
    pub capacity: RawCapacity,
    /// How the provider was admitted to the scheme; not for municipal providers.
    pub admission: Option<RawAdmission>,
    /// What it is, in a few sentences.
    pub description: S<String>,
    /// The description in plain language: short sentences, everyday words.
    pub description_plain: Option<S<String>>,
    /// Paid extra services, kept apart from the publicly funded service.
    #[serde(default)]
    pub extras: Vec<RawExtra>,
    /// How many different staff a typical user meets.
    pub continuity: Option<RawContinuity>,
    /// When the municipality last checked the profile (YYYY-MM-DD).
    pub last_checked: S<String>,
    /// An optional photo beside the profile, with a text alternative.
    pub image: Option<RawImage>,
    /// School facts; only for providers of a school service.
    pub school: Option<S<RawSchool>>,
    /// Kindergarten facts; only for providers of a kindergarten service.
    pub kindergarten: Option<S<RawKindergarten>>,
    /// Nursing-home facts; only for providers of a nursing-home service.
    pub nursing_home: Option<S<RawNursingHome>>,
    /// Inspections (tilsyn) of the provider, in any order.
    #[serde(default)]
    pub inspections: Vec<RawInspection>,
}

/// One inspection (tilsyn) of a provider.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawInspection {
    /// The day of the inspection (YYYY-MM-DD).
    pub date: S<String>,
    /// Who inspected, e.g. "Fjordvik kommune, tilsynsteamet" or "Statsforvalteren".
    pub by: S<String>,
    /// The result in a sentence or two.
    pub summary: S<String>,
    /// The result in plain language.
    pub summary_plain: Option<S<String>>,
    /// open (items still being followed up) or closed.
    #[schemars(extend("enum" = ["open", "closed"]))]
    pub follow_up: S<String>,
    /// Web address of the report, starting with https://.
    pub report: Option<S<String>>,
}

/// A profile's `districts:`: a list of ids, or the word `all`.
#[derive(Clone, Debug, JsonSchema)]
#[serde(untagged)]
pub enum RawDistricts {
    /// Every district of the site, also those added later: write `all`.
    All(AllDistricts),
    /// District ids from brukervalg.yaml.
    List(Vec<S<String>>),
    /// A single word other than `all` (refused with help; not in the schema).
    #[schemars(skip)]
    Other(String),
}

/// The one word `districts:` takes instead of a list.
#[derive(Clone, Debug, JsonSchema)]
pub enum AllDistricts {
    #[serde(rename = "all")]
    All,
}

impl<'de> Deserialize<'de> for RawDistricts {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // By hand, not `untagged`: serde's buffering for untagged enums
        // would lose the positions of the ids in the list.
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawDistricts;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of district ids, or `all`")
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<RawDistricts, E> {
                Ok(if value.trim() == "all" {
                    RawDistricts::All(AllDistricts::All)
                } else {
                    RawDistricts::Other(value.to_string())
                })
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<RawDistricts, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element()? {
                    ids.push(id);
                }
                Ok(RawDistricts::List(ids))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Ownership {
    Municipal,
    Private,
    NonProfit,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CapacityStatus {
    Open,
    WaitingList,
    Full,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCapacity {
    /// open, waiting-list or full.
    pub status: CapacityStatus,
    /// The date the status was last confirmed (YYYY-MM-DD).
    pub as_of: S<String>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash, serde::Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AdmissionKind {
    FrameworkAgreement,
    Approval,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAdmission {
    /// What kind it is; see docs/content.md.
    pub kind: AdmissionKind,
    /// The date the provider was admitted (YYYY-MM-DD).
    pub from: S<String>,
    /// Last date the agreement runs (YYYY-MM-DD), if it ends.
    pub until: Option<S<String>>,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawExtra {
    /// The name as readers know it.
    pub name: S<String>,
    /// The name in plain language.
    pub name_plain: Option<String>,
    /// Price in whole kroner (0 to 1,000,000).
    pub price: S<u32>,
    /// What the price is for, e.g. "per time".
    pub unit: String,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawContinuity {
    /// Different staff a typical user meets in a month (1 to 200).
    pub staff_per_month: S<u32>,
    /// A short note.
    pub note: Option<S<String>>,
    /// The note in plain language.
    pub note_plain: Option<S<String>>,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawImage {
    /// File name of a .jpg, .jpeg, .png or .webp beside the profile.
    pub file: S<String>,
    /// Text describing the picture for those who cannot see it.
    pub alt: S<String>,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSchool {
    /// First and last grade (1-10).
    pub grades: S<RawGrades>,
    /// Number of pupils now (0 to 10,000).
    pub pupils: S<u32>,
    /// Places in total (1 to 10,000).
    pub capacity: S<u32>,
    /// The after-school programme (SFO); leave out if none.
    pub after_school_care: Option<S<String>>,
    /// The after-school programme in plain language.
    pub after_school_care_plain: Option<S<String>>,
    /// The school's profile or focus areas.
    #[serde(default)]
    pub focus_areas: Vec<String>,
    /// Transport rules: who gets free transport, who pays.
    pub transport: S<String>,
    /// Transport rules in plain language.
    pub transport_plain: Option<S<String>>,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawGrades {
    /// First grade.
    pub from: u8,
    /// Last grade.
    pub to: u8,
}

/// Front matter of a page under `content/`.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPage {
    /// The page's title.
    pub title: S<String>,
    /// One sentence shown in lists.
    pub summary: S<String>,
    /// Position in the menu (lower first).
    pub order: Option<i32>,
    /// The page's language when it is not the site's: a code such as nb,
    /// nn, se, en, pl or ar.
    pub lang: Option<S<String>>,
}

/// A user survey's description: `surveys/<id>.yaml`.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSurvey {
    /// The survey's name, shown to readers.
    pub name: String,
    /// The service whose providers were asked about (id from brukervalg.yaml).
    pub service: S<String>,
    /// Surveys of the same series in different years make a trend.
    pub series: S<String>,
    /// The year the survey was run.
    pub year: S<u16>,
    /// When answers were collected, e.g. "februar–mars 2026".
    pub period: String,
    /// Who ran the survey.
    pub source: String,
    /// Where to read more about the survey.
    pub source_url: Option<S<String>>,
    /// The answer scale; `max` is best.
    pub scale: S<RawScale>,
    /// The question shown on the service's comparison.
    pub headline: S<String>,
    /// The CSV file with the results, beside this file: columns provider,question and either respondents,mean or count_1 to count_N, optionally dont_know («vet ikke» answers).
    pub results: S<String>,
    /// A page on this site explaining how to read the results, e.g. /slik-leser-du-brukerundersokelser/.
    pub how_to_read: Option<S<String>>,
    /// The questions, in the order they are shown.
    pub questions: Vec<RawQuestion>,
    /// Response rate in percent, per provider id.
    #[serde(default)]
    pub response_rates: std::collections::BTreeMap<String, S<f64>>,
}

#[derive(Debug, Deserialize, JsonSchema, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct RawScale {
    /// The lowest answer.
    pub min: u8,
    /// The highest, best answer.
    pub max: u8,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    /// Id used in the results file: a-z, digits and hyphens.
    pub id: S<String>,
    /// The question exactly as it was asked (e.g. KS's wording). Every
    /// variant shows it: the figures belong to this question and no other.
    pub question: S<String>,
    /// A short explanation in plain words, shown beside the question in the
    /// plain variants and marked as an explanation; never a rewording shown
    /// instead of the question.
    pub plain_explanation: Option<S<String>>,
}
