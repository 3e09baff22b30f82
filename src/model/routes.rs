//! Addresses. Every page's path is computed here, once; templates and
//! Markdown get links that are relative to the page they appear on.

use std::fmt;

use crate::domain::{Slug, Variant};

/// A path relative to the root of a variant's tree: `""` for the home page,
/// `tjenester/praktisk-bistand/` for a directory page, `404.html` for a file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct SitePath(String);

pub const SERVICES_DIR: &str = "tjenester";
/// Top-level names a content page may not take, because the site uses them.
pub const RESERVED: &[&str] = &[SERVICES_DIR, "lettlest", "stor-skrift", "assets", "bilder", "data", "404"];
/// Names under a service that a provider's file name may not take, because
/// the service's filter and comparison pages live there.
pub const RESERVED_IN_SERVICE: &[&str] = &["bydel", "sprak", "eierskap", "kapasitet", COMPARE_DIR, PAGE_DIR];
pub const COMPARE_DIR: &str = "sammenlign";
/// Numbered pages of a long list: `<list>/side/2/`.
pub const PAGE_DIR: &str = "side";

impl SitePath {
    pub fn home() -> SitePath {
        SitePath(String::new())
    }

    pub fn service(service: &Slug) -> SitePath {
        SitePath(format!("{SERVICES_DIR}/{service}/"))
    }

    pub fn provider(service: &Slug, provider: &Slug) -> SitePath {
        SitePath(format!("{SERVICES_DIR}/{service}/{provider}/"))
    }

    /// A pre-built filtered list: `tjenester/<service>/<dimension>/<value>/`.
    pub fn filter(service: &Slug, dimension: &str, value: &str) -> SitePath {
        SitePath(format!("{SERVICES_DIR}/{service}/{dimension}/{value}/"))
    }

    pub fn compare(service: &Slug) -> SitePath {
        SitePath(format!("{SERVICES_DIR}/{service}/{COMPARE_DIR}/"))
    }

    /// Page `number` of the list at `list`: the list's own address for the
    /// first page, `<list>side/<number>/` for the others.
    pub fn paged(list: &SitePath, number: usize) -> SitePath {
        if number <= 1 { list.clone() } else { SitePath(format!("{list}{PAGE_DIR}/{number}/")) }
    }

    pub fn page(slug: &Slug) -> SitePath {
        SitePath(format!("{slug}/"))
    }

    pub fn not_found() -> SitePath {
        SitePath("404.html".to_string())
    }

    /// A file path built from slugs and a fixed extension.
    pub fn file(dir: &str, slug: &Slug, extension: &str) -> SitePath {
        SitePath(format!("{dir}/{slug}.{extension}"))
    }

    /// Accepts an author's internal link such as `/klage/` (leading slash,
    /// optional `#fragment`) and returns the path and fragment.
    pub fn from_internal_link(link: &str) -> Option<(SitePath, &str)> {
        let rest = link.strip_prefix('/')?;
        if rest.starts_with('/') {
            return None; // protocol-relative: another site
        }
        let (path, fragment) = rest.split_once('#').map_or((rest, ""), |(p, f)| (p, f));
        let mut path = path.to_string();
        if !path.is_empty() && !path.ends_with('/') && !path.contains('.') {
            path.push('/');
        }
        Some((SitePath(path), fragment))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The file that serves this path, relative to the variant root.
    pub fn file_name(&self) -> String {
        if self.0.is_empty() || self.0.ends_with('/') { format!("{}index.html", self.0) } else { self.0.clone() }
    }

    /// Directory depth of the page: how many `../` lead back to its root.
    pub fn depth(&self) -> usize {
        self.0.matches('/').count()
    }

    /// The path in the whole site (variant prefix included).
    pub fn in_variant(&self, variant: Variant) -> String {
        format!("{}{}", variant.root(), self.0)
    }
}

impl fmt::Display for SitePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How a page reaches other pages: relative links, so the site works under
/// any base path and when previewed from disk through a local server.
#[derive(Clone, Debug)]
pub struct Linker {
    /// From the page to the root of its variant's tree.
    to_variant_root: String,
    /// From the page to the root of the whole site.
    to_site_root: String,
}

impl Linker {
    pub fn for_page(path: &SitePath, variant: Variant) -> Linker {
        let up = "../".repeat(path.depth());
        let variant_depth = variant.root().matches('/').count();
        Linker { to_site_root: format!("{up}{}", "../".repeat(variant_depth)), to_variant_root: up }
    }

    /// For pages served at any address (404): links from the site's root path.
    pub fn absolute(base_path: &str, variant: Variant) -> Linker {
        Linker { to_variant_root: format!("{base_path}{}", variant.root()), to_site_root: base_path.to_string() }
    }

    /// A link to a page in the same variant.
    pub fn page(&self, target: &str) -> String {
        non_empty(format!("{}{target}", self.to_variant_root))
    }

    /// A link to something addressed from the site root (assets, pages in
    /// other variants).
    pub fn site(&self, target: &str) -> String {
        non_empty(format!("{}{target}", self.to_site_root))
    }
}

fn non_empty(href: String) -> String {
    if href.is_empty() { "./".to_string() } else { href }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(s: &str) -> Slug {
        Slug::parse(s).unwrap()
    }

    #[test]
    fn pretty_urls_are_served_by_index_files() {
        let p = SitePath::provider(&slug("praktisk-bistand"), &slug("omsorg-as"));
        assert_eq!(p.as_str(), "tjenester/praktisk-bistand/omsorg-as/");
        assert_eq!(p.file_name(), "tjenester/praktisk-bistand/omsorg-as/index.html");
        assert_eq!(SitePath::home().file_name(), "index.html");
    }

    #[test]
    fn links_are_relative_to_the_page_and_stay_in_its_variant() {
        let from = SitePath::service(&slug("skole"));
        let std = Linker::for_page(&from, Variant::Standard);
        assert_eq!(std.page("klage/"), "../../klage/");
        assert_eq!(std.site("assets/style.css"), "../../assets/style.css");
        let both = Linker::for_page(&from, Variant::LargePrintPlain);
        assert_eq!(both.page("klage/"), "../../klage/");
        assert_eq!(both.site("assets/style.css"), "../../../../assets/style.css");
        assert_eq!(Linker::for_page(&SitePath::home(), Variant::Standard).page(""), "./");
    }

    #[test]
    fn internal_links_are_site_paths_with_optional_fragment() {
        let (p, f) = SitePath::from_internal_link("/klage#frister").unwrap();
        assert_eq!((p.as_str(), f), ("klage/", "frister"));
        assert!(SitePath::from_internal_link("//evil.example/").is_none());
        assert!(SitePath::from_internal_link("klage/").is_none());
    }
}
