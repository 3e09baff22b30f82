//! List facts about providers (languages, districts, focus areas) as
//! readers see them: never an empty cell, languages by name in the site's
//! language, and `no` (Norwegian, as registers write it) the same as `nb`.

mod common;

use common::{TestSite, describe};
use scraper::{Html, Selector};

const ALFA: &str = "providers/praktisk-bistand/alfa-omsorg.yaml";
const VARIANTS: [&str; 4] = ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"];

fn texts(html: &str, selector: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    doc.select(&Selector::parse(selector).unwrap())
        .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The value of the fact whose label begins with `label` on a provider page.
fn fact(html: &str, label: &str) -> String {
    let labels = texts(html, "dl.facts dt");
    let values = texts(html, "dl.facts dd");
    let at =
        labels.iter().position(|l| l.starts_with(label)).unwrap_or_else(|| panic!("no fact {label} in {labels:?}"));
    values[at].clone()
}

/// Every `<dd>`, `<td>` and `<th>` cell of every page in `site`'s output
/// that has no text.
fn empty_cells(site: &TestSite) -> Vec<String> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(site.output()).into_iter().filter_map(Result::ok) {
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap();
        let doc = Html::parse_document(&html);
        // The side-by-side table's corner cell is empty by design.
        for cell in doc.select(&Selector::parse("dd, tbody td").unwrap()) {
            if cell.text().collect::<String>().trim().is_empty() {
                out.push(format!("{}: {}", entry.path().display(), cell.html()));
            }
        }
    }
    out
}

#[test]
fn an_empty_language_list_says_not_stated_in_every_variant_and_table() {
    let site = TestSite::minimal();
    site.edit(ALFA, "languages: [nb, pl]", "languages: []");
    site.build_ok();
    assert_eq!(empty_cells(&site), Vec::<String>::new());
    for variant in VARIANTS {
        // Lettlest says it in its own plain words (i18n `plain.not_stated`).
        let not_stated = if variant.contains("lettlest") { "Vet vi ikke" } else { "Ikke oppgitt" };
        let provider = site.page(&format!("{variant}tjenester/praktisk-bistand/alfa-omsorg/index.html"));
        assert_eq!(fact(&provider, "Språk"), not_stated, "{variant}");
        let service = site.page(&format!("{variant}tjenester/praktisk-bistand/index.html"));
        // The languages' column, wherever quality columns put it.
        let heads = texts(&service, ".providers-table thead th");
        let column = 1 + heads.iter().position(|h| h.starts_with("Språk")).expect("a languages column");
        let cells = texts(&service, &format!("tbody td:nth-child({column})"));
        assert!(cells.contains(&not_stated.to_string()), "{variant}: {cells:?}");
        let compare = site.page(&format!("{variant}tjenester/praktisk-bistand/sammenlign/index.html"));
        // Alfa Omsorg is the first column: the cells at its position.
        let heads = texts(&compare, "[data-compare] thead th");
        assert!(heads[0].starts_with("Alfa"), "{heads:?}");
        assert!(texts(&compare, "[data-compare] tbody td:nth-child(2)").contains(&not_stated.to_string()), "{variant}");
    }
}

#[test]
fn a_nynorsk_site_says_ikkje_oppgitt() {
    let site = TestSite::minimal();
    site.as_nynorsk();
    site.edit(ALFA, "languages: [nb, pl]", "languages: []");
    site.build_ok();
    assert_eq!(empty_cells(&site), Vec::<String>::new());
    let provider = site.page("tenester/praktisk-bistand/alfa-omsorg/index.html");
    assert_eq!(fact(&provider, "Språk"), "Ikkje oppgitt");
}

#[test]
fn languages_are_listed_and_filtered_by_name_not_code() {
    let site = TestSite::minimal();
    // By code this would read dansk, engelsk, persisk, finsk, norsk, polsk.
    site.edit(ALFA, "languages: [nb, pl]", "languages: [pl, fi, fa, da, nb]");
    site.build_ok();
    let provider = site.page("tjenester/praktisk-bistand/alfa-omsorg/index.html");
    assert_eq!(fact(&provider, "Språk"), "dansk, finsk, norsk, persisk, polsk");
    let service = site.page("tjenester/praktisk-bistand/index.html");
    let filters = texts(&service, ".filter-group[data-key=sprak] a");
    assert_eq!(filters, ["dansk", "engelsk", "finsk", "persisk", "polsk"]);
}

#[test]
fn no_is_norwegian_and_shown_once_beside_nb() {
    let site = TestSite::minimal();
    site.edit(ALFA, "languages: [nb, pl]", "languages: [no, pl, nb]");
    site.edit("providers/praktisk-bistand/kommunen.yaml", "languages: [nb, en]", "languages: [no, en]");
    let report = site.build_ok();
    assert!(report.findings.is_empty(), "{}", describe(&report.findings));
    let provider = site.page("tjenester/praktisk-bistand/alfa-omsorg/index.html");
    assert_eq!(fact(&provider, "Språk"), "norsk, polsk");
    let service = site.page("tjenester/praktisk-bistand/index.html");
    assert_eq!(texts(&service, ".filter-group[data-key=sprak] a"), ["engelsk", "polsk"]);
    // Both speak Norwegian, one as `no` and one as `nb`: said once, as
    // what all have, and no filter page for either code.
    assert!(texts(&service, ".filters-common li").contains(&"Språk: norsk".to_string()));
    for code in ["nb", "no"] {
        assert!(!site.output().join(format!("tjenester/praktisk-bistand/sprak/{code}")).exists(), "{code}");
    }
}

#[test]
fn a_value_every_provider_has_gets_no_filter_page_or_link_but_is_said_once() {
    // Both providers of the minimal site speak Norwegian and serve Sentrum;
    // only one serves Nordre Åsen, only one speaks Polish.
    let site = TestSite::minimal();
    site.build_ok();
    let output = site.output();
    for variant in VARIANTS {
        let service = site.page(&format!("{variant}tjenester/praktisk-bistand/index.html"));
        let links: Vec<String> = {
            let doc = Html::parse_document(&service);
            doc.select(&Selector::parse("[data-filters] a").unwrap())
                .map(|a| a.value().attr("href").unwrap().to_string())
                .collect()
        };
        assert!(links.contains(&"bydel/nordre-asen/".to_string()), "{variant}: {links:?}");
        assert!(links.contains(&"sprak/pl/".to_string()), "{variant}: {links:?}");
        for common in ["bydel/sentrum/", "sprak/nb/"] {
            assert!(!links.contains(&common.to_string()), "{variant}: {common} in {links:?}");
            let dir = output.join(format!("{variant}tjenester/praktisk-bistand/{common}"));
            assert!(!dir.exists(), "{}", dir.display());
        }
        // The reader still learns it, in the filter box.
        let said = texts(&service, "[data-filters] .filters-common li").join(" | ");
        assert!(said.contains("Sentrum") && said.contains("norsk"), "{variant}: {said}");
        // The rows carry only values the script can filter by.
        let rows = texts(&service, "tbody tr[data-sprak=nb], tbody tr[data-bydel~=sentrum]");
        assert!(rows.is_empty(), "{variant}: {rows:?}");
    }
}
