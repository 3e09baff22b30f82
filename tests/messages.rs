//! What `check` tells an editor who is not a programmer: in the site's
//! language (bokmål here), with a help line that says what to do, for each
//! of the mistakes editors make most. `--lang en` gives English. Every
//! message comes from the catalogues in messages/, which hold the same keys
//! and placeholders in every language.

mod common;

use std::collections::BTreeSet;
use std::process::{Command, Output};

use brukervalg::messages::{Lang, placeholders};
use common::{TODAY, TestSite};

const ALFA: &str = "providers/praktisk-bistand/alfa-omsorg.yaml";

fn check(site: &TestSite, extra: &[&str]) -> Output {
    let mut args = vec!["check", "--today", TODAY];
    args.extend_from_slice(extra);
    Command::new(env!("CARGO_BIN_EXE_brukervalg")).args(&args).current_dir(site.root()).output().unwrap()
}

/// The findings of `check --format json`, each as (key, line, message, help).
fn findings(site: &TestSite, extra: &[&str]) -> Vec<(String, u64, String, String)> {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    let out = check(site, &args);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let text = |k: &str| f[k].as_str().unwrap_or("").to_string();
            (text("key"), f["line"].as_u64().unwrap(), text("message"), text("help"))
        })
        .collect()
}

/// The one finding with `key`, or a failure listing what there was.
fn one(found: &[(String, u64, String, String)], key: &str) -> (u64, String, String) {
    let hits: Vec<_> = found.iter().filter(|f| f.0 == key).collect();
    assert_eq!(hits.len(), 1, "expected one `{key}`, got {found:#?}");
    (hits[0].1, hits[0].2.clone(), hits[0].3.clone())
}

#[test]
fn the_example_municipality_gives_no_message_but_notes_on_hidden_survey_figures() {
    let site = TestSite::example();
    // The example hides survey figures on purpose; `check` names each as a
    // note (docs/check.md), which is no fault.
    let found = findings(&site, &[]);
    assert!(found.iter().all(|f| f.0 == "survey.figure_hidden"), "{found:#?}");
}

#[test]
fn a_misspelt_field_name_is_named_with_the_field_it_should_be() {
    let site = TestSite::minimal();
    site.edit(ALFA, "ownership: private", "ownrship: private");
    let (line, message, help) = one(&findings(&site, &[]), "yaml.unknown_field");
    assert_eq!(line, 3);
    assert_eq!(message, "ukjent felt `ownrship`");
    assert!(help.starts_with("mente du `ownership`? sjekk stavemåten mot docs/content.md"), "{help}");
}

#[test]
fn a_wrongly_indented_line_is_told_which_line_to_stand_below() {
    let site = TestSite::minimal();
    site.edit(ALFA, "  email: post@alfa.no", "   email: post@alfa.no");
    let (line, message, help) = one(&findings(&site, &[]), "yaml.indentation");
    assert_eq!(line, 7);
    assert_eq!(message, "linje 7 står ikke rett under noe felt over den");
    assert_eq!(
        help,
        "Linje 7 er rykket inn med 3 mellomrom; den skal stå rett under `phone:` på linje 6 (2 mellomrom)."
    );
    // The terminal shows the line itself under the message.
    let err = String::from_utf8_lossy(&check(&site, &[]).stderr).to_string();
    assert!(err.contains("7 |    email: post@alfa.no"), "{err}");
}

#[test]
fn a_line_indented_with_a_tab_is_pointed_at() {
    let site = TestSite::minimal();
    // After a plain value the parser notices the tab on the line before.
    site.edit(ALFA, "  web: https://alfa.no/", "\tweb: https://alfa.no/");
    let (line, message, help) = one(&findings(&site, &[]), "yaml.syntax.tab");
    assert_eq!(line, 8);
    assert_eq!(message, "linjen er rykket inn med tabulator");
    assert!(help.starts_with("rykk inn bare med mellomrom"), "{help}");
}

