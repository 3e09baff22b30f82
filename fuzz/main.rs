//! Mutation fuzzers for the three parsers that read untrusted text: the
//! YAML profile loader (with full validation now and then), the Markdown
//! filter + render + minify path, and the survey CSV import. Each starts
//! from the seeds in fuzz/seeds/<target>/, mutates them (bit flips,
//! tokens from a dictionary, repeated slices that build deep nesting,
//! splices) and keeps inputs that lead somewhere new.
//!
//! `cargo test` runs each for a second; `FUZZ_SECONDS=600` runs longer (see
//! docs/limits.md). Invariants: no panic, no stack overflow, and no input
//! takes longer than `SLOW` to process. Failing inputs are saved under
//! target/fuzz/<target>/.

use std::collections::BTreeSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use brukervalg::diagnostics::Findings;
use brukervalg::domain::Variant;
use brukervalg::load::raw::{Limits, RawProvider};
use brukervalg::load::{survey_csv, yaml};
use brukervalg::markdown;
use brukervalg::model::routes::{Linker, SitePath};
use brukervalg::model::survey::{Scale, from_counts};

const SLOW: Duration = Duration::from_secs(1);
/// Inputs grow up to this size; the limits' file size is far above, but
/// small inputs let the fuzzer try many more shapes.
const MAX_LEN: usize = 64 * 1024;

fn seconds() -> u64 {
    std::env::var("FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(1)
}

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

struct Report {
    execs: u64,
    corpus: usize,
    failures: Vec<String>,
}

/// Runs `target` on mutated inputs for `seconds()`. The target returns a
/// signature of what the input led to; an input with a new signature joins
/// the corpus.
fn fuzz(name: &str, dict: &[&str], target: impl Fn(&str) -> u64) -> Report {
    let out_dir = manifest().join("target/fuzz").join(name);
    std::fs::create_dir_all(&out_dir).unwrap();
    let mut corpus: Vec<String> = std::fs::read_dir(manifest().join("fuzz/seeds").join(name))
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    corpus.sort();
    assert!(!corpus.is_empty(), "no seeds for {name}");
    let seed = std::env::var("FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed);
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut seen = BTreeSet::new();
    let mut failures = Vec::new();
    let mut execs = 0u64;
    let deadline = Instant::now() + Duration::from_secs(seconds());
    let current = out_dir.join("current");
    while Instant::now() < deadline {
        let base = &corpus[rng.usize(..corpus.len())];
        let other = &corpus[rng.usize(..corpus.len())];
        let input = mutate(&mut rng, base, other, dict);
        // Kept on disk while it runs: a stack overflow aborts the process,
        // and this is then the input that did it.
        std::fs::write(&current, &input).unwrap();
        let started = Instant::now();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| target(&input)));
        let took = started.elapsed();
        execs += 1;
        let failure = match &outcome {
            Err(_) => Some("panic".to_string()),
            Ok(_) if took > SLOW => Some(format!("took {took:?}")),
            Ok(_) => None,
        };
        if let Some(what) = failure {
            let mut h = DefaultHasher::new();
            input.hash(&mut h);
            let path = out_dir.join(format!("failure-{:016x}", h.finish()));
            std::fs::write(&path, &input).unwrap();
            failures.push(format!("{what}: {}", path.display()));
            if failures.len() >= 5 {
                break;
            }
            continue;
        }
        if let Ok(signature) = outcome
            && seen.insert(signature)
            && corpus.len() < 2000
        {
            corpus.push(input);
        }
    }
    let _ = std::fs::remove_file(&current);
    eprintln!(
        "fuzz {name}: {execs} executions in {} s, corpus {}, failures {}",
        seconds(),
        corpus.len(),
        failures.len()
    );
    Report { execs, corpus: corpus.len(), failures }
}

fn mutate(rng: &mut fastrand::Rng, base: &str, other: &str, dict: &[&str]) -> String {
    let mut s = base.to_string();
    for _ in 0..rng.usize(1..=6) {
        let at = boundary(&s, rng.usize(..=s.len()));
        match rng.u8(..8) {
            0 => s.insert_str(at, dict[rng.usize(..dict.len())]),
            1 => {
                let end = boundary(&s, (at + rng.usize(..=16)).min(s.len()));
                s.replace_range(at..end, "");
            }
            2 => s.insert(at, char::from_u32(rng.u32(..0x3000)).unwrap_or('\u{202E}')),
            3 => {
                // A slice repeated many times: deep nesting, long lines, many cells.
                let end = boundary(&s, (at + rng.usize(1..=8)).min(s.len()));
                let piece = s[at..end].to_string();
                let times = [2, 10, 100, 1000, 3000][rng.usize(..5)];
                s.insert_str(end, &piece.repeat(times));
            }
            4 => {
                let from = boundary(other, rng.usize(..=other.len()));
                let to = boundary(other, (from + rng.usize(..=200)).min(other.len()));
                s.insert_str(at, &other[from..to]);
            }
            5 => {
                let token = dict[rng.usize(..dict.len())];
                s.insert_str(at, &token.repeat([1, 50, 2500][rng.usize(..3)]));
            }
            6 => s.insert_str(at, &rng.u64(..).to_string()),
            _ => {
                let end = boundary(&s, (at + 1).min(s.len()));
                let c = s[at..end].chars().next().map_or('x', |c| (c as u8 ^ (1 << rng.u8(..7))) as char);
                s.replace_range(at..end, &c.to_string());
            }
        }
        if s.len() > MAX_LEN {
            s.truncate(boundary(&s, MAX_LEN));
        }
    }
    s
}

fn boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn signature(parts: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    parts.hash(&mut h);
    h.finish()
}

