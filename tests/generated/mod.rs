//! Many generated providers in the minimal fixture's service, for tests of
//! what must hold however long a list gets.
#![allow(dead_code)]

use std::fmt::Write;

use super::common::TestSite;

pub const SERVICE: &str = "praktisk-bistand";
/// The minimal fixture's own two providers.
pub const FIXTURE_PROVIDERS: usize = 2;
const LANGUAGES: [&str; 4] = ["nb", "en", "pl", "so"];

/// The languages generated provider `i` offers: always bokmål, and every
/// second, third or fifth also English, Polish or Somali.
pub fn languages(i: usize) -> Vec<&'static str> {
    LANGUAGES
        .iter()
        .enumerate()
        .filter(|(k, _)| *k == 0 || i.is_multiple_of([1, 2, 3, 5][*k]))
        .map(|(_, l)| *l)
        .collect()
}

pub fn slug(i: usize) -> String {
    format!("leverandor-{i:05}")
}

/// The minimal fixture with `count` more providers and the given page size.
pub fn site(count: usize, page_size: Option<usize>) -> TestSite {
    let site = TestSite::minimal();
    if let Some(size) = page_size {
        let config = site.read("brukervalg.yaml");
        site.write("brukervalg.yaml", &format!("{config}listing:\n  page_size: {size}\n"));
    }
    for i in 0..count {
        site.write(&format!("providers/{SERVICE}/{}.yaml", slug(i)), &profile(i));
    }
    site
}

/// A valid profile; names sort in number order.
pub fn profile(i: usize) -> String {
    let mut out = String::new();
    let district = if i.is_multiple_of(2) { "sentrum" } else { "nordre-asen" };
    let ownership = ["private", "non-profit"][i % 2];
    let capacity = ["open", "waiting-list", "full"][i % 3];
    writeln!(out, "name: Leverandør {i:05} AS").unwrap();
    writeln!(out, "org_number: \"{}\"", org_number(i)).unwrap();
    writeln!(out, "ownership: {ownership}").unwrap();
    writeln!(out, "districts: [{district}]").unwrap();
    writeln!(out, "contact:\n  phone: \"11 22 {:02} {:02}\"", i / 100 % 100, i % 100).unwrap();
    writeln!(out, "languages: [{}]", languages(i).join(", ")).unwrap();
    writeln!(out, "capacity:\n  status: {capacity}\n  as_of: 2026-10-01").unwrap();
    writeln!(out, "admission:\n  kind: approval\n  from: 2025-01-01").unwrap();
    writeln!(out, "description: Et firma som hjelper deg hjemme.").unwrap();
    writeln!(out, "description_plain: Et firma som hjelper deg.").unwrap();
    writeln!(out, "last_checked: 2026-10-01").unwrap();
    out
}

/// A distinct organisation number with a valid MOD11 check digit.
fn org_number(i: usize) -> String {
    const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
    (0..)
        .map(|k| format!("9{:07}", 3 * i + k))
        .find_map(|base| {
            let sum: u32 = base.chars().zip(WEIGHTS).map(|(c, w)| c.to_digit(10).unwrap() * w).sum();
            match 11 - sum % 11 {
                10 => None,
                11 => Some(format!("{base}0")),
                check => Some(format!("{base}{check}")),
            }
        })
        .unwrap()
}
