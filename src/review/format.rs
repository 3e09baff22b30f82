//! A review as a reviewer reads it: plain text for a terminal, Markdown for
//! a pull-request comment (the summary first, every detail folded), or
//! JSON. Every value comes from input files, so each is made inert for
//! where it goes: control characters written out for a terminal, Markdown
//! and HTML characters escaped for a comment.

use std::fmt::Write as _;

use super::{Review, Visibility};
use crate::load::text::visible;
use crate::messages::Lang;
use crate::msg;

/// Longer values are cut here in text and Markdown (JSON has them whole):
/// a reviewer needs to see that a description changed, not read it twice.
const SHOWN_CHARS: usize = 160;

/// GitHub refuses a comment longer than 65,536 characters; a change that
/// touches thousands of providers is cut well before that, and says so.
const MAX_COMMENT_BYTES: usize = 60_000;

fn shorten(value: &str) -> String {
    let one_line = value.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(SHOWN_CHARS) {
        Some((at, _)) => format!("{}…", &one_line[..at]),
        None => one_line,
    }
}

/// Escapes what Markdown or HTML would act on, and `@` so a provider
/// named like a user does not notify anyone.
fn md(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in visible(value).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '@' => out.push_str("&#64;"),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.' | '!' | '|' | '~'
            | '"' | '\'' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

fn text(value: &str) -> String {
    visible(value).into_owned()
}

/// The summary line: whether HEAD builds, and how much changes.
fn verdict(review: &Review, lang: Lang) -> String {
    if review.head_builds {
        msg!("diff.builds", warnings = review.head_warnings).render(lang)
    } else {
        msg!("diff.does_not_build", errors = review.head_errors).render(lang)
    }
}

fn counts(review: &Review, lang: Lang) -> String {
    msg!(
        "diff.summary",
        pages = review.pages.total(),
        added = review.added.len(),
        removed = review.removed.len(),
        changed = review.changed.len(),
        figures = review.survey_figures.len(),
        findings = review.new_findings.len()
    )
    .render(lang)
}

fn empty_or(value: &str, lang: Lang, escape: fn(&str) -> String) -> String {
    if value.trim().is_empty() { msg!("diff.empty_value").render(lang) } else { escape(&shorten(value)) }
}

/// Marks a line as belonging to the line above (a provider's fields).
const INDENT: &str = "  ";

/// The report's sections, each a heading (the tool's own words only) and
/// its lines, in either format.
fn sections(review: &Review, lang: Lang, escape: fn(&str) -> String) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let who = |p: &super::ProviderRef| format!("{} ({})", escape(&p.name), escape(&p.service_name));
    if !review.base_builds {
        out.push((msg!("diff.base_does_not_build").render(lang), Vec::new()));
    }
    if !review.added.is_empty() {
        out.push((msg!("diff.added").render(lang), review.added.iter().map(who).collect()));
    }
    if !review.removed.is_empty() {
        out.push((msg!("diff.removed").render(lang), review.removed.iter().map(who).collect()));
    }
    if !review.changed.is_empty() {
        let mut lines = Vec::new();
        for change in &review.changed {
            lines.push(format!("{}:", who(&change.provider)));
            lines.extend(change.fields.iter().map(|f| {
                let line = msg!(
                    "diff.field",
                    label = escape(&f.label),
                    old = empty_or(&f.old, lang, escape),
                    new = empty_or(&f.new, lang, escape)
                );
                format!("{INDENT}{}", line.render(lang))
            }));
        }
        out.push((msg!("diff.changed", count = review.changed.len()).render(lang), lines));
    }
    if !review.survey_figures.is_empty() {
        let lines = review
            .survey_figures
            .iter()
            .map(|f| {
                let (survey, question, provider) = (escape(&f.survey), escape(&f.question), escape(&f.provider));
                match f.now {
                    Visibility::Shown => msg!(
                        "diff.figure_shown",
                        survey = survey,
                        year = f.year,
                        question = question,
                        provider = provider
                    ),
                    Visibility::Hidden => msg!(
                        "diff.figure_hidden",
                        survey = survey,
                        year = f.year,
                        question = question,
                        provider = provider
                    ),
                }
                .render(lang)
            })
            .collect();
        out.push((msg!("diff.figures").render(lang), lines));
    }
    if !review.new_findings.is_empty() {
        let lines = review
            .new_findings
            .iter()
            .map(|f| {
                let place = if f.line > 0 { format!("{}:{}:{}", f.file, f.line, f.column) } else { f.file.clone() };
                let severity = match f.severity {
                    crate::diagnostics::Severity::Error => msg!("report.label.error"),
                    crate::diagnostics::Severity::Warning => msg!("report.label.warning"),
                    crate::diagnostics::Severity::Note => msg!("report.label.note"),
                };
                format!("{}: {} ({})", severity.render(lang), escape(&f.message), escape(&place))
            })
            .collect();
        out.push((msg!("diff.findings").render(lang), lines));
    }
    if review.pages.total() > 0 || !review.pages.other_files.is_empty() {
        let p = &review.pages;
        let mut lines =
            vec![msg!("diff.page_counts", changed = p.changed, added = p.added, removed = p.removed).render(lang)];
        for group in &p.groups {
            let addresses = group.addresses.iter().map(|a| escape(a)).collect::<Vec<_>>().join(", ");
            lines.push(
                msg!("diff.page_group", prefix = escape(&group.prefix), pages = group.pages, addresses = addresses)
                    .render(lang),
            );
        }
        if !p.other_files.is_empty() {
            let files = p.other_files.iter().map(|f| escape(f)).collect::<Vec<_>>().join(", ");
            lines.push(msg!("diff.other_files", files = files).render(lang));
        }
        out.push((msg!("diff.pages").render(lang), lines));
    }
    out
}

