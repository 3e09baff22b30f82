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
    if !report.findings.is_empty() {
        // The generated data is meant to be clean; warnings mean the
        // generator or the checks changed, worth seeing but not fatal.
        eprintln!("{size} providers: {} warnings, the first: {:#?}", report.findings.len(), report.findings.first());
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

// ---------------------------------------------------------------------------
// Site generation.

/// What the generator needs from the example configuration.
struct Config {
    text: String,
    municipality: String,
    districts: Vec<(String, String)>,
    services: Vec<ServiceInfo>,
}

struct ServiceInfo {
    id: String,
    school: bool,
    /// The ids of its quality indicators, whose values every generated
    /// provider gets in `indicators/<id>.csv`.
    indicators: Vec<String>,
}

fn generate_site(root: &Path, size: usize) -> io::Result<()> {
    let crate_root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in COPIED_DIRS {
        copy_dir(&crate_root.join(dir), &root.join(dir))?;
    }
    let config = read_config(&crate_root.join("brukervalg.yaml"))?;
    fs::write(root.join("brukervalg.yaml"), with_municipal_defaults(&config.text))?;

    let mut generator = Generator { rng: Rng(0x5eed), org_base: 81_000_000, config: &config };
    let count = config.services.len();
    for (i, service) in config.services.iter().enumerate() {
        // Spread evenly; the first services take the remainder.
        let share = size / count + usize::from(i < size % count);
        generator.service(&root.join("providers").join(&service.id), service, share)?;
        indicator_values(root, service, &mut generator.rng)?;
    }
    Ok(())
}

/// `indicators/<service>.csv` with a value of every indicator for every
/// generated provider, from 1 to 99 (a valid percent and number alike), so
/// the generated site stays free of warnings.
fn indicator_values(root: &Path, service: &ServiceInfo, rng: &mut Rng) -> io::Result<()> {
    if service.indicators.is_empty() {
        return Ok(());
    }
    let mut slugs: Vec<String> = fs::read_dir(root.join("providers").join(&service.id))?
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".yaml").map(str::to_string))
        .collect();
    slugs.sort();
    let mut csv = String::from("provider,indicator,value\n");
    for slug in &slugs {
        for indicator in &service.indicators {
            csv.push_str(&format!("{slug},{indicator},{}\n", 1 + rng.below(99)));
        }
    }
    fs::create_dir_all(root.join("indicators"))?;
    fs::write(root.join("indicators").join(format!("{}.csv", service.id)), csv)
}

/// The bundled example site, with everything it is built from.
fn copy_example(root: &Path) -> io::Result<()> {
    let crate_root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in COPIED_DIRS.iter().chain(&["providers", "surveys", "indicators"]) {
        copy_dir(&crate_root.join(dir), &root.join(dir))?;
    }
    fs::copy(crate_root.join("brukervalg.yaml"), root.join("brukervalg.yaml")).map(|_| ())
}

fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

fn read_config(path: &Path) -> io::Result<Config> {
    let text = fs::read_to_string(path)?;
    let municipality = text
        .lines()
        .find_map(|l| l.strip_prefix("municipality:"))
        .map_or_else(|| "Kommunen".to_string(), |m| m.trim().to_string());
    let districts =
        listed_items(&text, "districts").into_iter().map(|item| (item.id, item.name.unwrap_or_default())).collect();
    let services = listed_items(&text, "services")
        .into_iter()
        .map(|item| ServiceInfo {
            id: item.id,
            school: item.kind.as_deref() == Some("school"),
            indicators: item.nested,
        })
        .collect();
    Ok(Config { text, municipality, districts, services })
}

struct ListedItem {
    id: String,
    name: Option<String>,
    kind: Option<String>,
    /// The ids of `- id:` items of a list inside it (a service's indicators).
    nested: Vec<String>,
}

