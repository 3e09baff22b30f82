//! Districts as citizens meet them: each district's own office where it has
//! one (on the service page, the district's filter page and the pages of
//! the providers serving it), the deadline to choose, and `districts: all`
//! in a profile.

mod common;

use brukervalg::diagnostics::Severity;
use common::{TestSite, assert_error, attrs, line_of, texts};

const CITY_SERVICE: &str = "tjenester/praktisk-bistand/";
const ALFA: &str = "providers/praktisk-bistand/alfa-omsorg.yaml";
const CONFIG: &str = "brukervalg.yaml";
const VARIANTS: [&str; 4] = ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"];

#[test]
fn the_service_page_lists_every_district_office_once_folded_in_the_contact_section() {
    let site = TestSite::city();
    site.build_ok();
    for variant in VARIANTS {
        let page = site.page(&format!("{variant}{CITY_SERVICE}index.html"));
        let offices = texts(&page, "#kontakt details.offices li");
        assert_eq!(offices.len(), 15, "{variant}: {offices:?}");
        assert!(offices[0].starts_with("Alna: Søknadskontoret i bydel Alna, 21 80 31 11"), "{}", offices[0]);
        assert!(offices[14].starts_with("Østensjø: Søknadskontoret i bydel Østensjø"), "{}", offices[14]);
        // Once each, and only there: the list does not grow with providers.
        assert_eq!(page.matches("mailto:soknad.").count(), 15, "{variant}");
        let summary = if variant.contains("lettlest") {
            "Se telefon og e-post til kontoret i bydelen din (15)"
        } else {
            "Finn kontoret i din bydel (15)"
        };
        assert_eq!(texts(&page, "details.offices summary"), [summary], "{variant}");
    }
}

#[test]
fn a_districts_filter_page_shows_its_own_office() {
    let site = TestSite::city();
    site.build_ok();
    let page = site.page(&format!("{CITY_SERVICE}bydel/grorud/index.html"));
    let office = texts(&page, "p.office");
    assert_eq!(office.len(), 1);
    assert!(office[0].starts_with("Kontoret i bydelen: Søknadskontoret i bydel Grorud, 21 80 35 15"), "{office:?}");
    assert_eq!(attrs(&page, "p.office a.phone", "href"), ["tel:+4721803515"]);
    assert!(!page.contains("soknad.alna@"), "another district's office");
}

#[test]
fn a_provider_page_names_the_offices_of_its_districts_only() {
    let site = TestSite::city();
    site.build_ok();
    for variant in VARIANTS {
        let page = site.page(&format!("{variant}{CITY_SERVICE}byomsorg-as/index.html"));
        let offices = texts(&page, ".choose-this ul.offices li");
        let names: Vec<&str> = offices.iter().map(|o| o.split(':').next().unwrap()).collect();
        assert_eq!(names, ["Alna", "Bjerke", "Grorud", "Stovner"], "{variant}");
        // Every district it serves has an office: no fallback to the switchboard.
        assert!(!texts(&page, ".choose-this").concat().contains("21 80 21 80"), "{variant}");
    }
}

#[test]
fn a_provider_in_every_district_links_to_the_list_of_offices_instead_of_repeating_them() {
    let site = TestSite::city();
    site.build_ok();
    let page = site.page(&format!("{CITY_SERVICE}storby-kommune-hjemmetjenesten/index.html"));
    assert_eq!(page.matches("mailto:soknad.").count(), 0);
    assert_eq!(attrs(&page, ".choose-this a", "href")[0], "../#kontakt");
    // The list it links to is in that section of the service page.
    let service = site.page(&format!("{CITY_SERVICE}index.html"));
    assert_eq!(texts(&service, "#kontakt details.offices").len(), 1);
}

