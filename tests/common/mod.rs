//! A site in a temporary folder: a small fixture plus the project's own
//! templates, UI strings and style sheet, which tests then break on purpose.
#![allow(dead_code)]

pub mod html;

use std::fs;
use std::path::{Path, PathBuf};

use brukervalg::diagnostics::{Finding, Severity};
use brukervalg::domain::Date;
use brukervalg::{BuildFailure, BuildOptions, BuildReport};

pub const TODAY: &str = "2026-11-27";

pub struct TestSite {
    pub dir: tempfile::TempDir,
}

pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().filter_map(Result::ok) {
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

impl TestSite {
    /// `tests/fixtures/minimal`: one service, two providers, one page.
    pub fn minimal() -> TestSite {
        Self::from_fixture(&project_root().join("tests/fixtures/minimal"))
    }

    /// `tests/fixtures/nynorsk-site`: a nynorsk municipality with long,
    /// multilingual pages.
    pub fn nynorsk() -> TestSite {
        Self::from_fixture(&project_root().join("tests/fixtures/nynorsk-site"))
    }

    /// `tests/fixtures/city`: shaped like a large city, 15 districts with
    /// an office each, one provider with too few survey answers beside
    /// well-answered ones.
    pub fn city() -> TestSite {
        Self::from_fixture(&project_root().join("tests/fixtures/city"))
    }

    /// The bundled example municipality.
    pub fn example() -> TestSite {
        let site = Self::empty();
        for dir in ["providers", "content", "surveys", "indicators"] {
            copy_tree(&project_root().join(dir), &site.root().join(dir));
        }
        for file in ["brukervalg.yaml", "glossary.nb.yaml", "glossary.nn.yaml", "streets.csv"] {
            fs::copy(project_root().join(file), site.root().join(file)).unwrap();
        }
        site
    }

    fn from_fixture(fixture: &Path) -> TestSite {
        let site = Self::empty();
        copy_tree(fixture, site.root());
        site
    }

    fn empty() -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        for shared in ["templates", "i18n", "static"] {
            copy_tree(&project_root().join(shared), &dir.path().join(shared));
        }
        TestSite { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn output(&self) -> PathBuf {
        self.root().join("output")
    }

    pub fn write(&self, relative: &str, content: &str) -> &Self {
        let path = self.root().join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
        self
    }

    pub fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.root().join(relative)).unwrap()
    }

    /// Replaces the first occurrence of `from` in a file; panics if absent,
    /// so a test cannot silently stop breaking what it means to break.
    pub fn edit(&self, relative: &str, from: &str, to: &str) -> &Self {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} does not contain {from:?}");
        self.write(relative, &text.replacen(from, to, 1))
    }

    /// Makes the site nynorsk. Its authors' links name bokmål addresses,
    /// which a nynorsk site does not have (tests/addresses.rs), so they are
    /// rewritten as a municipality switching language would.
    /// Its texts stay bokmål, so the nynorsk house style is switched off
    /// (`language_forms`), as it would flag every «også» and «hos».
    pub fn as_nynorsk(&self) -> &Self {
        self.edit("brukervalg.yaml", "language: nb", "language: nn\nlanguage_forms:\n  nn: []");
        for dir in ["content", "providers", "surveys"] {
            for entry in walkdir::WalkDir::new(self.root().join(dir)).into_iter().filter_map(Result::ok) {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "md" || e == "yaml")
                    && let Ok(text) = fs::read_to_string(path)
                    && text.contains("/tjenester/")
                {
                    fs::write(path, text.replace("/tjenester/", "/tenester/")).unwrap();
                }
            }
        }
        self
    }

    pub fn remove(&self, relative: &str) -> &Self {
        fs::remove_file(self.root().join(relative)).unwrap();
        self
    }

    pub fn build_into(&self, output: &Path) -> Result<BuildReport, BuildFailure> {
        let options = BuildOptions {
            root: self.root().to_path_buf(),
            output: output.to_path_buf(),
            today: Some(Date::parse(TODAY).unwrap()),
        };
        brukervalg::build(&options, &|_, _| {})
    }

    pub fn build(&self) -> Result<BuildReport, BuildFailure> {
        self.build_into(&self.output())
    }

    pub fn build_ok(&self) -> BuildReport {
        match self.build() {
            Ok(report) => report,
            Err(failure) => panic!("build failed:\n{}", describe(&failure.findings)),
        }
    }

    /// The errors of a build that must fail.
    pub fn errors(&self) -> Vec<Finding> {
        match self.build() {
            Ok(report) => panic!("build succeeded with warnings:\n{}", describe(&report.findings)),
            Err(failure) => failure.findings.into_iter().filter(|f| f.severity == Severity::Error).collect(),
        }
    }

    /// A written page as text, without the soft hyphens and `<wbr>` the
    /// build adds as break hints, so tests read the words.
    pub fn page(&self, relative: &str) -> String {
        let html = fs::read_to_string(self.output().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"));
        html.replace('\u{ad}', "").replace("<wbr>", "")
    }
}

pub fn describe(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            format!("{:?} {}:{}:{} {}", f.severity, f.file.display(), f.position.line, f.position.column, f.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts that exactly one error names `file` at `line` with a message
/// containing `needle`, and returns it.
pub fn assert_error(findings: &[Finding], file: &str, line: u32, needle: &str) -> Finding {
    let hits: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.file == Path::new(file) && f.position.line == line && f.message.contains(needle))
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "expected one error in {file}:{line} containing {needle:?}, got:\n{}",
        describe(findings)
    );
    hits[0].clone()
}

/// Every file below `dir`, relative path → bytes, in a stable order.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_path_buf(), fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

/// The text of every element `selector` matches in `html`, spaces made single.
pub fn texts(html: &str, selector: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    doc.select(&scraper::Selector::parse(selector).unwrap())
        .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The value of `attr` on every element `selector` matches in `html`.
pub fn attrs(html: &str, selector: &str, attr: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    doc.select(&scraper::Selector::parse(selector).unwrap())
        .filter_map(|e| e.value().attr(attr).map(String::from))
        .collect()
}

/// The 1-based line of the first line of `file` in `site` containing `needle`.
pub fn line_of(site: &TestSite, file: &str, needle: &str) -> u32 {
    let text = site.read(file);
    let at = text.lines().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("{needle:?} not in {file}"));
    u32::try_from(at).unwrap() + 1
}
