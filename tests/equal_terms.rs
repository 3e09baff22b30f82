//! Equal terms cannot be gamed: every provider is shown on the same terms
//! and none can pass itself off as another. Each test is one way a
//! provider who wants an edge would try (issue 24): it gets a finding at
//! its file and line, and nothing of it is published.

mod common;

use brukervalg::diagnostics::{Finding, Severity};
use brukervalg::domain::text_policy::word_count;
use common::{TestSite, describe, line_of, snapshot};

const ALFA: &str = "providers/praktisk-bistand/alfa-omsorg.yaml";
const KOMMUNEN: &str = "providers/praktisk-bistand/kommunen.yaml";
const COPY: &str = "providers/praktisk-bistand/kopi.yaml";

/// Everything `check` finds, notes left out.
fn findings(site: &TestSite) -> Vec<Finding> {
    let today = brukervalg::domain::Date::parse(common::TODAY).unwrap();
    let (_, findings, _) = brukervalg::check(site.root(), Some(today));
    findings.into_sorted().into_iter().filter(|f| f.severity != Severity::Note).collect()
}

/// The one finding of `severity` with message `key` in `file` at `line`.
fn found<'a>(findings: &'a [Finding], severity: Severity, file: &str, line: u32, key: &str) -> &'a Finding {
    let hits: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity == severity && f.file == std::path::Path::new(file))
        .filter(|f| f.position.line == line && f.message.key() == key)
        .collect();
    assert_eq!(hits.len(), 1, "expected one {severity:?} {key} at {file}:{line}, got:\n{}", describe(findings));
    hits[0]
}

/// The build fails and writes nothing.
fn publishes_nothing(site: &TestSite) {
    assert!(site.build().is_err(), "the build must fail");
    assert!(!site.output().exists(), "nothing may be written");
}

/// Every written file as text, for looking for what must not be published
/// (without the break hints the build adds, as `TestSite::page`).
fn published(site: &TestSite) -> String {
    let all: String =
        snapshot(&site.output()).into_iter().map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned()).collect();
    all.replace(['\u{ad}', '\u{200b}'], "")
}

/// A second private provider: Alfa's profile under another organisation.
fn copy_of_alfa(site: &TestSite, name: &str) -> String {
    let text =
        site.read(ALFA).replace("name: Alfa Omsorg AS", &format!("name: \"{name}\"")).replace("974123452", "945678909");
    site.write(COPY, &text);
    text
}

// 1. Invisible characters and the word limit.

/// The separators the issue found let 500 words through unseen.
const HIDDEN_SEPARATORS: [char; 6] = ['\u{2800}', '\u{3164}', '\u{FFA0}', '\u{180E}', '\u{2062}', '\u{200B}'];

#[test]
fn words_joined_by_a_hidden_separator_still_count_against_the_limit() {
    for sep in HIDDEN_SEPARATORS {
        let site = TestSite::minimal();
        let words = vec!["ord"; 500].join(&sep.to_string());
        site.edit(ALFA, "description: Et privat firma.", &format!("description: \"{words}\""));
        let all = findings(&site);
        let line = line_of(&site, ALFA, "description:");
        let too_long = found(&all, Severity::Error, ALFA, line, "description.too_long");
        assert!(too_long.message.contains("500"), "U+{:04X}: {}", sep as u32, too_long.message);
        let mended = found(&all, Severity::Warning, ALFA, line, "text.invisible_mended");
        assert!(mended.message.contains(&format!("U+{:04X}", sep as u32)), "{}", mended.message);
        publishes_nothing(&site);
    }
}

#[test]
fn a_hidden_separator_in_running_text_is_published_as_a_space() {
    let spaced = TestSite::minimal();
    spaced.edit(ALFA, "description: Et privat firma.", "description: Et privat firma med god tid.");
    spaced.build_ok();
    let hidden = TestSite::minimal();
    hidden.edit(
        ALFA,
        "description: Et privat firma.",
        "description: Et\u{2800}privat\u{3164}firma med\u{200B}god tid.",
    );
    hidden.edit("content/klage.md", "Du kan klage til", "Du\u{2062}kan\u{2800}klage til");
    let report = hidden.build_ok();
    found(&report.findings, Severity::Warning, ALFA, line_of(&hidden, ALFA, "description:"), "text.invisible_mended");
    found(&report.findings, Severity::Warning, "content/klage.md", 6, "text.invisible_mended");
    let written = published(&hidden);
    for c in ['\u{2800}', '\u{3164}', '\u{2062}'] {
        assert!(!written.contains(c), "U+{:04X} published", c as u32);
    }
    assert!(hidden.page("klage/index.html").contains("Du kan klage til"));
    assert_eq!(snapshot(&spaced.output()), snapshot(&hidden.output()), "published as if written with spaces");
}

