//! Addresses follow the site's language: a nynorsk site has nynorsk path
//! segments, query parameter and section ids, a bokmål site bokmål ones,
//! and neither leaks into the other. The words come from `paths:` and
//! `anchors:` in the i18n files, which are checked when they are loaded.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use brukervalg::diagnostics::Severity;
use common::{TestSite, assert_error, describe};
use scraper::{ElementRef, Html, Selector};

/// The address words of each language that the other does not share.
const BOKMAL_PATHS: &[&str] = &["tjenester", "sammenlign", "bilder", "eierskap", "valgt"];
const NYNORSK_PATHS: &[&str] = &["tenester", "samanlikn", "bilete", "eigarskap", "valt"];
const BOKMAL_ANCHORS: &[&str] =
    &["leverandorer", "ordningen", "slik-velger-du", "velger-du-ikke", "bytte", "velg", "undersokelse"];
const NYNORSK_ANCHORS: &[&str] =
    &["leverandorar", "ordninga", "slik-vel-du", "vel-du-ikkje", "byte", "vel", "undersoking"];

/// The example municipality, with a provider's picture so its address is
/// among those checked.
fn example() -> TestSite {
    let site = TestSite::example();
    let profile = "providers/praktisk-bistand/trygg-hverdag-as.yaml";
    site.edit(profile, "last_checked:", "image:\n  file: kontoret.jpg\n  alt: Kontoret i sentrum\nlast_checked:");
    site.write("providers/praktisk-bistand/kontoret.jpg", "\u{ff}\u{d8}\u{ff}");
    site
}

/// The example municipality as a nynorsk site (its authors' links
/// rewritten to nynorsk addresses).
fn nynorsk_example() -> TestSite {
    let site = example();
    site.as_nynorsk();
    site
}

/// What a reader or a script can see of a site's addresses.
#[derive(Default)]
struct Words {
    /// Path segments and query keys of every link, picture, form and file.
    paths: BTreeSet<String>,
    /// Section ids and `#fragments`, except those of authors' own headings.
    anchors: BTreeSet<String>,
}

fn words_of(output: &Path) -> Words {
    let mut words = Words::default();
    let mut authored = BTreeSet::new();
    let mut fragments = BTreeSet::new();
    let any = Selector::parse("*").unwrap();
    for entry in walkdir::WalkDir::new(output).into_iter().filter_map(Result::ok) {
        let relative = entry.path().strip_prefix(output).unwrap().to_string_lossy().into_owned();
        words.paths.extend(segments(&relative));
        if !relative.ends_with(".html") {
            continue;
        }
        let html = Html::parse_document(&fs::read_to_string(entry.path()).unwrap());
        for element in html.select(&any) {
            let in_prose = element
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().has_class("prose", scraper::CaseSensitivity::CaseSensitive));
            for (name, value) in element.value().attrs() {
                match name {
                    "href" | "src" | "action" | "data-compare-href" | "data-service-href" => {
                        let (address, fragment) = value.split_once('#').unwrap_or((value, ""));
                        words.paths.extend(segments(address));
                        if !fragment.is_empty() {
                            fragments.insert(fragment.to_string());
                        }
                    }
                    "id" | "aria-labelledby" if in_prose => {
                        authored.insert(value.to_string());
                    }
                    "id" | "aria-labelledby" => {
                        words.anchors.insert(value.trim_end_matches("-h").to_string());
                    }
                    // Query keys the script uses: filter keys, the
                    // side-by-side parameter, and the rows' filter data.
                    "name" | "data-key" | "data-param" | "data-compare-param" => {
                        words.paths.insert(value.to_string());
                    }
                    _ => {}
                }
                if let Some(key) = name.strip_prefix("data-") {
                    words.paths.insert(key.to_string());
                }
            }
        }
    }
    words.anchors.extend(fragments.into_iter().filter(|f| !authored.contains(f)));
    words
}

/// The words of an address: its path segments and query keys.
fn segments(address: &str) -> Vec<String> {
    address
        .split(['/', '?', '&', '='])
        .filter(|s| !s.is_empty() && *s != ".." && *s != ".")
        .map(|s| s.trim_end_matches(".html").to_string())
        .collect()
}

fn leaks<'a>(found: &BTreeSet<String>, foreign: &[&'a str]) -> Vec<&'a str> {
    foreign.iter().copied().filter(|w| found.contains(*w)).collect()
}

fn missing<'a>(found: &BTreeSet<String>, own: &[&'a str]) -> Vec<&'a str> {
    own.iter().copied().filter(|w| !found.contains(*w)).collect()
}

#[test]
fn a_nynorsk_site_has_nynorsk_addresses_and_a_bokmal_site_bokmal_ones() {
    let nb = example();
    let report = nb.build_ok();
    assert!(report.findings.iter().all(|f| f.severity == Severity::Note), "{}", describe(&report.findings));
    let nn = nynorsk_example();
    let report = nn.build_ok();
    assert!(report.findings.iter().all(|f| f.severity == Severity::Note), "{}", describe(&report.findings));

    let bokmal = words_of(&nb.output());
    let nynorsk = words_of(&nn.output());
    assert_eq!(missing(&bokmal.paths, BOKMAL_PATHS), Vec::<&str>::new(), "bokmål words the bokmål site lacks");
    assert_eq!(missing(&bokmal.anchors, BOKMAL_ANCHORS), Vec::<&str>::new(), "bokmål ids the bokmål site lacks");
    assert_eq!(missing(&nynorsk.paths, NYNORSK_PATHS), Vec::<&str>::new(), "nynorsk words the nynorsk site lacks");
    assert_eq!(missing(&nynorsk.anchors, NYNORSK_ANCHORS), Vec::<&str>::new(), "nynorsk ids the nynorsk site lacks");
    assert_eq!(leaks(&nynorsk.paths, BOKMAL_PATHS), Vec::<&str>::new(), "bokmål address words on the nynorsk site");
    assert_eq!(leaks(&nynorsk.anchors, BOKMAL_ANCHORS), Vec::<&str>::new(), "bokmål ids on the nynorsk site");
    assert_eq!(leaks(&bokmal.paths, NYNORSK_PATHS), Vec::<&str>::new(), "nynorsk address words on the bokmål site");
    assert_eq!(leaks(&bokmal.anchors, NYNORSK_ANCHORS), Vec::<&str>::new(), "nynorsk ids on the bokmål site");

    // The pages themselves are where the links say.
    assert!(nn.output().join("tenester/skole/samanlikn/index.html").is_file());
    assert!(nn.output().join("stor-skrift/lettlest/tenester/praktisk-bistand/eigarskap/privat/index.html").is_file());
    assert!(!nn.output().join("tjenester").exists());
}

