//! `static/` is copied into the site as it is, so a file there could
//! replace a generated page or the open data (a provider page with a
//! script, say). Any file of `static/` that lands on a generated file, or
//! on a folder the build writes into, is an error naming both.

use std::collections::BTreeSet;

use crate::diagnostics::{Finding, Findings, Position};
use crate::load::SourceFile;
use crate::model::Site;
use crate::msg;

pub fn check(static_files: &[SourceFile], site: &Site, findings: &mut Findings) {
    let published: Vec<String> = static_files
        .iter()
        .map(|file| file.relative.strip_prefix("static").unwrap_or(&file.relative).to_string_lossy().replace('\\', "/"))
        .collect();
    let clashes = Clashes::find(&published, site);
    for (file, published) in static_files.iter().zip(&published) {
        let clash = if clashes.files.contains(published.as_str()) {
            Some(msg!("static.clash.file", path = published))
        } else if clashes.folders.contains(published.as_str()) {
            Some(msg!("static.clash.folder", path = published))
        } else {
            ancestors(published)
                .find(|ancestor| clashes.files.contains(*ancestor))
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

/// The folders a path is in, outermost first (`a`, `a/b` for `a/b/c`).
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(move |(i, _)| &path[..i])
}

/// Which of the static files' paths and folders the build writes to.
struct Clashes<'a> {
    /// Static paths, or folders of them, that are generated files.
    files: BTreeSet<&'a str>,
    /// Static paths that are folders of generated files.
    folders: BTreeSet<&'a str>,
}

impl<'a> Clashes<'a> {
    /// One pass over the generated files, each looked up among the few
    /// static paths: not a set of all 47,000 pages at 10,000 providers
    /// made on every build.
    fn find(published: &'a [String], site: &Site) -> Clashes<'a> {
        let paths: BTreeSet<&str> = published.iter().map(String::as_str).collect();
        let with_folders: BTreeSet<&str> =
            published.iter().flat_map(|p| ancestors(p)).chain(paths.iter().copied()).collect();
        let mut clashes = Clashes { files: BTreeSet::new(), folders: BTreeSet::new() };
        if published.is_empty() {
            return clashes;
        }
        crate::model::written::each_generated_file(site, |generated| {
            if let Some(hit) = with_folders.get(generated) {
                clashes.files.insert(hit);
            }
            for folder in ancestors(generated) {
                if let Some(hit) = paths.get(folder) {
                    clashes.folders.insert(hit);
                }
            }
        });
        clashes
    }
}
