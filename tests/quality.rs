//! Inspections (tilsyn) and quality indicators: shown with who, when and
//! where from, newest first, never ranked; a provider without either is
//! described neutrally; every bad input is a finding at its line and
//! column; hostile text stays text; open data carries the same facts.

mod common;

use brukervalg::diagnostics::Severity;
use brukervalg::model::ServiceKind;
use common::{TestSite, assert_error, describe};
use scraper::{Html, Selector};

const SERVICE: &str = "tjenester/praktisk-bistand";
const CSV: &str = "indicators/praktisk-bistand.csv";
/// A provider of the city with no inspection.
const NONE: &str = "providers/praktisk-bistand/hjemme-i-byen-as.yaml";

/// A build's findings about anything but what the city fixture means to
/// show elsewhere: notes on hidden survey figures, and the warning that
/// one provider's agreement ends soon.
fn findings_here(report: &brukervalg::BuildReport) -> Vec<brukervalg::diagnostics::Finding> {
    report
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Note && !f.message.key().starts_with("agreement."))
        .cloned()
        .collect()
}

fn page(site: &TestSite, provider: &str) -> String {
    site.page(&format!("{SERVICE}/{provider}/index.html"))
}

fn text_of(html: &str, selector: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    doc.select(&Selector::parse(selector).unwrap()).map(|e| e.text().collect::<String>()).collect()
}

/// The city with `yaml` (an `inspections:` list) added to the provider
/// that has none; returns the site and the line `yaml` starts at.
fn with_inspection(yaml: &str) -> (TestSite, u32) {
    let site = TestSite::city();
    let text = site.read(NONE);
    let line = text.lines().count() as u32 + 1;
    site.write(NONE, &format!("{text}{yaml}"));
    (site, line)
}

const GOOD: &str = "inspections:
  - date: 2026-03-02
    by: Storby kommune, tilsynsenheten
    summary: Ingen avvik.
    follow_up: closed
";

#[test]
fn a_provider_page_lists_inspections_newest_first_with_who_and_when() {
    let site = TestSite::city();
    site.build_ok();
    let html = page(&site, "byomsorg-as");
    let items = text_of(&html, ".inspections > li");
    assert_eq!(items.len(), 2, "{items:?}");
    // Written oldest first in the profile; shown newest first.
    assert!(items[0].contains("20. mai 2026") && items[0].contains("Statsforvalteren i Oslo og Viken"), "{}", items[0]);
    assert!(items[1].contains("14. februar 2024") && items[1].contains("Storby kommune, tilsynsenheten"));
    // The open follow-up in words, not colour alone; the old one dated
    // and said to be old, not hidden.
    assert!(text_of(&html, ".inspections > li:first-child strong.follow-up-open")[0].contains("Oppfølging pågår"));
    assert!(items[1].contains("(eldre tilsyn)") && !items[0].contains("eldre tilsyn"));
    assert!(items[1].contains("Oppfølging avsluttet"));
    let doc = Html::parse_document(&html);
    let report = doc.select(&Selector::parse(".inspections a").unwrap()).next().unwrap();
    assert_eq!(report.value().attr("href"), Some("https://www.storby.kommune.no/tilsyn/byomsorg-2026.pdf"));
    assert!(html.contains("id=\"tilsyn-h\""));
}

#[test]
fn a_provider_without_inspections_says_so_neutrally_and_without_a_warning() {
    let site = TestSite::city();
    let report = site.build_ok();
    assert!(findings_here(&report).is_empty(), "{}", describe(&report.findings));
    let html = page(&site, "hjemme-i-byen-as");
    let section = text_of(&html, "section:has(#tilsyn-h)").join("");
    assert!(section.contains("Ingen tilsyn registrert."), "{section}");
    assert!(!section.contains("stale") && !html.contains("follow-up-open"));
    // In the comparison too.
    let list = site.page(&format!("{SERVICE}/index.html"));
    let row = text_of(&list, "tr[data-provider=hjemme-i-byen-as]").join("");
    assert!(row.contains("Ingen tilsyn registrert."), "{row}");
}

#[test]
fn the_plain_variant_shows_the_plain_summary_and_plain_words() {
    let site = TestSite::city();
    site.build_ok();
    let plain = site.page(&format!("lettlest/{SERVICE}/byomsorg-as/index.html"));
    assert!(plain.contains("Statsforvalteren fant to feil i notatene om brukerne."));
    assert!(plain.contains("Kommunen følger fortsatt opp dette"));
    // A summary without a plain companion is shown as written.
    assert!(plain.contains("Ingen avvik."));
}

