//! Long lists are split into numbered pages: no page a citizen opens grows
//! with the number of providers, every provider stays reachable without
//! JavaScript, and short lists look exactly as before.

mod common;
mod generated;

use std::collections::BTreeSet;
use std::fs;

use generated::{FIXTURE_PROVIDERS, SERVICE};
use scraper::{Html, Selector};

const MAX_PAGE_BYTES: u64 = 300 * 1024;

fn select(html: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector).map(|e| e.value().attr("href").map_or_else(|| e.text().collect(), String::from)).collect()
}

/// Follows `rel=next` from the list at `start` (relative to the output) and
/// returns, per page, the providers its table links to.
fn walk(site: &common::TestSite, start: &str) -> Vec<Vec<String>> {
    let mut pages = Vec::new();
    let mut at = start.to_string();
    loop {
        let html = Html::parse_document(&site.page(&format!("{at}index.html")));
        let rows = select(&html, "[data-filter-table] tbody th a, .compare-table thead th a, .brochure-provider h3 a");
        pages
            .push(rows.iter().map(|href| href.trim_end_matches('/').rsplit('/').next().unwrap().to_string()).collect());
        let current = select(&html, ".pagination a[aria-current=page]");
        assert_eq!(current.len(), 1, "{at}: one page marked current");
        let Some(next) = select(&html, ".pagination a[rel=next]").pop() else { break };
        at = normalise(&format!("{at}{next}"));
        assert!(pages.len() < 1000, "the navigation loops");
    }
    pages
}

/// `a/b/../c/` → `a/c/`.
fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/').filter(|p| !p.is_empty()) {
        if part == ".." {
            parts.pop();
        } else {
            parts.push(part);
        }
    }
    format!("{}/", parts.join("/"))
}

#[test]
fn a_long_service_is_split_into_small_pages_that_reach_every_provider() {
    let count = 2_000;
    let site = generated::site(count, None);
    site.build_ok();

    for entry in walkdir::WalkDir::new(site.output()).into_iter().filter_map(Result::ok) {
        if entry.path().extension().is_some_and(|e| e == "html") {
            let size = entry.metadata().unwrap().len();
            assert!(size <= MAX_PAGE_BYTES, "{} is {size} bytes", entry.path().display());
        }
    }

    let all: BTreeSet<String> = fs::read_dir(site.root().join("providers").join(SERVICE))
        .unwrap()
        .map(|e| e.unwrap().path().file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(all.len(), count + FIXTURE_PROVIDERS);
    let service = format!("tjenester/{SERVICE}/");
    let pages = walk(&site, &service);
    assert_eq!(pages.len(), (count + FIXTURE_PROVIDERS).div_ceil(50));
    assert!(pages.iter().all(|p| p.len() <= 50));
    let listed: Vec<&String> = pages.iter().flatten().collect();
    assert_eq!(listed.len(), all.len(), "each provider once");
    assert_eq!(listed.into_iter().cloned().collect::<BTreeSet<_>>(), all);

    // The side-by-side pages show the same providers, page by page.
    assert_eq!(walk(&site, &format!("{service}sammenlign/")), pages);
    // So do the brochure's parts, each small enough to print.
    assert_eq!(walk(&site, &format!("{service}brosjyre/")), pages);

    let page2 = site.page(&format!("{service}side/2/index.html"));
    assert!(page2.contains("Viser 51–100 av 2\u{a0}002"), "the page says which rows it shows");
    assert!(page2.contains(", side 2 av 41 – Testvik kommune</title>"));
    assert!(page2.contains("data-partial"), "the script must not count rows it cannot see");
    // Later pages are the list: the service's own sections (choosing,
    // switching, complaining) are told once, on the first page they link to.
    let first = Html::parse_document(&site.page(&format!("{service}index.html")));
    let later = Html::parse_document(&page2);
    let sections = |html: &Html| select(html, "main section[id] > h2").len();
    assert!(sections(&first) >= 6, "{}", sections(&first));
    assert_eq!(sections(&later), 1, "only the list");
    assert_eq!(select(&later, "main > .lead a"), vec!["../../"]);
}

#[test]
fn filter_pages_of_a_long_service_hold_only_their_own_providers_in_pages() {
    let count = 300;
    let site = generated::site(count, Some(20));
    site.build_ok();
    let polish: BTreeSet<String> =
        (0..count).filter(|&i| generated::languages(i).contains(&"pl")).map(generated::slug).collect();
    // The fixture's Alfa Omsorg speaks Polish too.
    let expected: BTreeSet<String> = polish.iter().cloned().chain(["alfa-omsorg".to_string()]).collect();

    let start = format!("tjenester/{SERVICE}/sprak/pl/");
    let pages = walk(&site, &start);
    assert_eq!(pages.len(), expected.len().div_ceil(20));
    assert_eq!(pages.iter().flatten().cloned().collect::<BTreeSet<_>>(), expected);

    let first = site.page(&format!("{start}index.html"));
    assert!(first.contains(&format!("{} leverandører passer.", expected.len())), "the count is the filter's");
    assert!(!first.contains(" hidden>"), "no hidden rows of other providers");
    // The filter links count the whole filter; they are on the first page
    // of the service's list, and its later pages link there.
    let service = Html::parse_document(&site.page(&format!("tjenester/{SERVICE}/index.html")));
    let counts = select(&service, "a[href$='sprak/pl/'] + .count");
    assert_eq!(counts, vec![format!("({})", expected.len())]);
    let later = Html::parse_document(&site.page(&format!("tjenester/{SERVICE}/side/3/index.html")));
    assert_eq!(select(&later, "[data-filters]").len(), 0);
    assert_eq!(select(&later, ".filters-link a"), vec!["../../"]);
}

/// The attributes of the elements `css` selects, by name.
fn attribute_names(html: &Html, css: &str) -> BTreeSet<String> {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector).flat_map(|e| e.value().attrs().map(|(name, _)| name.to_string())).collect()
}

