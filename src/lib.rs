//! brukervalg builds a municipality's free-choice (brukervalg) website from
//! its files. The pipeline runs one way:
//!
//! load → validate → site model → render → write
//!
//! `build` runs all of it; `check` runs the same rules and renders every
//! page, but writes nothing.

pub mod carried;
pub mod cmd;
pub mod diagnostics;
pub mod domain;
pub mod html;
pub mod i18n;
pub mod interrupt;
pub mod load;
pub mod markdown;
pub mod messages;
pub mod model;
pub mod output;
pub mod plain;
pub mod readability;
pub mod render;
pub mod review;
pub mod scaffold;
pub mod schema;
pub mod timing;
pub mod validate;
pub use model::written;

/// Rendering makes and drops many small strings and values on both cores at
/// once (every page's context, HTML and minified copy); glibc's allocator
/// spent about a quarter of the build's CPU time on that, mimalloc far less.
/// Set here, so the binary, the tests and the benchmark all use it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

pub use render::Progress;

#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub elapsed: Duration,
    /// Pages taken unchanged from the last build (`build_to` with a memo).
    pub reused: usize,
    pub readability: readability::Summary,
    /// Warnings (a successful build has no errors).
    pub findings: Vec<Finding>,
}

/// A build that wrote nothing. `findings` holds at least one error.
#[derive(Debug)]
pub struct BuildFailure {
    pub findings: Vec<Finding>,
}

/// A site that passed every rule, ready to write.
pub struct Checked {
    pub site: Site,
    pub translations: Translations,
    pub renderer: render::Renderer,
}

/// Everything loaded and validated, before any page is rendered.
struct Prepared {
    findings: Findings,
    summary: Option<readability::Summary>,
    site: Option<Site>,
    translations: Option<Translations>,
    renderer: Option<render::Renderer>,
}

fn prepare(root: &Path, today: Option<Date>, remembered: Option<&Remembered>) -> Prepared {
    let mut findings = Findings::default();
    let today = today.unwrap_or_else(Date::today);
    let loaded = timing::phase("load", || load::load_site_cached(root, &mut findings, remembered.map(|r| &r.profiles)));
    let templates = render::templates::read(root, loaded.limits.file_max_bytes, &mut findings);
    let language = loaded.config.as_ref().map(|(_, c)| c.language);
    let translations = language.and_then(|l| Translations::load(root, l, &mut findings));
    let mut samples = readability::Samples::default();
    let glossary = translations.as_ref().map(|t| &t.glossary);
    timing::phase("plain check", || plain::check(&loaded, glossary, remembered.map(|r| &r.plain), &mut findings));
    let site = timing::phase("validate", || {
        translations.as_ref().and_then(|t| {
            validate::validate(loaded, t, today, &mut findings, &mut samples, remembered.map(|r| &r.validated))
        })
    });
    let summary =
        timing::phase("readability", || site.as_ref().map(|s| readability::assess(&samples, &s.limits, &mut findings)));
    if let (Some(t), Some(templates)) = (&translations, &templates) {
        t.check_templates(templates, &mut findings);
    }
    let renderer = timing::phase("renderer load", || {
        templates.and_then(|templates| render::Renderer::load(templates).map_err(|f| findings.push(f)).ok())
    });
    Prepared { findings, summary, site, translations, renderer }
}

