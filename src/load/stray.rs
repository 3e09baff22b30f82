//! Files under the input folders that nothing reads. A profile saved as
//! `x.YAML`, a page in `content/sub/` or a self-description whose name
//! does not match its profile would otherwise vanish from the site
//! without a word. Each such file is reported with what to do: an error
//! when it looks like an input the build would have read under the right
//! name or in the right place, a warning when it only lies about (a
//! backup copy, a picture no profile names).
//!
//! Hidden files (`.DS_Store`, `.gitkeep`) are left alone, and `static/` is
//! published as it is, so nothing in it is stray. A folder of
//! `load::inputs::INPUT_FOLDERS` without rules here is not checked.

use std::collections::BTreeSet;
use std::path::Path;

use super::loaded::{LoadedSite, PLAIN_SUFFIX};
use crate::diagnostics::{Finding, Findings, Position};
use crate::load::files::exists;
use crate::messages::Message;
use crate::msg;

/// Endings of editors' and merge tools' copies.
const BACKUP_ENDINGS: &[&str] = &["~", ".orig", ".bak", ".rej", ".old", ".tmp", ".swp"];
/// Picture files a profile may name in `image.file`.
const PICTURE_ENDINGS: &[&str] = &[".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg"];

pub fn check(root: &Path, loaded: &LoadedSite, findings: &mut Findings) {
    let stray = Stray { root, loaded };
    stray.providers(findings);
    stray.flat("content", &[".md"], findings);
    stray.surveys(findings);
    stray.flat("i18n", &[".yaml"], findings);
    stray.templates(findings);
}

struct Stray<'a> {
    root: &'a Path,
    loaded: &'a LoadedSite,
}

/// A file or folder found, with its path relative to the root.
struct Found {
    relative: String,
    name: String,
    is_dir: bool,
}

impl Stray<'_> {
    /// The entries of `folder` (relative), sorted, down to `depth`, without
    /// hidden files, links and names the loader already refused. A folder
    /// at `depth` is listed, not entered.
    fn entries(&self, folder: &str, depth: usize) -> Vec<(usize, Found)> {
        let walker = walkdir::WalkDir::new(self.root.join(folder)).min_depth(1).max_depth(depth).sort_by_file_name();
        let mut out = Vec::new();
        let mut walker = walker.into_iter();
        while let Some(Ok(entry)) = walker.next() {
            let Some(name) = entry.file_name().to_str().map(str::to_string) else { continue };
            if name.starts_with('.') || entry.path_is_symlink() {
                if entry.file_type().is_dir() {
                    walker.skip_current_dir();
                }
                continue;
            }
            let Ok(relative) = entry.path().strip_prefix(self.root) else { continue };
            let relative = relative.to_string_lossy().replace('\\', "/");
            out.push((entry.depth(), Found { relative, name, is_dir: entry.file_type().is_dir() }));
        }
        out
    }

    /// A folder read flat (content/, i18n/): files ending in one of `read`.
    fn flat(&self, folder: &str, read: &[&str], findings: &mut Findings) {
        for (_, found) in self.entries(folder, 1) {
            if found.is_dir {
                findings.push(sub_folder(&found, folder));
            } else if !read.iter().any(|ending| found.name.ends_with(ending)) {
                findings.push(misfit(&found, read[0]));
            }
        }
    }

    fn templates(&self, findings: &mut Findings) {
        for (_, found) in self.entries("templates", usize::MAX) {
            if !found.is_dir && !found.name.ends_with(".html") {
                findings.push(misfit(&found, ".html"));
            }
        }
    }

    fn surveys(&self, findings: &mut Findings) {
        let named: BTreeSet<String> = self
            .loaded
            .surveys
            .iter()
            .filter_map(|s| s.results.as_ref())
            .map(|(file, _)| file.relative.to_string_lossy().replace('\\', "/"))
            .collect();
        let entries = self.entries("surveys", 1);
        let yaml = entries.iter().filter(|(_, f)| !f.is_dir && f.name.ends_with(".yaml")).count();
        // A survey that could not be read names no file: its CSV is not stray.
        let all_read = yaml == self.loaded.surveys.len();
        for (_, found) in &entries {
            if found.is_dir {
                findings.push(sub_folder(found, "surveys"));
            } else if found.name.ends_with(".yaml") || named.contains(&found.relative) {
                // A survey, or the results file it names.
            } else if found.name.ends_with(".csv") && !backup(&found.name) {
                if all_read {
                    findings.push(warning(found, msg!("input.results_unused"), msg!("input.results_unused.help")));
                }
            } else {
                findings.push(misfit(found, ".yaml"));
            }
        }
    }

    fn providers(&self, findings: &mut Findings) {
        let services: Option<BTreeSet<&str>> =
            self.loaded.config.as_ref().map(|(_, c)| c.services.iter().map(|s| s.id.value.as_str()).collect());
        let pictures: BTreeSet<String> = self
            .loaded
            .providers
            .iter()
            .filter_map(|p| {
                let image = p.profile.image.as_ref()?;
                crate::load::files::beside(&p.source, image.file.value.trim())
            })
            .map(|file| file.relative.to_string_lossy().replace('\\', "/"))
            .collect();
        let entries = self.entries("providers", 2);
        for (depth, found) in &entries {
            let Some((service, _)) =
                found.relative.strip_prefix("providers/").map(|r| r.split_once('/').unwrap_or((r, "")))
            else {
                continue;
            };
            if *depth == 1 {
                // A file here is the loader's `provider.not_in_service_folder`.
                let unknown = services.as_ref().is_some_and(|known| !known.contains(service));
                let profiles = entries
                    .iter()
                    .any(|(d, f)| *d == 2 && f.relative.starts_with(&found.relative) && f.name.ends_with(".yaml"));
                if found.is_dir && unknown && !profiles {
                    let choices = services.iter().flatten().copied().collect::<Vec<_>>().join(", ");
                    findings.push(warning(
                        found,
                        msg!("input.unknown_service_folder", folder = found.name),
                        msg!("input.unknown_service_folder.help", choices = choices),
                    ));
                }
                continue;
            }
            let folder = format!("providers/{service}");
            let name = found.name.as_str();
            if found.is_dir {
                findings.push(sub_folder(found, &folder));
            } else if name.ends_with(".yaml") || name.ends_with(".yml") || pictures.contains(&found.relative) {
                // Profiles; `.yml` is the loader's `provider.yml`.
            } else if let Some(stem) = name.strip_suffix(".md").map(|s| s.strip_suffix(PLAIN_SUFFIX).unwrap_or(s)) {
                let profile = format!("{stem}.yaml");
                if !exists(&self.root.join(&folder).join(&profile)) {
                    findings.push(
                        Finding::error(
                            &found.relative,
                            Position::WHOLE_FILE,
                            msg!("input.self_description_alone", profile = profile),
                        )
                        .with_help(msg!("input.self_description_alone.help")),
                    );
                }
            } else if is_picture(name) && !backup(name) {
                // A profile that could not be read names no picture.
                if self.all_read(service) {
                    findings.push(warning(found, msg!("input.picture_unused"), msg!("input.picture_unused.help")));
                }
            } else {
                findings.push(misfit(found, ".yaml"));
            }
        }
    }

    /// Whether every profile of `service` was read (so the pictures they
    /// name are known).
    fn all_read(&self, service: &str) -> bool {
        let files = self.loaded.profile_files.iter().filter(|(dir, _)| dir == service).count();
        let read = self.loaded.providers.iter().filter(|p| p.service_dir == service).count();
        files == read
    }
}