#[test]
fn the_comparison_and_side_by_side_show_the_latest_inspection_and_each_indicator() {
    let site = TestSite::city();
    site.build_ok();
    let list = site.page(&format!("{SERVICE}/index.html"));
    let heads = text_of(&list, ".providers-table thead th");
    assert!(heads.contains(&"Andel ansatte med helsefaglig utdanning".to_string()), "{heads:?}");
    assert!(heads.contains(&"Siste tilsyn".to_string()));
    let row = text_of(&list, "tr[data-provider=byomsorg-as] td").join("|");
    // The latest inspection only, with its date and result, and the open
    // follow-up in words.
    assert!(row.contains("20. mai 2026: To avvik om journalføring"), "{row}");
    assert!(!row.contains("2024") && row.contains("Oppfølging pågår"));
    // Norwegian figures: one decimal for all, as the most precise value has.
    assert!(row.contains("81,5\u{a0}%"), "{row}");
    let other = text_of(&list, "tr[data-provider=diakonhjemmet-hjemmehjelp] td").join("|");
    assert!(other.contains("88,0\u{a0}%"), "{other}");
    // Where the figures come from, and that they are no ranking.
    let notes = text_of(&list, ".survey-note").join(" ");
    assert!(notes.contains("Storby kommune, HR-avdelingen, periode 2025"), "{notes}");
    assert!(notes.contains("ingen rangering"));

    // On a narrow screen each row is a card: the figures' labels come from
    // cards.css by the service's class, not from every cell.
    let doc = Html::parse_document(&list);
    let table = doc.select(&Selector::parse(".providers-table").unwrap()).next().unwrap();
    assert!(table.value().has_class("q-praktisk-bistand", scraper::CaseSensitivity::CaseSensitive));
    assert_eq!(doc.select(&Selector::parse("tbody td.q1").unwrap()).count(), 5);
    assert!(doc.select(&Selector::parse("tbody td[data-label]").unwrap()).next().is_none());
    let css = site.page("assets/cards.css");
    assert!(css.contains(".q-praktisk-bistand{--q1:\"Andel ansatte med helsefaglig utdanning\"}"), "{css}");
    assert!(css.contains(".q-praktisk-bistand-plain{--q1:\"Hvor mange av de ansatte som har lært helsefag\"}"));
    assert!(css.contains(".providers-table td.q1::before{content:var(--q1) \": \"}"));
    assert!(css.contains(".providers-table td.q1::before{content:var(--q1) \": \" / \"\"}"), "shown, not read");
    let compare = site.page(&format!("{SERVICE}/sammenlign/index.html"));
    let rows = text_of(&compare, ".compare-table tbody tr");
    let figures =
        rows.iter().find(|r| r.starts_with("Andel ansatte med helsefaglig utdanning")).expect("an indicator row");
    assert!(figures.contains("81,5\u{a0}%") && figures.contains("90,0\u{a0}%"), "{figures}");
    let latest = rows.iter().find(|r| r.starts_with("Siste tilsyn")).expect("an inspection row");
    assert!(
        latest.contains("20. mai 2026, Statsforvalteren i Oslo og Viken")
            && latest.contains("Ingen tilsyn registrert.")
    );
}

#[test]
fn the_provider_page_shows_each_figure_with_its_source_and_period() {
    let site = TestSite::city();
    site.build_ok();
    let html = page(&site, "sorbyen-omsorg-as");
    let section = text_of(&html, "section:has(#kvalitet-h) dd").join("");
    assert_eq!(section, "74,0\u{a0}% (Kilde: Storby kommune, HR-avdelingen, periode 2025)");
    // The same in nynorsk words on a nynorsk site.
    let nn = TestSite::city();
    nn.as_nynorsk().build_ok();
    let html = nn.page("tenester/praktisk-bistand/sorbyen-omsorg-as/index.html");
    assert!(text_of(&html, "section:has(#kvalitet-h)").join("").contains("Kjelde: Storby kommune"));
}

