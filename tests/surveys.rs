//! User surveys: what is read, what is refused and where, what is hidden
//! (directly and so that nothing hidden can be worked out), and charts whose
//! text alternative holds the same numbers as the bars.

mod common;

use brukervalg::domain::Slug;
use brukervalg::model::survey::{Disclosure, Figure, RawCell, publish_question};
use common::{TestSite, assert_error};
use scraper::{Html, Selector};

const SURVEY: &str = "surveys/tilfredshet-2026.yaml";
const CSV: &str = "surveys/tilfredshet-2026.csv";

fn with_survey() -> TestSite {
    let site = TestSite::minimal();
    common::copy_tree(&common::project_root().join("tests/fixtures/survey"), &site.root().join("surveys"));
    site
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
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
    // 4.9 with n=12 and 4.7 with n=38 are well within the noise.
    assert!(html.contains("Forskjellene mellom leverandørene er små og kan skyldes tilfeldigheter."));
    // Still alphabetical, not by score.
    assert!(html.find("Alfa Omsorg AS").unwrap() < html.find("Testvik kommune hjemmetjenesten</a>").unwrap());
}

#[test]
fn a_figure_from_too_few_respondents_is_published_nowhere() {
    let site = with_survey();
    site.write(CSV, "provider,question,respondents,mean\nalfa-omsorg,respekt,4,2.3\nalfa-omsorg,helhet,4,2.1\nkommunen,respekt,40,4.6\nkommunen,helhet,38,4.7\n");
    site.build_ok();
    let provider = site.page("tjenester/praktisk-bistand/alfa-omsorg/index.html");
    assert!(provider.contains("For få svar"));
    // Alfa's own numbers, and the municipal one (the only other provider's
    // figure would give it away), appear nowhere.
    for page in [
        "tjenester/praktisk-bistand/alfa-omsorg/index.html",
        "tjenester/praktisk-bistand/index.html",
        "tjenester/praktisk-bistand/kommunen/index.html",
        "tjenester/praktisk-bistand/sammenlign/index.html",
    ] {
        let text = site.page(page);
        // Published means are written with a decimal comma, and charts carry them in data-value.
        for hidden in [">2,3", ">2,1", "\"2.3\"", "\"2.1\"", ">4,6", ">4,7", "\"4.6\"", "\"4.7\""] {
            assert!(!text.contains(hidden), "{page} contains {hidden}");
        }
    }
    let json = site.page("data/providers.json");
    let csv = site.page("data/survey-results.csv");
    for hidden in ["\"mean\": 2.3", "\"mean\": 2.1", "\"mean\": 4.6", "\"mean\": 4.7"] {
        assert!(!json.contains(hidden), "open data contains {hidden}");
    }
    // Only the municipality-wide figure may remain: with both providers
    // hidden, it is not either one's.
    assert!(csv.lines().filter(|l| l.contains(",shown,")).all(|l| l.contains(",municipality,")), "{csv}");
    let kommunen = site.page("tjenester/praktisk-bistand/kommunen/index.html");
    assert!(kommunen.contains("Ikke vist"), "complementary suppression of the only other provider");
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
    assert!(results.contains(",too-few,"), "some providers are below the threshold");
    assert!(results.contains(",not-shown,"), "complementary suppression happened");
    let html = site.page("tjenester/praktisk-bistand/trygg-hverdag-as/index.html");
    assert!(Html::parse_document(&html).select(&sel("svg.chart")).next().is_some());
    assert!(html.contains("trend-table"));
}

/// Whether any published figure, with the published municipal total,
/// reveals a hidden one: the total is the only equation linking hidden
/// figures, so a hidden figure is derivable exactly when it is the only
/// hidden one in a question whose total is shown.
fn derivable(published: &brukervalg::model::survey::PublishedQuestion) -> bool {
    let hidden = published.providers.values().filter(|f| f.shown().is_none()).count();
    published.municipality.shown().is_some() && hidden == 1
}

/// A small deterministic generator, so the test needs no dependency and
/// fails the same way every time.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u32) -> u32 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % u64::from(below)) as u32
    }
}

