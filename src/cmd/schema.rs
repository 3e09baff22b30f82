//! `brukervalg schema`: JSON Schema of the input formats.

use std::path::Path;
use std::process::ExitCode;

use crate::schema::{SchemaKind, schema};

/// Prints one schema, or writes all of them into `out_dir`.
pub fn run(kind: SchemaKind, out_dir: Option<&Path>) -> ExitCode {
    let Some(dir) = out_dir else {
        print!("{}", schema(kind));
        return ExitCode::SUCCESS;
    };
    for kind in SchemaKind::ALL {
        let path = dir.join(kind.file_name());
        if let Err(e) = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&path, schema(kind))) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("Wrote {}", path.display());
    }
    ExitCode::SUCCESS
}
