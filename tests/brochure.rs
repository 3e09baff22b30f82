//! The brochure (issue 22): each service made for paper at
//! `tjenester/<service>/brosjyre/`, in all four variants and both
//! languages: a cover with the scheme in brief, what happens if you do not
//! choose, the deadline and whom to call; a block per provider with its key
//! facts and phone; last the rights in brief. Lettlest says it more simply
//! but keeps every fact a reader acts on. How it prints is checked in the
//! browser (browser-tests/print.mjs).

mod common;
mod generated;

use std::collections::BTreeSet;

use brukervalg::diagnostics::Severity;
use common::{TestSite, attrs, texts};

const VARIANTS: [&str; 4] = ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"];
const CITY: &str = "tjenester/praktisk-bistand/brosjyre/index.html";

fn city() -> &'static TestSite {
    static SITE: std::sync::OnceLock<TestSite> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let site = TestSite::city();
        site.build_ok();
        site
    })
}

/// Every service of a built site: the folders under its services folder
/// that have a page.
fn services(site: &TestSite, folder: &str) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(site.output().join(folder))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|s| site.output().join(folder).join(s).join("index.html").exists())
        .collect();
    found.sort();
    found
}

/// Each service's brochure, in every variant, has one block per provider
/// of its service page, each linking to that provider.
fn every_service_has_its_brochure(site: &TestSite, folder: &str) {
    let services = services(site, folder);
    assert!(services.len() >= 4, "{services:?}");
    for service in &services {
        for variant in VARIANTS {
            let list = site.page(&format!("{variant}{folder}/{service}/index.html"));
            let brochure = site.page(&format!("{variant}{folder}/{service}/brosjyre/index.html"));
            let listed = attrs(&list, "[data-filter-table] tbody th a", "href");
            let blocks = attrs(&brochure, ".brochure-provider h3 a", "href");
            assert!(!blocks.is_empty(), "{variant}{service}");
            // The brochure is one level deeper than the list.
            let blocks: Vec<String> = blocks.iter().map(|h| h.strip_prefix("../").unwrap_or(h).to_string()).collect();
            assert_eq!(blocks, listed, "{variant}{service}: a block per provider, in the list's order");
            assert_eq!(attrs(&list, ".brochure-link a", "href"), vec!["brosjyre/"], "{variant}{service}: linked");
        }
    }
}

#[test]
fn every_service_has_a_brochure_in_all_four_variants() {
    let site = TestSite::example();
    let report = site.build_ok();
    let warnings: Vec<_> = report.findings.iter().filter(|f| f.severity != Severity::Note).collect();
    assert!(warnings.is_empty(), "the example builds without warnings: {warnings:?}");
    every_service_has_its_brochure(&site, "tjenester");
    let link = texts(&site.page("tjenester/praktisk-bistand/index.html"), ".brochure-link a");
    assert_eq!(link, vec!["Skriv ut oversikten"]);
}

#[test]
fn a_nynorsk_site_has_its_brochures_at_nynorsk_addresses() {
    let site = TestSite::nynorsk();
    site.build_ok();
    assert!(!site.output().join("tjenester").exists());
    every_service_has_its_brochure(&site, "tenester");
    let link = texts(&site.page("tenester/praktisk-bistand/index.html"), ".brochure-link a");
    assert_eq!(link, vec!["Skriv ut oversikta"]);
}

#[test]
fn the_cover_says_whom_you_get_the_deadline_and_whom_to_call() {
    for variant in VARIANTS {
        let page = city().page(&format!("{variant}{CITY}"));
        let cover = texts(&page, ".brochure-cover").join(" ");
        assert!(cover.contains("får du Storby kommune"), "{variant}: the default provider: {cover}");
        assert!(cover.contains("14 dager"), "{variant}: the deadline: {cover}");
        assert!(cover.contains("21 80 21 80"), "{variant}: the service's phone: {cover}");
        // Paper cannot unfold a list: every district's office is written out.
        assert_eq!(attrs(&page, ".brochure-cover .brochure-offices a.phone", "href").len(), 15, "{variant}");
        assert!(page.contains("<h1>Praktisk bistand</h1>"), "{variant}");
    }
}

