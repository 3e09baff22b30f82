//! No provider can pass itself off as another: a name that reads as
//! another provider's (the same after case folding, NFKC and confusable
//! skeletons) is an error, and a web address whose host looks like
//! another provider's is a warning. The same organisation may offer
//! several services under one name; a different one may not take it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::fields::at;
use crate::diagnostics::{Finding, Findings, Position};
use crate::domain::{OrgNumber, WebAddress, skeleton_key};
use crate::load::LoadedProvider;
use crate::model::Provider;
use crate::msg;

struct Seen {
    org_number: OrgNumber,
    written: String,
    file: PathBuf,
    position: Position,
}

impl Seen {
    fn place(&self) -> String {
        format!("{}:{}:{}", self.file.display(), self.position.line, self.position.column)
    }
}

/// The names and hosts of the providers admitted so far, by skeleton.
#[derive(Default)]
pub struct Lookalikes {
    names: BTreeMap<String, Vec<Seen>>,
    hosts: BTreeMap<String, Vec<Seen>>,
}

impl Lookalikes {
    /// Whether `provider` may be published: not when its name reads as an
    /// earlier provider's of another organisation (reported here, naming
    /// both files). A lookalike host is only warned about.
    pub fn admit(&mut self, provider: &Provider, item: &LoadedProvider, findings: &mut Findings) -> bool {
        let file = &item.source.relative;
        let position = at(&item.profile.name);
        let key = skeleton_key(&provider.name);
        let other = |seen: &&Seen| seen.org_number != provider.org_number;
        if let Some(first) = self.names.get(&key).and_then(|seen| seen.iter().find(other)) {
            // Either may be the copy, so both files hear of it, each naming
            // the other; the build stops, so neither is published.
            let here =
                Seen { org_number: provider.org_number, written: provider.name.clone(), file: file.clone(), position };
            for (at, twin) in [(&here, first), (first, &here)] {
                findings.push(
                    Finding::error(
                        &at.file,
                        at.position,
                        msg!("name.lookalike", name = at.written, other = twin.written, place = twin.place()),
                    )
                    .with_help(msg!("name.lookalike.help")),
                );
            }
            return false;
        }
        self.names.entry(key).or_default().push(Seen {
            org_number: provider.org_number,
            written: provider.name.clone(),
            file: file.clone(),
            position,
        });
        let web = provider.contact.web.as_deref().and_then(WebAddress::parse);
        if let (Some(web), Some(raw)) = (web, item.profile.contact.web.as_ref()) {
            let position = at(raw);
            let key = web.host.skeleton_key();
            let bare = |host: &str| host.strip_prefix("www.").unwrap_or(host).to_string();
            let differs = |seen: &&Seen| other(seen) && bare(&seen.written) != bare(&web.host.ascii);
            if let Some(first) = self.hosts.get(&key).and_then(|seen| seen.iter().find(differs)) {
                findings.push(
                    Finding::warning(
                        file,
                        position,
                        msg!(
                            "web.lookalike",
                            host = web.host.unicode,
                            ascii = web.host.ascii,
                            other = first.written,
                            place = first.place()
                        ),
                    )
                    .with_help(msg!("web.lookalike.help")),
                );
            }
            self.hosts.entry(key).or_default().push(Seen {
                org_number: provider.org_number,
                written: web.host.ascii.clone(),
                file: file.clone(),
                position,
            });
        }
        true
    }
}
