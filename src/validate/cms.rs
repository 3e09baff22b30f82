//! `cms:` in brukervalg.yaml: the repository the profile form commits to.

use super::fields::{FileCheck, at};
use crate::load::raw::RawCms;
use crate::model::Cms;
use crate::msg;

/// The form's repository and branch, or `None` (reported) when either is
/// not a name the code host accepts; the CMS would only fail to log in.
pub fn cms(check: &mut FileCheck, raw: &RawCms) -> Option<Cms> {
    let repo = raw.repo.value.trim();
    let valid_repo = repo.split_once('/').is_some_and(|(owner, name)| name_part(owner) && name_part(name));
    if !valid_repo {
        check.error(at(&raw.repo), msg!("cms.repo", value = repo), msg!("cms.repo.help"));
    }
    let branch = raw.branch.as_ref().map_or("main", |b| b.value.trim());
    let valid_branch = !branch.is_empty()
        && !branch.starts_with(['-', '/'])
        && !branch.ends_with('/')
        && !branch.contains("..")
        && branch.split('/').all(name_part);
    if !valid_branch {
        let position = raw.branch.as_ref().map_or(at(&raw.repo), at);
        check.error(position, msg!("cms.branch", value = branch), msg!("cms.branch.help"));
    }
    (valid_repo && valid_branch).then(|| Cms {
        backend: raw.backend,
        repo: repo.to_string(),
        branch: branch.to_string(),
    })
}

/// One part of a repository or branch name as both code hosts allow it.
fn name_part(part: &str) -> bool {
    !part.is_empty()
        && part.len() <= 100
        && !part.starts_with('.')
        && part.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}
