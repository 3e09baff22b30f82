//! Plain language that keeps every fact: the plain (lettlest) text of a
//! page may say less than the standard text, never other; hard words are
//! explained or warned about; every variant shows the survey question as
//! asked.

mod common;

use brukervalg::diagnostics::{Finding, Severity};
use brukervalg::messages::Lang;
use common::{TestSite, describe};

const STANDARD: &str = include_str!("fixtures/plain/frister.md");
const PLAIN: &str = include_str!("fixtures/plain/frister.lettlest.md");
const PLAIN_FILE: &str = "content/frister.lettlest.md";

/// The minimal site with a page and its plain companion that agree.
fn site() -> TestSite {
    let site = TestSite::minimal();
    site.write("content/frister.md", STANDARD).write(PLAIN_FILE, PLAIN);
    site
}

/// The warnings of the plain-language rules (fact parity and glossary).
fn plain_warnings(site: &TestSite) -> Vec<Finding> {
    let report = site.build_ok();
    report
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Warning)
        .filter(|f| f.message.key().starts_with("plain."))
        .collect()
}

/// The plain-language warnings once the plain page's `from` reads `to`.
fn warnings_after_plain_edit(from: &str, to: &str) -> Vec<Finding> {
    let site = site();
    site.edit(PLAIN_FILE, from, to);
    plain_warnings(&site)
}

fn assert_warning(findings: &[Finding], file: &str, line: u32, needle: &str) {
    let hits = findings
        .iter()
        .filter(|f| {
            f.file == std::path::Path::new(file)
                && f.position.line == line
                && f.message.render(Lang::Nb).contains(needle)
        })
        .count();
    assert_eq!(hits, 1, "expected one warning at {file}:{line} containing {needle:?}, got:\n{}", describe(findings));
}

#[test]
fn a_plain_text_with_every_fact_in_other_words_passes() {
    // «fire uker» = «4 uker», «ti arbeidsdager» = «10 arbeidsdager», and a
    // phone number is the same however it is spaced.
    let site = site();
    assert_eq!(describe(&plain_warnings(&site)), "");
}

#[test]
fn a_missing_phone_number_is_warned_about_at_the_plain_section_that_corresponds() {
    let warnings = warnings_after_plain_edit(" Ring 55123456.", "");
    assert_warning(&warnings, PLAIN_FILE, 7, "«55 12 34 56»");
    assert_eq!(warnings.len(), 1, "{}", describe(&warnings));
}

#[test]
fn a_missing_deadline_is_warned_about_at_the_plain_section_that_corresponds() {
    let warnings = warnings_after_plain_edit("svarer innen 10 arbeidsdager", "svarer deg snart");
    assert_warning(&warnings, PLAIN_FILE, 11, "«ti arbeidsdager»");
    assert_eq!(warnings.len(), 1, "{}", describe(&warnings));
}

#[test]
fn a_different_deadline_is_both_missing_and_added() {
    // «to uker» is not «ti arbeidsdager»: the plain text promises other.
    let warnings = warnings_after_plain_edit("innen 10 arbeidsdager", "innen to uker");
    assert_warning(&warnings, PLAIN_FILE, 11, "mangler «ti arbeidsdager»");
    assert_warning(&warnings, PLAIN_FILE, 13, "har «to uker»");
}

#[test]
fn a_plain_text_that_adds_a_deadline_is_warned_about_at_its_line() {
    let warnings = warnings_after_plain_edit("Eller skriv", "Du får svar innen 3 dager. Eller skriv");
    assert_warning(&warnings, PLAIN_FILE, 9, "har «3 dager» (3 dager), som ikke står i standardteksten");
    assert_eq!(warnings.len(), 1, "{}", describe(&warnings));
}

