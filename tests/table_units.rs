//! A table says a qualifier that holds for a whole column once, in the
//! column's heading, not in every cell (issue 26): a provider page's survey
//! table whose municipal figures all leave out the hidden providers says so
//! in the heading, and a provider whose figures are all uncertain has that
//! said in its column's heading. In bokmål and nynorsk, all four variants.

mod common;

use common::{TestSite, texts};

/// Every variant of a provider's page in a built site.
fn variants(site: &TestSite, provider: &str) -> Vec<String> {
    let tail = format!("{provider}/index.html");
    let mut pages: Vec<String> = walkdir::WalkDir::new(site.output())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().to_string_lossy().ends_with(&tail))
        .map(|e| site.page(&e.path().strip_prefix(site.output()).unwrap().to_string_lossy()))
        .collect();
    pages.sort();
    assert_eq!(pages.len(), 4, "{provider}: four variants");
    pages
}

/// The survey table's column headings and its cells, column by column
/// (after the question).
fn survey_table(page: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let heads = texts(page, ".survey-table:not(.trend-table) thead th");
    let columns = (2..=heads.len())
        .map(|n| texts(page, &format!(".survey-table:not(.trend-table) tbody tr > :nth-child({n})")))
        .collect();
    (heads, columns)
}

fn check(site: &TestSite, provider: &str, column: usize, notes: &[&str]) {
    for page in variants(site, provider) {
        let (heads, columns) = survey_table(&page);
        let note = notes.iter().find(|n| heads[column].contains(*n));
        let note = note.unwrap_or_else(|| panic!("{provider}: heading «{}» says none of {notes:?}", heads[column]));
        let cells = &columns[column - 1];
        assert!(cells.len() >= 2, "{cells:?}");
        assert!(cells.iter().all(|c| !c.contains(note)), "{provider}: cells repeat «{note}»: {cells:?}");
    }
}

#[test]
fn a_note_every_municipal_figure_has_is_in_the_heading() {
    let site = TestSite::example();
    site.build_ok();
    // Aktiv Omsorg's figures are hidden, so the municipality's are of the others.
    let notes = ["bare leverandørene som vises", "uten dem med for få svar"];
    check(&site, "aktiv-omsorg-fjordvik-as", 2, &notes);

    let site = TestSite::example();
    site.as_nynorsk().build_ok();
    let notes = ["berre leverandørane som blir viste", "utan dei med for få svar"];
    check(&site, "aktiv-omsorg-fjordvik-as", 2, &notes);
}

#[test]
fn a_provider_whose_every_figure_is_uncertain_has_it_said_in_the_heading() {
    let site = TestSite::example();
    site.build_ok();
    check(&site, "stiftelsen-livskraft-omsorg", 1, &["usikkert"]);
    // A figure alone in its column's note keeps its own.
    let page = site.page("tjenester/praktisk-bistand/nordlys-hjemmetjenester-as/index.html");
    let (heads, _) = survey_table(&page);
    assert!(!heads[1].contains("usikkert"), "{heads:?}");
}