/// The first words of each message: the kind of finding, not its values.
fn kinds<'a>(messages: impl Iterator<Item = &'a str>) -> Vec<String> {
    messages.map(|m| m.split_whitespace().take(3).collect::<Vec<_>>().join(" ")).collect()
}

/// A throw-away site (the minimal fixture with the project's templates),
/// whose provider profile a fuzzer replaces.
fn scratch_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (from, to) in
        [("tests/fixtures/minimal", ""), ("templates", "templates"), ("i18n", "i18n"), ("static", "static")]
    {
        copy_tree(&manifest().join(from), &dir.path().join(to));
    }
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().filter_map(Result::ok) {
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn profile() {
    let site = scratch_site();
    let profile = site.path().join("providers/praktisk-bistand/alfa-omsorg.yaml");
    let limits = Limits::default();
    let count = std::cell::Cell::new(0u32);
    let report = fuzz(
        "profile",
        &[
            ": ",
            "\n- ",
            "\n  ",
            "[",
            "]",
            "{",
            "}",
            "&a ",
            "*a",
            "!!binary ",
            "!!str ",
            "!x ",
            "\"",
            "'",
            "\\u202E",
            "\\0",
            "\\e",
            "|\n  ",
            ">\n  ",
            "~",
            "null",
            "4294967295",
            "-1",
            "1e400",
            ".nan",
            "---\n",
            "? ",
            "#",
            "\u{202E}",
            "\u{1b}",
            "\t",
            "name: x\n",
            "staff_per_month: ",
            "price: ",
            "extras:\n  - ",
        ],
        |text| {
            let problems = yaml::inspect(text, 0, &limits);
            if !problems.is_empty() {
                return signature(kinds(problems.iter().map(|p| p.message.key())));
            }
            let parsed = yaml::parse::<RawProvider>(text, 0);
            let Ok(_) = parsed else {
                return signature(("parse error", parsed.err().map(|p| kinds(std::iter::once(p.message.key())))));
            };
            // Validation too, for one in eight profiles that parse.
            count.set(count.get() + 1);
            if !count.get().is_multiple_of(8) {
                return signature("parsed");
            }
            std::fs::write(&profile, text).unwrap();
            let (_, findings, _) =
                brukervalg::check(site.path(), Some(brukervalg::domain::Date::parse("2026-11-27").unwrap()));
            let findings: Vec<_> = Findings::into_sorted(findings);
            signature(kinds(findings.iter().map(|f| f.message.key())))
        },
    );
    assert!(report.failures.is_empty(), "{:#?}", report.failures);
    assert!(report.execs > 0 && report.corpus > 0);
}

#[test]
fn markdown() {
    let limits = Limits::default();
    let linker = Linker::for_page(&SitePath::home(), Variant::Standard);
    let report = fuzz(
        "markdown",
        &[
            "> ",
            "- ",
            "1. ",
            "  ",
            "\n",
            "*",
            "**",
            "_",
            "[",
            "](",
            ")",
            "![",
            "|",
            "|---|",
            "\n|",
            "```",
            "~~~",
            "<",
            "<script>",
            "&#x202E;",
            "&#0;",
            "&#27;",
            "//evil.example",
            "javascript:",
            "https://t.example/p.gif",
            "#",
            "\\",
            "`",
            "<!--",
            "[a]: /x\n",
            "\u{202E}",
            "\t",
        ],
        |text| {
            let hazards = markdown::hazards(text, limits.markdown_max_depth, limits.table_max_cells);
            let notices = markdown::inspect(text);
            let words = markdown::word_count(text);
            // Rendering must hold even for input validation refuses.
            let html = markdown::to_html(text, &linker);
            // Whatever the text, no element that runs or restyles gets through.
            let lower = html.to_ascii_lowercase();
            assert!(!lower.contains("<script") && !lower.contains("<style"), "{html}");
            let hazard_kinds: Vec<_> =
                hazards.iter().map(|h| format!("{h:?}").split(' ').next().unwrap_or("").to_string()).collect();
            signature((hazard_kinds, notices.len().min(8), words.min(4), html.len() / 64))
        },
    );
    assert!(report.failures.is_empty(), "{:#?}", report.failures);
}

#[test]
fn csv() {
    let report = fuzz(
        "csv",
        &[
            ",",
            "\"",
            "\"\"",
            "\n",
            "\r\n",
            "4294967295",
            "100000",
            "99999",
            "-1",
            "4.8",
            "4,8",
            "NaN",
            "inf",
            "1e9",
            "count_1",
            "count_7",
            "respondents",
            "mean",
            "\u{feff}",
            "\u{202E}",
            ",,,,",
        ],
        |text| {
            let options = 1 + text.len() % 11;
            let (rows, findings) = survey_csv::parse(Path::new("f.csv"), text, options);
            let scale = Scale { min: 1, max: options as u8 };
            let mut shapes = Vec::new();
            for row in &rows {
                match &row.values {
                    survey_csv::RowValues::Counts(counts) => {
                        let (n, mean, _) = from_counts(counts, scale);
                        assert!(n <= survey_csv::MAX_RESPONDENTS, "{n}");
                        assert!(n == 0 || (1.0..=options as f64).contains(&mean), "{mean}");
                        shapes.push(1);
                    }
                    survey_csv::RowValues::Mean { respondents, .. } => {
                        assert!(*respondents <= survey_csv::MAX_RESPONDENTS);
                        shapes.push(2);
                    }
                }
            }
            shapes.dedup();
            signature((kinds(findings.iter().map(|f| f.message.key())), shapes))
        },
    );
    assert!(report.failures.is_empty(), "{:#?}", report.failures);
}
