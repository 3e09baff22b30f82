//! What templates see: the site model resolved for one page in one variant.
//! Every text is already the variant's wording and every link is already a
//! relative `href`, so templates only lay things out.

use std::collections::BTreeMap;

use serde::Serialize;

use super::service_texts::ServiceTexts;
use crate::domain::{Date, Text, Variant};
use crate::i18n::Translations;
use crate::markdown;
use crate::model::filters::{self, Dimension, Filter};
use crate::model::routes::Linker;
use crate::model::{CapacityStatus, Contact, Ownership, Page, Provider, Routes, Service, ServiceKind, Site, SitePath};

/// Everything one variant shares across its pages.
pub struct VariantContext<'a> {
    pub site: &'a Site,
    pub variant: Variant,
    pub t: &'a Translations,
    pub strings: BTreeMap<&'a str, &'a str>,
    /// The strings as pages of each kind of service see them.
    kinds: Vec<(ServiceKind, BTreeMap<&'a str, &'a str>)>,
    /// The filter values of each provider of each service (`filter_data`),
    /// in the order of `site.services` and their providers: a provider is
    /// a row on many list pages.
    filter_values: Vec<Vec<BTreeMap<String, String>>>,
}

impl<'a> VariantContext<'a> {
    pub fn new(site: &'a Site, t: &'a Translations, variant: Variant) -> Self {
        let strings = t.strings_for(variant);
        let kinds = KINDS.iter().map(|&kind| (kind, strings_for_kind(&strings, kind))).collect();
        let filter_values = site
            .services
            .iter()
            .map(|s| (0..s.providers.len()).map(|i| filter_data(filters::filters(s), i, &site.routes)).collect())
            .collect();
        VariantContext { site, variant, t, strings, kinds, filter_values }
    }

    /// The strings for pages about a service of `kind`: a key written as
    /// `school.section_about` in the i18n file replaces `section_about` on
    /// school pages, so schools speak of pupils and school places while
    /// home care speaks of providers. Plain wording of either applies in
    /// the plain variants.
    pub fn strings_of(&self, kind: ServiceKind) -> &BTreeMap<&'a str, &'a str> {
        self.kinds.iter().find(|(k, _)| *k == kind).map_or(&self.strings, |(_, s)| s)
    }

    /// One string in the words of a kind of service.
    pub fn s_of(&self, kind: ServiceKind, key: &str) -> String {
        self.strings_of(kind).get(key).map_or_else(|| key.to_string(), |s| s.to_string())
    }

    /// The filter values of the provider at `index` in `service`'s list.
    pub fn filter_values(&self, service: &Service, index: usize) -> BTreeMap<String, String> {
        let position = self.site.services.iter().position(|o| std::ptr::eq(o, service));
        match position.and_then(|s| self.filter_values.get(s)).and_then(|values| values.get(index)) {
            Some(values) => values.clone(),
            None => filter_data(filters::filters(service), index, &self.site.routes),
        }
    }

    pub fn text(&self, text: &'a Text) -> &'a str {
        text.for_variant(self.variant)
    }

    pub fn s(&self, key: &str) -> String {
        self.strings.get(key).map_or_else(|| self.t.missing(key), |s| s.to_string())
    }

    pub fn date(&self, date: Date) -> String {
        self.t.long_date(date)
    }
}

pub const KINDS: [ServiceKind; 4] =
    [ServiceKind::HomeCare, ServiceKind::NursingHome, ServiceKind::School, ServiceKind::Kindergarten];

/// The prefix of a kind's own strings in the i18n files, as the kind is
/// written in brukervalg.yaml.
pub fn kind_key(kind: ServiceKind) -> &'static str {
    match kind {
        ServiceKind::HomeCare => "home-care",
        ServiceKind::NursingHome => "nursing-home",
        ServiceKind::School => "school",
        ServiceKind::Kindergarten => "kindergarten",
    }
}

fn strings_for_kind<'a>(strings: &BTreeMap<&'a str, &'a str>, kind: ServiceKind) -> BTreeMap<&'a str, &'a str> {
    let prefix = format!("{}.", kind_key(kind));
    let mut out = strings.clone();
    for (key, value) in strings {
        if let Some(general) = key.strip_prefix(prefix.as_str()) {
            out.insert(general, value);
        }
    }
    out
}

