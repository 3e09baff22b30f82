//! The site model's types: the site, its services, providers and pages,
//! validated, with every page's address decided.

use std::path::PathBuf;

use super::agreement::{Admission, Agreement};
use super::filters::Filters;
use super::indicators::{self, Indicator};
use super::inspection;
use super::routes::{Routes, SitePath};
use super::staff_language::StaffLanguage;
use super::survey::Survey;
use crate::domain::{Date, OrgNumber, Slug, Text};
use crate::load::raw::{CapacityStatus, Language, Limits, Ownership, ServiceKind};

#[derive(Debug)]
pub struct Site {
    pub municipality: String,
    pub identity: Identity,
    pub language: Language,
    /// Always ends with `/`.
    pub base_url: String,
    /// The words of the addresses, in the site's language.
    pub routes: Routes,
    pub intro: Text,
    pub contact: Contact,
    pub districts: Vec<District>,
    pub services: Vec<Service>,
    pub pages: Vec<Page>,
    /// The street register (`streets.csv`), sorted A–Å; empty without one.
    pub streets: Vec<super::streets::Street>,
    /// Oldest first within each series.
    pub surveys: Vec<Survey>,
    pub limits: Limits,
    /// Most providers on one listing page (`listing.page_size`).
    pub page_size: usize,
    /// The profile form's repository (`cms:`); without it no admin/ is written.
    pub cms: Option<Cms>,
    /// The date the build treats as today (staleness, "last checked").
    pub today: Date,
    /// Links authors wrote to pages of this site, checked against the
    /// rendered site.
    pub links: Vec<InternalLink>,
}

/// A link to a page of this site (`/klage/#frister`) as an author wrote it.
#[derive(Debug, Clone)]
pub struct InternalLink {
    pub file: PathBuf,
    pub position: crate::diagnostics::Position,
    pub path: SitePath,
    /// Without `#`; empty when the link has none.
    pub fragment: String,
    /// Written in a plain-language text: shown on the plain variants.
    pub plain: bool,
}

/// Where the profile form (admin/) reads and commits the profiles.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cms {
    pub backend: crate::load::raw::CmsBackend,
    /// `owner/name`.
    pub repo: String,
    pub branch: String,
}

/// How the site looks like the municipality's own: logo and brand colour.
#[derive(Debug, Clone, Default)]
pub struct Identity {
    pub logo: Option<Logo>,
    /// Checked to reach 4.5:1 against white text, so it is safe for the
    /// header bar and for links.
    pub brand_colour: Option<crate::domain::Colour>,
}

/// The logo's file, relative to the site root (files under static/ are
/// published as they are), and the size it declares, when it declares one.
#[derive(Debug, Clone)]
pub struct Logo {
    pub path: String,
    pub size: Option<crate::domain::PictureSize>,
}

#[derive(Debug, Clone)]
pub struct District {
    pub id: Slug,
    pub name: String,
    /// The district's own office (`districts[].contact`); without one, its
    /// citizens contact the service's contact.
    pub contact: Option<Contact>,
}

#[derive(Debug, Clone, Default, Hash)]
pub struct Contact {
    pub name: Option<String>,
    pub phone: String,
    pub email: Option<String>,
    pub web: Option<String>,
    pub address: Option<String>,
    pub opening_hours: Option<String>,
}

#[derive(Debug)]
pub struct Service {
    pub id: Slug,
    pub name: String,
    pub kind: ServiceKind,
    pub summary: Text,
    pub description: Text,
    pub scheme: Text,
    pub municipality_role: Text,
    pub access: Text,
    pub payment: Text,
    pub how_to_choose: Text,
    pub how_to_switch: Text,
    /// Schools usually have none.
    pub notice_period: Option<Text>,
    /// By when the citizen must choose ("Søk innen 1. mars").
    pub deadline: Option<Text>,
    /// `None` only where no provider is given by default: for schools the
    /// default is each child's nearest school, which depends on the
    /// address; kindergartens and nursing homes give places by application.
    pub default_provider: Option<Slug>,
    /// Kindergartens: the admission round ("Hovedopptak: søk innen 1. mars").
    pub admission_round: Option<Text>,
    /// Kindergartens: how many a family may rank in its application.
    pub preferences: Option<u32>,
    pub no_choice: Text,
    pub contact: Contact,
    pub complaints: Complaints,
    /// The quality indicators every provider of the service is shown with;
    /// each provider's figures are in `Provider::indicators`.
    pub indicators: Vec<Indicator>,
    /// In neutral order: alphabetical by name, Norwegian collation; the
    /// municipal provider is not pinned first.
    pub providers: Vec<Provider>,
    /// Providers whose agreement has ended or not yet begun on the build
    /// date (`agreement`): each keeps its page, but no list, filter, count
    /// or comparison has them. In the same neutral order.
    pub not_offered: Vec<Provider>,
    /// Lookups every page of the service needs, made once (`sort_providers`).
    pub index: ServiceIndex,
}

