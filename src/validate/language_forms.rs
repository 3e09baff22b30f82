//! House style (`language_forms:` in brukervalg.yaml): the site's texts
//! keep to one form of a word where the written standard allows two, and
//! each use of the other form is warned about at its line and column. The
//! forms and their rivals are in `domain::language_forms`.
//!
//! A text is read in its own language: the site's, a page's `lang:`, or a
//! Markdown section's (`## Heading {lang=nb}`), so a bokmål page on a
//! nynorsk site is held to the bokmål forms. Words are Unicode words
//! (UAX #29), compared in lowercase NFC, never parts of longer words;
//! words inside web and e-mail addresses are not words of the text.

use std::collections::BTreeMap;
use std::path::Path;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use crate::diagnostics::{Finding, Findings, Position};
use crate::domain::language_forms::{self, Form};
use crate::load::position::LineIndex;
use crate::load::raw::{RawLanguageForms, S};
use crate::load::spanned::at;
use crate::load::{LoadedSite, MarkdownFile};
use crate::msg;

/// Rival word (lowercase) → the word to write instead, per language code.
#[derive(Debug, Default)]
pub struct HouseStyle {
    rivals: BTreeMap<&'static str, BTreeMap<&'static str, &'static str>>,
}

impl HouseStyle {
    /// The forms the site chose, or each language's defaults; a form the
    /// table does not know, or two forms of one word, are warned about.
    pub fn chosen(file: &Path, raw: &RawLanguageForms, findings: &mut Findings) -> HouseStyle {
        let mut style = HouseStyle::default();
        for (language, list) in [("nn", &raw.nn), ("nb", &raw.nb)] {
            let chosen: Vec<&'static Form> = match list {
                None => language_forms::default_forms(language)
                    .into_iter()
                    .filter_map(|name| language_forms::form_named(language, name).map(|(_, form)| form))
                    .collect(),
                Some(list) => chosen_forms(file, language, list, findings),
            };
            style.rivals.insert(language, language_forms::rivals_of(&chosen));
        }
        style
    }

    fn rivals(&self, language: &str) -> Option<&BTreeMap<&'static str, &'static str>> {
        self.rivals.get(language).filter(|r| !r.is_empty())
    }
}

fn chosen_forms(file: &Path, language: &str, list: &[S<String>], findings: &mut Findings) -> Vec<&'static Form> {
    let mut chosen: Vec<(&'static Form, &S<String>)> = Vec::new();
    for written in list {
        let name = lower(written.value.trim());
        match language_forms::form_named(language, &name) {
            None => findings.push(
                Finding::warning(
                    file,
                    at(written),
                    msg!("language_forms.unknown", language = language, word = written.value),
                )
                .with_help(msg!(
                    "language_forms.unknown.help",
                    language = language,
                    known = language_forms::form_names(language).join(", ")
                )),
            ),
            Some((rivalry, form)) => {
                if let Some((other, _)) = chosen.iter().find(|(c, _)| rivalry.forms.contains(c) && *c != form) {
                    findings.push(
                        Finding::warning(
                            file,
                            at(written),
                            msg!("language_forms.both", language = language, word = form.name, other = other.name),
                        )
                        .with_help(msg!("language_forms.both.help")),
                    );
                } else if !chosen.iter().any(|(c, _)| *c == form) {
                    chosen.push((form, written));
                }
            }
        }
    }
    chosen.into_iter().map(|(form, _)| form).collect()
}

/// Lowercase NFC, as the table is written.
fn lower(word: &str) -> String {
    if word.is_ascii() { word.to_ascii_lowercase() } else { word.nfc().collect::<String>().to_lowercase() }
}

