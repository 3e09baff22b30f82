//! `brukervalg diff BASE HEAD` tells the reviewer of a change what it does
//! to the site a citizen reads, in Norwegian: each fact of a provider that
//! changes (old → new, under the label its page shows), providers added
//! and removed, survey figures that stop or start being shown, findings
//! new in HEAD, the pages that change, and whether HEAD builds at all.
//! BASE is `tests/fixtures/city`; each HEAD is BASE with the files of one
//! folder of `tests/fixtures/diff/` written over it.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{TODAY, TestSite, copy_tree, project_root};
use serde_json::Value;

/// The city as it is, and the city with the change in `tests/fixtures/diff/<change>`.
fn pair(change: &str) -> (TestSite, TestSite) {
    let head = TestSite::city();
    copy_tree(&project_root().join("tests/fixtures/diff").join(change), head.root());
    (TestSite::city(), head)
}

fn diff(base: &Path, head: &Path, format: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brukervalg"))
        .args(["diff", "--today", TODAY, "--format", format])
        .arg(base)
        .arg(head)
        .output()
        .unwrap()
}

fn json(base: &TestSite, head: &TestSite) -> Value {
    let out = diff(base.root(), head.root(), "json");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn human(base: &TestSite, head: &TestSite) -> String {
    String::from_utf8(diff(base.root(), head.root(), "human").stdout).unwrap()
}

#[test]
fn a_change_of_capacity_is_named_in_norwegian_with_the_pages_it_changes() {
    let (base, head) = pair("capacity");
    let report = json(&base, &head);
    assert_eq!(report["head_builds"], true);
    let changed = report["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 1, "{report:#}");
    assert_eq!(changed[0]["provider"]["name"], "Byomsorg AS");
    let fields = changed[0]["fields"].as_array().unwrap();
    assert_eq!(fields.len(), 1, "only the capacity changed: {fields:#?}");
    assert_eq!(fields[0]["field"], "fact_capacity");
    assert_eq!(fields[0]["old"], "Har ledig kapasitet (per 1. november 2026)");
    assert_eq!(fields[0]["new"], "Fullt (per 20. november 2026)");
    // The provider's page, the service's lists and comparison, and the
    // filter pages by capacity, in all four variants.
    let pages = &report["pages"];
    assert!(pages["changed"].as_u64().unwrap() >= 4 * 4, "{pages:#}");
    assert_eq!(pages["changed"].as_u64().unwrap() % 4, 0, "every variant of a page changes: {pages:#}");
    let addresses: Vec<&str> = pages["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["addresses"].as_array().unwrap())
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(addresses.contains(&"/tjenester/praktisk-bistand/byomsorg-as/"), "{addresses:?}");
    assert!(addresses.contains(&"/tjenester/praktisk-bistand/kapasitet/full/"), "{addresses:?}");
    assert!(!addresses.iter().any(|a| a.contains("hjemme-i-byen-as")), "an unchanged provider's page: {addresses:?}");

    let text = human(&base, &head);
    assert!(text.contains("Byomsorg AS (Praktisk bistand)"), "{text}");
    assert!(
        text.contains("Ledig kapasitet: Har ledig kapasitet (per 1. november 2026) → Fullt (per 20. november 2026)"),
        "{text}"
    );
    let total: u64 = ["changed", "added", "removed"].iter().map(|k| pages[k].as_u64().unwrap()).sum();
    assert!(text.contains(&format!("Sider som endres: {total}.")), "{text}");
}

#[test]
fn a_new_provider_is_named_with_its_service_and_nothing_else_changes_of_the_others() {
    let (base, head) = pair("new-provider");
    let report = json(&base, &head);
    assert_eq!(report["added"].as_array().unwrap().len(), 1, "{report:#}");
    assert_eq!(report["added"][0]["name"], "Nabohjelpen AS");
    assert_eq!(report["added"][0]["service_name"], "Praktisk bistand");
    assert_eq!(report["removed"].as_array().unwrap().len(), 0);
    assert_eq!(report["changed"].as_array().unwrap().len(), 0, "{report:#}");
    let pages = report["pages"]["groups"].as_array().unwrap();
    assert!(
        pages.iter().any(|g| g["addresses"]
            .as_array()
            .unwrap()
            .contains(&"/tjenester/praktisk-bistand/nabohjelpen-as/".into())),
        "{report:#}"
    );
    assert!(report["pages"]["added"].as_u64().unwrap() >= 4, "its page in four variants: {report:#}");
    // The quality indicators have no row for it yet: a warning HEAD brings.
    let findings = report["new_findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["key"], "indicators.value_missing");
    let text = human(&base, &head);
    assert!(text.contains("Nye leverandører\n  - Nabohjelpen AS (Praktisk bistand)"), "{text}");

    // The other way round it is removed, with the pages it had.
    let back = json(&head, &base);
    assert_eq!(back["removed"][0]["name"], "Nabohjelpen AS");
    assert_eq!(back["pages"]["removed"], report["pages"]["added"]);
}

#[test]
fn a_survey_figure_that_falls_under_the_minimum_is_reported_hidden() {
    let (base, head) = pair("hidden-figure");
    let report = json(&base, &head);
    let figures = report["survey_figures"].as_array().unwrap();
    assert_eq!(figures.len(), 1, "{report:#}");
    assert_eq!(figures[0]["provider"], "Byomsorg AS");
    assert_eq!(figures[0]["question"], "Blir du behandlet med respekt av de ansatte?");
    assert_eq!(figures[0]["now"], "hidden");
    // Sørbyen Omsorg AS was hidden before and still is: no news.
    assert!(!figures.iter().any(|f| f["provider"] == "Sørbyen Omsorg AS"));
    let text = human(&base, &head);
    assert!(
        text.contains(
            "«Blir du behandlet med respekt av de ansatte?», Byomsorg AS: tallet vises ikke lenger (for få svar)"
        ),
        "{text}"
    );

    let back = json(&head, &base);
    assert_eq!(back["survey_figures"][0]["now"], "shown");
}

#[test]
fn a_head_that_would_not_build_fails_with_its_errors_as_new_findings() {
    let (base, head) = pair("capacity");
    head.edit("providers/praktisk-bistand/byomsorg-as.yaml", "status: full", "status: fullt");
    let out = diff(base.root(), head.root(), "json");
    assert_eq!(out.status.code(), Some(1), "HEAD does not build");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["head_builds"], false);
    let findings = report["new_findings"].as_array().unwrap();
    assert!(
        findings.iter().any(|f| f["file"] == "providers/praktisk-bistand/byomsorg-as.yaml" && f["severity"] == "error"),
        "{findings:#?}"
    );
    let text = String::from_utf8(diff(base.root(), head.root(), "human").stdout).unwrap();
    assert!(text.starts_with("Nettstedet kan ikke bygges med endringen"), "{text}");
}

#[test]
fn two_equal_sites_differ_in_nothing() {
    let (base, head) = (TestSite::city(), TestSite::city());
    let report = json(&base, &head);
    assert_eq!(report["pages"]["changed"], 0, "{report:#}");
    assert!(report["new_findings"].as_array().unwrap().is_empty(), "{report:#}");
    assert!(human(&base, &head).contains("Endringen gjør ingenting innbyggerne ser."));
}

#[test]
fn markdown_for_a_pull_request_puts_the_summary_first_and_folds_the_details() {
    let (base, head) = pair("capacity");
    head.edit(
        "providers/praktisk-bistand/byomsorg-as.yaml",
        "\ndescription: Byomsorg AS gir",
        "\ndescription: \"[Byomsorg](javascript:alert(1)) <b>@alle</b> gir\" #",
    );
    let out = diff(base.root(), head.root(), "markdown");
    let text = String::from_utf8(out.stdout).unwrap();
    let first_details = text.find("<details>").expect(&text);
    assert!(text[..first_details].contains("Sider som endres:"), "{text}");
    assert!(text[first_details..].contains("<summary>Leverandører med endrede opplysninger"), "{text}");
    assert!(!text.contains("](javascript") && !text.contains("<b>") && !text.contains("@alle"), "{text}");
}

#[test]
fn git_compares_the_working_tree_with_a_commit() {
    let site = TestSite::city();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"])
            .args(args)
            .current_dir(site.root())
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "city"]);
    copy_tree(&project_root().join("tests/fixtures/diff/capacity"), site.root());
    let out = Command::new(env!("CARGO_BIN_EXE_brukervalg"))
        .args(["diff", "--today", TODAY, "--format", "json", "--git", "HEAD", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["changed"][0]["fields"][0]["new"], "Fullt (per 20. november 2026)", "{report:#}");

    let out = Command::new(env!("CARGO_BIN_EXE_brukervalg"))
        .args(["diff", "--git", "--upload-pack=x", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "an option is no reference");
}