/// For any words, joined by any Unicode separator or hidden character,
/// the count is the count with spaces (a small generator, seeded, so a
/// failure repeats).
#[test]
fn the_word_count_is_the_same_whatever_separates_the_words() {
    const LETTERS: &[char] = &['a', 'Z', 'æ', 'ø', 'å', 'Č', 'á', 'ŋ', 'ŧ', 'ع', 'ر', 'ب', 'ж', '7', '0', 'é'];
    let separators: Vec<char> = [' ', '\t', '\n', '\u{A0}', '\u{1680}', '\u{2000}', '\u{2007}', '\u{200A}', '\u{202F}']
        .into_iter()
        .chain(['\u{205F}', '\u{3000}', '\u{2028}', '\u{2029}', '\u{2060}', '\u{FEFF}', '\u{200C}', '\u{200D}'])
        .chain(['\u{115F}', '\u{1160}', '\u{2061}', '\u{2063}', '\u{2064}', '\u{E0020}', '\u{061C}', '\u{200E}'])
        .chain(HIDDEN_SEPARATORS)
        .collect();
    let mut rng = fastrand::Rng::with_seed(24);
    for _ in 0..5000 {
        let words: Vec<String> = (0..rng.usize(0..12))
            .map(|_| (0..rng.usize(1..8)).map(|_| LETTERS[rng.usize(..LETTERS.len())]).collect())
            .collect();
        let with_spaces = words.join(" ");
        let mut mixed = String::new();
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                for _ in 0..rng.usize(1..3) {
                    mixed.push(separators[rng.usize(..separators.len())]);
                }
            }
            mixed.push_str(word);
        }
        assert_eq!(word_count(&mixed), word_count(&with_spaces), "{mixed:?}");
        assert_eq!(word_count(&with_spaces), words.len(), "{with_spaces:?}");
    }
}

// 2. Names that cannot impersonate.

#[test]
fn a_copy_of_another_providers_name_is_refused_naming_both_files() {
    let site = TestSite::minimal();
    copy_of_alfa(&site, "Testvik kommune hjemmetjenesten");
    let all = findings(&site);
    let error = found(&all, Severity::Error, COPY, 1, "name.lookalike");
    assert!(error.message.contains(&format!("{KOMMUNEN}:1:7")), "{}", error.message);
    let error = found(&all, Severity::Error, KOMMUNEN, 1, "name.lookalike");
    assert!(error.message.contains(&format!("{COPY}:1:7")), "{}", error.message);
    publishes_nothing(&site);
}

#[test]
fn a_name_that_only_looks_the_same_is_the_same_name() {
    // Capitals, a full-width letter and a Cyrillic «е» in one word.
    for name in ["TESTVIK KOMMUNE  HJEMMETJENESTEN", "Testvik kommune hjemmetjenesteｎ"] {
        let site = TestSite::minimal();
        copy_of_alfa(&site, name);
        found(&findings(&site), Severity::Error, COPY, 1, "name.lookalike");
        publishes_nothing(&site);
    }
    let site = TestSite::minimal();
    copy_of_alfa(&site, "Testvik kommune hjemmetj\u{0435}nesten");
    let all = findings(&site);
    let mixed = found(&all, Severity::Error, COPY, 1, "name.mixed_script");
    assert!(mixed.message.contains("hjemmetj\u{0435}nesten"), "{}", mixed.message);
    found(&all, Severity::Error, COPY, 1, "name.lookalike");
    publishes_nothing(&site);
}

#[test]
fn the_same_organisation_keeps_its_name_in_another_service_and_real_names_pass() {
    // The example offers the same providers in two services under one name.
    let example = TestSite::example();
    let report = example.build_ok();
    let warnings: Vec<Finding> = report.findings.into_iter().filter(|f| f.severity != Severity::Note).collect();
    assert_eq!(describe(&warnings), "", "the example builds with no warnings");
    // Norwegian, Sámi and Arabic letters.
    let site = TestSite::minimal();
    copy_of_alfa(&site, "دار الرعاية المنزلية");
    site.edit(ALFA, "name: Alfa Omsorg AS", "name: Čáhcesuolu bálvalus AS");
    site.edit(KOMMUNEN, "name: Testvik kommune hjemmetjenesten", "name: Testvik kommune, Sámi ja Bø hjemmetjeneste");
    let report = site.build_ok();
    let warnings: Vec<&Finding> = report.findings.iter().filter(|f| f.severity == Severity::Warning).collect();
    assert!(warnings.is_empty(), "{warnings:?}");
    let written = published(&site);
    for name in ["Čáhcesuolu bálvalus AS", "دار الرعاية المنزلية", "Sámi ja Bø"] {
        assert!(written.contains(name), "{name}");
    }
}