#[derive(Serialize)]
pub struct Layout {
    /// The site's language: the menus, the footer and hyphenation.
    pub lang: &'static str,
    /// A page in another language than the site's (`lang:` of a content
    /// page): `<html lang>` and `dir` follow it.
    pub page_lang: Option<String>,
    pub page_dir: Option<&'static str>,
    pub title: String,
    /// For search engines; none on large-print pages, which are not listed
    /// in their own right.
    pub description: String,
    pub municipality: String,
    /// On a large-print page, the address of the same page in ordinary
    /// print: the same text, so search engines list that one only.
    pub canonical: Option<String>,
    pub stylesheet: String,
    pub favicon: String,
    /// The municipality's logo, when configured.
    pub logo: Option<String>,
    /// The style sheet with the brand colour, when one is configured.
    pub brand_stylesheet: Option<String>,
    /// The card labels of provider tables, on pages that have one.
    pub cards_stylesheet: Option<String>,
    /// The name of the variant the page is in, for the "Visning" control.
    pub variant_current: String,
    /// The progressive-enhancement script (filters, comparison).
    pub script: String,
    /// The providers as open data (CSV, JSON).
    pub open_data_csv: String,
    pub open_data_json: String,
    pub home: String,
    pub large_print: bool,
    pub plain: bool,
    /// The services: short enough for a phone's first screen.
    pub nav: Vec<Link>,
    /// The information pages, listed in the footer.
    pub pages_nav: Vec<Link>,
    pub variants: Vec<Link>,
    pub alternates: Vec<Alternate>,
    pub breadcrumbs: Vec<Link>,
    pub contact: ContactView,
}

#[derive(Serialize, Clone)]
pub struct Link {
    pub label: String,
    pub href: String,
    pub current: bool,
}

#[derive(Serialize)]
pub struct Alternate {
    pub href: String,
    pub title: String,
}

#[derive(Serialize, Clone, Default)]
pub struct ContactView {
    pub name: Option<String>,
    pub phone: String,
    pub phone_href: String,
    pub email: Option<String>,
    pub web: Option<String>,
    /// The web address as readers see it: without `https://` and a
    /// trailing slash (`www.fjordvik.kommune.no/skole`).
    pub web_label: Option<String>,
    pub address: Option<String>,
    pub opening_hours: Option<String>,
}

impl ContactView {
    pub fn new(c: &Contact) -> Self {
        let d = &c.phone;
        let phone =
            if d.len() == 8 { format!("{} {} {} {}", &d[0..2], &d[2..4], &d[4..6], &d[6..8]) } else { d.clone() };
        ContactView {
            name: c.name.clone(),
            phone,
            phone_href: format!("tel:+47{d}"),
            email: c.email.clone(),
            web: c.web.clone(),
            web_label: c.web.as_deref().map(web_label),
            address: c.address.clone(),
            opening_hours: c.opening_hours.clone(),
        }
    }
}

/// A web address as it is read and written: the scheme and a trailing
/// slash say nothing to a reader.
pub fn web_label(url: &str) -> String {
    let bare = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).unwrap_or(url);
    bare.strip_suffix('/').unwrap_or(bare).to_string()
}

/// Where a page is and how it links out.
pub struct Place {
    pub path: SitePath,
    pub linker: Linker,
}

impl Place {
    pub fn new(path: SitePath, variant: Variant, site: &Site) -> Place {
        let linker = if path == SitePath::not_found() {
            // Served for any missing address, so links cannot be relative.
            let base_path = site.base_url.splitn(4, '/').nth(3).map_or("/".to_string(), |p| format!("/{p}"));
            Linker::absolute(&base_path, variant)
        } else {
            Linker::for_page(&path, variant)
        };
        Place { path, linker }
    }
}

