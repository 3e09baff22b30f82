//! What templates see: the site model resolved for one page in one variant.
//! Every text is already the variant's wording and every link is already a
//! relative `href`, so templates only lay things out.

use std::collections::BTreeMap;

use serde::Serialize;

pub use super::card_css::{card_class, card_labels_css};
pub use super::filter_views::{CommonValues, FilterGroup, FilterOption, common_values, filter_groups, filter_label};
use super::inputs::{PageHeading, Row, ServiceInput};
use super::service_texts::ServiceTexts;
use crate::domain::Variant;
use crate::markdown;
use crate::model::{CapacityStatus, Ownership, Page, Provider};

pub use super::context::{KINDS, VariantContext, capacity_key, kind_key, ownership_key};
pub use super::kind_views::unit_key;
pub use super::layout_view::{Alternate, ContactView, Layout, Link, Place, layout, web_label};

/// A provider as a row in a list or a whole page.
#[derive(Serialize)]
pub struct ProviderView {
    pub slug: String,
    pub name: String,
    /// The filter values this provider is listed under, space-separated, by
    /// query key (`bydel`, `sprak`, ...): the filter script's data.
    pub filter: BTreeMap<String, String>,
    /// Listed, but not matching the filter of the page it is on.
    pub hidden: bool,
    pub href: String,
    pub org_number: String,
    pub ownership: String,
    pub ownership_id: Ownership,
    pub districts: Vec<String>,
    pub languages: Vec<String>,
    pub capacity: String,
    pub capacity_id: CapacityStatus,
    pub capacity_as_of: String,
    /// Empty for the municipality's own provider.
    pub admission: Option<AdmissionView>,
    pub agreement: super::contact_views::AgreementView,
    /// Whom to tell to choose it: only on its own page.
    pub choose: Option<super::contact_views::ChooseContacts>,
    /// Empty in list rows (`provider_row`).
    pub description: String,
    pub extras: Vec<ExtraView>,
    pub staff_per_month: Option<u32>,
    pub continuity_note: Option<String>,
    pub last_checked: String,
    pub stale: bool,
    pub is_default: bool,
    /// The headline survey figure, for the service's comparison.
    pub survey_headline: Option<String>,
    /// The headline figure as a plain number ("4.9"), which the script
    /// sorts the list by; none when it is not shown.
    pub survey_sort: Option<String>,
    /// Its figure for each question of that survey: the comparison only.
    pub survey: Vec<super::compare_survey::SurveyCell>,
    pub contact: ContactView,
    pub image: Option<ImageView>,
    pub school: Option<SchoolView>,
    pub kindergarten: Option<super::kind_views::KindergartenView>,
    pub nursing_home: Option<super::kind_views::NursingHomeView>,
    /// Inspections and quality indicators (`quality_views`).
    pub quality: super::quality_views::QualityView,
}

#[derive(Serialize)]
pub struct AdmissionView {
    pub kind: String,
    pub from: String,
    pub until: Option<String>,
}

#[derive(Serialize)]
pub struct ExtraView {
    pub name: String,
    pub price: String,
    pub unit: String,
}

#[derive(Serialize)]
pub struct ImageView {
    pub src: String,
    pub alt: String,
}

#[derive(Serialize)]
pub struct SchoolView {
    pub grades: String,
    pub pupils: u32,
    pub capacity: u32,
    pub after_school_care: Option<String>,
    pub focus_areas: Vec<String>,
    pub transport: String,
    /// Empty in list rows (`provider_row`).
    pub self_description_html: String,
    /// On a plain page whose school wrote no plain text: the standard page.
    pub plain_missing: Option<String>,
}

/// A list fact as readers see it: its items, or the one "not stated"
/// wording, so no table cell or `<dd>` is ever empty (an empty cell reads
/// as nothing, or as a mistake).
fn listed(cx: &VariantContext, items: Vec<String>) -> Vec<String> {
    if items.is_empty() { vec![cx.s("not_stated")] } else { items }
}

