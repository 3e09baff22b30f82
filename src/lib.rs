//! brukervalg builds a municipality's free-choice (brukervalg) website from
//! its files. The pipeline runs one way:
//!
//! load → validate → site model → render → minify → write
//!
//! `build` runs all of it; `check` stops before rendering.

pub mod cmd;
pub mod diagnostics;
pub mod domain;
pub mod i18n;
pub mod interrupt;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod readability;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod validate;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use diagnostics::{Finding, Findings, Position};
use domain::Date;
use i18n::Translations;
use model::Site;

pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    /// The date treated as today; `None` for the real date. Fixing it makes
    /// staleness, and so the output, reproducible.
    pub today: Option<Date>,
}

/// Called with (pages done, pages in all) as pages are written.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub elapsed: Duration,
    pub readability: readability::Summary,
    /// Warnings (a successful build has no errors).
    pub findings: Vec<Finding>,
}

/// A build that wrote nothing. `findings` holds at least one error.
#[derive(Debug)]
pub struct BuildFailure {
    pub findings: Vec<Finding>,
}

/// A site that passed validation, ready to render.
pub struct Checked {
    pub site: Site,
    pub translations: Translations,
}

/// Loads and validates the site. Returns the model only when there are no
/// errors among the findings; the readability summary whenever the
/// configuration could be read.
pub fn check(root: &Path, today: Option<Date>) -> (Option<Checked>, Findings, Option<readability::Summary>) {
    let mut findings = Findings::default();
    let today = today.unwrap_or_else(Date::today);
    let loaded = load::load_site(root, &mut findings);
    let language = loaded.config.as_ref().map(|(_, c)| c.language);
    let translations = language.and_then(|l| Translations::load(root, l, &mut findings));
    let site = translations.as_ref().and_then(|t| validate::validate(loaded, t, today, &mut findings));
    let summary = site.as_ref().map(|s| readability::assess(&mut findings, &s.limits));
    match (site, translations) {
        (Some(site), Some(translations)) if !findings.has_errors() => {
            (Some(Checked { site, translations }), findings, summary)
        }
        _ => (None, findings, summary),
    }
}

pub fn build(options: &BuildOptions, progress: Progress) -> Result<BuildReport, BuildFailure> {
    let started = Instant::now();
    let (model, mut findings, readability) = check(&options.root, options.today);
    let renderer = render::Renderer::load(&options.root);
    let (site, translations, renderer) = match (model, renderer) {
        (Some(Checked { site, translations }), Ok(renderer)) => (site, translations, renderer),
        (_, renderer) => {
            if let Err(f) = renderer {
                findings.push(f);
            }
            return Err(BuildFailure { findings: findings.into_sorted() });
        }
    };
    let fail = |finding: Finding| BuildFailure { findings: vec![finding] };
    let io_fail = |what: &str, e: std::io::Error| {
        fail(Finding::error(&options.output, Position::WHOLE_FILE, format!("{what}: {e}")))
    };

    let staging = output::Staging::begin(&options.output, &options.root)
        .map_err(|e| fail(Finding::error(&options.output, Position::WHOLE_FILE, e)))?;
    let pages = render::render_all(&site, &translations, &renderer, progress, |job, bytes| {
        let file = format!("{}{}", job.variant.root(), job.path.file_name());
        staging
            .write(&file, &bytes)
            .map_err(|e| Finding::error(&options.output, Position::WHOLE_FILE, format!("cannot write {file}: {e}")))
    })
    .map_err(fail)?;

    let mut files = pages;
    staging
        .write("sitemap.xml", render::sitemap_xml(&site).as_bytes())
        .map_err(|e| io_fail("cannot write sitemap.xml", e))?;
    staging
        .write("robots.txt", render::robots_txt(&site).as_bytes())
        .map_err(|e| io_fail("cannot write robots.txt", e))?;
    staging
        .write("data/providers.json", render::open_data::providers_json(&site).as_bytes())
        .map_err(|e| io_fail("cannot write data/providers.json", e))?;
    let csv = render::open_data::providers_csv(&site).map_err(|e| {
        fail(Finding::error(&options.output, Position::WHOLE_FILE, format!("cannot write data/providers.csv: {e}")))
    })?;
    staging.write("data/providers.csv", &csv).map_err(|e| io_fail("cannot write data/providers.csv", e))?;
    let results = render::open_data::survey_results_csv(&site).map_err(|e| {
        fail(Finding::error(
            &options.output,
            Position::WHOLE_FILE,
            format!("cannot write data/survey-results.csv: {e}"),
        ))
    })?;
    staging
        .write("data/survey-results.csv", &results)
        .map_err(|e| io_fail("cannot write data/survey-results.csv", e))?;
    files += 5;
    files += output::copy_static(&options.root, &staging).map_err(|e| io_fail("cannot copy static/", e))?;
    for provider in site.services.iter().flat_map(|s| &s.providers) {
        if let Some(image) = &provider.image {
            staging
                .copy(&image.source, image.published.as_str())
                .map_err(|e| io_fail(&format!("cannot copy {}", image.source.display()), e))?;
            files += 1;
        }
    }
    staging.commit().map_err(|e| io_fail("cannot replace the output folder", e))?;
    Ok(BuildReport {
        pages,
        files,
        elapsed: started.elapsed(),
        readability: readability.unwrap_or_default(),
        findings: findings.into_sorted(),
    })
}