#[test]
fn invisible_characters_in_a_name_are_refused() {
    for c in ['\u{200B}', '\u{200F}', '\u{061C}', '\u{FEFF}', '\u{2028}', '\u{2029}', '\u{00AD}', '\u{2062}'] {
        let site = TestSite::minimal();
        site.edit(ALFA, "name: Alfa Omsorg AS", &format!("name: \"Alfa{c}Omsorg AS\""));
        let all = findings(&site);
        let error = found(&all, Severity::Error, ALFA, 1, "yaml.field.invisible_char");
        assert!(error.message.contains(&format!("U+{:04X}", c as u32)), "{}", error.message);
        publishes_nothing(&site);
    }
}

#[test]
fn a_name_that_shows_as_blank_or_has_no_letter_is_refused() {
    for blank in ["\u{3164}", "\u{2800}", "\u{FFA0}\u{FFA0}"] {
        let site = TestSite::minimal();
        site.edit(ALFA, "name: Alfa Omsorg AS", &format!("name: \"{blank}\""));
        found(&findings(&site), Severity::Error, ALFA, 1, "yaml.field.invisible_char");
        publishes_nothing(&site);
    }
    let site = TestSite::minimal();
    site.edit(ALFA, "name: Alfa Omsorg AS", "name: \"– * –\"");
    found(&findings(&site), Severity::Error, ALFA, 1, "name.no_letter");
    publishes_nothing(&site);
}

#[test]
fn the_large_city_refuses_a_firm_named_as_its_home_care_service() {
    let site = TestSite::city();
    let own = "providers/praktisk-bistand/storby-kommune-hjemmetjenesten.yaml";
    let firm = "providers/praktisk-bistand/sorbyen-omsorg-as.yaml";
    site.edit(firm, "name: Sørbyen omsorg AS", "name: Storby kommune hjemmetjenesten");
    let all = findings(&site);
    // Both files are named, each at the other's error: either may be the copy.
    let error = found(&all, Severity::Error, firm, 1, "name.lookalike");
    assert!(error.message.contains(&format!("{own}:1:7")), "{}", error.message);
    let error = found(&all, Severity::Error, own, 1, "name.lookalike");
    assert!(error.message.contains(&format!("{firm}:1:7")), "{}", error.message);
    publishes_nothing(&site);
}

// 3. Web addresses.

#[test]
fn a_web_address_that_mixes_scripts_is_shown_as_the_browser_opens_it() {
    let site = TestSite::minimal();
    site.edit(ALFA, "web: https://alfa.no/", "web: https://www.trygghverd\u{0430}g.no/");
    let report = site.build_ok();
    let warning = found(&report.findings, Severity::Warning, ALFA, line_of(&site, ALFA, "web:"), "web.mixed_script");
    assert!(warning.message.contains("xn--"), "{}", warning.message);
    let written = published(&site);
    assert!(!written.contains("trygghverd\u{0430}g"), "the Unicode form is never shown");
    let ascii = brukervalg::domain::Host::parse("www.trygghverd\u{0430}g.no").unwrap().ascii;
    assert!(written.contains(&format!("href=\"https://{ascii}/\"")), "the link goes where it says");
    // (<wbr> after its dots lets a long address break; it is not text.)
    assert!(written.replace("<wbr>", "").contains(&format!(">{ascii}<")), "the link text shows the punycode form");
}

