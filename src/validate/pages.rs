//! Information pages under `content/`.

use std::collections::BTreeMap;

use super::checks::Checks;
use super::fields::{at, slug_help};
use super::links::inspect_markdown;
use super::markdown_hazards;
use crate::diagnostics::{Finding, Position};
use crate::domain::{LanguageTag, Slug, Text};
use crate::load::LoadedPage;
use crate::load::raw::Limits;
use crate::model::{Page, Routes, collate};
use crate::msg;

pub fn pages(loaded: Vec<LoadedPage>, limits: &Limits, routes: &Routes, checks: &mut Checks) -> Vec<Page> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<Slug, std::path::PathBuf> = BTreeMap::new();
    for item in loaded {
        let file = item.source.relative.clone();
        let slug = match Slug::parse(&item.file_stem) {
            Ok(slug) => slug,
            Err(_) => {
                checks.findings.push(
                    Finding::error(&file, Position::WHOLE_FILE, msg!("file_name.not_address", name = item.file_stem))
                        .with_help(msg!("file_name.rename", how => slug_help(&item.file_stem))),
                );
                continue;
            }
        };
        if routes.reserved().contains(&slug.as_str()) {
            checks.findings.push(
                Finding::error(&file, Position::WHOLE_FILE, msg!("page.reserved_name", name = slug))
                    .with_help(msg!("file_name.taken.help", taken = routes.reserved().join(", "))),
            );
            continue;
        }
        if let Some(first) = seen.get(&slug) {
            checks.findings.push(
                Finding::error(&file, Position::WHOLE_FILE, msg!("page.same_address", first = first.display()))
                    .with_help(msg!("page.same_address.help")),
            );
            continue;
        }
        seen.insert(slug.clone(), file.clone());

        let mut check = checks.file(&file);
        let title = check.non_empty("title", &item.front.title);
        let summary = check.non_empty("summary", &item.front.summary);
        let lang = item.front.lang.as_ref().and_then(|raw| match LanguageTag::parse(&raw.value) {
            Ok(tag) => Some(tag),
            Err(reason) => {
                checks.findings.push(
                    Finding::error(&file, at(raw), msg!("page.lang", value = raw.value))
                        .with_help(msg!("page.lang.help", reason => super::fields::language_tag_help(reason))),
                );
                None
            }
        });
        inspect_markdown(&item.markdown, checks.findings, checks.readability, checks.pending);
        markdown_hazards::check(&item.markdown, limits, checks.findings);
        let (plain_title, plain_summary, plain_body) = match &item.plain {
            Some((front, md)) => {
                let mut check = checks.file(&md.source.relative);
                let t = check.non_empty("title", &front.title);
                let s = check.non_empty("summary", &front.summary);
                if front.order.is_some() {
                    check.warning(
                        Position::new(front.title.referenced.line() as u32, 1),
                        msg!("page.plain_order"),
                        msg!("page.plain_order.help"),
                    );
                }
                inspect_markdown(md, checks.findings, checks.readability, checks.pending);
                markdown_hazards::check(md, limits, checks.findings);
                (Some(t), Some(s), Some(md.body.clone()))
            }
            None => {
                checks.findings.push(
                    Finding::warning(&file, at(&item.front.title), msg!("page.no_plain"))
                        .with_help(msg!("page.no_plain.help", slug = slug)),
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
