//! The command line as a reviewer or a CI job uses it: `check` in its three
//! formats, exit codes, `schema` and `new`.

mod common;

use std::process::{Command, Output};

use common::{TODAY, TestSite};

const ALFA: &str = "providers/praktisk-bistand/alfa-omsorg.yaml";

fn run(site: &TestSite, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brukervalg")).args(args).current_dir(site.root()).output().unwrap()
}

fn check(site: &TestSite, extra: &[&str]) -> Output {
    let mut args = vec!["check", "--today", TODAY];
    args.extend_from_slice(extra);
    run(site, &args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn check_on_the_example_municipality_is_clean() {
    let site = TestSite::example();
    let out = check(&site, &["--deny-warnings"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Feil: 0. Advarsler: 0."), "{}", stderr(&out));
}

#[test]
fn check_writes_nothing() {
    let site = TestSite::minimal();
    let out = check(&site, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Feil: 0."), "{}", stderr(&out));
    assert!(!site.output().exists());
    let before = common::snapshot(site.root());
    assert!(check(&site, &["--format", "json"]).status.success());
    assert_eq!(common::snapshot(site.root()), before, "check changed a file");
}

#[test]
fn human_format_shows_file_line_column_the_line_a_caret_and_help_in_the_sites_language() {
    let site = TestSite::minimal();
    site.edit(ALFA, "974123452", "974123457");
    let out = check(&site, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("feil: `974123457` er ikke et gyldig organisasjonsnummer"), "{err}");
    assert!(err.contains("--> providers/praktisk-bistand/alfa-omsorg.yaml:2:13"), "{err}");
    assert!(err.contains("org_number: \"974123457\""), "{err}");
    assert!(err.contains('^'), "{err}");
    assert!(err.contains("hjelp: kopier nummeret fra Enhetsregisteret (https://www.brreg.no/)"), "{err}");
    assert!(err.contains("Feil: 1. Advarsler: 0."), "{err}");
}

#[test]
fn lang_en_gives_english_and_a_nynorsk_site_gets_nynorsk() {
    let site = TestSite::minimal();
    site.edit(ALFA, "974123452", "974123457");
    let err = stderr(&check(&site, &["--lang", "en"]));
    assert!(err.contains("error: `974123457` is not a valid organisation number"), "{err}");
    assert!(err.contains("help: copy the number from Enhetsregisteret (https://www.brreg.no/)"), "{err}");
    assert!(err.contains("1 error, 0 warnings"), "{err}");
    site.edit("brukervalg.yaml", "language: nb", "language: nn");
    let err = stderr(&check(&site, &[]));
    assert!(err.contains("feil: `974123457` er ikkje eit gyldig organisasjonsnummer"), "{err}");
    assert!(err.contains("hjelp: kopier nummeret frå Einingsregisteret"), "{err}");
}

#[test]
fn github_format_gives_one_workflow_command_per_finding_sorted_by_file_and_line() {
    let site = TestSite::minimal();
    site.edit(ALFA, "974123452", "974123457");
    site.edit(ALFA, "districts: [sentrum]", "districts: [sentrumm]");
    site.edit("content/klage.md", "(/tjenester/praktisk-bistand/)", "(/nowhere/)");
    let out = check(&site, &["--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<String> = stdout(&out).lines().map(String::from).collect();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(lines[0].starts_with("::error file=content/klage.md,line=6,col="), "{}", lines[0]);
    assert!(lines[1].starts_with("::error file=providers/praktisk-bistand/alfa-omsorg.yaml,line=2,col=13,title="));
    assert!(lines[2].starts_with("::error file=providers/praktisk-bistand/alfa-omsorg.yaml,line=4,col=13,title="));
    assert!(lines[2].contains("mente du `sentrum`"), "{}", lines[2]);
    assert!(lines[2].contains("title=brukervalg%3A feil::"), "{}", lines[2]);
}

#[test]
fn json_format_is_a_stable_report() {
    let site = TestSite::minimal();
    site.remove("content/klage.lettlest.md");
    let out = check(&site, &["--format", "json"]);
    assert!(out.status.success(), "warnings alone do not fail");
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["errors"], 0);
    assert_eq!(v["warnings"], 1);
    let f = &v["findings"][0];
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["file"], "content/klage.md");
    assert_eq!(f["line"], 2);
    assert_eq!(f["key"], "page.no_plain");
    assert_eq!(f["message"], "siden har ingen lettlest utgave");
    assert!(f["help"].as_str().unwrap().contains("klage.lettlest.md"));
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let site = TestSite::minimal();
    site.remove("content/klage.lettlest.md");
    assert!(check(&site, &[]).status.success());
    assert_eq!(check(&site, &["--deny-warnings"]).status.code(), Some(1));
}

#[test]
fn schema_describes_profiles_for_editors() {
    let site = TestSite::minimal();
    let provider: serde_json::Value = serde_json::from_str(&stdout(&run(&site, &["schema", "provider"]))).unwrap();
    assert_eq!(provider["properties"]["org_number"]["type"], "string");
    assert!(provider["properties"]["school"].is_null(), "only schools have `school`");
    assert!(provider["required"].as_array().unwrap().iter().any(|r| r == "org_number"));
    let school: serde_json::Value = serde_json::from_str(&stdout(&run(&site, &["schema", "school"]))).unwrap();
    assert!(school["required"].as_array().unwrap().iter().any(|r| r == "school"));
}

#[test]
fn the_shipped_schemas_are_up_to_date() {
    let dir = common::project_root().join("schemas");
    for kind in brukervalg::schema::SchemaKind::ALL {
        let shipped = std::fs::read_to_string(dir.join(kind.file_name())).unwrap_or_default();
        assert_eq!(
            shipped,
            brukervalg::schema::schema(kind),
            "schemas/{} is out of date: run `cargo run -- schema --out-dir schemas`",
            kind.file_name()
        );
    }
}

#[test]
fn new_provider_writes_a_commented_skeleton_whose_placeholders_check_lists() {
    let site = TestSite::minimal();
    let out = run(&site, &["new", "provider", "--service", "praktisk-bistand", "Bjørn & Søn Omsorg AS"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let path = "providers/praktisk-bistand/bjorn-son-omsorg-as.yaml";
    let text = site.read(path);
    assert!(text.contains("name: \"Bjørn & Søn Omsorg AS\""));
    assert!(text.lines().filter(|l| l.trim_start().starts_with('#')).count() >= 8, "commented");
    let report = check(&site, &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&report)).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert!(findings.iter().all(|f| f["file"] == path), "only the new file has findings: {findings:#?}");
    assert!(findings.iter().all(|f| f["message"].as_str().unwrap().contains("FYLL INN")));
    assert!(
        !run(&site, &["new", "provider", "--service", "praktisk-bistand", "Bjørn & Søn Omsorg AS"]).status.success(),
        "never overwrites"
    );
}

#[test]
fn new_refuses_a_name_that_would_write_a_field_of_its_own() {
    let site = TestSite::minimal();
    let out = run(
        &site,
        &["new", "provider", "--service", "praktisk-bistand", "--lang", "en", "Evil\nlast_checked: 2020-01-01"],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("a name cannot hold"), "{}", stderr(&out));
    assert!(!site.root().join("providers/praktisk-bistand/evil-last-checked-2020-01-01.yaml").exists());
    // A name `check` would refuse (a zero-width space) is refused here first.
    let out = run(&site, &["new", "provider", "--service", "praktisk-bistand", "--lang", "en", "Trygg\u{200B}Hverdag"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("U+200B"), "{}", stderr(&out));
    assert!(!site.root().join("providers/praktisk-bistand/trygghverdag.yaml").exists());
    // Quotes and backslashes are written so YAML reads the name back as typed.
    let out = run(&site, &["new", "provider", "--service", "praktisk-bistand", r#"Omsorg "Nord" \ Sør"#]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = site.read("providers/praktisk-bistand/omsorg-nord-sor.yaml");
    let name = text.lines().find(|l| l.starts_with("name: ")).unwrap();
    assert_eq!(name, r#"name: "Omsorg \"Nord\" \\ Sør""#);
}

#[test]
fn a_skeleton_states_no_fact_until_the_editor_fills_it_in() {
    let site = TestSite::minimal();
    run(&site, &["new", "provider", "--service", "praktisk-bistand", "Gamma Omsorg"]);
    let path = "providers/praktisk-bistand/gamma-omsorg.yaml";
    let text = site.read(path);
    let facts = ["ownership:", "districts:", "languages:", "status:", "as_of:", "kind:", "from:", "staff_per_month:"];
    for fact in facts {
        let line = text.lines().find(|l| l.trim_start().starts_with(fact)).unwrap_or_else(|| panic!("{fact}\n{text}"));
        assert!(line.contains("FYLL INN"), "{line}");
    }
    // Each of them fails `check`, at its own line.
    let report = check(&site, &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&report)).unwrap();
    let lines: Vec<u64> = v["findings"].as_array().unwrap().iter().map(|f| f["line"].as_u64().unwrap()).collect();
    for fact in facts {
        let at = text.lines().position(|l| l.trim_start().starts_with(fact)).unwrap() as u64 + 1;
        assert!(lines.contains(&at), "no finding for {fact} on line {at}: {lines:?}");
    }
}

#[test]
fn new_speaks_the_language_asked_for() {
    let site = TestSite::minimal();
    let out = run(&site, &["new", "provider", "--service", "praktisk-bistand", "--lang", "nn", "Delta Omsorg"]);
    assert_eq!(
        stdout(&out),
        "Skreiv providers/praktisk-bistand/delta-omsorg.yaml\nByt ut kvar «FYLL INN», og køyr så `brukervalg check`.\n"
    );
    assert!(site.read("providers/praktisk-bistand/delta-omsorg.yaml").contains("# Vel éin: municipal (kommunal)"));
    let out = run(&site, &["new", "provider", "--service", "praktisk-bistand", "--lang", "en", "Delta Omsorg"]);
    assert_eq!(stderr(&out), "error: providers/praktisk-bistand/delta-omsorg.yaml already exists; edit it instead\n");
}

#[test]
fn a_filled_in_skeleton_passes_check() {
    let site = TestSite::minimal();
    run(&site, &["new", "provider", "--service", "praktisk-bistand", "Beta Hjemmehjelp"]);
    let path = "providers/praktisk-bistand/beta-hjemmehjelp.yaml";
    let filled = site
        .read(path)
        .replace("org_number: \"FYLL INN\"", "org_number: \"998877660\"")
        .replace("ownership: FYLL INN", "ownership: private")
        .replace("districts: [FYLL INN]", "districts: [sentrum]")
        .replace("languages: [FYLL INN]", "languages: [nb]")
        .replace("status: FYLL INN", "status: open")
        .replace("kind: FYLL INN", "kind: approval")
        .replace("staff_per_month: FYLL INN", "staff_per_month: 3")
        .replace("phone: \"FYLL INN\"", "phone: \"11 22 33 99\"")
        .replace("email: FYLL INN", "email: post@beta.no")
        .replace("https://FYLL INN", "https://beta.no/")
        .replace("FYLL INN", "2026-10-01");
    let filled = filled.replacen("  2026-10-01", "  Beta hjelper deg hjemme.", 2);
    site.write(path, &filled);
    let out = check(&site, &["--deny-warnings"]);
    assert!(out.status.success(), "{}\n{filled}", stderr(&out));
}

#[test]
fn new_school_adds_the_self_description_files() {
    let site = TestSite::example();
    let out = run(&site, &["new", "school", "Ny Skole"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for f in ["ny-skole.yaml", "ny-skole.md", "ny-skole.lettlest.md"] {
        assert!(site.root().join("providers/skole").join(f).is_file(), "{f}");
    }
}

#[test]
fn new_kindergarten_and_new_nursing_home_write_their_kinds_block_and_a_filled_in_one_passes_check() {
    let site = TestSite::example();
    let out = run(&site, &["new", "kindergarten", "Ny Barnehage"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(&site, &["new", "nursing-home", "Nytt Sykehjem"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // A kindergarten's self-description is optional: no files for it.
    assert!(!site.root().join("providers/barnehage/ny-barnehage.md").exists());
    let common = |text: String| {
        text.replace("org_number: \"FYLL INN\"", "org_number: \"998877660\"")
            .replace("ownership: FYLL INN", "ownership: municipal")
            .replace("districts: [FYLL INN]", "districts: [sentrum]")
            .replace("languages: [FYLL INN]", "languages: [nb]")
            .replace("status: FYLL INN", "status: open")
            .replace("phone: \"FYLL INN\"", "phone: \"11 22 33 99\"")
            .replace("email: FYLL INN", "email: post@ny.no")
            .replace("https://FYLL INN", "https://ny.no/")
            .replace("as_of: FYLL INN", "as_of: 2026-10-01")
            .replace("last_checked: FYLL INN", "last_checked: 2026-10-01")
            .replacen("\n  FYLL INN", "\n  Vi er nye i Fjordvik.", 2)
    };
    let path = "providers/barnehage/ny-barnehage.yaml";
    let text = site.read(path);
    assert!(text.contains("kindergarten:\n") && text.contains("  ages: \"FYLL INN\""), "{text}");
    let filled = common(text)
        .replace("ages: \"FYLL INN\"", "ages: \"1–5\"")
        .replace("places: FYLL INN", "places: 40")
        .replace("opening_hours: FYLL INN", "opening_hours: 07.00–16.30")
        .replace("meals: FYLL INN", "meals: Varm lunsj hver dag")
        .replace("profile: FYLL INN", "profile: Lek og språk")
        .replace("profile_plain: FYLL INN", "profile_plain: Barna leker mye")
        .replace("outdoor: FYLL INN", "outdoor: Tur hver uke")
        .replace("price: FYLL INN", "price: 1200")
        .replace("food_money: FYLL INN", "food_money: 400");
    site.write(path, &filled);
    let path = "providers/sykehjem/nytt-sykehjem.yaml";
    let text = site.read(path);
    assert!(text.contains("nursing_home:\n") && text.contains("  units:\n"), "{text}");
    let filled = common(text)
        .replace("org_number: \"998877660\"", "org_number: \"998877679\"")
        .replace("places: FYLL INN", "places: 20")
        .replace("single_rooms: FYLL INN", "single_rooms: 20")
        .replace("name: FYLL INN", "name: Tunet")
        .replace("kind: FYLL INN", "kind: long-term")
        .replace("visiting: FYLL INN", "visiting: Når det passer")
        .replacen("\n    FYLL INN", "\n    Trim og sang.", 2);
    site.write(path, &filled);
    // The municipality adds their quality figures.
    let figures = [
        ("indicators/barnehage.csv", "ny-barnehage,barnehagelaerere,50\nny-barnehage,barn-per-voksen,6\n"),
        ("indicators/sykehjem.csv", "nytt-sykehjem,legetimer,1\nnytt-sykehjem,fagutdanning,80\n"),
    ];
    for (file, rows) in figures {
        site.write(file, &(site.read(file) + rows));
    }
    let out = check(&site, &["--deny-warnings"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // `new provider` is for home care: a kindergarten needs its block.
    let out = run(&site, &["new", "provider", "--service", "barnehage", "Feil Barnehage"]);
    assert!(!out.status.success() && stderr(&out).contains("new provider"), "{}", stderr(&out));
}