/// Every use of a rival form in the site's own texts: the service texts
/// and the home page's intro, profiles, self-descriptions and pages, in
/// both variants.
pub fn check(loaded: &LoadedSite, findings: &mut Findings) {
    let Some((config_file, config)) = &loaded.config else { return };
    let style = HouseStyle::chosen(&config_file.relative, &config.language_forms, findings);
    let language = config.language.code();
    if let Some(rivals) = style.rivals(language) {
        let index = LineIndex::new(&loaded.config_text);
        let written = Written { file: &config_file.relative, text: &loaded.config_text, index: &index, language };
        for field in config_fields(config) {
            written.field(field, rivals, findings);
        }
    }
    for provider in &loaded.providers {
        if let Some(rivals) = style.rivals(language) {
            let fields = provider_fields(&provider.profile);
            if fields.iter().any(|f| !uses(&f.value, rivals).is_empty()) {
                // The profile is read again only to place a finding exactly;
                // a file changed since (or unreadable) gives the field's place.
                let text = std::fs::read_to_string(&provider.source.absolute).unwrap_or_default();
                let index = LineIndex::new(&text);
                let written = Written { file: &provider.source.relative, text: &text, index: &index, language };
                for field in fields {
                    written.field(field, rivals, findings);
                }
            }
        }
        for md in [&provider.self_description, &provider.self_description_plain].into_iter().flatten() {
            markdown(md, &style, language, findings);
        }
    }
    pages(loaded, &style, language, findings);
}

fn pages(loaded: &LoadedSite, style: &HouseStyle, site_language: &str, findings: &mut Findings) {
    for page in &loaded.pages {
        let variants = std::iter::once((&page.front, &page.markdown))
            .chain(page.plain.as_ref().map(|(front, markdown)| (front, markdown)));
        for (front, md) in variants {
            let language = front.lang.as_ref().map_or(site_language.to_string(), |l| primary(&l.value));
            if let Some(rivals) = style.rivals(&language) {
                for field in [&front.title, &front.summary] {
                    for (offset, word, instead) in uses(&field.value, rivals) {
                        let mut position = at(field);
                        // A one-line value is written as read, after the key.
                        if !field.value.contains('\n') {
                            position.column += u32::try_from(field.value[..offset].chars().count()).unwrap_or(0);
                        }
                        findings.push(rival(&md.source.relative, position, word, instead, &language));
                    }
                }
            }
            markdown(md, style, &language, findings);
        }
    }
}

/// The primary language subtag, lowercase: `nb` of `nb-NO`.
fn primary(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or("").trim().to_ascii_lowercase()
}

/// A YAML file as written, to place findings inside its fields.
struct Written<'a> {
    file: &'a Path,
    text: &'a str,
    index: &'a LineIndex,
    language: &'a str,
}

impl Written<'_> {
    fn field(&self, field: &S<String>, rivals: &BTreeMap<&str, &'static str>, findings: &mut Findings) {
        let span = field.referenced.span();
        let range = match (span.byte_offset(), span.byte_len()) {
            (Some(start), Some(len)) => usize::try_from(start).ok().zip(usize::try_from(start + len).ok()),
            _ => None,
        };
        // The scalar as written has the value's words in the value's order
        // (indentation, quotes and folding aside), so its words are placed
        // where they stand; without it, at the field.
        let as_written = range.and_then(|(start, end)| self.text.get(start..end).map(|t| (start, t)));
        match as_written {
            Some((start, scalar)) if uses(scalar, rivals).len() == uses(&field.value, rivals).len() => {
                for (offset, word, instead) in uses(scalar, rivals) {
                    let (line, column) = self.index.line_column(start + offset);
                    findings.push(rival(self.file, Position::new(line, column), word, instead, self.language));
                }
            }
            _ => {
                for (_, word, instead) in uses(&field.value, rivals) {
                    findings.push(rival(self.file, at(field), word, instead, self.language));
                }
            }
        }
    }
}

/// A Markdown body, line by line in the language of its section.
fn markdown(md: &MarkdownFile, style: &HouseStyle, language: &str, findings: &mut Findings) {
    // Open language sections: (heading level, language).
    let mut sections: Vec<(usize, String)> = Vec::new();
    let mut fenced = false;
    for (n, line) in md.body.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        }
        if !fenced && let Some(level) = heading_level(trimmed) {
            sections.retain(|(open, _)| *open < level);
            if let Some(lang) = heading_lang(trimmed) {
                sections.push((level, lang));
            }
        }
        let language = sections.last().map_or(language, |(_, lang)| lang.as_str());
        let Some(rivals) = style.rivals(language) else { continue };
        for (offset, word, instead) in uses(line, rivals) {
            let column = u32::try_from(line[..offset].chars().count() + 1).unwrap_or(u32::MAX);
            let line = md.body_line + u32::try_from(n).unwrap_or(u32::MAX);
            findings.push(rival(&md.source.relative, Position::new(line, column), word, instead, language));
        }
    }
}

