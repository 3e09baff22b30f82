//! What every page shows around its content: the header, menus, footer
//! and breadcrumbs (`Layout`), contact blocks, and where a page is (`Place`).

use serde::Serialize;

use super::context::VariantContext;
use super::inputs::SiteInput;
use crate::domain::Variant;
use crate::model::routes::Linker;
use crate::model::{Contact, SitePath};

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
    /// Its width and height, so its place is kept before it loads.
    pub logo_size: Option<crate::domain::PictureSize>,
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
    pub fn new(path: SitePath, variant: Variant, site: &SiteInput) -> Place {
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
    for s in &site.menu {
        let p = s.path(&site.routes);
        nav.push(Link {
            label: s.name.to_string(),
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
                label: cx.text(page.title).to_string(),
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
        municipality: site.municipality.to_string(),
        canonical: cx
            .variant
            .is_large_print()
            .then(|| format!("{}{}", site.base_url, place.path.in_variant(cx.variant.in_ordinary_print()))),
        stylesheet: place.linker.site("assets/style.css"),
        favicon: place.linker.site("favicon.svg"),
        logo: site.identity.logo.as_ref().map(|l| place.linker.site(&l.path)),
        logo_size: site.identity.logo.as_ref().and_then(|l| l.size),
        brand_stylesheet: site.identity.brand_colour.map(|_| place.linker.site(crate::model::written::BRAND_CSS)),
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
        contact: ContactView::new(site.contact),
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