/// The `- id:` items under a top-level key, with their own `name:` and
/// `kind:`. A line scan rather than a YAML parser keeps the bench free of
/// extra dependencies; the example config is regular enough for it.
fn listed_items(config: &str, key: &str) -> Vec<ListedItem> {
    let mut items: Vec<ListedItem> = Vec::new();
    let mut inside = false;
    let mut field_indent = 0;
    let mut item_indent = None;
    for line in config.lines() {
        let top_level = !line.starts_with([' ', '#']) && !line.trim().is_empty();
        if top_level {
            inside = line.trim_end() == format!("{key}:");
            continue;
        }
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if !inside {
            continue;
        }
        if let Some(id) = trimmed.strip_prefix("- id:") {
            if item_indent.is_some_and(|at| indent > at) {
                if let Some(item) = items.last_mut() {
                    item.nested.push(id.trim().to_string());
                }
                continue;
            }
            item_indent = Some(indent);
            field_indent = indent + 2;
            items.push(ListedItem { id: id.trim().to_string(), name: None, kind: None, nested: Vec::new() });
        } else if indent == field_indent
            && let Some(item) = items.last_mut()
        {
            if let Some(name) = trimmed.strip_prefix("name:") {
                item.name = Some(name.trim().to_string());
            } else if let Some(kind) = trimmed.strip_prefix("kind:") {
                item.kind = Some(kind.trim().to_string());
            }
        }
    }
    items
}