fn split_indent(line: &str) -> (&str, &str) {
    match line.strip_prefix(INDENT) {
        Some(rest) => (INDENT, rest),
        None => ("", line),
    }
}

fn is_empty(review: &Review) -> bool {
    review.added.is_empty()
        && review.removed.is_empty()
        && review.changed.is_empty()
        && review.survey_figures.is_empty()
        && review.new_findings.is_empty()
        && review.pages.total() == 0
        && review.pages.other_files.is_empty()
}

pub fn human(review: &Review, lang: Lang) -> String {
    let mut out = format!("{}\n{}\n", verdict(review, lang), counts(review, lang));
    if is_empty(review) {
        let _ = writeln!(out, "{}", msg!("diff.nothing").render(lang));
    }
    for (heading, lines) in sections(review, lang, text) {
        let _ = writeln!(out, "\n{heading}");
        for line in lines {
            let (indent, line) = split_indent(&line);
            let _ = writeln!(out, "  {indent}- {line}");
        }
    }
    out
}

/// For a pull-request comment: a heading, whether HEAD builds and the
/// counts, then each section folded in `<details>`.
pub fn markdown(review: &Review, lang: Lang) -> String {
    let mark = if review.head_builds { "✅" } else { "❌" };
    let mut out = format!(
        "### {}\n\n{mark} {}\n\n{}\n",
        msg!("diff.title").render(lang),
        verdict(review, lang),
        counts(review, lang)
    );
    if is_empty(review) {
        let _ = writeln!(out, "\n{}", msg!("diff.nothing").render(lang));
    }
    let cut = msg!("diff.cut").render(lang);
    let room = MAX_COMMENT_BYTES - cut.len() - "\n\n</details>\n".len() - 2;
    'sections: for (heading, lines) in sections(review, lang, md) {
        let _ = write!(out, "\n<details><summary>{heading}</summary>\n\n");
        for line in lines {
            let (indent, line) = split_indent(&line);
            let line = format!("{indent}- {line}\n");
            if out.len() + line.len() > room {
                let _ = write!(out, "\n{cut}\n");
                out.push_str("\n</details>\n");
                break 'sections;
            }
            out.push_str(&line);
        }
        out.push_str("\n</details>\n");
    }
    out
}

pub fn json(review: &Review) -> String {
    serde_json::to_string_pretty(review).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_links_markup_and_mentions() {
        let escaped = md("[klikk](javascript:x) <b>@alle</b> *fet*");
        assert!(!escaped.contains("](") && !escaped.contains('<') && !escaped.contains('@'), "{escaped}");
        assert!(!escaped.contains(" *fet*"), "{escaped}");
    }

    #[test]
    fn a_comment_stays_under_the_code_host_s_limit_and_says_it_was_cut() {
        let change = |i: usize| super::super::ProviderChange {
            provider: super::super::ProviderRef {
                service: "s".into(),
                service_name: "Tjeneste".into(),
                slug: format!("p{i}"),
                name: format!("Leverandør {i}"),
            },
            fields: vec![super::super::FieldChange {
                field: "fact_capacity".into(),
                label: "Ledig kapasitet".into(),
                old: "Har ledig kapasitet".into(),
                new: "Fullt".into(),
            }],
        };
        let review = Review {
            version: 1,
            head_builds: true,
            head_errors: 0,
            head_warnings: 0,
            base_builds: true,
            added: Vec::new(),
            removed: Vec::new(),
            changed: (0..5000).map(change).collect(),
            survey_figures: Vec::new(),
            new_findings: Vec::new(),
            pages: Default::default(),
        };
        let comment = markdown(&review, Lang::Nb);
        assert!(comment.len() <= MAX_COMMENT_BYTES, "{}", comment.len());
        assert!(comment.contains(&msg!("diff.cut").render(Lang::Nb)));
        assert!(comment.trim_end().ends_with("</details>"));
    }

    #[test]
    fn long_values_are_cut_and_put_on_one_line() {
        let long = "ord\n".repeat(100);
        let short = shorten(&long);
        assert_eq!(short.chars().count(), SHOWN_CHARS + 1);
        assert!(!short.contains('\n') && short.ends_with('…'));
    }
}
