use std::fmt;

/// A text that is not `#rrggbb` or `#rgb` (the finding says how to write it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAColour;

/// A colour written as `#rrggbb`, as a municipality's brand guide gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour {
    rgb: [u8; 3],
}

impl Colour {
    pub const WHITE: Colour = Colour { rgb: [255, 255, 255] };

    /// Accepts `#rrggbb` and the short form `#rgb`, in either case.
    pub fn parse(raw: &str) -> Result<Colour, NotAColour> {
        let hex = raw.trim().strip_prefix('#').ok_or(NotAColour)?;
        let digits: Vec<u8> =
            hex.chars().map(|c| c.to_digit(16).map(|d| d as u8)).collect::<Option<_>>().ok_or(NotAColour)?;
        let rgb = match digits[..] {
            [r, g, b] => [r * 17, g * 17, b * 17],
            [r1, r2, g1, g2, b1, b2] => [r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2],
            _ => return Err(NotAColour),
        };
        Ok(Colour { rgb })
    }

    /// Relative luminance as WCAG 2.1 defines it (sRGB, linearised).
    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        let [r, g, b] = self.rgb.map(channel);
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    /// The WCAG contrast ratio between two colours, from 1 to 21.
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (light, dark) = if a > b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.rgb;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_the_wcag_reference_values() {
        let black = Colour::parse("#000").unwrap();
        assert!((black.contrast(Colour::WHITE) - 21.0).abs() < 1e-9);
        // #767676 on white is the well-known lightest grey that passes AA.
        let grey = Colour::parse("#767676").unwrap();
        assert!(grey.contrast(Colour::WHITE) >= 4.5 && grey.contrast(Colour::WHITE) < 4.6);
        let light = Colour::parse("#777777").unwrap();
        assert!(light.contrast(Colour::WHITE) < 4.5);
    }

    #[test]
    fn only_hex_colours_are_accepted_and_they_print_in_long_form() {
        assert_eq!(Colour::parse("#1E5B8C").unwrap().to_string(), "#1e5b8c");
        assert_eq!(Colour::parse("#fff").unwrap(), Colour::WHITE);
        for bad in ["1e5b8c", "#1e5b8", "#12345g", "blue", "#"] {
            assert!(Colour::parse(bad).is_err(), "{bad}");
        }
    }
}