pub fn layout(
    cx: &VariantContext,
    place: &Place,
    title: String,
    description: String,
    breadcrumbs: Vec<Link>,
) -> Layout {
    let site = cx.site;
    let here = place.path.as_str();
    let mut nav = vec![Link { label: cx.s("nav_home"), href: place.linker.page(""), current: here.is_empty() }];
    for s in &site.services {
        let p = s.path(&site.routes);
        nav.push(Link {
            label: s.name.clone(),
            href: place.linker.page(p.as_str()),
            current: here.starts_with(p.as_str()),
        });
    }
    let pages_nav = site
        .pages
        .iter()
        .map(|page| {
            let p = page.path();
            Link {
                label: cx.text(&page.title).to_string(),
                href: place.linker.page(p.as_str()),
                current: here == p.as_str(),
            }
        })
        .collect();
    let variants = Variant::ALL
        .iter()
        .map(|&v| Link {
            label: cx.s(variant_key(v)),
            href: place.linker.site(&place.path.in_variant(v)),
            current: v == cx.variant,
        })
        .collect();
    let alternates = Variant::ALL
        .iter()
        .filter(|&&v| v != cx.variant)
        .map(|&v| Alternate { href: place.linker.site(&place.path.in_variant(v)), title: cx.s(variant_key(v)) })
        .collect();
    let page_title = if here.is_empty() { title.clone() } else { format!("{title} – {}", site.municipality) };
    Layout {
        lang: site.language.code(),
        page_lang: None,
        page_dir: None,
        title: page_title,
        description: if cx.variant.is_large_print() { String::new() } else { description },
        municipality: site.municipality.clone(),
        canonical: cx
            .variant
            .is_large_print()
            .then(|| format!("{}{}", site.base_url, place.path.in_variant(cx.variant.in_ordinary_print()))),
        stylesheet: place.linker.site("assets/style.css"),
        favicon: place.linker.site("favicon.svg"),
        logo: site.identity.logo.as_ref().map(|l| place.linker.site(l)),
        brand_stylesheet: site.identity.brand_colour.map(|_| place.linker.site(super::BRAND_CSS)),
        cards_stylesheet: None,
        variant_current: cx.s(variant_key(cx.variant)),
        script: place.linker.site("assets/brukervalg.js"),
        open_data_csv: place.linker.site("data/providers.csv"),
        open_data_json: place.linker.site("data/providers.json"),
        home: place.linker.page(""),
        large_print: cx.variant.is_large_print(),
        plain: cx.variant.is_plain(),
        nav,
        pages_nav,
        variants,
        alternates,
        breadcrumbs,
        contact: ContactView::new(&site.contact),
    }
}

impl Layout {
    /// Marks the page as written in `tag`, unless that is the site's language.
    pub fn set_page_language(&mut self, tag: Option<&crate::domain::LanguageTag>) {
        if let Some(tag) = tag.filter(|t| t.as_str() != self.lang) {
            self.page_lang = Some(tag.to_string());
            self.page_dir = Some(tag.dir());
        }
    }
}

fn variant_key(v: Variant) -> &'static str {
    match v {
        Variant::Standard => "variant_standard",
        Variant::Plain => "variant_plain",
        Variant::LargePrint => "variant_large_print",
        Variant::LargePrintPlain => "variant_large_print_plain",
    }
}

pub fn ownership_key(o: Ownership) -> &'static str {
    match o {
        Ownership::Municipal => "ownership_municipal",
        Ownership::Private => "ownership_private",
        Ownership::NonProfit => "ownership_non_profit",
    }
}

pub fn capacity_key(c: CapacityStatus) -> &'static str {
    match c {
        CapacityStatus::Open => "capacity_open",
        CapacityStatus::WaitingList => "capacity_waiting_list",
        CapacityStatus::Full => "capacity_full",
    }
}

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
    pub contact: ContactView,
    pub image: Option<ImageView>,
    pub school: Option<SchoolView>,
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

/// Whole kroner with a space between thousands, as Norwegian writes it.
fn kroner(amount: u32) -> String {
    format!("{}\u{a0}kr", super::pagination::grouped(amount as usize))
}

/// A list fact as readers see it: its items, or the one "not stated"
/// wording, so no table cell or `<dd>` is ever empty (an empty cell reads
/// as nothing, or as a mistake).
fn listed(cx: &VariantContext, items: Vec<String>) -> Vec<String> {
    if items.is_empty() { vec![cx.s("not_stated")] } else { items }
}

pub fn provider_view(cx: &VariantContext, place: &Place, service: &Service, p: &Provider) -> ProviderView {
    let mut view = provider_row(cx, place, service, p);
    view.description = cx.text(&p.description).to_string();
    view.choose = Some(super::contact_views::choose_contacts(cx, place, service, p));
    view.quality.inspections = super::quality_views::inspections(cx, p);
    if let (Some(school), Some(s)) = (view.school.as_mut(), p.school.as_ref()) {
        school.self_description_html = markdown::render(
            cx.text(&s.self_description),
            &markdown::Block {
                linker: &place.linker,
                labels: &markdown_labels(cx),
                // The self-description sits in the "Om skolen" h2 section.
                section_level: 2,
                id_prefix: "omtale-",
                reserved_ids: &[],
                contents: false,
                foreign: false,
            },
        )
        .html;
    }
    view
}

