//! The page shown instead of the site while the latest build has failed:
//! every finding with its file, line, column, message and help, so the
//! editor can fix the file without looking at the terminal. It reloads by
//! itself, like the site's pages, when the next build finishes.
//!
//! Editor-facing, in the language of the terminal's messages (the site's,
//! or `--lang`); all text from the findings is escaped.

use std::fmt::Write as _;

use super::addresses::SCRIPT_PATH;
use crate::diagnostics::{Finding, Severity};
use crate::html::escape;
use crate::messages::Lang;
use crate::msg;

const STYLE: &str = "body{font:1.125rem/1.5 system-ui,sans-serif;margin:0;padding:1rem;color:#1a1a1a;background:#fff}\
main{max-width:48rem;margin:0 auto}h1{font-size:1.75rem;line-height:1.2}\
li{margin:0 0 1.25rem;padding:.75rem 1rem;border-left:.375rem solid #b00020;background:#fdf2f2;overflow-wrap:anywhere}\
li.warning{border-color:#8a5a00;background:#fdf8ec}p{margin:.25rem 0}code{font-size:1rem}\
a{color:#0b4fa8}a:focus{outline:3px solid #1a1a1a;outline-offset:2px}";

/// `tag` names the build for the reload script; `last_good` is the address
/// of this page in the last good build, when there is one.
pub fn page(findings: &[Finding], tag: &str, last_good: Option<&str>, lang: Lang) -> String {
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    let text = |m: crate::messages::Message| escape(&m.render(lang));
    let mut html = html_start(lang);
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    let _ = write!(html, "<title>{}</title><style>{STYLE}</style>", text(msg!("overlay.title", errors = errors)));
    let _ = write!(html, "</head><body><main><h1>{}</h1>", text(msg!("overlay.heading")));
    let _ = write!(html, "<p>{}</p>", text(msg!("overlay.intro")));
    if let Some(href) = last_good {
        let _ = write!(html, "<p><a href=\"{}\">{}</a></p>", escape(href), text(msg!("overlay.last_good")));
    }
    let _ = write!(html, "<h2>{}</h2><ol>", text(msg!("overlay.count", errors = errors)));
    for finding in findings {
        let (class, label) = match finding.severity {
            Severity::Error => ("error", msg!("overlay.error")),
            Severity::Warning => ("warning", msg!("overlay.warning")),
            // A hidden survey figure is as it should be: no cause of a failed build.
            Severity::Note => continue,
        };
        let _ = write!(
            html,
            "<li class=\"{class}\"><p><strong>{}</strong> <code>{}</code>",
            text(label),
            escape(&place(finding))
        );
        let _ = write!(html, "</p><p>{}</p>", text(finding.message.clone()));
        if let Some(help) = &finding.help {
            let _ = write!(html, "<p>{}</p>", text(msg!("overlay.help", help => help.clone())));
        }
        html.push_str("</li>");
    }
    let _ = write!(html, "</ol></main><script src=\"{SCRIPT_PATH}\" data-generation=\"{}\"></script>", escape(tag));
    html.push_str("</body></html>");
    html
}

/// `file:line:column`, as in the terminal and in editors' "go to" boxes.
fn place(finding: &Finding) -> String {
    let file = finding.file.display();
    match finding.position {
        p if p.line == 0 => file.to_string(),
        p => format!("{file}:{}:{}", p.line, p.column),
    }
}

fn html_start(lang: Lang) -> String {
    format!("<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\">", lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Position;

    #[test]
    fn shows_each_finding_with_its_place_and_help_escaped() {
        let findings = vec![
            Finding::error(
                "providers/a.yaml",
                Position::new(3, 7),
                crate::msg!("field.empty", field = "<b>missing</b>"),
            )
            .with_help(crate::msg!("field.empty.help")),
            Finding::warning("content/om.md", Position::WHOLE_FILE, crate::msg!("page.no_plain")),
        ];
        let page = page(&findings, "1.2", Some("/om/?brukervalg=last-good"), Lang::En);
        assert!(page.contains("<html lang=\"en\">") && page.contains("<title>") && page.contains("<h1>"));
        assert!(page.contains("providers/a.yaml:3:7"));
        assert!(
            page.contains("&lt;b&gt;missing&lt;&#x2F;b&gt;") || page.contains("&lt;b&gt;missing&lt;/b&gt;"),
            "{page}"
        );
        assert!(!page.contains("<b>missing"));
        assert!(page.contains("Help: write the text, or remove the field if it is optional"));
        assert!(page.contains("<code>content/om.md</code>"));
        assert!(page.contains("<h2>1 error</h2>"));
        assert!(page.contains("href=\"/om/?brukervalg=last-good\""));
        assert!(page.contains("data-generation=\"1.2\""));
        let norsk = super::page(&findings, "1.2", None, Lang::Nb);
        assert!(norsk.contains("<html lang=\"nb\">") && norsk.contains("<h1>Nettstedet kunne ikke bygges</h1>"));
        assert!(norsk.contains("<p>Hjelp: skriv teksten, eller fjern feltet hvis det er valgfritt</p>"), "{norsk}");
    }

    #[test]
    fn without_a_good_build_there_is_no_link_to_one() {
        let findings =
            vec![Finding::error("brukervalg.yaml", Position::new(1, 1), crate::msg!("config.missing", folder = "x"))];
        assert!(!page(&findings, "1.1", None, Lang::En).contains("last good"));
    }
}
