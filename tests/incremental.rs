//! `serve` rebuilds incrementally: after an edit it renders only the pages
//! whose inputs changed and takes the others from the last build. Whatever
//! the edit, the result must be byte for byte what a full build of the
//! same files writes.

mod common;
mod generated;

use std::path::PathBuf;

use brukervalg::cmd::serve::{Outcome, Preview};
use brukervalg::diagnostics::Finding;
use brukervalg::domain::Date;
use common::{TestSite, snapshot};

/// What an incremental rebuild did.
struct Rebuilt {
    pages: usize,
    reused: usize,
}

/// Builds `site` in a preview, applies `edit`, rebuilds, and asserts that
/// the result equals a full build and differs from the build before.
fn rebuild_after(site: &TestSite, edit: impl FnOnce(&TestSite, &mut Preview)) -> Rebuilt {
    let mut preview = Preview::new(site.root(), Some(Date::parse(common::TODAY).unwrap())).unwrap();
    let current = |preview: &Preview| preview.state().snapshot().site.unwrap().contents().unwrap();
    assert!(matches!(preview.rebuild(), Outcome::Built(_)), "the first build fails");
    let before = current(&preview);
    edit(site, &mut preview);
    let report = match preview.rebuild() {
        Outcome::Built(report) => report,
        Outcome::Failed(findings) => panic!("the rebuild failed:\n{}", common::describe(&findings)),
    };
    let incremental = current(&preview);
    assert_ne!(incremental, before, "the edit changes the site");

    let full = tempfile::tempdir().unwrap();
    site.build_into(&full.path().join("site")).unwrap();
    // `build` marks its output folder as its own; the site is the rest.
    let mut full = snapshot(&full.path().join("site"));
    full.retain(|(path, _)| path.as_os_str() != brukervalg::output::MARKER);
    let names = |files: &[(PathBuf, Vec<u8>)]| files.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&incremental), names(&full), "the same files");
    for ((path, a), (_, b)) in incremental.iter().zip(&full) {
        assert!(a == b, "{} differs from a full build", path.display());
    }
    Rebuilt { pages: report.pages, reused: report.reused }
}

#[test]
fn a_profile_edit_renders_only_the_pages_it_appears_on() {
    let site = TestSite::example();
    let rebuilt = rebuild_after(&site, |s, _| {
        s.edit("providers/praktisk-bistand/trygg-hverdag-as.yaml", "description: >", "description: >\n  Endret.");
    });
    // Lists do not show the description: only its own page changes, in
    // four variants; everything else is taken from the last build.
    assert_eq!(rebuilt.pages - rebuilt.reused, 4, "{} of {} pages reused", rebuilt.reused, rebuilt.pages);
}

#[test]
fn a_content_page_edit_gives_a_full_builds_bytes() {
    let site = TestSite::example();
    let rebuilt = rebuild_after(&site, |s, _| {
        s.edit("content/klage.md", "Det koster ingenting å klage.", "Det er gratis å klage.");
    });
    // The body is shown on its own page only (lists and the footer show
    // titles and summaries): its four variants are rendered again.
    assert_eq!(rebuilt.pages - rebuilt.reused, 4, "{} of {} pages reused", rebuilt.reused, rebuilt.pages);
}

#[test]
fn a_survey_edit_gives_a_full_builds_bytes() {
    let site = TestSite::example();
    rebuild_after(&site, |s, _| {
        s.edit("surveys/praktisk-bistand-2026.csv", "respekt,56,5.1", "respekt,56,4.2");
    });
}

#[test]
fn a_headline_survey_edit_reaches_the_plain_district_pages() {
    // The headline figure is what lists and filter pages show (issue 21:
    // lettlest district pages kept the old figure after a CSV edit).
    let site = TestSite::example();
    rebuild_after(&site, |s, _| {
        s.edit("surveys/praktisk-bistand-2026.csv", "trygg-hverdag-as,helhet,44,4.8", "trygg-hverdag-as,helhet,44,3.9");
    });
}

#[test]
fn a_headline_survey_edit_in_the_city_reaches_every_district_page() {
    let site = TestSite::city();
    rebuild_after(&site, |s, _| {
        s.edit("surveys/praktisk-bistand-2026.csv", "byomsorg-as,helhet,18,4.7", "byomsorg-as,helhet,18,3.6");
    });
}