#[test]
fn districts_without_an_office_keep_the_services_contact() {
    let site = TestSite::minimal();
    site.edit(
        CONFIG,
        "  - id: sentrum\n    name: Sentrum\n",
        "  - id: sentrum\n    name: Sentrum\n    contact:\n      name: Kontoret i Sentrum\n      phone: \"11 22 33 01\"\n",
    );
    site.edit(
        "providers/praktisk-bistand/alfa-omsorg.yaml",
        "districts: [sentrum]",
        "districts: [sentrum, nordre-asen]",
    );
    site.build_ok();
    let page = site.page("tjenester/praktisk-bistand/alfa-omsorg/index.html");
    assert_eq!(texts(&page, ".choose-this ul.offices li"), ["Sentrum: Kontoret i Sentrum, 11 22 33 01"]);
    let choose = texts(&page, ".choose-this p").join(" | ");
    assert!(choose.contains("Bor du i en annen bydel, sier du fra til Tildelingskontoret"), "{choose}");
    // A site without any office says what it always said.
    let plain = TestSite::minimal();
    plain.build_ok();
    let page = plain.page("tjenester/praktisk-bistand/alfa-omsorg/index.html");
    assert!(texts(&page, ".choose-this p")[0].starts_with("Vil du ha denne leverandøren, sier du fra til"));
    assert!(texts(&page, ".offices").is_empty());
    assert!(texts(&plain.page("tjenester/praktisk-bistand/index.html"), ".offices").is_empty());
}

#[test]
fn phone_numbers_of_offices_do_not_break_across_lines() {
    let site = TestSite::city();
    site.build_ok();
    let page = site.page(&format!("{CITY_SERVICE}index.html"));
    let phones = attrs(&page, ".offices a[href^='tel:']", "class");
    assert_eq!(phones.len(), 15);
    assert!(phones.iter().all(|c| c == "phone"), "{phones:?}");
    let css = site.read("static/assets/style.css");
    // Every phone link keeps together (issue 22), these included.
    assert!(css.contains("a[href^=\"tel:\"], .nowrap { white-space: nowrap; }"));
}

#[test]
fn a_district_office_is_checked_like_any_contact() {
    let site = TestSite::city();
    site.edit(CONFIG, "phone: \"21 80 31 11\"", "phone: \"21 80 31\"");
    let line = line_of(&site, CONFIG, "phone: \"21 80 31\"");
    assert_error(&site.errors(), CONFIG, line, "phone");
    let site = TestSite::city();
    site.edit(CONFIG, "      name: Søknadskontoret i bydel Alna\n", "");
    let line = line_of(&site, CONFIG, "- id: alna");
    assert_error(&site.errors(), CONFIG, line, "name");
}

#[test]
fn open_data_carries_each_districts_office() {
    let site = TestSite::city();
    site.build_ok();
    let json: serde_json::Value = serde_json::from_str(&site.page("data/providers.json")).unwrap();
    let districts = json["districts"].as_array().unwrap();
    assert_eq!(districts.len(), 15);
    assert_eq!(districts[0]["id"], "alna");
    assert_eq!(districts[0]["office"], "Søknadskontoret i bydel Alna");
    assert_eq!(districts[0]["phone"], "21803111");
    assert_eq!(districts[0]["email"], "soknad.alna@storby.kommune.no");
}

#[test]
fn the_deadline_is_shown_where_the_citizen_is_told_how_to_choose() {
    let site = TestSite::city();
    site.build_ok();
    let standard = "Frist: Velg innen 14 dager etter at du fikk vedtaket fra bydelen.";
    // Lettlest explains «vedtaket» in place (the glossary).
    let plain = "Frist: Du må velge innen 14 dager etter at du fikk vedtaket (brevet fra kommunen om hva du får).";
    for variant in VARIANTS {
        let wanted = if variant.contains("lettlest") { plain } else { standard };
        let service = site.page(&format!("{variant}{CITY_SERVICE}index.html"));
        assert_eq!(texts(&service, "#slik-velger-du p.deadline"), [wanted], "{variant}");
        let compare = site.page(&format!("{variant}{CITY_SERVICE}sammenlign/index.html"));
        assert_eq!(texts(&compare, "p.deadline"), [wanted], "{variant}");
        let provider = site.page(&format!("{variant}{CITY_SERVICE}byomsorg-as/index.html"));
        assert_eq!(texts(&provider, ".choose-this p.deadline"), [wanted], "{variant}");
    }
}

