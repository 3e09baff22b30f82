//! `brukervalg new provider|school|kindergarten|nursing-home`: a commented
//! profile skeleton.

use std::path::Path;
use std::process::ExitCode;

use crate::load::raw::ServiceKind;
use crate::messages::Lang;
use crate::msg;
use crate::scaffold::{PLACEHOLDER, create};

pub fn run(root: &Path, service: Option<&str>, name: &str, kind: ServiceKind, lang: Lang) -> ExitCode {
    match create(root, service, name, kind, lang) {
        Ok(paths) => {
            for path in paths {
                println!("{}", msg!("new.wrote", path = path.display()).render(lang));
            }
            println!("{}", msg!("new.next", placeholder = PLACEHOLDER).render(lang));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", msg!("new.error", message => e).render(lang));
            ExitCode::FAILURE
        }
    }
}
