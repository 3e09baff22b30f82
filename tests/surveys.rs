//! User surveys: what is read, what is refused and where, what is hidden
//! (directly and so that nothing hidden can be worked out), and charts whose
//! text alternative holds the same numbers as the bars.

mod common;

use brukervalg::domain::Slug;
use brukervalg::model::comparison::Verdict;
use brukervalg::model::survey::{Disclosure, Figure, PublishedQuestion, RawCell, Scale, from_counts, publish_question};
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
fn a_figure_from_too_few_respondents_is_published_nowhere() {
    let site = with_survey();
    site.write(CSV, "provider,question,respondents,mean\nalfa-omsorg,respekt,4,2.3\nalfa-omsorg,helhet,4,2.1\nkommunen,respekt,40,4.6\nkommunen,helhet,38,4.7\n");
    site.build_ok();
    let provider = site.page("tjenester/praktisk-bistand/alfa-omsorg/index.html");
    assert!(provider.contains("For få svar"));
    // Alfa's own numbers, and kommunen's (next to the municipal figure it
    // would give Alfa's away), appear nowhere: not in text, not in any
    // attribute (charts carry values in data-value), in neither notation.
    // The municipal figure goes too: with only these two, it would pin
    // kommunen's within half a point.
    let hidden = ["2.3", "2,3", "2.1", "2,1", "4.6", "4,6", "4.7", "4,7", "4.4", "4,4", "4.5", "4,5"];
    for page in [
        "tjenester/praktisk-bistand/alfa-omsorg/index.html",
        "tjenester/praktisk-bistand/index.html",
        "tjenester/praktisk-bistand/kommunen/index.html",
        "tjenester/praktisk-bistand/sammenlign/index.html",
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
    assert!(!csv.contains(",\"shown\","), "{csv}");
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
    assert!(results.contains(",\"too-few\","), "some providers are below the threshold");
    assert!(results.contains(",\"not-shown\","), "complementary suppression happened");
    let html = site.page("tjenester/praktisk-bistand/trygg-hverdag-as/index.html");
    assert!(Html::parse_document(&html).select(&sel("svg.chart")).next().is_some());
    assert!(html.contains("trend-table"));
}

/// A small deterministic generator, so the tests need no dependency and
/// fail the same way every time.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u32) -> u32 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % u64::from(below)) as u32
    }

    /// Answers per option of `n` people, each drawn from `weights` (per
    /// option, out of their sum).
    fn answers(&mut self, n: u32, weights: &[u32]) -> Vec<u32> {
        let total: u32 = weights.iter().sum();
        let mut counts = vec![0; weights.len()];
        for _ in 0..n {
            let mut draw = self.next(total);
            let option = weights
                .iter()
                .position(|&w| {
                    draw < w || {
                        draw -= w;
                        false
                    }
                })
                .unwrap();
            counts[option] += 1;
        }
        counts
    }
}

const SCALE: Scale = Scale { min: 1, max: 6 };
const RULES: Disclosure = Disclosure { min_respondents: 5, uncertain_below: 10 };

fn cell_from_answers(provider: usize, counts: &[u32]) -> RawCell {
    let (respondents, mean, sd) = from_counts(counts, SCALE);
    RawCell { provider: Slug::parse(&format!("p{provider:02}")).unwrap(), question: 0, respondents, mean, sd }
}

// Disclosure, attacked. The attacker sees only what the open data
// publishes of a question: the municipality-wide mean (one decimal) and
// count, each shown provider's mean and count, and for every hidden figure
// its status ("too-few": 1 to 4 respondents; "not-shown": 5 or more).
// Answers are whole numbers from 1 to 6. It tries every count and every
// whole sum of answers for each hidden figure and keeps those the rest of
// the published numbers allow. Earlier years of a survey are other people's
// answers and give no equation about this year's. docs/survey-method.md
// promises that no hidden figure is narrowed below one scale point.

/// The documented promise, in scale points.
const PROMISED_WIDTH: f64 = 1.0;

