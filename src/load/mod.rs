//! Reading the site's files from disk into raw documents that still carry
//! their source positions. Nothing here judges content beyond "is it
//! well-formed YAML/Markdown of the right shape".

pub mod files;
pub mod frontmatter;
mod indentation;
pub mod indicators_csv;
pub mod inputs;
pub mod limits;
mod loaded;
mod mend;
pub mod placeholders;
pub mod position;
pub mod profile_cache;
pub mod raw;
mod raw_kinds;
pub mod spanned;
mod stray;
pub mod streets_csv;
pub mod survey_csv;
pub mod text;
pub mod yaml;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Finding, Findings, Position};
use crate::msg;
use files::{Entry, exists, source, walk};
use limits::Limits;
pub use profile_cache::ProfileCache;
use raw::{RawPage, RawProvider, RawSiteConfig, RawSurvey};

pub use crate::domain::CONFIG_FILE;
pub use loaded::*;
pub fn load_site(root: &Path, findings: &mut Findings) -> LoadedSite {
    load_site_cached(root, findings, None)
}

/// As `load_site`, taking unchanged profiles from `cache` (`serve`).
pub fn load_site_cached(root: &Path, findings: &mut Findings, cache: Option<&ProfileCache>) -> LoadedSite {
    let (config, config_text) = match load_config(root, findings) {
        Some((file, config, text)) => (Some((file, config)), text),
        None => (None, String::new()),
    };
    let limits = config.as_ref().map(|(_, c)| Limits::resolve(&c.limits).0).unwrap_or_default();
    findings.limit_per_file(limits.findings_per_file);
    if let Some(cache) = cache {
        cache.begin(&limits);
    }
    let reader = Reader { root, limits, cache };
    let (providers, profile_files) = reader.providers(findings);
    let pages = reader.pages(findings);
    let surveys = reader.surveys(findings);
    let indicators = reader.indicators(findings);
    let streets = reader.streets(findings);
    let static_files = reader.static_files(findings);
    // Read by i18n; links there are refused here, once. The templates are
    // read through `files` by `render::templates::read`.
    walk(root, &root.join("i18n"), usize::MAX, findings);
    let loaded = LoadedSite {
        config,
        config_text,
        limits,
        providers,
        profile_files,
        pages,
        surveys,
        indicators,
        streets,
        static_files,
    };
    stray::check(root, &loaded, findings);
    loaded
}

fn load_config(root: &Path, findings: &mut Findings) -> Option<(SourceFile, RawSiteConfig, String)> {
    let file = source(root, &root.join(CONFIG_FILE));
    if !exists(&file.absolute) {
        findings.push(
            Finding::error(&file.relative, Position::WHOLE_FILE, msg!("config.missing", folder = root.display()))
                .with_help(msg!("config.missing.help")),
        );
        return None;
    }
    // The limits are not known before the configuration is read.
    let reader = Reader { root, limits: Limits::default(), cache: None };
    let text = reader.text(&file, findings)?;
    let config = reader.yaml(&file, &text, 0, findings)?;
    Some((file, config, text))
}

/// A number no reading of a profile had before, in this process.
fn next_reading() -> u64 {
    static READINGS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    READINGS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Reads files under the limits in force.
struct Reader<'a> {
    root: &'a Path,
    limits: Limits,
    cache: Option<&'a ProfileCache>,
}

