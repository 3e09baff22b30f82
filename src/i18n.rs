//! The site's own words (UI strings), from `i18n/<language>.yaml`. Templates
//! never hold text; they look it up here, so a municipality can change
//! wording without touching markup, and nynorsk is one file away.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use serde::Deserialize;

use crate::diagnostics::{Finding, Findings, Position};
use crate::domain::{Slug, Variant};
use crate::load::raw::Language;
use crate::load::spanned::S;
use crate::load::yaml;
use crate::model::routes::Routes;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranslations {
    strings: BTreeMap<String, String>,
    /// Plain-language wording for some strings, used in the plain variants.
    #[serde(default)]
    plain: BTreeMap<String, String>,
    /// January first.
    months: Vec<String>,
    /// Names of languages staff speak, by ISO 639-1 code.
    languages: BTreeMap<String, String>,
    /// The words of the site's addresses (`routes::Routes::PATH_KEYS`).
    paths: BTreeMap<String, S<String>>,
    /// The ids of sections links point to (`routes::Routes::ANCHOR_KEYS`).
    anchors: BTreeMap<String, S<String>>,
    /// The profile form's labels, help texts and choices
    /// (`render::cms_config`); no page shows them.
    #[serde(default)]
    cms: BTreeMap<String, String>,
}

/// How a missing word of the profile form is named in findings.
const FORM_PREFIX: &str = "cms.";

#[derive(Debug, Clone)]
pub struct Translations {
    pub language: Language,
    standard: BTreeMap<String, String>,
    plain: BTreeMap<String, String>,
    months: Vec<String>,
    languages: BTreeMap<String, String>,
    /// Hard words the plain variants explain (`i18n/glossary.<language>.yaml`).
    pub glossary: crate::plain::glossary::Glossary,
    /// The site's addresses in its language.
    pub routes: Routes,
    /// The profile form's words; not in `fingerprint`, as no page shows them.
    form: BTreeMap<String, String>,
    /// Keys pages asked for that the file lacks, reported after rendering
    /// (a missing string must not reach readers as its key's name).
    missing: Arc<Mutex<BTreeSet<String>>>,
}

