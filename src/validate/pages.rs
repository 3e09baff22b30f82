//! Information pages under `content/`.

use std::collections::BTreeMap;

use super::fields::{FileCheck, at};
use super::links::{PendingLink, inspect_markdown};
use super::markdown_hazards;
use crate::diagnostics::{Finding, Findings, Position};
use crate::domain::{LanguageTag, Slug, Text};
use crate::load::LoadedPage;
use crate::load::raw::Limits;
use crate::model::{Page, collate, routes};

pub fn pages(
    loaded: Vec<LoadedPage>,
    limits: &Limits,
    findings: &mut Findings,
    pending: &mut Vec<PendingLink>,
) -> Vec<Page> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<Slug, std::path::PathBuf> = BTreeMap::new();
    for item in loaded {
        let file = item.source.relative.clone();
        let slug = match Slug::parse(&item.file_stem) {
            Ok(slug) => slug,
            Err(hint) => {
                findings.push(
                    Finding::error(
                        &file,
                        Position::WHOLE_FILE,
                        format!("the file name `{}` cannot be used in a web address", item.file_stem),
                    )
                    .with_help(format!("rename the file: {hint}")),
                );
                continue;
            }
        };
        if routes::RESERVED.contains(&slug.as_str()) {
            findings.push(
                Finding::error(&file, Position::WHOLE_FILE, format!("`{slug}` is a name the site itself uses"))
                    .with_help(format!("rename the file; these names are taken: {}", routes::RESERVED.join(", "))),
            );
            continue;
        }
        if let Some(first) = seen.get(&slug) {
            findings.push(Finding::error(
                &file,
                Position::WHOLE_FILE,
                format!("another page, {}, has the same address", first.display()),
            ));
            continue;
        }
        seen.insert(slug.clone(), file.clone());

        let mut check = FileCheck::new(&file, findings);
        let title = check.non_empty("title", &item.front.title);
        let summary = check.non_empty("summary", &item.front.summary);
        let lang = item.front.lang.as_ref().and_then(|raw| match LanguageTag::parse(&raw.value) {
            Ok(tag) => Some(tag),
            Err(reason) => {
                findings.push(
                    Finding::error(&file, at(raw), format!("`{}` is not a language code", raw.value))
                        .with_help(format!("{reason}; leave `lang` out when the page is in the site's language")),
                );
                None
            }
        });
        inspect_markdown(&item.markdown, findings, pending);
        markdown_hazards::check(&item.markdown, limits, findings);
        let (plain_title, plain_summary, plain_body) = match &item.plain {
            Some((front, md)) => {
                let mut check = FileCheck::new(&md.source.relative, findings);
                let t = check.non_empty("title", &front.title);
                let s = check.non_empty("summary", &front.summary);
                if front.order.is_some() {
                    check.warning(
                        Position::new(front.title.referenced.line() as u32, 1),
                        "`order` is taken from the standard page",
                        "remove `order` here",
                    );
                }
                inspect_markdown(md, findings, pending);
                markdown_hazards::check(md, limits, findings);
                (Some(t), Some(s), Some(md.body.clone()))
            }
            None => {
                findings.push(
                    Finding::warning(&file, at(&item.front.title), "the page has no plain-language version")
                        .with_help(format!("add content/{slug}.lettlest.md with the same front matter, in short sentences and everyday words")),
                );
                (None, None, None)
            }
        };
        out.push(Page {
            slug,
            title: Text::new(title, plain_title),
            summary: Text::new(summary, plain_summary),
            order: item.front.order.unwrap_or(i32::MAX),
            body: Text::new(item.markdown.body.clone(), plain_body),
            lang,
        });
    }
    out.sort_by_cached_key(|p| (p.order, collate::sort_key(&p.title.standard)));
    out
}