#[test]
fn a_mixed_script_address_in_markdown_is_linked_and_shown_as_the_browser_opens_it() {
    let site = TestSite::minimal();
    let text = site.read("content/klage.md");
    let body = "Se [nettsiden vår](https://www.trygghverd\u{0430}g.no/om) eller https://trygghverd\u{0430}g.no/.\n";
    site.write("content/klage.md", &format!("{text}\n{body}"));
    let report = site.build_ok();
    let line = line_of(&site, "content/klage.md", "nettsiden");
    let notices: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.file == std::path::Path::new("content/klage.md") && f.position.line == line)
        .filter(|f| f.message.key() == "markdown.mixed_script_host")
        .collect();
    assert_eq!(notices.len(), 2, "{}", describe(&report.findings));
    let page = site.page("klage/index.html");
    assert!(!page.contains("trygghverd\u{0430}g"), "the Unicode form is never shown");
    let ascii = brukervalg::domain::Host::parse("trygghverd\u{0430}g.no").unwrap().ascii;
    let hrefs = common::attrs(&page, "main a", "href");
    assert!(
        hrefs.contains(&format!("https://www.{ascii}/om")) && hrefs.contains(&format!("https://{ascii}/")),
        "{hrefs:?}"
    );
}

#[test]
fn a_web_address_that_looks_like_another_providers_is_a_warning() {
    let site = TestSite::minimal();
    site.edit(KOMMUNEN, "  phone: \"11 22 33 66\"", "  phone: \"11 22 33 66\"\n  web: https://a1fa.no/");
    let report = site.build_ok();
    let warning =
        found(&report.findings, Severity::Warning, KOMMUNEN, line_of(&site, KOMMUNEN, "web:"), "web.lookalike");
    assert!(warning.message.contains(&format!("{ALFA}:8:")), "{}", warning.message);
}

#[test]
fn a_web_address_with_user_info_is_refused() {
    let site = TestSite::minimal();
    site.edit(ALFA, "web: https://alfa.no/", "web: https://www.testvik.kommune.no@evil.example/");
    found(&findings(&site), Severity::Error, ALFA, line_of(&site, ALFA, "web:"), "web.invalid");
    publishes_nothing(&site);
}

// 4. Markdown links obey the field rules.

#[test]
fn contact_links_in_markdown_hold_only_what_the_fields_accept() {
    let site = TestSite::minimal();
    let body = "Skriv til [rektor](mailto:rektor@testvik.no?bcc=spion@evil.example&body=Personnummer:).\n\n\
                Ring [kode](tel:*2767*3855%23) eller [utlandet](tel:+19005550100).\n\n\
                Eller ring [oss](tel:+4711223366) og skriv til [posten](mailto:post@testvik.no).\n";
    for file in ["content/klage.md", "content/klage.lettlest.md"] {
        let text = site.read(file);
        site.write(file, &format!("{text}\n{body}"));
    }
    let report = site.build_ok();
    let at = |needle: &str| line_of(&site, "content/klage.md", needle);
    for (line, url) in [(at("bcc="), "bcc="), (at("*2767"), "*2767"), (at("+1900"), "+1900")] {
        let found: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.file == std::path::Path::new("content/klage.md") && f.position.line == line)
            .filter(|f| f.message.key() == "markdown.contact_link" && f.message.contains(url))
            .collect();
        assert_eq!(found.len(), 1, "{url}: {}", describe(&report.findings));
    }
    let page = site.page("klage/index.html");
    let hrefs = common::attrs(&page, "a", "href");
    assert!(hrefs.iter().all(|h| !h.contains("bcc") && !h.contains('*') && !h.contains("1900")), "{hrefs:?}");
    assert!(hrefs.contains(&"tel:+4711223366".to_string()) && hrefs.contains(&"mailto:post@testvik.no".to_string()));
    assert!(page.contains("rektor") && page.contains("utlandet"), "the link text stays");
}

// 6. Lists without repeats.

#[test]
fn a_repeat_in_a_list_is_a_warning_and_is_shown_once() {
    let plain = TestSite::minimal();
    plain.build_ok();
    let repeated = TestSite::minimal();
    repeated.edit(ALFA, "languages: [nb, pl]", "languages: [nb, pl, nb]");
    repeated.edit(ALFA, "districts: [sentrum]", "districts: [sentrum, sentrum]");
    let extra = "  - name: Vindusvask\n    price: 450\n    unit: per gang\n";
    repeated.edit(ALFA, extra, &format!("{extra}{}", extra.replace("Vindusvask", "VINDUSVASK")));
    let report = repeated.build_ok();
    let warnings = &report.findings;
    found(warnings, Severity::Warning, ALFA, line_of(&repeated, ALFA, "languages:"), "languages.twice");
    found(warnings, Severity::Warning, ALFA, line_of(&repeated, ALFA, "districts:"), "districts.twice");
    found(warnings, Severity::Warning, ALFA, line_of(&repeated, ALFA, "VINDUSVASK"), "extras.twice");
    assert_eq!(snapshot(&plain.output()), snapshot(&repeated.output()), "the repeats change nothing published");
}
