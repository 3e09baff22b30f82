//! What a citizen is told about whom to contact and by when: the district
//! offices (`districts[].contact`), the deadline to choose, and where a
//! provider's agreement stands on the build date.

use serde::Serialize;

use super::context::VariantContext;
use super::inputs::ServiceInput;
use super::layout_view::{ContactView, Place};
use crate::domain::Slug;
use crate::model::{Agreement, Provider};

/// A provider page names at most this many district offices; a provider
/// in more districts links to the service page's list of all of them, so
/// the page does not grow with the number of districts.
const MOST_OFFICES_ON_A_PROVIDER_PAGE: usize = 5;

/// A district's own office.
#[derive(Serialize, Clone)]
pub struct DistrictOffice {
    pub district: String,
    pub contact: ContactView,
}

/// Every district office of the site, in the configured order of the
/// districts; empty when no district has one.
pub fn district_offices(cx: &VariantContext) -> Vec<DistrictOffice> {
    offices_of(cx, cx.site.districts.iter().map(|d| &d.id))
}

/// The offices of the districts `ids`, where they have one.
fn offices_of<'a>(cx: &VariantContext, ids: impl Iterator<Item = &'a Slug>) -> Vec<DistrictOffice> {
    ids.filter_map(|id| cx.site.districts.iter().find(|d| &d.id == id))
        .filter_map(|d| {
            let contact = d.contact.as_ref()?;
            Some(DistrictOffice { district: d.name.clone(), contact: ContactView::new(contact) })
        })
        .collect()
}

/// The office of one district, for its filter page.
pub fn district_office(cx: &VariantContext, id: &str) -> Option<DistrictOffice> {
    let district = cx.site.districts.iter().find(|d| d.id.as_str() == id)?;
    offices_of(cx, std::iter::once(&district.id)).pop()
}

/// Whom a citizen tells that they choose this provider.
#[derive(Serialize, Default)]
pub struct ChooseContacts {
    /// The offices of the provider's districts, when few enough to name.
    pub offices: Vec<DistrictOffice>,
    /// The provider serves more districts with an office than the page
    /// names: the link to the service page's list of offices.
    pub offices_href: Option<String>,
    /// Some of the provider's districts have no office of their own: their
    /// citizens contact the service's contact.
    pub service_contact_too: bool,
}

pub fn choose_contacts(cx: &VariantContext, place: &Place, service: &ServiceInput, p: &Provider) -> ChooseContacts {
    let offices = offices_of(cx, p.districts.iter());
    let service_contact_too = offices.len() < p.districts.len();
    if offices.len() > MOST_OFFICES_ON_A_PROVIDER_PAGE {
        let href = place.linker.page(service.path(&cx.site.routes).as_str());
        let anchor = cx.site.routes.anchors.get("contact").map_or("", |a| a.as_str());
        let href = format!("{href}#{anchor}");
        return ChooseContacts { offices: Vec::new(), offices_href: Some(href), service_contact_too };
    }
    ChooseContacts { offices, offices_href: None, service_contact_too }
}

/// An agreement as readers are told of it.
#[derive(Serialize)]
pub struct AgreementView {
    /// `active`, `ending`, `ended` or `not-started` (as in open data).
    pub status: &'static str,
    /// The last day (ending, ended) or first day (not started).
    pub date: Option<String>,
}

pub fn agreement_view(cx: &VariantContext, agreement: Agreement) -> AgreementView {
    let date = match agreement {
        Agreement::Active => None,
        Agreement::Ending(d) | Agreement::Ended(d) | Agreement::NotStarted(d) => Some(cx.date(d)),
    };
    AgreementView { status: agreement.status(), date }
}

/// A provider the service page names but does not list: its agreement has
/// ended or not begun.
#[derive(Serialize)]
pub struct NotOffered {
    pub name: String,
    pub href: String,
    pub agreement: AgreementView,
}

pub fn not_offered(cx: &VariantContext, place: &Place, service: &ServiceInput) -> Vec<NotOffered> {
    service
        .not_offered
        .iter()
        .map(|p| NotOffered {
            name: p.name.to_string(),
            href: place.linker.page(p.path(&cx.site.routes).as_str()),
            agreement: agreement_view(cx, p.agreement),
        })
        .collect()
}
