//! Survey charts as inline SVG, drawn at build time: horizontal bars per
//! question with the municipality's average as a reference mark. Readable
//! without colour (every value is written out, the mark is a shape), and
//! always followed by a table with the same numbers.

use std::fmt::Write as _;

use crate::model::survey::Scale;

pub struct Row<'a> {
    pub question_id: &'a str,
    pub label: &'a str,
    /// `None` when the figure is not published.
    pub value: Option<f64>,
    pub uncertain: bool,
    pub reference: Option<f64>,
    /// Written where the bar would be when there is none ("For få svar").
    pub missing_text: &'a str,
}

pub struct Labels<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub provider: &'a str,
    pub reference: &'a str,
    pub uncertain: &'a str,
}

/// Norwegian decimal comma.
pub fn number(x: f64) -> String {
    format!("{x:.1}").replace('.', ",")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Splits `text` into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The chart. `id` must be unique on the page; `large` draws larger text
/// for the large-print pages.
pub fn bar_chart(id: &str, rows: &[Row], scale: Scale, labels: &Labels, large: bool) -> String {
    // Large print draws on a narrower canvas, so that on a phone the text
    // is scaled down less.
    let (width, font, line_height, bar_height, wrap_at) =
        if large { (360.0, 20.0, 26.0, 28.0, 30) } else { (640.0, 15.0, 20.0, 22.0, 72) };
    let plot_left = 8.0;
    let plot_width = width - 2.0 * plot_left;
    let x = |v: f64| plot_left + plot_width * (v - f64::from(scale.min)) / f64::from(scale.max - scale.min);
    let mut body = String::new();
    let mut y = 8.0;

    // Legend: a bar swatch and the reference mark, named in words.
    let _ = write!(
        body,
        r##"<g class="legend"><rect x="{plot_left}" y="{y}" width="{s}" height="{s}" fill="#00509e"/><text x="{tx}" y="{ty}">{}</text>"##,
        escape(labels.provider),
        s = font,
        tx = plot_left + font + 6.0,
        ty = y + font * 0.85,
    );
    let mark_x = if large { plot_left } else { plot_left + 260.0 };
    if large {
        // The two legend entries on separate lines.
        y += font + 10.0;
    }
    let _ = write!(
        body,
        r##"<path d="M{mark_x} {y} v{h}" stroke="#1a1a1a" stroke-width="3"/><path d="M{dl} {dy} l5 -5 l5 5 l-5 5 z" fill="#1a1a1a"/><text x="{tx}" y="{ty}">{}</text></g>"##,
        escape(labels.reference),
        h = font,
        dl = mark_x - 5.0,
        dy = y + font / 2.0,
        tx = mark_x + 12.0,
        ty = y + font * 0.85,
    );
    y += font + 14.0;

    // Scale ticks.
    let _ = write!(body, r#"<g class="axis">"#);
    for v in scale.min..=scale.max {
        let anchor = if v == scale.min {
            "start"
        } else if v == scale.max {
            "end"
        } else {
            "middle"
        };
        let _ = write!(
            body,
            r##"<text x="{}" y="{}" text-anchor="{anchor}">{v}</text>"##,
            x(f64::from(v)),
            y + font * 0.85
        );
    }
    let _ = write!(body, "</g>");
    y += font + 8.0;

    for row in rows {
        let _ = write!(body, r#"<g class="question" data-question="{}""#, escape(row.question_id));
        if let Some(v) = row.value {
            let _ = write!(body, r#" data-value="{v:.1}""#);
        }
        if let Some(r) = row.reference {
            let _ = write!(body, r#" data-reference="{r:.1}""#);
        }
        body.push('>');
        for line in wrap(row.label, wrap_at) {
            y += line_height;
            let _ = write!(body, r#"<text x="{plot_left}" y="{y}" class="label">{}</text>"#, escape(&line));
        }
        y += 8.0;
        let top = y;
        // The track shows the whole scale, so a short bar reads as low.
        let _ = write!(
            body,
            r##"<rect x="{plot_left}" y="{top}" width="{plot_width}" height="{bar_height}" fill="#ffffff" stroke="#767676"/>"##
        );
        match row.value {
            Some(v) => {
                let fill = if row.uncertain { format!("url(#{id}-hatch)") } else { "#00509e".to_string() };
                let _ = write!(
                    body,
                    r##"<rect x="{plot_left}" y="{top}" width="{w:.1}" height="{bar_height}" fill="{fill}" stroke="#00509e"/>"##,
                    w = x(v) - plot_left
                );
                let note = if row.uncertain { format!(" ({})", labels.uncertain) } else { String::new() };
                let _ = write!(
                    body,
                    r#"<text x="{plot_left}" y="{ty}" class="value" font-weight="bold">{}{}</text>"#,
                    number(v),
                    escape(&note),
                    ty = top + bar_height + line_height
                );
            }
            None => {
                let _ = write!(
                    body,
                    r#"<text x="{plot_left}" y="{ty}" class="missing" font-weight="bold">{}</text>"#,
                    escape(row.missing_text),
                    ty = top + bar_height + line_height
                );
            }
        }
        if let Some(r) = row.reference {
            let rx = x(r);
            let _ = write!(
                body,
                // A white halo keeps the black mark distinct on the blue bar.
                r##"<path d="M{rx:.1} {t} v{h}" stroke="#ffffff" stroke-width="7"/><path d="M{rx:.1} {t} v{h}" stroke="#1a1a1a" stroke-width="3"/><path d="M{dl:.1} {dy} l5 -5 l5 5 l-5 5 z" fill="#1a1a1a" stroke="#ffffff" stroke-width="1.5"/>"##,
                t = top - 3.0,
                h = bar_height + 6.0,
                dl = rx - 5.0,
                dy = top + bar_height + 3.0,
            );
        }
        body.push_str("</g>");
        y += bar_height + line_height + 12.0;
    }
    let height = y + 8.0;
    format!(
        r##"<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{id}-title {id}-desc" font-size="{font}" font-family="system-ui, sans-serif" fill="#1a1a1a"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc><defs><pattern id="{id}-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"/><rect width="4" height="8" fill="#00509e"/></pattern></defs>{body}</svg>"##,
        escape(labels.title),
        escape(labels.description),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_bar_per_published_question_and_text_for_the_others() {
        let rows = [
            Row {
                question_id: "respekt",
                label: "Respekt <&>",
                value: Some(4.8),
                uncertain: false,
                reference: Some(4.9),
                missing_text: "For få svar",
            },
            Row {
                question_id: "tid",
                label: "Tid",
                value: None,
                uncertain: false,
                reference: Some(4.2),
                missing_text: "For få svar",
            },
        ];
        let labels = Labels {
            title: "T",
            description: "D",
            provider: "Leverandøren",
            reference: "Snitt",
            uncertain: "usikkert",
        };
        let svg = bar_chart("c1", &rows, Scale { min: 1, max: 6 }, &labels, false);
        assert!(svg.contains(r#"data-question="respekt" data-value="4.8" data-reference="4.9""#));
        assert!(svg.contains(r#"data-question="tid" data-reference="4.2""#));
        assert!(svg.contains(">4,8<"));
        assert!(svg.contains("For få svar"));
        assert!(svg.contains("Respekt &lt;&amp;&gt;"));
        assert!(svg.contains(r#"aria-labelledby="c1-title c1-desc""#));
    }

    #[test]
    fn wraps_long_labels_at_spaces() {
        assert_eq!(wrap("en to tre fire", 7), ["en to", "tre", "fire"]);
    }
}
