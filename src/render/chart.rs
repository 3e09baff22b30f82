//! Survey charts as inline SVG, drawn at build time: horizontal bars per
//! question with the municipality's average as a reference mark. Readable
//! without colour (every value is written out, the mark is a shape), and
//! always followed by a table with the same numbers.

use std::fmt::Write as _;

use crate::html::escape;
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

/// The drawing's size and type size. One narrow layout for every screen:
/// the chart is drawn for a phone's column and scales up on wider screens
/// to at most `max_width_px` (set in the stylesheet, `.chart`), so its text
/// is never drawn smaller than on the narrowest phone.
pub struct Layout {
    /// viewBox width in user units.
    pub width: f64,
    /// Font size in user units, for every text in the chart.
    pub font: f64,
}

impl Layout {
    /// Standard pages: 17 px text at the stylesheet's 360 px width, 12.3 px
    /// in a 260 px column. Large print: 24 px text at 360 px width
    /// (`.large-print .chart`), 17 px in a 260 px column.
    pub fn for_variant(large: bool) -> Layout {
        if large { Layout { width: 300.0, font: 20.0 } } else { Layout { width: 360.0, font: 17.0 } }
    }

    /// Characters per line of a label: an average glyph of the system sans
    /// serif is about 0.55 em wide, and a reader's text spacing (WCAG
    /// 1.4.12: letters 0.12 em apart, words 0.16 em more) makes it about
    /// 0.7 em; SVG text cannot wrap itself, so lines are cut for that.
    fn chars_per_line(&self, indent: f64) -> usize {
        ((self.width - 2.0 * PLOT_LEFT - indent) / (self.font * GLYPH_EM)).floor() as usize
    }
}

/// The width of an average glyph with the widest text spacing a reader may
/// set (see `chars_per_line`).
const GLYPH_EM: f64 = 0.7;

impl Layout {}

const PLOT_LEFT: f64 = 8.0;

