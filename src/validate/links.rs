//! Markdown safety notices, and internal links that must lead to a page
//! or file the build writes and, with a `#fragment`, to an id on that page.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::{Finding, Findings, Position};
use crate::domain::Variant;
use crate::load::MarkdownFile;
use crate::markdown::{self, Notice};
use crate::model::{InternalLink, Site, SitePath};
use crate::msg;
use crate::readability::Samples;

/// An internal link, checked once the site is rendered.
pub type PendingLink = InternalLink;

pub fn inspect_markdown(
    md: &MarkdownFile,
    findings: &mut Findings,
    readability: &mut Samples,
    pending: &mut Vec<PendingLink>,
) {
    let file = &md.source.relative;
    let plain = file.to_string_lossy().ends_with(&format!("{}.md", crate::load::PLAIN_SUFFIX));
    readability.document(file, md.body_line, plain, &md.body);
    let index = markdown::LineIndex::new(&md.body);
    let at = |offset| {
        let (line, column) = index.line_column(offset);
        Position::new(line + md.body_line - 1, column)
    };
    inspect_text(Written { file, source: &md.body, plain, at: &at }, findings, pending);
}

/// A Markdown text and where it is written.
pub struct Written<'a> {
    pub file: &'a std::path::Path,
    pub source: &'a str,
    /// A plain-language text: its links are shown on the plain variants.
    pub plain: bool,
    /// The place in the file of a byte offset of `source`.
    pub at: &'a dyn Fn(usize) -> Position,
}

/// What rendering `text` would neutralise, as warnings at their places,
/// and its internal links, to be checked once the site is rendered.
pub fn inspect_text(text: Written, findings: &mut Findings, pending: &mut Vec<PendingLink>) {
    let file = text.file;
    for notice in markdown::inspect(text.source) {
        let position = (text.at)(notice.offset());
        match notice {
            Notice::RawHtml { .. } => findings.push(
                Finding::warning(file, position, msg!("markdown.raw_html")).with_help(msg!("markdown.raw_html.help")),
            ),
            Notice::UnsafeUrl { url, .. } => findings.push(
                Finding::warning(file, position, msg!("markdown.unsafe_link", url = url))
                    .with_help(msg!("markdown.unsafe_link.help")),
            ),
            Notice::MixedScriptHost { url, ascii, .. } => findings.push(
                Finding::warning(file, position, msg!("markdown.mixed_script_host", url = url, ascii = ascii))
                    .with_help(msg!("web.mixed_script.help")),
            ),
            Notice::ContactLink { url, .. } => findings.push(
                Finding::warning(file, position, msg!("markdown.contact_link", url = url))
                    .with_help(msg!("markdown.contact_link.help")),
            ),
            Notice::ImageWithoutAlt { .. } => findings.push(
                Finding::warning(file, position, msg!("markdown.image_no_alt"))
                    .with_help(msg!("markdown.image_no_alt.help")),
            ),
            Notice::HeadingAttribute { attribute, .. } => findings.push(
                Finding::warning(file, position, msg!("markdown.heading_attribute", attribute = attribute))
                    .with_help(msg!("markdown.heading_attribute.help")),
            ),
            Notice::BadLanguage { value, reason, .. } => findings.push(
                Finding::warning(file, position, msg!("markdown.section_language", value = value)).with_help(
                    msg!("markdown.section_language.help", reason => super::fields::language_tag_help(reason)),
                ),
            ),
            Notice::InternalLink { path, fragment, .. } => {
                pending.push(PendingLink { file: file.to_path_buf(), position, path, fragment, plain: text.plain })
            }
        }
    }
}

/// The variants a link is shown in: a plain-language companion's links in
/// the plain ones, every other text's in the standard ones (plain readers
/// may see it too, but only where no plain text exists).
fn variants_of(link: &InternalLink) -> [Variant; 2] {
    if link.plain { [Variant::Plain, Variant::LargePrintPlain] } else { [Variant::Standard, Variant::LargePrint] }
}

/// The pages whose ids a `#fragment` must be checked against.
pub fn anchor_pages(site: &Site) -> BTreeSet<(Variant, SitePath)> {
    site.links
        .iter()
        .filter(|l| !l.fragment.is_empty())
        .flat_map(|l| variants_of(l).map(|v| (v, l.path.clone())))
        .collect()
}

/// The ids of the elements of a rendered page.
#[derive(Debug, Default)]
pub struct Anchors(BTreeMap<(Variant, SitePath), BTreeSet<String>>);

impl Anchors {
    pub fn insert(&mut self, variant: Variant, path: &SitePath, ids: BTreeSet<String>) {
        self.0.insert((variant, path.clone()), ids);
    }
}

/// Every `id` attribute value in `html`, quoted or (as the minifier leaves
/// them) unquoted.
pub fn ids_in(html: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut rest = html;
    while let Some(at) = rest.find("id=") {
        let before = rest[..at].chars().next_back();
        let value = &rest[at + 3..];
        rest = value;
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let id = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
            _ => value.split(|c: char| c.is_whitespace() || c == '>').next().unwrap_or(""),
        };
        if !id.is_empty() {
            ids.insert(id.to_string());
        }
    }
    ids
}

/// Checks every internal link against the pages the renderer made
/// (`model::pages::jobs`), the other files the build writes (`files`, paths in
/// the output), and, for a `#fragment`, the ids on the target page.
pub fn check_internal(site: &Site, files: &[String], anchors: &Anchors, findings: &mut Findings) {
    let pages: BTreeSet<SitePath> = crate::model::pages::jobs(site).into_iter().map(|job| job.path).collect();
    let files: BTreeSet<&str> = files.iter().map(String::as_str).collect();
    for link in &site.links {
        let path = link.path.as_str();
        let is_page = pages.contains(&link.path);
        if !is_page && !files.contains(path) {
            let close = pages
                .iter()
                .map(SitePath::as_str)
                .chain(files.iter().copied())
                .filter(|k| !k.is_empty())
                .min_by_key(|k| strsim::levenshtein(k, path))
                .map_or(msg!("suggest.none"), |k| msg!("suggest.did_you_mean", candidate = format!("/{k}")));
            findings.push(
                Finding::error(&link.file, link.position, msg!("link.no_page", path = format!("/{path}")))
                    .with_help(msg!("link.no_page.help", close => close, services = site.routes.services)),
            );
            continue;
        }
        if link.fragment.is_empty() {
            continue;
        }
        let missing = variants_of(link)
            .into_iter()
            .find(|&v| !anchors.0.get(&(v, link.path.clone())).is_some_and(|ids| ids.contains(&link.fragment)));
        if let Some(variant) = missing {
            let known: Vec<&str> = anchors
                .0
                .get(&(variant, link.path.clone()))
                .map(|ids| ids.iter().map(String::as_str).collect())
                .unwrap_or_default();
            let close = known
                .iter()
                .min_by_key(|k| strsim::levenshtein(k, &link.fragment))
                .map_or(msg!("suggest.none"), |k| msg!("suggest.did_you_mean", candidate = format!("#{k}")));
            findings.push(
                Finding::error(
                    &link.file,
                    link.position,
                    msg!("link.no_section", path = format!("/{path}"), fragment = format!("#{}", link.fragment)),
                )
                .with_help(if is_page {
                    msg!("link.no_section.help_page", close => close)
                } else {
                    msg!("link.no_section.help_file")
                }),
            );
        }
    }
}
