use super::variant::Variant;

/// A piece of prose with its optional plain-language companion.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Text {
    pub standard: String,
    pub plain: Option<String>,
}

impl Text {
    pub fn new(standard: String, plain: Option<String>) -> Text {
        Text { standard, plain }
    }

    /// The wording a reader of `variant` gets: plain where it exists.
    pub fn for_variant(&self, variant: Variant) -> &str {
        match &self.plain {
            Some(plain) if variant.is_plain() => plain,
            _ => &self.standard,
        }
    }
}