#[test]
fn one_page_of_a_long_list_carries_only_what_its_script_uses() {
    let site = generated::site(60, Some(20));
    site.build_ok();
    let filters = ["data-bydel", "data-sprak", "data-eierskap", "data-kapasitet"];
    // The service's own pages: the script ticks rows for the side-by-side
    // pages that follow them, but combines no filters there.
    let service = Html::parse_document(&site.page(&format!("tjenester/{SERVICE}/side/2/index.html")));
    let rows = attribute_names(&service, "[data-filter-table] tbody tr");
    assert!(rows.contains("data-provider"), "{rows:?}");
    assert!(filters.iter().all(|f| !rows.contains(*f)), "{rows:?}");
    assert!(attribute_names(&service, "[data-filter-table]").contains("data-msg-pick"));
    let first = Html::parse_document(&site.page(&format!("tjenester/{SERVICE}/index.html")));
    assert!(!attribute_names(&first, "[data-filters] a").contains("data-value"));
    // A filter's pages: neither.
    let filter = Html::parse_document(&site.page(&format!("tjenester/{SERVICE}/sprak/pl/index.html")));
    assert_eq!(select(&filter, "[data-filter-table][data-partial]").len(), 1);
    let rows = attribute_names(&filter, "[data-filter-table] tbody tr");
    assert!(rows.is_empty(), "{rows:?}");
    let table = attribute_names(&filter, "[data-filter-table]");
    assert!(!table.iter().any(|a| a.starts_with("data-msg")), "{table:?}");
    // The narrow-screen cards' labels are said once, in the site's
    // cards.css, by the table's class: one per column after the name; no
    // cell repeats one.
    let table = filter.select(&Selector::parse("[data-filter-table]").unwrap()).next().unwrap();
    let class = table.value().classes().find(|c| c.starts_with("cards-")).expect("a cards class");
    let css = std::fs::read_to_string(site.output().join("assets/cards.css")).unwrap();
    let rule = css.lines().find(|l| l.starts_with(&format!(".{class}{{"))).unwrap_or_else(|| panic!("{class}: {css}"));
    let columns = filter.select(&Selector::parse("[data-filter-table] thead th").unwrap()).count();
    assert_eq!(rule.matches("--c").count(), columns - 1, "{rule}");
    assert!(filter.select(&Selector::parse("link[href$='assets/cards.css']").unwrap()).next().is_some());
    let cells = Selector::parse("[data-filter-table] tbody td").unwrap();
    assert!(filter.select(&cells).all(|td| td.value().attr("data-label").is_none()));
    // A short list's filter page keeps all of it: the script combines there.
    let short = generated::site(3, Some(20));
    short.build_ok();
    let page = Html::parse_document(&short.page(&format!("tjenester/{SERVICE}/sprak/pl/index.html")));
    let rows = attribute_names(&page, "[data-filter-table] tbody tr");
    assert!(filters.iter().chain(&["data-provider"]).all(|f| rows.contains(*f)), "{rows:?}");
    assert!(attribute_names(&page, "[data-filters] a").contains("data-value"));
}

#[test]
fn a_list_that_fits_on_one_page_has_no_page_navigation() {
    let site = generated::site(3, Some(5));
    site.build_ok();
    let service = site.page(&format!("tjenester/{SERVICE}/index.html"));
    assert!(select(&Html::parse_document(&service), ".pagination").is_empty(), "5 providers fit a page of 5");
    assert!(!site.output().join(format!("tjenester/{SERVICE}/side")).exists());
    // A filter page keeps every row, the others hidden, for the script.
    let filter = site.page(&format!("tjenester/{SERVICE}/sprak/pl/index.html"));
    assert!(filter.contains(" hidden>") && !filter.contains("data-partial"), "{filter}");

    let longer = generated::site(4, Some(5));
    longer.build_ok();
    assert!(longer.output().join(format!("tjenester/{SERVICE}/side/2/index.html")).is_file(), "6 do not");
}

#[test]
fn a_page_size_out_of_range_is_an_error_at_its_line() {
    let site = generated::site(0, Some(2));
    let errors = site.errors();
    let line = site.read("brukervalg.yaml").lines().position(|l| l.contains("page_size")).unwrap() + 1;
    common::assert_error(&errors, "brukervalg.yaml", line as u32, "listing.page_size");
}
