//! The glossary explains a word once, where the text does not: on every
//! plain page of the example and of the nynorsk fixture, no explanation
//! appears twice in one block, and none stands next to the text's own
//! definition of the word («Leverandøren er den som gir deg hjelpen.»).

mod common;

use std::path::Path;

use common::TestSite;

/// Elements that make a block of text.
const BLOCKS: [&str; 12] = ["p", "li", "td", "th", "dd", "dt", "caption", "h2", "h3", "h4", "div", "section"];

/// The text of each block of `<main>`, tags removed, with the explained
/// words (`<dfn>`) and their explanations.
fn blocks(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let start = html.find("<main").unwrap_or(0);
    let end = html.rfind("</main>").unwrap_or(html.len());
    let mut blocks = vec![(String::new(), Vec::new())];
    let mut rest = &html[start..end];
    while let Some(open) = rest.find('<') {
        let (text, tag_and_rest) = rest.split_at(open);
        blocks.last_mut().unwrap().0.push_str(text);
        let close = tag_and_rest.find('>').map_or(tag_and_rest.len(), |i| i + 1);
        let tag = &tag_and_rest[..close];
        let name: String =
            tag.trim_start_matches(['<', '/']).chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        rest = &tag_and_rest[close..];
        if name == "dfn" && !tag.starts_with("</") {
            let word = &rest[..rest.find("</dfn>").unwrap()];
            let after = &rest[word.len() + "</dfn>".len()..];
            let explanation = after.strip_prefix(" (").and_then(|e| e.find(')').map(|i| e[..i].to_string()));
            blocks.last_mut().unwrap().1.push((word.to_string(), explanation.unwrap_or_default()));
        }
        if BLOCKS.contains(&name.as_str()) {
            blocks.push((String::new(), Vec::new()));
        }
    }
    blocks.last_mut().unwrap().0.push_str(rest);
    blocks
}

/// Whether a sentence of `block` begins with a form of `word` (sharing its
/// stem) and says what it «er».
fn defines(block: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    let stem: String = lower.chars().take(lower.chars().count().saturating_sub(3).max(4)).collect();
    block.split(['.', '!', '?', ':']).any(|sentence| {
        let words: Vec<String> = sentence.split_whitespace().map(str::to_lowercase).collect();
        let start = usize::from(words.first().is_some_and(|w| ["en", "et", "ei", "ein", "eit"].contains(&w.as_str())));
        words.get(start).is_some_and(|w| w.starts_with(&stem)) && words.get(start + 1).is_some_and(|w| w == "er")
    })
}

/// What reads wrong in the plain pages under `output`, one line each.
fn doubled_explanations(output: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(output).sort_by_file_name().into_iter().filter_map(Result::ok) {
        let path = entry.path();
        let relative = path.strip_prefix(output).unwrap().to_string_lossy().to_string();
        if !relative.contains("lettlest/") || path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(path).unwrap().replace(['\u{ad}', '\u{200b}'], "");
        for (text, explained) in blocks(&html) {
            for (word, explanation) in explained.iter().filter(|(_, e)| !e.is_empty()) {
                let times = text.matches(&format!("({explanation})")).count();
                if times > 1 {
                    problems.push(format!("{relative}: «{explanation}» {times} times in «{}»", text.trim()));
                }
                if defines(&text, word) {
                    problems.push(format!("{relative}: «{word}» explained beside its definition in «{}»", text.trim()));
                }
            }
        }
    }
    problems
}

fn assert_explained_once(site: &TestSite) {
    site.build_ok();
    let problems = doubled_explanations(&site.output());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_example_explains_each_word_once_and_never_beside_its_definition() {
    assert_explained_once(&TestSite::example());
}

#[test]
fn the_nynorsk_fixture_explains_each_word_once_and_never_beside_its_definition() {
    assert_explained_once(&TestSite::nynorsk());
}

#[test]
fn the_check_sees_a_planted_double_explanation_and_one_beside_a_definition() {
    let output = tempfile::tempdir().unwrap();
    let page = output.path().join("lettlest/index.html");
    std::fs::create_dir_all(page.parent().unwrap()).unwrap();
    std::fs::write(
        &page,
        "<main><p>Et <dfn>vedtak</dfn> (brevet) og vedtaket (brevet).</p><p>Ring <dfn>le\u{ad}verandøren</dfn> (den som gir deg hjelpen). Leverandøren er den som hjelper.</p></main>",
    )
    .unwrap();
    let problems = doubled_explanations(output.path());
    assert_eq!(problems.len(), 2, "{problems:#?}");
}