#[test]
fn a_dont_know_edit_gives_a_full_builds_bytes() {
    let site = TestSite::example();
    rebuild_after(&site, |s, _| {
        s.edit(
            "surveys/hjemmesykepleie-2026.csv",
            "fjordvik-kommune-hjemmetjenesten,respekt,0,0,2,10,27,27,1",
            "fjordvik-kommune-hjemmetjenesten,respekt,0,0,2,10,27,27,9",
        );
    });
}

#[test]
fn a_configuration_edit_gives_a_full_builds_bytes() {
    let site = TestSite::example();
    rebuild_after(&site, |s, _| {
        s.edit("brukervalg.yaml", "municipality: Fjordvik kommune", "municipality: Fjordvik herad");
    });
}

#[test]
fn a_template_edit_renders_every_page_again() {
    let site = TestSite::example();
    let rebuilt = rebuild_after(&site, |s, _| {
        s.edit("templates/contact.html", "<dt>{{ t.contact_phone }}</dt>", "<dt>{{ t.contact_phone }}:</dt>");
    });
    assert_eq!(rebuilt.reused, 0, "every page includes the templates");
}

#[test]
fn a_ui_string_edit_gives_a_full_builds_bytes() {
    let site = TestSite::example();
    rebuild_after(&site, |s, _| {
        s.edit("i18n/nb.yaml", "nav_home: Forside", "nav_home: Framside");
    });
}

#[test]
fn an_added_provider_gives_a_full_builds_bytes() {
    let site = TestSite::example();
    rebuild_after(&site, |s, _| {
        s.write("providers/praktisk-bistand/leverandor-00001.yaml", &generated::profile(1));
    });
}

#[test]
fn a_deleted_provider_gives_a_full_builds_bytes() {
    let site = TestSite::example();
    site.write("providers/praktisk-bistand/leverandor-00001.yaml", &generated::profile(1));
    rebuild_after(&site, |s, _| {
        s.remove("providers/praktisk-bistand/leverandor-00001.yaml");
    });
}

#[test]
fn a_failed_rebuild_keeps_the_memo_of_the_last_good_one() {
    let site = TestSite::example();
    rebuild_after(&site, |s, preview| {
        let profile = "providers/praktisk-bistand/trygg-hverdag-as.yaml";
        let good = s.read(profile);
        s.write(profile, "name: [");
        assert!(matches!(preview.rebuild(), Outcome::Failed(_)));
        s.write(profile, &good.replace("description: >", "description: >\n  Endret."));
    });
}

// The edits below each change an input that reaches pages by another road
// than the edited file's own pages: the keys in `render::inputs` must
// follow every one of them. Lists are split into pages of five, so that
// some list pages do not show the edited provider but do show its effects
// (filter counts, the default provider).

fn paged_example() -> TestSite {
    let site = TestSite::example();
    let config = site.read("brukervalg.yaml");
    site.write("brukervalg.yaml", &format!("{config}listing:\n  page_size: 5\n"));
    site
}

#[test]
fn a_renamed_provider_moves_in_every_list_and_gives_a_full_builds_bytes() {
    let site = paged_example();
    rebuild_after(&site, |s, _| {
        s.edit("providers/praktisk-bistand/trygg-hverdag-as.yaml", "name: Trygg Hverdag AS", "name: Aaa Trygg AS");
    });
}

#[test]
fn a_provider_in_other_districts_changes_the_filters_as_a_full_build_does() {
    let site = paged_example();
    rebuild_after(&site, |s, _| {
        s.edit(
            "providers/praktisk-bistand/trygg-hverdag-as.yaml",
            "districts: [sentrum, nordre-asen, hagevik, bjorkedalen, brattli]",
            "districts: [sentrum, storoy]",
        );
    });
}

#[test]
fn an_edit_of_the_default_provider_reaches_its_services_pages() {
    let site = paged_example();
    rebuild_after(&site, |s, _| {
        s.edit(
            "providers/praktisk-bistand/fjordvik-kommune-hjemmetjenesten.yaml",
            "name: Fjordvik kommune, hjemmetjenesten",
            "name: Fjordvik kommune, heimetenesta",
        );
    });
}

#[test]
fn a_district_offices_phone_edit_reaches_every_page_showing_it() {
    let site = TestSite::city();
    rebuild_after(&site, |s, _| {
        s.edit("brukervalg.yaml", "phone: \"21 80 35 15\"", "phone: \"21 80 35 99\"");
    });
}

