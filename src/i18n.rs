//! The site's own words (UI strings), from `i18n/<language>.yaml`. Templates
//! never hold text; they look it up here, so a municipality can change
//! wording without touching markup, and nynorsk is one file away.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::{Finding, Findings, Position};
use crate::domain::Variant;
use crate::load::raw::Language;
use crate::load::yaml;

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
}

#[derive(Debug, Clone)]
pub struct Translations {
    pub language: Language,
    standard: BTreeMap<String, String>,
    plain: BTreeMap<String, String>,
    months: Vec<String>,
    languages: BTreeMap<String, String>,
}

impl Translations {
    pub fn load(root: &Path, language: Language, findings: &mut Findings) -> Option<Translations> {
        let relative = Path::new("i18n").join(format!("{}.yaml", language.code()));
        let file = crate::load::files::source(root, &root.join(&relative));
        if !crate::load::files::exists(&file.absolute) {
            findings.push(
                Finding::error(&relative, Position::WHOLE_FILE, "cannot read the UI strings: the file is missing")
                    .with_help("copy the i18n folder from the example site"),
            );
            return None;
        }
        let text =
            crate::load::files::read_text(root, &file, crate::load::raw::Limits::default().file_max_bytes, findings)?;
        let raw: RawTranslations = match yaml::parse(&text, 0) {
            Ok(raw) => raw,
            Err(problem) => {
                findings.push(problem.into_finding(&relative));
                return None;
            }
        };
        if raw.months.len() != 12 {
            findings.push(Finding::error(
                &relative,
                Position::WHOLE_FILE,
                "`months` must name all 12 months, January first",
            ));
            return None;
        }
        for key in raw.plain.keys().filter(|k| !raw.strings.contains_key(*k)) {
            findings.push(Finding::error(
                &relative,
                Position::WHOLE_FILE,
                format!("`plain.{key}` has no standard wording in `strings`"),
            ));
        }
        Some(Translations {
            language,
            standard: raw.strings,
            plain: raw.plain,
            months: raw.months,
            languages: raw.languages,
        })
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
