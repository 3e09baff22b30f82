//! Nothing under the input folders is silently ignored: every file is read
//! or published, or `check` says which file and what to do with it: an
//! error for an input with the wrong name or in the wrong place, a warning
//! for a file that only lies about.

mod common;

use brukervalg::diagnostics::{Finding, Severity};
use brukervalg::domain::Date;
use common::TestSite;

const PROFILE: &str = "providers/praktisk-bistand/sorbyen-omsorg-as.yaml";

/// What `check` finds, less what the fixtures show on purpose elsewhere:
/// notes on hidden survey figures and the city's agreement that ends soon.
fn findings(site: &TestSite) -> Vec<Finding> {
    let (_, findings, _) = brukervalg::check(site.root(), Some(Date::parse(common::TODAY).unwrap()));
    let mut found = findings.into_sorted();
    found.retain(|f| f.severity != Severity::Note && f.message.key() != "agreement.ending");
    found
}

/// The one finding at `file`, which must have `severity` and mention `needle`.
fn at<'a>(found: &'a [Finding], file: &str, severity: Severity, needle: &str) -> &'a Finding {
    let hits: Vec<&Finding> = found.iter().filter(|f| f.file == std::path::Path::new(file)).collect();
    assert_eq!(hits.len(), 1, "one finding at {file}, got:\n{}", common::describe(found));
    let hit = hits[0];
    assert_eq!(hit.severity, severity, "{file}: {}", hit.message);
    let help = hit.help.iter().map(|h| h.to_string()).collect::<Vec<_>>().join(" ");
    assert!(hit.message.contains(needle) || help.contains(needle), "{file}: {} / {help}", hit.message);
    hit
}

#[test]
fn inputs_with_the_wrong_name_or_in_the_wrong_place_are_errors() {
    let site = TestSite::city();
    let profile = site.read(PROFILE);
    site.write("providers/praktisk-bistand/ny-omsorg.YAML", &profile);
    site.write("providers/praktisk-bistand/arkiv/gammel-omsorg.yaml", &profile);
    site.write("providers/praktisk-bistand/ny-skole.md", "## Om oss\n\nTekst.\n");
    site.write("content/tema/om.md", "---\ntitle: Om\nsummary: S\n---\nTekst.\n");
    site.write("content/om.markdown", "---\ntitle: Om\nsummary: S\n---\nTekst.\n");
    site.write("surveys/ny-2026.yml", "name: x\n");
    site.write("templates/ekstra.htm", "<p>x</p>");
    let found = findings(&site);
    at(&found, "providers/praktisk-bistand/ny-omsorg.YAML", Severity::Error, "ny-omsorg.yaml");
    at(&found, "providers/praktisk-bistand/arkiv", Severity::Error, "providers/praktisk-bistand/");
    at(&found, "providers/praktisk-bistand/ny-skole.md", Severity::Error, "ny-skole.yaml");
    at(&found, "content/tema", Severity::Error, "content/");
    at(&found, "content/om.markdown", Severity::Error, "om.md");
    at(&found, "surveys/ny-2026.yml", Severity::Error, "ny-2026.yaml");
    at(&found, "templates/ekstra.htm", Severity::Error, "ekstra.html");
    assert!(site.build().is_err(), "build refuses them as check does");
}

#[test]
fn files_that_only_lie_about_are_warnings() {
    let site = TestSite::city();
    let profile = site.read(PROFILE);
    site.write(&format!("{PROFILE}.orig"), &profile);
    site.write(&format!("{PROFILE}~"), &profile);
    site.write("providers/praktisk-bistand/gammelt-bilde.jpg", "\u{ff}\u{d8}\u{ff}");
    site.write("providers/ukjent-tjeneste/notat.txt", "x");
    site.write("content/notater.txt", "x");
    site.write("surveys/eksport-2025.csv", "provider,question,respondents,mean\n");
    site.write("i18n/en.json", "{}");
    // Hidden files are the system's or git's, not the site's.
    site.write("providers/.DS_Store", "x");
    site.write("content/.gitkeep", "");
    let found = findings(&site);
    at(&found, &format!("{PROFILE}.orig"), Severity::Warning, "backup");
    at(&found, &format!("{PROFILE}~"), Severity::Warning, "backup");
    at(&found, "providers/praktisk-bistand/gammelt-bilde.jpg", Severity::Warning, "image.file");
    at(&found, "providers/ukjent-tjeneste", Severity::Warning, "praktisk-bistand");
    at(&found, "providers/ukjent-tjeneste/notat.txt", Severity::Warning, "neither read nor published");
    at(&found, "content/notater.txt", Severity::Warning, "static/");
    at(&found, "surveys/eksport-2025.csv", Severity::Warning, "results:");
    at(&found, "i18n/en.json", Severity::Warning, "neither read nor published");
    assert!(found.iter().all(|f| !f.file.to_string_lossy().contains(".DS_Store") && !f.file.ends_with(".gitkeep")));
    assert_eq!(found.len(), 8, "nothing else:\n{}", common::describe(&found));
    site.build_ok();
}

#[test]
fn every_file_of_the_example_and_the_city_is_used() {
    for site in [TestSite::example(), TestSite::city()] {
        let found = findings(&site);
        assert!(found.is_empty(), "{}", common::describe(&found));
    }
}

#[test]
fn templates_are_read_as_every_input_is() {
    let site = TestSite::minimal();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("evil.html"), "{{ t.site_name }}").unwrap();
    std::os::unix::fs::symlink(outside.path().join("evil.html"), site.root().join("templates/evil.html")).unwrap();
    let found = findings(&site);
    at(&found, "templates/evil.html", Severity::Error, "link");

    let site = TestSite::minimal();
    let templates = site.root().join("templates");
    let moved = outside.path().join("templates");
    std::fs::rename(&templates, &moved).unwrap_or_else(|_| {
        common::copy_tree(&templates, &moved);
        std::fs::remove_dir_all(&templates).unwrap();
    });
    std::os::unix::fs::symlink(&moved, &templates).unwrap();
    let found = findings(&site);
    at(&found, "templates", Severity::Error, "link");

    let site = TestSite::minimal();
    site.edit("brukervalg.yaml", "language: nb", "language: nb\nlimits:\n  file_max_bytes: 4096");
    site.write("templates/huge.html", &"<p>x</p>\n".repeat(1000));
    let found = findings(&site);
    at(&found, "templates/huge.html", Severity::Error, "4096");
}
