//! Quality indicators: figures the municipality publishes for every
//! provider of a service (staff with a health education, pupils per
//! teacher), each with its source and period. Shown beside each other,
//! never ranked or coloured: the reader judges what matters to them.

use std::hash::{Hash, Hasher};

use crate::domain::{Slug, Text};
pub use crate::load::raw::IndicatorUnit;

#[derive(Debug, Clone, Hash)]
pub struct Indicator {
    pub id: Slug,
    pub name: Text,
    pub unit: IndicatorUnit,
    pub source: String,
    pub period: String,
    /// Decimals every figure of it is shown with (0 to 2): as many as the
    /// most precise value has, so "4,0" stands beside "4,3", not "4".
    pub decimals: u8,
}

/// One provider's figure for one indicator, as read from the values file
/// (finite, and a percent within 0–100).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Value(pub f64);

impl Hash for Value {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state);
    }
}

/// The largest figure an indicator may have: beyond it a value is a typo,
/// and every value keeps an exact, short decimal form.
pub const MAX_VALUE: f64 = 1_000_000_000.0;

/// The decimals `value` needs to be shown exactly, at most two.
pub fn decimals_needed(value: Value) -> u8 {
    (0..2)
        .find(|&d| {
            let scaled = value.0 * 10f64.powi(i32::from(d));
            (scaled - scaled.round()).abs() < 1e-9
        })
        .unwrap_or(2)
}

/// A figure as Norwegian writes it: a decimal comma, `decimals` decimals,
/// thousands apart by a no-break space, and a percent as "87 %" (with a
/// no-break space, so the sign never starts a line).
pub fn format(value: Value, unit: IndicatorUnit, decimals: u8) -> String {
    let decimals = usize::from(decimals.min(2));
    let text = format!("{:.*}", decimals, value.0.abs());
    let negative = value.0 < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let (whole, decimals) = text.split_once('.').unwrap_or((&text, ""));
    let whole: usize = whole.parse().unwrap_or(0);
    let mut out = String::new();
    if negative {
        out.push('\u{2212}');
    }
    out.push_str(&crate::domain::grouped(whole));
    if !decimals.is_empty() {
        out.push(',');
        out.push_str(decimals);
    }
    if unit == IndicatorUnit::Percent {
        out.push_str("\u{a0}%");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_have_a_decimal_comma_and_a_spaced_percent_sign() {
        assert_eq!(format(Value(87.0), IndicatorUnit::Percent, 0), "87\u{a0}%");
        assert_eq!(format(Value(87.5), IndicatorUnit::Percent, 1), "87,5\u{a0}%");
        assert_eq!(format(Value(4.25), IndicatorUnit::Number, 2), "4,25");
        assert_eq!(format(Value(4.0), IndicatorUnit::Number, 1), "4,0");
        assert_eq!(format(Value(12.0), IndicatorUnit::Number, 0), "12");
        assert_eq!(format(Value(12345.678), IndicatorUnit::Number, 2), "12\u{a0}345,68");
        assert_eq!(format(Value(-1.5), IndicatorUnit::Number, 1), "\u{2212}1,5");
        assert_eq!(format(Value(-0.001), IndicatorUnit::Number, 2), "0,00");
    }

    #[test]
    fn the_most_precise_value_decides_the_decimals() {
        assert_eq!(decimals_needed(Value(4.0)), 0);
        assert_eq!(decimals_needed(Value(4.3)), 1);
        assert_eq!(decimals_needed(Value(4.25)), 2);
        assert_eq!(decimals_needed(Value(4.125)), 2);
    }
}