pub fn provider_view(cx: &VariantContext, place: &Place, service: &ServiceInput, p: &Provider) -> ProviderView {
    let mut view = provider_row(cx, place, service, &Row::of(p, BTreeMap::new(), None));
    view.description = cx.text(&p.description).to_string();
    view.choose = Some(super::contact_views::choose_contacts(cx, place, service, p));
    view.quality.inspections = super::quality_views::inspections(cx, &p.inspections);
    if let (Some(school), Some(s)) = (view.school.as_mut(), p.school.as_ref()) {
        school.self_description_html = super::kind_views::self_description_html(cx, place, &s.self_description);
    }
    if let (Some(view), Some(text)) =
        (view.kindergarten.as_mut(), p.kindergarten.as_ref().and_then(|k| k.self_description.as_ref()))
    {
        view.self_description_html = super::kind_views::self_description_html(cx, place, text);
    }
    view
}

/// A provider as a row of a list or comparison: as on its own page, but
/// without the description and the school's self-description, which only
/// that page shows (the one costs a Markdown rendering per row, the other
/// copying the longest text of the profile into every row).
pub fn provider_row(cx: &VariantContext, place: &Place, service: &ServiceInput, p: &Row) -> ProviderView {
    let site = cx.site;
    let district_name = |id: &crate::domain::Slug| {
        site.districts.iter().find(|d| &d.id == id).map_or(id.to_string(), |d| d.name.clone())
    };
    ProviderView {
        slug: p.slug.to_string(),
        name: p.name.to_string(),
        filter: p.filter.clone(),
        hidden: false,
        href: place.linker.page(p.path(&site.routes).as_str()),
        org_number: p.org_number.to_string(),
        ownership: cx.s_of(service.kind, ownership_key(p.ownership)),
        ownership_id: p.ownership,
        districts: listed(cx, p.districts.iter().map(district_name).collect()),
        languages: listed(cx, p.languages.iter().map(|l| l.name.clone()).collect()),
        capacity: cx.s_of(service.kind, capacity_key(p.capacity)),
        capacity_id: p.capacity,
        capacity_as_of: cx.date(p.capacity_as_of),
        admission: p.admission.as_ref().map(|a| AdmissionView {
            kind: cx.s_of(
                service.kind,
                match a.kind {
                    crate::model::AdmissionKind::FrameworkAgreement => "admission_framework_agreement",
                    crate::model::AdmissionKind::Approval => "admission_approval",
                },
            ),
            from: cx.date(a.from),
            until: a.until.map(|d| cx.date(d)),
        }),
        agreement: super::contact_views::agreement_view(cx, p.agreement),
        choose: None,
        description: String::new(),
        extras: p
            .extras
            .iter()
            .map(|e| ExtraView {
                name: cx.text(&e.name).to_string(),
                price: super::kind_views::kroner(e.price),
                unit: e.unit.clone(),
            })
            .collect(),
        staff_per_month: p.continuity.as_ref().map(|c| c.staff_per_month),
        continuity_note: p.continuity.as_ref().and_then(|c| c.note.as_ref()).map(|n| cx.text(n).to_string()),
        last_checked: cx.date(p.last_checked),
        stale: p.stale,
        is_default: service.default_provider.as_ref().is_some_and(|d| d.slug == p.slug),
        survey_headline: None,
        survey_sort: None,
        survey: Vec::new(),
        contact: ContactView::new(p.contact),
        image: p.image.as_ref().map(|i| ImageView { src: place.linker.site(i.published.as_str()), alt: i.alt.clone() }),
        school: p.school.as_ref().map(|s| SchoolView {
            grades: format!("{}–{}", s.grade_from, s.grade_to),
            pupils: s.pupils,
            capacity: s.capacity,
            after_school_care: s.after_school_care.as_ref().map(|a| cx.text(a).to_string()),
            focus_areas: listed(cx, s.focus_areas.to_vec()),
            transport: cx.text(s.transport).to_string(),
            self_description_html: String::new(),
            plain_missing: (cx.variant.is_plain() && !s.has_plain_self_description).then(|| standard_page(cx, place)),
        }),
        kindergarten: p
            .kindergarten
            .as_ref()
            .map(|k| super::kind_views::kindergarten(cx, k, || standard_page(cx, place))),
        nursing_home: p.nursing_home.as_ref().map(|n| super::kind_views::nursing_home(cx, n)),
        quality: super::quality_views::row(cx, service, p),
    }
}