impl Translations {
    /// Of everything pages take from the translations (the strings of
    /// every variant, month and language names, glossary, addresses), for
    /// `render::inputs`; not of the keys found missing while rendering.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hash = std::hash::DefaultHasher::new();
        let parts = (&self.language, &self.standard, &self.plain, &self.months, &self.languages);
        format!("{parts:?}{:?}{:?}", self.glossary, self.routes).hash(&mut hash);
        hash.finish()
    }

    pub fn load(root: &Path, language: Language, findings: &mut Findings) -> Option<Translations> {
        let relative = Path::new("i18n").join(format!("{}.yaml", language.code()));
        let file = crate::load::files::source(root, &root.join(&relative));
        if !crate::load::files::exists(&file.absolute) {
            findings.push(
                Finding::error(&relative, Position::WHOLE_FILE, crate::msg!("i18n.missing"))
                    .with_help(crate::msg!("i18n.missing.help")),
            );
            return None;
        }
        let text =
            crate::load::files::read_text(root, &file, crate::load::raw::Limits::default().file_max_bytes, findings)?;
        let raw: RawTranslations = match yaml::parse(&text, 0) {
            Ok(raw) => raw,
            Err(problem) => {
                findings.push(problem.into_finding(&relative, &text, 0));
                return None;
            }
        };
        if raw.months.len() != 12 {
            findings.push(
                Finding::error(&relative, Position::WHOLE_FILE, crate::msg!("i18n.months"))
                    .with_help(crate::msg!("i18n.months.help")),
            );
            return None;
        }
        for key in raw.plain.keys().filter(|k| !raw.strings.contains_key(*k)) {
            findings.push(
                Finding::error(&relative, Position::WHOLE_FILE, crate::msg!("i18n.plain_without_standard", key = key))
                    .with_help(crate::msg!("i18n.plain_without_standard.help", key = key)),
            );
        }
        let routes = routes(&raw.paths, &raw.anchors, &relative, findings)?;
        Some(Translations {
            language,
            routes,
            standard: raw.strings,
            plain: raw.plain,
            months: raw.months,
            languages: raw.languages,
            form: raw.cms,
            glossary: crate::plain::glossary::Glossary::load(root, language, findings),
            missing: Arc::default(),
        })
    }

    fn file(&self) -> PathBuf {
        Path::new("i18n").join(format!("{}.yaml", self.language.code()))
    }

    /// Records that a page asked for `key`, which does not exist; returns
    /// the key so rendering can go on to find every missing one.
    pub fn missing(&self, key: &str) -> String {
        self.missing.lock().unwrap_or_else(PoisonError::into_inner).insert(key.to_string());
        key.to_string()
    }

    /// Every `t.key` in the templates under `root/templates` must be a UI
    /// string: reported at the template's line and column, before any page
    /// is rendered.
    pub fn check_templates(&self, templates: &[(String, String)], findings: &mut Findings) {
        for (name, text) in templates {
            let relative = Path::new(crate::load::inputs::TEMPLATES).join(name);
            for (offset, key) in template_keys(text) {
                if !self.standard.contains_key(key) {
                    let (line, column) = crate::load::position::line_column(text, offset);
                    findings.push(
                        Finding::error(
                            &relative,
                            Position::new(line, column),
                            crate::msg!("i18n.template_key", key = key, file = self.file().display()),
                        )
                        .with_help(crate::msg!("i18n.template_key.help", key = key)),
                    );
                }
            }
        }
    }

    /// The profile form's word `key` (under `cms:`); a missing one is
    /// recorded as `cms.<key>` and reported with the pages' missing keys.
    pub fn form_word(&self, key: &str) -> String {
        match self.form.get(key) {
            Some(word) => word.clone(),
            None => self.missing(&format!("{FORM_PREFIX}{key}")),
        }
    }

    /// One error per missing key, once every page has been rendered.
    pub fn report_missing(&self, findings: &mut Findings) {
        let missing = std::mem::take(&mut *self.missing.lock().unwrap_or_else(PoisonError::into_inner));
        for key in missing {
            let help = match key.strip_prefix(FORM_PREFIX) {
                Some(word) => crate::msg!("i18n.form_word_missing.help", key = word),
                None => crate::msg!("i18n.key_missing.help", key = key),
            };
            findings.push(
                Finding::error(self.file(), Position::WHOLE_FILE, crate::msg!("i18n.key_missing", key = key))
                    .with_help(help),
            );
        }
    }

    /// All strings as a variant's reader sees them.
    pub fn strings_for(&self, variant: Variant) -> BTreeMap<&str, &str> {
        let mut out: BTreeMap<&str, &str> = self.standard.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        if variant.is_plain() {
            out.extend(self.plain.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        }
        out
    }

    pub fn language_name(&self, code: &str) -> Option<&str> {
        self.languages.get(code).map(String::as_str)
    }

    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        self.languages.keys().map(String::as_str)
    }

    /// "15. september 2026".
    pub fn long_date(&self, date: crate::domain::Date) -> String {
        let month = &self.months[(date.month() as usize).saturating_sub(1) % 12];
        format!("{}. {} {}", date.day(), month, date.year())
    }
}

/// The address words of `paths:` and `anchors:`, each a slug; the path
/// words distinct from each other and from the names every site uses, the
/// anchors distinct from each other. Every problem is reported at its line.
fn routes(
    paths: &BTreeMap<String, S<String>>,
    anchors: &BTreeMap<String, S<String>>,
    file: &Path,
    findings: &mut Findings,
) -> Option<Routes> {
    let path_words = address_words(file, "paths", paths, &Routes::PATH_KEYS, Routes::fixed_top_level(), findings);
    let anchor_words = address_words(file, "anchors", anchors, &Routes::ANCHOR_KEYS, &[], findings);
    Routes::from_words(&path_words?, &anchor_words?).ok()
}