#[test]
fn each_provider_has_one_block_with_its_key_facts_and_phone() {
    for variant in VARIANTS {
        let page = city().page(&format!("{variant}{CITY}"));
        let names = texts(&page, ".brochure-provider h3 a");
        assert_eq!(names.len(), 5, "{variant}: {names:?}");
        let blocks = texts(&page, ".brochure-provider");
        let sorbyen = blocks.iter().find(|b| b.starts_with("Sørbyen omsorg AS")).expect("Sørbyen's block");
        let byomsorg = blocks.iter().find(|b| b.starts_with("Byomsorg AS")).expect("Byomsorg's block");
        assert!(byomsorg.ends_with("22 40 10 00"), "{variant}: the phone ends the block: {byomsorg}");
        // The survey headline, as on the list: a figure, or why there is none.
        assert!(sorbyen.contains("For få svar"), "{variant}: {sorbyen}");
        assert!(byomsorg.contains(" av 6 ("), "{variant}: {byomsorg}");
        let default = blocks.iter().filter(|b| b.contains("(får du")).count();
        assert_eq!(default, 1, "{variant}: the default provider is marked");
    }
}

#[test]
fn the_rights_come_last_with_where_to_complain() {
    for variant in VARIANTS {
        let page = city().page(&format!("{variant}{CITY}"));
        let rights = texts(&page, "main > section.brochure-rights");
        assert_eq!(rights.len(), 1, "{variant}");
        assert!(rights[0].contains("Statsforvalteren"), "{variant}: {}", rights[0]);
        let last = texts(&page, "main > section:last-of-type > h2");
        assert_eq!(last.len(), 1, "{variant}");
        assert!(rights[0].starts_with(&last[0]), "{variant}: the rights are the last section");
    }
}

/// What a reader acts on: every number to call and every address to write
/// to or open, the deadline and whom you get without choosing.
fn actionable(page: &str) -> (BTreeSet<String>, bool, bool) {
    let links = attrs(page, "main a[href^='tel:'], main a[href^='mailto:'], main a[href^='http']", "href");
    let cover = texts(page, ".brochure-cover").join(" ");
    (links.into_iter().collect(), cover.contains("14 dager"), cover.contains("får du Storby kommune"))
}

#[test]
fn lettlest_keeps_every_fact_a_reader_acts_on() {
    for (standard, plain) in [("", "lettlest/"), ("stor-skrift/", "stor-skrift/lettlest/")] {
        let standard = actionable(&city().page(&format!("{standard}{CITY}")));
        let plain = actionable(&city().page(&format!("{plain}{CITY}")));
        assert!(standard.0.len() > 20, "{:?}", standard.0);
        assert_eq!(plain, standard);
    }
}

#[test]
fn a_long_service_has_its_brochure_in_parts_of_the_comparisons_size() {
    // 12 generated and the fixture's 2: parts of 5, 5 and 4.
    let site = generated::site(12, Some(5));
    site.build_ok();
    let service = format!("tjenester/{}/", generated::SERVICE);
    let mut seen = Vec::new();
    for part in ["", "side/2/", "side/3/"] {
        let page = site.page(&format!("{service}brosjyre/{part}index.html"));
        let names = texts(&page, ".brochure-provider h3 a");
        assert!(!names.is_empty() && names.len() <= 5, "{part}: {names:?}");
        // Each part prints on its own: with its cover and its rights.
        assert_eq!(texts(&page, ".brochure-cover").len(), 1, "{part}");
        assert_eq!(texts(&page, ".brochure-rights").len(), 1, "{part}");
        let compare = site.page(&format!("{service}sammenlign/{part}index.html"));
        assert_eq!(names, texts(&compare, ".compare-table thead th a"), "{part}: the comparison's providers");
        seen.extend(names);
    }
    assert_eq!(seen.len(), 12 + generated::FIXTURE_PROVIDERS);
    assert!(!site.output().join(format!("{service}brosjyre/side/4")).exists());
    let second = site.page(&format!("{service}side/2/index.html"));
    assert_eq!(attrs(&second, ".brochure-link a", "href"), vec!["../../brosjyre/side/2/"]);
}
