//! Reading the site's files from disk into raw documents that still carry
//! their source positions. Nothing here judges content beyond "is it
//! well-formed YAML/Markdown of the right shape".

pub mod frontmatter;
pub mod raw;
pub mod spanned;
pub mod survey_csv;
pub mod yaml;

use std::path::{Path, PathBuf};

use crate::diagnostics::{Finding, Findings, Position};
use raw::{RawPage, RawProvider, RawSiteConfig, RawSurvey};

pub const CONFIG_FILE: &str = "brukervalg.yaml";
pub const PLAIN_SUFFIX: &str = ".lettlest";

/// A file's path relative to the site root, plus its absolute path.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub relative: PathBuf,
    pub absolute: PathBuf,
}

/// One provider profile: the YAML, and for schools the self-description.
#[derive(Debug)]
pub struct LoadedProvider {
    pub service_dir: String,
    pub file_stem: String,
    pub source: SourceFile,
    pub profile: RawProvider,
    pub self_description: Option<MarkdownFile>,
    pub self_description_plain: Option<MarkdownFile>,
}

#[derive(Debug, Clone)]
pub struct MarkdownFile {
    pub source: SourceFile,
    /// The Markdown body, without front matter.
    pub body: String,
    /// 1-based line of the body's first line in the file.
    pub body_line: u32,
}

#[derive(Debug)]
pub struct LoadedPage {
    pub file_stem: String,
    pub source: SourceFile,
    pub front: RawPage,
    pub markdown: MarkdownFile,
    pub plain: Option<(RawPage, MarkdownFile)>,
}

/// Everything read from the site's folder.
#[derive(Debug)]
pub struct LoadedSite {
    pub config: Option<(SourceFile, RawSiteConfig)>,
    pub providers: Vec<LoadedProvider>,
    pub pages: Vec<LoadedPage>,
    pub surveys: Vec<LoadedSurvey>,
}

/// A survey description and the text of its results file (parsed once the
/// survey's scale is known).
#[derive(Debug)]
pub struct LoadedSurvey {
    pub file_stem: String,
    pub source: SourceFile,
    pub survey: RawSurvey,
    pub results: Option<(SourceFile, String)>,
}

pub fn load_site(root: &Path, findings: &mut Findings) -> LoadedSite {
    let config = load_config(root, findings);
    let providers = load_providers(root, findings);
    let pages = load_pages(root, findings);
    let surveys = load_surveys(root, findings);
    LoadedSite { config, providers, pages, surveys }
}

fn source(root: &Path, absolute: &Path) -> SourceFile {
    SourceFile {
        relative: absolute.strip_prefix(root).unwrap_or(absolute).to_path_buf(),
        absolute: absolute.to_path_buf(),
    }
}

fn read(file: &SourceFile, findings: &mut Findings) -> Option<String> {
    match std::fs::read(&file.absolute) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => {
                crate::validate::placeholders::scan(&file.relative, &text, findings);
                Some(text)
            }
            Err(e) => {
                let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let line = 1 + before.iter().filter(|&&b| b == b'\n').count() as u32;
                findings.push(
                    Finding::error(&file.relative, Position::new(line, 1), "the file is not valid UTF-8 text")
                        .with_help("save the file as UTF-8 (most editors offer it under \"Save with encoding\")"),
                );
                None
            }
        },
        Err(e) => {
            findings.push(Finding::error(&file.relative, Position::WHOLE_FILE, format!("cannot read the file: {e}")));
            None
        }
    }
}

fn load_config(root: &Path, findings: &mut Findings) -> Option<(SourceFile, RawSiteConfig)> {
    let file = source(root, &root.join(CONFIG_FILE));
    if !file.absolute.is_file() {
        findings.push(
            Finding::error(
                &file.relative,
                Position::WHOLE_FILE,
                format!("no site configuration found in {}", root.display()),
            )
            .with_help("run brukervalg in the site's folder, or point to it with --root DIR"),
        );
        return None;
    }
    let text = read(&file, findings)?;
    match yaml::parse::<RawSiteConfig>(&text, 0) {
        Ok(config) => Some((file, config)),
        Err(problem) => {
            findings.push(problem.into_finding(&file.relative));
            None
        }
    }
}

/// Sorted directory listing, so that the order of findings and pages never
/// depends on the file system.
fn sorted_entries(dir: &Path, max_depth: usize) -> Vec<walkdir::DirEntry> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(max_depth)
        .sort_by_file_name()
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .collect()
}