impl Reader<'_> {
    /// A YAML document, after the checks every YAML file gets.
    fn yaml<T: serde::de::DeserializeOwned>(
        &self,
        file: &SourceFile,
        text: &str,
        line_offset: u32,
        findings: &mut Findings,
    ) -> Option<T> {
        let problems = yaml::inspect(text, line_offset, &self.limits);
        if !problems.is_empty() {
            for problem in problems {
                findings.push(problem.into_finding(&file.relative, text, line_offset));
            }
            return None;
        }
        let text = &mend::running(&file.relative, text, line_offset, findings);
        match yaml::parse::<T>(text, line_offset) {
            Ok(value) => Some(value),
            Err(problem) => {
                // `ownership: FYLL INN` is not a valid value, but the
                // placeholder rule already says so with the choices; a
                // second, technical error on the same line only confuses.
                let line = problem.position.line.saturating_sub(line_offset + 1) as usize;
                if !text.lines().nth(line).is_some_and(crate::load::placeholders::unfilled) {
                    findings.push(problem.into_finding(&file.relative, text, line_offset));
                }
                None
            }
        }
    }

    /// A text file of the site. A control or bidirectional character
    /// anywhere in it (YAML, Markdown or CSV) is an error at its place;
    /// YAML escapes such as `"\e"` are caught later, by `yaml::inspect`.
    fn text(&self, file: &SourceFile, findings: &mut Findings) -> Option<String> {
        let text = files::read_text(self.root, file, self.limits.file_max_bytes, findings)?;
        if let Some((offset, c)) = text::first_forbidden(text.strip_prefix('\u{feff}').unwrap_or(&text), true) {
            let offset = offset + if text.starts_with('\u{feff}') { 3 } else { 0 };
            let (line, column) = position::line_column(&text, offset);
            findings.push(
                Finding::error(
                    &file.relative,
                    Position::new(line, column),
                    msg!("file.invisible_char", character => text::describe(c)),
                )
                .with_help(msg!("invisible_char.help")),
            );
            return None;
        }
        // Composed once, here, so every later comparison and count agrees.
        Some(match crate::domain::text_policy::nfc(&text) {
            std::borrow::Cow::Borrowed(_) => text,
            std::borrow::Cow::Owned(composed) => composed,
        })
    }

    fn providers(&self, findings: &mut Findings) -> (Vec<Arc<LoadedProvider>>, BTreeSet<(String, String)>) {
        let dir = self.root.join("providers");
        let mut profiles = Vec::new();
        let mut seen = BTreeSet::new();
        for entry in walk(self.root, &dir, 2, findings) {
            let file = &entry.source;
            if entry.depth == 1 {
                if !entry.is_dir && !entry.name().starts_with('.') {
                    findings.push(
                        Finding::error(&file.relative, Position::WHOLE_FILE, msg!("provider.not_in_service_folder"))
                            .with_help(msg!("provider.not_in_service_folder.help")),
                    );
                }
                continue;
            }
            if entry.is_dir {
                continue;
            }
            let name = entry.name();
            let Some(stem) = name.strip_suffix(".yaml") else {
                if name.ends_with(".yml") {
                    findings.push(
                        Finding::error(&file.relative, Position::WHOLE_FILE, msg!("provider.yml")).with_help(msg!(
                            "provider.yml.help",
                            name = name.trim_end_matches(".yml").to_string() + ".yaml"
                        )),
                    );
                }
                // Self-descriptions and photos are picked up from their profile.
                continue;
            };
            let service_dir = file
                .absolute
                .parent()
                .and_then(Path::file_name)
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            seen.insert((service_dir.clone(), stem.to_string()));
            profiles.push((service_dir, stem.to_string(), file.clone()));
        }
        // Profiles are read and parsed in parallel, each with findings of
        // its own, which are then taken in the order of the walk: the same
        // findings in the same order as reading them one by one.
        let read: Vec<(Option<Arc<LoadedProvider>>, Findings)> = profiles
            .into_par_iter()
            .map(|(service_dir, stem, file)| {
                let mut own = Findings::default();
                let loaded = self.provider(service_dir, stem, file, &mut own);
                (loaded, own)
            })
            .collect();
        let mut out = Vec::with_capacity(read.len());
        for (loaded, own) in read {
            for finding in own.into_sorted() {
                findings.push(finding);
            }
            out.extend(loaded);
        }
        (out, seen)
    }

    /// One profile with its self-descriptions; from the cache when there
    /// is one and none of the files changed since it was filled.
    fn provider(
        &self,
        service_dir: String,
        file_stem: String,
        file: SourceFile,
        findings: &mut Findings,
    ) -> Option<Arc<LoadedProvider>> {
        let profile_path = file.absolute.clone();
        let companions = ["", PLAIN_SUFFIX].map(|s| profile_path.with_file_name(format!("{file_stem}{s}.md")));
        let [standard_md, plain_md] = &companions;
        let read = |findings: &mut Findings| {
            let text = self.text(&file, findings)?;
            let profile = self.yaml::<RawProvider>(&file, &text, 0, findings)?;
            let self_description = self.markdown_body(standard_md, findings);
            let self_description_plain = self.markdown_body(plain_md, findings);
            Some(Arc::new(LoadedProvider {
                service_dir,
                file_stem,
                source: file,
                profile,
                self_description,
                self_description_plain,
                reading: next_reading(),
            }))
        };
        let Some(cache) = self.cache else { return read(findings) };
        let (loaded, found) = cache.load(&profile_path, &companions, || {
            let mut own = Findings::default();
            let loaded = read(&mut own);
            (loaded, own.into_sorted())
        });
        for finding in found {
            findings.push(finding);
        }
        loaded
    }

    /// A Markdown file without front matter (a school's self-description).
    fn markdown_body(&self, path: &Path, findings: &mut Findings) -> Option<MarkdownFile> {
        if !exists(path) {
            return None;
        }
        let file = source(self.root, path);
        let text = self.text(&file, findings)?;
        let body = mend::running(&file.relative, &text, 0, findings).into_owned();
        Some(MarkdownFile { source: file, body, body_line: 1 })
    }

    fn pages(&self, findings: &mut Findings) -> Vec<LoadedPage> {
        let entries: Vec<Entry> = walk(self.root, &self.root.join("content"), 1, findings);
        let mut out = Vec::new();
        for entry in &entries {
            let name = entry.name();
            let Some(stem) = name.strip_suffix(".md") else { continue };
            if stem.ends_with(PLAIN_SUFFIX) || entry.is_dir {
                continue;
            }
            let Some((front, markdown)) = self.page_file(&entry.source, findings) else { continue };
            let plain_path = entry.source.absolute.with_file_name(format!("{stem}{PLAIN_SUFFIX}.md"));
            let plain =
                if exists(&plain_path) { self.page_file(&source(self.root, &plain_path), findings) } else { None };
            out.push(LoadedPage { file_stem: stem.to_string(), source: entry.source.clone(), front, markdown, plain });
        }
        // A plain companion without its standard page would never be shown.
        for entry in &entries {
            let name = entry.name();
            if let Some(stem) = name.strip_suffix(&format!("{PLAIN_SUFFIX}.md"))
                && !exists(&entry.source.absolute.with_file_name(format!("{stem}.md")))
            {
                findings.push(
                    Finding::error(&entry.source.relative, Position::WHOLE_FILE, msg!("page.plain_alone"))
                        .with_help(msg!("page.plain_alone.help", stem = stem)),
                );
            }
        }
        out
    }

    fn page_file(&self, file: &SourceFile, findings: &mut Findings) -> Option<(RawPage, MarkdownFile)> {
        let text = self.text(file, findings)?;
        let Some(split) = frontmatter::split(&text) else {
            findings.push(
                Finding::error(&file.relative, Position::new(1, 1), msg!("page.no_front_matter"))
                    .with_help(msg!("page.no_front_matter.help")),
            );
            return None;
        };
        let front = self.yaml::<RawPage>(file, split.yaml, split.yaml_line - 1, findings)?;
        let body = mend::running(&file.relative, split.body, split.body_line - 1, findings).into_owned();
        Some((front, MarkdownFile { source: file.clone(), body, body_line: split.body_line }))
    }

    fn surveys(&self, findings: &mut Findings) -> Vec<LoadedSurvey> {
        let mut out = Vec::new();
        for entry in walk(self.root, &self.root.join("surveys"), 1, findings) {
            let name = entry.name();
            let Some(stem) = name.strip_suffix(".yaml") else { continue };
            if entry.is_dir {
                continue;
            }
            let file = &entry.source;
            let Some(text) = self.text(file, findings) else { continue };
            let Some(survey) = self.yaml::<RawSurvey>(file, &text, 0, findings) else { continue };
            let at = Position::from_yaml(&survey.results.referenced);
            let results_name = survey.results.value.trim();
            let results = if let Some(csv_file) = files::beside(file, results_name) {
                if exists(&csv_file.absolute) {
                    self.text(&csv_file, findings).map(|text| {
                        let text = mend::running(&csv_file.relative, &text, 0, findings).into_owned();
                        (csv_file, text)
                    })
                } else {
                    findings.push(
                        Finding::error(&file.relative, at, msg!("survey.results_missing", name = results_name))
                            .with_help(msg!("survey.results_missing.help")),
                    );
                    None
                }
            } else {
                findings.push(
                    Finding::error(&file.relative, at, msg!("survey.results_not_beside", name = results_name))
                        .with_help(msg!("survey.results_not_beside.help")),
                );
                None
            };
            out.push(LoadedSurvey { file_stem: stem.to_string(), source: file.clone(), survey, results });
        }
        out
    }

    /// The values files of `indicators/`: every file there is read or
    /// refused with a finding, never passed over, so a file named for a
    /// service that does not exist (or saved as .xlsx) is not lost silently.
    fn indicators(&self, findings: &mut Findings) -> Vec<LoadedIndicators> {
        let mut out = Vec::new();
        for entry in walk(self.root, &self.root.join("indicators"), 1, findings) {
            let name = entry.name();
            let file = &entry.source;
            let stem = name.strip_suffix(".csv").filter(|_| !entry.is_dir);
            let Some(stem) = stem else {
                findings.push(
                    Finding::error(&file.relative, Position::WHOLE_FILE, msg!("indicators.not_csv", name = name))
                        .with_help(msg!("indicators.not_csv.help")),
                );
                continue;
            };
            let Some(text) = self.text(file, findings) else { continue };
            let text = mend::running(&file.relative, &text, 0, findings).into_owned();
            out.push(LoadedIndicators { file_stem: stem.to_string(), source: file.clone(), text });
        }
        out
    }

    /// The street register at the root, when the municipality keeps one
    /// (`streets_csv`); its cells are judged once districts are known.
    fn streets(&self, findings: &mut Findings) -> Option<LoadedStreets> {
        let file = source(self.root, &self.root.join(streets_csv::FILE));
        if !exists(&file.absolute) {
            return None;
        }
        let text = self.text(&file, findings)?;
        Some(LoadedStreets { source: file, text })
    }

    /// The files of `static/`, each checked as any input (no links, inside
    /// the site, within the size limit) though only copied, never read.
    fn static_files(&self, findings: &mut Findings) -> Vec<SourceFile> {
        let mut out = Vec::new();
        for entry in walk(self.root, &self.root.join("static"), usize::MAX, findings) {
            if entry.is_dir {
                continue;
            }
            match files::check_copyable(self.root, &entry.source, self.limits.asset_max_bytes) {
                Ok(()) => out.push(entry.source),
                Err(finding) => findings.push(finding),
            }
        }
        out
    }
}
