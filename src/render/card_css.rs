//! The narrow-screen cards of the comparison tables: the label each cell
//! shows before its value, once per site in a style sheet of its own.

use super::views::{KINDS, kind_key, strings_for_kind};
use crate::domain::Variant;
use crate::i18n::Translations;
use crate::model::{ServiceKind, Site};

/// The keys of the labels a comparison table's cells show before their
/// values when its rows become cards on a narrow screen ("Trinn: 1–7"), in
/// the order of the columns after the name in `provider-table.html`.
fn card_label_keys(kind: ServiceKind, survey: bool) -> impl Iterator<Item = &'static str> {
    [
        (kind == ServiceKind::School).then_some("fact_grades"),
        Some("fact_capacity"),
        Some("fact_districts"),
        survey.then_some("col_survey"),
        Some("fact_languages"),
        Some("col_inspection"),
    ]
    .into_iter()
    .flatten()
}

/// The class that gives a comparison table its card labels, by kind of
/// service, wording and whether it has the survey column; the labels
/// themselves are in the site's card style sheet (`card_labels_css`), so
/// no row repeats them and pages carry no inline style.
pub fn card_class(kind: ServiceKind, plain: bool, survey: bool) -> String {
    format!("cards-{}{}{}", kind_key(kind), if plain { "-plain" } else { "" }, if survey { "-survey" } else { "" })
}

/// The card labels of every kind of service the site has, as custom
/// properties (`--c2` for the second column, and so on) that the card
/// layout in style.css shows.
pub fn card_labels_css(site: &Site, t: &Translations) -> String {
    let mut out =
        String::from("/* Made by brukervalg from the i18n file: the column labels of the provider tables' cards. */\n");
    let kinds: Vec<ServiceKind> = KINDS.into_iter().filter(|k| site.services.iter().any(|s| s.kind == *k)).collect();
    for variant in [Variant::Standard, Variant::Plain] {
        let strings = t.strings_for(variant);
        for &kind in &kinds {
            let words = strings_for_kind(&strings, kind);
            for survey in [false, true] {
                let labels: Vec<String> = card_label_keys(kind, survey)
                    .enumerate()
                    .map(|(i, key)| format!("--c{}:{}", i + 2, css_string(words.get(key).copied().unwrap_or(key))))
                    .collect();
                out.push_str(&format!(".{}{{{}}}\n", card_class(kind, variant.is_plain(), survey), labels.join(";")));
            }
        }
    }
    out.push_str(&super::quality_views::indicator_labels_css(site, t));
    out
}

/// `text` as a quoted CSS string: quotes and backslashes escaped, line
/// breaks and other control characters as hexadecimal escapes.
pub(crate) fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::css_string;

    #[test]
    fn a_label_cannot_end_its_css_string_or_start_a_rule() {
        assert_eq!(css_string("Språk"), "\"Språk\"");
        assert_eq!(css_string("a\"}b{c:d"), "\"a\\\"}b{c:d\"");
        assert_eq!(css_string("back\\slash"), "\"back\\\\slash\"");
        assert_eq!(css_string("two\nlines"), "\"two\\a lines\"");
    }
}
