//! User surveys: what is read, what is refused and where, what is hidden
//! (directly and so that nothing hidden can be worked out), and charts whose
//! text alternative holds the same numbers as the bars.

mod common;
mod survey_sim;

use brukervalg::diagnostics::Severity;
use brukervalg::domain::Slug;
use brukervalg::model::comparison::Verdict;
use brukervalg::model::survey::{RawCell, publish_question};
use common::html::sel;
use common::{TestSite, assert_error};
use scraper::Html;
use survey_sim::{Lcg, RULES, cell_from_answers};

const SURVEY: &str = "surveys/tilfredshet-2026.yaml";
const CSV: &str = "surveys/tilfredshet-2026.csv";

fn with_survey() -> TestSite {
    let site = TestSite::minimal();
    common::copy_tree(&common::project_root().join("tests/fixtures/survey"), &site.root().join("surveys"));
    site
}

/// Every number written in `text`, as written ("4,7", "2.3", "2026").
fn numbers_in_text(text: &str) -> std::collections::BTreeSet<String> {
    text.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map(|t| t.trim_matches([',', '.']))
        .filter(|t| t.starts_with(|c: char| c.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

/// Every number in a page's text and in any of its attributes.
fn numbers_in(html: &str) -> std::collections::BTreeSet<String> {
    let doc = Html::parse_document(html);
    let mut out = numbers_in_text(&doc.root_element().text().collect::<Vec<_>>().join(" "));
    for element in doc.root_element().descendants().filter_map(scraper::ElementRef::wrap) {
        for (_, value) in element.value().attrs() {
            out.extend(numbers_in_text(value));
        }
    }
    out
}

#[test]
fn a_provider_page_shows_a_chart_and_a_table_with_the_same_numbers() {
    let site = with_survey();
    site.build_ok();
    let html = Html::parse_document(&site.page("tjenester/praktisk-bistand/alfa-omsorg/index.html"));
    let svg = html.select(&sel("svg.chart")).next().expect("a chart");
    assert_eq!(svg.value().attr("role"), Some("img"));
    assert!(svg.select(&sel("title")).next().is_some() && svg.select(&sel("desc")).next().is_some());
    let bars: Vec<(String, String)> = svg
        .select(&sel("g[data-question]"))
        .map(|g| {
            (
                g.value().attr("data-value").unwrap_or("").replace('.', ","),
                g.value().attr("data-reference").unwrap_or("").replace('.', ","),
            )
        })
        .collect();
    let table: Vec<(String, String)> = html
        .select(&sel("table.survey-table tbody tr"))
        .map(|tr| {
            let cells: Vec<String> = tr.select(&sel("td")).map(|td| td.text().collect::<String>()).collect();
            (cells[0].clone(), cells[1].clone())
        })
        .collect();
    assert_eq!(bars.len(), 2);
    assert_eq!(bars, table, "chart and table disagree");
    assert_eq!(bars[0].0, "5,1");
    // Municipality-wide: (12 * 5.1 + 40 * 4.6) / 52 = 4.715... → 4,7
    assert_eq!(bars[0].1, "4,7");
    let text: String = html.root_element().text().collect();
    assert!(text.contains("Svarprosent: 55 %"));
    assert!(text.contains("Antall som svarte: 12"));
}

#[test]
fn the_comparison_shows_one_headline_figure_per_provider_without_ranking() {
    let site = with_survey();
    site.build_ok();
    let html = site.page("tjenester/praktisk-bistand/index.html");
    assert!(html.contains("4,9 av 6 (12 svar)"), "{html}");
    assert!(html.contains("4,7 av 6 (38 svar)"));
    assert!(html.contains("«Alt i alt, hvor fornøyd er du?»"));
    // Means without spread: nothing is said about chance either way.
    assert!(html.contains("Undersøkelsen oppgir bare gjennomsnitt"), "{html}");
    assert!(!html.contains("Forskjellene mellom leverandørene er små"));
    assert!(!html.contains("neppe skyldes tilfeldigheter"));
    // Still alphabetical, not by score.
    assert!(html.find("Alfa Omsorg AS").unwrap() < html.find("Testvik kommune hjemmetjenesten</a>").unwrap());
}

#[test]
fn a_figure_from_too_few_respondents_is_published_nowhere_and_hides_no_other() {
    let site = with_survey();
    site.write(CSV, "provider,question,respondents,mean,dont_know\nalfa-omsorg,respekt,4,2.3,83\nalfa-omsorg,helhet,4,2.1,89\nkommunen,respekt,40,4.6,3\nkommunen,helhet,38,4.7,2\n");
    let report = site.build_ok();
    let provider = site.page("tjenester/praktisk-bistand/alfa-omsorg/index.html");
    assert!(provider.contains("For få svar"));
    // Alfa's own numbers, its «vet ikke» answers and any municipal figure
    // that includes them ((4 · 2.3 + 40 · 4.6) / 44 = 4.39 → 4.4; 4.5 of
    // 42 answers for helhet) appear nowhere: not in text, not in any
    // attribute (charts carry values in data-value), in neither notation.
    // (Not 44: the contact phone number holds it.)
    let hidden = ["2.3", "2,3", "2.1", "2,1", "83", "89", "4.4", "4,4", "4.5", "4,5", "42"];
    for page in [
        "tjenester/praktisk-bistand/alfa-omsorg/index.html",
        "tjenester/praktisk-bistand/index.html",
        "tjenester/praktisk-bistand/kommunen/index.html",
        "tjenester/praktisk-bistand/sammenlign/index.html",
        "lettlest/tjenester/praktisk-bistand/kommunen/index.html",
    ] {
        let numbers = numbers_in(&site.page(page));
        for h in hidden {
            assert!(!numbers.contains(h), "{page} publishes {h}");
        }
    }
    let json = site.page("data/providers.json");
    let csv = site.page("data/survey-results.csv");
    for h in hidden {
        assert!(!numbers_in_text(&json).contains(h), "providers.json publishes {h}");
        assert!(!numbers_in_text(&csv).contains(h), "survey-results.csv publishes {h}");
    }
    // The only other provider keeps its figures: the municipal figure is
    // its own, and says that it leaves the hidden one out (once, in the
    // column's heading, as every municipal figure of the table does).
    let kommunen = site.page("tjenester/praktisk-bistand/kommunen/index.html");
    assert!(!kommunen.contains("Ikke vist"), "{kommunen}");
    assert!(kommunen.contains(">Snitt i kommunen (bare leverandørene som vises)<"), "{kommunen}");
    assert!(kommunen.contains("snittet i kommunen er regnet ut uten leverandørene med for få svar"));
    let plain = site.page("lettlest/tjenester/praktisk-bistand/kommunen/index.html");
    assert!(plain.contains(">Hele kommunen (uten dem med for få svar)<"), "{plain}");
    assert!(csv.contains("\"municipality\",\"respekt\",\"shown\",4.6,40,\"false\",3,\"shown-providers\""), "{csv}");
    assert!(csv.contains("\"alfa-omsorg\",\"respekt\",\"too-few\",\"\",\"\",\"false\",\"\",\"\""), "{csv}");
    // `check` names each hidden figure at its row, as a note.
    let notes: Vec<_> = report.findings.iter().filter(|f| f.severity == Severity::Note).collect();
    assert_eq!(notes.len(), 2, "{}", common::describe(&report.findings));
    assert_eq!((notes[0].file.to_str(), notes[0].position.line), (Some(CSV), 2));
    assert!(notes[0].message.contains("`alfa-omsorg` for the question `respekt` are not shown: 4 answers, at least 5"));
    assert_eq!(notes[1].position.line, 3);
}

#[test]
fn figures_under_ten_respondents_are_marked_uncertain() {
    let site = with_survey();
    site.edit(CSV, "alfa-omsorg,respekt,12,5.1", "alfa-omsorg,respekt,7,5.1");
    site.build_ok();
    let html = site.page("tjenester/praktisk-bistand/alfa-omsorg/index.html");
    assert!(html.contains("5,1 (usikkert, få svar)"), "{html}");
}

#[test]
fn several_years_of_a_series_show_the_trend() {
    let site = with_survey();
    site.write(
        "surveys/tilfredshet-2025.yaml",
        &site.read(SURVEY).replace("year: 2026", "year: 2025").replace("tilfredshet-2026.csv", "tilfredshet-2025.csv"),
    );
    site.write("surveys/tilfredshet-2025.csv", "provider,question,count_1,count_2,count_3,count_4,count_5,count_6\nalfa-omsorg,respekt,0,0,1,4,4,1\nalfa-omsorg,helhet,0,0,2,4,3,1\nkommunen,respekt,0,1,3,15,15,6\nkommunen,helhet,0,0,5,15,12,6\n");
    site.build_ok();
    let html = Html::parse_document(&site.page("tjenester/praktisk-bistand/alfa-omsorg/index.html"));
    let trend = html.select(&sel("table.trend-table")).next().expect("a trend table");
    let years: Vec<String> = trend.select(&sel("thead th")).skip(1).map(|th| th.text().collect()).collect();
    assert_eq!(years, ["2025", "2026"]);
    let first: Vec<String> =
        trend.select(&sel("tbody tr")).next().unwrap().select(&sel("td")).map(|td| td.text().collect()).collect();
    // 2025 from counts: (3 + 16 + 20 + 6) / 10 = 4.5
    assert_eq!(first, ["4,5", "5,1"]);
    assert_eq!(html.select(&sel("svg.chart")).count(), 1, "only the latest year is charted");
}

// Bad input: each an error with file and line, and what to do.

#[test]
fn an_unknown_provider_in_the_results_names_the_csv_line() {
    let site = with_survey();
    site.edit(CSV, "kommunen,helhet", "kommune,helhet");
    let e = assert_error(&site.errors(), CSV, 5, "`kommune` is not a provider of `praktisk-bistand`");
    assert!(e.help.unwrap().contains("did you mean `kommunen`"));
}

#[test]
fn an_unknown_question_names_the_csv_line() {
    let site = with_survey();
    site.edit(CSV, "alfa-omsorg,helhet", "alfa-omsorg,helheten");
    assert_error(&site.errors(), CSV, 3, "`helheten` is not a question of this survey");
}

#[test]
fn a_score_outside_the_scale_is_an_error() {
    let site = with_survey();
    site.edit(CSV, "12,5.1", "12,7.2");
    assert_error(&site.errors(), CSV, 2, "outside the scale 1-6");
}

#[test]
fn negative_and_non_numeric_counts_are_errors() {
    let site = with_survey();
    site.write(CSV, "provider,question,count_1,count_2,count_3,count_4,count_5,count_6\nalfa-omsorg,respekt,0,-1,2,3,4,5\nalfa-omsorg,helhet,0,0,tre,3,4,5\n");
    let errors = site.errors();
    assert_error(&errors, CSV, 2, "`count_2` is `-1`, not a whole number of 0 or more");
    assert_error(&errors, CSV, 3, "`count_3` is `tre`, not a whole number of 0 or more");
}

#[test]
fn a_non_numeric_mean_or_respondent_count_is_an_error() {
    let site = with_survey();
    site.edit(CSV, "alfa-omsorg,respekt,12,5.1", "alfa-omsorg,respekt,tolv,høy");
    let errors = site.errors();
    assert_error(&errors, CSV, 2, "`respondents` is `tolv`");
    assert_error(&errors, CSV, 2, "`mean` is `høy`");
}

#[test]
fn a_duplicate_row_names_both_lines() {
    let site = with_survey();
    site.edit(CSV, "kommunen,helhet,38,4.7", "kommunen,helhet,38,4.7\nkommunen,respekt,40,4.6");
    assert_error(&site.errors(), CSV, 6, "a second row for `kommunen` and `respekt` (the first is on line 4)");
}

#[test]
fn a_csv_with_the_wrong_columns_says_which_forms_are_understood() {
    let site = with_survey();
    site.edit(CSV, "provider,question,respondents,mean", "leverandør,spørsmål,antall,snitt");
    let e = assert_error(&site.errors(), CSV, 1, "neither results form");
    assert!(e.help.unwrap().contains("provider,question,count_1,...,count_6"));
}

#[test]
fn an_unknown_column_is_an_error_at_its_header_cell() {
    // The editor's «vet ikke» column under its Norwegian name was dropped
    // without a word (issue 21).
    let site = with_survey();
    site.edit(CSV, "provider,question,respondents,mean", "provider,question,respondents,mean,vet_ikke");
    for (from, to) in [("12,5.1", "12,5.1,3"), ("12,4.9", "12,4.9,2"), ("40,4.6", "40,4.6,1"), ("38,4.7", "38,4.7,0")] {
        site.edit(CSV, from, to);
    }
    let errors = site.errors();
    let e = assert_error(&errors, CSV, 1, "the column `vet_ikke` is unknown");
    assert_eq!(e.position.column, 36);
    assert!(e.help.unwrap().contains("`dont_know`"));
    // A count column the mean form does not use is no better.
    let site = with_survey();
    site.write(CSV, "provider,\"question\",count_1,respondents,mean\nalfa-omsorg,respekt,1,12,5.1\n");
    assert_eq!(assert_error(&site.errors(), CSV, 1, "the column `count_1` is unknown").position.column, 21);
}

#[test]
fn a_results_file_with_only_its_header_is_a_warning() {
    let site = with_survey();
    site.write(CSV, "provider,question,respondents,mean\n");
    let report = site.build_ok();
    let warnings: Vec<_> = report.findings.iter().filter(|f| f.severity == Severity::Warning).collect();
    assert_eq!(warnings.len(), 1, "{}", common::describe(&report.findings));
    assert_eq!((warnings[0].file.to_str(), warnings[0].position.line), (Some(CSV), 1));
    assert!(warnings[0].message.contains("only column names and no rows"));
}

#[test]
fn a_dont_know_count_that_is_not_a_whole_number_is_an_error() {
    let site = with_survey();
    site.write(CSV, "provider,question,respondents,mean,dont_know\nalfa-omsorg,respekt,12,5.1,mange\n");
    assert_error(&site.errors(), CSV, 2, "`dont_know` is `mange`, not a whole number");
}

#[test]
fn dont_know_answers_are_shown_beside_the_figure_in_every_variant_and_in_open_data() {
    let site = with_survey();
    site.write(CSV, "provider,question,count_1,count_2,count_3,count_4,count_5,count_6,dont_know\nalfa-omsorg,respekt,0,0,1,3,5,3,12\nalfa-omsorg,helhet,0,0,1,3,5,3,0\nkommunen,respekt,1,3,8,14,10,4,5\nkommunen,helhet,1,3,8,14,10,4,1\n");
    site.build_ok();
    for variant in ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"] {
        let html = site.page(&format!("{variant}tjenester/praktisk-bistand/alfa-omsorg/index.html"));
        let table = Html::parse_document(&html);
        let cells: Vec<String> = table
            .select(&sel("table.survey-table:not(.trend-table) tbody tr td:nth-child(4)"))
            .map(|td| td.text().collect())
            .collect();
        // The mean leaves «vet ikke» out: (3 + 12 + 25 + 18) / 12 = 4.8.
        assert_eq!(cells, ["12 (12 svarte «vet ikke»)", "12"], "{variant}");
        assert!(html.contains("4,8"), "{variant}");
        // Both questions together: 17 «vet ikke» of the municipality.
        let municipal: Vec<String> = table
            .select(&sel("table.survey-table:not(.trend-table) tbody tr td:nth-child(3)"))
            .map(|td| td.text().collect())
            .collect();
        assert_eq!(municipal.len(), 2, "{variant}");
        let note = if variant.contains("lettlest") {
            "Noen svarte «vet ikke». De svarene er ikke med i tallene."
        } else {
            "svarene «vet ikke» og «ikke relevant» er talt for seg og er ikke med i snittet"
        };
        assert!(html.contains(note), "{variant}: {html}");
    }
    let comparison = site.page("tjenester/praktisk-bistand/index.html");
    assert!(comparison.contains("(40 svar, 1 svarte «vet ikke»)"), "{comparison}");
    let csv = site.page("data/survey-results.csv");
    assert!(csv.contains("\"alfa-omsorg\",\"respekt\",\"shown\",4.8,12,\"false\",12,"), "{csv}");
    assert!(csv.contains("\"municipality\",\"respekt\",\"shown\",4.2,52,\"false\",17,\"all-providers\""), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&site.page("data/providers.json")).unwrap();
    let results = json["surveys"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["provider"] == "alfa-omsorg" && r["dont_know"] == 12), "{results:?}");
}

#[test]
fn a_row_with_a_missing_field_is_an_error() {
    let site = with_survey();
    site.edit(CSV, "kommunen,respekt,40,4.6", "kommunen,respekt,40");
    assert_error(&site.errors(), CSV, 4, "the row has 3 fields, the header 4");
}

#[test]
fn the_survey_description_is_checked_too() {
    let site = with_survey();
    site.edit(SURVEY, "headline: helhet", "headline: fornoyd");
    site.edit(SURVEY, "service: praktisk-bistand", "service: hjemmehjelp");
    let errors = site.errors();
    assert_error(&errors, SURVEY, 2, "`hjemmehjelp` is not a service");
    assert_error(&errors, SURVEY, 10, "`headline` `fornoyd` is not one of the questions");
}

#[test]
fn a_missing_results_file_is_an_error() {
    let site = with_survey();
    site.remove(CSV);
    assert_error(&site.errors(), SURVEY, 11, "the results file `tilfredshet-2026.csv` is not in surveys/");
}

#[test]
fn the_example_ships_a_realistic_survey_with_charts_and_hidden_figures() {
    let site = TestSite::example();
    site.build_ok();
    let results = site.page("data/survey-results.csv");
    assert!(results.contains(",\"too-few\","), "some providers are below the threshold");
    assert!(results.contains(",\"shown-providers\""), "a municipal figure leaves hidden ones out");
    assert!(!results.contains("not-shown"), "no figure is hidden for another's sake");
    let html = site.page("tjenester/praktisk-bistand/trygg-hverdag-as/index.html");
    assert!(Html::parse_document(&html).select(&sel("svg.chart")).next().is_some());
    assert!(html.contains("trend-table"));
}

// "Stands out", simulated: many surveys of a service's providers.

/// Whether the build would say some provider stands out, and which.
fn standouts(cells: &[RawCell]) -> Vec<Slug> {
    match publish_question(&cells.iter().collect::<Vec<_>>(), RULES).comparison {
        Verdict::StandsOut(slugs) => slugs,
        _ => Vec::new(),
    }
}

/// Answers centred on 3 (options 1–5) and the same shifted one point up.
const TYPICAL: [u32; 6] = [10, 20, 40, 20, 10, 0];
const ONE_POINT_BETTER: [u32; 6] = [0, 10, 20, 40, 20, 10];
/// Skewed towards the top, as real satisfaction surveys are.
const SKEWED: [u32; 6] = [2, 5, 13, 30, 30, 20];

#[test]
fn with_no_real_difference_at_most_five_percent_of_builds_say_a_provider_stands_out() {
    let mut rng = Lcg(14);
    let builds = 3000;
    let mut false_alarms = 0;
    for build in 0..builds {
        let providers = [2, 5, 13][build % 3];
        let weights: &[u32] = if build % 2 == 0 { &TYPICAL } else { &SKEWED };
        let cells: Vec<RawCell> = (0..providers)
            .map(|i| {
                let n = 5 + rng.next(56);
                cell_from_answers(i, &rng.answers(n, weights))
            })
            .collect();
        if !standouts(&cells).is_empty() {
            false_alarms += 1;
        }
    }
    let rate = f64::from(false_alarms) / builds as f64;
    eprintln!("false alarms: {false_alarms} of {builds} builds ({:.1} %)", rate * 100.0);
    assert!(rate <= 0.05, "{rate}");
}

#[test]
fn a_real_difference_of_one_scale_point_with_thirty_answers_is_found_most_of_the_time() {
    let mut rng = Lcg(15);
    let builds = 1000;
    let (mut found, mut others_named) = (0, 0);
    for build in 0..builds {
        let providers = [2, 5, 13][build % 3];
        let cells: Vec<RawCell> = (0..providers)
            .map(|i| {
                let weights = if i == 0 { &ONE_POINT_BETTER } else { &TYPICAL };
                let n = 30 + rng.next(31);
                cell_from_answers(i, &rng.answers(n, weights))
            })
            .collect();
        let named = standouts(&cells);
        if named.contains(&cells[0].provider) {
            found += 1;
        }
        others_named += named.iter().filter(|s| **s != cells[0].provider).count();
    }
    let power = f64::from(found) / builds as f64;
    eprintln!("power: found {found} of {builds} ({:.1} %); others named {others_named} times", power * 100.0);
    assert!(power >= 0.8, "{power}");
}

#[test]
fn a_provider_far_from_the_others_is_said_to_stand_out() {
    let site = with_survey();
    site.write(CSV, "provider,question,count_1,count_2,count_3,count_4,count_5,count_6\nalfa-omsorg,respekt,0,0,0,2,8,50\nalfa-omsorg,helhet,0,0,0,2,8,50\nkommunen,respekt,5,10,20,15,8,2\nkommunen,helhet,5,10,20,15,8,2\n");
    site.build_ok();
    let html = site.page("tjenester/praktisk-bistand/index.html");
    assert!(html.contains("Svarene for Alfa Omsorg AS, Testvik kommune hjemmetjenesten skiller seg så mye fra svarene for de andre leverandørene"), "{html}");
    assert!(!html.contains("Forskjellene mellom leverandørene er små"));
}

#[test]
fn close_figures_with_spread_are_said_to_be_within_chance() {
    let site = with_survey();
    site.write(CSV, "provider,question,count_1,count_2,count_3,count_4,count_5,count_6\nalfa-omsorg,respekt,0,1,2,4,3,2\nalfa-omsorg,helhet,0,1,2,4,3,2\nkommunen,respekt,1,3,8,14,10,4\nkommunen,helhet,1,3,8,14,10,4\n");
    site.build_ok();
    let html = site.page("tjenester/praktisk-bistand/index.html");
    assert!(html.contains("Forskjellene mellom leverandørene er små og kan skyldes tilfeldigheter."), "{html}");
}

#[test]
fn a_survey_of_more_than_twenty_questions_is_refused_at_the_first_too_many() {
    let site = with_survey();
    let extra: String = (1..=19).map(|i| format!("  - id: ekstra-{i}\n    question: Spørsmål {i}?\n")).collect();
    site.edit(SURVEY, "response_rates:", &format!("{extra}response_rates:"));
    let at = common::line_of(&site, SURVEY, "id: ekstra-19");
    assert_error(&site.errors(), SURVEY, at, "the survey has 21 questions, but may have at most 20");
    // Twenty is still a survey.
    site.edit(SURVEY, "  - id: ekstra-19\n    question: Spørsmål 19?\n", "");
    site.build_ok();
}
