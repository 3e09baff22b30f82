//! What validating a file adds to, besides the model.

use super::fields;
use super::links;
use crate::diagnostics::Findings;
use crate::readability::Samples;

/// What validating a file adds to besides the model: findings, readability
/// samples, and internal links to check once the site is rendered.
pub struct Checks<'a> {
    pub findings: &'a mut Findings,
    pub readability: &'a mut Samples,
    pub pending: &'a mut Vec<links::PendingLink>,
}

impl Checks<'_> {
    /// Field checks for `file`.
    pub fn file<'f>(&'f mut self, file: &'f std::path::Path) -> fields::FileCheck<'f> {
        fields::FileCheck::new(file, self.findings, self.readability)
    }
}