/// The lowest and highest mean each hidden figure can have, given only
/// the published figures.
fn attack(q: &PublishedQuestion) -> Vec<(Slug, f64, f64)> {
    let (a, b) = (i64::from(SCALE.min), i64::from(SCALE.max));
    let min = i64::from(RULES.min_respondents);
    let hidden: Vec<(&Slug, &Figure)> = q.providers.iter().filter(|(_, f)| f.shown().is_none()).collect();
    let Some((mean, n)) = q.municipality.shown() else {
        return hidden.iter().map(|(s, _)| ((*s).clone(), a as f64, b as f64)).collect();
    };
    // Each published mean m of n answers: the sum is a whole number within
    // n·(m ± 0.05).
    let sum_range = |m: f64, n: u32| -> (i64, i64) {
        let lo = (1..=i64::from(n) * b).find(|s| (*s as f64 / f64::from(n) - m) >= -0.05 - 1e-9).unwrap_or(0);
        let hi = (1..=i64::from(n) * b).rev().find(|s| (*s as f64 / f64::from(n) - m) <= 0.05 + 1e-9).unwrap_or(0);
        (lo, hi)
    };
    let (mut hidden_lo, mut hidden_hi) = sum_range(mean, n);
    let mut hidden_n = i64::from(n);
    for (m, k) in q.providers.values().filter_map(Figure::shown) {
        let (lo, hi) = sum_range(m, k);
        hidden_lo -= hi;
        hidden_hi -= lo;
        hidden_n -= i64::from(k);
    }
    let counts = |f: &Figure| if matches!(f, Figure::TooFew) { (1, min - 1) } else { (min, hidden_n) };
    hidden
        .iter()
        .enumerate()
        .map(|(i, (slug, figure))| {
            let others: Vec<(i64, i64)> =
                hidden.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, (_, f))| counts(f)).collect();
            let mut seen: Option<(f64, f64)> = None;
            let (own_lo, own_hi) = counts(figure);
            for own_n in own_lo..=own_hi.min(hidden_n) {
                let rest = hidden_n - own_n;
                let fits =
                    others.iter().map(|c| c.0).sum::<i64>() <= rest && rest <= others.iter().map(|c| c.1).sum::<i64>();
                if !fits {
                    continue;
                }
                for own_sum in own_n * a..=own_n * b {
                    // The others' answers sum to anything from all 1s to all 6s.
                    let others_lo = (hidden_lo - own_sum).max(rest * a);
                    let others_hi = (hidden_hi - own_sum).min(rest * b);
                    if others_lo <= others_hi {
                        let m = own_sum as f64 / own_n as f64;
                        seen = Some(seen.map_or((m, m), |(l, h)| (l.min(m), h.max(m))));
                    }
                }
            }
            let (lo, hi) = seen.unwrap_or((f64::NAN, f64::NAN));
            ((*slug).clone(), lo, hi)
        })
        .collect()
}

#[test]
fn the_attacker_pins_a_figure_the_old_rule_would_have_published() {
    // Published without complementary suppression: one hidden figure next
    // to the total. The attacker must recover it; otherwise the checks
    // below would prove nothing.
    let mut providers = std::collections::BTreeMap::new();
    providers.insert(Slug::parse("a").unwrap(), Figure::TooFew);
    let shown = |mean, respondents| Figure::Shown { mean, respondents, uncertain: false, sd: None };
    providers.insert(Slug::parse("b").unwrap(), shown(5.0, 10));
    // a: 4 answers, mean 2.5 → total (10 + 50) / 14 = 4.29 → 4.3.
    let naive = PublishedQuestion {
        municipality: shown(4.3, 14),
        providers,
        comparison: brukervalg::model::comparison::Verdict::TooFewProviders,
    };
    let (_, lo, hi) = attack(&naive).remove(0);
    assert!(hi - lo < PROMISED_WIDTH, "[{lo}, {hi}]");
    assert!(lo <= 2.5 && 2.5 <= hi);
    // And the real rule hides c too, leaving a's figure wide open.
    let cells = [(4, 2.5), (10, 5.0)]
        .iter()
        .enumerate()
        .map(|(i, &(n, mean))| RawCell {
            provider: Slug::parse(&format!("p{i:02}")).unwrap(),
            question: 0,
            respondents: n,
            mean,
            sd: None,
        })
        .collect::<Vec<_>>();
    let published = publish_question(&cells.iter().collect::<Vec<_>>(), SCALE, RULES);
    assert_eq!(published.providers["p01"], Figure::Protected);
    for (slug, lo, hi) in attack(&published) {
        assert!(hi - lo >= PROMISED_WIDTH, "{slug}: [{lo}, {hi}]");
    }
}