#[test]
fn the_script_takes_every_address_word_from_the_page() {
    let script = fs::read_to_string(common::project_root().join("static/assets/brukervalg.js")).unwrap();
    // And the side-by-side page's own script, which chooses its columns.
    let compare = fs::read_to_string(common::project_root().join("templates/compare.html")).unwrap();
    let open = compare.find("<script").unwrap();
    let inline = compare[open..].split_once('>').and_then(|(_, s)| s.split("</script>").next()).unwrap();
    let code: String =
        script.lines().chain([inline]).filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let literals: Vec<&str> = code.split(['\'', '"']).skip(1).step_by(2).collect();
    for word in BOKMAL_PATHS.iter().chain(NYNORSK_PATHS).chain(BOKMAL_ANCHORS).chain(NYNORSK_ANCHORS) {
        assert!(!literals.iter().any(|l| l.contains(word)), "the script names `{word}` itself");
    }
    assert!(literals.contains(&"data-compare-param") && literals.contains(&"data-param"));
}

#[test]
fn a_bokmal_link_on_a_nynorsk_site_is_found_with_the_nynorsk_address_as_help() {
    let site = TestSite::minimal();
    site.edit("brukervalg.yaml", "language: nb", "language: nn");
    let errors = site.errors();
    let error = assert_error(&errors, "content/klage.md", 6, "`/tjenester/praktisk-bistand/` leads to no page");
    let help = error.help.map(|h| h.to_string()).unwrap_or_default();
    assert!(help.contains("did you mean `/tenester/praktisk-bistand/`?"), "{help}");
    assert!(help.contains("/tenester/<service>/<provider>/"), "{help}");

    site.edit("content/klage.md", "/tjenester/", "/tenester/");
    site.build_ok();
}

#[test]
fn address_words_are_slugs_all_different_and_reported_at_their_line() {
    let site = TestSite::minimal();
    site.as_nynorsk();
    let line_of = |key: &str| {
        let text = site.read("i18n/nn.yaml");
        let at = text.find(&format!("\n  {key}: ")).unwrap();
        text[..at].matches('\n').count() as u32 + 2
    };
    site.edit("i18n/nn.yaml", "  compare: samanlikn", "  compare: tenester");
    site.edit("i18n/nn.yaml", "  images: bilete", "  images: Bilete");
    site.edit("i18n/nn.yaml", "  capacity: kapasitet", "  capacity: lettlest");
    site.edit("i18n/nn.yaml", "  no_choice: vel-du-ikkje", "  no_choice: slik-vel-du");
    let errors = site.errors();
    assert_error(&errors, "i18n/nn.yaml", line_of("compare"), "`paths.compare` is `tenester`, which is already taken");
    assert_error(&errors, "i18n/nn.yaml", line_of("images"), "`paths.images` cannot be used in a web address");
    assert_error(&errors, "i18n/nn.yaml", line_of("capacity"), "`paths.capacity` is `lettlest`");
    assert_error(&errors, "i18n/nn.yaml", line_of("no_choice"), "`anchors.no_choice` is `slik-vel-du`");
    assert_eq!(errors.len(), 4, "{}", describe(&errors));
}

#[test]
fn a_missing_or_unknown_address_word_is_named() {
    let site = TestSite::minimal();
    site.edit("i18n/nb.yaml", "  selected: valgt", "  chosen: valgt");
    let errors = site.errors();
    assert!(errors.iter().any(|e| e.message.to_string() == "`paths.selected` is missing"), "{}", describe(&errors));
    assert!(errors.iter().any(|e| e.message.contains("`paths.chosen` is not a word")), "{}", describe(&errors));
}

#[test]
fn content_pages_and_provider_files_cannot_take_the_sites_own_words_in_its_language() {
    let site = TestSite::minimal();
    site.as_nynorsk();
    // Bokmål words are free on a nynorsk site.
    site.write("content/tjenester.md", "---\ntitle: Tenester\nsummary: Om tenestene.\n---\nTekst.\n");
    site.write("content/tjenester.lettlest.md", "---\ntitle: Tenester\nsummary: Om tenestene.\n---\nTekst.\n");
    site.build_ok();
    site.write("content/tenester.md", "---\ntitle: Tenester\nsummary: Om tenestene.\n---\nTekst.\n");
    let copy = site.read("providers/praktisk-bistand/alfa-omsorg.yaml");
    site.write("providers/praktisk-bistand/samanlikn.yaml", &copy.replace("974123452", "974760673"));
    let errors = site.errors();
    assert!(errors.iter().any(|e| e.file == Path::new("content/tenester.md")), "{}", describe(&errors));
    assert!(
        errors.iter().any(|e| e.file == Path::new("providers/praktisk-bistand/samanlikn.yaml")),
        "{}",
        describe(&errors)
    );
}
