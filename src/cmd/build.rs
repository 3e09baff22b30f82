//! `brukervalg build`: the whole pipeline into the output folder, with a
//! progress bar for long builds on a terminal.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use super::{count, print_findings};
use crate::BuildOptions;
use crate::diagnostics::Severity;
use crate::messages::{Lang, Message};
use crate::msg;

/// Builds shorter than this finish before a bar would be worth drawing.
const PROGRESS_FROM_PAGES: usize = 2000;

pub fn run(options: &BuildOptions, lang: Lang) -> ExitCode {
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::hidden();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} pages")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let progress = |done: usize, total: usize| {
        if let Some(bar) = &bar
            && total >= PROGRESS_FROM_PAGES
        {
            if bar.is_hidden() {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                bar.set_length(total as u64);
            }
            bar.set_position(done as u64);
        }
    };
    let result = crate::build(options, &progress);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let (root, output) = (&options.root, &options.output);
    match result {
        Ok(report) => {
            print_findings(&report.findings, root, lang);
            println!("{}", report.readability.message().render(lang));
            let seconds = format!("{:.2}", report.elapsed.as_secs_f64());
            // Norwegian writes decimals with a comma.
            let seconds = if lang == Lang::En { seconds } else { seconds.replace('.', ",") };
            let built = msg!(
                "build.done",
                pages = report.pages,
                files = report.files,
                seconds = seconds,
                output = output.display(),
                warnings = count(&report.findings, Severity::Warning)
            );
            println!("{}", built.render(lang));
            ExitCode::SUCCESS
        }
        Err(failure) => {
            report_failure(&failure.findings, root, msg!("build.output_unchanged", output = output.display()), lang);
            ExitCode::FAILURE
        }
    }
}

/// The findings of a failed build, how many errors there were and what
/// that means for the site; shared with `serve`, which says it after every
/// failed rebuild.
pub(super) fn report_failure(findings: &[crate::diagnostics::Finding], root: &Path, consequence: Message, lang: Lang) {
    print_findings(findings, root, lang);
    let failed = msg!("build.failed", errors = count(findings, Severity::Error), consequence => consequence);
    eprintln!("{}", failed.render(lang));
}
