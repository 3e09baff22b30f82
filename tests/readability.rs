//! Texts that are hard to read are warned about at their own line, and a
//! build sums up the site's readability.

mod common;

use common::TestSite;

const ALFA: &str = "providers/praktisk-bistand/alfa-omsorg.yaml";

#[test]
fn a_plain_text_above_the_lix_limit_is_warned_about_at_its_line() {
    let site = TestSite::minimal();
    let hard = "Tjenesteleverandøren gjennomfører kvalitetssikringsarbeid kontinuerlig gjennom systematiske \
                brukerundersøkelser, internrevisjoner, kompetanseutviklingstiltak og dokumentasjonsrutiner \
                innenfor kommunens overordnede kvalitetssystem og avtaleverk";
    site.edit(ALFA, "description_plain: En privat bedrift.", &format!("description_plain: {hard}"));
    let report = site.build_ok();
    let w = report.findings.iter().find(|f| f.message.contains("hard to read")).expect("a LIX warning");
    assert_eq!(w.file, std::path::Path::new(ALFA));
    assert_eq!(w.position.line, 17);
    assert!(w.message.contains("`description_plain`") && w.message.contains("plain-language"), "{}", w.message);
    assert_eq!(report.readability.plain.over_limit, 1);
}

#[test]
fn the_same_text_passes_as_a_standard_text_when_the_limit_is_raised() {
    let site = TestSite::minimal();
    site.edit("brukervalg.yaml", "districts:", "limits:\n  lix_plain_max: 200\ndistricts:");
    let hard = "Tjenesteleverandøren gjennomfører kvalitetssikringsarbeid kontinuerlig gjennom systematiske \
                brukerundersøkelser, internrevisjoner, kompetanseutviklingstiltak og dokumentasjonsrutiner \
                innenfor kommunens overordnede kvalitetssystem og avtaleverk";
    site.edit(ALFA, "description_plain: En privat bedrift.", &format!("description_plain: {hard}"));
    let report = site.build_ok();
    assert!(!report.findings.iter().any(|f| f.message.contains("hard to read")));
}

#[test]
fn the_example_municipality_is_within_the_limits() {
    let report = TestSite::example().build_ok();
    let r = &report.readability;
    assert!(r.standard.texts > 30 && r.plain.texts > 30, "{r}");
    assert_eq!((r.standard.over_limit, r.plain.over_limit), (0, 0), "{r}");
    assert!(r.plain.median.unwrap() < 30.0, "{r}");
}

#[test]
fn short_facts_may_have_a_plain_version_and_are_held_to_the_plain_limit_without_one() {
    let site = TestSite::minimal();
    site.edit(ALFA, "  staff_per_month: 3", "  staff_per_month: 3\n  note: Kontinuitetsforpliktelser implementeres gjennom primærkontaktordninger\n  note_plain: Du får en fast kontaktperson.");
    site.edit(
        "brukervalg.yaml",
        "    notice_period: 1 måned",
        "    notice_period: 1 måned\n    notice_period_plain: En måned",
    );
    site.build_ok();
    let plain = site.page("lettlest/tjenester/praktisk-bistand/alfa-omsorg/index.html");
    assert!(plain.contains("Du får en fast kontaktperson.") && plain.contains("En måned"), "{plain}");
    let standard = site.page("tjenester/praktisk-bistand/alfa-omsorg/index.html");
    assert!(standard.contains("Kontinuitetsforpliktelser") && standard.contains("1 måned"));

    let site = TestSite::minimal();
    let hard = "Kontinuitetsforpliktelser implementeres gjennom primærkontaktordninger, \
                tverrfaglige samhandlingsrutiner, kompetansehevingstiltak, turnusplanlegging og systematisk \
                avviksbehandling innenfor kommunens overordnede kvalitetssystem og avtaleverk";
    site.edit(ALFA, "  staff_per_month: 3", &format!("  staff_per_month: 3\n  note: {hard}"));
    let report = site.build_ok();
    let w = report
        .findings
        .iter()
        .find(|f| f.message.contains("`continuity.note` is hard to read"))
        .expect("a LIX warning");
    assert_eq!(w.position.line, 24);
}
