//! Hostile input: every file may come from someone who wants to hurt the
//! site, the open data, the build or the CI that checks it. Each test
//! attacks one way and asserts a located error (or neutralised output),
//! in bounded time.

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use brukervalg::cmd::report::{render_github, render_human};
use brukervalg::diagnostics::Finding;
use brukervalg::messages::Lang;
use common::{TestSite, assert_error, describe};

const ALFA: &str = "providers/praktisk-bistand/alfa-omsorg.yaml";
const KOMMUNEN: &str = "providers/praktisk-bistand/kommunen.yaml";
const SECRET: &str = "root:x:0:0:TOP-SECRET-LINE";

/// A file outside the site, as /etc/passwd would be.
fn secret_file(site: &TestSite) -> std::path::PathBuf {
    let outside = site.root().parent().unwrap().join(format!("secret-{}", std::process::id()));
    fs::create_dir_all(&outside).unwrap();
    let file = outside.join("passwd");
    fs::write(&file, format!("{SECRET}\nsecond line\n")).unwrap();
    file
}

/// The errors of `check`, and every way they are printed.
fn check(site: &TestSite) -> (Vec<Finding>, String) {
    let (_, findings, _) =
        brukervalg::check(site.root(), Some(brukervalg::domain::Date::parse(common::TODAY).unwrap()));
    let findings = findings.into_sorted();
    let printed =
        format!("{}{}", render_human(&findings, site.root(), false, Lang::En), render_github(&findings, Lang::En));
    (findings, printed)
}

#[test]
fn linked_files_are_refused_unread_wherever_they_are() {
    let site = TestSite::minimal();
    let secret = secret_file(&site);
    site.remove("content/klage.lettlest.md");
    symlink(&secret, site.root().join("content/klage.lettlest.md")).unwrap();
    symlink(&secret, site.root().join("providers/praktisk-bistand/alfa-omsorg.md")).unwrap();
    symlink(&secret, site.root().join("static/robots-extra.txt")).unwrap();
    symlink(&secret, site.root().join("content/lenket.md")).unwrap();
    let (findings, printed) = check(&site);
    for file in [
        "content/klage.lettlest.md",
        "providers/praktisk-bistand/alfa-omsorg.md",
        "static/robots-extra.txt",
        "content/lenket.md",
    ] {
        assert_error(&findings, file, 0, "symbolic links are not followed");
    }
    assert!(!printed.contains("TOP-SECRET"), "{printed}");
    assert!(site.build().is_err());
    assert!(!site.output().exists());
}

#[test]
fn a_survey_linked_to_a_system_file_never_reaches_the_ci_log() {
    let site = TestSite::minimal();
    let secret = secret_file(&site);
    site.write(
        "surveys/tilfredshet-2026.yaml",
        &fs::read_to_string(common::project_root().join("tests/fixtures/survey/tilfredshet-2026.yaml")).unwrap(),
    );
    symlink(&secret, site.root().join("surveys/tilfredshet-2026.csv")).unwrap();
    let (findings, printed) = check(&site);
    assert_error(&findings, "surveys/tilfredshet-2026.csv", 0, "symbolic links");
    assert!(!printed.contains("root:x"), "{printed}");
}

#[test]
fn a_folder_link_on_the_way_is_refused_too() {
    let site = TestSite::minimal();
    let elsewhere = site.root().parent().unwrap().join(format!("elsewhere-{}", std::process::id()));
    fs::create_dir_all(&elsewhere).unwrap();
    fs::write(elsewhere.join("x.yaml"), site.read(ALFA)).unwrap();
    symlink(&elsewhere, site.root().join("providers/lenket")).unwrap();
    let (findings, _) = check(&site);
    assert_error(&findings, "providers/lenket", 0, "symbolic links");
}