#[test]
fn a_wrong_check_digit_sends_the_editor_to_the_register_and_never_names_a_digit() {
    let site = TestSite::minimal();
    site.edit(ALFA, "974123452", "974123457");
    let (line, message, help) = one(&findings(&site, &[]), "org_number.not_valid");
    assert_eq!(line, 2);
    assert_eq!(message, "`974123457` er ikke et gyldig organisasjonsnummer");
    assert!(help.starts_with("kopier nummeret fra Enhetsregisteret (https://www.brreg.no/)"), "{help}");
    for digit in '0'..='9' {
        assert!(!help.contains(digit) || help.contains("9 sifre"), "{help}");
        assert!(!message.replace("974123457", "").contains(digit), "{message}");
    }
}

#[test]
fn a_district_written_as_its_display_name_gets_its_id_suggested() {
    let site = TestSite::minimal();
    site.edit(ALFA, "districts: [sentrum]", "districts: [Nordre Åsen]");
    let (line, message, help) = one(&findings(&site, &[]), "district.unknown");
    assert_eq!(line, 4);
    assert_eq!(message, "`Nordre Åsen` er ikke en bydel i brukervalg.yaml");
    assert_eq!(help, "mente du `nordre-asen`? bruk id-en til bydelen: sentrum, nordre-asen");
}

#[test]
fn a_language_written_as_its_name_gets_its_code_suggested() {
    let site = TestSite::minimal();
    site.edit(ALFA, "languages: [nb, pl]", "languages: [nb, Polsk]");
    let (_, _, help) = one(&findings(&site, &[]), "language.unknown");
    assert!(help.starts_with("mente du `pl`?"), "{help}");
}

#[test]
fn a_service_or_provider_written_by_its_name_in_a_survey_gets_its_id_suggested() {
    let site = TestSite::minimal();
    common::copy_tree(&common::project_root().join("tests/fixtures/survey"), &site.root().join("surveys"));
    site.edit("surveys/tilfredshet-2026.yaml", "  alfa-omsorg: 55", "  Alfa Omsorg AS: 55");
    let expected =
        site.read("surveys/tilfredshet-2026.yaml").lines().position(|l| l.contains("Alfa Omsorg AS: 55")).unwrap() + 1;
    let (line, _, help) = one(&findings(&site, &[]), "survey.rate_provider_unknown");
    assert_eq!(line, expected as u64);
    assert!(help.starts_with("mente du `alfa-omsorg`?"), "{help}");
    site.edit("surveys/tilfredshet-2026.yaml", "service: praktisk-bistand", "service: Praktisk bistand");
    let (_, _, help) = one(&findings(&site, &[]), "service.unknown");
    assert!(help.starts_with("mente du `praktisk-bistand`?"), "{help}");
}

#[test]
fn an_unfilled_placeholder_fails_with_the_choices_the_field_takes() {
    let site = TestSite::minimal();
    site.edit(ALFA, "ownership: private", "ownership: FYLL INN");
    site.edit(ALFA, "  status: waiting-list", "  status: FYLL INN");
    let found = findings(&site, &[]);
    let placeholders: Vec<_> = found.iter().filter(|f| f.0 == "placeholder.field").collect();
    assert_eq!(placeholders.len(), 2, "{found:#?}");
    // The placeholder rule says it all; no second, technical error on the line.
    assert_eq!(found.len(), 2, "{found:#?}");
    let (ownership, status) = (placeholders[0], placeholders[1]);
    assert_eq!((ownership.1, status.1), (3, 11));
    assert_eq!(ownership.2, "`ownership` står fortsatt som «FYLL INN»");
    assert!(ownership.3.contains("municipal") && ownership.3.contains("private") && ownership.3.contains("non-profit"));
    assert!(status.3.contains("open") && status.3.contains("waiting-list") && status.3.contains("full"));
    assert!(!check(&site, &[]).status.success());
}

