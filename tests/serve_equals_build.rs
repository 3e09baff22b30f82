//! `serve` shows what `build` publishes: random sequences of the edits an
//! editor makes, and after each one the preview's incremental rebuild must
//! be byte for byte a full build of the same files (or both must fail, with
//! the same findings). The example runs with lists of five per page, so an
//! edit also shows on list pages that do not show the edited provider.
//!
//! CI runs a few hundred steps with a fixed seed. For a longer run:
//!
//!     BRUKERVALG_EQUIVALENCE_STEPS=2000 BRUKERVALG_EQUIVALENCE_SEED=7 \
//!         cargo test --release --test serve_equals_build -- --nocapture

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use brukervalg::cmd::serve::{Outcome, Preview};
use brukervalg::domain::Date;
use common::{TestSite, snapshot};

const DEFAULT_STEPS: usize = 240;
/// Steps between full builds: every step is compared, but a long run needs
/// a fresh preview now and then so that a memo bug cannot hide behind the
/// first build's pages forever. (It still rebuilds incrementally in between.)
const FRESH_PREVIEW_EVERY: usize = 60;

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Every file of the site below `dir` with its name relative to `dir`.
fn files(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == extension))
        .map(|e| e.path().to_path_buf())
        .collect();
    found.sort();
    found
}

/// One edit: what it did, for the failure message.
struct Editor<'a> {
    site: &'a TestSite,
    rng: fastrand::Rng,
    /// Added providers get fresh names.
    added: usize,
}