/// A provider as a row of a list or comparison: as on its own page, but
/// without the description and the school's self-description, which only
/// that page shows (the one costs a Markdown rendering per row, the other
/// copying the longest text of the profile into every row).
pub fn provider_row(cx: &VariantContext, place: &Place, service: &Service, p: &Provider) -> ProviderView {
    let site = cx.site;
    let district_name = |id: &crate::domain::Slug| {
        site.districts.iter().find(|d| &d.id == id).map_or(id.to_string(), |d| d.name.clone())
    };
    ProviderView {
        slug: p.slug.to_string(),
        name: p.name.clone(),
        filter: BTreeMap::new(),
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
            .map(|e| ExtraView { name: cx.text(&e.name).to_string(), price: kroner(e.price), unit: e.unit.clone() })
            .collect(),
        staff_per_month: p.continuity.as_ref().map(|c| c.staff_per_month),
        continuity_note: p.continuity.as_ref().and_then(|c| c.note.as_ref()).map(|n| cx.text(n).to_string()),
        last_checked: cx.date(p.last_checked),
        stale: p.stale,
        is_default: service.default_provider.as_ref() == Some(&p.slug),
        survey_headline: None,
        contact: ContactView::new(&p.contact),
        image: p.image.as_ref().map(|i| ImageView { src: place.linker.site(i.published.as_str()), alt: i.alt.clone() }),
        school: p.school.as_ref().map(|s| SchoolView {
            grades: format!("{}–{}", s.grade_from, s.grade_to),
            pupils: s.pupils,
            capacity: s.capacity,
            after_school_care: s.after_school_care.as_ref().map(|a| cx.text(a).to_string()),
            focus_areas: listed(cx, s.focus_areas.clone()),
            transport: cx.text(&s.transport).to_string(),
            self_description_html: String::new(),
            plain_missing: plain_missing(cx, place, &s.self_description),
        }),
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
    pub provider_count: usize,
    /// "9 godkjente leverandører", "6 skoler": in the words of its kind.
    pub provider_count_label: String,
}

pub fn service_view(cx: &VariantContext, place: &Place, s: &Service) -> ServiceView {
    ServiceView {
        name: s.name.clone(),
        href: place.linker.page(s.path(&cx.site.routes).as_str()),
        summary: super::service_texts::words(cx, &s.summary),
        summary_html: super::service_texts::inline(cx, place, &s.summary),
        texts: None,
        deadline: s.deadline.as_ref().map(|d| super::service_texts::inline(cx, place, d)),
        offices: super::contact_views::district_offices(cx),
        not_offered: super::contact_views::not_offered(cx, place, s),
        default_provider: s.default_provider().map(|p| Link {
            label: p.name.clone(),
            href: place.linker.page(p.path(&cx.site.routes).as_str()),
            current: false,
        }),
        contact: ContactView::new(&s.contact),
        complaints_body: s.complaints.body.clone(),
        complaints_web: s.complaints.web.clone(),
        is_school: s.kind == crate::model::ServiceKind::School,
        provider_count: s.providers.len(),
        provider_count_label: format!("{} {}", s.providers.len(), cx.s_of(s.kind, "providers_count_suffix")),
    }
}

/// The service as its own page shows it: with its texts.
pub fn service_page_view(cx: &VariantContext, place: &Place, s: &Service) -> ServiceView {
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
}

/// Ids `page.html` and `base.html` give their own elements.
const PAGE_TEMPLATE_IDS: [&str; 3] = ["main", "pages-nav-h", "toc-h"];

pub fn page_view(cx: &VariantContext, place: &Place, page: &Page, with_body: bool) -> PageView {
    let body = with_body.then(|| {
        let block = markdown::Block {
            linker: &place.linker,
            labels: &markdown_labels(cx),
            section_level: 1,
            id_prefix: "",
            reserved_ids: &PAGE_TEMPLATE_IDS,
            contents: true,
            foreign: page.lang.as_ref().is_some_and(|tag| tag.as_str() != cx.site.language.code()),
        };
        markdown::render(cx.text(&page.body), &block)
    });
    let (body_html, toc) = body.map_or_else(Default::default, |r| (r.html, r.toc));
    PageView {
        title: cx.text(&page.title).to_string(),
        summary: cx.text(&page.summary).to_string(),
        body_html,
        toc,
        href: place.linker.page(page.path().as_str()),
        plain_missing: if with_body { plain_missing(cx, place, &page.body) } else { None },
        hyphenation: match &page.lang {
            None => Some(cx.site.language.code()),
            Some(tag) => match tag.primary() {
                "nb" | "no" => Some("nb"),
                "nn" => Some("nn"),
                _ => None,
            },
        },
    }
}

/// The words a rendered Markdown block needs around it.
pub(crate) fn markdown_labels(cx: &VariantContext) -> markdown::Labels {
    markdown::Labels {
        lang: cx.site.language.code().to_string(),
        footnote: cx.s("footnote"),
        footnote_back: cx.s("footnote_back"),
        footnotes: cx.s("footnotes_heading"),
        table: cx.s("table_region"),
    }
}

/// Where the standard wording of a text is, when a plain reader gets it
/// because no plain wording was written: the same page without lettlest.
fn plain_missing(cx: &VariantContext, place: &Place, text: &crate::domain::Text) -> Option<String> {
    let standard = if cx.variant.is_large_print() { Variant::LargePrint } else { Variant::Standard };
    (cx.variant.is_plain() && text.plain.is_none()).then(|| place.linker.site(&place.path.in_variant(standard)))
}

pub fn home_crumb(cx: &VariantContext, place: &Place) -> Link {
    Link { label: cx.s("nav_home"), href: place.linker.page(""), current: false }
}

pub fn service_crumb(cx: &VariantContext, place: &Place, s: &Service) -> Link {
    Link { label: s.name.clone(), href: place.linker.page(s.path(&cx.site.routes).as_str()), current: false }
}

/// The filters of one dimension, as links to their pre-built pages.
#[derive(Serialize)]
pub struct FilterGroup {
    pub label: String,
    /// The query key the filter script uses for this dimension.
    pub key: String,
    pub options: Vec<FilterOption>,
}

#[derive(Serialize)]
pub struct FilterOption {
    pub label: String,
    pub value: String,
    pub href: String,
    pub count: usize,
    pub current: bool,
}

/// A filter value as readers know it, in the words of the service's kind.
pub fn filter_label(cx: &VariantContext, kind: ServiceKind, filter: &Filter) -> String {
    let site = cx.site;
    match filter.dimension {
        Dimension::District => site
            .districts
            .iter()
            .find(|d| d.id.as_str() == filter.value)
            .map_or(filter.value.clone(), |d| d.name.clone()),
        Dimension::Language => cx.t.language_name(&filter.value).unwrap_or(&filter.value).to_string(),
        Dimension::Ownership => [Ownership::Municipal, Ownership::Private, Ownership::NonProfit]
            .into_iter()
            .find(|o| filters::ownership_value(*o) == filter.value)
            .map_or(filter.value.clone(), |o| cx.s_of(kind, ownership_key(o))),
        Dimension::Capacity => [CapacityStatus::Open, CapacityStatus::WaitingList, CapacityStatus::Full]
            .into_iter()
            .find(|c| filters::capacity_value(*c) == filter.value)
            .map_or(filter.value.clone(), |c| cx.s_of(kind, capacity_key(c))),
    }
}

/// The values of the pre-built filter pages that list `p`, by query key.
/// The script counts with these, so it cannot disagree with those pages.
/// The filter values of the provider at `index` in its service's list, per
/// dimension, for the script that combines filters.
pub fn filter_data(all: &[Filter], index: usize, routes: &Routes) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> =
        Dimension::ALL.iter().map(|d| (d.segment(routes).to_string(), String::new())).collect();
    for f in all.iter().filter(|f| f.providers.binary_search(&index).is_ok()) {
        let values = out.entry(f.dimension.segment(routes).to_string()).or_default();
        if !values.is_empty() {
            values.push(' ');
        }
        values.push_str(&f.value);
    }
    out
}

