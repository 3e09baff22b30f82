//! JSON Schemas of the input formats, derived from the same types the
//! loader reads, so editors can offer completion and flag mistakes as
//! providers type.

use schemars::Schema;
use serde_json::Value;

use crate::load::raw::{RawPage, RawProvider, RawSiteConfig, RawSurvey};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    /// A provider profile of a service that is not a school
    Provider,
    /// A school's profile
    School,
    /// The site configuration, brukervalg.yaml
    Site,
    /// The front matter of a page under content/
    Page,
    /// A user survey's description under surveys/
    Survey,
}

impl SchemaKind {
    pub const ALL: [SchemaKind; 5] =
        [SchemaKind::Provider, SchemaKind::School, SchemaKind::Site, SchemaKind::Page, SchemaKind::Survey];

    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::Provider => "provider.schema.json",
            SchemaKind::School => "school.schema.json",
            SchemaKind::Site => "site.schema.json",
            SchemaKind::Page => "page.schema.json",
            SchemaKind::Survey => "survey.schema.json",
        }
    }
}

pub fn schema(kind: SchemaKind) -> String {
    let mut schema: Schema = match kind {
        SchemaKind::Provider | SchemaKind::School => schemars::schema_for!(RawProvider),
        SchemaKind::Site => schemars::schema_for!(RawSiteConfig),
        SchemaKind::Page => schemars::schema_for!(RawPage),
        SchemaKind::Survey => schemars::schema_for!(RawSurvey),
    };
    let title = match kind {
        SchemaKind::Provider => "brukervalg provider profile",
        SchemaKind::School => "brukervalg school profile",
        SchemaKind::Site => "brukervalg site configuration",
        SchemaKind::Page => "brukervalg page front matter",
        SchemaKind::Survey => "brukervalg user survey",
    };
    schema.insert("title".into(), Value::from(title));
    // The same Rust type reads both profiles; only schools have `school`.
    match kind {
        SchemaKind::School => {
            if let Some(Value::Array(required)) = schema.get_mut("required") {
                required.push(Value::from("school"));
            }
        }
        SchemaKind::Provider => {
            if let Some(Value::Object(properties)) = schema.get_mut("properties") {
                properties.remove("school");
            }
        }
        _ => {}
    }
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
