//! Reading built pages as a citizen's browser would: by CSS selector, with
//! the soft hyphens the pages put in long words taken out of their text.

use scraper::{ElementRef, Html, Selector};

use super::TestSite;

pub fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

pub fn text(e: ElementRef) -> String {
    e.text().collect::<String>()
}

pub fn doc(site: &TestSite, page: &str) -> Html {
    Html::parse_document(&site.page(page))
}

/// The main text without soft hyphens, which the pages put in long words.
pub fn main_text(html: &Html) -> String {
    text(html.select(&sel("main")).next().unwrap()).replace('\u{ad}', "")
}

/// The example, built once per test binary: its pages are only read.
pub fn built_example() -> &'static TestSite {
    static EXAMPLE: std::sync::OnceLock<TestSite> = std::sync::OnceLock::new();
    EXAMPLE.get_or_init(|| {
        let site = TestSite::example();
        site.build_ok();
        site
    })
}
