//! Addresses. Every page's path is computed here, once; templates and
//! Markdown get links that are relative to the page they appear on.

use std::collections::BTreeMap;
use std::fmt;

use crate::domain::{Slug, Variant};

/// A path relative to the root of a variant's tree: `""` for the home page,
/// `tjenester/praktisk-bistand/` for a directory page, `404.html` for a file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct SitePath(String);

/// Top-level names the site uses in every language: the variants' roots,
/// the style sheet and script, the open data and the not-found page.
const FIXED_TOP_LEVEL: &[&str] = &["lettlest", "stor-skrift", "assets", "data", "404"];

/// The words of the site's addresses, in the site's language: path
/// segments, the side-by-side query parameter and the ids of sections links
/// point to. Read from `paths:` and `anchors:` in `i18n/<language>.yaml`, so
/// a nynorsk site has nynorsk addresses; checked there as slugs, all
/// distinct.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Routes {
    /// `tjenester`: the folder of the service pages.
    pub services: Slug,
    /// `sammenlign`: the side-by-side page under a service.
    pub compare: Slug,
    /// `brosjyre`: the service's overview made for paper, under the service.
    pub brochure: Slug,
    /// `bilder`: published provider pictures.
    pub images: Slug,
    /// The filter dimensions' folders, which are also the filter script's
    /// query keys: `bydel`, `sprak`, `eierskap`, `kapasitet`.
    pub district: Slug,
    pub language: Slug,
    pub ownership: Slug,
    pub capacity: Slug,
    /// `valgt`: the query parameter naming providers chosen for side by side.
    pub selected: Slug,
    /// `side`: numbered pages of a long list, `<list>/side/2/`.
    pub page: Slug,
    /// `gater`: a service's street index, `<service>/gater/<letter>/`.
    pub streets: Slug,
    /// Section ids by their key in the i18n file; templates use them as
    /// `anchor.<key>`.
    pub anchors: BTreeMap<&'static str, Slug>,
}

/// An address word the translations lack, by its key (`paths.compare`).
#[derive(Debug, PartialEq, Eq)]
pub struct MissingWord(pub String);

impl Routes {
    /// The keys of `paths:`, each with its one use.
    pub const PATH_KEYS: [&'static str; 11] = [
        "services",
        "compare",
        "brochure",
        "images",
        "district",
        "language",
        "ownership",
        "capacity",
        "selected",
        "page",
        "streets",
    ];
    /// The keys of `anchors:`: the sections of the service and provider pages.
    pub const ANCHOR_KEYS: [&'static str; 14] = [
        "providers",
        "scheme",
        "how_to_choose",
        "no_choice",
        "switch",
        "complaints",
        "contact",
        "about",
        "facts",
        "choose_this",
        "survey",
        "extras",
        "inspections",
        "indicators",
    ];

    /// From words already checked as slugs; the error names the first key
    /// missing, which the caller reports with the file it read.
    pub fn from_words(paths: &BTreeMap<String, Slug>, anchors: &BTreeMap<String, Slug>) -> Result<Routes, MissingWord> {
        let path = |key: &str| paths.get(key).cloned().ok_or_else(|| MissingWord(format!("paths.{key}")));
        let mut routes = Routes {
            services: path("services")?,
            compare: path("compare")?,
            brochure: path("brochure")?,
            images: path("images")?,
            district: path("district")?,
            language: path("language")?,
            ownership: path("ownership")?,
            capacity: path("capacity")?,
            selected: path("selected")?,
            page: path("page")?,
            streets: path("streets")?,
            anchors: BTreeMap::new(),
        };
        for key in Self::ANCHOR_KEYS {
            routes.anchors.insert(key, anchors.get(key).cloned().ok_or_else(|| MissingWord(format!("anchors.{key}")))?);
        }
        Ok(routes)
    }

    /// Names fixed in every language that an address word must not take.
    pub fn fixed_top_level() -> &'static [&'static str] {
        FIXED_TOP_LEVEL
    }

    /// Top-level names a content page may not take, because the site uses them.
    pub fn reserved(&self) -> Vec<&str> {
        let mut names = vec![self.services.as_str(), self.images.as_str()];
        names.extend(FIXED_TOP_LEVEL);
        names
    }

    /// Names under a service that a provider's file name may not take,
    /// because the service's filter, comparison, brochure and street pages live there.
    pub fn reserved_in_service(&self) -> Vec<&str> {
        [
            &self.district,
            &self.language,
            &self.ownership,
            &self.capacity,
            &self.compare,
            &self.brochure,
            &self.page,
            &self.streets,
        ]
        .into_iter()
        .map(Slug::as_str)
        .collect()
    }
}

impl SitePath {
    pub fn home() -> SitePath {
        SitePath(String::new())
    }

