//! Agreements that begin and end (`admission.from`, `admission.until`), as
//! they stand on the build date (`--today`): a provider whose agreement has
//! ended, or not yet begun, is not offered (no list, filter, count or
//! comparison has it) but keeps its page with a notice; one that ends soon
//! is announced; `check` warns at `admission.until`.

mod common;

use brukervalg::diagnostics::{Finding, Severity};
use brukervalg::domain::Date;
use brukervalg::{BuildOptions, BuildReport};
use common::{TestSite, assert_error, attrs, describe, line_of, texts};

const SERVICE: &str = "tjenester/praktisk-bistand/";
const ENDING: &str = "providers/praktisk-bistand/hjemme-i-byen-as.yaml";
const BYOMSORG: &str = "providers/praktisk-bistand/byomsorg-as.yaml";
const CONFIG: &str = "brukervalg.yaml";
const VARIANTS: [&str; 4] = ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"];
/// The last day of hjemme-i-byen-as's agreement in the city fixture.
const LAST_DAY: &str = "2027-01-31";

fn build_on(site: &TestSite, today: &str) -> BuildReport {
    let options = BuildOptions {
        root: site.root().to_path_buf(),
        output: site.output(),
        today: Some(Date::parse(today).unwrap()),
    };
    brukervalg::build(&options, &|_, _| {}).unwrap_or_else(|f| panic!("build failed:\n{}", describe(&f.findings)))
}

fn warnings_about<'a>(report: &'a BuildReport, needle: &str) -> Vec<&'a Finding> {
    report.findings.iter().filter(|f| f.severity == Severity::Warning && f.message.contains(needle)).collect()
}

/// Every list page of the service (its list, filters, comparison) in every
/// variant, with its text.
fn list_pages(site: &TestSite) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for variant in VARIANTS {
        let root = site.output().join(format!("{variant}{SERVICE}"));
        for entry in walkdir::WalkDir::new(&root).into_iter().filter_map(Result::ok) {
            let path = entry.path();
            let relative = path.strip_prefix(&root).unwrap().to_string_lossy().to_string();
            let is_list = relative == "index.html"
                || relative.starts_with("bydel/")
                || relative.starts_with("sprak/")
                || relative.starts_with("eierskap/")
                || relative.starts_with("kapasitet/")
                || relative.starts_with("sammenlign/");
            if is_list && relative.ends_with(".html") {
                out.push((format!("{variant}{relative}"), std::fs::read_to_string(path).unwrap()));
            }
        }
    }
    assert!(out.len() > 20, "{} list pages", out.len());
    out
}

#[test]
fn an_ended_agreement_is_no_longer_offered_anywhere_a_citizen_chooses() {
    let site = TestSite::city();
    build_on(&site, "2027-02-01");
    for (page, html) in list_pages(&site) {
        assert!(!attrs(&html, "[data-provider]", "data-provider").contains(&"hjemme-i-byen-as".to_string()), "{page}");
        // Only the service's own list names it, apart, as not offered.
        let named = html.contains("hjemme-i-byen-as/");
        let own_list = VARIANTS.iter().any(|v| page == format!("{v}index.html"));
        assert!(!named || own_list, "{page} links to it");
    }
    let service = site.page(&format!("{SERVICE}index.html"));
    assert_eq!(attrs(&service, "tbody tr[data-provider]", "data-provider").len(), 4);
    assert!(service.contains("4 godkjente leverandører"));
    // Frogner was served by it and the municipality: one is left.
    let frogner = site.page(&format!("{SERVICE}bydel/frogner/index.html"));
    assert!(texts(&frogner, "[data-filter-count]")[0].starts_with("1 "));
    assert_eq!(attrs(&frogner, "tr[data-provider]:not([hidden])", "data-provider"), ["storby-kommune-hjemmetjenesten"]);
    let sitemap = site.page("sitemap.xml");
    assert!(!sitemap.contains("hjemme-i-byen-as"));
    assert!(sitemap.contains("byomsorg-as"));
}

#[test]
fn an_ended_agreements_page_stays_and_tells_its_users_to_choose_again() {
    let site = TestSite::city();
    let report = build_on(&site, "2027-02-01");
    for variant in VARIANTS {
        let page = site.page(&format!("{variant}{SERVICE}hjemme-i-byen-as/index.html"));
        let notice = texts(&page, "p.notice.agreement");
        let wanted = if variant.contains("lettlest") {
            // The glossary explains «leverandøren» in place.
            "Kommunen har ikke lenger avtale med denne leverandøren (den som gir deg hjelpen). Avtalen sluttet 31. januar 2027. Har du hjelp fra denne leverandøren? Da må du velge en ny."
        } else {
            "Avtalen med kommunen gikk ut 31. januar 2027. Har du denne leverandøren, må du velge en ny."
        };
        assert!(notice.len() == 1 && notice[0].starts_with(wanted), "{variant}: {notice:?}");
        assert_eq!(attrs(&page, "p.notice.agreement a", "href"), ["../#leverandorer"], "{variant}");
        // No one is told how to choose it.
        assert!(texts(&page, ".choose-this .offices").is_empty(), "{variant}");
        assert!(texts(&page, ".choose-this p.deadline").is_empty(), "{variant}");
    }
    let service = site.page(&format!("{SERVICE}index.html"));
    assert_eq!(texts(&service, "ul.not-offered li"), ["Hjemme i byen AS: avtalen gikk ut 31. januar 2027"]);
    let json: serde_json::Value = serde_json::from_str(&site.page("data/providers.json")).unwrap();
    let status = |slug: &str| {
        json["providers"].as_array().unwrap().iter().find(|p| p["slug"] == slug).unwrap()["agreement_status"].clone()
    };
    assert_eq!(status("hjemme-i-byen-as"), "ended");
    assert_eq!(status("byomsorg-as"), "active");
    let ended = warnings_about(&report, "the agreement ended 2027-01-31");
    assert_eq!(ended.len(), 1, "{}", describe(&report.findings));
    assert_eq!((ended[0].file.to_str(), ended[0].position.line), (Some(ENDING), line_of(&site, ENDING, "until:")));
}

