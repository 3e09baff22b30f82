//! Counts agree with their nouns: every message with a number chooses its
//! words by the number (`{n} {n|leverandør|leverandører}`), in the site's
//! words (`i18n/*.yaml`, used by templates and the filter script) and in
//! the tool's own messages (`messages/*.yaml`), so no page or finding says
//! «1 leverandører» or «1 sider».

mod common;

use std::collections::BTreeMap;

use brukervalg::messages::{Lang, choose_forms, counted_names};
use common::{TestSite, project_root};

/// Every text of a site's words file (`strings:` and `plain:`), by key.
fn site_words(language: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(project_root().join(format!("i18n/{language}.yaml"))).unwrap();
    let file: BTreeMap<String, serde_json::Value> = serde_saphyr::from_str(&text).unwrap();
    let mut words = BTreeMap::new();
    for section in ["strings", "plain"] {
        for (key, value) in file[section].as_object().unwrap() {
            words.insert(format!("{language} {section}.{key}"), value.as_str().unwrap().to_string());
        }
    }
    words
}

/// Every text that may hold a count: the tool's messages in all three
/// languages and the site's words in both.
fn every_text() -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for lang in Lang::ALL {
        for (key, text) in lang.catalogue() {
            texts.push((format!("messages/{}.yaml {key}", lang.code()), text.clone()));
        }
    }
    for language in ["nb", "nn"] {
        texts.extend(site_words(language));
    }
    texts
}

/// Words after a number that look plural but are not nouns counted by it.
const NOT_COUNTED: [&str; 14] = [
    "bestemmer",
    "hører",
    "høyrer",
    "mangler",
    "manglar",
    "endrer",
    "endrar",
    "skiller",
    "avgjer",
    "eller",
    "svar",
    "sets",
    "does",
    "lets",
];

/// Whether `word`, right after a number in a text in English or not,
/// looks like a plural noun.
fn looks_plural(word: &str, english: bool) -> bool {
    let word = word.trim_start_matches('(').trim_end_matches([')', ',', '.', ';', ':']);
    if NOT_COUNTED.contains(&word) || word.chars().count() < 4 {
        return false;
    }
    let ends: &[&str] = if english { &["s", "(s"] } else { &["er", "ar", "ene", "ane"] };
    ends.iter().any(|end| word.ends_with(end))
}

#[test]
fn every_counted_text_reads_right_with_0_1_and_2() {
    let mut checked = 0;
    for (key, text) in every_text() {
        for name in counted_names(&text) {
            let render = |n: u64| choose_forms(&text, |m| (m == name).then_some(n));
            let (zero, one, two) = (render(0), render(1), render(2));
            let unchosen = format!("{{{name}|");
            for shown in [&zero, &one, &two] {
                assert!(!shown.contains(&unchosen), "{key}: the count {name} chose nothing in {shown:?}");
            }
            assert_eq!(zero, two, "{key}: 0 and 2 take the same form");
            assert_ne!(one, two, "{key}: 1 takes its own form");
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} counted texts found");
}

#[test]
fn no_number_stands_before_a_plural_noun_without_a_choice() {
    let mut problems = Vec::new();
    for (key, text) in every_text() {
        let mut rest = text.as_str();
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            let name = &after[..close];
            let next = after[close + 1..].strip_prefix(' ').and_then(|r| r.split(' ').next());
            if name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                && let Some(word) = next
                && !word.starts_with('{')
                && looks_plural(word, key.contains("/en.yaml"))
            {
                problems.push(format!("{key}: {{{name}}} {word}"));
            }
            rest = after;
        }
    }
    assert!(problems.is_empty(), "counts without a choice of words:\n{}", problems.join("\n"));
}

#[test]
fn the_rule_sees_a_number_before_a_plural_noun() {
    assert!(looks_plural("sider", false) && looks_plural("leverandører", false) && looks_plural("error(s)", true));
    assert!(!looks_plural("ord", false) && !looks_plural("svar,", false) && !looks_plural("bestemmer", false));
}

/// Pages of `site` that say «1» before a plural noun of the site's words.
fn one_before_plural(site: &TestSite) -> Vec<String> {
    site.build_ok();
    let plurals = ["leverandører", "leverandørar", "skoler", "skular", "ansatte", "tilsette", "sider", "leverandørene"];
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(site.output()).sort_by_file_name().into_iter().filter_map(Result::ok) {
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap().replace(['\u{ad}', '\u{200b}'], "");
        let text: String = html.split('<').map(|part| part.split_once('>').map_or(part, |(_, t)| t)).collect();
        for plural in plurals {
            for (at, _) in text.match_indices(&format!("1 {plural}")) {
                if !text[..at].ends_with(|c: char| c.is_ascii_digit() || c == ',' || c == '\u{a0}') {
                    problems.push(format!("{}: «1 {plural}»", entry.path().display()));
                }
            }
        }
    }
    problems
}

#[test]
fn no_page_of_the_example_or_the_nynorsk_fixture_says_1_with_a_plural() {
    for site in [TestSite::example(), TestSite::nynorsk()] {
        let problems = one_before_plural(&site);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

#[test]
fn a_filter_page_with_one_provider_says_so_in_the_singular() {
    let site = TestSite::example();
    site.build_ok();
    let page = site.page("tjenester/praktisk-bistand/eierskap/kommunal/index.html");
    assert!(page.contains("1 leverandør passer."), "the count line agrees with its noun");
    assert!(page.contains("data-msg-results=\"{n} {n|leverandør|leverandører} passer.\""), "the script has both forms");
}