#[test]
fn two_thousand_nested_quotes_are_an_error_not_a_stack_overflow() {
    let site = TestSite::minimal();
    for (name, body) in [
        ("sitater", "> ".repeat(3000) + "x\n"),
        ("lister", (0..300).map(|i| format!("{}- x\n", "  ".repeat(i))).collect()),
    ] {
        site.write(&format!("content/{name}.md"), &format!("---\ntitle: T\nsummary: S\n---\n{body}"));
    }
    let started = Instant::now();
    let errors = site.errors();
    assert_error(&errors, "content/sitater.md", 5, "`limits.markdown_max_depth`");
    assert_error(&errors, "content/lister.md", 25, "nested 41 levels deep");
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn rendering_flattens_nesting_that_validation_would_refuse() {
    // The guard behind the limit: even unvalidated, rendering cannot overflow.
    let linker = brukervalg::model::routes::Linker::for_page(
        &brukervalg::model::routes::SitePath::home(),
        brukervalg::domain::Variant::Standard,
    );
    let html = brukervalg::markdown::to_html(&("> ".repeat(5000) + "x"), &linker);
    assert_eq!(html.matches("<blockquote>").count(), 200);
}

#[test]
fn oversized_files_fields_lists_and_tables_are_errors_naming_their_limit() {
    let site = TestSite::minimal();
    site.write("content/stor.md", &format!("---\ntitle: T\nsummary: S\n---\n{}", "| |\n".repeat(300_000)));
    site.write(
        "content/tabell.md",
        &format!("---\ntitle: T\nsummary: S\n---\n|a|b|\n|-|-|\n{}", "|1|2|\n".repeat(1200)),
    );
    site.edit(ALFA, "name: Alfa Omsorg AS", &format!("name: {}", "A".repeat(300)));
    site.edit(
        ALFA,
        "extras:\n",
        &format!("extras:\n{}", "  - name: Vask\n    price: 1\n    unit: per gang\n".repeat(150)),
    );
    let errors = site.errors();
    let big = assert_error(&errors, "content/stor.md", 0, "`limits.file_max_bytes`");
    assert!(big.help.unwrap().contains("brukervalg.yaml"));
    assert_error(&errors, "content/tabell.md", 5, "`limits.table_max_cells`");
    assert_error(&errors, ALFA, 1, "`limits.short_text_max_chars`");
    assert_error(&errors, ALFA, 319, "`extras` has more than 100 items");
}

#[test]
fn every_limit_value_is_checked_where_it_is_written() {
    let site = TestSite::minimal();
    let text = site.read("brukervalg.yaml") + "limits:\n  stale_after_months: 300000\n  survey_min_respondents: 0\n";
    site.write("brukervalg.yaml", &text);
    let lines = text.lines().count() as u32;
    let errors = site.errors();
    assert_error(&errors, "brukervalg.yaml", lines - 1, "`limits.stale_after_months` is 300000, outside 1–120");
    assert_error(&errors, "brukervalg.yaml", lines, "`limits.survey_min_respondents` is 0");
}

#[test]
fn invisible_characters_are_refused_in_names_emails_files_and_text() {
    let site = TestSite::minimal();
    site.edit(ALFA, "name: Alfa Omsorg AS", "name: \"Alfa \\u202Egnosmo\\e[2J\"");
    site.edit(KOMMUNEN, "phone: \"11 22 33 66\"", "phone: \"11 22 33 66\u{1b}\"");
    site.write("content/klage.md", "---\ntitle: Klage\nsummary: S\n---\nHei &#x202E;snudd\n\nRå \u{1b}[31m\n");
    site.write("content/snu\u{202e}dd.md", "---\ntitle: T\nsummary: S\n---\nx\n");
    let (findings, printed) = check(&site);
    assert_error(&findings, ALFA, 1, "U+202E (bidirectional override)");
    assert_error(&findings, KOMMUNEN, 6, "the file contains the invisible character U+001B");
    assert_error(&findings, "content/klage.md", 7, "U+001B");
    assert_error(&findings, "content/snu\u{202e}dd.md", 0, "U+202E");
    // What reaches a terminal or a CI log has the characters written out.
    assert!(!printed.contains('\u{1b}') && !printed.contains('\u{202e}'), "{printed:?}");
    assert!(printed.contains("\\u{202e}"), "{printed}");
}

#[test]
fn an_entity_cannot_smuggle_a_bidi_character_into_markdown() {
    let site = TestSite::minimal();
    site.write("content/klage.md", "---\ntitle: Klage\nsummary: S\n---\nDu kan klage.\n\nHei &#x202E;snudd\n");
    assert_error(&site.errors(), "content/klage.md", 7, "U+202E");
}

#[test]
fn an_email_is_an_address_and_nothing_more() {
    let site = TestSite::minimal();
    site.edit(ALFA, "email: post@alfa.no", "email: post@alfa.no?cc=alle@evil.example&body=hei");
    assert_error(&site.errors(), ALFA, 7, "is not an e-mail address");
}

#[test]
fn yaml_tags_beyond_the_core_schema_are_refused() {
    let site = TestSite::minimal();
    site.edit(ALFA, "description: Et privat firma.", "description: !!binary RXQgcHJpdmF0IGZpcm1hLg==");
    assert_error(&site.errors(), ALFA, 16, "the YAML tag `!!binary` is not allowed");
}

#[test]
fn numbers_outside_their_domain_are_errors_and_cannot_wrap() {
    let site = TestSite::minimal();
    site.edit(ALFA, "staff_per_month: 3", "staff_per_month: 4294967295");
    site.edit(ALFA, "price: 450", "price: 4000000");
    let errors = site.errors();
    assert_error(&errors, ALFA, 23, "`continuity.staff_per_month` is 4294967295, outside 1–200");
    assert_error(&errors, ALFA, 20, "`extras.price` is 4000000");
}

fn with_survey(site: &TestSite, csv: &str) {
    let fixture = common::project_root().join("tests/fixtures/survey");
    site.write("surveys/tilfredshet-2026.yaml", &fs::read_to_string(fixture.join("tilfredshet-2026.yaml")).unwrap());
    site.write("surveys/tilfredshet-2026.csv", csv);
}

#[test]
fn survey_counts_that_would_overflow_are_errors_at_their_row() {
    let site = TestSite::minimal();
    let fixture =
        fs::read_to_string(common::project_root().join("tests/fixtures/survey/tilfredshet-2026.csv")).unwrap();
    let header = fixture.lines().next().unwrap();
    assert_eq!(header, "provider,question,respondents,mean", "the fixture's form changed");
    with_survey(&site, &format!("{header}\nkommunen,respekt,4294967295,4.5\nalfa-omsorg,respekt,100001,4.5\n"));
    let errors = site.errors();
    assert_error(&errors, "surveys/tilfredshet-2026.csv", 2, "`respondents` is `4294967295`");
    assert_error(&errors, "surveys/tilfredshet-2026.csv", 3, "up to 100000");
}

#[test]
fn an_unclosed_csv_quote_is_named_where_it_opens() {
    let site = TestSite::minimal();
    with_survey(
        &site,
        "provider,question,respondents,mean\nkommunen,respekt,40,4.5\n\"alfa-omsorg,respekt,40,4.5\nkommunen,tid,40,4.5\n",
    );
    let errors = site.errors();
    let e = assert_error(&errors, "surveys/tilfredshet-2026.csv", 3, "never closed");
    assert_eq!(e.position.column, 1);
    assert!(!describe(&errors).contains("fields, the header"), "{}", describe(&errors));
}

#[test]
fn remote_pictures_and_protocol_relative_links_are_refused() {
    let site = TestSite::minimal();
    site.write(
        "content/klage.md",
        "---\ntitle: Klage\nsummary: S\n---\nSe ![piksel](https://tracker.example/p.gif) og [her](//evil.example/x).\n\n[Lovdata](https://lovdata.no/) er fint.\n",
    );
    let (findings, _) = check(&site);
    assert_error(
        &findings,
        "content/klage.md",
        5,
        "the picture `https://tracker.example/p.gif` is not a file of this site",
    );
    assert_error(&findings, "content/klage.md", 5, "`//evil.example/x` leads to another site");
    // (The plain page lacking the address is fact parity's warning, not a refusal.)
    let errors: Vec<Finding> =
        findings.iter().filter(|f| f.severity == brukervalg::diagnostics::Severity::Error).cloned().collect();
    assert!(!describe(&errors).contains("lovdata"), "links to other sites are fine");
    let html = brukervalg::markdown::to_html(
        "![p](https://t.example/p.gif) [x](//evil.example)",
        &brukervalg::model::routes::Linker::for_page(
            &brukervalg::model::routes::SitePath::home(),
            brukervalg::domain::Variant::Standard,
        ),
    );
    assert!(!html.contains("t.example") && !html.contains("evil.example"), "{html}");
}

#[test]
fn static_files_cannot_replace_generated_pages_or_open_data() {
    let site = TestSite::minimal();
    site.write("static/tjenester/praktisk-bistand/alfa-omsorg/index.html", "<script>alert(1)</script>");
    site.write("static/data/providers.csv", "=HYPERLINK(\"x\")");
    site.write("static/klage", "x");
    site.write("static/robots.txt/kopi.txt", "x");
    let errors = site.errors();
    let e = assert_error(&errors, "static/tjenester/praktisk-bistand/alfa-omsorg/index.html", 0, "would replace");
    assert!(e.message.contains("tjenester/praktisk-bistand/alfa-omsorg/index.html itself"), "{}", e.message);
    assert_error(&errors, "static/data/providers.csv", 0, "data/providers.csv");
    assert_error(&errors, "static/klage", 0, "folder klage/");
    assert_error(&errors, "static/robots.txt/kopi.txt", 0, "robots.txt itself, so it cannot be a folder");
}

#[test]
fn the_output_may_not_lie_inside_an_input_folder() {
    let site = TestSite::minimal();
    for dir in ["static/site", "templates/out", "content/x"] {
        let failure = site.build_into(&site.root().join(dir)).expect_err(dir);
        assert!(
            describe(&failure.findings).contains("lies inside the input folder"),
            "{}",
            describe(&failure.findings)
        );
        assert!(!site.root().join(dir).exists());
    }
}

#[test]
fn the_next_build_removes_litter_of_killed_builds_and_only_its_own() {
    let site = TestSite::minimal();
    let killed = site.root().join(".output.staging-999999999");
    fs::create_dir_all(killed.join("tjenester")).unwrap();
    fs::write(killed.join(brukervalg::output::MARKER), "").unwrap();
    let old = site.root().join(".output.old-999999998");
    fs::create_dir_all(&old).unwrap();
    fs::write(old.join(brukervalg::output::MARKER), "").unwrap();
    let foreign = site.root().join(".output.staging-999999997");
    fs::create_dir_all(&foreign).unwrap();
    fs::write(foreign.join("notes.txt"), "mine").unwrap();
    site.build_ok();
    assert!(!killed.exists() && !old.exists());
    assert!(foreign.join("notes.txt").exists(), "a folder without the marker is not ours");
    // A second build swaps without leaving anything beside the output.
    site.build_ok();
    let beside: Vec<_> = fs::read_dir(site.root())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(".output."))
        .collect();
    assert_eq!(beside, vec![".output.staging-999999997".to_string()]);
    let ignore = fs::read_to_string(common::project_root().join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "/.output.*"), "the litter pattern is git-ignored");
}

