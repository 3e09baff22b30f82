//! Build-time benchmark: generates sites of 1,000 and 10,000 providers and
//! times one full `brukervalg::build` of each, then what an editor waits
//! for in `brukervalg serve`: from saving one changed profile to the
//! rebuilt site being ready to serve, and how many pages that rebuild
//! rendered (the others are taken unchanged from the last build). The
//! table also gives the largest HTML page of the cold build. `example` is
//! the bundled example site (copied, so the repository is never touched).
//!
//!     cargo bench --bench build                    # example, 1,000 and 10,000
//!     cargo bench --bench build -- example 1000    # chosen sizes
//!     cargo bench --bench build -- --generate 1000 DIR
//!                                # only writes the generated site to DIR
//!                                # (to profile `brukervalg build` on it)
//!
//! Each size runs in a child process (this binary re-executed with
//! `BRUKERVALG_BENCH_CHILD=<size>`), so the peak memory reported for a size
//! is its own and not the high-water mark left by an earlier, larger one.
//! Generating the site is not timed; only the build is.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use brukervalg::BuildOptions;
use brukervalg::domain::Date;

mod generate;
mod schools;
use generate::{copy_example, generate_site};

const CHILD_VAR: &str = "BRUKERVALG_BENCH_CHILD";
/// The folder the parent keeps until every size is measured: each child
/// builds in a subfolder of it and leaves it there. Deleting a 10,000-site
/// (90,000 files and folders) just before the next size is built slows that
/// build's file creation on this machine's journal-less ext4 for about half
/// a minute (kernel `recently_deleted`), which is not the build's own cost.
const SCRATCH_VAR: &str = "BRUKERVALG_BENCH_SCRATCH";
const DEFAULT_SIZES: [Size; 3] = [Size::Example, Size::Generated(1_000), Size::Generated(10_000)];
/// Saves timed in serve per size; the median is reported.
const EDITS: usize = 5;
/// The longest a rebuild may take before the bench gives up on it.
const REBUILD_PATIENCE: std::time::Duration = std::time::Duration::from_secs(600);
/// Fixed, so staleness and therefore the output do not depend on the day
/// the bench runs. Generated dates all lie before it.
const TODAY: &str = "2026-11-27";
/// File name (slug) of the generated municipal provider in each service
/// that has a `default_provider`.
const MUNICIPAL_SLUG: &str = "kommunens-hjemmetjeneste";
/// Taken as they are from the crate's example site.
const COPIED_DIRS: [&str; 4] = ["templates", "i18n", "static", "content"];
/// The example's own glossary, beside its configuration.
const COPIED_FILES: [&str; 2] = ["glossary.nb.yaml", "glossary.nn.yaml"];

fn main() -> ExitCode {
    match std::env::var(CHILD_VAR) {
        Ok(size) => child(&size),
        Err(_) => parent(),
    }
}

// ---------------------------------------------------------------------------
// Parent: chooses sizes, runs one child per size, prints the table.

#[derive(Clone, Copy)]
enum Size {
    Example,
    Generated(usize),
}

impl Size {
    fn parse(arg: &str) -> Option<Size> {
        if arg == "example" {
            return Some(Size::Example);
        }
        arg.replace('_', "").parse::<usize>().ok().filter(|n| *n > 0).map(Size::Generated)
    }
}

impl std::fmt::Display for Size {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Size::Example => f.write_str("example"),
            Size::Generated(n) => write!(f, "{n}"),
        }
    }
}

fn parent() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(at) = args.iter().position(|a| a == "--generate") {
        return generate_only(args.get(at + 1).and_then(|n| Size::parse(n)), args.get(at + 2));
    }
    let sizes = requested_sizes(args.into_iter());
    println!(
        "{:>10} {:>10} {:>10} {:>10} {:>12} {:>10} {:>8} {:>14} {:>13} {:>11} {:>8}",
        "providers",
        "pages",
        "wall (s)",
        "pages/s",
        "peak (MiB)",
        "out (MB)",
        "files",
        "max page (KB)",
        "rebuild (ms)",
        "build (ms)",
        "rendered"
    );
    let scratch = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => return fail(&format!("cannot create a temporary folder: {e}")),
    };
    for size in sizes {
        if let Err(code) = run_child(size, scratch.path()) {
            return code;
        }
    }
    ExitCode::SUCCESS
}

/// Cargo passes `--bench` (and users may pass other flags meant for a test
/// harness); only bare numbers and `example` choose sizes.
fn requested_sizes(args: impl Iterator<Item = String>) -> Vec<Size> {
    let mut sizes = Vec::new();
    for arg in args.filter(|a| !a.starts_with('-')) {
        match Size::parse(&arg) {
            Some(size) => sizes.push(size),
            None => eprintln!("ignoring argument `{arg}`: sizes are positive whole numbers or `example`"),
        }
    }
    if sizes.is_empty() { DEFAULT_SIZES.to_vec() } else { sizes }
}

