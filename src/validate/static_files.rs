//! `static/` is copied into the site as it is, so a file there could
//! replace a generated page or the open data (a provider page with a
//! script, say). Any file of `static/` that lands on a generated file, or
//! on a folder the build writes into, is an error naming both.

use std::collections::BTreeSet;

use crate::diagnostics::{Finding, Findings, Position};
use crate::load::SourceFile;
use crate::model::Site;
use crate::msg;

/// The files the build writes besides pages and pictures (see `lib::build`).
pub const DATA_FILES: &[&str] =
    &["sitemap.xml", "robots.txt", "data/providers.json", "data/providers.csv", "data/survey-results.csv"];

pub fn check(static_files: &[SourceFile], site: &Site, findings: &mut Findings) {
    let generated = generated_files(site);
    let folders: BTreeSet<&str> =
        generated.iter().flat_map(|f| f.match_indices('/').map(move |(i, _)| &f[..i])).collect();
    for file in static_files {
        let relative = file.relative.strip_prefix("static").unwrap_or(&file.relative);
        let published = relative.to_string_lossy().replace('\\', "/");
        let clash = if generated.contains(&published) {
            Some(msg!("static.clash.file", path = published))
        } else if folders.contains(published.as_str()) {
            Some(msg!("static.clash.folder", path = published))
        } else {
            published
                .match_indices('/')
                .map(|(i, _)| &published[..i])
                .find(|ancestor| generated.contains(*ancestor))
                .map(|ancestor| msg!("static.clash.ancestor", path = ancestor))
        };
        if let Some(clash) = clash {
            findings.push(
                Finding::error(&file.relative, Position::WHOLE_FILE, msg!("static.clash", clash => clash))
                    .with_help(msg!("static.clash.help")),
            );
        }
    }
}

/// Every file the build writes: each page in each variant, the data files
/// and the providers' pictures.
fn generated_files(site: &Site) -> BTreeSet<String> {
    let mut files: BTreeSet<String> =
        crate::render::jobs(site).iter().map(|job| format!("{}{}", job.variant.root(), job.path.file_name())).collect();
    files.extend(DATA_FILES.iter().map(|f| f.to_string()));
    for provider in site.services.iter().flat_map(|s| &s.providers) {
        if let Some(image) = &provider.image {
            files.insert(image.published.as_str().to_string());
        }
    }
    files
}