#[test]
fn yaml_mistakes_are_told_in_the_authors_words() {
    let site = TestSite::minimal();
    site.edit(ALFA, "ownership: private", "ownership: private\nname: Igjen AS");
    site.edit(KOMMUNEN, "description: Kommunens egen hjemmetjeneste.", "description:");
    let errors = site.errors();
    let dup = assert_error(&errors, ALFA, 4, "`name` is written twice");
    assert!(dup.help.unwrap().contains("delete the other"));
    let null = assert_error(&errors, KOMMUNEN, 11, "a value is missing");
    assert!(null.help.is_some());
    for e in &errors {
        for jargon in ["DuplicateKeyPolicy", "Option<", "budget breached", "deserialize"] {
            assert!(!e.message.contains(jargon), "{}", e.message);
        }
    }
}

#[test]
fn one_broken_profile_is_one_error_not_a_cascade() {
    let site = TestSite::minimal();
    // The default provider, named by the configuration, linked from a page
    // and counted in a survey.
    site.write(KOMMUNEN, "name: [unclosed\n");
    site.write(
        "content/klage.md",
        "---\ntitle: Klage\nsummary: S\n---\nSe [kommunen](/tjenester/praktisk-bistand/kommunen/).\n",
    );
    with_survey(&site, "provider,question,respondents,mean\nkommunen,respekt,40,4.5\nalfa-omsorg,respekt,40,4.5\n");
    let errors = site.errors();
    assert_eq!(errors.len(), 1, "{}", describe(&errors));
    assert_eq!(errors[0].file, Path::new(KOMMUNEN));
}

