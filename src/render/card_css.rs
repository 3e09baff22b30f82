//! The narrow-screen cards of the comparison tables: the label each cell
//! shows before its value, once per site in a style sheet of its own.

use super::context::{KINDS, kind_key, strings_for_kind};
use crate::domain::Variant;
use crate::i18n::Translations;
use crate::model::{ServiceKind, Site};

/// The keys of the labels a comparison table's cells show before their
/// values when its rows become cards on a narrow screen ("Trinn: 1–7"), in
/// the order of the columns after the name in `provider-table.html`.
fn card_label_keys(kind: ServiceKind, survey: bool) -> impl Iterator<Item = &'static str> {
    [
        match kind {
            ServiceKind::School => Some("fact_grades"),
            ServiceKind::Kindergarten => Some("fact_ages"),
            ServiceKind::NursingHome => Some("fact_units"),
            ServiceKind::HomeCare => None,
        },
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
    out.push_str(&indicator_labels_css(site));
    out
}

/// The indicator columns' card labels, as the kinds' labels are made
/// (`views::card_labels_css`): a custom property per column (`--q1` for the
/// first indicator) by service and wording, and the rules that show them
/// once the table has become cards. Indicators differ from service to
/// service, so they are labelled by a class of the service's own.
fn indicator_labels_css(site: &Site) -> String {
    let mut out = String::new();
    let mut most = 0;
    for variant in [Variant::Standard, Variant::Plain] {
        for service in site.services.iter().filter(|s| !s.indicators.is_empty()) {
            let labels: Vec<String> = service
                .indicators
                .iter()
                .enumerate()
                .map(|(i, indicator)| format!("--q{}:{}", i + 1, css_string(indicator.name.for_variant(variant))))
                .collect();
            most = most.max(labels.len());
            out.push_str(&format!(
                ".{}{{{}}}\n",
                super::quality_views::indicator_class(&service.id, &service.indicators, variant.is_plain()),
                labels.join(";")
            ));
        }
    }
    if most > 0 {
        // The same queries as the cards of style.css: every table, and
        // large print with these columns sooner.
        for (width, table) in [("44em", ".providers-table"), ("64em", ".large-print .providers-table[class*=\" q-\"]")]
        {
            out.push_str(&format!("@container (max-width: {width}){{"));
            for i in 1..=most {
                out.push_str(&format!("{table} td.q{i}::before{{content:var(--q{i}) \": \"}}"));
            }
            out.push_str("}\n");
        }
        // The label is shown, not read: a screen reader names the cell by
        // its column header already. Only where the browser knows the
        // alternative-text syntax, as with var() it would drop the label.
        out.push_str("@supports (content: \"\" / \"\"){");
        for (width, table) in [("44em", ".providers-table"), ("64em", ".large-print .providers-table[class*=\" q-\"]")]
        {
            out.push_str(&format!("@container (max-width: {width}){{"));
            for i in 1..=most {
                out.push_str(&format!("{table} td.q{i}::before{{content:var(--q{i}) \": \" / \"\"}}"));
            }
            out.push('}');
        }
        out.push_str("}\n");
    }
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