/// Renders every page of every variant and hands it to `sink`, then runs
/// the rules that need the rendered site: internal links and their
/// `#fragments`, and UI strings a page asked for that do not exist. `check`
/// and `build` both come through here, so they cannot disagree.
fn render_and_verify<F>(
    root: &Path,
    (site, translations, renderer): (&Site, &Translations, &render::Renderer),
    (progress, memo): (Progress, Option<&render::memo::MemoRun>),
    findings: &mut Findings,
    sink: F,
) -> usize
where
    F: Fn(&render::Job, render::Rendered) -> Result<Option<PathBuf>, Finding> + Sync,
{
    let anchor_pages = validate::links::anchor_pages(site);
    // Looked up for every page: by borrowed path, not a copy of it.
    let wanted: std::collections::HashSet<(domain::Variant, &str)> =
        anchor_pages.iter().map(|(variant, path)| (*variant, path.as_str())).collect();
    let anchors = std::sync::Mutex::new(validate::links::Anchors::default());
    let rendered = timing::phase("render", || {
        render::render_with(site, (translations, renderer), progress, memo, |job, page| {
            if wanted.contains(&(job.variant, job.path.as_str())) {
                let bytes = match &page {
                    render::Rendered::Html(bytes) => std::borrow::Cow::Borrowed(bytes),
                    render::Rendered::Unchanged(file) => {
                        std::borrow::Cow::Owned(std::fs::read(file).unwrap_or_default())
                    }
                };
                let ids = validate::links::ids_in(&String::from_utf8_lossy(&bytes));
                anchors.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(job.variant, &job.path, ids);
            }
            sink(job, page)
        })
    });
    let pages = match rendered {
        Ok(pages) => pages,
        Err(finding) => {
            findings.push(finding);
            0
        }
    };
    let mut files = written::linkable_files(site);
    files.extend(static_file_names(root));
    let anchors = anchors.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    timing::phase("check internal links", || validate::links::check_internal(site, &files, &anchors, findings));
    translations.report_missing(findings);
    pages
}

/// Each made on its own thread where one is free: at 10,000 providers the
/// providers' JSON and CSV take a tenth of a second or more (`serve` keeps
/// each provider's part from build to build in `records`).
fn data_files<'a>(
    site: &Site,
    records: Option<&render::open_data::RecordCache>,
) -> Result<Vec<(&'a str, Vec<u8>)>, String> {
    let [sitemap, robots, json, csv, surveys, inspections, indicators] = written::DATA_FILES;
    let (providers, others) = rayon::join(
        || render::open_data::provider_files(site, records),
        || {
            let survey_results = render::open_data::survey_results_csv(site);
            let quality = (render::quality_data::inspections_csv(site), render::quality_data::indicators_csv(site));
            (render::sitemap_xml(site), render::robots_txt(site), survey_results, quality)
        },
    );
    let fail = |name: &str, e: String| format!("cannot write {name}: {e}");
    let (providers_json, providers_csv) = providers.map_err(|e| fail(&format!("{json}, {csv}"), e))?;
    let (sitemap_xml, robots_txt, survey_results, (inspections_csv, indicators_csv)) = others;
    let survey_results = survey_results.map_err(|e| fail(surveys, e.to_string()))?;
    let inspections_csv = inspections_csv.map_err(|e| fail(inspections, e.to_string()))?;
    let indicators_csv = indicators_csv.map_err(|e| fail(indicators, e.to_string()))?;
    Ok(vec![
        (sitemap, sitemap_xml.into_bytes()),
        (robots, robots_txt.into_bytes()),
        (json, providers_json),
        (csv, providers_csv),
        (surveys, survey_results),
        (inspections, inspections_csv),
        (indicators, indicators_csv),
    ])
}

/// Paths in the output of the files copied from `static/`.
fn static_file_names(root: &Path) -> Vec<String> {
    let dir = root.join("static");
    walkdir::WalkDir::new(&dir)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.path().strip_prefix(&dir).ok().map(|p| p.to_string_lossy().replace('\\', "/")))
        .collect()
}

/// Runs every rule `build` runs, through the same writer as `build` into
/// a destination that keeps nothing (`output::DryRun`), so a file `build`
/// could not write fails `check` too. Returns the checked site only when
/// there are no errors; the readability summary whenever the
/// configuration could be read.
pub fn check(root: &Path, today: Option<Date>) -> (Option<Checked>, Findings, Option<readability::Summary>) {
    check_into(root, today, &output::DryRun::default())
}

