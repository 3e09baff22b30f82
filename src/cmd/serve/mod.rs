//! `brukervalg serve`: a live preview for editors. Builds the site into a
//! private folder, serves it on this computer, rebuilds when an input file
//! changes and makes open pages reload themselves. While a build fails,
//! pages show its findings and the last good site stays one click behind.

mod http;
mod overlay;
mod preview;
pub mod state;
mod watch;

use std::io::Write as _;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

pub use preview::{Outcome, Preview, Watching};
pub use watch::DEBOUNCE;

use crate::domain::Date;

pub struct Options {
    pub root: PathBuf,
    pub today: Option<Date>,
    /// 0 picks a free port.
    pub port: u16,
    pub bind: IpAddr,
    /// Open the site in the default browser once it is served.
    pub open: bool,
    /// The language of the findings in the terminal.
    pub lang: crate::messages::Lang,
}

pub fn run(options: &Options) -> ExitCode {
    let mut preview = match Preview::new(&options.root, options.today) {
        Ok(preview) => preview,
        Err(e) => {
            eprintln!("error: cannot create a folder for the preview: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("Building {} into {}", options.root.display(), preview.folder().display());
    let first = std::time::Instant::now();
    let lang = options.lang;
    report(&options.root, &preview.rebuild(), first.elapsed(), lang);

    let server = match tiny_http::Server::http((options.bind, options.port)) {
        Ok(server) => server,
        Err(e) => {
            eprintln!("error: cannot listen on {}:{}: {e}; try another --port", options.bind, options.port);
            return ExitCode::FAILURE;
        }
    };
    let Some(address) = server.server_addr().to_ip() else {
        eprintln!("error: the server has no network address");
        return ExitCode::FAILURE;
    };
    let url = format!("http://{address}/");
    if options.bind.is_loopback() {
        println!("Serving at {url} (only this computer can open it). Stop with Ctrl-C.");
    } else {
        println!("Serving at {url}. Stop with Ctrl-C.");
        eprintln!(
            "warning: --bind {} lets other computers on the network open the preview, including unpublished changes",
            options.bind
        );
    }

    let state = preview.state();
    let root = options.root.clone();
    let _watching = match preview.watch(move |outcome, took| report(&root, outcome, took, lang)) {
        Ok(watching) => watching,
        Err(e) => {
            eprintln!("error: cannot watch {} for changes: {e}", options.root.display());
            return ExitCode::FAILURE;
        }
    };
    if options.open
        && let Err(e) = open::that_detached(&url)
    {
        eprintln!("warning: cannot open a browser ({e}); open {url} yourself");
    }
    http::serve(server, state, lang);
    ExitCode::SUCCESS
}

/// One line per build in the terminal; the findings of a failed one in full.
fn report(root: &Path, outcome: &Outcome, took: Duration, lang: crate::messages::Lang) {
    match outcome {
        Outcome::Built(report) => {
            super::print_findings(&report.findings, root, lang);
            // Not println!: a closed terminal or pipe must not stop the
            // preview (a panic here would take the served site with it).
            let built = crate::msg!(
                "serve.built",
                pages = report.pages,
                rendered = report.pages - report.reused,
                ms = took.as_millis()
            );
            let _ = writeln!(std::io::stdout(), "{}", built.render(lang));
        }
        Outcome::Failed(findings) => {
            super::build::report_failure(findings, root, crate::msg!("serve.still_serving"), lang);
        }
    }
}