#[test]
fn an_agreement_that_ends_by_an_edit_leaves_every_list_as_a_full_build_does() {
    let site = TestSite::city();
    rebuild_after(&site, |s, _| {
        s.edit("providers/praktisk-bistand/hjemme-i-byen-as.yaml", "until: 2027-01-31", "until: 2026-11-01");
    });
    // And one that is renewed comes back.
    let site = TestSite::city();
    rebuild_after(&site, |s, _| {
        s.edit("providers/praktisk-bistand/hjemme-i-byen-as.yaml", "until: 2027-01-31", "until: 2029-01-31");
    });
}

#[test]
fn a_district_renamed_in_the_configuration_reaches_every_page_naming_it() {
    let site = paged_example();
    rebuild_after(&site, |s, _| {
        s.edit("brukervalg.yaml", "    name: Nordre Åsen", "    name: Nordre Åsen og Li");
    });
}

#[test]
fn a_glossary_edit_reaches_the_plain_pages() {
    let site = paged_example();
    rebuild_after(&site, |s, _| {
        s.edit(
            "i18n/glossary.nb.yaml",
            "explanation: brevet fra kommunen om hva du får",
            "explanation: brevet fra kommunen om hjelpen du får",
        );
    });
}

#[test]
fn an_edit_of_the_sites_own_glossary_reaches_the_plain_pages() {
    let site = paged_example();
    rebuild_after(&site, |s, _| {
        s.edit(
            "glossary.nb.yaml",
            "explanation: kontoret i kommunen som bestemmer hvilken hjelp du får",
            "explanation: kontoret i kommunen som bestemmer hjelpen du får",
        );
    });
}

#[test]
fn a_page_title_edit_reaches_every_footer() {
    let site = paged_example();
    let rebuilt = rebuild_after(&site, |s, _| {
        s.edit("content/klage.md", "title: Slik klager du", "title: Slik klager du på hjelpen");
    });
    assert_eq!(rebuilt.reused, 0, "every page lists the information pages");
}

// serve does not read a profile again whose files did not change
// (`load::ProfileCache`); a change to any of them must still be seen.

#[test]
fn a_self_description_edit_gives_a_full_builds_bytes() {
    let site = TestSite::example();
    rebuild_after(&site, |s, _| {
        let text = s.read("providers/skole/hagevik-skole.md");
        s.write("providers/skole/hagevik-skole.md", &format!("{text}\nVi har fått ny gymsal.\n"));
    });
}

#[cfg(unix)]
#[test]
fn a_profile_that_becomes_a_link_is_refused_on_the_next_rebuild() {
    let site = TestSite::example();
    let mut preview = Preview::new(site.root(), Some(Date::parse(common::TODAY).unwrap())).unwrap();
    assert!(matches!(preview.rebuild(), Outcome::Built(_)));
    let profile = site.root().join("providers/praktisk-bistand/trygg-hverdag-as.yaml");
    let elsewhere = tempfile::tempdir().unwrap();
    let moved = elsewhere.path().join("profil.yaml");
    std::fs::rename(&profile, &moved).unwrap();
    std::os::unix::fs::symlink(&moved, &profile).unwrap();
    let Outcome::Failed(findings) = preview.rebuild() else { panic!("a linked profile was read") };
    assert!(
        findings.iter().any(|f| f.file.ends_with("trygg-hverdag-as.yaml") && f.message.key() == "file.symlink"),
        "{}",
        common::describe(&findings)
    );
}

/// The findings of a rebuild after `edit`, in a preview that built before.
fn findings_after(site: &TestSite, edit: impl FnOnce(&TestSite)) -> (Vec<&'static str>, Vec<&'static str>) {
    let mut preview = Preview::new(site.root(), Some(Date::parse(common::TODAY).unwrap())).unwrap();
    let keys = |outcome: Outcome| match outcome {
        Outcome::Built(report) => report.findings.iter().map(|f| f.message.key()).collect::<Vec<_>>(),
        Outcome::Failed(findings) => panic!("the build failed:\n{}", common::describe(&findings)),
    };
    let before = keys(preview.rebuild());
    edit(site);
    (before, keys(preview.rebuild()))
}

#[test]
fn a_plain_text_that_drops_a_fact_is_warned_about_on_the_next_rebuild() {
    let site = TestSite::example();
    let (before, after) = findings_after(&site, |s| {
        s.edit("content/klage.lettlest.md", "Du har fire uker på deg. De fire ukene", "De ukene");
    });
    assert!(!before.contains(&"plain.fact_missing"), "{before:?}");
    assert!(after.contains(&"plain.fact_missing"), "{after:?}");
}

