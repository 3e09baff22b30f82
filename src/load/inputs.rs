//! What a site is made from, by name: the one list `serve` watches, the
//! output may not lie in, and the check for stray files walks. A new kind
//! of input (a folder or a file at the site's root) is added here, and
//! every one of them knows it.

/// The templates' folder, read by the renderer and checked by i18n.
pub const TEMPLATES: &str = "templates";

/// Folders at the site's root whose files are read or published.
pub const INPUT_FOLDERS: &[&str] = &["providers", "content", "surveys", "indicators", "templates", "i18n", "static"];

/// Files at the site's root that are read.
pub const INPUT_FILES: &[&str] =
    &[super::CONFIG_FILE, "glossary.nb.yaml", "glossary.nn.yaml", super::streets_csv::FILE];

/// Whether `name`, a file or folder at the site's root, is an input.
pub fn is_input(name: &str) -> bool {
    INPUT_FOLDERS.contains(&name) || INPUT_FILES.contains(&name)
}