#[test]
fn a_csv_row_with_a_comma_too_many_says_how_to_quote() {
    let site = TestSite::minimal();
    common::copy_tree(&common::project_root().join("tests/fixtures/survey"), &site.root().join("surveys"));
    site.edit("surveys/tilfredshet-2026.csv", "kommunen,respekt,40,4.6", "kommunen,respekt,40,4,6");
    let (line, message, help) = one(&findings(&site, &[]), "csv.field_count");
    assert_eq!(line, 4);
    assert_eq!(message, "raden har 5 verdier, men første linje har 4 kolonner");
    assert!(help.contains("(provider,question,respondents,mean)") && help.contains("doble anførselstegn"), "{help}");
}

#[test]
fn a_csv_quote_that_is_never_closed_is_pointed_at() {
    let site = TestSite::minimal();
    common::copy_tree(&common::project_root().join("tests/fixtures/survey"), &site.root().join("surveys"));
    site.edit("surveys/tilfredshet-2026.csv", "kommunen,helhet", "\"kommunen,helhet");
    let (line, message, help) = one(&findings(&site, &[]), "csv.unclosed_quote");
    assert_eq!(line, 5);
    assert_eq!(message, "en verdi i anførselstegn starter her og blir aldri avsluttet");
    assert!(help.starts_with("legg til det avsluttende `\"`"), "{help}");
}

#[test]
fn lang_en_gives_the_same_findings_in_english() {
    let site = TestSite::minimal();
    site.edit(ALFA, "districts: [sentrum]", "districts: [Nordre Åsen]");
    let (_, message, help) = one(&findings(&site, &["--lang", "en"]), "district.unknown");
    assert_eq!(message, "`Nordre Åsen` is not a district in brukervalg.yaml");
    assert_eq!(help, "did you mean `nordre-asen`? use the district's id: sentrum, nordre-asen");
}

#[test]
fn every_message_exists_in_every_language_with_the_same_placeholders() {
    let english = Lang::En.catalogue();
    assert!(english.len() > 300, "the catalogue is read: {}", english.len());
    for lang in [Lang::Nb, Lang::Nn] {
        let other = lang.catalogue();
        let keys = |c: &std::collections::BTreeMap<String, String>| c.keys().cloned().collect::<BTreeSet<_>>();
        assert_eq!(keys(english), keys(other), "{} has other keys than en", lang.code());
        for (key, text) in english {
            assert_eq!(placeholders(text), placeholders(&other[key]), "`{key}` in {}", lang.code());
        }
    }
}

/// Every `msg!("key", ...)` in the source, with its file.
fn keys_in_source() -> Vec<(String, String)> {
    let mut keys = Vec::new();
    for entry in walkdir::WalkDir::new(common::project_root().join("src")).into_iter().filter_map(Result::ok) {
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (at, _) in text.match_indices("msg!(\"") {
            let rest = &text[at + 6..];
            let key = &rest[..rest.find('"').unwrap()];
            keys.push((entry.path().display().to_string(), key.to_string()));
        }
    }
    keys
}

#[test]
fn no_message_in_the_code_is_an_untranslated_literal() {
    // A Message can only be made from a key (the macro is the one caller of
    // `Message::new`), and every key the code names is in the catalogue.
    let keys = keys_in_source();
    assert!(keys.len() > 300, "{}", keys.len());
    for (file, key) in &keys {
        assert!(Lang::En.catalogue().contains_key(key), "{file}: `{key}` is not in messages/en.yaml");
    }
    for entry in walkdir::WalkDir::new(common::project_root().join("src")).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("messages.rs") {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        assert!(!text.contains("Message::new("), "{}: build messages with msg!", path.display());
    }
    // What `check` and `new` print themselves also goes through the catalogue.
    for file in ["src/cmd/check.rs", "src/cmd/new.rs"] {
        let text = std::fs::read_to_string(common::project_root().join(file)).unwrap();
        for (at, _) in text.match_indices("println!(\"") {
            assert!(text[at..].starts_with("println!(\"{}\""), "{file}: a literal message");
        }
    }
}