/// A file that is not read: misnamed (an error saying the right name), a
/// backup copy or anything else (warnings).
fn misfit(found: &Found, ending: &str) -> Finding {
    if backup(&found.name) {
        return warning(found, msg!("input.backup"), msg!("input.backup.help"));
    }
    if let Some(renamed) = renamed(&found.name, ending) {
        return Finding::error(&found.relative, Position::WHOLE_FILE, msg!("input.rename", ending = ending))
            .with_help(msg!("input.rename.help", name = renamed));
    }
    warning(found, msg!("input.unused"), msg!("input.unused.help"))
}

/// The name with the ending the build reads, when `name` has a spelling of
/// it (`.YAML`, `.yml`, `.markdown`, `.htm`).
fn renamed(name: &str, ending: &str) -> Option<String> {
    let spellings: &[&str] = match ending {
        ".yaml" => &[".yaml", ".yml"],
        ".md" => &[".md", ".markdown", ".mdown", ".mkd", ".mkdn"],
        ".html" => &[".html", ".htm"],
        _ => &[],
    };
    let lower = name.to_lowercase();
    let spelling = spellings.iter().find(|s| lower.ends_with(*s))?;
    Some(format!("{}{ending}", &name[..name.len() - spelling.len()]))
}

fn backup(name: &str) -> bool {
    let lower = name.to_lowercase();
    BACKUP_ENDINGS.iter().any(|e| lower.ends_with(e)) || (name.starts_with('#') && name.ends_with('#'))
}

fn is_picture(name: &str) -> bool {
    let lower = name.to_lowercase();
    PICTURE_ENDINGS.iter().any(|e| lower.ends_with(e))
}

fn sub_folder(found: &Found, parent: &str) -> Finding {
    Finding::error(&found.relative, Position::WHOLE_FILE, msg!("input.sub_folder", parent = format!("{parent}/")))
        .with_help(msg!("input.sub_folder.help", parent = format!("{parent}/")))
}

fn warning(found: &Found, message: Message, help: Message) -> Finding {
    Finding::warning(&found.relative, Position::WHOLE_FILE, message).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_ending_is_named_rightly() {
        assert_eq!(renamed("x.YAML", ".yaml").as_deref(), Some("x.yaml"));
        assert_eq!(renamed("x.yml", ".yaml").as_deref(), Some("x.yaml"));
        assert_eq!(renamed("om.markdown", ".md").as_deref(), Some("om.md"));
        assert_eq!(renamed("base.HTM", ".html").as_deref(), Some("base.html"));
        assert_eq!(renamed("x.yaml.orig", ".yaml"), None);
        assert_eq!(renamed("notes.txt", ".md"), None);
        assert!(backup("x.yaml~") && backup("x.yaml.orig") && backup("#om.md#") && !backup("x.yaml"));
    }
}
