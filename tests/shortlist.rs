//! The shortlist the script keeps (static/assets/brukervalg.js, issue 22):
//! rows carry what it sorts on, lists and provider pages the key it keeps
//! the reader's list under, and a long list's pages, whose side-by-side
//! pages hold only a page each, carry neither. The script itself is tested
//! in Chromium (browser-tests/shortlist.mjs).

mod common;

use common::TestSite;
use scraper::{Html, Selector};

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The city, with one provider full and one with a waiting list beside
/// open ones, and one whose survey figure has too few answers to be shown.
fn city() -> &'static TestSite {
    static CITY: std::sync::OnceLock<TestSite> = std::sync::OnceLock::new();
    CITY.get_or_init(|| {
        let site = TestSite::city();
        site.edit("providers/praktisk-bistand/hjemme-i-byen-as.yaml", "status: open", "status: full");
        site.edit("providers/praktisk-bistand/byomsorg-as.yaml", "status: open", "status: waiting-list");
        site.build_ok();
        site
    })
}

#[test]
fn each_row_carries_its_capacity_status_and_the_survey_figure_it_shows() {
    let site = city();
    for page in ["tjenester/praktisk-bistand/index.html", "lettlest/tjenester/praktisk-bistand/index.html"] {
        let html = Html::parse_document(&site.page(page));
        let mut seen = 0;
        for row in html.select(&sel("table[data-filter-table] tbody tr")) {
            seen += 1;
            let slug = row.value().attr("data-provider").unwrap();
            let capacity = row.value().attr("data-capacity");
            let expected = match slug {
                "hjemme-i-byen-as" => "full",
                "byomsorg-as" => "waiting-list",
                _ => "open",
            };
            assert_eq!(capacity, Some(expected), "{page}: {slug}");
            // The survey column is the one plain `num` cell (the quality
            // figures' cells have a class of their own too).
            let cell: String = row.select(&sel(r#"td[class="num"]"#)).next().unwrap().text().collect();
            match row.value().attr("data-survey") {
                Some(figure) => {
                    assert!(figure.parse::<f64>().is_ok(), "{page}: {slug}: {figure:?} is no number");
                    let shown = format!("{} av", figure.replace('.', ","));
                    assert!(cell.starts_with(&shown), "{page}: {slug} sorts on {figure} but shows {cell:?}");
                }
                None => {
                    assert_eq!(slug, "sorbyen-omsorg-as", "{page}: only the one with too few answers has no figure");
                    assert!(!cell.contains(" av "), "{page}: {slug} shows a figure it does not sort on: {cell:?}");
                }
            }
        }
        assert_eq!(seen, 5, "{page}");
    }
}

#[test]
fn lists_and_provider_pages_of_every_variant_share_one_key_per_language_and_service() {
    let site = city();
    let key = "nb:praktisk-bistand";
    for variant in ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"] {
        let list = Html::parse_document(&site.page(&format!("{variant}tjenester/praktisk-bistand/index.html")));
        let table = list.select(&sel("table[data-filter-table]")).next().unwrap();
        assert_eq!(table.value().attr("data-shortlist"), Some(key), "{variant} list");
        for words in ["count", "clear", "limit", "sort", "sort-default", "sort-capacity", "sort-survey", "sorted"] {
            let attr = format!("data-msg-{words}");
            assert!(table.value().attr(&attr).is_some_and(|w| !w.is_empty()), "{variant} list: no {attr}");
        }
        let filter =
            Html::parse_document(&site.page(&format!("{variant}tjenester/praktisk-bistand/kapasitet/full/index.html")));
        let table = filter.select(&sel("table[data-filter-table]")).next().unwrap();
        assert_eq!(table.value().attr("data-shortlist"), Some(key), "{variant} filter page");

        let page =
            Html::parse_document(&site.page(&format!("{variant}tjenester/praktisk-bistand/byomsorg-as/index.html")));
        let add = page.select(&sel("article .shortlist-add")).next().expect("the provider page's place for the button");
        let add = add.value();
        assert_eq!(add.attr("data-shortlist"), Some(key), "{variant} provider page");
        assert_eq!(add.attr("data-provider"), Some("byomsorg-as"));
        // Nothing shows until the script has made the button.
        assert!(add.attr("hidden").is_some(), "{variant}: the place is hidden without the script");
        assert_eq!(add.attr("data-compare-href"), Some("../sammenlign/"), "{variant}: the side-by-side page");
        for words in ["add", "remove", "count", "clear", "limit", "button"] {
            let attr = format!("data-msg-{words}");
            assert!(add.attr(&attr).is_some_and(|w| !w.is_empty()), "{variant} provider page: no {attr}");
        }
    }
}

#[test]
fn a_long_lists_pages_neither_keep_a_shortlist_nor_sort() {
    let site = TestSite::example();
    let config = site.read("brukervalg.yaml");
    site.write("brukervalg.yaml", &format!("{config}\nlisting:\n  page_size: 5\n"));
    site.build_ok();
    let list = site.page("tjenester/praktisk-bistand/index.html");
    assert!(list.contains("data-partial"), "the example's 9 providers run over two pages of 5");
    for attr in ["data-shortlist", "data-msg-sort", "data-capacity", "data-survey"] {
        assert!(!list.contains(attr), "a page of a long list has {attr}");
    }
    let provider = site.page("tjenester/praktisk-bistand/aktiv-omsorg-fjordvik-as/index.html");
    assert!(!provider.contains("shortlist-add"), "a provider of a long list offers to add it");
    // A short list of the same site keeps both.
    let short = site.page("tjenester/sykehjem/index.html");
    assert!(short.contains("data-shortlist=\"nb:sykehjem\"") && short.contains("data-msg-sort"));
}
