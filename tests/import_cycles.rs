//! No file imports, through any chain of imports, a file that imports it:
//! each file can be read knowing only the files below it. Read from the
//! source: `crate::`, `super::` and `self::` paths, `use` groups, and a
//! module root's paths into its own children, resolved to the file that
//! defines the module they name.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Groups of files allowed to import each other, each with the reason.
/// Empty: the last (module roots whose children used the root's types)
/// were split into sibling modules (`model/site.rs`, `validate/checks.rs`,
/// `load/loaded.rs`, `markdown/block.rs`).
const KNOWN: &[&str] = &[];

type Graph = BTreeMap<String, BTreeSet<String>>;

/// `render/views.rs` → `["render", "views"]`; `render/mod.rs` → `["render"]`.
fn module_path(relative: &str) -> Vec<String> {
    let mut parts: Vec<String> = relative.trim_end_matches(".rs").split('/').map(String::from).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    parts
}

/// The code of a file without its tests and comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap();
    text.lines().map(|l| l.split("//").next().unwrap()).collect::<Vec<_>>().join("\n")
}

fn identifier(text: &str) -> &str {
    let end = text.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(text.len());
    &text[..end]
}

/// The segments of the path that starts at `at` (`crate::a::b` →
/// [crate, a, b]), stopping before `{` or `*`.
fn path_at(code: &str, at: usize) -> Vec<String> {
    let mut segments = Vec::new();
    let mut rest = &code[at..];
    loop {
        let name = identifier(rest);
        if name.is_empty() {
            break;
        }
        segments.push(name.to_string());
        rest = &rest[name.len()..];
        match rest.strip_prefix("::") {
            Some(more) => rest = more,
            None => break,
        }
    }
    segments
}

/// The file that defines the longest prefix of `path` that is a module.
fn resolve(modules: &BTreeMap<Vec<String>, String>, path: &[String]) -> Option<String> {
    (1..=path.len()).rev().find_map(|n| modules.get(&path[..n]).cloned())
}

fn absolute(me: &[String], segments: &[String]) -> Vec<String> {
    let mut base: Vec<String> = Vec::new();
    let mut rest = segments;
    match segments.first().map(String::as_str) {
        Some("crate") => rest = &segments[1..],
        Some("self" | "super") => {
            base = me.to_vec();
            while let Some(first) = rest.first() {
                match first.as_str() {
                    "super" => {
                        base.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                rest = &rest[1..];
            }
        }
        _ => base = me.to_vec(),
    }
    base.extend(rest.iter().cloned());
    base
}

fn import_graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "rs") {
            let relative = entry.path().strip_prefix(&src).unwrap().to_str().unwrap().replace('\\', "/");
            files.insert(relative, code(&std::fs::read_to_string(entry.path()).unwrap()));
        }
    }
    let modules: BTreeMap<Vec<String>, String> = files.keys().map(|f| (module_path(f), f.clone())).collect();
    let mut graph = Graph::new();
    for (file, code) in &files {
        let me = module_path(file);
        let mut targets = BTreeSet::new();
        let mut add = |path: Vec<String>| {
            if let Some(target) = resolve(&modules, &path).filter(|t| t != file) {
                targets.insert(target);
            }
        };
        for start in ["crate::", "super::", "self::"] {
            for (at, _) in code.match_indices(start) {
                let before = code[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                let segments = path_at(code, at);
                add(absolute(&me, &segments));
                // `use super::{a, b::c}`: each item of the group.
                let after = at + segments.iter().map(|s| s.len() + 2).sum::<usize>();
                if let Some(group) = code.get(after..).and_then(|g| g.strip_prefix('{')) {
                    let group = &group[..group.find('}').unwrap_or(group.len())];
                    for item in group.split(',') {
                        let item: Vec<String> = path_at(item.trim(), 0);
                        if !item.is_empty() && item[0] != "self" {
                            add(absolute(&me, &[segments.clone(), item].concat()));
                        }
                    }
                }
            }
        }
        // A module root naming its own children: `views::layout(...)`.
        for line in code.lines() {
            let declared = line.trim().trim_start_matches("pub(crate) ").trim_start_matches("pub ");
            let Some(child) = declared.strip_prefix("mod ").and_then(|c| c.strip_suffix(';')) else { continue };
            let named = code.match_indices(&format!("{child}::")).any(|(at, _)| {
                !code[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
            });
            if named {
                add([me.clone(), vec![child.to_string()]].concat());
            }
        }
        graph.insert(file.clone(), targets);
    }
    graph
}

/// The groups of files that import each other (Tarjan's strongly
/// connected components, of more than one file).
fn circles(graph: &Graph) -> Vec<BTreeSet<String>> {
    struct Walk<'g> {
        graph: &'g Graph,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        found: Vec<BTreeSet<String>>,
    }
    impl<'g> Walk<'g> {
        fn visit(&mut self, file: &'g str) {
            let n = self.index.len();
            self.index.insert(file, n);
            self.low.insert(file, n);
            self.stack.push(file);
            for target in &self.graph[file] {
                let target = target.as_str();
                if !self.index.contains_key(target) {
                    self.visit(target);
                    let low = self.low[file].min(self.low[target]);
                    self.low.insert(file, low);
                } else if self.stack.contains(&target) {
                    let low = self.low[file].min(self.index[target]);
                    self.low.insert(file, low);
                }
            }
            if self.low[file] == self.index[file] {
                let mut group = BTreeSet::new();
                while let Some(top) = self.stack.pop() {
                    group.insert(top.to_string());
                    if top == file {
                        break;
                    }
                }
                if group.len() > 1 {
                    self.found.push(group);
                }
            }
        }
    }
    let mut walk = Walk { graph, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), found: Vec::new() };
    for file in graph.keys() {
        if !walk.index.contains_key(file.as_str()) {
            walk.visit(file);
        }
    }
    walk.found
}

#[test]
fn no_files_import_each_other() {
    let found = circles(&import_graph());
    let unknown: Vec<_> = found.iter().filter(|group| !KNOWN.iter().any(|k| group.contains(*k))).collect();
    assert!(
        unknown.is_empty(),
        "files that import each other (split what they share into a module of its own):\n{unknown:#?}"
    );
    for known in KNOWN {
        assert!(
            found.iter().any(|group| group.contains(*known)),
            "{known} and its children no longer import each other: take it off KNOWN"
        );
    }
}

#[test]
fn the_reader_of_imports_sees_a_circle_when_there_is_one() {
    let mut graph = Graph::new();
    graph.insert("a.rs".into(), BTreeSet::from(["b.rs".to_string()]));
    graph.insert("b.rs".into(), BTreeSet::from(["c.rs".to_string()]));
    graph.insert("c.rs".into(), BTreeSet::from(["a.rs".to_string()]));
    graph.insert("d.rs".into(), BTreeSet::from(["a.rs".to_string()]));
    assert_eq!(circles(&graph), vec![BTreeSet::from(["a.rs".into(), "b.rs".into(), "c.rs".into()])]);
    // And reads one from source: render/ once had views ↔ its children.
    let me = module_path("render/filter_views.rs");
    assert_eq!(absolute(&me, &path_at("super::views::Place", 0)), ["render", "views", "Place"]);
    assert_eq!(absolute(&me, &path_at("crate::model::Site", 0)), ["model", "Site"]);
}
