//! A value with the line and column it was written at.

use std::borrow::Cow;
use std::ops::Deref;

use serde::{Deserialize, Deserializer};

/// Where a value was written, for a finding about it.
pub fn at<T>(spanned: &S<T>) -> crate::diagnostics::Position {
    crate::diagnostics::Position::from_yaml(&spanned.referenced)
}

/// serde-saphyr's `Spanned`, made describable in the JSON Schema as the
/// plain value it wraps (editors should see `string`, not a span object).
#[derive(Debug, Clone)]
pub struct S<T>(pub serde_saphyr::Spanned<T>);

impl<T> Deref for S<T> {
    type Target = serde_saphyr::Spanned<T>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for S<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde_saphyr::Spanned::deserialize(deserializer).map(S)
    }
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for S<T> {
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }

    fn inline_schema() -> bool {
        T::inline_schema()
    }
}
