//! Markdown safety notices, and internal links that must lead to a page
//! or file the build writes and, with a `#fragment`, to an id on that page.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::{Finding, Findings, Position};
use crate::domain::Variant;
use crate::load::MarkdownFile;
use crate::markdown::{self, Notice};
use crate::model::{InternalLink, Site, SitePath};

/// An internal link, checked once the site is rendered.
pub type PendingLink = InternalLink;

pub fn inspect_markdown(md: &MarkdownFile, findings: &mut Findings, pending: &mut Vec<PendingLink>) {
    let file = &md.source.relative;
    let plain = file.to_string_lossy().ends_with(&format!("{}.md", crate::load::PLAIN_SUFFIX));
    let text = crate::readability::markdown_text(&md.body);
    crate::readability::record(findings, file, Position::new(md.body_line, 1), "the text", plain, &text);
    let index = markdown::LineIndex::new(&md.body);
    for notice in markdown::inspect(&md.body) {
        let (line, column) = index.line_column(notice.offset());
        let position = Position::new(line + md.body_line - 1, column);
        match notice {
            Notice::RawHtml { .. } => findings.push(
                Finding::warning(file, position, "raw HTML is shown as text, not used")
                    .with_help("use Markdown instead: **bold**, [link](https://...), ## heading, - list"),
            ),
            Notice::UnsafeUrl { url, .. } => findings.push(
                Finding::warning(file, position, format!("the link `{url}` is removed: only http, https, mailto, tel and relative links are allowed"))
                    .with_help("link to a web page (https://...), an e-mail (mailto:...), a phone number (tel:...), or a page on this site (/klage/)"),
            ),
            Notice::ImageWithoutAlt { .. } => findings.push(
                Finding::warning(file, position, "the image has no text alternative")
                    .with_help("describe the picture between the brackets: ![Barn leker i skolegården](bilde.jpg)"),
            ),
            Notice::HeadingAttribute { attribute, .. } => findings.push(
                Finding::warning(file, position, format!("the heading attribute `{attribute}` is not used"))
                    .with_help("a heading may only say which language its section is in, e.g. ## Sámegiella {lang=se}; remove the rest"),
            ),
            Notice::BadLanguage { value, reason, .. } => findings.push(
                Finding::warning(file, position, format!("`{value}` is not a language code, so the section is not marked"))
                    .with_help(format!("{reason}: ## العربية {{lang=ar}}")),
            ),
            Notice::InternalLink { path, fragment, .. } => {
                pending.push(PendingLink { file: file.clone(), position, path, fragment })
            }
        }
    }
}

/// The variants a link is shown in: a plain-language companion's links in
/// the plain ones, every other text's in the standard ones (plain readers
/// may see it too, but only where no plain text exists).
fn variants_of(link: &InternalLink) -> [Variant; 2] {
    if link.file.to_string_lossy().ends_with(&format!("{}.md", crate::load::PLAIN_SUFFIX)) {
        [Variant::Plain, Variant::LargePrintPlain]
    } else {
        [Variant::Standard, Variant::LargePrint]
    }
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
/// (`render::jobs`), the other files the build writes (`files`, paths in
/// the output), and, for a `#fragment`, the ids on the target page.
pub fn check_internal(site: &Site, files: &[String], anchors: &Anchors, findings: &mut Findings) {
    let pages: BTreeSet<SitePath> = crate::render::jobs(site).into_iter().map(|job| job.path).collect();
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
                .map(|k| format!("did you mean `/{k}`? "))
                .unwrap_or_default();
            findings.push(
                Finding::error(&link.file, link.position, format!("the link `/{path}` leads to no page on this site"))
                    .with_help(format!("{close}Pages are /<file name>/ for files in content/, and /tjenester/<service>/<provider>/ for providers")),
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
                .map(|k| format!("did you mean `#{k}`? "))
                .unwrap_or_default();
            findings.push(
                Finding::error(&link.file, link.position, format!("`/{path}` has no section `#{}`", link.fragment))
                    .with_help(if is_page {
                        format!("{close}Link to the page without `#...`, or to a section id the page has")
                    } else {
                        "only pages have sections: remove the `#...`".to_string()
                    }),
            );
        }
    }
}
