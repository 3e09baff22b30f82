//! Small value types that carry meaning, so that an invalid organisation
//! number or slug cannot travel further than the validation step.

mod colour;
mod contact_address;
mod date;
pub mod language_forms;
mod language_tag;
mod lookalike;
mod number;
mod org_number;
mod picture_size;
mod slug;
mod text;
pub mod text_policy;
mod variant;
mod web_address;

pub use colour::{Colour, NotAColour};
pub use contact_address::{contact_link_allowed, is_plain_email, norwegian_phone};
pub use date::{Date, DateError};
pub use language_tag::{LanguageTag, LanguageTagError};
pub use lookalike::{Host, NameProblem, mixed_script_word, name_problem, skeleton_key};
pub use number::grouped;
pub use org_number::{OrgNumber, OrgNumberError};
pub use picture_size::PictureSize;
pub use slug::{NotASlug, Slug, slug_help};
pub use text::Text;
pub use variant::Variant;
pub use web_address::WebAddress;

/// The site's configuration file, at the root of the site's folder.
pub const CONFIG_FILE: &str = "brukervalg.yaml";