/// As `check`, handing every file the build would write to `nowhere`, a
/// destination that must keep nothing on disk (`diff` keeps a fingerprint
/// of each, to count the pages that change).
pub fn check_into(
    root: &Path,
    today: Option<Date>,
    nowhere: &dyn output::Destination,
) -> (Option<Checked>, Findings, Option<readability::Summary>) {
    let Prepared { mut findings, summary, site, translations, renderer } = prepare(root, today, None);
    let (Some(site), Some(translations), Some(renderer)) = (site, translations, renderer) else {
        return (None, findings, summary);
    };
    let checked = Checked { site, translations, renderer };
    if findings.has_errors() {
        let ignore = |_: &render::Job, _: render::Rendered| Ok(None);
        let Checked { site, translations, renderer } = &checked;
        render_and_verify(root, (site, translations, renderer), (&|_, _| {}, None), &mut findings, ignore);
        return (None, findings, summary);
    }
    let shown = Path::new("output");
    if let Err(failure) = write_site(root, &checked, (nowhere, shown), (&|_, _| {}, None, None), &mut findings) {
        // What `write_site` took along, and the error it stopped at.
        failure.findings.into_iter().for_each(|f| findings.push(f));
    }
    if findings.has_errors() { (None, findings, summary) } else { (Some(checked), findings, summary) }
}

/// The whole pipeline into `options.output`, which a failed build leaves
/// as it was.
pub fn build(options: &BuildOptions, progress: Progress) -> Result<BuildReport, BuildFailure> {
    let started = Instant::now();
    let (ready, mut findings, summary) = ready_to_write(&options.root, options.today, None)?;
    let io_fail = |what: messages::Message, e: std::io::Error| BuildFailure {
        findings: vec![Finding::error(
            &options.output,
            Position::WHOLE_FILE,
            msg!("build.io", what => what, detail = e),
        )],
    };
    let staging = output::Staging::begin(&options.output, &options.root).map_err(|refusal| BuildFailure {
        findings: vec![Finding::error(&options.output, Position::WHOLE_FILE, refusal.message())],
    })?;
    let (pages, files) =
        write_site(&options.root, &ready, (&staging, &options.output), (progress, None, None), &mut findings)?;
    if let Some(warning) = staging.commit().map_err(|e| io_fail(msg!("build.cannot_replace_output"), e))? {
        findings.push(Finding::warning(
            &options.output,
            Position::WHOLE_FILE,
            msg!("build.output_warning", detail = warning),
        ));
    }
    Ok(BuildReport {
        pages,
        files,
        elapsed: started.elapsed(),
        reused: 0,
        readability: summary.unwrap_or_default(),
        findings: findings.into_sorted(),
    })
}

/// What `serve` keeps from one build for the next.
#[derive(Default)]
pub struct Remembered {
    /// The pages of the last good build.
    pub pages: render::memo::Memo,
    /// The profiles as last read.
    pub profiles: load::ProfileCache,
    /// The profiles as last validated, each on its own.
    pub validated: validate::cache::ValidatedCache,
    /// The plain-language findings of each pair of texts as last checked.
    pub plain: plain::cache::PairCache,
    /// Each provider's open data record as last written.
    pub records: render::open_data::RecordCache,
}

/// As `build`, into `destination` (serve's preview; `shown` names it in
/// findings), using what the builds before remembered: a profile whose
/// files did not change is not read again, a pair of texts that did not
/// change is not checked again, and a page whose inputs did not
/// change is taken over from the last good build instead of rendered
/// again. The memo of pages is replaced by this build's once it succeeded;
/// the caller publishes the destination.
pub fn build_to(
    root: &Path,
    today: Option<Date>,
    (destination, shown): (&dyn output::Destination, &Path),
    remembered: &mut Remembered,
) -> Result<BuildReport, BuildFailure> {
    let started = Instant::now();
    let (ready, mut findings, summary) = timing::phase("prepare", || ready_to_write(root, today, Some(remembered)))?;
    let memo = &mut remembered.pages;
    let run = render::memo::MemoRun::new(memo);
    let (pages, files) = timing::phase("write site", || {
        let records = Some(&remembered.records);
        write_site(root, &ready, (destination, shown), (&|_, _| {}, Some(&run), records), &mut findings)
    })?;
    let reused = run.reused();
    let last = std::mem::replace(memo, run.finish());
    // Freeing the model of 10,000 providers and the last memo takes tens of
    // milliseconds the preview need not wait for.
    std::thread::spawn(move || drop((ready, last)));
    Ok(BuildReport {
        pages,
        files,
        elapsed: started.elapsed(),
        reused,
        readability: summary.unwrap_or_default(),
        findings: findings.into_sorted(),
    })
}