impl Editor<'_> {
    fn root(&self) -> &Path {
        self.site.root()
    }

    fn pick(&mut self, paths: &[PathBuf]) -> Option<PathBuf> {
        (!paths.is_empty()).then(|| paths[self.rng.usize(..paths.len())].clone())
    }

    fn profiles(&self) -> Vec<PathBuf> {
        files(&self.root().join("providers"), "yaml")
    }

    /// Replaces the first line starting with `prefix` in `path` by `line`.
    fn set_line(&self, path: &Path, prefix: &str, line: &str) -> bool {
        let Ok(text) = fs::read_to_string(path) else { return false };
        let mut done = false;
        let edited: Vec<String> = text
            .lines()
            .map(|l| {
                if !done && l.starts_with(prefix) {
                    done = true;
                    line.to_string()
                } else {
                    l.to_string()
                }
            })
            .collect();
        if done {
            fs::write(path, edited.join("\n") + "\n").unwrap();
        }
        done
    }

    fn append_to_value(&self, path: &Path, prefix: &str, words: &str) -> bool {
        let Ok(text) = fs::read_to_string(path) else { return false };
        let Some(line) = text.lines().find(|l| l.starts_with(prefix) && !l.trim_end().ends_with('>')) else {
            return false;
        };
        let line = line.to_string();
        let quoted = line.ends_with('"');
        let new = if quoted { format!("{} {words}\"", &line[..line.len() - 1]) } else { format!("{line} {words}") };
        fs::write(path, text.replacen(&line, &new, 1)).unwrap();
        true
    }

    /// Makes one random edit; returns what it did.
    fn edit(&mut self) -> String {
        loop {
            let kind = self.rng.usize(..17);
            if let Some(done) = self.try_edit(kind) {
                return done;
            }
        }
    }

    fn try_edit(&mut self, kind: usize) -> Option<String> {
        let word = ["Nytt", "Endret", "Omsorg", "Hjelp", "Vest", "Fjord"][self.rng.usize(..6)];
        match kind {
            // A provider's name (its place in the neutral order may change).
            0 => {
                let p = self.pick(&self.profiles())?;
                self.append_to_value(&p, "name: ", word).then(|| format!("renamed {}", p.display()))
            }
            // Capacity.
            1 => {
                let p = self.pick(&self.profiles())?;
                let status = ["open", "waiting-list", "full"][self.rng.usize(..3)];
                self.set_line(&p, "  status: ", &format!("  status: {status}"))
                    .then(|| format!("{status} {}", p.display()))
            }
            // A description (plain text edits are checked against it too).
            2 => {
                let p = self.pick(&self.profiles())?;
                let text = fs::read_to_string(&p).ok()?;
                let edited = text.replacen("description: >\n", &format!("description: >\n  {word} tekst.\n"), 1);
                (edited != text).then(|| {
                    fs::write(&p, edited).unwrap();
                    format!("description of {}", p.display())
                })
            }
            // Districts.
            3 => {
                let p = self.pick(&self.profiles())?;
                let districts = ["sentrum", "nordre-asen", "hagevik", "bjorkedalen", "brattli", "storoy"];
                let mut chosen: Vec<&str> = districts.iter().copied().filter(|_| self.rng.bool()).collect();
                if chosen.is_empty() {
                    chosen.push(districts[self.rng.usize(..districts.len())]);
                }
                let line = format!("districts: [{}]", chosen.join(", "));
                self.set_line(&p, "districts: ", &line).then(|| format!("{line} in {}", p.display()))
            }
            // A survey figure.
            4 => {
                let csv = self.pick(&files(&self.root().join("surveys"), "csv"))?;
                let text = fs::read_to_string(&csv).ok()?;
                let rows: Vec<&str> = text.lines().collect();
                if rows.len() < 2 {
                    return None;
                }
                let at = 1 + self.rng.usize(..rows.len() - 1);
                let header: Vec<&str> = rows[0].split(',').collect();
                let mut cells: Vec<String> = rows[at].split(',').map(str::to_string).collect();
                if cells.len() != header.len() {
                    return None;
                }
                for (cell, column) in cells.iter_mut().zip(&header) {
                    // Counts per answer, or respondents and a mean; around
                    // the disclosure limits.
                    if column.starts_with("count_") {
                        *cell = [0, 0, 1, 2, 3, 7, 20][self.rng.usize(..7)].to_string();
                    } else if *column == "respondents" {
                        *cell = [3, 4, 5, 9, 10, 19, 40, 66][self.rng.usize(..8)].to_string();
                    } else if *column == "mean" {
                        *cell = format!("{}.{}", self.rng.u8(1..6), self.rng.u8(0..10));
                    }
                }
                let mut lines: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
                lines[at] = cells.join(",");
                fs::write(&csv, lines.join("\n") + "\n").unwrap();
                Some(format!("survey row {at} of {}: {}", csv.display(), lines[at]))
            }
            // A survey question.
            5 => {
                let yaml = self.pick(&files(&self.root().join("surveys"), "yaml"))?;
                self.append_to_value(&yaml, "    question: ", word).then(|| format!("question in {}", yaml.display()))
            }
            // A school's self-description.
            6 => {
                let md = self.pick(&files(&self.root().join("providers/skole"), "md"))?;
                let text = fs::read_to_string(&md).ok()?;
                fs::write(&md, format!("{text}\n{word} avsnitt om skolen.\n")).unwrap();
                Some(format!("self-description {}", md.display()))
            }
            // An information page.
            7 => {
                let md = self.pick(&files(&self.root().join("content"), "md"))?;
                if self.rng.bool() {
                    self.append_to_value(&md, "title: ", word).then(|| format!("title of {}", md.display()))
                } else {
                    let text = fs::read_to_string(&md).ok()?;
                    fs::write(&md, format!("{text}\n{word} avsnitt.\n")).unwrap();
                    Some(format!("body of {}", md.display()))
                }
            }
            // The configuration: a district's name, a service text, a phone.
            8 => {
                let config = self.root().join("brukervalg.yaml");
                match self.rng.usize(..3) {
                    0 => {
                        self.append_to_value(&config, "    name: ", word).then(|| "a name in the configuration".into())
                    }
                    1 => {
                        let text = fs::read_to_string(&config).ok()?;
                        let edited =
                            text.replacen("    scheme: >\n", &format!("    scheme: >\n      {word} ordning.\n"), 1);
                        fs::write(&config, edited).unwrap();
                        Some("a service's scheme".into())
                    }
                    _ => {
                        let phone = format!(
                            "\"55 {:02} {:02} {:02}\"",
                            self.rng.u8(10..99),
                            self.rng.u8(10..99),
                            self.rng.u8(10..99)
                        );
                        self.set_line(&config, "  phone: ", &format!("  phone: {phone}"))
                            .then(|| format!("site phone {phone}"))
                    }
                }
            }
            // A UI string.
            9 => {
                let path = self.root().join("i18n/nb.yaml");
                self.append_to_value(&path, "  site_tagline: ", word).then(|| "the tagline".into())
            }
            // The glossary: a term's explanation.
            10 => {
                let path = self.root().join("i18n/glossary.nb.yaml");
                self.append_to_value(&path, "    explanation: ", "og mer").then(|| "a glossary explanation".into())
            }
            // A template.
            11 => {
                let template = self.pick(&files(&self.root().join("templates"), "html"))?;
                let text = fs::read_to_string(&template).ok()?;
                fs::write(&template, format!("{text}\n")).unwrap();
                Some(format!("template {}", template.display()))
            }
            // A static file.
            12 => {
                let css = self.root().join("static/assets/style.css");
                let text = fs::read_to_string(&css).ok()?;
                fs::write(&css, format!("{text}\n/* {word} */\n")).unwrap();
                Some("the style sheet".into())
            }
            // A new provider, a copy of another with its own name.
            13 => {
                let from = self.pick(&self.profiles())?;
                if from.parent()?.ends_with("skole") {
                    return None;
                }
                self.added += 1;
                let slug = format!("ny-leverandor-{}", self.added);
                let to = from.with_file_name(format!("{slug}.yaml"));
                fs::copy(&from, &to).unwrap();
                self.set_line(&to, "name: ", &format!("name: Ny Leverandør {} AS", self.added));
                self.set_line(&to, "org_number: ", &format!("org_number: \"{}\"", org_number(self.added)));
                Some(format!("added {}", to.display()))
            }
            // A provider removed (an added one, or rarely any).
            14 => {
                let added: Vec<PathBuf> = self
                    .profiles()
                    .into_iter()
                    .filter(|p| p.file_name().unwrap().to_str().unwrap().starts_with("ny-"))
                    .collect();
                // The example's own providers have survey rows: removing one
                // is an error until the survey is edited, which ends the walk.
                let p = self.pick(&added)?;
                fs::remove_file(&p).unwrap();
                Some(format!("removed {}", p.display()))
            }
            // A profile's file renamed (its address changes).
            15 => {
                let p = self.pick(&self.profiles())?;
                let stem = p.file_stem()?.to_str()?.to_string();
                if !stem.starts_with("ny-") {
                    return None;
                }
                let to = p.with_file_name(format!("{stem}-x.yaml"));
                fs::rename(&p, &to).unwrap();
                Some(format!("renamed file {} to {}", p.display(), to.display()))
            }
            // A folder removed and made again with the same files.
            _ => {
                let which = ["surveys", "content", "providers/hjemmesykepleie"][self.rng.usize(..3)];
                let folder = self.root().join(which);
                let copy = self.root().with_extension("copy");
                copy_tree(&folder, &copy);
                fs::remove_dir_all(&folder).unwrap();
                copy_tree(&copy, &folder);
                fs::remove_dir_all(&copy).unwrap();
                Some(format!("re-created {}", folder.display()))
            }
        }
    }
}

