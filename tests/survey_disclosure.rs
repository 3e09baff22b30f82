//! Disclosure control, attacked: nothing the site publishes lets anyone
//! narrow a hidden survey figure, and no figure with enough answers is
//! hidden for another provider's sake (docs/survey-method.md).

mod common;
mod survey_sim;

use std::collections::BTreeMap;

use brukervalg::diagnostics::Severity;
use brukervalg::domain::Slug;
use brukervalg::model::comparison::Verdict;
use brukervalg::model::survey::{Basis, Figure, PublishedQuestion, RawCell, publish_question};
use common::TestSite;
use survey_sim::{Lcg, RULES, SCALE, cell_from_answers};

// The attacker sees only what the open data publishes of a question: the
// municipality-wide mean (one decimal) and count, each shown provider's
// mean and count, and for every hidden figure its status ("too-few": 0 to
// 4 answers on the scale). Answers are whole numbers from 1 to 6. It does
// not take the `basis` label on trust: the municipality-wide count minus
// the shown ones is the hidden figures' joint count, and when that is above
// zero the municipal figure is an equation about them. It then tries every
// count and every whole sum of answers for each hidden figure and keeps
// those the rest of the published numbers allow. Earlier years of a survey
// are other people's answers and give no equation about this year's.

/// The lowest and highest mean each hidden figure can have, given only
/// the published figures.
fn attack(q: &PublishedQuestion) -> Vec<(Slug, f64, f64)> {
    let (a, b) = (i64::from(SCALE.min), i64::from(SCALE.max));
    let min = i64::from(RULES.min_respondents);
    let hidden: Vec<(&Slug, &Figure)> = q.providers.iter().filter(|(_, f)| f.shown().is_none()).collect();
    let open = || hidden.iter().map(|(s, _)| ((*s).clone(), a as f64, b as f64)).collect();
    let Some((mean, n)) = q.municipality.shown() else { return open() };
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
    if hidden_n == 0 {
        // The municipal figure holds no hidden answer.
        return open();
    }
    let counts = |f: &Figure| if matches!(f, Figure::TooFew) { (0, min - 1) } else { (min, hidden_n) };
    hidden
        .iter()
        .enumerate()
        .map(|(i, (slug, figure))| {
            let others: Vec<(i64, i64)> =
                hidden.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, (_, f))| counts(f)).collect();
            let mut seen: Option<(f64, f64)> = None;
            let (own_lo, own_hi) = counts(figure);
            for own_n in own_lo.max(1)..=own_hi.min(hidden_n) {
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

/// Asserts that the attack leaves every hidden figure of `q` anywhere on
/// the scale.
fn assert_wide_open(q: &PublishedQuestion, context: &dyn std::fmt::Debug) {
    for (slug, lo, hi) in attack(q) {
        let whole = (f64::from(SCALE.min), f64::from(SCALE.max));
        assert_eq!((lo, hi), whole, "{slug} narrowed: {context:?} → {q:?}");
    }
}

fn cell(provider: &str, respondents: u32, mean: f64, dont_know: Option<u32>) -> RawCell {
    RawCell { provider: Slug::parse(provider).unwrap(), question: 0, respondents, mean, sd: None, dont_know }
}

fn publish(cells: &[RawCell]) -> PublishedQuestion {
    publish_question(&cells.iter().collect::<Vec<_>>(), RULES)
}

#[test]
fn the_attacker_pins_a_figure_that_a_municipal_figure_of_every_answer_gives_away() {
    // Published the naive way: one hidden figure next to a total of every
    // answer. The attacker must recover it; otherwise the checks below
    // would prove nothing.
    let mut providers = BTreeMap::new();
    providers.insert(Slug::parse("a").unwrap(), Figure::TooFew);
    let shown = |mean, respondents| Figure::Shown { mean, respondents, uncertain: false, sd: None, dont_know: None };
    providers.insert(Slug::parse("b").unwrap(), shown(5.0, 10));
    // a: 4 answers, mean 2.5 → total (10 + 50) / 14 = 4.29 → 4.3.
    let naive = PublishedQuestion {
        municipality: shown(4.3, 14),
        basis: Basis::Everyone,
        providers,
        comparison: Verdict::TooFewProviders,
    };
    let (_, lo, hi) = attack(&naive).remove(0);
    assert!(hi - lo < 1.0, "[{lo}, {hi}]");
    assert!(lo <= 2.5 && 2.5 <= hi);
    // The real rule shows b, and a municipal figure of b's answers alone.
    let cells = [cell("a", 4, 2.5, None), cell("b", 10, 5.0, None)];
    let published = publish(&cells);
    assert_eq!(published.providers["b"].shown(), Some((5.0, 10)));
    assert_eq!(published.municipality.shown(), Some((5.0, 10)));
    assert_eq!(published.basis, Basis::ShownProviders);
    assert_wide_open(&published, &cells);
}

#[test]
fn in_a_city_one_provider_with_three_answers_hides_nothing_of_those_with_seventeen_to_nineteen() {
    // tests/fixtures/city's survey, question `helhet`.
    let cells = [
        cell("storby-kommune-hjemmetjenesten", 58, 4.6, Some(7)),
        cell("byomsorg-as", 18, 4.7, Some(3)),
        cell("hjemme-i-byen-as", 17, 4.8, Some(1)),
        cell("diakonhjemmet-hjemmehjelp", 19, 5.0, Some(2)),
        cell("sorbyen-omsorg-as", 3, 3.7, Some(2)),
    ];
    let published = publish(&cells);
    for c in &cells[..4] {
        assert_eq!(published.providers[&c.provider].shown(), Some((c.mean, c.respondents)), "{c:?}");
    }
    assert_eq!(published.providers["sorbyen-omsorg-as"], Figure::TooFew);
    // 58 + 18 + 17 + 19 answers and 7 + 3 + 1 + 2 «vet ikke»: sorbyen's
    // 3 and 2 are in neither.
    assert_eq!(published.municipality.shown().map(|(_, n)| n), Some(112));
    assert_eq!(published.municipality.dont_know(), Some(13));
    assert_eq!(published.basis, Basis::ShownProviders);
    assert_wide_open(&published, &cells);
}

#[test]
fn on_generated_surveys_hidden_figures_stay_wide_open_and_no_well_answered_one_is_hidden() {
    let mut rng = Lcg(2026);
    let mut hidden_seen = 0;
    for _ in 0..3000 {
        let providers = 1 + rng.next(8) as usize;
        let mut cells: Vec<RawCell> = (0..providers)
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
                let mut c = cell_from_answers(i, &rng.answers(n, &weights));
                c.dont_know = Some(rng.next(6));
                c
            })
            .collect();
        let published = publish(&cells);
        for (slug, lo, hi) in attack(&published) {
            let truth = cells.iter().find(|c| c.provider == slug).unwrap();
            hidden_seen += 1;
            if truth.respondents > 0 {
                assert!(lo <= truth.mean + 1e-9 && truth.mean <= hi + 1e-9, "the attack must be sound: {truth:?}");
            }
        }
        assert_wide_open(&published, &cells);
        for c in &cells {
            let figure = published.providers.get(&c.provider);
            if c.respondents < RULES.min_respondents {
                assert!(figure.is_none_or(|f| f.shown().is_none() && f.dont_know().is_none()), "{c:?} published");
            } else {
                assert!(figure.and_then(Figure::shown).is_some(), "{c:?} hidden: {published:?}");
            }
        }
        if let Some((_, n)) = published.municipality.shown() {
            assert!(n >= RULES.min_respondents);
        }
        // Non-interference: other answers behind the hidden figures change
        // nothing that is published. (Whether a provider took part at all
        // is published: its row says "too few" or is not there.)
        let hidden = |c: &RawCell| published.providers.get(&c.provider) == Some(&Figure::TooFew);
        for c in cells.iter_mut().filter(|c| hidden(c)) {
            c.respondents = 1 + rng.next(RULES.min_respondents - 1);
            c.mean = f64::from(SCALE.min) + f64::from(rng.next(51)) / 10.0;
            c.sd = None;
            c.dont_know = Some(rng.next(50));
        }
        let again = publish(&cells);
        let everything =
            |q: &PublishedQuestion| format!("{:?} {:?} {:?} {:?}", q.municipality, q.basis, q.comparison, q.providers);
        assert_eq!(everything(&again), everything(&published), "hidden answers leak: {cells:?}");
    }
    assert!(hidden_seen > 2000, "the generator must exercise hiding: {hidden_seen}");
}