#[test]
fn a_missing_value_is_a_warning_and_the_pages_say_not_stated() {
    let site = TestSite::city();
    site.edit(CSV, "hjemme-i-byen-as,fagutdanning,67\n", "");
    let report = site.build_ok();
    let warnings = findings_here(&report);
    assert_eq!(warnings.len(), 1, "{}", describe(&report.findings));
    assert_eq!(warnings[0].file, std::path::Path::new(CSV));
    assert!(warnings[0].message.contains("no row for `hjemme-i-byen-as` and `fagutdanning`"));
    let html = page(&site, "hjemme-i-byen-as");
    assert!(text_of(&html, "section:has(#kvalitet-h) dd")[0].starts_with("Ikke oppgitt"));
    let list = site.page(&format!("{SERVICE}/index.html"));
    assert!(text_of(&list, "tr[data-provider=hjemme-i-byen-as] td").contains(&"Ikke oppgitt".to_string()));
}

#[test]
fn an_empty_value_is_a_warning_at_its_cell() {
    let site = TestSite::city();
    site.edit(CSV, "hjemme-i-byen-as,fagutdanning,67", "hjemme-i-byen-as,fagutdanning,");
    let report = site.build_ok();
    let f = &findings_here(&report)[0];
    assert_eq!(
        (f.severity, f.position.line, f.position.column),
        (Severity::Warning, 4, 31),
        "{}",
        describe(&report.findings)
    );
}

#[test]
fn a_service_with_indicators_but_no_values_file_is_warned_about_in_the_configuration() {
    let site = TestSite::city();
    site.remove(CSV);
    let report = site.build_ok();
    let findings = findings_here(&report);
    assert_eq!(findings.len(), 1, "{}", describe(&report.findings));
    assert_eq!(findings[0].file, std::path::Path::new("brukervalg.yaml"));
    assert!(findings[0].message.contains("has indicators but no file"));
    assert!(page(&site, "byomsorg-as").contains("Ikke oppgitt"));
}

#[test]
fn bad_inspections_are_errors_at_their_field() {
    let cases: [(&str, &str, u32, &str); 6] = [
        ("date: 2026-03-02", "date: 2026-13-02", 1, "is not a real calendar date"),
        ("date: 2026-03-02", "date: 2. mars 2026", 1, "is not a date"),
        // The build's today is 2026-11-27.
        ("date: 2026-03-02", "date: 2026-11-28", 1, "is in the future"),
        ("follow_up: closed", "follow_up: pending", 4, "neither `open` nor `closed`"),
        ("summary: Ingen avvik.", "summary: \"  \"", 3, "`inspections.summary` is empty"),
        ("follow_up: closed", "follow_up: closed\n    report: javascript:alert(1)", 5, "is not a web address"),
    ];
    for (from, to, offset, needle) in cases {
        let (site, line) = with_inspection(&GOOD.replace(from, to));
        assert_error(&site.errors(), "providers/praktisk-bistand/hjemme-i-byen-as.yaml", line + offset, needle);
    }
}

#[test]
fn a_plain_summary_that_drops_a_fact_is_warned_about() {
    let (site, _) = with_inspection(&GOOD.replace(
        "summary: Ingen avvik.",
        "summary: Ett avvik, rettes innen 1. mars 2027.\n    summary_plain: Kommunen fant en feil.",
    ));
    let report = site.build_ok();
    assert!(
        report.findings.iter().any(|f| f.message.contains("inspections.summary_plain") && f.message.contains("lacks")),
        "{}",
        describe(&report.findings)
    );
}

/// The city with `from` replaced by `to` in the values file.
fn csv_error(from: &str, to: &str, line: u32, needle: &str) -> brukervalg::diagnostics::Finding {
    let site = TestSite::city();
    site.edit(CSV, from, to);
    assert_error(&site.errors(), CSV, line, needle)
}

#[test]
fn bad_values_are_errors_at_their_cell() {
    let percent = csv_error("byomsorg-as,fagutdanning,\"81,5\"", "byomsorg-as,fagutdanning,120", 2, "not a percent");
    assert_eq!(percent.position.column, 26);
    let formula = csv_error(
        "byomsorg-as,fagutdanning,\"81,5\"",
        "byomsorg-as,fagutdanning,\"=HYPERLINK(\"\"https://x.example\"\",\"\"87\"\")\"",
        2,
        "is not a number",
    );
    assert_eq!(formula.position.column, 26);
    csv_error("byomsorg-as,fagutdanning,\"81,5\"", "byomsorg-as,fagutdanning,87 %", 2, "is not a number");
    let provider = csv_error("byomsorg-as,", "byomsorg,", 2, "`byomsorg` is not a provider of `praktisk-bistand`");
    assert_eq!(provider.position.column, 1);
    let indicator =
        csv_error("byomsorg-as,fagutdanning", "byomsorg-as,utdanning", 2, "`utdanning` is not an indicator");
    assert_eq!(indicator.position.column, 13);
    csv_error(
        "diakonhjemmet-hjemmehjelp,fagutdanning,88",
        "byomsorg-as,fagutdanning,88",
        3,
        "another row for `byomsorg-as`",
    );
    let column = csv_error("provider,indicator,value", "provider,indicator,value,note", 1, "the column `note`");
    assert_eq!(column.position.column, 26);
    csv_error("provider,indicator,value", "provider,indicator", 1, "the column value is missing");
    csv_error("byomsorg-as,fagutdanning,\"81,5\"", "byomsorg-as,fagutdanning,\"81,5", 2, "never closed");
}

