//! What loading gives: every file of the site read, with where it is.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use super::limits::Limits;
use super::raw::{RawPage, RawProvider, RawSiteConfig, RawSurvey};

/// The name a plain-language companion file ends with, before `.md`.
pub const PLAIN_SUFFIX: &str = ".lettlest";

/// A file's path relative to the site root, plus its absolute path.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub relative: PathBuf,
    pub absolute: PathBuf,
}

/// One provider profile: the YAML, and for schools the self-description.
#[derive(Clone, Debug)]
pub struct LoadedProvider {
    pub service_dir: String,
    pub file_stem: String,
    pub source: SourceFile,
    pub profile: RawProvider,
    pub self_description: Option<MarkdownFile>,
    pub self_description_plain: Option<MarkdownFile>,
    /// Which reading of the files this is: two loads with the same number
    /// read the same bytes (the profile cache hands out what it read), so
    /// what was made from one holds for the other (`validate::cache`).
    pub reading: u64,
}

#[derive(Debug, Clone)]
pub struct MarkdownFile {
    pub source: SourceFile,
    /// The Markdown body, without front matter.
    pub body: String,
    /// 1-based line of the body's first line in the file.
    pub body_line: u32,
}

#[derive(Debug)]
pub struct LoadedPage {
    pub file_stem: String,
    pub source: SourceFile,
    pub front: RawPage,
    pub markdown: MarkdownFile,
    pub plain: Option<(RawPage, MarkdownFile)>,
}

/// Everything read from the site's folder.
#[derive(Debug)]
pub struct LoadedSite {
    pub config: Option<(SourceFile, RawSiteConfig)>,
    /// The configuration as written (empty when unread): where in its
    /// file a place inside a Markdown text field is.
    pub config_text: String,
    /// The limits in force: the configuration's, or the defaults where it
    /// could not be read or a value was out of range (reported by validation).
    pub limits: Limits,
    /// Shared with `serve`'s profile cache, which hands out the same ones
    /// again while their files do not change.
    pub providers: Vec<Arc<LoadedProvider>>,
    /// (service folder, file stem) of every profile file, read or not, so
    /// that a broken profile is one error and not one in every file that
    /// names it.
    pub profile_files: BTreeSet<(String, String)>,
    pub pages: Vec<LoadedPage>,
    pub surveys: Vec<LoadedSurvey>,
    /// The values files under `indicators/`, one per service.
    pub indicators: Vec<LoadedIndicators>,
    /// `streets.csv`, when the site has one.
    pub streets: Option<LoadedStreets>,
    /// Files of `static/`, published as they are.
    pub static_files: Vec<SourceFile>,
}

/// A survey description and the text of its results file (parsed once the
/// survey's scale is known).
#[derive(Debug)]
pub struct LoadedSurvey {
    pub file_stem: String,
    pub source: SourceFile,
    pub survey: RawSurvey,
    pub results: Option<(SourceFile, String)>,
}

/// A service's indicator values, `indicators/<service id>.csv`, as text
/// (parsed once the service's indicators are known).
#[derive(Debug)]
pub struct LoadedIndicators {
    /// The file name without `.csv`: the service's id.
    pub file_stem: String,
    pub source: SourceFile,
    pub text: String,
}

/// The street register, `streets.csv`, as text (parsed once the districts
/// and schools are known).
#[derive(Debug)]
pub struct LoadedStreets {
    pub source: SourceFile,
    pub text: String,
}
