//! Words stay whole on a phone and in large print (issue 22): numbers in
//! running text keep together, the comparison labels every value with its
//! provider so it can stack instead of squeezing columns, and the style
//! sheet lets words break anywhere only where that squeezes nothing. The
//! layout itself is measured in a browser (browser-tests/words.mjs).

mod common;

use common::{TestSite, attrs, texts};

const CITY_SERVICE: &str = "tjenester/praktisk-bistand/";
const CONFIG: &str = "brukervalg.yaml";
const VARIANTS: [&str; 4] = ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"];

#[test]
fn a_phone_number_and_an_amount_in_a_services_own_text_never_break_across_lines() {
    let site = TestSite::city();
    site.edit(
        CONFIG,
        "how_to_choose: Ring eller skriv til Søknadskontoret i bydelen din og si hvem du velger.",
        "how_to_choose: Ring Søknadskontoret på 21 80 30 00 og si hvem du velger. Egenandelen er 1 250 kroner i 2026.",
    );
    site.build_ok();
    let page = site.page(&format!("{CITY_SERVICE}index.html"));
    assert!(page.contains("på 21\u{a0}80\u{a0}30\u{a0}00 og"), "no-break spaces inside the phone number");
    assert!(page.contains("er 1\u{a0}250 kroner i 2026."), "and inside the amount, not after the year");
}

#[test]
fn every_value_of_the_comparison_is_labelled_with_its_providers_name() {
    let site = TestSite::city();
    site.build_ok();
    for variant in VARIANTS {
        let page = site.page(&format!("{variant}{CITY_SERVICE}sammenlign/index.html"));
        let names = texts(&page, ".compare-table thead th a");
        let rows = texts(&page, ".compare-table tbody tr").len();
        let labels = attrs(&page, ".compare-table tbody td", "data-label");
        assert!(names.len() >= 3 && rows >= 5, "{variant}: {} providers, {rows} facts", names.len());
        assert_eq!(labels.len(), names.len() * rows, "{variant}: a label on every value");
        for (i, label) in labels.iter().enumerate() {
            // The name its column's head links to the provider's page.
            assert_eq!(label.as_str(), names[i % names.len()], "{variant}: value {i}");
        }
    }
}

#[test]
fn words_may_break_anywhere_only_in_addresses_and_in_links_alone_on_their_line() {
    let site = TestSite::city();
    let css = site.read("static/assets/style.css");
    // Outside those, `anywhere` lets a table column or a caption shrink to
    // a letter (issue 22: "Fjordv|ik komm|une", a caption 17 px wide).
    let allowed = [
        "a[href^=\"mailto:\"]",
        "a[href^=\"http\"]",
        ".contact a:not([href^=\"tel:\"])",
        ".skip-link",
        ".jump a",
        ".menu a",
        ".breadcrumbs a",
        ".toc a",
        ".pages-nav a",
        ".filter-group a",
        ".choose-this li a",
        ".site-name",
    ];
    let mut rules = 0;
    for rule in css.split('}') {
        let Some((selectors, body)) = rule.split_once('{') else { continue };
        if !body.contains("overflow-wrap: anywhere") {
            continue;
        }
        rules += 1;
        // A selector list's last line: comments and @media before it end
        // with a newline or a `{` already split off.
        let selectors = selectors.rsplit(['\n', '/']).next().unwrap_or(selectors);
        for selector in top_level(selectors) {
            let selector = selector.trim_end_matches("::after");
            // (:not(...) narrows an allowed selector: print's web addresses.)
            let base = selector.split(":not(").next().unwrap_or(selector);
            assert!(allowed.contains(&selector) || allowed.contains(&base), "overflow-wrap: anywhere on {selector:?}");
        }
    }
    assert!(rules >= 2, "the addresses' and the links' rules were read ({rules})");
    assert!(css.contains("a[href^=\"tel:\"], .nowrap { white-space: nowrap; }"), "phone links never wrap");
    assert!(
        css.contains(".large-print .survey-table caption { display: block; }"),
        "a survey table's caption is as wide as its table in large print"
    );
}

/// The selectors of a selector list, split at its top-level commas only
/// (not those inside `:not(a, b)`).
fn top_level(list: &str) -> Vec<&str> {
    let (mut out, mut depth, mut start) = (Vec::new(), 0usize, 0);
    for (i, c) in list.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                out.push(list[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(list[start..].trim());
    out
}