/// The facts every citizen must be told about a service.
#[derive(Serialize)]
pub struct ServiceView {
    pub name: String,
    pub href: String,
    /// The summary's words, for the meta description.
    pub summary: String,
    /// The summary as inline HTML, for the home page's card.
    pub summary_html: String,
    /// The texts of the service page, rendered for it (`None` on the
    /// other pages, which do not show them).
    pub texts: Option<ServiceTexts>,
    /// The deadline to choose, as inline HTML.
    pub deadline: Option<String>,
    /// The district offices, where districts have their own.
    pub offices: Vec<super::contact_views::DistrictOffice>,
    /// Providers whose agreement has ended or not begun: named, not listed.
    pub not_offered: Vec<super::contact_views::NotOffered>,
    pub default_provider: Option<Link>,
    pub contact: ContactView,
    pub complaints_body: String,
    pub complaints_web: Option<String>,
    pub is_school: bool,
    pub is_kindergarten: bool,
    pub is_nursing_home: bool,
    /// Kindergartens: the admission round, as inline HTML.
    pub admission_round: Option<String>,
    /// Kindergartens: how many a family may rank.
    pub preferences: Option<u32>,
    pub provider_count: usize,
    /// "9 godkjente leverandører", "6 skoler": in the words of its kind.
    pub provider_count_label: String,
    /// The street index ("Finn bydelen din"), when the site has streets.
    pub streets_href: Option<String>,
}

pub fn service_view(cx: &VariantContext, place: &Place, s: &ServiceInput) -> ServiceView {
    ServiceView {
        name: s.name.to_string(),
        href: place.linker.page(s.path(&cx.site.routes).as_str()),
        summary: super::service_texts::words(cx, s.summary),
        summary_html: super::service_texts::inline(cx, place, s.summary),
        texts: None,
        deadline: s.deadline.map(|d| super::service_texts::inline(cx, place, d)),
        offices: super::contact_views::district_offices(cx),
        not_offered: super::contact_views::not_offered(cx, place, s),
        default_provider: s.default_provider.as_ref().map(|p| Link {
            label: p.name.to_string(),
            href: place.linker.page(p.path(&cx.site.routes).as_str()),
            current: false,
        }),
        contact: ContactView::new(s.contact),
        complaints_body: s.complaints.body.clone(),
        complaints_web: s.complaints.web.clone(),
        is_school: s.kind == crate::model::ServiceKind::School,
        is_kindergarten: s.kind == crate::model::ServiceKind::Kindergarten,
        is_nursing_home: s.kind == crate::model::ServiceKind::NursingHome,
        admission_round: s.admission_round.map(|a| super::service_texts::inline(cx, place, a)),
        preferences: s.preferences,
        provider_count: s.provider_count,
        provider_count_label: super::counts::counted(&cx.s_of(s.kind, "providers_count"), s.provider_count as u64),
        streets_href: s
            .streets
            .then(|| place.linker.page(crate::model::SitePath::streets(&cx.site.routes, s.id, None).as_str())),
    }
}

/// The service as its own page shows it: with its texts.
pub fn service_page_view(cx: &VariantContext, place: &Place, s: &ServiceInput) -> ServiceView {
    ServiceView { texts: Some(ServiceTexts::new(cx, place, s)), ..service_view(cx, place, s) }
}