/// The label of a dimension's group of filters, in the words of the
/// service's kind.
fn dimension_label(cx: &VariantContext, kind: ServiceKind, dimension: Dimension) -> String {
    cx.s_of(
        kind,
        match dimension {
            Dimension::District => "filter_district",
            Dimension::Language => "filter_language",
            Dimension::Ownership => "filter_ownership",
            Dimension::Capacity => "filter_capacity",
        },
    )
}

pub fn filter_groups(cx: &VariantContext, place: &Place, service: &Service) -> Vec<FilterGroup> {
    let all = filters::filters(service);
    Dimension::ALL
        .iter()
        .map(|&dimension| FilterGroup {
            label: dimension_label(cx, service.kind, dimension),
            key: dimension.segment(&cx.site.routes).to_string(),
            options: all
                .iter()
                .filter(|f| f.dimension == dimension)
                .map(|f| {
                    let path = f.path(service, &cx.site.routes);
                    FilterOption {
                        label: filter_label(cx, service.kind, f),
                        value: f.value.clone(),
                        href: place.linker.page(path.as_str()),
                        count: f.providers.len(),
                        current: path == place.path,
                    }
                })
                .collect(),
        })
        .filter(|g| !g.options.is_empty())
        .collect()
}

/// What every provider of the service has, per dimension ("Språk: norsk"):
/// no filter for it, but the reader is told.
#[derive(Serialize)]
pub struct CommonValues {
    pub label: String,
    pub values: String,
}