#[test]
fn every_file_in_the_indicators_folder_is_read_or_refused() {
    let site = TestSite::city();
    site.write("indicators/hjemmehjelp.csv", "provider,indicator,value\n");
    site.write("indicators/praktisk-bistand.xlsx", "PK");
    let errors = site.errors();
    assert_error(&errors, "indicators/hjemmehjelp.csv", 0, "`hjemmehjelp`, which is not a service");
    assert_error(&errors, "indicators/praktisk-bistand.xlsx", 0, "is not a CSV file");
}

#[test]
fn a_values_file_goes_through_the_safe_reader() {
    let site = TestSite::city();
    let mut huge = site.read(CSV);
    while huge.len() <= 256 * 1024 {
        huge.push_str("byomsorg-as,fagutdanning,50\n");
    }
    site.write(CSV, &huge);
    assert_error(&site.errors(), CSV, 0, "the limit is 262144");

    let site = TestSite::city();
    site.remove(CSV);
    let outside = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(outside.path(), "provider,indicator,value\n").unwrap();
    std::os::unix::fs::symlink(outside.path(), site.root().join(CSV)).unwrap();
    assert!(site.errors().iter().any(|f| f.file == std::path::Path::new(CSV)), "a link is refused");
}

#[test]
fn indicator_definitions_are_checked_in_the_configuration() {
    let site = TestSite::city();
    site.edit("brukervalg.yaml", "unit: percent", "unit: prosent");
    assert!(!site.errors().is_empty());
    let site = TestSite::city();
    site.edit("brukervalg.yaml", "      - id: fagutdanning\n", "      - id: fagutdanning\n        name: x\n");
    assert!(!site.errors().is_empty(), "a field twice is refused");
    let site = TestSite::city();
    let text = site.read("brukervalg.yaml");
    let start = text.find("      - id: fagutdanning").unwrap();
    let end = text[start..].find("    complaints:").unwrap() + start;
    let twice = format!("{}{}", &text[start..end], &text[start..end]);
    site.write("brukervalg.yaml", &text.replacen(&text[start..end], &twice, 1));
    let line = text[..end].lines().count() as u32 + 1;
    assert_error(&site.errors(), "brukervalg.yaml", line, "defined twice");
}

#[test]
fn hostile_text_in_inspections_and_indicators_stays_text() {
    let (site, _) = with_inspection(
        &GOOD.replace("summary: Ingen avvik.", "summary: \"<script>alert(1)</script> <img src=x onerror=alert(2)>\""),
    );
    site.edit(NONE, "by: Storby kommune, tilsynsenheten", "by: \"<b onclick=alert(3)>Storby</b>\"");
    site.edit(
        "brukervalg.yaml",
        "name: Andel ansatte med helsefaglig utdanning",
        "name: \"<iframe src=javascript:alert(4)>\"",
    );
    site.edit(
        "brukervalg.yaml",
        "source: Storby kommune, HR-avdelingen",
        "source: '=HYPERLINK(\"x\") <svg onload=alert(5)>'",
    );
    site.build_ok();
    for path in [
        format!("{SERVICE}/hjemme-i-byen-as/index.html"),
        format!("{SERVICE}/index.html"),
        format!("{SERVICE}/sammenlign/index.html"),
        format!("stor-skrift/{SERVICE}/hjemme-i-byen-as/index.html"),
    ] {
        let html = site.page(&path);
        let doc = Html::parse_document(&html);
        for tag in ["script:not([src])", "img", "iframe", "svg[onload]", "b[onclick]"] {
            let found = doc.select(&Selector::parse(tag).unwrap()).filter(|e| e.html().contains("alert")).count();
            assert_eq!(found, 0, "{path}: {tag}");
        }
        assert!(html.contains("&lt;script&gt;alert(1)") || !path.contains("hjemme"), "{path}");
    }
    let csv = site.page("data/indicators.csv");
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")"), "{csv}");
    let inspections = site.page("data/inspections.csv");
    assert!(inspections.contains("<script>alert(1)</script>"), "CSV carries the text as written, quoted");
}