    pub fn service(routes: &Routes, service: &Slug) -> SitePath {
        SitePath(format!("{}/{service}/", routes.services))
    }

    pub fn provider(routes: &Routes, service: &Slug, provider: &Slug) -> SitePath {
        SitePath(format!("{}/{service}/{provider}/", routes.services))
    }

    /// A pre-built filtered list: `tjenester/<service>/<dimension>/<value>/`.
    pub fn filter(routes: &Routes, service: &Slug, dimension: &Slug, value: &str) -> SitePath {
        SitePath(format!("{}/{service}/{dimension}/{value}/", routes.services))
    }

    pub fn compare(routes: &Routes, service: &Slug) -> SitePath {
        SitePath(format!("{}/{service}/{}/", routes.services, routes.compare))
    }

    /// The service's overview for paper: `tjenester/<service>/brosjyre/`.
    pub fn brochure(routes: &Routes, service: &Slug) -> SitePath {
        SitePath(format!("{}/{service}/{}/", routes.services, routes.brochure))
    }

    /// A service's street index (`letter` `None`) or one letter of it:
    /// `tjenester/<service>/gater/` and `tjenester/<service>/gater/b/`.
    pub fn streets(routes: &Routes, service: &Slug, letter: Option<&str>) -> SitePath {
        match letter {
            None => SitePath(format!("{}/{service}/{}/", routes.services, routes.streets)),
            Some(letter) => SitePath(format!("{}/{service}/{}/{letter}/", routes.services, routes.streets)),
        }
    }

    /// A provider's published picture: `bilder/<service>/<provider>.<ext>`.
    pub fn image(routes: &Routes, service: &Slug, provider: &Slug, extension: &str) -> SitePath {
        SitePath(format!("{}/{service}/{provider}.{extension}", routes.images))
    }

    /// Page `number` of the list at `list`: the list's own address for the
    /// first page, `<list>side/<number>/` for the others.
    pub fn paged(routes: &Routes, list: &SitePath, number: usize) -> SitePath {
        if number <= 1 { list.clone() } else { SitePath(format!("{list}{}/{number}/", routes.page)) }
    }

    pub fn page(slug: &Slug) -> SitePath {
        SitePath(format!("{slug}/"))
    }

    pub fn not_found() -> SitePath {
        SitePath("404.html".to_string())
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
    /// The variant's root from the site root (`lettlest/`).
    variant_root: &'static str,
    from: LinkFrom,
}

#[derive(Clone, Debug)]
enum LinkFrom {
    /// The page's folder from the site root (`lettlest/tjenester/skole/`).
    Folder(String),
    /// The site's root path, for pages served at any address (404).
    Root(String),
}

impl Linker {
    pub fn for_page(path: &SitePath, variant: Variant) -> Linker {
        let folder = &path.0[..path.0.rfind('/').map_or(0, |i| i + 1)];
        Linker { variant_root: variant.root(), from: LinkFrom::Folder(format!("{}{folder}", variant.root())) }
    }

    /// For pages served at any address (404): links from the site's root path.
    pub fn absolute(base_path: &str, variant: Variant) -> Linker {
        Linker { variant_root: variant.root(), from: LinkFrom::Root(base_path.to_string()) }
    }

    /// A link to a page in the same variant.
    pub fn page(&self, target: &str) -> String {
        self.site(&format!("{}{target}", self.variant_root))
    }