#[test]
fn a_plain_deadline_that_drops_the_number_of_days_is_warned_about() {
    let site = TestSite::city();
    site.edit(CONFIG, "deadline_plain: Du må velge innen 14 dager", "deadline_plain: Du må velge raskt");
    let line = line_of(&site, CONFIG, "deadline_plain:");
    let warnings = site.build_ok().findings;
    assert!(
        warnings.iter().any(|f| f.severity == Severity::Warning
            && f.file == std::path::Path::new(CONFIG)
            && f.position.line == line
            && f.message.contains("14")),
        "{}",
        common::describe(&warnings)
    );
}

#[test]
fn districts_all_is_every_district_of_the_site_also_one_added_later() {
    let site = TestSite::city();
    site.edit(
        CONFIG,
        "services:",
        "  - id: nydal\n    name: Nydal\n    contact:\n      name: Søknadskontoret i bydel Nydal\n      phone: \"21 80 99 99\"\nservices:",
    );
    site.build_ok();
    let page = site.page(&format!("{CITY_SERVICE}storby-kommune-hjemmetjenesten/index.html"));
    let districts = texts(&page, "dl.facts dd")[1].clone();
    assert!(districts.starts_with("Alna, Bjerke"), "{districts}");
    assert!(districts.ends_with("Østensjø, Nydal"), "{districts}");
    // Only the municipality serves the new district: its filter page lists it.
    let filter = site.page(&format!("{CITY_SERVICE}bydel/nydal/index.html"));
    let rows: Vec<String> = attrs(&filter, "tr[data-provider]:not([hidden])", "data-provider");
    assert_eq!(rows, ["storby-kommune-hjemmetjenesten"]);
}

#[test]
fn a_district_named_twice_is_a_located_warning_and_shown_once() {
    let site = TestSite::minimal();
    site.edit(ALFA, "districts: [sentrum]", "districts:\n  - sentrum\n  - nordre-asen\n  - sentrum");
    let report = site.build_ok();
    let line = line_of(&site, ALFA, "districts:") + 3;
    let twice: Vec<_> = report.findings.iter().filter(|f| f.message.contains("listed twice")).collect();
    assert_eq!(twice.len(), 1, "{}", common::describe(&report.findings));
    assert_eq!((twice[0].severity, twice[0].position.line), (Severity::Warning, line));
    let page = site.page("tjenester/praktisk-bistand/alfa-omsorg/index.html");
    assert!(page.contains("<dd>Sentrum, Nordre Åsen</dd>") || page.contains("<dd>Sentrum, Nordre Åsen<"), "{page}");
}

#[test]
fn all_inside_a_list_says_to_write_districts_all() {
    // `[all]` alone is what the profile form writes for `all`, and is read
    // so (tests/cms_config.rs); `all` among ids, or `alle`, is an error.
    for list in ["alle", "sentrum, all"] {
        let site = TestSite::minimal();
        site.edit(ALFA, "districts: [sentrum]", &format!("districts: [{list}]"));
        let line = line_of(&site, ALFA, "districts:");
        let e = assert_error(&site.errors(), ALFA, line, "is not a district");
        assert!(e.help.unwrap().contains("`districts: all`"), "{list}");
    }
    let site = TestSite::minimal();
    site.edit(ALFA, "districts: [sentrum]", "districts: alle");
    let line = line_of(&site, ALFA, "districts:");
    let e = assert_error(&site.errors(), ALFA, line, "must be a list of districts or the word `all`");
    assert!(e.help.unwrap().contains("[sentrum]"));
}

#[test]
fn a_plain_deadline_without_the_deadline_is_an_error_at_its_line() {
    let site = TestSite::city();
    site.edit(CONFIG, "    deadline: Velg innen 14 dager etter at du fikk vedtaket fra bydelen.\n", "");
    let line = line_of(&site, CONFIG, "deadline_plain:");
    let e = assert_error(&site.errors(), CONFIG, line, "`deadline_plain` is given without `deadline`");
    assert!(e.help.unwrap().contains("`deadline`"));
}
