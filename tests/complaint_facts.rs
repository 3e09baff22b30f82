//! Fact parity knows when a deadline starts, which office decides or
//! handles a complaint, and postal addresses: the nynorsk fixture's
//! complaints page and its lettlest companion agree on them (one line per
//! office, with its address), and a plain text that drops the deadline's
//! start or names the wrong office is warned about.

mod common;

use brukervalg::diagnostics::{Finding, Severity};
use common::{TestSite, describe};

const PLAIN: &str = "content/klage.lettlest.md";

fn parity_warnings(site: &TestSite) -> Vec<Finding> {
    site.build_ok()
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Warning && f.message.key().starts_with("plain.fact"))
        .collect()
}

#[test]
fn the_nynorsk_fixture_keeps_every_fact_in_lettlest() {
    let warnings = parity_warnings(&TestSite::nynorsk());
    assert!(warnings.is_empty(), "{}", describe(&warnings));
}

#[test]
fn a_plain_text_without_the_deadlines_start_is_warned_about() {
    let site = TestSite::nynorsk();
    site.edit(PLAIN, "Fristen gjeld frå den dagen du fekk vedtaket.", "");
    let warnings = parity_warnings(&site);
    assert_eq!(warnings.len(), 1, "{}", describe(&warnings));
    assert_eq!(warnings[0].file, std::path::Path::new(PLAIN));
    assert!(warnings[0].message.contains("frå den dagen du fekk vedtaket"), "{}", warnings[0].message);
}

#[test]
fn a_plain_text_that_sends_school_complaints_to_the_wrong_office_is_warned_about() {
    let site = TestSite::nynorsk();
    site.write(PLAIN, &site.read(PLAIN).replace("Oppvekstkontoret", "Tildelingskontoret"));
    let warnings = parity_warnings(&site);
    assert!(
        warnings.iter().any(|w| w.file == std::path::Path::new(PLAIN) && w.message.contains("Oppvekstkontoret")),
        "{}",
        describe(&warnings)
    );
}

#[test]
fn a_plain_text_without_the_postal_address_is_warned_about() {
    let site = TestSite::nynorsk();
    site.write(PLAIN, &site.read(PLAIN).replace(", Rådhusgata 1, 5900 Fjordvik", ""));
    let warnings = parity_warnings(&site);
    assert!(warnings.iter().any(|w| w.message.contains("5900 Fjordvik")), "{}", describe(&warnings));
}
