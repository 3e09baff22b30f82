//! The command line: parse arguments, run the library, print, exit.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use brukervalg::diagnostics::{Finding, Severity, render_github, render_human, render_json};
use brukervalg::domain::Date;
use brukervalg::schema::SchemaKind;
use clap::{Parser, Subcommand, ValueEnum};

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
        #[command(flatten)]
        site: SiteArgs,
        /// Where to write the site [default: ROOT/output]
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Check everything `build` checks, without writing anything
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// How to report findings
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Fail (exit 1) on warnings too
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Print the JSON Schema of an input format, for editor completion
    Schema {
        /// Which format
        #[arg(value_enum, default_value_t = SchemaKind::Provider)]
        kind: SchemaKind,
        /// Write all schemas into this folder instead of printing one
        #[arg(long)]
        out_dir: Option<PathBuf>,
    },
    /// Write a commented skeleton for a new provider or school
    New {
        #[command(subcommand)]
        what: NewCommand,
    },
}

#[derive(Subcommand)]
enum NewCommand {
    /// A provider of a service that is not a school
    Provider {
        /// The service's id, as in brukervalg.yaml (e.g. praktisk-bistand)
        #[arg(long)]
        service: String,
        /// The provider's name
        name: String,
        /// The site's folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// A school, with its self-description
    School {
        /// The school's name
        name: String,
        /// The school service's id [default: the one service of kind school]
        #[arg(long)]
        service: Option<String>,
        /// The site's folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(clap::Args)]
struct SiteArgs {
    /// The site's folder (where brukervalg.yaml is)
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Treat this date (YYYY-MM-DD) as today, for reproducible results
    #[arg(long, value_parser = Date::parse)]
    today: Option<Date>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// rustc-style snippets with file:line:column, a caret and a hint
    Human,
    /// GitHub Actions workflow commands, shown on the pull request's lines
    Github,
    /// A JSON report (see docs/check.md)
    Json,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build { site, output } => build(site, output),
        Command::Check { site, format, deny_warnings } => check(site, format, deny_warnings),
        Command::Schema { kind, out_dir } => schema(kind, out_dir),
        Command::New { what } => new(what),
    }
}

fn print_findings(findings: &[Finding], root: &Path) {
    if !findings.is_empty() {
        let styled = std::io::stderr().is_terminal();
        eprint!("{}", render_human(findings, root, styled));
    }
}

fn count(findings: &[Finding], severity: Severity) -> usize {
    findings.iter().filter(|f| f.severity == severity).count()
}

fn check(site: SiteArgs, format: Format, deny_warnings: bool) -> ExitCode {
    let (_, findings, readability) = brukervalg::check(&site.root, site.today);
    let findings = findings.into_sorted();
    let (errors, warnings) = (count(&findings, Severity::Error), count(&findings, Severity::Warning));
    match format {
        Format::Human => {
            print_findings(&findings, &site.root);
            if let Some(summary) = readability {
                eprintln!("{summary}");
            }
            eprintln!("{errors} error(s), {warnings} warning(s)");
        }
        Format::Github => print!("{}", render_github(&findings)),
        Format::Json => print!("{}", render_json(&findings)),
    }
    if errors > 0 || (deny_warnings && warnings > 0) { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

fn build(site: SiteArgs, output: Option<PathBuf>) -> ExitCode {
    let root = site.root;
    let output = output.unwrap_or_else(|| root.join("output"));
    let options = brukervalg::BuildOptions { root: root.clone(), output: output.clone(), today: site.today };
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
            println!("{}", report.readability);
            let warnings = count(&report.findings, Severity::Warning);
            let warned = if warnings > 0 { format!(", {warnings} warning(s)") } else { String::new() };
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
            let errors = count(&failure.findings, Severity::Error);
            eprintln!("Build failed with {errors} error(s); {} was not changed.", output.display());
            ExitCode::FAILURE
        }
    }
}

fn schema(kind: SchemaKind, out_dir: Option<PathBuf>) -> ExitCode {
    let Some(dir) = out_dir else {
        print!("{}", brukervalg::schema::schema(kind));
        return ExitCode::SUCCESS;
    };
    for kind in SchemaKind::ALL {
        let path = dir.join(kind.file_name());
        if let Err(e) =
            std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, brukervalg::schema::schema(kind)))
        {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("Wrote {}", path.display());
    }
    ExitCode::SUCCESS
}

fn new(what: NewCommand) -> ExitCode {
    let (root, service, name, school) = match what {
        NewCommand::Provider { service, name, root } => (root, Some(service), name, false),
        NewCommand::School { name, service, root } => (root, service, name, true),
    };
    match brukervalg::scaffold::create(&root, service.as_deref(), &name, school) {
        Ok(paths) => {
            for path in paths {
                println!("Wrote {}", path.display());
            }
            println!("Replace every «{}», then run `brukervalg check`.", brukervalg::scaffold::PLACEHOLDER);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
