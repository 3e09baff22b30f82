//! Memory per input byte for the worst shapes of input a profile or page
//! may have within the limits: one Markdown page, as large as
//! `file_max_bytes` allows, that is a long list, deeply nested quotes, wide
//! tables, or (for comparison) plain paragraphs. Each shape is built once in
//! a child process (this binary re-executed), so its peak memory is its own.
//! The limits' ceilings (src/load/limits.rs) are set from these figures so
//! that no configuration can ask for more than a 2-core, 4 GB machine has.
//!
//!     cargo bench --bench shapes                  # every shape at 1 MiB
//!     cargo bench --bench shapes -- 4194304       # at another size (bytes)
//!     cargo bench --bench shapes -- 1048576 list  # one shape

use std::fs;
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use brukervalg::BuildOptions;
use brukervalg::domain::Date;

const CHILD_VAR: &str = "BRUKERVALG_SHAPE_CHILD";
const SHAPES: [&str; 4] = ["paragraphs", "list", "quotes", "table"];
const DEFAULT_BYTES: usize = 1024 * 1024;

fn main() -> ExitCode {
    if let Ok(spec) = std::env::var(CHILD_VAR) {
        return child(&spec);
    }
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let bytes = args.iter().find_map(|a| a.parse().ok()).unwrap_or(DEFAULT_BYTES);
    let chosen: Vec<&str> = SHAPES.iter().copied().filter(|s| args.is_empty() || args.iter().any(|a| a == s)).collect();
    let chosen = if chosen.is_empty() { SHAPES.to_vec() } else { chosen };
    println!("| shape | input | peak | per input byte | build |");
    println!("| --- | --- | --- | --- | --- |");
    let Ok(exe) = std::env::current_exe() else {
        eprintln!("cannot find the bench binary");
        return ExitCode::FAILURE;
    };
    for shape in chosen {
        let output = Command::new(&exe)
            .env(CHILD_VAR, format!("{shape}:{bytes}"))
            .stdin(Stdio::null())
            .stderr(Stdio::inherit())
            .output();
        match output {
            Ok(out) if out.status.success() => print!("{}", String::from_utf8_lossy(&out.stdout)),
            Ok(out) => {
                eprintln!("{shape}: the child failed ({})", out.status);
                return ExitCode::FAILURE;
            }
            Err(e) => {
                eprintln!("{shape}: cannot start the child: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

fn child(spec: &str) -> ExitCode {
    let Some((shape, bytes)) = spec.split_once(':').and_then(|(s, b)| Some((s, b.parse::<usize>().ok()?))) else {
        eprintln!("{CHILD_VAR} must be SHAPE:BYTES, not {spec}");
        return ExitCode::FAILURE;
    };
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("cannot create a temporary folder: {e}");
            return ExitCode::FAILURE;
        }
    };
    let root = dir.path().join("site");
    if let Err(e) = site(&root, shape, bytes) {
        eprintln!("cannot make the site: {e}");
        return ExitCode::FAILURE;
    }
    let options = BuildOptions {
        root,
        output: dir.path().join("output"),
        today: Some(Date::parse("2026-11-27").expect("a date")),
    };
    let started = Instant::now();
    let result = brukervalg::build(&options, &|_, _| {});
    let seconds = started.elapsed().as_secs_f64();
    if let Err(failure) = result {
        eprintln!("{shape}: the build failed: {:#?}", failure.findings.first());
        return ExitCode::FAILURE;
    }
    let Some(peak) = peak_resident_bytes() else {
        eprintln!("no peak memory on this system");
        return ExitCode::FAILURE;
    };
    println!(
        "| {shape} | {:.1} MiB | {:.0} MiB | {:.0} B | {seconds:.1} s |",
        bytes as f64 / 1048576.0,
        peak as f64 / 1048576.0,
        peak as f64 / bytes as f64
    );
    ExitCode::SUCCESS
}

/// The smallest site with one page of `shape`, every limit at its ceiling.
fn site(root: &Path, shape: &str, bytes: usize) -> std::io::Result<()> {
    let crate_root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixture = crate_root.join("tests/fixtures/minimal");
    copy_dir(&fixture, root)?;
    for dir in ["templates", "i18n", "static"] {
        copy_dir(&crate_root.join(dir), &root.join(dir))?;
    }
    let mut config = fs::read_to_string(root.join("brukervalg.yaml"))?;
    config.push_str(&format!(
        "limits:\n  file_max_bytes: {}\n  markdown_max_depth: 200\n  table_max_cells: 100000\n",
        bytes + 4096
    ));
    fs::write(root.join("brukervalg.yaml"), config)?;
    let mut page = String::from("---\ntitle: Stor side\nsummary: En stor side.\n---\n");
    let header = page.len();
    while page.len() < header + bytes {
        match shape {
            "list" => page.push_str("- a\n"),
            "quotes" => {
                page.push_str(&">".repeat(99));
                page.push_str(" a\n\n");
            }
            "table" => {
                // 1,000 cells a table, tables one after another.
                let row = format!("|{}\n", "a|".repeat(100));
                page.push_str(&row);
                page.push_str(&format!("|{}\n", "-|".repeat(100)));
                for _ in 0..9 {
                    page.push_str(&row);
                }
                page.push('\n');
            }
            _ => page.push_str("Dette er en vanlig setning i et avsnitt om hjelp hjemme.\n\n"),
        }
    }
    page.truncate(header + bytes);
    fs::write(root.join("content/stor.md"), page)
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
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

/// The resident set's high-water mark (VmHWM) of this process; Linux only.
fn peak_resident_bytes() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}
