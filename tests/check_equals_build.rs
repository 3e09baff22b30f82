//! `check` runs every rule `build` runs: for each fixture, broken in one
//! way or not at all, `check` fails exactly when `build` fails, and with
//! the same errors.

mod common;

use brukervalg::diagnostics::Severity;
use brukervalg::domain::Date;
use common::TestSite;

const ALFA: &str = "providers/praktisk-bistand/alfa-omsorg.yaml";
const KLAGE: &str = "content/klage.md";

/// The error messages of `check`, or `None` when it passes.
fn check_errors(site: &TestSite) -> Option<Vec<String>> {
    let (checked, findings, _) = brukervalg::check(site.root(), Some(Date::parse(common::TODAY).unwrap()));
    let errors = findings.into_sorted().into_iter().filter(|f| f.severity == Severity::Error);
    let errors: Vec<String> =
        errors.map(|f| format!("{}:{} {}", f.file.display(), f.position.line, f.message)).collect();
    assert_eq!(checked.is_none(), !errors.is_empty(), "a checked site comes with no errors");
    checked.is_none().then_some(errors)
}

fn build_errors(site: &TestSite) -> Option<Vec<String>> {
    site.build().err().map(|failure| {
        failure
            .findings
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{}:{} {}", f.file.display(), f.position.line, f.message))
            .collect()
    })
}

type Breakage = (&'static str, fn(&TestSite));

const FIXTURES: &[Breakage] = &[
    ("the minimal site as it is", |_| {}),
    ("a template that does not parse", |s| {
        s.write("templates/home.html", &(s.read("templates/home.html") + "{{ oops( }}"));
    }),
    ("a template that fails while rendering a page", |s| {
        s.edit("templates/provider.html", "<h1>{{ provider.name }}</h1>", "<h1>{{ provider.no_such_field.x }}</h1>");
    }),
    ("a template asking for a UI string that does not exist", |s| {
        s.edit("templates/home.html", "{{ t.", "{{ t.finnes_ikke }}{{ t.");
    }),
    ("a UI string the code asks for, missing", |s| {
        let nb = s.read("i18n/nb.yaml");
        let line = nb.lines().find(|l| l.trim_start().starts_with("compare_title:")).unwrap();
        s.write("i18n/nb.yaml", &nb.replace(&format!("{line}\n"), ""));
    }),
    ("a placeholder in a paid extra's unit", |s| {
        s.edit(ALFA, "unit: per gang", "unit: FYLL INN");
    }),
    ("a link to a section the page does not have", |s| {
        s.edit(KLAGE, "(/tjenester/praktisk-bistand/)", "(/klage/#finnesikke)");
    }),
    ("a link to the comparison page", |s| {
        s.edit(KLAGE, "(/tjenester/praktisk-bistand/)", "(/tjenester/praktisk-bistand/sammenlign/)");
    }),
    ("a wrong check digit", |s| {
        s.edit(ALFA, "974123452", "974123457");
    }),
    ("a survey", |s| {
        common::copy_tree(&common::project_root().join("tests/fixtures/survey"), &s.root().join("surveys"));
    }),
];

#[test]
fn check_fails_exactly_when_build_fails_with_the_same_errors() {
    let mut failing = 0;
    for (what, breakage) in FIXTURES {
        let site = TestSite::minimal();
        breakage(&site);
        let checked = check_errors(&site);
        let built = build_errors(&site);
        assert_eq!(checked, built, "{what}: check and build disagree");
        failing += usize::from(built.is_some());
    }
    assert_eq!(failing, 7, "every breakage but the sound ones fails");
}

#[test]
fn the_example_passes_both() {
    let site = TestSite::example();
    assert_eq!(check_errors(&site), None);
    assert_eq!(build_errors(&site), None);
}

/// Every file a build writes, named once in `brukervalg::written`: a file
/// of `static/` at any of those names is refused by `check` at that file,
/// and `build` refuses it with the same error (before, a static
/// `assets/cards.css` passed `check` and failed `build` with "File exists").
#[test]
fn a_static_file_at_any_name_the_build_writes_fails_check_and_build_alike() {
    let site = TestSite::example();
    let profile = "providers/praktisk-bistand/trygg-hverdag-as.yaml";
    site.edit(profile, "last_checked:", "image:\n  file: kontoret.jpg\n  alt: Kontoret i sentrum\nlast_checked:");
    site.write("providers/praktisk-bistand/kontoret.jpg", "\u{ff}\u{d8}\u{ff}");
    site.build_ok();
    let static_dir = site.root().join("static");
    let generated: Vec<String> = common::snapshot(&site.output())
        .into_iter()
        .map(|(path, _)| path.to_string_lossy().replace('\\', "/"))
        .filter(|name| !static_dir.join(name).exists())
        .collect();
    for name in [".brukervalg-output", "assets/cards.css", "assets/brand.css", "sitemap.xml", "404.html"] {
        assert!(generated.iter().any(|g| g == name), "the build no longer writes {name}?");
    }
    assert!(generated.iter().any(|g| g.ends_with("trygg-hverdag-as.jpg")), "the picture");
    for name in &generated {
        site.write(&format!("static/{name}"), "fra static/");
    }
    std::fs::remove_dir_all(site.output()).unwrap();

    let checked = check_errors(&site).expect("check refuses them");
    for name in &generated {
        let at = format!("static/{name}:0 ");
        assert!(checked.iter().any(|e| e.starts_with(&at) && e.contains(name.as_str())), "no error at static/{name}");
    }
    assert_eq!(Some(checked), build_errors(&site), "build refuses the same");
    assert!(!site.output().exists(), "nothing written");
}