/// The questions as `data/survey-results.csv` publishes them.
fn published_from_csv(text: &str) -> BTreeMap<(String, String), PublishedQuestion> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        headers,
        ["survey", "year", "provider", "question", "status", "mean", "respondents", "uncertain", "dont_know", "basis"]
    );
    let mut questions: BTreeMap<(String, String), PublishedQuestion> = BTreeMap::new();
    for r in reader.records().map(Result::unwrap) {
        let figure = match &r[4] {
            "shown" => {
                let respondents: u32 = r[6].parse().unwrap();
                assert!(respondents >= RULES.min_respondents, "{r:?}");
                let (mean, dont_know) = (r[5].parse().unwrap(), r[8].parse().ok());
                Figure::Shown { mean, respondents, uncertain: false, sd: None, dont_know }
            }
            "too-few" => {
                assert!(r[5].is_empty() && r[6].is_empty() && r[8].is_empty(), "a hidden row carries numbers: {r:?}");
                Figure::TooFew
            }
            status => panic!("status {status}: {r:?}"),
        };
        let q = questions.entry((r[0].to_string(), r[3].to_string())).or_insert_with(|| PublishedQuestion {
            municipality: Figure::TooFew,
            basis: Basis::Everyone,
            providers: BTreeMap::new(),
            comparison: Verdict::TooFewProviders,
        });
        if &r[2] == "municipality" {
            q.municipality = figure;
            q.basis = if &r[9] == "shown-providers" { Basis::ShownProviders } else { Basis::Everyone };
        } else {
            q.providers.insert(Slug::parse(&r[2]).unwrap(), figure);
        }
    }
    questions
}