#[derive(Serialize)]
pub struct PageView {
    pub title: String,
    pub summary: String,
    pub body_html: String,
    /// The body's sections, when it is long enough to need a list of them.
    pub toc: Vec<markdown::TocEntry>,
    pub href: String,
    /// On a plain page with no plain text of its own: the standard page.
    pub plain_missing: Option<String>,
    /// The patterns long words are hyphenated by: the page's language when
    /// there are patterns for it (nb, nn), none for a page in another.
    pub hyphenation: Option<&'static str>,
    /// The page's language when it is not the site's, so a list that
    /// shows its title and summary marks them (`lang`, `dir`).
    pub lang: Option<String>,
    pub dir: Option<&'static str>,
}

/// Ids `page.html` and `base.html` give their own elements.
const PAGE_TEMPLATE_IDS: [&str; 3] = ["main", "pages-nav-h", "toc-h"];

/// An information page as lists of pages show it: title and summary.
pub fn page_heading_view(cx: &VariantContext, place: &Place, page: &PageHeading) -> PageView {
    let foreign = foreign(cx, page.lang);
    PageView {
        title: cx.text(page.title).to_string(),
        summary: cx.text(page.summary).to_string(),
        body_html: String::new(),
        toc: Vec::new(),
        href: place.linker.page(page.path().as_str()),
        plain_missing: None,
        lang: foreign.map(|tag| tag.to_string()),
        dir: foreign.map(|tag| tag.dir()),
        hyphenation: hyphenation(cx, page.lang),
    }
}

/// A page's language when it is not the site's.
fn foreign<'t>(
    cx: &VariantContext,
    lang: Option<&'t crate::domain::LanguageTag>,
) -> Option<&'t crate::domain::LanguageTag> {
    lang.filter(|tag| tag.as_str() != cx.site.language.code())
}

/// An information page as its own page shows it: with its body.
pub fn page_view(cx: &VariantContext, place: &Place, page: &Page) -> PageView {
    let block = markdown::Block {
        linker: &place.linker,
        labels: &cx.markdown_labels(),
        section_level: 1,
        id_prefix: "",
        reserved_ids: &PAGE_TEMPLATE_IDS,
        contents: true,
        foreign: foreign(cx, page.lang.as_ref()).is_some(),
    };
    let body = markdown::render(cx.text(&page.body), &block);
    let foreign = foreign(cx, page.lang.as_ref());
    PageView {
        title: cx.text(&page.title).to_string(),
        summary: cx.text(&page.summary).to_string(),
        body_html: body.html,
        toc: body.toc,
        href: place.linker.page(page.path().as_str()),
        plain_missing: plain_missing(cx, place, &page.body),
        lang: foreign.map(|tag| tag.to_string()),
        dir: foreign.map(|tag| tag.dir()),
        hyphenation: hyphenation(cx, page.lang.as_ref()),
    }
}

/// The hyphenation patterns of a page written in `lang` (the site's
/// language when none): none for a language without patterns.
fn hyphenation(cx: &VariantContext, lang: Option<&crate::domain::LanguageTag>) -> Option<&'static str> {
    match lang {
        None => Some(cx.site.language.code()),
        Some(tag) => match tag.primary() {
            "nb" | "no" => Some("nb"),
            "nn" => Some("nn"),
            _ => None,
        },
    }
}

/// Where the standard wording of a text is, when a plain reader gets it
/// because no plain wording was written: the same page without lettlest.
fn plain_missing(cx: &VariantContext, place: &Place, text: &crate::domain::Text) -> Option<String> {
    (cx.variant.is_plain() && text.plain.is_none()).then(|| standard_page(cx, place))
}

/// The same page in the variant without lettlest.
fn standard_page(cx: &VariantContext, place: &Place) -> String {
    let standard = if cx.variant.is_large_print() { Variant::LargePrint } else { Variant::Standard };
    place.linker.site(&place.path.in_variant(standard))
}

pub fn home_crumb(cx: &VariantContext, place: &Place) -> Link {
    Link { label: cx.s("nav_home"), href: place.linker.page(""), current: false }
}

pub fn service_crumb(cx: &VariantContext, place: &Place, s: &ServiceInput) -> Link {
    Link { label: s.name.to_string(), href: place.linker.page(s.path(&cx.site.routes).as_str()), current: false }
}
