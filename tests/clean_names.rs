//! What people copy, dictate or read in braille holds no invisible
//! characters (issue 27): addresses break by `<wbr>`, never U+200B, and
//! soft hyphens stay in running text, out of every name (links, buttons,
//! menu buttons, labels, captions, header cells, headings).

mod common;

use std::fs;
use std::path::Path;

use common::TestSite;

const NAMES: &str = "a, button, summary, label, caption, th, option, h1, h2, h3, h4, h5, h6";

fn pages(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            pages(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

#[test]
fn no_name_on_any_page_of_the_city_holds_an_invisible_character_and_running_text_keeps_its_hyphens() {
    let site = TestSite::city();
    site.build_ok();
    let mut files = Vec::new();
    pages(&site.output(), &mut files);
    assert!(files.len() > 100, "{} pages", files.len());
    let names = scraper::Selector::parse(NAMES).unwrap();
    let running = scraper::Selector::parse("p, li, td, dd").unwrap();
    let mut hyphenated_text = 0;
    for file in &files {
        let html = fs::read_to_string(file).unwrap();
        let at = file.strip_prefix(site.output()).unwrap().display();
        assert!(!html.contains('\u{200b}'), "{at}: a zero-width space");
        let document = scraper::Html::parse_document(&html);
        for el in document.select(&names) {
            let text: String = el.text().collect();
            assert!(!text.contains('\u{ad}'), "{at}: a soft hyphen in <{}> {text:?}", el.value().name());
        }
        hyphenated_text += document.select(&running).filter(|el| el.text().any(|t| t.contains('\u{ad}'))).count();
    }
    assert!(hyphenated_text > 0, "running text is still hyphenated");
}

#[test]
fn an_address_in_a_page_breaks_by_wbr_and_copies_as_written() {
    let site = TestSite::example();
    site.build_ok();
    let raw = fs::read_to_string(site.output().join("klage/index.html")).unwrap();
    let document = scraper::Html::parse_document(&raw);
    let mail = scraper::Selector::parse("main a[href^=\"mailto:\"]").unwrap();
    let link = document.select(&mail).next().expect("an e-mail link in the page's text");
    let href = link.value().attr("href").unwrap().trim_start_matches("mailto:");
    // What a reader selects and copies: the text, which <wbr> adds nothing to.
    assert_eq!(link.text().collect::<String>(), href);
    assert!(link.inner_html().contains("@<wbr>"), "{}", link.inner_html());
}
