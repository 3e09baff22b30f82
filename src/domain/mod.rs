//! Small value types that carry meaning, so that an invalid organisation
//! number or slug cannot travel further than the validation step.

mod colour;
mod date;
mod language_tag;
mod number;
mod org_number;
mod slug;
mod text;
mod variant;

pub use colour::{Colour, NotAColour};
pub use date::{Date, DateError};
pub use language_tag::{LanguageTag, LanguageTagError};
pub use number::grouped;
pub use org_number::{OrgNumber, OrgNumberError};
pub use slug::{NotASlug, Slug, slug_help};
pub use text::Text;
pub use variant::Variant;

/// The site's configuration file, at the root of the site's folder.
pub const CONFIG_FILE: &str = "brukervalg.yaml";