#[test]
fn the_published_example_data_gives_no_hidden_figure_away() {
    let site = TestSite::example();
    site.build_ok();
    let questions = published_from_csv(&site.page("data/survey-results.csv"));
    let hidden: usize = questions.values().map(|q| q.providers.values().filter(|f| f.shown().is_none()).count()).sum();
    assert!(hidden > 0, "the example hides figures");
    for (key, q) in &questions {
        assert_wide_open(q, key);
        let hides = q.providers.values().any(|f| f.shown().is_none());
        assert_eq!(q.basis == Basis::ShownProviders, hides, "{key:?}: the label says what the figure is made of");
    }
}

#[test]
fn the_city_hides_only_the_figures_with_too_few_answers_and_says_where() {
    let site = TestSite::city();
    let report = site.build_ok();
    let text = site.page("data/survey-results.csv");
    let questions = published_from_csv(&text);
    assert_eq!(questions.len(), 2);
    for (key, q) in &questions {
        assert_wide_open(q, key);
        let hidden: Vec<&str> =
            q.providers.iter().filter(|(_, f)| f.shown().is_none()).map(|(s, _)| s.as_str()).collect();
        assert_eq!(hidden, ["sorbyen-omsorg-as"], "{key:?}");
        assert_eq!(q.providers.len(), 5);
        assert_eq!(q.basis, Basis::ShownProviders);
    }
    let page = site.page("tjenester/praktisk-bistand/byomsorg-as/index.html");
    for words in ["4,9", "4,7", "19 (2 svarte «vet ikke»)", "18 (3 svarte «vet ikke»)", "bare leverandørene som vises"]
    {
        assert!(page.contains(words), "{words}: {page}");
    }
    let sorbyen = site.page("tjenester/praktisk-bistand/sorbyen-omsorg-as/index.html");
    assert!(sorbyen.contains("For få svar"));
    for page in [&page, &sorbyen, &site.page("lettlest/tjenester/praktisk-bistand/index.html")] {
        assert!(!page.contains("Ikke vist") && !page.contains("Ikkje vist"));
    }
    let notes: Vec<(u32, &str)> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Note)
        .map(|f| (f.position.line, f.file.to_str().unwrap()))
        .collect();
    let csv = "surveys/praktisk-bistand-2026.csv";
    assert_eq!(notes, [(10, csv), (11, csv)], "{}", common::describe(&report.findings));
    // Besides the notes, only the fixture's agreement that ends soon.
    assert!(
        report.findings.iter().all(|f| f.severity == Severity::Note || f.message.key() == "agreement.ending"),
        "{}",
        common::describe(&report.findings)
    );
}