#[test]
fn a_word_the_glossary_comes_to_avoid_is_warned_about_on_the_next_rebuild() {
    let site = TestSite::example();
    let (before, after) = findings_after(&site, |s| {
        s.edit(
            "i18n/glossary.nb.yaml",
            "      - words: [tjenesteyter, tjenesteyteren, tjenesteytere]",
            "      - words: [tjenesteyter, tjenesteyteren, tjenesteytere, klagen]",
        );
    });
    assert!(!before.contains(&"plain.avoided_word"), "{before:?}");
    assert!(after.contains(&"plain.avoided_word"), "{after:?}");
}

#[test]
fn a_name_edit_that_keeps_the_order_reaches_every_list() {
    let site = paged_example();
    let rebuilt = rebuild_after(&site, |s, _| {
        s.edit(
            "providers/praktisk-bistand/trygg-hverdag-as.yaml",
            "name: Trygg Hverdag AS",
            "name: Trygg Hverdag Fjordvik AS",
        );
    });
    assert!(rebuilt.pages - rebuilt.reused > 4, "the lists show the name");
}

// serve does not validate a profile again that was read unchanged
// (`validate::cache`); whatever else validation reads must still be
// followed, and the findings must be a full build's, in its order.

/// The findings of a rebuild after `edit`, asserted to be those of a
/// full build of the same files (good or failed), in the same order.
fn findings_as_a_full_build_after(site: &TestSite, edit: impl FnOnce(&TestSite)) -> Vec<Finding> {
    let mut preview = Preview::new(site.root(), Some(Date::parse(common::TODAY).unwrap())).unwrap();
    let findings = |outcome: Outcome| match outcome {
        Outcome::Built(report) => report.findings,
        Outcome::Failed(findings) => findings,
    };
    findings(preview.rebuild());
    edit(site);
    let rebuilt = findings(preview.rebuild());
    let full = tempfile::tempdir().unwrap();
    let full = match site.build_into(&full.path().join("site")) {
        Ok(report) => report.findings,
        Err(failure) => failure.findings,
    };
    assert_eq!(common::describe(&rebuilt), common::describe(&full), "a rebuild finds what a full build finds");
    assert_eq!(rebuilt, full);
    rebuilt
}

fn keys(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.message.key()).collect()
}

#[test]
fn a_profile_edit_that_breaks_a_rule_is_found_on_the_next_rebuild() {
    let site = TestSite::example();
    let found = findings_as_a_full_build_after(&site, |s| {
        s.edit("providers/praktisk-bistand/trygg-hverdag-as.yaml", "[nb, en, pl, so, fa]", "[nb, en, pl, so, xx]");
    });
    assert!(keys(&found).contains(&"language.unknown"), "{found:?}");
}

#[test]
fn a_profile_edit_that_gives_a_warning_is_warned_about_on_the_next_rebuild() {
    let site = TestSite::example();
    let profile = "providers/praktisk-bistand/trygg-hverdag-as.yaml";
    let checked = site.read(profile).lines().find(|l| l.starts_with("last_checked:")).unwrap().to_string();
    let found = findings_as_a_full_build_after(&site, |s| {
        s.edit(profile, &checked, "last_checked: 2020-01-15");
    });
    assert!(keys(&found).contains(&"provider.stale"), "{found:?}");
}

#[test]
fn a_change_of_the_limits_reaches_profiles_that_did_not_change() {
    let site = TestSite::example();
    let found = findings_as_a_full_build_after(&site, |s| {
        let config = s.read("brukervalg.yaml");
        s.write("brukervalg.yaml", &format!("{config}limits:\n  stale_after_months: 1\n"));
    });
    assert!(keys(&found).iter().filter(|k| **k == "provider.stale").count() > 1, "{found:?}");
}

#[test]
fn a_district_that_changes_its_id_is_unknown_to_profiles_that_did_not_change() {
    let site = TestSite::example();
    let found = findings_as_a_full_build_after(&site, |s| {
        s.edit("brukervalg.yaml", "  - id: sentrum\n", "  - id: sentrum-vest\n");
    });
    assert!(keys(&found).contains(&"district.unknown"), "{found:?}");
}

