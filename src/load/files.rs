//! The one way input files are found and read. Every file comes from a pull
//! request someone else wrote, so a symbolic link, a file whose real path
//! leaves the site's folder, an oversized file or a file name with control
//! characters is refused before a byte of it is read, and its content is
//! never shown in a message.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::loaded::SourceFile;
use crate::diagnostics::{Finding, Findings, Position};
use crate::load::text::forbidden_char;
use crate::msg;

/// An entry of a folder walk that passed the checks on its name and kind.
pub struct Entry {
    pub source: SourceFile,
    /// 1 for an entry directly in the walked folder.
    pub depth: usize,
    pub is_dir: bool,
}

impl Entry {
    pub fn name(&self) -> String {
        self.source.absolute.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default()
    }
}

pub fn source(root: &Path, absolute: &Path) -> SourceFile {
    SourceFile {
        relative: absolute.strip_prefix(root).unwrap_or(absolute).to_path_buf(),
        absolute: absolute.to_path_buf(),
    }
}

/// The entries below `dir` down to `max_depth`, sorted by name so findings
/// and pages never depend on the file system's order. Symbolic links and
/// names that are not clean text become errors and are left out; a link to
/// a folder is not entered.
pub fn walk(root: &Path, dir: &Path, max_depth: usize, findings: &mut Findings) -> Vec<Entry> {
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(dir).min_depth(1).max_depth(max_depth).sort_by_file_name().follow_links(false);
    for entry in walker.into_iter().filter_map(Result::ok) {
        let file = source(root, entry.path());
        if let Err(finding) = check_name(&file) {
            findings.push(finding);
            continue;
        }
        if entry.file_type().is_symlink() {
            findings.push(symlink_finding(&file));
            continue;
        }
        out.push(Entry { source: file, depth: entry.depth(), is_dir: entry.file_type().is_dir() });
    }
    out
}

/// The file `name` in the same folder as `file`.
pub fn sibling(file: &SourceFile, name: &str) -> SourceFile {
    SourceFile { relative: file.relative.with_file_name(name), absolute: file.absolute.with_file_name(name) }
}

/// The file a profile or survey names (`image.file`, `results`) beside
/// itself; none when the name could lead out of that folder or to a hidden
/// file, which inputs may not name.
pub fn beside(file: &SourceFile, name: &str) -> Option<SourceFile> {
    (!name.contains(['/', '\\']) && !name.starts_with('.')).then(|| sibling(file, name))
}

/// The site root `file` was found under.
pub fn root_of(file: &SourceFile) -> PathBuf {
    let depth = file.relative.components().count();
    file.absolute.ancestors().nth(depth).map(Path::to_path_buf).unwrap_or_default()
}

/// Whether `path` is a plain file (not a link, not a folder). Used to look
/// for optional companions; a link in their place is reported when read.
pub fn exists(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() || m.file_type().is_symlink())
}

/// Reads a text file of the site. `max_bytes` is the `file_max_bytes` limit.
pub fn read_text(root: &Path, file: &SourceFile, max_bytes: u64, findings: &mut Findings) -> Option<String> {
    let bytes = match read_bytes(root, file, max_bytes) {
        Ok(bytes) => bytes,
        Err(finding) => {
            findings.push(finding);
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => {
            // «FYLL INN» is refused in every file the build reads, by one rule.
            crate::load::placeholders::scan(&file.relative, &text, findings);
            Some(text)
        }
        Err(e) => {
            let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = 1 + before.iter().filter(|&&b| b == b'\n').count() as u32;
            findings.push(
                Finding::error(&file.relative, Position::new(line, 1), msg!("file.not_utf8"))
                    .with_help(msg!("file.not_utf8.help")),
            );
            None
        }
    }
}

/// Checks that a file may be published as it is (a picture, a file of
/// `static/`): a plain file inside the site, within the size limit.
pub fn check_copyable(root: &Path, file: &SourceFile, max_bytes: u64) -> Result<(), Finding> {
    verify(root, file, max_bytes).map(|_| ())
}

/// The file's bytes, after the checks of `verify`. The size is checked
/// again while reading, as the file may grow in between.
pub fn read_bytes(root: &Path, file: &SourceFile, max_bytes: u64) -> Result<Vec<u8>, Finding> {
    let real = verify(root, file, max_bytes)?;
    let cannot = |e: std::io::Error| {
        Finding::error(&file.relative, Position::WHOLE_FILE, msg!("file.cannot_read", reason = e.kind()))
    };
    let handle = std::fs::File::open(real).map_err(cannot)?;
    let mut bytes = Vec::new();
    handle.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(file, bytes.len() as u64, max_bytes));
    }
    Ok(bytes)
}