/// `## Heading` → 2.
fn heading_level(line: &str) -> Option<usize> {
    let level = line.chars().take_while(|&c| c == '#').count();
    ((1..=6).contains(&level) && line[level..].starts_with([' ', '\t'])).then_some(level)
}

/// `## Heading {lang=nb}` → nb.
fn heading_lang(line: &str) -> Option<String> {
    let attrs = &line[line.rfind('{')?..];
    let value = attrs.split("lang=").nth(1)?;
    let value = value.trim_start_matches(['"', '\'']);
    let end = value.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).unwrap_or(value.len());
    Some(primary(&value[..end]))
}

/// Every use of a rival word in `text`: byte offset, the word as written,
/// the word to write instead.
fn uses<'t>(text: &'t str, rivals: &BTreeMap<&str, &'static str>) -> Vec<(usize, &'t str, &'static str)> {
    text.unicode_word_indices()
        .filter_map(|(offset, word)| {
            let instead = *rivals.get(lower(word).as_str())?;
            (!in_address(text, offset, offset + word.len())).then_some((offset, word, instead))
        })
        .collect()
}

/// Whether the word at `start..end` is part of a web or e-mail address
/// (a link's target, a bare address).
fn in_address(text: &str, start: usize, end: usize) -> bool {
    let stop = |c: char| c.is_whitespace() || "()<>[]\"'".contains(c);
    let from = text[..start].rfind(stop).map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
    let to = text[end..].find(stop).map_or(text.len(), |i| end + i);
    let token = &text[from..to];
    token.contains("://") || token.contains('@') || token.starts_with('/') || token.starts_with("www.")
}

fn rival(file: &Path, at: Position, word: &str, instead: &str, language: &str) -> Finding {
    let language = match language {
        "nb" => "bokmål",
        _ => "nynorsk",
    };
    Finding::warning(file, at, msg!("language_forms.rival", word = word, instead = instead, language = language))
        .with_help(msg!("language_forms.rival.help", instead = instead))
}

/// The service texts and the home page's intro, standard and plain.
fn config_fields(config: &crate::load::raw::RawSiteConfig) -> Vec<&S<String>> {
    let mut out: Vec<&S<String>> = vec![&config.intro];
    out.extend(&config.intro_plain);
    for s in &config.services {
        for (text, plain) in [
            (&s.summary, &s.summary_plain),
            (&s.description, &s.description_plain),
            (&s.scheme, &s.scheme_plain),
            (&s.municipality_role, &s.municipality_role_plain),
            (&s.access, &s.access_plain),
            (&s.payment, &s.payment_plain),
            (&s.how_to_choose, &s.how_to_choose_plain),
            (&s.how_to_switch, &s.how_to_switch_plain),
            (&s.no_choice, &s.no_choice_plain),
            (&s.complaints.how, &s.complaints.how_plain),
        ] {
            out.push(text);
            out.extend(plain);
        }
        out.extend([&s.notice_period, &s.notice_period_plain, &s.deadline, &s.deadline_plain].into_iter().flatten());
        for indicator in &s.indicators {
            out.push(&indicator.name);
            out.extend(&indicator.name_plain);
        }
    }
    out
}

/// A profile's texts, standard and plain.
fn provider_fields(profile: &crate::load::raw::RawProvider) -> Vec<&S<String>> {
    let mut out: Vec<&S<String>> = vec![&profile.description];
    out.extend(&profile.description_plain);
    if let Some(continuity) = &profile.continuity {
        out.extend([&continuity.note, &continuity.note_plain].into_iter().flatten());
    }
    if let Some(school) = &profile.school {
        let school = &school.value;
        out.push(&school.transport);
        out.extend(
            [&school.transport_plain, &school.after_school_care, &school.after_school_care_plain].into_iter().flatten(),
        );
    }
    for inspection in &profile.inspections {
        out.push(&inspection.summary);
        out.extend(&inspection.summary_plain);
    }
    out.extend(profile.extras.iter().map(|e| &e.name));
    out
}
