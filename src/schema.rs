//! JSON Schemas of the input formats, derived from the same types the
//! loader reads, so editors can offer completion and flag mistakes as
//! providers type.

use schemars::Schema;
use serde_json::Value;

use crate::load::raw::{RawPage, RawProvider, RawSiteConfig, RawSurvey};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    /// A provider profile of a home-care service
    Provider,
    /// A school's profile
    School,
    /// A kindergarten's profile
    Kindergarten,
    /// A nursing home's profile
    NursingHome,
    /// The site configuration, brukervalg.yaml
    Site,
    /// The front matter of a page under content/
    Page,
    /// A user survey's description under surveys/
    Survey,
}

impl SchemaKind {
    pub const ALL: [SchemaKind; 7] = [
        SchemaKind::Provider,
        SchemaKind::School,
        SchemaKind::Kindergarten,
        SchemaKind::NursingHome,
        SchemaKind::Site,
        SchemaKind::Page,
        SchemaKind::Survey,
    ];

    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::Provider => "provider.schema.json",
            SchemaKind::School => "school.schema.json",
            SchemaKind::Kindergarten => "kindergarten.schema.json",
            SchemaKind::NursingHome => "nursing-home.schema.json",
            SchemaKind::Site => "site.schema.json",
            SchemaKind::Page => "page.schema.json",
            SchemaKind::Survey => "survey.schema.json",
        }
    }
}

pub fn schema(kind: SchemaKind) -> String {
    let mut schema: Schema = match kind {
        SchemaKind::Provider | SchemaKind::School | SchemaKind::Kindergarten | SchemaKind::NursingHome => {
            schemars::schema_for!(RawProvider)
        }
        SchemaKind::Site => schemars::schema_for!(RawSiteConfig),
        SchemaKind::Page => schemars::schema_for!(RawPage),
        SchemaKind::Survey => schemars::schema_for!(RawSurvey),
    };
    let title = match kind {
        SchemaKind::Provider => "brukervalg provider profile",
        SchemaKind::School => "brukervalg school profile",
        SchemaKind::Kindergarten => "brukervalg kindergarten profile",
        SchemaKind::NursingHome => "brukervalg nursing-home profile",
        SchemaKind::Site => "brukervalg site configuration",
        SchemaKind::Page => "brukervalg page front matter",
        SchemaKind::Survey => "brukervalg user survey",
    };
    schema.insert("title".into(), Value::from(title));
    // The same Rust type reads every profile; each kind's block is required
    // in its own profile and absent from the others.
    let own = match kind {
        SchemaKind::School => Some("school"),
        SchemaKind::Kindergarten => Some("kindergarten"),
        SchemaKind::NursingHome => Some("nursing_home"),
        SchemaKind::Provider => None,
        SchemaKind::Site | SchemaKind::Page | SchemaKind::Survey => return finish(&schema),
    };
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        properties.retain(|key, _| !KIND_BLOCKS.contains(&key.as_str()) || Some(key.as_str()) == own);
    }
    if let (Some(own), Some(Value::Array(required))) = (own, schema.get_mut("required")) {
        required.push(Value::from(own));
    }
    finish(&schema)
}

/// The profile blocks only one kind of service has.
const KIND_BLOCKS: [&str; 3] = ["school", "kindergarten", "nursing_home"];

fn finish(schema: &Schema) -> String {
    serde_json::to_string_pretty(schema).unwrap_or_default() + "\n"
}
