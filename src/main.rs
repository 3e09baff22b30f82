//! The command line: parse the arguments and hand them to `brukervalg::cmd`.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::process::ExitCode;

use brukervalg::cmd;
use brukervalg::domain::Date;
use brukervalg::messages::Lang;
use brukervalg::model::ServiceKind;
use brukervalg::schema::SchemaKind;
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
        #[arg(long, value_enum, default_value_t = cmd::check::Format::Human)]
        format: cmd::check::Format,
        /// Fail (exit 1) on warnings too
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Show what a change does to the site: pages, providers' facts, survey figures, findings
    Diff {
        /// The site before the change (a folder)
        #[arg(required_unless_present = "git", requires = "head")]
        base: Option<PathBuf>,
        /// The site after the change (a folder)
        #[arg(conflicts_with = "git")]
        head: Option<PathBuf>,
        /// Compare the site in --root with this Git commit, branch or tag instead
        #[arg(long, value_name = "REF")]
        git: Option<String>,
        /// The site's folder, with --git
        #[arg(long, default_value = ".", requires = "git")]
        root: PathBuf,
        /// How to report
        #[arg(long, value_enum, default_value_t = cmd::diff::Format::Human)]
        format: cmd::diff::Format,
        /// Treat this date (YYYY-MM-DD) as today, for both sites
        #[arg(long, value_parser = Date::parse)]
        today: Option<Date>,
        #[command(flatten)]
        lang: LangArg,
    },
    /// Preview the site: build, serve on this computer, rebuild and reload on every change
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// The port to listen on (0 picks a free one)
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; anything but loopback shows the preview to the network
        #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
        bind: IpAddr,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
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
    /// Write a commented skeleton for a new provider, school, kindergarten or nursing home
    New {
        #[command(subcommand)]
        what: NewCommand,
    },
}

#[derive(Subcommand)]
enum NewCommand {
    /// A provider of a home-care service
    Provider {
        /// The service's id, as in brukervalg.yaml (e.g. praktisk-bistand)
        #[arg(long)]
        service: String,
        /// The provider's name
        name: String,
        /// The site's folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[command(flatten)]
        lang: LangArg,
    },
    /// A school, with its self-description
    School(KindArgs),
    /// A kindergarten, with its facts (a self-description is optional)
    Kindergarten(KindArgs),
    /// A nursing home, with its facts
    NursingHome(KindArgs),
}

/// What `new` asks of a school, kindergarten or nursing home: a site has
/// usually one service of each such kind, so the service may be left out.
#[derive(clap::Args)]
struct KindArgs {
    /// The provider's name
    name: String,
    /// The service's id [default: the site's one service of this kind]
    #[arg(long)]
    service: Option<String>,
    /// The site's folder
    #[arg(long, default_value = ".")]
    root: PathBuf,
    #[command(flatten)]
    lang: LangArg,
}

impl KindArgs {
    fn run(self, kind: ServiceKind) -> ExitCode {
        let lang = self.lang.or_site(&self.root);
        cmd::new::run(&self.root, self.service.as_deref(), &self.name, kind, lang)
    }
}

#[derive(clap::Args)]
struct SiteArgs {
    /// The site's folder (where brukervalg.yaml is)
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Treat this date (YYYY-MM-DD) as today, for reproducible results
    #[arg(long, value_parser = Date::parse)]
    today: Option<Date>,
    #[command(flatten)]
    lang: LangArg,
}

#[derive(clap::Args)]
struct LangArg {
    /// The language of messages [default: the site's language, else nb]
    #[arg(long, value_enum)]
    lang: Option<Lang>,
}

impl LangArg {
    fn or_site(&self, root: &std::path::Path) -> Lang {
        self.lang.unwrap_or_else(|| brukervalg::cmd::site_language(root))
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    brukervalg::interrupt::install();
    match cli.command {
        Command::Build { site, output } => {
            let lang = site.lang.or_site(&site.root);
            let output = output.unwrap_or_else(|| site.root.join("output"));
            cmd::build::run(&brukervalg::BuildOptions { root: site.root, output, today: site.today }, lang)
        }
        Command::Check { site, format, deny_warnings } => {
            let lang = site.lang.or_site(&site.root);
            cmd::check::run(&site.root, site.today, format, deny_warnings, lang)
        }
        Command::Diff { base, head, git, root, format, today, lang } => {
            let sites = match (git, base, head) {
                (Some(reference), _, _) => cmd::diff::Sites::Git { reference, root },
                (None, Some(base), Some(head)) => cmd::diff::Sites::Folders { base, head },
                _ => unreachable!("clap requires BASE and HEAD, or --git"),
            };
            let lang = lang.or_site(match &sites {
                cmd::diff::Sites::Git { root, .. } => root,
                cmd::diff::Sites::Folders { head, .. } => head,
            });
            cmd::diff::run(&sites, today, format, lang)
        }
        Command::Serve { site, port, bind, open } => {
            let lang = site.lang.or_site(&site.root);
            cmd::serve::run(&cmd::serve::Options { root: site.root, today: site.today, port, bind, open, lang })
        }
        Command::Schema { kind, out_dir } => cmd::schema::run(kind, out_dir.as_deref()),
        Command::New { what } => match what {
            NewCommand::Provider { service, name, root, lang } => {
                cmd::new::run(&root, Some(&service), &name, ServiceKind::HomeCare, lang.or_site(&root))
            }
            NewCommand::School(args) => args.run(ServiceKind::School),
            NewCommand::Kindergarten(args) => args.run(ServiceKind::Kindergarten),
            NewCommand::NursingHome(args) => args.run(ServiceKind::NursingHome),
        },
    }
}
