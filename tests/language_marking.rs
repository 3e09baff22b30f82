//! Text in another language than the page is marked, and hyphenation
//! follows the marked language: a bokmål page's title and summary on the
//! nynorsk home page carry `lang="nb"`, and Sámi text gets no Norwegian
//! hyphens while the nynorsk text around it keeps them.

mod common;

use common::TestSite;

const SOFT_HYPHEN: char = '\u{ad}';

fn raw(site: &TestSite, page: &str) -> String {
    std::fs::read_to_string(site.output().join(page)).unwrap()
}

#[test]
fn a_bokmal_page_is_marked_bokmal_in_the_nynorsk_home_pages_list() {
    let site = TestSite::nynorsk();
    site.build_ok();
    let home = site.page("index.html");
    assert!(home.contains("<li lang=\"nb\" dir=\"ltr\"><a href=\"pa-bokmal/\">Informasjon på bokmål"), "{home}");
    assert_eq!(home.matches("<li lang=").count(), 1, "pages in the site's language are not marked");
}

#[test]
fn sami_text_gets_no_norwegian_hyphens_and_the_nynorsk_around_it_keeps_them() {
    let site = TestSite::nynorsk();
    site.build_ok();
    let page = raw(&site, "pa-andre-sprak/index.html");
    let sami = &page[page.find("<div lang=\"se\"").expect("a Sámi section")..];
    let sami = &sami[..sami.find("</div>").unwrap()];
    assert!(sami.contains("bálvalusguovddážii"), "the Sámi word as written: {sami}");
    assert!(!sami.contains(SOFT_HYPHEN), "{sami}");
    assert!(page.contains("in\u{ad}for\u{ad}ma\u{ad}sjon"), "the nynorsk text is still hyphenated");
}
