//! The comparison read on its own (issue 22), on a phone or printed, far
//! from the service page: it marks the provider you get without choosing,
//! ends with whom to call, and a figure not shown links to why.

mod common;

use common::{TestSite, attrs, texts};

const COMPARE: &str = "tjenester/praktisk-bistand/sammenlign/index.html";
const VARIANTS: [&str; 4] = ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"];

fn city() -> &'static TestSite {
    static CITY: std::sync::OnceLock<TestSite> = std::sync::OnceLock::new();
    CITY.get_or_init(|| {
        let site = TestSite::city();
        site.build_ok();
        site
    })
}

#[test]
fn the_provider_you_get_without_choosing_is_marked_in_its_column_head() {
    for variant in VARIANTS {
        let page = city().page(&format!("{variant}{COMPARE}"));
        let marked: Vec<String> =
            texts(&page, ".compare-table thead th").into_iter().filter(|t| t.contains("(får du")).collect();
        assert_eq!(marked.len(), 1, "{variant}: {marked:?}");
        assert!(marked[0].starts_with("Storby kommune"), "{variant}: {}", marked[0]);
    }
}

#[test]
fn the_comparison_ends_with_whom_you_get_and_whom_to_call() {
    for variant in VARIANTS {
        let page = city().page(&format!("{variant}{COMPARE}"));
        let next = texts(&page, "main .compare-next");
        assert_eq!(next.len(), 1, "{variant}");
        assert!(next[0].starts_with("Slik velger du"), "{variant}: {}", next[0]);
        assert!(next[0].contains("får du Storby kommune"), "{variant}: {}", next[0]);
        assert!(next[0].contains("21 80 21 80"), "{variant}: the service's phone: {}", next[0]);
        assert_eq!(
            attrs(&page, ".compare-next details.offices li a.phone", "href").len(),
            15,
            "{variant}: the offices"
        );
    }
}

#[test]
fn too_few_answers_links_to_the_note_that_explains_it() {
    for variant in VARIANTS {
        let page = city().page(&format!("{variant}{COMPARE}"));
        let links = texts(&page, ".compare-table td a[href='#survey-note']");
        assert!(!links.is_empty() && links.iter().all(|l| l == "For få svar"), "{variant}: {links:?}");
        let note = texts(&page, "#survey-note");
        assert_eq!(note.len(), 1, "{variant}");
        assert!(note[0].contains("«For få svar»"), "{variant}: {}", note[0]);
    }
}