/// The example config names its own municipal provider; point every
/// `default_provider` at the generated one instead.
fn with_municipal_defaults(config: &str) -> String {
    let mut out = String::with_capacity(config.len());
    for line in config.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("default_provider:") {
            let indent = &line[..line.len() - trimmed.len()];
            out.push_str(&format!("{indent}default_provider: {MUNICIPAL_SLUG}"));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// SplitMix64: deterministic, so every run generates the same sites, and
/// needs no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn range(&mut self, low: u32, high: u32) -> u32 {
        low + (self.next() % u64::from(high - low + 1)) as u32
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// A date in 2026 no later than the day before `TODAY`.
fn date_2026(rng: &mut Rng) -> String {
    format!("2026-{:02}-{:02}", rng.range(1, 11), rng.range(1, 26))
}

fn phone(rng: &mut Rng) -> String {
    format!("55 {:02} {:02} {:02}", rng.range(10, 99), rng.range(0, 99), rng.range(0, 99))
}

/// Lower-case a-z, digits and hyphens, as slugs must be.
fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            'a'..='z' | '0'..='9' => slug.push(c),
            'æ' => slug.push_str("ae"),
            'ø' => slug.push('o'),
            'å' => slug.push('a'),
            _ if !slug.ends_with('-') && !slug.is_empty() => slug.push('-'),
            _ => {}
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// Prose as a folded block scalar (`key: >`) for a key indented by
/// `indent` spaces.
fn folded(text: &str, indent: usize) -> String {
    format!(">\n{:width$}{text}", "", width = indent + 2)
}

struct Generator<'a> {
    rng: Rng,
    /// The next 8-digit base for an organisation number; every provider
    /// takes its own, so numbers never repeat.
    org_base: u32,
    config: &'a Config,
}

impl Generator<'_> {
    fn service(&mut self, dir: &Path, service: &ServiceInfo, count: usize) -> io::Result<()> {
        fs::create_dir_all(dir)?;
        for index in 0..count {
            if service.school {
                self.school(dir, index)?;
            } else {
                self.home_care(dir, index)?;
            }
        }
        Ok(())
    }

    /// Nine digits whose last is the mod-11 check digit; bases without a
    /// valid check digit (remainder 10) are skipped.
    fn org_number(&mut self) -> String {
        const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
        loop {
            let base = self.org_base;
            self.org_base += 1;
            let digits = format!("{base:08}");
            let sum: u32 = digits.bytes().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
            let check = match 11 - sum % 11 {
                11 => 0,
                10 => continue,
                d => d,
            };
            return format!("{} {} {}{check}", &digits[0..3], &digits[3..6], &digits[6..8]);
        }
    }

    fn ownership(&mut self) -> Ownership {
        match self.rng.below(20) {
            0 => Ownership::Municipal,
            1..=6 => Ownership::NonProfit,
            _ => Ownership::Private,
        }
    }

    /// A non-empty subset of the configured districts, in config order.
    fn districts(&mut self, at_most: usize) -> Vec<String> {
        let all = &self.config.districts;
        let wanted = 1 + self.rng.below(at_most.min(all.len()));
        let start = self.rng.below(all.len());
        let mut chosen: Vec<usize> = (0..wanted).map(|k| (start + k * 2) % all.len()).collect();
        chosen.sort_unstable();
        chosen.dedup();
        chosen.into_iter().map(|i| all[i].0.clone()).collect()
    }

    fn district_name(&self, id: &str) -> String {
        self.config.districts.iter().find(|(d, _)| d == id).map_or_else(|| id.to_string(), |(_, n)| n.clone())
    }

    fn languages(&mut self) -> String {
        const OTHERS: [&str; 15] =
            ["en", "pl", "lt", "so", "ar", "ti", "fa", "ur", "uk", "ru", "es", "de", "sv", "tr", "vi"];
        let mut codes = vec!["nb"];
        for _ in 0..self.rng.below(5) {
            let code = self.rng.pick(&OTHERS);
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        codes.join(", ")
    }

    fn capacity(&mut self) -> String {
        let status = self.rng.pick(&["open", "open", "waiting-list", "full"]);
        format!("capacity:\n  status: {status}\n  as_of: {}\n", date_2026(&mut self.rng))
    }

    fn home_care_name(&mut self, ownership: Ownership, index: usize) -> String {
        const FIRST: [&str; 12] = [
            "Trygg",
            "Nordlys",
            "Vestkyst",
            "Aktiv",
            "Livskraft",
            "Fjordlys",
            "Kystlinje",
            "Solstrand",
            "Lyngheim",
            "Bjørkely",
            "Havblikk",
            "Varde",
        ];
        const SECOND: [&str; 7] =
            ["Omsorg", "Hjemmetjenester", "Helse", "Hjemmehjelp", "Hverdag", "Assistanse", "Pleie"];
        let (first, second) = (self.rng.pick(&FIRST), self.rng.pick(&SECOND));
        // The index keeps names, and so slugs, unique within the service.
        match ownership {
            Ownership::Municipal => format!("{}, {} {index}", self.config.municipality, second.to_lowercase()),
            Ownership::NonProfit => format!("Stiftelsen {first} {second} {index}"),
            Ownership::Private => format!("{first} {second} {index} AS"),
        }
    }

    /// The first provider of a home-care service is the municipal one that
    /// `default_provider` names; it serves every district.
    fn home_care(&mut self, dir: &Path, index: usize) -> io::Result<()> {
        let (name, slug, ownership, districts) = if index == 0 {
            let all = self.config.districts.iter().map(|(id, _)| id.clone()).collect();
            (
                format!("{}, hjemmetjenesten", self.config.municipality),
                MUNICIPAL_SLUG.to_string(),
                Ownership::Municipal,
                all,
            )
        } else {
            let ownership = self.ownership();
            let name = self.home_care_name(ownership, index);
            let slug = slugify(&name);
            (name, slug, ownership, self.districts(4))
        };
        let home = self.district_name(&districts[0]);
        let extras = self.extras();
        let (description, description_plain) = self.home_care_description(&name, ownership, &home, !extras.is_empty());
        let mut yaml = self.common(&name, &slug, ownership, &districts, &home, index);
        yaml.push_str(&format!(
            "description: {}\ndescription_plain: {}\n",
            folded(&description, 0),
            folded(&description_plain, 0)
        ));
        yaml.push_str(&self.extras_yaml(&extras));
        if self.rng.chance(80) {
            yaml.push_str(&format!("continuity:\n  staff_per_month: {}\n", self.rng.range(1, 9)));
            if self.rng.chance(30) {
                yaml.push_str("  note: Ved ferie og sykdom kan det komme andre ansatte enn de faste.\n");
            }
        }
        yaml.push_str(&format!("last_checked: {}\n", date_2026(&mut self.rng)));
        fs::write(dir.join(format!("{slug}.yaml")), yaml)
    }

    /// The fields every profile has, up to `description`.
    fn common(
        &mut self,
        name: &str,
        slug: &str,
        ownership: Ownership,
        districts: &[String],
        home: &str,
        index: usize,
    ) -> String {
        let mut yaml = format!(
            "name: {name}\norg_number: \"{}\"\nownership: {}\ndistricts: [{}]\n",
            self.org_number(),
            ownership.as_str(),
            districts.join(", ")
        );
        yaml.push_str("contact:\n");
        if ownership == Ownership::Municipal {
            yaml.push_str(&format!("  name: {name}\n"));
        }
        yaml.push_str(&format!(
            "  phone: \"{}\"\n  email: post@{slug}.no\n  web: https://www.{slug}.no/\n  address: {} {}, 59{:02} {home}\n  opening_hours: {}\n",
            phone(&mut self.rng),
            self.rng.pick(&["Strandgata", "Kirkegata", "Industrivegen", "Åsvegen", "Torget", "Skolebakken", "Fjordvegen"]),
            1 + index % 90,
            self.rng.range(0, 30),
            self.rng.pick(&["Mandag–fredag 08.00–15.30", "Alle dager 07.00–23.00", "Mandag–lørdag 07.30–20.00"]),
        ));
        yaml.push_str(&format!("languages: [{}]\n", self.languages()));
        yaml.push_str(&self.capacity());
        yaml.push_str(&self.admission(ownership));
        yaml
    }

    fn admission(&mut self, ownership: Ownership) -> String {
        if ownership == Ownership::Municipal {
            return String::new();
        }
        let from = format!("{}-{:02}-01", self.rng.range(2024, 2025), self.rng.range(1, 12));
        if self.rng.chance(50) {
            format!("admission:\n  kind: framework-agreement\n  from: {from}\n  until: 2028-12-31\n")
        } else {
            format!("admission:\n  kind: approval\n  from: {from}\n")
        }
    }

    fn home_care_description(
        &mut self,
        name: &str,
        ownership: Ownership,
        home: &str,
        sells_extras: bool,
    ) -> (String, String) {
        let staff = self.rng.range(5, 90);
        let (who, who_plain) = match ownership {
            Ownership::Municipal => (
                format!("{name} er kommunens egen tjeneste med {staff} ansatte."),
                "Dette er kommunens egen tjeneste.".to_string(),
            ),
            Ownership::NonProfit => (
                format!(
                    "{name} er en ideell stiftelse med {staff} ansatte og kontor i {home}. Stiftelsen har ikke eiere som tar ut utbytte, og overskudd går tilbake til driften."
                ),
                format!("Dette er en stiftelse i {home} som ikke skal tjene penger."),
            ),
            Ownership::Private => (
                format!(
                    "{name} er et privat aksjeselskap med {staff} ansatte og kontor i {home}. Selskapet er eid av {}.",
                    self.rng.pick(&["de ansatte", "daglig leder", "en familie i kommunen", "et norsk helsekonsern"])
                ),
                format!("Dette er en privat leverandør i {home}."),
            ),
        };
        let hours = self.rng.below(3);
        let hours_text = [
            "Hjelpen gis mandag til fredag mellom 08.00 og 15.30.",
            "Hjelpen gis alle dager mellom 07.00 og 23.00. Om natten gir kommunen hjelpen.",
            "Hjelpen gis mandag til lørdag mellom 07.30 og 20.00, slik at du også kan få hjelp etter arbeidstid.",
        ][hours];
        let hours_plain = [
            "Vi kommer på hverdager.",
            "Vi kommer alle dager, fra morgen til kveld. Om natten kommer kommunen.",
            "Vi kan komme tidlig eller sent på dagen, også på lørdager.",
        ][hours];
        let steady = self.rng.below(3);
        let steady_text = [
            "Hver bruker har de samme to eller tre ansatte så langt det er mulig.",
            "De ansatte jobber i turnus, og derfor kan det komme flere ulike personer i løpet av en måned.",
            "Hver ansatt har mellom fem og åtte faste brukere.",
        ][steady];
        let steady_plain = [
            "Du får de samme personene hjem til deg.",
            "Det kan komme mange ulike personer i løpet av en måned.",
            "Du får faste personer hjem til deg.",
        ][steady];
        let (extras_text, extras_plain) = if sells_extras {
            (
                "Vi selger tilleggstjenester. De er ikke en del av vedtaket, og du velger selv om du vil kjøpe dem.",
                "Vi selger også ekstra hjelp. Den betaler du selv.",
            )
        } else {
            ("Vi selger ikke tilleggstjenester.", "Vi selger ikke ekstra hjelp.")
        };
        (
            format!("{who} {hours_text} {steady_text} {extras_text}"),
            format!("{who_plain} {hours_plain} {steady_plain} {extras_plain}"),
        )
    }

    fn extras(&mut self) -> Vec<(&'static str, &'static str, u32, &'static str)> {
        const EXTRAS: [(&str, &str, u32, &str); 6] = [
            ("Vindusvask", "Vaske vinduer", 420, "per gang"),
            ("Snømåking", "Måke snø", 350, "per gang"),
            ("Følge på tur", "Gå tur med deg", 380, "per time"),
            ("Hagearbeid", "Hjelp i hagen", 490, "per time"),
            ("Fotpleie", "Stell av føttene", 550, "per gang"),
            ("Storrengjøring", "Stor vask av hele huset", 495, "per time"),
        ];
        let count = self.rng.below(3);
        let first = self.rng.below(EXTRAS.len());
        (0..count).map(|k| EXTRAS[(first + k) % EXTRAS.len()]).collect()
    }

    fn extras_yaml(&mut self, extras: &[(&str, &str, u32, &str)]) -> String {
        if extras.is_empty() {
            return String::new();
        }
        let mut yaml = "extras:\n".to_string();
        for (name, plain, price, unit) in extras {
            let price = price + self.rng.range(0, 8) * 10;
            yaml.push_str(&format!(
                "  - name: {name}\n    name_plain: {plain}\n    price: {price}\n    unit: {unit}\n"
            ));
        }
        yaml
    }

    fn school(&mut self, dir: &Path, index: usize) -> io::Result<()> {
        const PLACES: [&str; 10] =
            ["Solbakken", "Lia", "Haugen", "Vika", "Bakken", "Nesset", "Moen", "Åsheim", "Fjellsiden", "Strand"];
        let grades = self.rng.pick(&[(1, 7), (1, 7), (8, 10), (1, 10)]);
        let kind = match grades {
            (8, _) => "ungdomsskole",
            _ => "skole",
        };
        let name = format!("{} {kind} {index}", self.rng.pick(&PLACES));
        let slug = slugify(&name);
        let districts = self.districts(2);
        let home = self.district_name(&districts[0]);
        let school = SchoolFacts::new(&mut self.rng, name, home, grades);

        let mut yaml = self.common(&school.name, &slug, Ownership::Municipal, &districts, &school.home, index);
        let (description, description_plain) = school.description();
        yaml.push_str(&format!(
            "description: {}\ndescription_plain: {}\n",
            folded(&description, 0),
            folded(&description_plain, 0)
        ));
        yaml.push_str(&school.yaml());
        yaml.push_str(&format!("last_checked: {}\n", date_2026(&mut self.rng)));
        fs::write(dir.join(format!("{slug}.yaml")), yaml)?;
        fs::write(dir.join(format!("{slug}.md")), school.self_description(&mut self.rng))?;
        fs::write(dir.join(format!("{slug}.lettlest.md")), school.self_description_plain())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ownership {
    Municipal,
    Private,
    NonProfit,
}

impl Ownership {
    fn as_str(self) -> &'static str {
        match self {
            Ownership::Municipal => "municipal",
            Ownership::Private => "private",
            Ownership::NonProfit => "non-profit",
        }
    }
}

/// The facts a school's profile and self-description share, so the two
/// agree with each other.
struct SchoolFacts {
    name: String,
    home: String,
    from: u32,
    to: u32,
    pupils: u32,
    capacity: u32,
    staff: u32,
    focus: [&'static str; 2],
    start: &'static str,
    /// Days a week the school nurse is at the school.
    nurse_days: u32,
}

const FOCUS_AREAS: [(&str, &str, &str); 6] = [
    (
        "Realfag",
        "Elevene forsker i naturen rundt skolen og har matematikk ute en gang i uka.",
        "Barna lærer matte og naturfag ute.",
    ),
    (
        "Friluftsliv",
        "Alle trinn har en turdag i måneden, og de eldste elevene overnatter i telt hver høst.",
        "Barna går på tur hver måned.",
    ),
    (
        "Musikk",
        "Lærere fra kulturskolen har musikk sammen med lærerne våre, og alle får låne et instrument i ett år.",
        "Barna har mye musikk. Alle kan låne et instrument i ett år.",
    ),
    (
        "Fysisk aktivitet",
        "Alle elever har en time fysisk aktivitet hver dag, i tillegg til kroppsøving.",
        "Barna er i aktivitet hver dag.",
    ),
    (
        "Lesing",
        "Vi kartlegger lesing to ganger i året og gir ekstra hjelp i små grupper til elever som trenger det.",
        "Barn som trenger det, får hjelp med lesing.",
    ),
    (
        "Språk",
        "Elevene kan velge tysk, fransk eller spansk, og skolen har samarbeid med en skole i Spania.",
        "Barna kan lære et nytt språk.",
    ),
];

impl SchoolFacts {
    fn new(rng: &mut Rng, name: String, home: String, (from, to): (u32, u32)) -> SchoolFacts {
        let pupils = rng.range(80, 600);
        let first = rng.below(FOCUS_AREAS.len());
        let second = (first + 1 + rng.below(FOCUS_AREAS.len() - 1)) % FOCUS_AREAS.len();
        SchoolFacts {
            name,
            home,
            from,
            to,
            pupils,
            capacity: pupils + rng.range(0, 60),
            staff: pupils / 8 + rng.range(5, 15),
            focus: [FOCUS_AREAS[first].0, FOCUS_AREAS[second].0],
            start: rng.pick(&["08.15", "08.30", "08.45"]),
            nurse_days: rng.range(2, 4),
        }
    }

    fn level(&self) -> &'static str {
        match (self.from, self.to) {
            (1, 7) => "barneskole",
            (8, _) => "ungdomsskole",
            _ => "grunnskole",
        }
    }

    fn focus_texts(&self) -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> + '_ {
        self.focus.iter().filter_map(|f| FOCUS_AREAS.iter().find(|(name, _, _)| name == f))
    }

    fn description(&self) -> (String, String) {
        let (name, home, level) = (&self.name, &self.home, self.level());
        (
            format!(
                "{name} er en {level} for {}. til {}. trinn. Nærskoleområdet er {home}. Skolen har {} elever og {} ansatte og legger særlig vekt på {} og {}.",
                self.from,
                self.to,
                self.pupils,
                self.staff,
                self.focus[0].to_lowercase(),
                self.focus[1].to_lowercase()
            ),
            format!(
                "{name} er en {level}. Den er for {}. til {}. klasse. Skolen har {} elever.",
                self.from, self.to, self.pupils
            ),
        )
    }

    fn yaml(&self) -> String {
        let mut yaml = format!(
            "school:\n  grades:\n    from: {}\n    to: {}\n  pupils: {}\n  capacity: {}\n",
            self.from, self.to, self.pupils, self.capacity
        );
        if self.from == 1 {
            yaml.push_str("  after_school_care: SFO hver skoledag fra 07.00 til 16.30. De yngste elevene har 12 timer gratis i uka.\n");
        }
        yaml.push_str(&format!("  focus_areas: [{}]\n", self.focus.join(", ")));
        yaml.push_str(&format!(
            "  transport: {}\n  transport_plain: {}\n",
            folded(&format!(
                "Elever som har {} som nærskole, får gratis skyss hvis skoleveien er lengre enn 2 kilometer på 1. trinn eller lengre enn 4 kilometer på 2. til 10. trinn. Elever som har valgt skolen fra et annet område, må selv betale reisen.",
                self.name
            ), 2),
            folded("Bor barnet langt unna, får det gratis buss. Kommer barnet fra et annet område, må dere betale bussen selv.", 2),
        ));
        yaml
    }

    /// About 250 words of Markdown, with headings, a list, emphasis and an
    /// internal link, like the example schools' egenomtaler.
    fn self_description(&self, rng: &mut Rng) -> String {
        let mut md = format!(
            "{} er en {} med {} elever fra {}. til {}. trinn. Skolen ligger {} i {}. Vi har {} ansatte: lærere, fagarbeidere, en helsesykepleier som er på skolen {} dager i uka, og ansatte i SFO.\n\n## Dette legger vi vekt på\n\n",
            self.name,
            self.level(),
            self.pupils,
            self.from,
            self.to,
            rng.pick(&["ved idrettsplassen", "ved skogkanten", "nede ved sjøen", "midt i sentrum"]),
            self.home,
            self.staff,
            self.nurse_days,
        );
        for (name, text, _) in self.focus_texts() {
            md.push_str(&format!("- **{name}.** {text}\n"));
        }
        md.push_str("- **Trivsel.** Vi har faste vennegrupper på tvers av trinnene, og elevrådet planlegger aktiviteter i storefri hver uke.\n\n");
        md.push_str(&format!(
            "## En vanlig skoledag\n\nSkoledagen begynner klokka {}. De yngste elevene er ferdige klokka 13.30 de fleste dager, og de eldste er ferdige klokka 14.30. Elevene spiser matpakke i klasserommet, og i storefri kan de bruke skolegården, ballbingen og gymsalen etter en fast plan.\n\n",
            self.start
        ));
        if self.from == 1 {
            md.push_str("## SFO\n\nSFO er åpen fra 07.00 til 16.30 hver skoledag og hele dager i skoleferiene, unntatt fire uker om sommeren. Elever på de laveste trinnene har 12 timer gratis SFO i uka.\n\n");
        } else {
            md.push_str("## Valgfag\n\nElevene velger mellom friluftsliv, programmering, sal og scene og produksjon for sceneteknikk. Valgfagene går over hele skoleåret, to timer i uka.\n\n");
        }
        md.push_str(&format!(
            "## Plass på skolen\n\nSkolen har plass til {} elever. Les om hvordan plassene blir fordelt, på siden [Slik velger du](/slik-velger-du/).\n\n## Besøk oss\n\nVi har åpen skole for nye elever og foreldre i januar. Du kan også ringe rektor og avtale et besøk.\n",
            self.capacity
        ));
        md
    }

    fn self_description_plain(&self) -> String {
        let mut md = format!(
            "{} er en {} i {}. Den er for {}. til {}. klasse. Skolen har {} elever.\n\n## Dette gjør vi mye av\n\n",
            self.name,
            self.level(),
            self.home,
            self.from,
            self.to,
            self.pupils
        );
        for (_, _, plain) in self.focus_texts() {
            md.push_str(&format!("- {plain}\n"));
        }
        md.push_str(&format!(
            "\n## En dag på skolen\n\nSkolen begynner klokka {}. Barna har med seg mat hjemmefra. En helsesykepleier er på skolen {} dager i uka.\n\n{}## Plass på skolen\n\nLes om hvordan du søker, på siden [Slik velger du](/slik-velger-du/).\n\n## Besøk oss\n\nDu kan besøke skolen i januar. Du kan også ringe rektor.\n",
            self.start,
            self.nurse_days,
            if self.from == 1 {
                "## SFO\n\nSFO er stengt fire uker om sommeren. De yngste barna får 12 timer gratis SFO i uka.\n\n"
            } else {
                "## Valgfag\n\nBarna velger et valgfag. Det har de to timer i uka.\n\n"
            },
        ));
        md
    }
}
