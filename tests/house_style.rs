//! One nynorsk: the site's nynorsk words (UI strings, glossary) and the
//! nynorsk fixture use one form of each word where nynorsk allows two
//! (tyder, hjå, òg, sakshandsamar, handsame: the house style's nynorsk
//! defaults, `domain::language_forms`), so a reader does not meet
//! «tyder» on one page and «betyr» on the next. Pages marked as bokmål
//! (`lang: nb`) are left out.

mod common;

use std::collections::BTreeMap;

use brukervalg::domain::language_forms;
use common::project_root;

/// The form the site does not use → the one it does: the house style's
/// nynorsk defaults (`language_forms`), as `check` holds sites to them.
fn other_forms_table() -> BTreeMap<&'static str, &'static str> {
    let chosen: Vec<_> = language_forms::default_forms("nn")
        .into_iter()
        .map(|name| language_forms::form_named("nn", name).unwrap().1)
        .collect();
    language_forms::rivals_of(&chosen)
}

/// Every place in `text` that uses another form, as «file:line: word → form».
fn other_forms(file: &str, text: &str) -> Vec<String> {
    let table = other_forms_table();
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        // A glossary's hard words list the forms plain texts are warned about.
        if file.contains("glossary") && line.starts_with("  - ") {
            continue;
        }
        for word in line.split(|c: char| !c.is_alphanumeric()) {
            if let Some(form) = table.get(word.to_lowercase().as_str()) {
                found.push(format!("{file}:{}: «{word}», write «{form}»", n + 1));
            }
        }
    }
    found
}

#[test]
fn the_nynorsk_words_and_fixture_use_one_form_of_each_word() {
    let root = project_root();
    let mut files = vec![root.join("i18n/nn.yaml"), root.join("i18n/glossary.nn.yaml")];
    let fixture = root.join("tests/fixtures/nynorsk-site");
    for entry in walkdir::WalkDir::new(&fixture).sort_by_file_name().into_iter().filter_map(Result::ok) {
        if entry.path().extension().is_some_and(|e| e == "md" || e == "yaml") {
            files.push(entry.path().to_path_buf());
        }
    }
    let mut found = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        if text.lines().take_while(|l| *l != "---" || text.starts_with("---")).any(|l| l == "lang: nb") {
            continue;
        }
        let file = path.strip_prefix(&root).unwrap().display().to_string();
        found.extend(other_forms(&file, &text));
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_rule_sees_the_other_form() {
    assert_eq!(other_forms("x.md", "Kva betyr det?\nBu hjå oss.").len(), 1);
    assert!(other_forms("glossary.nn.yaml", "  - saksbehandlar").is_empty());
}
