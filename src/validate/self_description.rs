//! A school's or kindergarten's self-description (egenomtale): Markdown
//! beside the profile, checked like the site's pages and held to a word
//! limit so every one gets the same room.

use super::fields::FileCheck;
use crate::diagnostics::{Finding, Position};
use crate::domain::Text;
use crate::load::LoadedProvider;
use crate::markdown;
use crate::model::Site;
use crate::msg;

/// A school's or kindergarten's egenomtale and its plain companion, within
/// the word limit.
pub(super) fn self_description(
    item: &LoadedProvider,
    site: &Site,
    check: &mut FileCheck,
    pending: &mut Vec<super::links::PendingLink>,
) -> Text {
    let limit = site.limits.self_description_max_words;
    let Some(md) = &item.self_description else {
        check.findings.push(
            Finding::error(&item.source.relative, Position::WHOLE_FILE, msg!("self_description.missing"))
                .with_help(msg!("self_description.missing.help", service = item.service_dir, stem = item.file_stem)),
        );
        return Text::default();
    };
    let mut check_one = |md: &crate::load::MarkdownFile, check: &mut FileCheck| {
        let words = markdown::word_count(&md.body);
        let file = &md.source.relative;
        if words > limit {
            check.findings.push(
                Finding::error(
                    file,
                    Position::WHOLE_FILE,
                    msg!("self_description.too_long", words = words, limit = limit),
                )
                .with_help(msg!("self_description.too_long.help")),
            );
        }
        if words == 0 {
            check.findings.push(
                Finding::error(file, Position::WHOLE_FILE, msg!("self_description.empty"))
                    .with_help(msg!("self_description.empty.help")),
            );
        }
        super::links::inspect_markdown(md, check.findings, check.readability, pending);
        super::markdown_hazards::check(md, &site.limits, check.findings);
    };
    check_one(md, check);
    if let Some(plain) = &item.self_description_plain {
        check_one(plain, check);
    } else {
        check.findings.push(
            Finding::warning(&md.source.relative, Position::WHOLE_FILE, msg!("self_description.no_plain"))
                .with_help(msg!("self_description.no_plain.help", service = item.service_dir, stem = item.file_stem)),
        );
    }
    Text::new(md.body.clone(), item.self_description_plain.as_ref().map(|p| p.body.clone()))
}
