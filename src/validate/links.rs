//! Markdown safety notices and internal links that must lead somewhere.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::diagnostics::{Finding, Findings, Position};
use crate::load::MarkdownFile;
use crate::markdown::{self, Notice};
use crate::model::{Site, SitePath};

/// An internal link, checked once every page's address is known.
pub struct PendingLink {
    pub file: PathBuf,
    pub position: Position,
    pub path: SitePath,
}

pub fn inspect_markdown(md: &MarkdownFile, findings: &mut Findings, pending: &mut Vec<PendingLink>) {
    let file = &md.source.relative;
    let plain = file.to_string_lossy().ends_with(&format!("{}.md", crate::load::PLAIN_SUFFIX));
    let text = crate::readability::markdown_text(&md.body);
    crate::readability::record(findings, file, Position::new(md.body_line, 1), "the text", plain, &text);
    if let Some(offset) = md.body.find(crate::scaffold::PLACEHOLDER) {
        let (line, column) = markdown::line_column(&md.body, offset);
        findings.push(
            Finding::error(
                file,
                Position::new(line + md.body_line - 1, column),
                format!("the text still says «{}»", crate::scaffold::PLACEHOLDER),
            )
            .with_help("replace the placeholder with the real text"),
        );
    }
    let index = markdown::LineIndex::new(&md.body);
    for notice in markdown::inspect(&md.body) {
        let offset = match &notice {
            Notice::RawHtml { offset }
            | Notice::UnsafeUrl { offset, .. }
            | Notice::InternalLink { offset, .. }
            | Notice::ImageWithoutAlt { offset } => *offset,
        };
        let (line, column) = index.line_column(offset);
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
            Notice::InternalLink { path, .. } => pending.push(PendingLink { file: file.clone(), position, path }),
        }
    }
}

pub fn check_internal(site: &Site, pending: Vec<PendingLink>, findings: &mut Findings) {
    let mut known: BTreeSet<SitePath> = BTreeSet::new();
    known.insert(SitePath::home());
    for service in &site.services {
        known.insert(service.path());
        known.extend(service.providers.iter().map(|p| p.path()));
    }
    known.extend(site.pages.iter().map(|p| p.path()));
    for link in pending {
        if !known.contains(&link.path) {
            let path = link.path.as_str();
            let close = known
                .iter()
                .map(SitePath::as_str)
                .filter(|k| !k.is_empty())
                .min_by_key(|k| strsim::levenshtein(k, path))
                .map(|k| format!("did you mean `/{k}`? "))
                .unwrap_or_default();
            findings.push(
                Finding::error(&link.file, link.position, format!("the link `/{path}` leads to no page on this site"))
                    .with_help(format!("{close}Pages are /<file name>/ for files in content/, and /tjenester/<service>/<provider>/ for providers")),
            );
        }
    }
}