#[test]
fn no_hidden_figure_can_be_narrowed_below_one_scale_point_on_generated_surveys() {
    let mut rng = Lcg(2026);
    let (mut hidden_seen, mut narrowest) = (0, f64::INFINITY);
    for _ in 0..3000 {
        let providers = 1 + rng.next(8) as usize;
        let cells: Vec<RawCell> = (0..providers)
            .map(|i| {
                // Many small groups, so hiding happens often, and some where
                // everyone gives the same answer: the extremes are where a
                // total gives most away.
                let n = if rng.next(2) == 0 { rng.next(8) } else { rng.next(60) };
                let weights = match rng.next(4) {
                    0 => {
                        let mut w = vec![0; 6];
                        w[rng.next(6) as usize] = 1;
                        w
                    }
                    _ => (0..6).map(|_| rng.next(10)).map(|w| w + 1).collect(),
                };
                cell_from_answers(i, &rng.answers(n, &weights))
            })
            .collect();
        let published = publish_question(&cells.iter().collect::<Vec<_>>(), SCALE, RULES);
        for (slug, lo, hi) in attack(&published) {
            let truth = cells.iter().find(|c| c.provider == slug).unwrap();
            hidden_seen += 1;
            assert!(
                lo <= truth.mean + 1e-9 && truth.mean <= hi + 1e-9,
                "the attack must be sound: {truth:?} [{lo}, {hi}]"
            );
            assert!(hi - lo >= PROMISED_WIDTH, "{slug} narrowed to [{lo}, {hi}]: {cells:?} → {published:?}");
            narrowest = narrowest.min(hi - lo);
        }
        for c in &cells {
            if c.respondents < RULES.min_respondents {
                assert!(published.providers.get(&c.provider).is_none_or(|f| f.shown().is_none()), "{c:?} published");
            }
        }
        if let Some((_, n)) = published.municipality.shown() {
            assert!(n >= RULES.min_respondents);
        }
    }
    assert!(hidden_seen > 2000, "the generator must exercise hiding: {hidden_seen}");
    eprintln!("{hidden_seen} hidden figures attacked; the narrowest range was {narrowest:.2} scale points");
}

#[test]
fn the_published_example_data_gives_no_hidden_figure_away() {
    let site = TestSite::example();
    site.build_ok();
    let text = site.page("data/survey-results.csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut questions: std::collections::BTreeMap<(String, String), PublishedQuestion> = Default::default();
    let mut hidden = 0;
    for r in reader.records().map(Result::unwrap) {
        let figure = match &r[4] {
            "shown" => {
                let respondents: u32 = r[6].parse().unwrap();
                assert!(respondents >= RULES.min_respondents, "{r:?}");
                Figure::Shown { mean: r[5].parse().unwrap(), respondents, uncertain: false, sd: None }
            }
            status => {
                assert!(r[5].is_empty() && r[6].is_empty(), "a hidden row carries numbers: {r:?}");
                hidden += 1;
                if status == "too-few" { Figure::TooFew } else { Figure::Protected }
            }
        };
        let q = questions.entry((r[0].to_string(), r[3].to_string())).or_insert_with(|| PublishedQuestion {
            municipality: Figure::TooFew,
            providers: Default::default(),
            comparison: brukervalg::model::comparison::Verdict::TooFewProviders,
        });
        if &r[2] == "municipality" {
            q.municipality = figure;
        } else {
            q.providers.insert(Slug::parse(&r[2]).unwrap(), figure);
        }
    }
    assert!(hidden > 0, "the example hides figures");
    for (key, q) in &questions {
        for (slug, lo, hi) in attack(q) {
            assert!(hi - lo >= PROMISED_WIDTH, "{key:?} {slug}: [{lo}, {hi}]");
        }
    }
}

// "Stands out", simulated: many surveys of a service's providers.

/// Whether the build would say some provider stands out, and which.
fn standouts(cells: &[RawCell]) -> Vec<Slug> {
    match publish_question(&cells.iter().collect::<Vec<_>>(), SCALE, RULES).comparison {
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