/// One section of address words, checked; `None` when any is unusable.
fn address_words(
    file: &Path,
    name: &str,
    raw: &BTreeMap<String, S<String>>,
    keys: &[&'static str],
    taken: &[&str],
    findings: &mut Findings,
) -> Option<BTreeMap<String, Slug>> {
    let mut words: BTreeMap<String, Slug> = BTreeMap::new();
    // Which key took a word; "" for the names every site uses.
    let mut owner: BTreeMap<String, &str> = taken.iter().map(|t| (t.to_string(), "")).collect();
    let mut usable = true;
    // In the order written, so the second use of a word is the one reported.
    let mut entries: Vec<(&String, &S<String>)> = raw.iter().collect();
    entries.sort_by_key(|(_, value)| (value.referenced.line(), value.referenced.column()));
    for (key, value) in entries {
        let position = Position::from_yaml(&value.referenced);
        let Some(known) = keys.iter().copied().find(|k| *k == key) else {
            findings.push(
                Finding::error(file, position, crate::msg!("i18n.address_unknown", name = name, key = key))
                    .with_help(crate::msg!("i18n.address_unknown.help", keys = keys.join(", "))),
            );
            usable = false;
            continue;
        };
        let slug = match Slug::parse(value.value.trim()) {
            Ok(slug) => slug,
            Err(_) => {
                findings.push(
                    Finding::error(file, position, crate::msg!("i18n.address_not_slug", name = name, key = key))
                        .with_help(crate::domain::slug_help(value.value.trim())),
                );
                usable = false;
                continue;
            }
        };
        if let Some(&other) = owner.get(slug.as_str()) {
            findings.push(
                Finding::error(file, position, crate::msg!("i18n.address_taken", name = name, key = key, slug = slug))
                    .with_help(if other.is_empty() {
                        crate::msg!("i18n.address_taken.reserved", taken = taken.join(", "))
                    } else {
                        crate::msg!("i18n.address_taken.other", name = name, other = other)
                    }),
            );
            usable = false;
            continue;
        }
        owner.insert(slug.to_string(), known);
        words.insert(key.clone(), slug);
    }
    for key in keys.iter().filter(|k| !raw.contains_key(**k)) {
        findings.push(
            Finding::error(file, Position::WHOLE_FILE, crate::msg!("i18n.address_missing", name = name, key = key))
                .with_help(crate::msg!("i18n.address_missing.help", name = name, key = key)),
        );
        usable = false;
    }
    usable.then_some(words)
}

/// Byte offset and name of every `t.key` inside the template's `{{ }}` and
/// `{% %}` tags (text outside them is markup).
fn template_keys(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find(['{']).map(|i| from + i) {
        let close = match text.get(open + 1..open + 2) {
            Some("{") => "}}",
            Some("%") => "%}",
            _ => {
                from = open + 1;
                continue;
            }
        };
        let end = text[open..].find(close).map_or(text.len(), |i| open + i);
        let tag = &text[open..end];
        for (at, _) in tag.match_indices("t.") {
            let before = tag[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let key = &tag[at + 2..];
            let len = key.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(key.len());
            if len > 0 {
                out.push((open + at + 2, &key[..len]));
            }
        }
        from = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_keys_are_read_from_tags_only() {
        let text = "<p>t.o.m.</p>{{ t.home_heading }}{% if x %}{{ at.x }}{{ t.a ~ t.b_c }}{% endif %}";
        let keys: Vec<&str> = template_keys(text).into_iter().map(|(_, k)| k).collect();
        assert_eq!(keys, ["home_heading", "a", "b_c"]);
        assert_eq!(&text[template_keys(text)[0].0..][..12], "home_heading");
    }
}
