/// The four versions of every page. A variant is a parameter of rendering, not
/// a copy of the templates: the same template renders all four.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Variant {
    Standard,
    Plain,
    LargePrint,
    LargePrintPlain,
}

impl Variant {
    pub const ALL: [Variant; 4] = [Variant::Standard, Variant::Plain, Variant::LargePrint, Variant::LargePrintPlain];

    /// Where the variant's tree starts, relative to the site root.
    pub fn root(self) -> &'static str {
        match self {
            Variant::Standard => "",
            Variant::Plain => "lettlest/",
            Variant::LargePrint => "stor-skrift/",
            Variant::LargePrintPlain => "stor-skrift/lettlest/",
        }
    }

    pub fn is_plain(self) -> bool {
        matches!(self, Variant::Plain | Variant::LargePrintPlain)
    }

    pub fn is_large_print(self) -> bool {
        matches!(self, Variant::LargePrint | Variant::LargePrintPlain)
    }

    /// The same words in ordinary print: a large-print page's text is that
    /// page's, so search engines are pointed there (`rel=canonical`).
    pub fn in_ordinary_print(self) -> Variant {
        match self {
            Variant::LargePrint => Variant::Standard,
            Variant::LargePrintPlain => Variant::Plain,
            other => other,
        }
    }
}
