//! The command line: parse arguments, run the library, print, exit.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use brukervalg::diagnostics::{Finding, Severity, render_human};
use brukervalg::domain::Date;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "brukervalg",
    version,
    about = "Builds an accessible website for a municipality's free-choice (brukervalg) scheme"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder
    Build {
        /// The site's folder (where brukervalg.yaml is)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: ROOT/output]
        #[arg(long)]
        output: Option<PathBuf>,
        /// Treat this date (YYYY-MM-DD) as today, for reproducible builds
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
    },
}

fn parse_date(raw: &str) -> Result<Date, String> {
    Date::parse(raw)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            today,
        } => build(root, output, today),
    }
}

fn print_findings(findings: &[Finding], root: &std::path::Path) {
    if !findings.is_empty() {
        let styled = std::io::stderr().is_terminal();
        eprint!("{}", render_human(findings, root, styled));
    }
}

fn build(root: PathBuf, output: Option<PathBuf>, today: Option<Date>) -> ExitCode {
    let output = output.unwrap_or_else(|| root.join("output"));
    let options = brukervalg::BuildOptions {
        root: root.clone(),
        output: output.clone(),
        today,
    };
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::hidden();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} pages")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let progress = |done: usize, total: usize| {
        // Only long builds get a progress bar; short ones finish first.
        if let Some(bar) = &bar
            && total >= 2000
        {
            if bar.is_hidden() {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                bar.set_length(total as u64);
            }
            bar.set_position(done as u64);
        }
    };
    let result = brukervalg::build(&options, &progress);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    match result {
        Ok(report) => {
            print_findings(&report.findings, &root);
            let warnings = report
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Warning)
                .count();
            let warned = if warnings > 0 {
                format!(", {warnings} warning(s)")
            } else {
                String::new()
            };
            println!(
                "Built {} pages ({} files) in {:.2} s into {}{warned}",
                report.pages,
                report.files,
                report.elapsed.as_secs_f64(),
                output.display()
            );
            ExitCode::SUCCESS
        }
        Err(failure) => {
            print_findings(&failure.findings, &root);
            let errors = failure
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            eprintln!(
                "Build failed with {errors} error(s); {} was not changed.",
                output.display()
            );
            ExitCode::FAILURE
        }
    }
}