fn load_providers(root: &Path, findings: &mut Findings) -> Vec<LoadedProvider> {
    let dir = root.join("providers");
    let mut out = Vec::new();
    for entry in sorted_entries(&dir, 2) {
        let path = entry.path();
        let file = source(root, path);
        if entry.file_type().is_symlink() {
            findings.push(
                Finding::error(&file.relative, Position::WHOLE_FILE, "symbolic links are not followed")
                    .with_help("replace the link with the file itself"),
            );
            continue;
        }
        if entry.depth() == 1 {
            if entry.file_type().is_file() {
                findings.push(
                    Finding::error(
                        &file.relative,
                        Position::WHOLE_FILE,
                        "profiles belong in a folder named after their service",
                    )
                    .with_help("move it to providers/<service-id>/, e.g. providers/praktisk-bistand/"),
                );
            }
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".yaml") else {
            if name.ends_with(".yml") {
                findings.push(
                    Finding::error(&file.relative, Position::WHOLE_FILE, "profiles must end in .yaml")
                        .with_help(format!("rename it to {}", name.trim_end_matches(".yml").to_string() + ".yaml")),
                );
            }
            // Self-descriptions and photos are picked up from their profile.
            continue;
        };
        let Some(text) = read(&file, findings) else {
            continue;
        };
        let profile = match yaml::parse::<RawProvider>(&text, 0) {
            Ok(profile) => profile,
            Err(problem) => {
                findings.push(problem.into_finding(&file.relative));
                continue;
            }
        };
        let service_dir =
            path.parent().and_then(Path::file_name).map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let sibling = |suffix: &str| path.with_file_name(format!("{stem}{suffix}.md"));
        let self_description = load_markdown_body(root, &sibling(""), findings);
        let self_description_plain = load_markdown_body(root, &sibling(PLAIN_SUFFIX), findings);
        out.push(LoadedProvider {
            service_dir,
            file_stem: stem.to_string(),
            source: file,
            profile,
            self_description,
            self_description_plain,
        });
    }
    out
}

/// A Markdown file without front matter (a school's self-description).
fn load_markdown_body(root: &Path, path: &Path, findings: &mut Findings) -> Option<MarkdownFile> {
    if !path.is_file() {
        return None;
    }
    let file = source(root, path);
    let text = read(&file, findings)?;
    Some(MarkdownFile { source: file, body: text, body_line: 1 })
}

fn load_pages(root: &Path, findings: &mut Findings) -> Vec<LoadedPage> {
    let dir = root.join("content");
    let mut out = Vec::new();
    for entry in sorted_entries(&dir, 1) {
        let name = entry.file_name().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".md") else {
            continue;
        };
        if stem.ends_with(PLAIN_SUFFIX) || !entry.file_type().is_file() {
            continue;
        }
        let file = source(root, entry.path());
        let Some((front, markdown)) = load_page_file(&file, findings) else {
            continue;
        };
        let plain_path = entry.path().with_file_name(format!("{stem}{PLAIN_SUFFIX}.md"));
        let plain = if plain_path.is_file() { load_page_file(&source(root, &plain_path), findings) } else { None };
        out.push(LoadedPage { file_stem: stem.to_string(), source: file, front, markdown, plain });
    }
    // A plain companion without its standard page would never be shown.
    for entry in sorted_entries(&dir, 1) {
        let name = entry.file_name().to_string_lossy().to_string();
        if let Some(stem) = name.strip_suffix(&format!("{PLAIN_SUFFIX}.md"))
            && !entry.path().with_file_name(format!("{stem}.md")).is_file()
        {
            findings.push(
                Finding::error(
                    source(root, entry.path()).relative,
                    Position::WHOLE_FILE,
                    "a plain-language page without its standard page",
                )
                .with_help(format!("add content/{stem}.md, or rename this file")),
            );
        }
    }
    out
}

fn load_page_file(file: &SourceFile, findings: &mut Findings) -> Option<(RawPage, MarkdownFile)> {
    let text = read(file, findings)?;
    let Some(split) = frontmatter::split(&text) else {
        findings.push(Finding::error(&file.relative, Position::new(1, 1), "the page has no front matter").with_help(
            "start the file with a block like\n---\ntitle: Sidens tittel\nsummary: En setning om siden.\n---",
        ));
        return None;
    };
    let front = match yaml::parse::<RawPage>(split.yaml, split.yaml_line - 1) {
        Ok(front) => front,
        Err(problem) => {
            findings.push(problem.into_finding(&file.relative));
            return None;
        }
    };
    Some((front, MarkdownFile { source: file.clone(), body: split.body.to_string(), body_line: split.body_line }))
}

fn load_surveys(root: &Path, findings: &mut Findings) -> Vec<LoadedSurvey> {
    let mut out = Vec::new();
    for entry in sorted_entries(&root.join("surveys"), 1) {
        let name = entry.file_name().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".yaml") else { continue };
        if !entry.file_type().is_file() {
            continue;
        }
        let file = source(root, entry.path());
        let Some(text) = read(&file, findings) else { continue };
        let survey = match yaml::parse::<RawSurvey>(&text, 0) {
            Ok(survey) => survey,
            Err(problem) => {
                findings.push(problem.into_finding(&file.relative));
                continue;
            }
        };
        let at = Position::from_yaml(&survey.results.referenced);
        let results_name = survey.results.value.trim();
        let results = if results_name.contains(['/', '\\']) || results_name.starts_with('.') {
            findings.push(
                Finding::error(
                    &file.relative,
                    at,
                    format!("`results` `{results_name}` must be a file beside the survey"),
                )
                .with_help("put the CSV file in surveys/ and give only its name"),
            );
            None
        } else {
            let path = entry.path().with_file_name(results_name);
            if path.is_file() {
                let csv_file = source(root, &path);
                read(&csv_file, findings).map(|text| (csv_file, text))
            } else {
                findings.push(
                    Finding::error(&file.relative, at, format!("the results file `{results_name}` is not in surveys/"))
                        .with_help("add the CSV export, or correct the file name"),
                );
                None
            }
        };
        out.push(LoadedSurvey { file_stem: stem.to_string(), source: file, survey, results });
    }
    out
}