#[test]
fn an_organisation_number_taken_by_another_profile_is_found_on_the_next_rebuild() {
    let site = TestSite::example();
    let found = findings_as_a_full_build_after(&site, |s| {
        s.edit("providers/praktisk-bistand/trygg-hverdag-as.yaml", "\"899603087\"", "\"819935181\"");
    });
    assert!(keys(&found).contains(&"org_number.twice"), "{found:?}");
}

#[test]
fn a_photo_removed_beside_an_unchanged_profile_is_found_missing_on_the_next_rebuild() {
    let site = TestSite::example();
    let profile = "providers/praktisk-bistand/trygg-hverdag-as.yaml";
    site.edit(profile, "last_checked:", "image:\n  file: foto.jpg\n  alt: Ansatte i Trygg Hverdag\nlast_checked:");
    site.write("providers/praktisk-bistand/foto.jpg", "\u{ff}\u{d8}\u{ff}");
    let found = findings_as_a_full_build_after(&site, |s| {
        s.remove("providers/praktisk-bistand/foto.jpg");
    });
    assert!(keys(&found).contains(&"image.missing"), "{found:?}");
}

#[test]
fn a_language_renamed_in_the_ui_strings_reaches_the_pages_of_unchanged_profiles() {
    let site = TestSite::example();
    rebuild_after(&site, |s, _| {
        s.edit("i18n/nb.yaml", "  pl: polsk\n", "  pl: polsk språk\n");
    });
}

// The open data is made of each provider's record, kept between rebuilds
// (`render::open_data::RecordCache`); a record shows more of the site than
// its provider.

#[test]
fn a_new_address_of_the_site_reaches_every_record_of_the_open_data() {
    let site = TestSite::example();
    rebuild_after(&site, |s, _| {
        s.edit(
            "brukervalg.yaml",
            "base_url: https://brukervalg.fjordvik.kommune.no/",
            "base_url: https://fjordvik.no/",
        );
    });
}

#[test]
fn another_default_provider_is_marked_in_the_open_data() {
    let site = TestSite::example();
    rebuild_after(&site, |s, _| {
        let config = s.read("brukervalg.yaml");
        let config = config.replacen(
            "default_provider: fjordvik-kommune-hjemmetjenesten",
            "default_provider: stiftelsen-fjordvik-diakoni",
            1,
        );
        s.write("brukervalg.yaml", &config);
    });
}

#[test]
fn a_renamed_service_reaches_every_record_of_its_providers() {
    let site = TestSite::example();
    rebuild_after(&site, |s, _| {
        s.edit("brukervalg.yaml", "name: Praktisk bistand", "name: Praktisk hjelp");
    });
}

#[test]
fn an_indicator_values_edit_gives_a_full_builds_bytes() {
    let site = TestSite::example();
    let before = site.read("indicators/praktisk-bistand.csv");
    let line = before.lines().nth(1).unwrap().to_string();
    let (start, _) = line.rsplit_once(',').unwrap();
    let rebuilt = rebuild_after(&site, |s, _| {
        s.edit("indicators/praktisk-bistand.csv", &line, &format!("{start},42"));
    });
    // The figure is on the provider's page and in every list and
    // side-by-side page of the service that has its row, not elsewhere.
    assert!(rebuilt.reused > 0);
}

#[test]
fn an_indicator_renamed_in_the_configuration_reaches_every_page_showing_it() {
    let site = TestSite::example();
    rebuild_after(&site, |s, _| {
        s.edit("brukervalg.yaml", "name: Andel besøk som startet til avtalt tid", "name: Andel besøk i tide");
    });
}

#[test]
fn an_inspection_edit_gives_a_full_builds_bytes() {
    let site = TestSite::example();
    rebuild_after(&site, |s, _| {
        s.edit("providers/praktisk-bistand/nordlys-hjemmetjenester-as.yaml", "follow_up: open", "follow_up: closed");
    });
}

#[test]
fn an_added_inspection_gives_a_full_builds_bytes() {
    let site = TestSite::example();
    let file = "providers/praktisk-bistand/stiftelsen-livskraft-omsorg.yaml";
    rebuild_after(&site, |s, _| {
        let text = s.read(file);
        s.write(
            file,
            &format!(
                "{text}inspections:\n  - date: 2026-10-01\n    by: Fjordvik kommune, tilsynsteamet\n    summary: Ingen avvik.\n    follow_up: closed\n"
            ),
        );
    });
}
