//! A picture's own width and height, read from its file: the page states
//! them on the `<img>` so the browser keeps the picture's place before it
//! has loaded it, and nothing below it jumps (WCAG's stable layout, and
//! layout shift in Lighthouse).

/// Width and height in CSS pixels, both at least 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct PictureSize {
    pub width: u32,
    pub height: u32,
}

/// Larger sides than this are no logo; a file claiming them is treated as
/// saying nothing.
const MAX_SIDE: f64 = 10_000.0;

impl PictureSize {
    /// The size a PNG or SVG file declares; `None` when it declares none
    /// that is usable (an SVG sized in percent with no `viewBox`, a file
    /// that is neither).
    pub fn of(bytes: &[u8]) -> Option<PictureSize> {
        png(bytes).or_else(|| svg(std::str::from_utf8(bytes).ok()?))
    }

    fn new(width: f64, height: f64) -> Option<PictureSize> {
        let side = |v: f64| (v.is_finite() && v > 0.0 && v <= MAX_SIDE).then(|| (v.round() as u32).max(1));
        Some(PictureSize { width: side(width)?, height: side(height)? })
    }
}

/// A PNG's header chunk comes first and holds the size, big-endian.
fn png(bytes: &[u8]) -> Option<PictureSize> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    let rest = bytes.strip_prefix(SIGNATURE)?;
    let header = rest.get(4..16).filter(|h| h.starts_with(b"IHDR"))?;
    let number = |b: &[u8]| f64::from(u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    PictureSize::new(number(&header[4..8]), number(&header[8..12]))
}

/// An SVG's `width` and `height` in pixels, or its `viewBox` for what they
/// leave out (keeping the box's shape when one side is given).
fn svg(text: &str) -> Option<PictureSize> {
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let length = |name: &str| attribute(tag, name).and_then(pixels);
    let view_box = attribute(tag, "viewBox").and_then(|v| {
        let numbers: Vec<f64> = v
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|n| !n.is_empty())
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        match numbers[..] {
            [_, _, w, h] if w > 0.0 && h > 0.0 => Some((w, h)),
            _ => None,
        }
    });
    match (length("width"), length("height"), view_box) {
        (Some(w), Some(h), _) => PictureSize::new(w, h),
        (Some(w), None, Some((bw, bh))) => PictureSize::new(w, w * bh / bw),
        (None, Some(h), Some((bw, bh))) => PictureSize::new(h * bw / bh, h),
        (None, None, Some((bw, bh))) => PictureSize::new(bw, bh),
        _ => None,
    }
}

/// The value of attribute `name` in `tag`, quoted with either quote.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let mut rest = tag;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + name.len()..].trim_start();
        rest = &rest[at + name.len()..];
        // `stroke-width` is not `width`.
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(value) = after.strip_prefix('=').map(str::trim_start) else { continue };
        let quote = value.chars().next().filter(|q| matches!(q, '"' | '\''))?;
        let value = &value[1..];
        return value.find(quote).map(|end| &value[..end]);
    }
    None
}

/// A length in pixels: a bare number or one in `px`; other units say
/// nothing about pixels.
fn pixels(value: &str) -> Option<f64> {
    let value = value.trim();
    value.strip_suffix("px").unwrap_or(value).trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(width: u32, height: u32) -> Option<PictureSize> {
        Some(PictureSize { width, height })
    }

    #[test]
    fn an_svg_gives_its_width_and_height_or_its_view_box() {
        let both = br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 36" width="32" height="36"><path stroke-width="2.5"/></svg>"#;
        assert_eq!(PictureSize::of(both), size(32, 36));
        assert_eq!(PictureSize::of(br#"<svg viewBox="0,0,120.4,40"><g/></svg>"#), size(120, 40));
        assert_eq!(PictureSize::of(br#"<svg width='60px' viewBox="0 0 120 40">"#), size(60, 20));
        assert_eq!(PictureSize::of(br#"<svg height="20" viewBox="0 0 120 40">"#), size(60, 20));
    }

    #[test]
    fn an_svg_sized_in_other_units_or_not_at_all_gives_none() {
        assert_eq!(PictureSize::of(br#"<svg width="100%" height="2em">"#), None);
        assert_eq!(PictureSize::of(br#"<svg stroke-width="3" xmlns="x">"#), None);
        assert_eq!(PictureSize::of(br#"<svg viewBox="0 0 0 40">"#), None);
        assert_eq!(PictureSize::of(br#"<svg width="99999999" height="1">"#), None);
        assert_eq!(PictureSize::of(b"not a picture"), None);
    }

    #[test]
    fn a_png_gives_the_size_in_its_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&200u32.to_be_bytes());
        png.extend_from_slice(&64u32.to_be_bytes());
        png.extend_from_slice(&[8, 6, 0, 0, 0]);
        assert_eq!(PictureSize::of(&png), size(200, 64));
        assert_eq!(PictureSize::of(&png[..20]), None);
    }
}