    /// A link to something addressed from the site root (assets, pages in
    /// other variants).
    pub fn site(&self, target: &str) -> String {
        non_empty(match &self.from {
            LinkFrom::Folder(here) => shortest(here, target),
            LinkFrom::Root(base) => format!("{base}{target}"),
        })
    }
}

/// The link from a page in folder `here` to `target` (both from the site
/// root): climb only out of the folders they do not share, so a provider
/// page reaches its service as `../`, not `../../../tjenester/skole/`;
/// every list row and menu link is that much shorter.
fn shortest(here: &str, target: &str) -> String {
    let (path, suffix) = target.split_at(target.find(['#', '?']).unwrap_or(target.len()));
    let mut shared = 0;
    for (i, _) in path.match_indices('/') {
        if !here.starts_with(&path[..=i]) {
            break;
        }
        shared = i + 1;
    }
    let up = here[shared..].matches('/').count();
    format!("{}{}{suffix}", "../".repeat(up), &path[shared..])
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

    fn words(pairs: &[(&str, &str)]) -> BTreeMap<String, Slug> {
        pairs.iter().map(|(k, v)| (k.to_string(), slug(v))).collect()
    }

    fn routes(services: &str, compare: &str) -> Routes {
        let mut paths = words(&[
            ("images", "bilder"),
            ("district", "bydel"),
            ("language", "sprak"),
            ("ownership", "eierskap"),
            ("capacity", "kapasitet"),
            ("selected", "valgt"),
            ("page", "side"),
            ("brochure", "brosjyre"),
            ("streets", "gater"),
        ]);
        paths.extend(words(&[("services", services), ("compare", compare)]));
        let anchors = Routes::ANCHOR_KEYS.iter().map(|k| (k.to_string(), slug(&k.replace('_', "-")))).collect();
        Routes::from_words(&paths, &anchors).unwrap()
    }

    #[test]
    fn addresses_are_made_of_the_site_languages_words() {
        let nn = routes("tenester", "samanlikn");
        let service = slug("skule");
        assert_eq!(SitePath::service(&nn, &service).as_str(), "tenester/skule/");
        assert_eq!(SitePath::compare(&nn, &service).as_str(), "tenester/skule/samanlikn/");
        assert!(nn.reserved().contains(&"tenester") && !nn.reserved().contains(&"tjenester"));
        assert!(nn.reserved_in_service().contains(&"samanlikn"));
        assert_eq!(SitePath::brochure(&nn, &service).as_str(), "tenester/skule/brosjyre/");
        assert!(nn.reserved_in_service().contains(&"brosjyre"));
    }

    #[test]
    fn a_missing_word_is_named() {
        let anchors = BTreeMap::new();
        assert_eq!(
            Routes::from_words(&words(&[("services", "tenester")]), &anchors).unwrap_err(),
            MissingWord("paths.compare".into())
        );
    }

    #[test]
    fn pretty_urls_are_served_by_index_files() {
        let p = SitePath::provider(&routes("tjenester", "sammenlign"), &slug("praktisk-bistand"), &slug("omsorg-as"));
        assert_eq!(p.as_str(), "tjenester/praktisk-bistand/omsorg-as/");
        assert_eq!(p.file_name(), "tjenester/praktisk-bistand/omsorg-as/index.html");
        assert_eq!(SitePath::home().file_name(), "index.html");
    }

    #[test]
    fn links_are_relative_to_the_page_and_stay_in_its_variant() {
        let from = SitePath::service(&routes("tjenester", "sammenlign"), &slug("skole"));
        let std = Linker::for_page(&from, Variant::Standard);
        assert_eq!(std.page("klage/"), "../../klage/");
        assert_eq!(std.site("assets/style.css"), "../../assets/style.css");
        let both = Linker::for_page(&from, Variant::LargePrintPlain);
        assert_eq!(both.page("klage/"), "../../klage/");
        assert_eq!(both.site("assets/style.css"), "../../../../assets/style.css");
        assert_eq!(Linker::for_page(&SitePath::home(), Variant::Standard).page(""), "./");
    }

    #[test]
    fn links_climb_only_out_of_the_folders_the_pages_do_not_share() {
        let routes = routes("tjenester", "sammenlign");
        let provider = SitePath::provider(&routes, &slug("skole"), &slug("asen-skole"));
        let plain = Linker::for_page(&provider, Variant::Plain);
        assert_eq!(plain.page("tjenester/skole/"), "../");
        assert_eq!(plain.page("tjenester/skole/#bytte"), "../#bytte");
        assert_eq!(plain.page("tjenester/skole/asen-skole/"), "./");
        assert_eq!(plain.page("tjenester/hjemmesykepleie/"), "../../hjemmesykepleie/");
        assert_eq!(plain.page(""), "../../../");
        assert_eq!(plain.site("tjenester/skole/asen-skole/"), "../../../../tjenester/skole/asen-skole/");
        assert_eq!(
            plain.site("stor-skrift/lettlest/tjenester/skole/"),
            "../../../../stor-skrift/lettlest/tjenester/skole/"
        );
        let paged = SitePath::paged(&routes, &SitePath::filter(&routes, &slug("skole"), &slug("bydel"), "storoy"), 2);
        let std = Linker::for_page(&paged, Variant::Standard);
        assert_eq!(std.page("tjenester/skole/asen-skole/"), "../../../../asen-skole/");
        assert_eq!(std.page("tjenester/skole/bydel/storoy/"), "../../");
        let large = Linker::for_page(&SitePath::page(&slug("klage")), Variant::LargePrintPlain);
        assert_eq!(large.site("stor-skrift/klage/"), "../../klage/");
        assert_eq!(Linker::absolute("/", Variant::Plain).page("klage/"), "/lettlest/klage/");
    }

    #[test]
    fn internal_links_are_site_paths_with_optional_fragment() {
        let (p, f) = SitePath::from_internal_link("/klage#frister").unwrap();
        assert_eq!((p.as_str(), f), ("klage/", "frister"));
        assert!(SitePath::from_internal_link("//evil.example/").is_none());
        assert!(SitePath::from_internal_link("klage/").is_none());
    }
}