#[test]
fn no_published_number_reveals_a_hidden_one_on_generated_data() {
    let rules = Disclosure { min_respondents: 5, uncertain_below: 10 };
    let mut rng = Lcg(2026);
    let mut hidden_seen = 0;
    for _ in 0..5000 {
        let providers = 1 + rng.next(8);
        let cells: Vec<RawCell> = (0..providers)
            .map(|i| {
                // Many small groups, so hiding happens often.
                let range = if rng.next(2) == 0 { 8 } else { 60 };
                RawCell {
                    provider: Slug::parse(&format!("p{i}")).unwrap(),
                    question: 0,
                    respondents: rng.next(range),
                    mean: 1.0 + f64::from(rng.next(50)) / 10.0,
                    sd: None,
                }
            })
            .collect();
        let published = publish_question(&cells.iter().collect::<Vec<_>>(), rules);
        assert!(!derivable(&published), "{cells:?} → {published:?}");
        for c in &cells {
            let figure = published.providers.get(&c.provider);
            if c.respondents < rules.min_respondents {
                assert!(figure.is_none_or(|f| f.shown().is_none()), "{c:?} published");
            }
            if c.respondents > 0 && figure.and_then(Figure::shown).is_none() {
                hidden_seen += 1;
            }
        }
        if let Some((_, n)) = published.municipality.shown() {
            assert!(n >= rules.min_respondents);
        }
    }
    assert!(hidden_seen > 1000, "the generator must exercise hiding: {hidden_seen}");
}

#[test]
fn without_complementary_suppression_the_total_would_give_a_hidden_figure_away() {
    // The attack the rule prevents: total minus the others.
    let (n_a, m_a): (f64, f64) = (4.0, 2.5); // hidden: too few
    let (n_b, m_b): (f64, f64) = (30.0, 5.0);
    let (n_c, m_c): (f64, f64) = (20.0, 4.0);
    let n = n_a + n_b + n_c;
    let total = (n_a * m_a + n_b * m_b + n_c * m_c) / n;
    let recovered = (total * n - n_b * m_b - n_c * m_c) / (n - n_b - n_c);
    assert!((recovered - m_a).abs() < 1e-9);
    let cells = [("a", 4, m_a), ("b", 30, m_b), ("c", 20, m_c)].map(|(p, n, m)| RawCell {
        provider: Slug::parse(p).unwrap(),
        question: 0,
        respondents: n,
        mean: m,
        sd: None,
    });
    let published =
        publish_question(&cells.iter().collect::<Vec<_>>(), Disclosure { min_respondents: 5, uncertain_below: 10 });
    assert_eq!(published.providers["c"], Figure::Protected, "the smallest other group is hidden too");
    assert!(!derivable(&published));
}

#[test]
fn the_published_example_data_reveals_no_hidden_figure() {
    let site = TestSite::example();
    site.build_ok();
    let text = site.page("data/survey-results.csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut questions: std::collections::BTreeMap<(String, String), Vec<&csv::StringRecord>> = Default::default();
    for r in &rows {
        questions.entry((r[0].to_string(), r[3].to_string())).or_default().push(r);
        if &r[4] == "shown" {
            assert!(r[6].parse::<u32>().unwrap() >= 5, "{r:?}");
        } else {
            assert!(r[5].is_empty() && r[6].is_empty(), "a hidden row carries numbers: {r:?}");
        }
    }
    for (key, rows) in questions {
        let total_shown = rows.iter().any(|r| &r[2] == "municipality" && &r[4] == "shown");
        let hidden = rows.iter().filter(|r| &r[2] != "municipality" && &r[4] != "shown").count();
        assert!(!(total_shown && hidden == 1), "{key:?}: one hidden figure next to a shown total");
    }
}

#[test]
fn a_provider_far_from_the_average_is_said_to_stand_out() {
    let site = with_survey();
    site.write(CSV, "provider,question,respondents,mean\nalfa-omsorg,respekt,60,5.8\nalfa-omsorg,helhet,60,5.8\nkommunen,respekt,60,3.1\nkommunen,helhet,60,3.0\n");
    site.build_ok();
    let html = site.page("tjenester/praktisk-bistand/index.html");
    assert!(html.contains("skiller seg så mye fra snittet i kommunen"), "{html}");
    assert!(!html.contains("Forskjellene mellom leverandørene er små"));
}
