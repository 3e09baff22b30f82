//! `brukervalg new provider|school`: a commented profile skeleton.

use std::path::Path;
use std::process::ExitCode;

use crate::scaffold::{PLACEHOLDER, create};

pub fn run(root: &Path, service: Option<&str>, name: &str, school: bool) -> ExitCode {
    match create(root, service, name, school) {
        Ok(paths) => {
            for path in paths {
                println!("Wrote {}", path.display());
            }
            println!("Replace every «{PLACEHOLDER}», then run `brukervalg check`.");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