#[test]
fn twenty_thousand_findings_print_in_linear_time_and_are_capped() {
    let site = TestSite::minimal();
    site.write("content/klage.md", &format!("---\ntitle: Klage\nsummary: S\n---\n{}", "<b>x</b> ".repeat(7000)));
    let started = Instant::now();
    let report = site.build_ok();
    let printed = render_human(&report.findings, site.root(), false, Lang::En);
    assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());
    let in_file: Vec<_> = report.findings.iter().filter(|f| f.file == Path::new("content/klage.md")).collect();
    assert_eq!(in_file.len(), 51, "50 shown and one that counts the rest");
    let rest: usize = in_file[50].message.arg("count").unwrap().parse().unwrap();
    assert!(rest >= 14_000 - 50, "{}", in_file[50].message);
    assert!(printed.len() < 100_000);
}

#[test]
fn github_output_writes_control_characters_out() {
    let f = Finding::error(
        "providers/a\u{1b}]8;;x.yaml",
        brukervalg::diagnostics::Position::new(1, 1),
        brukervalg::msg!("field.empty", field = "bad \u{1b}[2J \u{202e} \r x"),
    );
    let out = render_github(&[f], Lang::En);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{202e}'), "{out:?}");
    assert!(out.contains("\\u{1b}[2J"), "{out}");
    assert_eq!(out.lines().count(), 1);
}

