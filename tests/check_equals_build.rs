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
        s.edit(
            "templates/provider.html",
            "{{ provider.name | hyphenate(lang=layout.lang) }}",
            "{{ provider.no_such_field.x }}",
        );
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
