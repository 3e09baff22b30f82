//! `brukervalg new`: a commented profile skeleton in the right place, for a
//! provider, school, kindergarten or nursing home that is joining the scheme.

use std::path::{Path, PathBuf};

use crate::domain::Slug;
use crate::load::raw::{RawService, ServiceKind};
use crate::messages::{Lang, Message};
use crate::msg;

pub use crate::load::placeholders::PLACEHOLDER;

pub struct Skeleton {
    pub files: Vec<(PathBuf, String)>,
}

/// Writes the skeleton for `name` into the site at `root`, in `service` (or
/// the one service of `kind`), its comments in `lang`. `kind` is
/// `HomeCare` for `new provider`: the skeleton without a kind's own block.
/// Never overwrites a file.
pub fn create(
    root: &Path,
    service: Option<&str>,
    name: &str,
    kind: ServiceKind,
    lang: Lang,
) -> Result<Vec<PathBuf>, Message> {
    let mut findings = crate::diagnostics::Findings::default();
    let loaded = crate::load::load_site(root, &mut findings);
    let (_, config) = loaded.config.ok_or_else(|| msg!("new.no_config", folder = root.display()))?;
    let wanted_kind = |k: ServiceKind| k == kind;
    let candidates: Vec<&RawService> =
        config.services.iter().filter(|s| service.is_none_or(|id| s.id.value == id)).collect();
    let chosen = match candidates.as_slice() {
        [] => return Err(msg!("new.no_service", service = service.unwrap_or("?"))),
        [one] => *one,
        many => {
            let matching: Vec<_> = many.iter().filter(|s| wanted_kind(s.kind)).collect();
            match matching.as_slice() {
                [one] => **one,
                _ => {
                    let ids: Vec<&str> = many.iter().map(|s| s.id.value.as_str()).collect();
                    return Err(msg!("new.which_service", choices = ids.join(", ")));
                }
            }
        }
    };
    if !wanted_kind(chosen.kind) {
        let verb = match kind {
            ServiceKind::HomeCare => "new provider",
            ServiceKind::School => "new school",
            ServiceKind::Kindergarten => "new kindergarten",
            ServiceKind::NursingHome => "new nursing-home",
        };
        return Err(msg!("new.wrong_kind", service = chosen.id.value, verb = verb));
    }
    let service = Slug::parse(&chosen.id.value).map_err(|_| msg!("new.bad_service_id", service = chosen.id.value))?;
    let skeleton = skeleton(&service, name, kind, lang)?;
    for (path, _) in &skeleton.files {
        if root.join(path).exists() {
            return Err(msg!("new.exists", path = path.display()));
        }
    }
    let mut written = Vec::new();
    for (path, text) in skeleton.files {
        let full = root.join(&path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| msg!("new.cannot_create", path = parent.display(), detail = e))?;
        }
        std::fs::write(&full, text).map_err(|e| msg!("new.cannot_write", path = full.display(), detail = e))?;
        written.push(path);
    }
    Ok(written)
}

/// The files for a new profile of `name` in `service` (relative to the
/// site root). A school, kindergarten or nursing home gets its own block;
/// a school also its self-description (a kindergarten's is optional).
/// Every fact a reader would take as true (ownership, districts, languages,
/// capacity, staff, grades...) is a placeholder or left out: a forgotten
/// field must fail `check`, never publish a default as the provider's word.
pub fn skeleton(service: &Slug, name: &str, kind: ServiceKind, lang: Lang) -> Result<Skeleton, Message> {
    // The name goes into a comment and a value: a line break would end the
    // comment and start a key of its own, so it is refused, as are the
    // characters no name may hold (the text policy's invisible ones).
    if let Some((_, c)) = crate::load::text::first_refused_in_short(name) {
        return Err(msg!("new.bad_name_char", name = name.escape_debug(), what => crate::load::text::describe(c)));
    }
    let slug = Slug::parse(&Slug::suggest(name)).map_err(|_| msg!("new.bad_name", name = name))?;
    let dir = Path::new("providers").join(service.as_str());
    let text = |m: Message| m.render(lang);
    let mut files = Vec::new();
    let (name_yaml, fill) = (yaml_string(name), PLACEHOLDER);
    let profile = match kind {
        ServiceKind::HomeCare => msg!("skeleton.provider", name = name, name_yaml = name_yaml, fill = fill),
        ServiceKind::School => msg!("skeleton.school", name = name, name_yaml = name_yaml, fill = fill),
        ServiceKind::Kindergarten => msg!("skeleton.kindergarten", name = name, name_yaml = name_yaml, fill = fill),
        ServiceKind::NursingHome => msg!("skeleton.nursing_home", name = name, name_yaml = name_yaml, fill = fill),
    };
    files.push((dir.join(format!("{slug}.yaml")), text(profile)));
    if kind == ServiceKind::School {
        files.push((dir.join(format!("{slug}.md")), text(msg!("skeleton.school_text", fill = PLACEHOLDER))));
        files.push((
            dir.join(format!("{slug}.lettlest.md")),
            text(msg!("skeleton.school_text_plain", fill = PLACEHOLDER)),
        ));
    }
    Ok(Skeleton { files })
}

/// A double-quoted YAML scalar that reads back as `s`, whatever it holds.
fn yaml_string(s: &str) -> String {
    let mut quoted = String::from('"');
    for c in s.chars() {
        match c {
            '\\' => quoted.push_str("\\\\"),
            '"' => quoted.push_str("\\\""),
            c if c.is_control() => quoted.push_str(&format!("\\u{:04X}", c as u32)),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}