pub fn common_values(cx: &VariantContext, service: &Service) -> Vec<CommonValues> {
    let common = filters::common(service);
    Dimension::ALL
        .iter()
        .map(|&dimension| CommonValues {
            label: dimension_label(cx, service.kind, dimension),
            values: common
                .iter()
                .filter(|f| f.dimension == dimension)
                .map(|f| filter_label(cx, service.kind, f))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .filter(|c| !c.values.is_empty())
        .collect()
}

/// The keys of the labels a comparison table's cells show before their
/// values when its rows become cards on a narrow screen ("Trinn: 1–7"), in
/// the order of the columns after the name in `provider-table.html`.
fn card_label_keys(kind: ServiceKind, survey: bool) -> impl Iterator<Item = &'static str> {
    [
        (kind == ServiceKind::School).then_some("fact_grades"),
        Some("fact_capacity"),
        Some("fact_districts"),
        survey.then_some("col_survey"),
        Some("fact_languages"),
        Some("col_inspection"),
    ]
    .into_iter()
    .flatten()
}

/// The class that gives a comparison table its card labels, by kind of
/// service, wording and whether it has the survey column; the labels
/// themselves are in the site's card style sheet (`card_labels_css`), so
/// no row repeats them and pages carry no inline style.
pub fn card_class(kind: ServiceKind, plain: bool, survey: bool) -> String {
    format!("cards-{}{}{}", kind_key(kind), if plain { "-plain" } else { "" }, if survey { "-survey" } else { "" })
}

/// The card labels of every kind of service the site has, as custom
/// properties (`--c2` for the second column, and so on) that the card
/// layout in style.css shows.
pub fn card_labels_css(site: &Site, t: &Translations) -> String {
    let mut out =
        String::from("/* Made by brukervalg from the i18n file: the column labels of the provider tables' cards. */\n");
    let kinds: Vec<ServiceKind> = KINDS.into_iter().filter(|k| site.services.iter().any(|s| s.kind == *k)).collect();
    for variant in [Variant::Standard, Variant::Plain] {
        let strings = t.strings_for(variant);
        for &kind in &kinds {
            let words = strings_for_kind(&strings, kind);
            for survey in [false, true] {
                let labels: Vec<String> = card_label_keys(kind, survey)
                    .enumerate()
                    .map(|(i, key)| format!("--c{}:{}", i + 2, css_string(words.get(key).copied().unwrap_or(key))))
                    .collect();
                out.push_str(&format!(".{}{{{}}}\n", card_class(kind, variant.is_plain(), survey), labels.join(";")));
            }
        }
    }
    out.push_str(&super::quality_views::indicator_labels_css(site, t));
    out
}

/// `text` as a quoted CSS string: quotes and backslashes escaped, line
/// breaks and other control characters as hexadecimal escapes.
pub(super) fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::css_string;

    #[test]
    fn a_label_cannot_end_its_css_string_or_start_a_rule() {
        assert_eq!(css_string("Språk"), "\"Språk\"");
        assert_eq!(css_string("a\"}b{c:d"), "\"a\\\"}b{c:d\"");
        assert_eq!(css_string("back\\slash"), "\"back\\\\slash\"");
        assert_eq!(css_string("two\nlines"), "\"two\\a lines\"");
    }
}
