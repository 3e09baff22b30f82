//! The site model: validated content, with every page's address decided.
//! Rendering reads only this; it never looks at files or raw input again.

pub mod agreement;
pub mod collate;
pub mod comparison;
pub mod filters;
pub mod indicators;
pub mod inspection;
mod kinds;
pub mod listing;
mod neutral_order;
pub mod pages;
pub mod routes;
mod site;
pub mod staff_language;
pub mod streets;
pub mod survey;
pub mod written;

pub use crate::load::raw::{AdmissionKind, CapacityStatus, Language, Limits, Ownership, ServiceKind};
pub use agreement::{Admission, Agreement};
pub use kinds::{Kindergarten, NursingHome, Unit, UnitKind};
pub use routes::{Routes, SitePath};
pub use site::*;
pub use staff_language::StaffLanguage;