#[test]
fn facts_in_yaml_fields_are_compared_and_warned_about_at_the_plain_field() {
    let site = site();
    site.edit("brukervalg.yaml", "how: Send klagen til kommunen først.", "how: Send klagen innen 3 uker.");
    let warnings = plain_warnings(&site);
    let line = site.read("brukervalg.yaml").lines().position(|l| l.contains("how_plain:")).unwrap() + 1;
    assert_warning(
        &warnings,
        "brukervalg.yaml",
        line as u32,
        "`complaints.how_plain`: den lettleste teksten mangler «3 uker»",
    );
}

#[test]
fn contact_details_the_service_page_shows_from_data_need_not_be_repeated() {
    // The service page renders the allocation office's phone from
    // `contact:` in every variant, so the plain text may leave it out.
    let site = site();
    site.edit("brukervalg.yaml", "how_to_choose: Ring tildelingskontoret.", "how_to_choose: Ring 11 22 33 55.");
    assert_eq!(describe(&plain_warnings(&site)), "");
    site.build_ok();
    assert!(site.page("lettlest/tjenester/praktisk-bistand/index.html").contains("11 22 33 55"));
}

#[test]
fn a_hard_word_without_an_explanation_is_warned_about_at_its_line() {
    let warnings = warnings_after_plain_edit("Kommunen svarer", "Får du ikke medhold, svarer kommunen");
    assert_warning(&warnings, PLAIN_FILE, 13, "«medhold» er et vanskelig ord");
    assert_eq!(warnings.len(), 1, "{}", describe(&warnings));
}

#[test]
fn a_word_the_glossary_forbids_is_warned_about_with_what_to_write_instead() {
    let warnings = warnings_after_plain_edit(
        "Tildelingskontoret hjelper deg.",
        "Tildelingskontoret hjelper deg. Firmaet gjør det ikke.",
    );
    assert_warning(&warnings, PLAIN_FILE, 9, "ikke bruk «Firmaet»");
    assert!(warnings[0].help.as_ref().is_some_and(|h| h.render(Lang::Nb).contains("leverandør")), "{warnings:?}");
}

#[test]
fn the_first_use_of_a_term_on_a_plain_page_is_explained_in_place() {
    let site = site();
    site.build_ok();
    let plain = site.page("lettlest/frister/index.html");
    let main = &plain[plain.find("<main").unwrap()..];
    assert!(
        main.contains("<dfn>vedtaket</dfn> (brevet fra kommunen om hva du får)"),
        "no explanation of «vedtaket» in:\n{main}"
    );
    assert_eq!(main.matches("<dfn>vedtak").count(), 1, "explained once per page");
    assert!(main.contains("<dfn>Tildelingskontoret</dfn> (kontoret i kommunen"));
    let standard = site.page("frister/index.html");
    assert!(!standard.contains("<dfn>"), "the standard variant keeps its words");
    // Headings and links are left whole.
    assert!(!main.contains("<h1><dfn>") && !main.contains("<a href=\"../tjenester/praktisk-bistand/\"><dfn>"));
}

#[test]
fn the_example_has_no_plain_language_warnings() {
    let site = TestSite::example();
    assert_eq!(describe(&plain_warnings(&site)), "");
}

#[test]
fn survey_questions_are_shown_as_asked_and_plain_explanations_are_marked() {
    let site = TestSite::minimal();
    common::copy_tree(&common::project_root().join("tests/fixtures/survey"), &site.root().join("surveys"));
    site.build_ok();
    let asked = "Alt i alt, hvor fornøyd er du?";
    let explanation = "Forklaring: Spørsmålet handler om hjelpen alt i alt.";
    for variant in ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"] {
        for page in ["tjenester/praktisk-bistand/index.html", "tjenester/praktisk-bistand/alfa-omsorg/index.html"] {
            let html = site.page(&format!("{variant}{page}"));
            assert!(html.contains(asked), "{variant}{page} does not show the question as asked");
            assert_eq!(html.contains(explanation), variant.contains("lettlest"), "{variant}{page}");
        }
    }
    let note = site.page("lettlest/tjenester/praktisk-bistand/index.html");
    assert!(note.contains(&format!("«{asked}» ({explanation})")), "the table note quotes the question as asked");
}