/// Positions in a service's providers, so pages need not search them.
#[derive(Debug, Default)]
pub struct ServiceIndex {
    pub(super) default: Option<usize>,
    pub(super) filters: Filters,
}

impl Service {
    pub fn path(&self, routes: &Routes) -> SitePath {
        SitePath::service(routes, &self.id)
    }

    pub fn default_provider(&self) -> Option<&Provider> {
        self.index.default.map(|i| &self.providers[i])
    }

    /// Every provider with a page: those offered, then those not offered.
    pub fn every_provider(&self) -> impl Iterator<Item = &Provider> {
        self.providers.iter().chain(&self.not_offered)
    }
}

#[derive(Debug)]
pub struct Complaints {
    pub body: String,
    pub how: Text,
    pub web: Option<String>,
}

#[derive(Debug, Clone, Hash)]
pub struct Provider {
    pub slug: Slug,
    pub service: Slug,
    pub name: String,
    pub org_number: OrgNumber,
    pub ownership: Ownership,
    pub districts: Vec<Slug>,
    pub contact: Contact,
    /// By name, each once.
    pub languages: Vec<StaffLanguage>,
    pub capacity: CapacityStatus,
    pub capacity_as_of: Date,
    /// `None` for the municipality's own provider, which is not admitted.
    pub admission: Option<Admission>,
    /// The admission as it stands on the build date.
    pub agreement: Agreement,
    pub description: Text,
    pub extras: Vec<Extra>,
    pub continuity: Option<Continuity>,
    pub last_checked: Date,
    pub stale: bool,
    pub image: Option<Image>,
    pub school: Option<School>,
    pub kindergarten: Option<super::kinds::Kindergarten>,
    pub nursing_home: Option<super::kinds::NursingHome>,
    /// Newest first.
    pub inspections: Vec<inspection::Inspection>,
    /// A figure per indicator of the service, in the service's order;
    /// `None` where the values file gives none.
    pub indicators: Vec<Option<indicators::Value>>,
}

impl Provider {
    pub fn path(&self, routes: &Routes) -> SitePath {
        SitePath::provider(routes, &self.service, &self.slug)
    }
}

#[derive(Debug, Clone, Hash)]
pub struct Extra {
    pub name: Text,
    /// Whole kroner.
    pub price: u32,
    pub unit: String,
}

#[derive(Debug, Clone, Hash)]
pub struct Continuity {
    pub staff_per_month: u32,
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Hash)]
pub struct Image {
    pub source: PathBuf,
    /// Where the image is published, relative to the site root.
    pub published: SitePath,
    pub alt: String,
}

#[derive(Debug, Clone, Hash)]
pub struct School {
    pub grade_from: u8,
    pub grade_to: u8,
    pub pupils: u32,
    pub capacity: u32,
    pub after_school_care: Option<Text>,
    pub focus_areas: Vec<String>,
    pub transport: Text,
    /// Markdown source of the self-description (egenomtale).
    pub self_description: Text,
}

#[derive(Debug, Hash)]
pub struct Page {
    pub slug: Slug,
    pub title: Text,
    pub summary: Text,
    pub order: i32,
    /// Markdown source.
    pub body: Text,
    /// The page's own language, when not the site's (`lang:`).
    pub lang: Option<crate::domain::LanguageTag>,
}

impl Page {
    pub fn path(&self) -> SitePath {
        SitePath::page(&self.slug)
    }
}
