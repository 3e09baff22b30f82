//! Survey figures in plain words, where the figure is: a hidden figure is
//! explained (why, and that it says nothing about the care) on the list,
//! the comparison and the provider's page; every score says which end of
//! the scale is best; a range of respondents says what it means. Tried on
//! the city fixture, where sorbyen-omsorg-as has only 3 answers.

mod common;

use common::TestSite;

const SERVICE: &str = "tjenester/praktisk-bistand";

fn built() -> TestSite {
    let site = TestSite::city();
    site.build_ok();
    site
}

#[test]
fn a_hidden_figure_is_explained_on_the_list_the_comparison_and_the_providers_page() {
    let site = built();
    for (prefix, says) in [
        ("", "Det sier ingenting om hvor god hjelpen er."),
        ("lettlest/", "Det sier ikke noe om hjelpen er god eller dårlig."),
    ] {
        for page in ["index.html", "sammenlign/index.html", "sorbyen-omsorg-as/index.html"] {
            let html = site.page(&format!("{prefix}{SERVICE}/{page}"));
            assert!(html.contains("For få svar"), "{prefix}{page} shows a hidden figure");
            assert!(html.contains(says), "{prefix}{page} says why in plain words");
        }
    }
}

#[test]
fn every_score_says_which_end_of_the_scale_is_best() {
    let site = built();
    for page in ["index.html", "sammenlign/index.html", "sorbyen-omsorg-as/index.html"] {
        assert!(site.page(&format!("{SERVICE}/{page}")).contains("1–6, der 1 er dårligst og 6 er best"), "{page}");
        let plain = site.page(&format!("lettlest/{SERVICE}/{page}"));
        assert!(plain.contains("1 til 6, der 1 er dårligst og 6 er best"), "lettlest {page}");
    }
}

#[test]
fn a_range_of_respondents_says_it_differs_by_question() {
    let site = TestSite::example();
    site.build_ok();
    let page = site.page("tjenester/praktisk-bistand/trygg-hverdag-as/index.html");
    assert!(page.contains("40–44 (ulikt fra spørsmål til spørsmål)"), "the range is explained");
}
