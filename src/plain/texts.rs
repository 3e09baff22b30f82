//! Every text that has a plain-language companion, read from the loaded
//! files (before validation turns them into the model, so each keeps the
//! file and line it was written at).

use std::path::{Path, PathBuf};

use super::facts::Fact;
use crate::diagnostics::Position;
use crate::load::raw::{RawContact, S};
use crate::load::spanned::at;
use crate::load::{LoadedSite, MarkdownFile};

/// Where a plain text was written.
#[derive(Debug, Clone)]
pub enum Place<'a> {
    /// A YAML field: findings point at the field.
    Field(Position),
    /// A Markdown body: findings point at the line in question.
    Markdown(&'a MarkdownFile),
}

/// A standard text and its plain companion.
#[derive(Debug, Clone)]
pub struct Pair<'a> {
    /// The file the plain text is in.
    pub file: PathBuf,
    /// The field or file, as editors know it (`how_plain`, a page).
    pub field: String,
    pub standard: &'a str,
    pub standard_markdown: bool,
    pub plain: &'a str,
    /// The plain text is Markdown (a page, a service text): its words are
    /// what the glossary reads, not its markup or link addresses.
    pub plain_markdown: bool,
    pub place: Place<'a>,
    /// Facts the page shows from the configuration or the profile in both
    /// variants (contact details, the complaint body's address), which the
    /// plain text need not repeat.
    pub shown_anyway: Vec<Fact>,
}

impl Pair<'_> {
    /// A pair of YAML fields written in Markdown (brukervalg.yaml's texts).
    fn markdown(self) -> Self {
        Pair { plain_markdown: true, ..self }
    }

    /// The line of byte `offset` of the plain text.
    pub fn plain_line(&self, offset: usize) -> Position {
        match &self.place {
            Place::Field(position) => *position,
            Place::Markdown(md) => {
                let line = md.body[..offset.min(md.body.len())].matches('\n').count();
                Position::new(md.body_line + u32::try_from(line).unwrap_or(u32::MAX), 1)
            }
        }
    }

    /// The plain text's first body line, or its field.
    pub fn plain_start(&self) -> Position {
        let offset = self.plain.len() - self.plain.trim_start().len();
        self.plain_line(offset)
    }
}

fn contact_facts(contact: &RawContact) -> Vec<Fact> {
    let mut text = contact.phone.value.clone();
    for extra in [&contact.email, &contact.web].into_iter().flatten() {
        text.push(' ');
        text.push_str(&extra.value);
    }
    super::facts::extract(&text).into_iter().map(|f| f.fact).collect()
}