/// Loads and validates the site; a site with errors is a failure listing
/// everything `check` lists (its pages are rendered, without writing, so
/// that rules needing the rendered site are run too).
fn ready_to_write(
    root: &Path,
    today: Option<Date>,
    remembered: Option<&Remembered>,
) -> Result<(Checked, Findings, Option<readability::Summary>), BuildFailure> {
    let Prepared { mut findings, summary, site, translations, renderer } = prepare(root, today, remembered);
    match (site, translations, renderer) {
        (Some(site), Some(translations), Some(renderer)) if !findings.has_errors() => {
            Ok((Checked { site, translations, renderer }, findings, summary))
        }
        (site, translations, renderer) => {
            if let (Some(site), Some(translations), Some(renderer)) = (&site, &translations, &renderer) {
                let ignore = |_: &render::Job, _: render::Rendered| Ok(None);
                render_and_verify(root, (site, translations, renderer), (&|_, _| {}, None), &mut findings, ignore);
            }
            Err(BuildFailure { findings: findings.into_sorted() })
        }
    }
}

/// Renders every page into `destination` and adds the open data, the
/// brand style sheet, `static/` and the providers' images. Returns how many
/// pages and files in all.
fn write_site(
    root: &Path,
    ready: &Checked,
    (destination, shown): (&dyn output::Destination, &Path),
    (progress, run, records): (Progress, Option<&render::memo::MemoRun>, Option<&render::open_data::RecordCache>),
    findings: &mut Findings,
) -> Result<(usize, usize), BuildFailure> {
    let Checked { site, translations, renderer } = ready;
    let fail = |what: messages::Message, e: std::io::Error| BuildFailure {
        findings: vec![Finding::error(shown, Position::WHOLE_FILE, msg!("build.io", what => what, detail = e))],
    };
    // The open data does not depend on the pages: made while they render.
    let (pages, data) = rayon::join(
        || {
            render_and_verify(root, (site, translations, renderer), (progress, run), findings, |job, page| {
                let file = format!("{}{}", job.variant.root(), job.path.file_name());
                let kept = match page {
                    render::Rendered::Html(bytes) => destination.write(&file, &bytes),
                    render::Rendered::Unchanged(previous) => destination.keep(&file, previous),
                };
                match kept {
                    Ok(at) => Ok(run.is_some().then_some(at)),
                    Err(e) => Err(Finding::error(
                        shown,
                        Position::WHOLE_FILE,
                        msg!("build.io", what => msg!("build.cannot_write", file = file), detail = e),
                    )),
                }
            })
        },
        || timing::phase("open data", || data_files(site, records)),
    );
    // The profile form takes its labels from the site's words too: a
    // missing one is reported as a page's would be.
    let admin = render::cms_config::admin_files(site, translations);
    translations.report_missing(findings);
    if findings.has_errors() {
        return Err(BuildFailure { findings: std::mem::take(findings).into_sorted() });
    }
    let mut files = pages;
    let data = data.map_err(|e| BuildFailure {
        findings: vec![Finding::error(shown, Position::WHOLE_FILE, msg!("build.failed_step", detail = e))],
    })?;
    for (name, bytes) in data {
        destination.write(name, &bytes).map_err(|e| fail(msg!("build.cannot_write", file = name), e))?;
        files += 1;
    }
    for (name, css) in render::style_sheets(site, translations) {
        destination.write(name, css.as_bytes()).map_err(|e| fail(msg!("build.cannot_write", file = name), e))?;
        files += 1;
    }
    for (name, bytes) in admin.into_iter().chain(render::street_data::files(site)) {
        destination.write(name, &bytes).map_err(|e| fail(msg!("build.cannot_write", file = name), e))?;
        files += 1;
    }
    files +=
        output::copy_static(root, destination).map_err(|e| fail(msg!("build.cannot_copy", file = "static/"), e))?;
    for image in site.services.iter().flat_map(|s| s.every_provider()).filter_map(|p| p.image.as_ref()) {
        destination
            .copy(&image.source, image.published.as_str())
            .map_err(|e| fail(msg!("build.cannot_copy", file = image.source.display()), e))?;
        files += 1;
    }
    Ok((pages, files))
}
