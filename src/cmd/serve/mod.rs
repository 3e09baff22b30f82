//! `brukervalg serve`: a live preview for editors. Builds the site into a
//! private folder, serves it on this computer, rebuilds when an input file
//! changes and makes open pages reload themselves. While a build fails,
//! pages show its findings and the last good site stays one click behind.

mod addresses;
mod http;
mod overlay;
mod preview;
pub mod state;
pub mod store;
mod streams;
mod watch;
mod wire;

use std::io::Write as _;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

pub use preview::{Outcome, Preview, Watching};
pub use watch::DEBOUNCE;

use crate::domain::Date;
use crate::msg;

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
            say_err(msg!("serve.no_folder", detail = e), options.lang);
            return ExitCode::FAILURE;
        }
    };
    say(msg!("serve.building", root = options.root.display(), folder = preview.folder().display()), options.lang);
    let first = std::time::Instant::now();
    let lang = options.lang;
    report(&options.root, &preview.rebuild(), first.elapsed(), lang);

    let listener = match std::net::TcpListener::bind((options.bind, options.port)) {
        Ok(listener) => listener,
        Err(e) => {
            say_err(msg!("serve.cannot_listen", bind = options.bind, port = options.port, detail = e), lang);
            return ExitCode::FAILURE;
        }
    };
    let Ok(address) = listener.local_addr() else {
        say_err(msg!("serve.no_address"), lang);
        return ExitCode::FAILURE;
    };
    let url = format!("http://{address}/");
    if options.bind.is_loopback() {
        say(msg!("serve.serving_local", url = url), lang);
    } else {
        say(msg!("serve.serving", url = url), lang);
        say_err(msg!("serve.bind_warning", bind = options.bind), lang);
    }

    let state = preview.state();
    let root = options.root.clone();
    let _watching = match preview.watch(move |outcome, took| report(&root, outcome, took, lang)) {
        Ok(watching) => watching,
        Err(e) => {
            say_err(msg!("serve.cannot_watch", root = options.root.display(), detail = e), lang);
            return ExitCode::FAILURE;
        }
    };
    if options.open
        && let Err(e) = open::that_detached(&url)
    {
        say_err(msg!("serve.cannot_open", detail = e, url = url), lang);
    }
    http::serve(&listener, state, http::Hosts::new(options.bind, address.port()), lang);
    ExitCode::SUCCESS
}

/// A line in the terminal. Not println!: a closed terminal or pipe must
/// not stop the preview (a panic would take the served site with it).
fn say(message: crate::messages::Message, lang: crate::messages::Lang) {
    let _ = writeln!(std::io::stdout(), "{}", message.render(lang));
}

fn say_err(message: crate::messages::Message, lang: crate::messages::Lang) {
    let _ = writeln!(std::io::stderr(), "{}", message.render(lang));
}

/// One line per build in the terminal; the findings of a failed one in full.
fn report(root: &Path, outcome: &Outcome, took: Duration, lang: crate::messages::Lang) {
    match outcome {
        Outcome::Built(report) => {
            super::print_findings(&report.findings, root, lang);
            let built = msg!(
                "serve.built",
                pages = report.pages,
                rendered = report.pages - report.reused,
                ms = took.as_millis()
            );
            say(built, lang);
        }
        Outcome::Failed(findings) => {
            super::build::report_failure(findings, root, crate::msg!("serve.still_serving"), lang);
        }
    }
}