fn generate_only(size: Option<Size>, dir: Option<&String>) -> ExitCode {
    let (Some(Size::Generated(n)), Some(dir)) = (size, dir) else {
        return fail("usage: --generate <number of providers> <new folder>");
    };
    let root = Path::new(dir);
    if root.exists() {
        return fail(&format!("{dir} exists; name a new folder"));
    }
    match generate_site(root, n) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot make the site: {e}")),
    }
}

fn run_child(size: Size, scratch: &Path) -> Result<(), ExitCode> {
    let exe = std::env::current_exe().map_err(|e| fail(&format!("cannot find the bench binary: {e}")))?;
    let output = Command::new(exe)
        .env(CHILD_VAR, size.to_string())
        .env(SCRATCH_VAR, scratch)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| fail(&format!("cannot start the child for {size} providers: {e}")))?;
    print!("{}", String::from_utf8_lossy(&output.stdout));
    let _ = io::stdout().flush();
    if output.status.success() {
        Ok(())
    } else {
        Err(fail(&format!("the run with {size} providers failed ({})", output.status)))
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::FAILURE
}

// ---------------------------------------------------------------------------
// Child: generates one site, builds it once, prints one line.

struct Measurement {
    size: Size,
    pages: usize,
    seconds: f64,
    peak_mib: Option<f64>,
    output_bytes: u64,
    files: usize,
    largest_page: u64,
    rebuild: Rebuild,
}

/// serve's rebuild after one profile edit (the median of the saves).
struct Rebuild {
    ms: u128,
    /// Of `ms`, the build itself; the rest is the watcher's wait for the
    /// save to settle (`watch::DEBOUNCE`) and publishing.
    build_ms: u128,
    /// Pages rendered again; the rest were taken from the last build.
    rendered: usize,
}

impl Measurement {
    fn line(&self) -> String {
        let peak = self.peak_mib.map_or_else(|| "n/a".to_string(), |m| format!("{m:.1}"));
        let rate = self.pages as f64 / self.seconds;
        let megabytes = self.output_bytes as f64 / 1e6;
        format!(
            "{:>10} {:>10} {:>10.2} {:>10.0} {:>12} {:>10.1} {:>8} {:>14.1} {:>13} {:>11} {:>8}",
            self.size,
            self.pages,
            self.seconds,
            rate,
            peak,
            megabytes,
            self.files,
            self.largest_page as f64 / 1024.0,
            self.rebuild.ms,
            self.rebuild.build_ms,
            self.rebuild.rendered
        )
    }
}

fn child(size: &str) -> ExitCode {
    let Some(size) = Size::parse(size) else {
        return fail(&format!("{CHILD_VAR} must be a number or `example`, not `{size}`"));
    };
    // The parent's scratch folder, removed when every size is done; run on
    // its own, a temporary folder of our own, removed before we exit.
    let temp = match std::env::var_os(SCRATCH_VAR) {
        Some(scratch) => Folder::Kept(Path::new(&scratch).join(size.to_string())),
        None => match tempfile::tempdir() {
            Ok(dir) => Folder::Temporary(dir),
            Err(e) => return fail(&format!("cannot create a temporary folder: {e}")),
        },
    };
    match measure(size, temp.path()) {
        Ok(m) => {
            println!("{}", m.line());
            ExitCode::SUCCESS
        }
        Err(message) => fail(&message),
    }
}

enum Folder {
    Kept(PathBuf),
    Temporary(tempfile::TempDir),
}

impl Folder {
    fn path(&self) -> &Path {
        match self {
            Folder::Kept(path) => path,
            Folder::Temporary(dir) => dir.path(),
        }
    }
}

fn measure(size: Size, folder: &Path) -> Result<Measurement, String> {
    let root = folder.join("site");
    match size {
        Size::Example => copy_example(&root),
        Size::Generated(n) => generate_site(&root, n),
    }
    .map_err(|e| format!("cannot make the site: {e}"))?;
    let today = Date::parse(TODAY).map_err(|e| format!("bad TODAY: {e}"))?;
    let options = BuildOptions { root, output: folder.join("output"), today: Some(today) };

    // The generated site was just written; its write-back to disk is the
    // set-up's cost, not the build's, so it is finished before the clock
    // starts.
    rustix::fs::sync();
    let started = Instant::now();
    let result = brukervalg::build(&options, &|_done: usize, _total: usize| {});
    let seconds = started.elapsed().as_secs_f64();

    let report = result.map_err(|failure| format!("the build of {size} providers failed:\n{:#?}", failure.findings))?;
    // Notes (a survey figure hidden by the rules) are as they should be.
    let warnings: Vec<_> =
        report.findings.iter().filter(|f| f.severity != brukervalg::diagnostics::Severity::Note).collect();
    if !warnings.is_empty() {
        // The generated data is meant to be clean; warnings mean the
        // generator or the checks changed, worth seeing but not fatal.
        eprintln!("{size} providers: {} warnings, the first: {:#?}", warnings.len(), warnings.first());
    }
    // Taken before serve runs, so it is the cold build's own peak.
    let peak_mib = peak_resident_mib();
    let (output_bytes, files, largest_page) = folder_size(&options.output);
    let rebuild = serve_rebuild(&options.root, today)?;
    Ok(Measurement { size, pages: report.pages, seconds, peak_mib, output_bytes, files, largest_page, rebuild })
}