/// Standard wordings of UI strings that have another plain wording (a
/// `school.KEY` counts for KEY too), unless the same words are some plain
/// wording.
fn replaced_wordings(site: &TestSite, language: brukervalg::model::Language) -> std::collections::BTreeSet<String> {
    use brukervalg::domain::Variant;
    let mut findings = brukervalg::diagnostics::Findings::default();
    let t = brukervalg::i18n::Translations::load(site.root(), language, &mut findings).unwrap();
    let standard = t.strings_for(Variant::Standard);
    let plain = t.strings_for(Variant::Plain);
    let plain_words: std::collections::BTreeSet<&str> = plain.values().map(|v| v.trim()).collect();
    standard
        .iter()
        .filter(|(k, v)| plain[*k] != **v && !v.contains('{'))
        .map(|(_, v)| v.trim().trim_end_matches(':'))
        .filter(|v| !plain_words.contains(v))
        .map(str::to_string)
        .collect()
}

/// Labels lettlest pages show in a wording of `replaced`: page, element, text.
fn standard_labels_on_plain_pages(site: &TestSite, replaced: &std::collections::BTreeSet<String>) -> Vec<String> {
    let labels = scraper::Selector::parse(
        "main h2, main h3, main th, main dt, main caption, main label, main legend, main summary, main button, main strong, main option",
    )
    .unwrap();
    let mut out = Vec::new();
    for root in ["output/lettlest", "output/stor-skrift/lettlest"] {
        for entry in walkdir::WalkDir::new(site.root().join(root)).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "html") {
                continue;
            }
            let relative = entry.path().strip_prefix(site.output()).unwrap().to_string_lossy().to_string();
            let doc = scraper::Html::parse_document(&site.page(&relative));
            // Headings in Markdown pages and page titles are the editors' words.
            let own_words = |e: &scraper::ElementRef| {
                e.ancestors().filter_map(scraper::ElementRef::wrap).any(|a| a.value().classes().any(|c| c == "prose"))
            };
            for element in doc.select(&labels).filter(|e| !own_words(e)) {
                let text = element.text().collect::<String>();
                let text = text.trim().trim_end_matches(':');
                if replaced.contains(text) {
                    out.push(format!("{relative}: <{}> {text}", element.value().name()));
                }
            }
        }
    }
    out.dedup();
    out
}

#[test]
fn lettlest_pages_show_the_plain_wording_of_every_label() {
    let site = TestSite::example();
    site.build_ok();
    let replaced = replaced_wordings(&site, brukervalg::model::Language::Nb);
    let found = standard_labels_on_plain_pages(&site, &replaced);
    assert!(found.is_empty(), "{} labels in standard wording:\n{}", found.len(), found.join("\n"));
    // The rule can fail: a label whose plain wording is dropped shows its
    // standard wording, and is found.
    site.edit("i18n/nb.yaml", "  fact_ownership: Hvem eier\n", "");
    site.build_ok();
    let found = standard_labels_on_plain_pages(&site, &replaced);
    assert!(found.iter().any(|f| f.ends_with("<dt> Eierskap")), "{found:?}");
}

#[test]
fn lettlest_pages_in_nynorsk_show_the_plain_wording_of_every_label() {
    let site = TestSite::example();
    site.as_nynorsk();
    site.build_ok();
    let replaced = replaced_wordings(&site, brukervalg::model::Language::Nn);
    assert!(replaced.contains("Eigarskap"), "{replaced:?}");
    let found = standard_labels_on_plain_pages(&site, &replaced);
    assert!(found.is_empty(), "{} labels in standard wording:\n{}", found.len(), found.join("\n"));
}