/// The release binary on a worst-case site: it must fail cleanly (exit 1,
/// not a crash) in under 10 seconds, with a peak resident memory under
/// 1 GiB (sampled from /proc every 20 ms; the high-water mark only grows).
fn bounded_run(site: &TestSite) -> (Duration, u64) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_brukervalg"))
        .args(["build", "--today", common::TODAY, "--root"])
        .arg(site.root())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        let hwm = fs::read_to_string(&status_file)
            .ok()
            .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse::<u64>().ok());
        peak_kb = peak_kb.max(hwm.unwrap_or(0));
        if started.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = started.elapsed();
    assert_eq!(status.code(), Some(1), "the build fails cleanly (not killed, not a crash)");
    assert!(took < Duration::from_secs(10), "{took:?}");
    assert!(peak_kb < 1024 * 1024, "{peak_kb} KiB");
    eprintln!("worst case: {took:?}, peak {peak_kb} KiB");
    (took, peak_kb)
}

#[test]
fn worst_cases_of_a_megabyte_stay_within_ten_seconds_and_a_gigabyte() {
    let site = TestSite::minimal();
    // Each just under the size limit, each as heavy as it may be.
    let page = |body: String| format!("---\ntitle: T\nsummary: S\n---\n{body}");
    site.write("content/tabell.md", &page(format!("|a|b|\n|-|-|\n{}", "| | |\n".repeat(40_000))));
    site.write("content/sitater.md", &page("> ".repeat(120_000)));
    site.write("content/html.md", &page("<b>".repeat(80_000)));
    site.write("content/lenker.md", &page("[a](//e.x) ![b](http://e/x) ".repeat(8000)));
    site.edit(ALFA, "name: Alfa Omsorg AS", &format!("name: {}", "N".repeat(250_000)));
    bounded_run(&site);
}