/// Bytes and files below `dir`, and the size of the largest HTML page.
fn folder_size(dir: &Path) -> (u64, usize, u64) {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok().map(|m| (e.path().extension().is_some_and(|x| x == "html"), m.len())))
        .fold((0, 0, 0), |(bytes, files, largest), (html, len)| {
            (bytes + len, files + 1, if html { largest.max(len) } else { largest })
        })
}

/// Runs serve's builder and watcher (not its HTTP server, which adds
/// nothing to the wait), saves a change to one profile and times until the
/// new build is published; the median of a few saves.
fn serve_rebuild(root: &Path, today: Date) -> Result<Rebuild, String> {
    use brukervalg::cmd::serve::Preview;

    let mut preview = Preview::new(root, Some(today)).map_err(|e| format!("cannot start the preview: {e}"))?;
    if let brukervalg::cmd::serve::Outcome::Failed(findings) = preview.rebuild() {
        return Err(format!("the preview's first build failed: {findings:#?}"));
    }
    let state = preview.state();
    let rendered = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = std::sync::Arc::clone(&rendered);
    let watching = preview
        .watch(move |outcome, took| {
            if let brukervalg::cmd::serve::Outcome::Built(report) = outcome {
                log.lock().unwrap().push((took.as_millis(), report.pages - report.reused));
            }
        })
        .map_err(|e| format!("cannot watch the site: {e}"))?;
    let profile = first_profile(root).ok_or("the site has no profile to edit")?;
    let edits = EDITS;
    let mut times = Vec::new();
    for edit in 1..=edits {
        let before = state.snapshot();
        let text = fs::read_to_string(&profile).map_err(|e| format!("cannot read {}: {e}", profile.display()))?;
        let started = Instant::now();
        fs::write(&profile, edited_description(&text, edit)).map_err(|e| format!("cannot write the profile: {e}"))?;
        let now = state.wait_for_change(before.generation, REBUILD_PATIENCE);
        let after = state.snapshot();
        if now == before.generation || after.failure.is_some() {
            return Err(format!("the edit of {} gave no good rebuild", profile.display()));
        }
        times.push(started.elapsed().as_millis());
    }
    drop(watching);
    times.sort_unstable();
    let log = rendered.lock().map_err(|_| "the rebuild log is poisoned")?.clone();
    Ok(Rebuild {
        ms: times[times.len() / 2],
        build_ms: median(log.iter().map(|(ms, _)| *ms).collect()),
        rendered: median(log.iter().map(|(_, pages)| *pages).collect()),
    })
}

fn median<T: Ord + Copy + Default>(mut values: Vec<T>) -> T {
    values.sort_unstable();
    values.get(values.len() / 2).copied().unwrap_or_default()
}

/// The first profile (YAML file) of the first service, in name order.
fn first_profile(root: &Path) -> Option<std::path::PathBuf> {
    walkdir::WalkDir::new(root.join("providers"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .find(|p| p.extension().is_some_and(|e| e == "yaml"))
}

/// The profile with "Endret N." put in front of its description, as an
/// editor's change that shows on the pages.
fn edited_description(profile: &str, edit: usize) -> String {
    let mut lines: Vec<String> = profile.lines().map(str::to_string).collect();
    if let Some(at) = lines.iter().position(|l| l.starts_with("description:")) {
        let value = lines[at]["description:".len()..].trim();
        let (line, indent) = if matches!(value, ">" | "|" | ">-" | "|-") && at + 1 < lines.len() {
            let next = at + 1;
            (next, lines[next].len() - lines[next].trim_start().len())
        } else {
            (at, "description: ".len() + usize::from(value.starts_with('"')))
        };
        lines[line].insert_str(indent, &format!("Endret {edit}. "));
    }
    lines.join("\n") + "\n"
}

/// The resident set's high-water mark (VmHWM) of this process; Linux only.
fn peak_resident_mib() -> Option<f64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}