/// A valid organisation number (mod 11) no example provider has.
fn org_number(n: usize) -> String {
    const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
    (0..)
        .map(|i| format!("9{:07}", 1_000_000 + n * 100 + i))
        .find_map(|base| {
            let sum: u32 = base.chars().zip(WEIGHTS).map(|(d, w)| d.to_digit(10).unwrap() * w).sum();
            match 11 - sum % 11 {
                10 => None,
                11 => Some(format!("{base}0")),
                d => Some(format!("{base}{d}")),
            }
        })
        .unwrap()
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The preview's files, or its findings when the rebuild failed.
type Result_ = Result<Vec<(PathBuf, Vec<u8>)>, Vec<String>>;

fn preview_files(preview: &mut Preview) -> Result_ {
    match preview.rebuild() {
        Outcome::Built(_) => Ok(preview.state().snapshot().site.unwrap().contents().unwrap()),
        Outcome::Failed(findings) => {
            Err(findings.iter().map(|f| format!("{} {}", f.file.display(), f.message)).collect())
        }
    }
}

fn full_build(site: &TestSite) -> Result_ {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    match site.build_into(&out) {
        Ok(_) => {
            let mut files = snapshot(&out);
            files.retain(|(path, _)| path.as_os_str() != brukervalg::output::MARKER);
            Ok(files)
        }
        Err(failure) => Err(failure.findings.iter().map(|f| format!("{} {}", f.file.display(), f.message)).collect()),
    }
}

#[test]
fn after_any_sequence_of_edits_serve_shows_what_build_writes() {
    let steps = setting("BRUKERVALG_EQUIVALENCE_STEPS", DEFAULT_STEPS as u64) as usize;
    let seed = setting("BRUKERVALG_EQUIVALENCE_SEED", 2026);
    let site = TestSite::example();
    // Lists of five: most edits then also show on list pages that do not
    // list the edited provider (counts, filters, the surveys' notes).
    let config = site.read("brukervalg.yaml");
    site.write("brukervalg.yaml", &format!("{config}\nlisting:\n  page_size: 5\n"));
    let today = Some(Date::parse(common::TODAY).unwrap());
    let mut editor = Editor { site: &site, rng: fastrand::Rng::with_seed(seed), added: 0 };
    let mut preview = Preview::new(site.root(), today).unwrap();
    preview_files(&mut preview).expect("the example builds");
    let mut history = Vec::new();
    let (mut compared, mut failed_both) = (0, 0);
    for step in 0..steps {
        if step > 0 && step % FRESH_PREVIEW_EVERY == 0 {
            preview = Preview::new(site.root(), today).unwrap();
            let _ = preview_files(&mut preview);
        }
        history.push(editor.edit());
        let served = preview_files(&mut preview);
        let built = full_build(&site);
        let context = || {
            format!(
                "seed {seed}, step {step}; edits since the last fresh preview:\n{}",
                history[history.len().saturating_sub(FRESH_PREVIEW_EVERY)..].join("\n")
            )
        };
        match (&served, &built) {
            (Ok(served), Ok(built)) => {
                let names = |files: &[(PathBuf, Vec<u8>)]| files.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
                assert_eq!(names(served), names(built), "the same files\n{}", context());
                let differing: Vec<&PathBuf> =
                    served.iter().zip(built).filter(|(a, b)| a.1 != b.1).map(|(a, _)| &a.0).collect();
                assert!(
                    differing.is_empty(),
                    "{} pages differ from a full build: {differing:?}\n{}",
                    differing.len(),
                    context()
                );
                compared += 1;
            }
            (Err(a), Err(b)) => {
                assert_eq!(a, b, "the same findings\n{}", context());
                if std::env::var_os("BRUKERVALG_EQUIVALENCE_VERBOSE").is_some() {
                    eprintln!("step {step} ({}) fails: {a:?}", history[step]);
                }
                failed_both += 1;
            }
            (Ok(_), Err(findings)) => panic!("serve built what build refuses: {findings:?}\n{}", context()),
            (Err(findings), Ok(_)) => panic!("serve refused what build builds: {findings:?}\n{}", context()),
        }
    }
    eprintln!("{steps} steps (seed {seed}): {compared} compared byte for byte, {failed_both} failed in both");
    assert!(compared > steps / 2, "most edits leave a site that builds: {compared} of {steps}");
}
