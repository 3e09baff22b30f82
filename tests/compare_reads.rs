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

fn example() -> &'static TestSite {
    static EXAMPLE: std::sync::OnceLock<TestSite> = std::sync::OnceLock::new();
    EXAMPLE.get_or_init(|| {
        let site = TestSite::example();
        site.build_ok();
        site
    })
}

/// The comparison's survey rows: each row's header, and its cells by the
/// slug of the provider whose column they are in.
struct SurveyRow {
    header: String,
    cells: Vec<(String, String, bool)>,
}

fn survey_rows(page: &str) -> Vec<SurveyRow> {
    let doc = scraper::Html::parse_document(page);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let text = |e: scraper::ElementRef| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ");
    let slugs: Vec<String> = doc
        .select(&sel(".compare-table thead th[data-provider]"))
        .map(|th| th.value().attr("data-provider").unwrap().to_string())
        .collect();
    doc.select(&sel(".compare-table tr.survey-question"))
        .map(|tr| SurveyRow {
            header: text(tr.select(&sel("th")).next().unwrap()),
            cells: tr
                .select(&sel("td"))
                .zip(&slugs)
                .map(|(td, slug)| {
                    let linked = td.select(&sel("a[href='#survey-note']")).next().is_some();
                    (slug.clone(), text(td), linked)
                })
                .collect(),
        })
        .collect()
}

#[test]
fn every_survey_question_is_a_row_headed_by_the_municipal_figure() {
    for (site, questions) in [(city(), 2), (example(), 8)] {
        for variant in VARIANTS {
            let rows = survey_rows(&site.page(&format!("{variant}{COMPARE}")));
            assert_eq!(rows.len(), questions, "{variant}");
            let reference = if variant.contains("lettlest") { "Hele kommunen: " } else { "Snitt i kommunen: " };
            for row in &rows {
                let (_, figure) =
                    row.header.split_once(reference).unwrap_or_else(|| panic!("{variant}: {}", row.header));
                assert!(figure.starts_with(|c: char| c.is_ascii_digit()), "{variant}: {}", row.header);
            }
        }
    }
    let rows = survey_rows(&city().page(COMPARE));
    assert!(rows[0].header.starts_with("Blir du behandlet med respekt av de ansatte?"), "{}", rows[0].header);
    assert!(rows[1].header.starts_with("Alt i alt, hvor fornøyd er du?"), "{}", rows[1].header);
}

#[test]
fn too_few_answers_is_said_in_every_question_row_and_linked_to_the_note() {
    for variant in VARIANTS {
        let page = city().page(&format!("{variant}{COMPARE}"));
        for row in survey_rows(&page) {
            let (_, text, linked) = row
                .cells
                .iter()
                .find(|(slug, ..)| slug == "sorbyen-omsorg-as")
                .unwrap_or_else(|| panic!("{variant}: no column for Sørbyen omsorg"));
            assert_eq!(text, "For få svar", "{variant}: {}", row.header);
            assert!(linked, "{variant}: {}", row.header);
        }
    }
}

#[test]
fn each_cell_says_what_the_providers_own_page_says() {
    let compare = example().page(COMPARE);
    let rows = survey_rows(&compare);
    for (slug, ..) in &rows[0].cells {
        let own = example().page(&format!("tjenester/praktisk-bistand/{slug}/index.html"));
        let figures = texts(&own, ".survey-table:not(.trend-table) tbody td:first-of-type");
        assert_eq!(figures.len(), rows.len(), "{slug}");
        for (row, figure) in rows.iter().zip(&figures) {
            let (_, cell, _) = row.cells.iter().find(|(s, ..)| s == slug).unwrap();
            let first = |t: &str| t.split(' ').next().unwrap().to_string();
            if figure == "For få svar" {
                assert_eq!(cell, figure, "{slug}: {}", row.header);
            } else {
                assert_eq!(first(cell), first(figure), "{slug}: {}", row.header);
                assert!(cell.contains(" av 6 ("), "{slug}: the scale and the answers: {cell}");
            }
        }
    }
}

#[test]
fn the_plain_comparison_explains_a_question_where_the_survey_does() {
    let standard = survey_rows(&example().page(COMPARE));
    let plain = survey_rows(&example().page(&format!("lettlest/{COMPARE}")));
    let asked = "Er du fornøyd med hvor mange ulike ansatte som kommer til deg?";
    let explained =
        |rows: &[SurveyRow]| rows.iter().any(|r| r.header.starts_with(asked) && r.header.contains("Forklaring:"));
    assert!(!explained(&standard));
    assert!(explained(&plain), "{:?}", plain.iter().map(|r| &r.header).collect::<Vec<_>>());
}
