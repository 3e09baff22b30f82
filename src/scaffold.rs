//! `brukervalg new`: a commented profile skeleton in the right place, for a
//! provider or school that is joining the scheme.

use std::path::{Path, PathBuf};

use crate::domain::Slug;
use crate::load::raw::{RawService, ServiceKind};

/// Text a provider must replace; `check` reports every place it is left.
pub const PLACEHOLDER: &str = "FYLL INN";

pub struct Skeleton {
    pub files: Vec<(PathBuf, String)>,
}

/// Writes the skeleton for `name` into the site at `root`, in `service` (or,
/// for a school, the one school service). Never overwrites a file.
pub fn create(root: &Path, service: Option<&str>, name: &str, school: bool) -> Result<Vec<PathBuf>, String> {
    let mut findings = crate::diagnostics::Findings::default();
    let loaded = crate::load::load_site(root, &mut findings);
    let (_, config) = loaded.config.ok_or_else(|| {
        format!("{} has no usable brukervalg.yaml; run `brukervalg check` to see why", root.display())
    })?;
    let wanted_kind = |kind: ServiceKind| (kind == ServiceKind::School) == school;
    let candidates: Vec<&RawService> =
        config.services.iter().filter(|s| service.is_none_or(|id| s.id.value == id)).collect();
    let chosen = match candidates.as_slice() {
        [] => return Err(format!("no service `{}` in brukervalg.yaml", service.unwrap_or("?"))),
        [one] => *one,
        many => {
            let matching: Vec<_> = many.iter().filter(|s| wanted_kind(s.kind)).collect();
            match matching.as_slice() {
                [one] => **one,
                _ => {
                    let ids: Vec<&str> = many.iter().map(|s| s.id.value.as_str()).collect();
                    return Err(format!("say which service with --service: {}", ids.join(", ")));
                }
            }
        }
    };
    if !wanted_kind(chosen.kind) {
        let what = if school { "`new school`" } else { "`new provider`" };
        return Err(format!("`{}` is not a service for {what}", chosen.id.value));
    }
    let service = Slug::parse(&chosen.id.value).map_err(|e| format!("the service id is not usable: {e}"))?;
    let skeleton = skeleton(&service, name, school, &[])?;
    for (path, _) in &skeleton.files {
        if root.join(path).exists() {
            return Err(format!("{} already exists; edit it instead", path.display()));
        }
    }
    let mut written = Vec::new();
    for (path, text) in skeleton.files {
        let full = root.join(&path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&full, text).map_err(|e| format!("cannot write {}: {e}", full.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// The files for a new profile of `name` in `service` (relative to the
/// site root). `school` adds the school block and a self-description.
pub fn skeleton(service: &Slug, name: &str, school: bool, district_ids: &[String]) -> Result<Skeleton, String> {
    let slug = Slug::parse(&Slug::suggest(name)).map_err(|_| format!("cannot make a file name from `{name}`"))?;
    let dir = Path::new("providers").join(service.as_str());
    let districts = if district_ids.is_empty() { PLACEHOLDER.to_string() } else { district_ids.join(", ") };
    let name_yaml = yaml_string(name);
    // Most schools are the municipality's own, which are not admitted.
    let ownership = if school { "municipal" } else { "private" };
    let admission = if school {
        "# En privat skole setter ownership: private og legger til admission (se docs/content.md).\n".to_string()
    } else {
        format!(
            "admission:\n  # framework-agreement (rammeavtale) eller approval (godkjenning).\n  kind: approval\n  from: {PLACEHOLDER}\n"
        )
    };
    let mut yaml = format!(
        r#"# Profil for {name}.
# Alle felt er forklart i docs/content.md. Bytt ut hver «{PLACEHOLDER}», og
# kjør `brukervalg check` for å se hva som gjenstår.

# Navnet slik innbyggerne kjenner dere.
name: {name_yaml}
# Organisasjonsnummer fra Enhetsregisteret (9 siffer).
org_number: "{PLACEHOLDER}"
# municipal (kommunal), private (privat) eller non-profit (ideell).
ownership: {ownership}
# Bydelene dere gir tjenesten i (id-ene står i brukervalg.yaml).
districts: [{districts}]
contact:
  phone: "{PLACEHOLDER}"
  email: {PLACEHOLDER}
  web: https://{PLACEHOLDER}
# Språk de ansatte kan snakke med brukerne, som ISO 639-1-koder.
languages: [nb]
capacity:
  # open (ledig), waiting-list (venteliste) eller full.
  status: open
  as_of: {PLACEHOLDER}
{admission}# Kort beskrivelse (høyst 120 ord), skrevet av dere.
description: >
  {PLACEHOLDER}
# Den samme beskrivelsen i lettlest form: korte setninger, vanlige ord.
description_plain: >
  {PLACEHOLDER}
# Datoen kommunen sist kontrollerte profilen (ÅÅÅÅ-MM-DD).
last_checked: {PLACEHOLDER}
"#
    );
    let mut files = Vec::new();
    if school {
        yaml.push_str(&format!(
            r#"school:
  grades:
    from: 1
    to: 7
  pupils: 0
  # Antall elevplasser i alt.
  capacity: 0
  # Beskriv SFO-tilbudet, eller fjern linjen hvis skolen ikke har SFO.
  after_school_care: {PLACEHOLDER}
  focus_areas: []
  transport: >
    {PLACEHOLDER}
  transport_plain: >
    {PLACEHOLDER}
"#
        ));
        files.push((
            dir.join(format!("{slug}.md")),
            format!("## Om skolen\n\n{PLACEHOLDER}: skolens egen presentasjon (egenomtale), høyst 600 ord.\n"),
        ));
        files.push((
            dir.join(format!("{slug}.lettlest.md")),
            format!("## Om skolen\n\n{PLACEHOLDER}: den samme presentasjonen i lettlest form.\n"),
        ));
    } else {
        yaml.push_str(
            "# Tilleggstjenester innbyggerne kan kjøpe av dere (kan fjernes).\nextras: []\n# Hvor mange ulike ansatte en vanlig bruker møter i måneden.\ncontinuity:\n  staff_per_month: 1\n",
        );
    }
    files.insert(0, (dir.join(format!("{slug}.yaml")), yaml));
    Ok(Skeleton { files })
}

/// Quoted when YAML would otherwise read it as something else.
fn yaml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}