/// The fact labels of a provider page, in order.
fn fact_labels(site: &TestSite, page: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(&site.page(page));
    let dt = scraper::Selector::parse("dl.facts dt").unwrap();
    doc.select(&dt).map(|e| e.text().collect::<String>().trim().to_string()).collect()
}

#[test]
fn lettlest_provider_facts_go_where_how_to_reach_free_places_then_the_rest() {
    let site = TestSite::example();
    site.build_ok();
    let page = "tjenester/praktisk-bistand/trygg-hverdag-as/index.html";
    let plain = fact_labels(&site, &format!("lettlest/{page}"));
    let at =
        |label: &str| plain.iter().position(|l| l.starts_with(label)).unwrap_or_else(|| panic!("{label}: {plain:?}"));
    assert!(at("Deler av kommunen") < at("Telefon"), "{plain:?}");
    assert!(at("Telefon") < at("Plass til nye"), "{plain:?}");
    assert!(at("Plass til nye") < at("Hvem eier"), "{plain:?}");
    assert!(plain.last().unwrap().starts_with("Organisasjonsnummer"), "{plain:?}");
    // The standard order is unchanged.
    let standard = fact_labels(&site, page);
    assert_eq!(standard[..3], ["Ledig kapasitet", "Bydeler", "Språk de ansatte snakker"], "{standard:?}");
    assert_ne!(standard.last().map(String::as_str), Some("Organisasjonsnummer"), "{standard:?}");
}

#[test]
fn check_warns_about_the_same_missing_fact_as_build() {
    let site = site();
    site.edit(PLAIN_FILE, " Ring 55123456.", "");
    let today = brukervalg::domain::Date::parse(common::TODAY).ok();
    let (_, findings, _) = brukervalg::check(site.root(), today);
    let checked: Vec<Finding> =
        findings.into_sorted().into_iter().filter(|f| f.message.key().starts_with("plain.fact")).collect();
    assert_eq!(describe(&checked), describe(&plain_warnings(&site)));
    assert_warning(&checked, PLAIN_FILE, 7, "«55 12 34 56»");
}

// The site's own glossary (`glossary.<language>.yaml` at the site root)
// holds the municipality's terms, merged over the tool's general ones.

#[test]
fn a_citys_own_office_is_explained_on_its_lettlest_pages() {
    let site = TestSite::city();
    site.build_ok();
    let plain = site.page("lettlest/tjenester/praktisk-bistand/index.html");
    let main = &plain[plain.find("<main").unwrap()..];
    assert!(
        main.contains("<dfn>Søknadskontoret</dfn> (kontoret i bydelen der du søker om hjelp)"),
        "no explanation of «Søknadskontoret» in:\n{main}"
    );
    let standard = site.page("tjenester/praktisk-bistand/index.html");
    assert!(!standard.contains("<dfn>"), "the standard variant keeps its words");
}

#[test]
fn a_site_term_replaces_the_general_term_of_the_same_word() {
    let site = site();
    let own = site.read("glossary.nb.yaml");
    site.write(
        "glossary.nb.yaml",
        &format!("{own}  - term: Vedtak\n    forms: [vedtaket]\n    explanation: svaret du får i posten\n"),
    );
    site.build_ok();
    let plain = site.page("lettlest/frister/index.html");
    assert!(plain.contains("<dfn>vedtaket</dfn> (svaret du får i posten)"), "{plain}");
    assert!(!plain.contains("brevet fra kommunen om hva du får"), "the general explanation is replaced");
}

#[test]
fn a_malformed_site_glossary_is_an_error_at_its_line() {
    let site = site();
    site.write("glossary.nb.yaml", "terms:\n  - term: Søknadskontoret\n    explenation: kontoret\n");
    let errors = site.errors();
    assert!(
        errors.iter().any(|f| f.file == std::path::Path::new("glossary.nb.yaml") && f.position.line == 3),
        "{}",
        describe(&errors)
    );
}