/// The chart. `id` must be unique on the page; `large` draws larger text
/// for the large-print pages.
pub fn bar_chart(id: &str, rows: &[Row], scale: Scale, labels: &Labels, large: bool) -> String {
    let layout = Layout::for_variant(large);
    let (width, font) = (layout.width, layout.font);
    // Whole units keep the coordinates short and free of float noise.
    let line_height = (font * 1.3).round();
    let bar_height = (font * 1.4).round();
    let plot_left = PLOT_LEFT;
    let plot_width = width - 2.0 * plot_left;
    let x = |v: f64| plot_left + plot_width * (v - f64::from(scale.min)) / f64::from(scale.max - scale.min);
    let mut body = String::new();
    let mut y = 8.0;

    // Legend: a bar swatch and the reference mark, named in words, one
    // entry under the other (side by side they would not fit a phone).
    let text_x = plot_left + font + 6.0;
    let _ = write!(
        body,
        r##"<g class="legend"><rect x="{plot_left}" y="{y}" width="{font}" height="{font}" fill="#00509e"/>"##
    );
    for (i, line) in wrap(labels.provider, layout.chars_per_line(font + 6.0)).iter().enumerate() {
        if i > 0 {
            y += line_height;
        }
        let _ = write!(body, r#"<text x="{text_x}" y="{ty}">{}</text>"#, escape(line), ty = y + font * 0.85);
    }
    y += font + 10.0;
    let mark_x = plot_left + font / 2.0;
    let _ = write!(
        body,
        r##"<path d="M{mark_x} {y} v{h}" stroke="#1a1a1a" stroke-width="3"/><path d="M{dl} {dy} l5 -5 l5 5 l-5 5 z" fill="#1a1a1a"/>"##,
        h = font,
        dl = mark_x - 5.0,
        dy = y + font / 2.0,
    );
    // Wrapped too: "Snitt i kommunen (bare leverandørene som vises)" is
    // longer than a phone's line.
    for (i, line) in wrap(labels.reference, layout.chars_per_line(font + 6.0)).iter().enumerate() {
        if i > 0 {
            y += line_height;
        }
        let _ = write!(body, r#"<text x="{text_x}" y="{ty}">{}</text>"#, escape(line), ty = y + font * 0.85);
    }
    body.push_str("</g>");
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
        for line in wrap(row.label, layout.chars_per_line(0.0)) {
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
        // The figure under its bar, wrapped like the labels: with a
        // reader's text spacing "5,8 (usikkert, få svar)" is wider than a
        // large-print chart.
        let (class, under) = match row.value {
            Some(v) => {
                let fill = if row.uncertain { format!("url(#{id}-hatch)") } else { "#00509e".to_string() };
                let _ = write!(
                    body,
                    r##"<rect x="{plot_left}" y="{top}" width="{w:.1}" height="{bar_height}" fill="{fill}" stroke="#00509e"/>"##,
                    w = x(v) - plot_left
                );
                let note = if row.uncertain { format!(" ({})", labels.uncertain) } else { String::new() };
                ("value", format!("{}{note}", number(v)))
            }
            None => ("missing", row.missing_text.to_string()),
        };
        let under = wrap(&under, layout.chars_per_line(0.0));
        for (i, line) in under.iter().enumerate() {
            let _ = write!(
                body,
                r#"<text x="{plot_left}" y="{ty}" class="{class}" font-weight="bold">{}</text>"#,
                escape(line),
                ty = top + bar_height + line_height * (i + 1) as f64
            );
        }
        let extra_lines = under.len().saturating_sub(1) as f64;
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
        y += bar_height + line_height * (1.0 + extra_lines) + 12.0;
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

    /// The narrowest column a chart is drawn in: a 320 px screen less the
    /// page's side padding (WCAG 1.4.10 reflow width).
    const NARROWEST_COLUMN_PX: f64 = 260.0;
    /// The smallest text a chart may show on screen, in CSS px.
    const MIN_TEXT_PX: f64 = 12.0;

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

    /// The number in `name="..."` (the last of several, as in a viewBox).
    fn attr(svg: &str, name: &str) -> f64 {
        let start = svg.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
        let value = &svg[start..start + svg[start..].find('"').unwrap()];
        value.split(' ').nth(2).unwrap_or(value).parse().unwrap()
    }

    fn chart(label: &str, large: bool) -> String {
        let rows = [Row {
            question_id: "q",
            label,
            value: Some(3.5),
            uncertain: true,
            reference: Some(4.0),
            missing_text: "",
        }];
        let labels = Labels {
            title: "T",
            description: "D",
            provider: "Hjemmetjenesten Fjordvik Nord og Sør AS",
            // As a question with a hidden provider labels it.
            reference: "Snitt i kommunen (bare leverandørene som vises)",
            uncertain: "usikkert",
        };
        bar_chart("c", &rows, Scale { min: 1, max: 6 }, &labels, large)
    }

    #[test]
    fn chart_text_is_at_least_12_px_even_in_the_narrowest_column() {
        for large in [false, true] {
            let svg = chart("Får du hjelp til det du trenger?", large);
            // One font size for the whole chart, set on the root, and the
            // viewBox width that scales it.
            assert_eq!(svg.matches("font-size=").count(), 1);
            let (font, viewbox_width) = (attr(&svg, "font-size"), attr(&svg, "viewBox"));
            let px = font * NARROWEST_COLUMN_PX / viewbox_width;
            assert!(px >= MIN_TEXT_PX, "large={large}: {px:.1} px in a {NARROWEST_COLUMN_PX} px column");
        }
    }

    #[test]
    fn long_labels_and_names_wrap_inside_the_drawing() {
        let long = "Opplever du at de som hjelper deg har nok tid til å gjøre det de skal, også når det er travelt?";
        for large in [false, true] {
            let svg = chart(long, large);
            let layout = Layout::for_variant(large);
            let lines: Vec<&str> =
                svg.split("<text ").skip(1).map(|t| &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()]).collect();
            assert!(lines.len() > 8, "the label and the name are wrapped: {lines:?}");
            for line in lines {
                let drawn = line.chars().count() as f64 * layout.font * GLYPH_EM;
                assert!(drawn <= layout.width - 2.0 * PLOT_LEFT, "large={large}: {line:?} is too long");
            }
            let text: String =
                svg.split("class=\"label\">").skip(1).map(|t| &t[..t.find('<').unwrap()]).collect::<Vec<_>>().join(" ");
            assert_eq!(text, long, "no word of the label is lost");
        }
    }

    #[test]
    fn a_bar_and_its_reference_mark_stand_where_the_scale_puts_them() {
        // Scale 1–6 over a 344-unit plot (360 wide, 8 each side): 3.5 is
        // half way, the reference 4.0 three fifths along.
        let svg = chart("Spørsmål", false);
        assert!(svg.contains(r#"<rect x="8" y="#) && svg.contains(r#" width="172.0" "#), "{svg}");
        assert!(svg.contains(r#"<path d="M214.4 "#), "{svg}");
        // Every number in an attribute is short: no float noise such as
        // 214.39999999999998.
        for value in svg.split('"').skip(1).step_by(2) {
            for number in value.split([' ', 'M', 'v', 'l', 'z']).filter(|n| n.parse::<f64>().is_ok()) {
                let decimals = number.split('.').nth(1).map_or(0, str::len);
                assert!(decimals <= 2, "{number} in {value:?}");
            }
        }
    }

    #[test]
    fn wraps_long_labels_at_spaces() {
        assert_eq!(wrap("en to tre fire", 7), ["en to", "tre", "fire"]);
    }
}