#[test]
fn open_data_carries_inspections_and_figures() {
    let site = TestSite::city();
    site.build_ok();
    let json: serde_json::Value = serde_json::from_str(&site.page("data/providers.json")).unwrap();
    let providers = json["providers"].as_array().unwrap();
    let byomsorg = providers.iter().find(|p| p["slug"] == "byomsorg-as").unwrap();
    let inspections = byomsorg["inspections"].as_array().unwrap();
    assert_eq!(inspections.len(), 2);
    assert_eq!(inspections[0]["date"], "2026-05-20");
    assert_eq!(inspections[0]["follow_up"], "open");
    assert_eq!(inspections[0]["report"], "https://www.storby.kommune.no/tilsyn/byomsorg-2026.pdf");
    assert_eq!(inspections[1]["old"], true);
    assert_eq!(byomsorg["indicators"][0]["indicator"], "fagutdanning");
    assert_eq!(byomsorg["indicators"][0]["value"], 81.5);
    let none = providers.iter().find(|p| p["slug"] == "hjemme-i-byen-as").unwrap();
    assert_eq!(none["inspections"].as_array().unwrap().len(), 0);
    assert_eq!(json["indicators"][0]["source"], "Storby kommune, HR-avdelingen");
    assert_eq!(json["indicators"][0]["unit"], "percent");

    let csv = site.page("data/inspections.csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    let first = rows.iter().position(|r| &r[1] == "byomsorg-as").unwrap();
    assert_eq!((&rows[first][2], &rows[first + 1][2]), ("2026-05-20", "2024-02-14"));
    let csv = site.page("data/indicators.csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5, "a row per provider and indicator");
    let row = rows.iter().find(|r| &r[1] == "byomsorg-as").unwrap();
    assert_eq!(&row[7], "81.5");
}

#[test]
fn the_example_shows_inspections_for_most_providers_and_two_figures_per_service() {
    let site = TestSite::example();
    let report = site.build_ok();
    assert!(findings_here(&report).is_empty(), "{}", describe(&report.findings));
    let json: serde_json::Value = serde_json::from_str(&site.page("data/providers.json")).unwrap();
    let providers = json["providers"].as_array().unwrap();
    let inspected = providers.iter().filter(|p| !p["inspections"].as_array().unwrap().is_empty()).count();
    assert!(inspected * 2 > providers.len() && inspected < providers.len(), "{inspected} of {}", providers.len());
    for p in providers {
        let figures = p["indicators"].as_array().unwrap();
        assert_eq!(figures.len(), 2, "{}", p["slug"]);
        assert!(figures.iter().all(|f| f["value"].is_number()), "{}", p["slug"]);
    }
    let school = site.page("tjenester/skole/index.html");
    assert!(school.contains("Trivsel") && school.contains("Elever per lærer"));
}

#[test]
fn the_new_profile_skeleton_carries_an_inspection_example_that_passes_check() {
    let service = brukervalg::domain::Slug::parse("praktisk-bistand").unwrap();
    for lang in [brukervalg::messages::Lang::Nb, brukervalg::messages::Lang::Nn, brukervalg::messages::Lang::En] {
        for kind in [ServiceKind::HomeCare, ServiceKind::School, ServiceKind::Kindergarten, ServiceKind::NursingHome] {
            let skeleton = brukervalg::scaffold::skeleton(&service, "Ny Omsorg", kind, lang).unwrap();
            let profile = &skeleton.files[0].1;
            let start = profile.find("# inspections:").expect("a commented inspections example");
            // Uncommented as the comment says: `# ` off each line of the example.
            let example: String =
                profile[start..].lines().take_while(|l| l.starts_with('#')).map(|l| format!("{}\n", &l[2..])).collect();
            let (site, _) = with_inspection(&example);
            let report = site.build_ok();
            assert!(findings_here(&report).is_empty(), "{lang:?}: {}", describe(&report.findings));
            assert!(page(&site, "hjemme-i-byen-as").contains("2. oktober 2025"));
        }
    }
}