/// Refuses links (the file itself or any folder on its way from the site
/// root), real paths outside the root, things that are not plain files and
/// files over the size limit. Returns the real path to open.
fn verify(root: &Path, file: &SourceFile, max_bytes: u64) -> Result<PathBuf, Finding> {
    check_name(file)?;
    let mut walked = root.to_path_buf();
    for component in file.relative.components() {
        walked.push(component);
        let meta = std::fs::symlink_metadata(&walked).map_err(|e| {
            Finding::error(&file.relative, Position::WHOLE_FILE, msg!("file.cannot_read", reason = e.kind()))
        })?;
        if meta.file_type().is_symlink() {
            return Err(symlink_finding(file));
        }
    }
    let real_root = root.canonicalize().map_err(|e| {
        Finding::error(&file.relative, Position::WHOLE_FILE, msg!("file.cannot_resolve_root", reason = e.kind()))
    })?;
    let real = file.absolute.canonicalize().map_err(|e| {
        Finding::error(&file.relative, Position::WHOLE_FILE, msg!("file.cannot_read", reason = e.kind()))
    })?;
    if !real.starts_with(&real_root) {
        return Err(Finding::error(&file.relative, Position::WHOLE_FILE, msg!("file.outside"))
            .with_help(msg!("file.outside.help")));
    }
    let meta = std::fs::metadata(&real).map_err(|e| {
        Finding::error(&file.relative, Position::WHOLE_FILE, msg!("file.cannot_read", reason = e.kind()))
    })?;
    if !meta.is_file() {
        return Err(Finding::error(&file.relative, Position::WHOLE_FILE, msg!("file.not_plain"))
            .with_help(msg!("file.not_plain.help")));
    }
    if meta.len() > max_bytes {
        return Err(too_large(file, meta.len(), max_bytes));
    }
    Ok(real)
}

fn too_large(file: &SourceFile, bytes: u64, max_bytes: u64) -> Finding {
    let text = file.relative.extension().is_some_and(|e| e == "yaml" || e == "md" || e == "csv" || e == "html");
    let limit = if text { "file_max_bytes" } else { "asset_max_bytes" };
    Finding::error(
        &file.relative,
        Position::WHOLE_FILE,
        msg!("file.too_large", bytes = bytes, max = max_bytes, limit = format!("limits.{limit}")),
    )
    .with_help(msg!("file.too_large.help", config = crate::domain::CONFIG_FILE))
}

fn symlink_finding(file: &SourceFile) -> Finding {
    Finding::error(&file.relative, Position::WHOLE_FILE, msg!("file.symlink")).with_help(msg!("file.symlink.help"))
}

/// File names end up in addresses, messages and CI logs: control and
/// bidirectional characters (which can make a name read backwards) and
/// names that are not UTF-8 are refused.
fn check_name(file: &SourceFile) -> Result<(), Finding> {
    for component in file.relative.components() {
        let raw = component.as_os_str();
        let Some(name) = raw.to_str() else {
            return Err(Finding::error(
                file.relative.to_string_lossy().to_string(),
                Position::WHOLE_FILE,
                msg!("file_name.not_utf8"),
            )
            .with_help(msg!("file_name.bad_char.help")));
        };
        if let Some(c) = name.chars().find(|&c| forbidden_char(c, false)) {
            return Err(Finding::error(
                &file.relative,
                Position::WHOLE_FILE,
                msg!("file_name.invisible_char", code = format!("U+{:04X}", c as u32)),
            )
            .with_help(msg!("file_name.bad_char.help")));
        }
    }
    Ok(())
}