#[test]
fn the_last_day_of_an_agreement_is_a_day_it_is_offered() {
    let site = TestSite::city();
    build_on(&site, LAST_DAY);
    let service = site.page(&format!("{SERVICE}index.html"));
    assert!(attrs(&service, "tbody tr", "data-provider").contains(&"hjemme-i-byen-as".to_string()));
    assert!(texts(&service, "ul.not-offered").is_empty());
}

#[test]
fn an_agreement_ending_within_the_notice_days_is_announced_on_list_comparison_and_page() {
    let site = TestSite::city();
    let report = build_on(&site, common::TODAY);
    let wanted = "Avtalen slutter 31. januar 2027";
    let service = site.page(&format!("{SERVICE}index.html"));
    assert_eq!(texts(&service, "tbody .agreement-ending"), [wanted]);
    let compare = site.page(&format!("{SERVICE}sammenlign/index.html"));
    assert_eq!(texts(&compare, "thead .agreement-ending"), [wanted]);
    let page = site.page(&format!("{SERVICE}hjemme-i-byen-as/index.html"));
    assert_eq!(texts(&page, "p.notice.agreement"), [format!("{wanted}.")]);
    let plain = site.page(&format!("lettlest/{SERVICE}hjemme-i-byen-as/index.html"));
    assert_eq!(texts(&plain, "p.notice.agreement"), ["Avtalen med kommunen slutter 31. januar 2027."]);
    // Still offered: listed and counted.
    assert!(service.contains("5 godkjente leverandører"));
    let ending = warnings_about(&report, "the agreement ends 2027-01-31");
    assert_eq!(ending.len(), 1, "{}", describe(&report.findings));
    assert_eq!(ending[0].position.line, line_of(&site, ENDING, "until:"));
    let json: serde_json::Value = serde_json::from_str(&site.page("data/providers.json")).unwrap();
    let p = json["providers"].as_array().unwrap().iter().find(|p| p["slug"] == "hjemme-i-byen-as").unwrap().clone();
    assert_eq!(p["agreement_status"], "ending");
}

#[test]
fn the_notice_days_are_a_limit_of_the_site() {
    let site = TestSite::city();
    site.write(CONFIG, &(site.read(CONFIG) + "limits:\n  ending_notice_days: 30\n"));
    let report = build_on(&site, common::TODAY);
    assert!(warnings_about(&report, "the agreement ends").is_empty(), "{}", describe(&report.findings));
    let service = site.page(&format!("{SERVICE}index.html"));
    assert!(texts(&service, ".agreement-ending").is_empty());
    // 2027-01-31 is 30 days after 2027-01-01.
    let report = build_on(&site, "2027-01-01");
    assert_eq!(warnings_about(&report, "the agreement ends").len(), 1);
}

#[test]
fn an_agreement_that_begins_later_is_shown_with_its_date_but_not_offered_yet() {
    let site = TestSite::city();
    site.edit(BYOMSORG, "from: 2024-01-01", "from: 2027-03-01");
    build_on(&site, common::TODAY);
    let service = site.page(&format!("{SERVICE}index.html"));
    assert!(!attrs(&service, "tbody tr", "data-provider").contains(&"byomsorg-as".to_string()));
    assert!(service.contains("4 godkjente leverandører"));
    assert_eq!(texts(&service, "ul.not-offered li"), ["Byomsorg AS: kan velges fra 1. mars 2027"]);
    let page = site.page(&format!("{SERVICE}byomsorg-as/index.html"));
    let notice = texts(&page, "p.notice.agreement");
    assert!(
        notice[0]
            .starts_with("Avtalen med kommunen begynner 1. mars 2027. Før det kan du ikke velge denne leverandøren.")
    );
    let json: serde_json::Value = serde_json::from_str(&site.page("data/providers.json")).unwrap();
    let p = json["providers"].as_array().unwrap().iter().find(|p| p["slug"] == "byomsorg-as").unwrap().clone();
    assert_eq!(p["agreement_status"], "not-started");
    // From its first day it is offered.
    build_on(&site, "2027-03-01");
    let service = site.page(&format!("{SERVICE}index.html"));
    assert!(attrs(&service, "tbody tr", "data-provider").contains(&"byomsorg-as".to_string()));
}

#[test]
fn a_default_provider_whose_agreement_has_ended_is_an_error() {
    let site = TestSite::city();
    let municipal = "providers/praktisk-bistand/storby-kommune-hjemmetjenesten.yaml";
    site.write(
        municipal,
        &(site.read(municipal) + "admission:\n  kind: approval\n  from: 2020-01-01\n  until: 2026-06-30\n"),
    );
    let errors = site.errors();
    let line = line_of(&site, CONFIG, "default_provider:");
    let e = assert_error(&errors, CONFIG, line, "has an agreement that ended 2026-06-30");
    assert!(e.help.unwrap().contains("default_provider"));
}