/// Every pair in the site, in a fixed order.
pub fn pairs(loaded: &LoadedSite) -> Vec<Pair<'_>> {
    let mut out = Vec::new();
    // Texts and names rendered on every page (the footer's contact block).
    let site_contact = loaded.config.as_ref().map(|(_, c)| contact_facts(&c.contact)).unwrap_or_default();
    if let Some((source, config)) = &loaded.config {
        let file = &source.relative;
        if let Some(plain) = &config.intro_plain {
            out.push(field_pair(file, "intro_plain", &config.intro, plain, &site_contact).markdown());
        }
        for service in &config.services {
            // The service page shows its contact block and complaint body
            // from these fields in every variant.
            let mut shown = site_contact.clone();
            shown.extend(contact_facts(&service.contact));
            // The service page lists the district offices too.
            for contact in config.districts.iter().filter_map(|d| d.contact.as_ref()) {
                shown.extend(contact_facts(contact));
            }
            if let Some(web) = &service.complaints.web {
                shown.extend(super::facts::extract(&web.value).into_iter().map(|f| f.fact));
            }
            let fields = [
                ("summary_plain", &service.summary, &service.summary_plain),
                ("description_plain", &service.description, &service.description_plain),
                ("scheme_plain", &service.scheme, &service.scheme_plain),
                ("municipality_role_plain", &service.municipality_role, &service.municipality_role_plain),
                ("access_plain", &service.access, &service.access_plain),
                ("payment_plain", &service.payment, &service.payment_plain),
                ("how_to_choose_plain", &service.how_to_choose, &service.how_to_choose_plain),
                ("how_to_switch_plain", &service.how_to_switch, &service.how_to_switch_plain),
                ("no_choice_plain", &service.no_choice, &service.no_choice_plain),
                ("complaints.how_plain", &service.complaints.how, &service.complaints.how_plain),
            ];
            for (field, standard, plain) in fields {
                if let Some(plain) = plain {
                    out.push(field_pair(file, field, standard, plain, &shown).markdown());
                }
            }
            if let (Some(standard), Some(plain)) = (&service.notice_period, &service.notice_period_plain) {
                out.push(field_pair(file, "notice_period_plain", standard, plain, &shown).markdown());
            }
            if let (Some(standard), Some(plain)) = (&service.deadline, &service.deadline_plain) {
                out.push(field_pair(file, "deadline_plain", standard, plain, &shown).markdown());
            }
            if let (Some(standard), Some(plain)) = (&service.admission_round, &service.admission_round_plain) {
                out.push(field_pair(file, "admission_round_plain", standard, plain, &shown).markdown());
            }
            for indicator in &service.indicators {
                if let Some(plain) = &indicator.name_plain {
                    out.push(field_pair(file, "indicators.name_plain", &indicator.name, plain, &shown));
                }
            }
        }
    }
    for provider in &loaded.providers {
        let file = &provider.source.relative;
        let profile = &provider.profile;
        let mut shown = site_contact.clone();
        shown.extend(contact_facts(&profile.contact));
        if let Some(plain) = &profile.description_plain {
            out.push(field_pair(file, "description_plain", &profile.description, plain, &shown));
        }
        if let Some(continuity) = &profile.continuity
            && let (Some(note), Some(plain)) = (&continuity.note, &continuity.note_plain)
        {
            out.push(field_pair(file, "continuity.note_plain", note, plain, &shown));
        }
        if let Some(school) = &profile.school {
            let school = &school.value;
            if let (Some(standard), Some(plain)) = (&school.after_school_care, &school.after_school_care_plain) {
                out.push(field_pair(file, "school.after_school_care_plain", standard, plain, &shown));
            }
            if let Some(plain) = &school.transport_plain {
                out.push(field_pair(file, "school.transport_plain", &school.transport, plain, &shown));
            }
        }
        if let Some(kindergarten) = &profile.kindergarten
            && let Some(plain) = &kindergarten.value.profile_plain
        {
            out.push(field_pair(file, "kindergarten.profile_plain", &kindergarten.value.profile, plain, &shown));
        }
        if let Some(home) = &profile.nursing_home
            && let Some(plain) = &home.value.activities_plain
        {
            out.push(field_pair(file, "nursing_home.activities_plain", &home.value.activities, plain, &shown));
        }
        if let (Some(standard), Some(plain)) = (&provider.self_description, &provider.self_description_plain) {
            out.push(markdown_pair(standard, plain, &shown));
        }
        for inspection in &profile.inspections {
            if let Some(plain) = &inspection.summary_plain {
                // Who inspected and when are shown beside the summary in
                // every variant.
                let mut shown = shown.clone();
                let beside = format!("{} {}", inspection.date.value, inspection.by.value);
                shown.extend(super::facts::extract(&beside).into_iter().map(|f| f.fact));
                out.push(field_pair(file, "inspections.summary_plain", &inspection.summary, plain, &shown));
            }
        }
    }
    for page in &loaded.pages {
        if let Some((front, plain)) = &page.plain {
            let file = &plain.source.relative;
            out.push(field_pair(file, "title", &page.front.title, &front.title, &site_contact));
            out.push(field_pair(file, "summary", &page.front.summary, &front.summary, &site_contact));
            out.push(markdown_pair(&page.markdown, plain, &site_contact));
        }
    }
    out
}

fn field_pair<'a>(file: &Path, field: &str, standard: &'a S<String>, plain: &'a S<String>, shown: &[Fact]) -> Pair<'a> {
    Pair {
        file: file.to_path_buf(),
        field: field.to_string(),
        standard: standard.value.as_str(),
        standard_markdown: false,
        plain: plain.value.as_str(),
        plain_markdown: false,
        place: Place::Field(at(plain)),
        shown_anyway: shown.to_vec(),
    }
}

fn markdown_pair<'a>(standard: &'a MarkdownFile, plain: &'a MarkdownFile, shown: &[Fact]) -> Pair<'a> {
    Pair {
        file: plain.source.relative.clone(),
        field: String::new(),
        standard: &standard.body,
        standard_markdown: true,
        plain: &plain.body,
        plain_markdown: true,
        place: Place::Markdown(plain),
        shown_anyway: shown.to_vec(),
    }
}
