//! The code's layers run one way, as the pipeline does: a module imports
//! only modules in layers below its own (README, Design). Read from the
//! source: every `crate::<module>` path outside tests and comments.

use std::collections::BTreeSet;
use std::path::Path;

/// Bottom first; a module may use modules of earlier layers and its own.
const LAYERS: &[&[&str]] = &[
    &["messages"],
    &["domain", "html", "carried", "timing", "interrupt"],
    &["diagnostics"],
    &["load"],
    &["model"],
    &["markdown"],
    &["readability"],
    &["plain"],
    &["i18n"],
    &["validate"],
    &["render"],
    &["output"],
    &["scaffold", "schema"],
    &["lib"],
    &["review"],
    &["cmd"],
    &["main"],
];

/// Imports that run back up, each with the reason it is still there. Empty
/// now; one that must be added says why.
const KNOWN: &[(&str, &str, &str)] = &[];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The top module a file under src/ belongs to: `load` for
/// src/load/files.rs, `markdown` for src/markdown.rs, `lib` for src/lib.rs.
fn module_of(relative: &str) -> String {
    let first = relative.split('/').next().unwrap();
    first.strip_suffix(".rs").unwrap_or(first).to_string()
}

/// The code of a file without its tests and comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap();
    text.lines().map(|l| l.split("//").next().unwrap()).collect::<Vec<_>>().join("\n")
}

/// The top modules a file names as `crate::<module>` (the `msg!` macro is
/// the messages module's).
fn imports(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        // `brukervalg::` is the binary's name for the library.
        let name: String = code[at + 7..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        found.insert(if name == "msg" { "messages".to_string() } else { name });
    }
    found
}

#[test]
fn every_import_runs_down_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    let mut known_seen = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = entry.path().strip_prefix(&src).unwrap().to_str().unwrap().to_string();
        let module = module_of(&relative);
        let own = layer(&module).unwrap_or_else(|| panic!("{relative}: module `{module}` has no layer here"));
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for target in imports(&code(&text)) {
            if target == module || target == "brukervalg" {
                continue;
            }
            // Items of the crate root (`crate::Checked`) are the library's.
            let target_layer = layer(&target).unwrap_or(layer("lib").unwrap());
            if target_layer < own || (target_layer == own && target != "lib") {
                continue;
            }
            if KNOWN.iter().any(|(file, to, _)| *file == relative && *to == target) {
                known_seen.insert((relative.clone(), target));
                continue;
            }
            wrong.push(format!("{relative} ({module}) imports {target}"));
        }
    }
    assert!(wrong.is_empty(), "imports that run up the layers:\n{}", wrong.join("\n"));
    let stale: Vec<_> =
        KNOWN.iter().filter(|(file, to, _)| !known_seen.contains(&(file.to_string(), to.to_string()))).collect();
    assert!(stale.is_empty(), "fixed, take them off the list: {stale:?}");
}
