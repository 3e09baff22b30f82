//! The profile form: `admin/config.yml` and `admin/index.html` for Sveltia
//! CMS (a Decap-compatible configuration), made from the profile model and
//! the site's own districts, languages and services, so providers edit
//! their profile in a web form that opens a pull request.
//!
//! `PROFILE` mirrors `load::raw::RawProvider` field by field, in its order
//! (the CMS writes keys in the order of its fields); `tests/cms_config.rs`
//! walks the JSON Schema of a profile and fails on any field missing here,
//! extra here, or required, enumerated or multiple differently.

use crate::i18n::Translations;
use crate::load::raw::ServiceKind;
use crate::model::{Cms, Site};

pub const SCRIPT: &str = "https://unpkg.com/@sveltia/cms@0.221.1/dist/sveltia-cms.js";
/// SHA-384 of `dist/sveltia-cms.js` in the npm package @sveltia/cms 0.221.1.
pub const INTEGRITY: &str = "sha384-JQ+XsKx/UzwdTiNnFStza3XtqqQoVtyNPApkfvwlzZDfhe7giE9CnfQrpHqgv3k6";

/// The folder the form's uploads that belong to no profile go to; the
/// profiles' pictures go beside the profile (`media_folder: ""`).
const SHARED_MEDIA: (&str, &str) = ("static/bilder", "/bilder");

/// What a field holds, as the form edits it.
enum Kind {
    /// One line.
    Line,
    /// Several lines of plain text.
    Text,
    Date,
    Whole {
        min: u32,
        max: u32,
    },
    Select(&'static [&'static str]),
    /// The site's districts, several.
    Districts,
    /// The languages the site names, several.
    Languages,
    /// A picture beside the profile.
    Picture,
    /// Several lines of one line each.
    Lines,
    Object(&'static [Field]),
    List(&'static [Field]),
}

struct Field {
    name: &'static str,
    required: bool,
    kind: Kind,
    /// Followed by `<name>_plain`, optional, of the same kind.
    plain: bool,
}

const fn f(name: &'static str, required: bool, kind: Kind) -> Field {
    Field { name, required, kind, plain: false }
}

/// A field with its lettlest companion beside it.
const fn p(name: &'static str, required: bool, kind: Kind) -> Field {
    Field { name, required, kind, plain: true }
}

const CONTACT: &[Field] = &[
    f("name", false, Kind::Line),
    f("phone", true, Kind::Line),
    f("email", false, Kind::Line),
    f("web", false, Kind::Line),
    f("address", false, Kind::Line),
    f("opening_hours", false, Kind::Line),
];

const SCHOOL: &[Field] = &[
    f(
        "grades",
        true,
        Kind::Object(&[
            f("from", true, Kind::Whole { min: 1, max: 10 }),
            f("to", true, Kind::Whole { min: 1, max: 10 }),
        ]),
    ),
    f("pupils", true, Kind::Whole { min: 0, max: 10_000 }),
    f("capacity", true, Kind::Whole { min: 1, max: 10_000 }),
    p("after_school_care", false, Kind::Text),
    f("focus_areas", false, Kind::Lines),
    p("transport", true, Kind::Text),
];

const KINDERGARTEN: &[Field] = &[
    f("ages", true, Kind::Line),
    f("places", true, Kind::Whole { min: 1, max: 1_000 }),
    f("opening_hours", true, Kind::Line),
    f("meals", false, Kind::Text),
    p("profile", true, Kind::Text),
    f("outdoor", false, Kind::Text),
    f("price", false, Kind::Whole { min: 0, max: 10_000 }),
    f("food_money", false, Kind::Whole { min: 0, max: 3_000 }),
];

const NURSING_HOME: &[Field] = &[
    f("places", true, Kind::Whole { min: 1, max: 1_000 }),
    f("single_rooms", true, Kind::Whole { min: 0, max: 1_000 }),
    f(
        "units",
        false,
        Kind::List(&[
            f("name", true, Kind::Line),
            f("kind", true, Kind::Select(&["dementia", "short-term", "rehabilitation", "long-term"])),
        ]),
    ),
    f("visiting", true, Kind::Text),
    p("activities", true, Kind::Text),
];

/// The block of facts only one kind of service has, by its field name.
const KIND_BLOCKS: [(&str, ServiceKind); 3] = [
    ("school", ServiceKind::School),
    ("kindergarten", ServiceKind::Kindergarten),
    ("nursing_home", ServiceKind::NursingHome),
];

/// A profile, in `RawProvider`'s order; a kind's own block (`school`,
/// `kindergarten`, `nursing_home`) only in a service of that kind.
const PROFILE: &[Field] = &[
    f("name", true, Kind::Line),
    f("org_number", true, Kind::Line),
    f("ownership", true, Kind::Select(&["municipal", "private", "non-profit"])),
    f("districts", true, Kind::Districts),
    f("contact", true, Kind::Object(CONTACT)),
    f("languages", true, Kind::Languages),
    f(
        "capacity",
        true,
        Kind::Object(&[
            f("status", true, Kind::Select(&["open", "waiting-list", "full"])),
            f("as_of", true, Kind::Date),
        ]),
    ),
    f(
        "admission",
        false,
        Kind::Object(&[
            f("kind", true, Kind::Select(&["framework-agreement", "approval"])),
            f("from", true, Kind::Date),
            f("until", false, Kind::Date),
        ]),
    ),
    p("description", true, Kind::Text),
    f(
        "extras",
        false,
        Kind::List(&[
            p("name", true, Kind::Line),
            f("price", true, Kind::Whole { min: 0, max: 1_000_000 }),
            f("unit", true, Kind::Line),
        ]),
    ),
    f(
        "continuity",
        false,
        Kind::Object(&[f("staff_per_month", true, Kind::Whole { min: 1, max: 200 }), p("note", false, Kind::Line)]),
    ),
    f("last_checked", true, Kind::Date),
    f("image", false, Kind::Object(&[f("file", true, Kind::Picture), f("alt", true, Kind::Line)])),
    f("school", true, Kind::Object(SCHOOL)),
    f("kindergarten", true, Kind::Object(KINDERGARTEN)),
    f("nursing_home", true, Kind::Object(NURSING_HOME)),
    f(
        "inspections",
        false,
        Kind::List(&[
            f("date", true, Kind::Date),
            f("by", true, Kind::Line),
            p("summary", true, Kind::Text),
            f("follow_up", true, Kind::Select(&["open", "closed"])),
            f("report", false, Kind::Line),
        ]),
    ),
];

/// A YAML value in the order it is written.
enum Yaml {
    Str(String),
    Int(i64),
    Bool(bool),
    List(Vec<Yaml>),
    Map(Vec<(&'static str, Yaml)>),
}

fn s(text: impl Into<String>) -> Yaml {
    Yaml::Str(text.into())
}

/// `admin/config.yml` and `admin/index.html`, or nothing when the site has
/// no `cms:` (a form without a repository to commit to could only fail).
pub fn admin_files(site: &Site, translations: &Translations) -> Vec<(&'static str, Vec<u8>)> {
    let Some(cms) = &site.cms else { return Vec::new() };
    let words = Words(translations);
    vec![
        (crate::model::written::ADMIN_CONFIG, config(site, cms, &words).into_bytes()),
        (crate::model::written::ADMIN_PAGE, page(site, &words).into_bytes()),
    ]
}

/// The site's words for the form (`cms:` in i18n/<language>.yaml).
struct Words<'a>(&'a Translations);

impl Words<'_> {
    fn get(&self, key: &str) -> String {
        self.0.form_word(key.strip_prefix("cms.").unwrap_or(key))
    }
}

fn config(site: &Site, cms: &Cms, words: &Words) -> String {
    let mut collections: Vec<Yaml> = site.services.iter().map(|service| profiles(site, service, words)).collect();
    let described: Vec<&crate::model::Service> =
        site.services.iter().filter(|s| matches!(s.kind, ServiceKind::School | ServiceKind::Kindergarten)).collect();
    if described.iter().any(|s| s.every_provider().next().is_some()) {
        collections.push(self_descriptions(&described, words));
    }
    let root = Yaml::Map(vec![
        (
            "backend",
            Yaml::Map(vec![
                ("name", s(cms.backend.name())),
                ("repo", s(&cms.repo)),
                ("branch", s(&cms.branch)),
                ("commit_messages", commit_messages(words)),
            ]),
        ),
        ("publish_mode", s("editorial_workflow")),
        ("media_folder", s(SHARED_MEDIA.0)),
        ("public_folder", s(SHARED_MEDIA.1)),
        ("site_url", s(&site.base_url)),
        // File names must be slugs: a-z, digits and hyphens.
        (
            "slug",
            Yaml::Map(vec![
                ("encoding", s("ascii")),
                ("clean_accents", Yaml::Bool(true)),
                ("sanitize_replacement", s("-")),
            ]),
        ),
        // An empty optional field is left out rather than written as "",
        // which the build would read as a value (an empty e-mail address).
        ("output", Yaml::Map(vec![("omit_empty_optional_fields", Yaml::Bool(true))])),
        ("collections", Yaml::List(collections)),
    ]);
    let mut out =
        String::from("# Made by brukervalg from the profile model and brukervalg.yaml; every build writes it anew.\n");
    write_yaml(&root, 0, &mut out);
    out
}

fn commit_messages(words: &Words) -> Yaml {
    let keys = ["create", "update", "delete", "uploadMedia", "deleteMedia"];
    Yaml::Map(keys.iter().map(|k| (*k, s(words.get(&format!("cms.commit.{k}"))))).collect())
}

/// One service's folder of profiles.
fn profiles(site: &Site, service: &crate::model::Service, words: &Words) -> Yaml {
    let fields = PROFILE
        .iter()
        .filter(|field| KIND_BLOCKS.iter().all(|(block, kind)| field.name != *block || service.kind == *kind));
    Yaml::Map(vec![
        ("name", s(service.id.as_str())),
        ("label", s(&service.name)),
        ("description", s(words.get("cms.collection.hint"))),
        ("folder", s(format!("providers/{}", service.id.as_str()))),
        ("extension", s("yaml")),
        ("format", s("yaml")),
        ("create", Yaml::Bool(true)),
        // Taking a provider out of the scheme is the municipality's decision.
        ("delete", Yaml::Bool(false)),
        ("slug", s("{{name}}")),
        ("identifier_field", s("name")),
        ("summary", s("{{name}}")),
        ("sortable_fields", Yaml::List(vec![s("name")])),
        // Pictures beside the profile, named by file name only (`image.file`).
        ("media_folder", s("")),
        ("public_folder", s("")),
        ("fields", Yaml::List(fields.flat_map(|field| widgets(site, field, "", words)).collect())),
    ])
}

/// The schools' and kindergartens' self-descriptions: Markdown files beside
/// the profiles with no front matter, one entry per file, since the CMS reads
/// a file without front matter whole into `body` and writes `body` alone
/// back as it was. A school must have one; a kindergarten may.
fn self_descriptions(services: &[&crate::model::Service], words: &Words) -> Yaml {
    let mut files = Vec::new();
    for service in services {
        let school = service.kind == ServiceKind::School;
        for provider in service.every_provider() {
            let stem = format!("providers/{}/{}", service.id.as_str(), provider.slug.as_str());
            for (suffix, key) in [("", "cms.self_description"), (".lettlest", "cms.self_description_plain")] {
                files.push(Yaml::Map(vec![
                    ("name", s(format!("{}{}", provider.slug.as_str(), suffix.replace('.', "-")))),
                    ("label", s(format!("{} – {}", provider.name, words.get(key)))),
                    ("file", s(format!("{stem}{suffix}.md"))),
                    ("format", s("frontmatter")),
                    (
                        "fields",
                        Yaml::List(vec![Yaml::Map(vec![
                            ("name", s("body")),
                            ("label", s(words.get(key))),
                            ("widget", s("markdown")),
                            ("hint", s(words.get(&format!("{key}.hint{}", if school { "" } else { "_kindergarten" })))),
                            ("required", Yaml::Bool(school && suffix.is_empty())),
                        ])]),
                    ),
                ]));
            }
        }
    }
    Yaml::Map(vec![
        ("name", s("egenomtale")),
        ("label", s(words.get("cms.self_description.collection"))),
        ("editor", Yaml::Map(vec![("preview", Yaml::Bool(false))])),
        ("files", Yaml::List(files)),
    ])
}

/// A field, and its lettlest companion after it.
fn widgets(site: &Site, field: &Field, parent: &str, words: &Words) -> Vec<Yaml> {
    let path = format!("{parent}{}", field.name);
    let mut out = vec![widget(site, field.name, &path, field.required, &field.kind, words)];
    if field.plain {
        let mut plain = widget(site, "", &path, false, &field.kind, words);
        if let Yaml::Map(entries) = &mut plain {
            for (key, value) in entries.iter_mut() {
                match *key {
                    "name" => *value = s(format!("{}_plain", field.name)),
                    "label" => {
                        *value = s(format!("{} – {}", words.get(&format!("cms.{path}")), words.get("cms.plain")))
                    }
                    "hint" => *value = s(words.get("cms.plain.hint")),
                    _ => {}
                }
            }
        }
        out.push(plain);
    }
    out
}

fn widget(site: &Site, name: &str, path: &str, required: bool, kind: &Kind, words: &Words) -> Yaml {
    let mut map = vec![
        ("name", s(name)),
        ("label", s(words.get(&format!("cms.{path}")))),
        ("hint", s(words.get(&format!("cms.{path}.hint")))),
        ("required", Yaml::Bool(required)),
    ];
    let option = |value: &str, label: String| Yaml::Map(vec![("label", s(label)), ("value", s(value))]);
    match kind {
        Kind::Line => map.push(("widget", s("string"))),
        Kind::Text => map.push(("widget", s("text"))),
        Kind::Date => map.extend([
            ("widget", s("datetime")),
            ("format", s("YYYY-MM-DD")),
            ("date_format", s("DD.MM.YYYY")),
            ("time_format", Yaml::Bool(false)),
        ]),
        Kind::Whole { min, max } => map.extend([
            ("widget", s("number")),
            ("value_type", s("int")),
            ("min", Yaml::Int(i64::from(*min))),
            ("max", Yaml::Int(i64::from(*max))),
        ]),
        Kind::Select(values) => {
            let options = values.iter().map(|v| option(v, words.get(&format!("cms.{path}.{v}")))).collect();
            map.extend([("widget", s("select")), ("options", Yaml::List(options))]);
        }
        Kind::Districts => {
            // `all` (every district, also those added later) is saved as
            // `[all]`, which the build reads as `all`.
            let every = option("all", words.get("cms.districts.all"));
            let options =
                std::iter::once(every).chain(site.districts.iter().map(|d| option(d.id.as_str(), d.name.clone())));
            let options = options.collect();
            map.extend([("widget", s("select")), ("multiple", Yaml::Bool(true)), ("options", Yaml::List(options))]);
        }
        Kind::Languages => {
            let translations = words.0;
            let mut languages: Vec<(&str, &str)> = translations
                .language_codes()
                .filter_map(|code| translations.language_name(code).map(|name| (name, code)))
                .collect();
            languages.sort();
            let options = languages.into_iter().map(|(name, code)| option(code, format!("{name} ({code})"))).collect();
            map.extend([("widget", s("select")), ("multiple", Yaml::Bool(true)), ("options", Yaml::List(options))]);
        }
        Kind::Picture => map.extend([("widget", s("image")), ("choose_url", Yaml::Bool(false))]),
        Kind::Lines => map.push(("widget", s("list"))),
        Kind::Object(fields) => {
            let inner = fields.iter().flat_map(|f| widgets(site, f, &format!("{path}."), words)).collect();
            map.extend([("widget", s("object")), ("fields", Yaml::List(inner))]);
        }
        Kind::List(fields) => {
            let inner = fields.iter().flat_map(|f| widgets(site, f, &format!("{path}."), words)).collect();
            map.extend([("widget", s("list")), ("fields", Yaml::List(inner))]);
        }
    }
    Yaml::Map(map)
}

/// Block YAML with every string double-quoted (JSON's escapes are YAML's),
/// so no value is ever read as another type or as markup.
fn write_yaml(value: &Yaml, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Yaml::Map(entries) => {
            for (key, value) in entries {
                out.push_str(&pad);
                out.push_str(key);
                out.push(':');
                write_after_key(value, indent, out);
            }
        }
        Yaml::List(items) => {
            for item in items {
                out.push_str(&pad);
                out.push_str("- ");
                match item {
                    Yaml::Map(entries) if !entries.is_empty() => {
                        let mut nested = String::new();
                        write_yaml(item, indent + 2, &mut nested);
                        out.push_str(&nested[indent + 2..]);
                    }
                    _ => {
                        out.push_str(&scalar(item));
                        out.push('\n');
                    }
                }
            }
        }
        _ => {
            out.push_str(&pad);
            out.push_str(&scalar(value));
            out.push('\n');
        }
    }
}

fn write_after_key(value: &Yaml, indent: usize, out: &mut String) {
    match value {
        Yaml::Map(entries) if !entries.is_empty() => {
            out.push('\n');
            write_yaml(value, indent + 2, out);
        }
        Yaml::List(items) if !items.is_empty() => {
            out.push('\n');
            write_yaml(value, indent + 2, out);
        }
        _ => {
            out.push(' ');
            out.push_str(&scalar(value));
            out.push('\n');
        }
    }
}

fn scalar(value: &Yaml) -> String {
    match value {
        Yaml::Str(text) => serde_json::to_string(text).unwrap_or_default(),
        Yaml::Int(n) => n.to_string(),
        Yaml::Bool(b) => b.to_string(),
        Yaml::List(_) => "[]".to_string(),
        Yaml::Map(_) => "{}".to_string(),
    }
}

/// The admin page: the pinned CMS script and nothing else from elsewhere.
/// Not a citizen's page: no sitemap entry, `noindex`, not in the page checks.
fn page(site: &Site, words: &Words) -> String {
    let language = site.language.code();
    let title = crate::html::escape(&format!("{} – {}", words.get("cms.title"), site.municipality));
    let noscript = crate::html::escape(&words.get("cms.noscript"));
    format!(
        "<!doctype html>\n<html lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex, nofollow\">\n<title>{title}</title>\n</head>\n<body>\n\
         <noscript><p>{noscript}</p></noscript>\n\
         <script src=\"{SCRIPT}\" integrity=\"{INTEGRITY}\" crossorigin=\"anonymous\"></script>\n\
         </body>\n</html>\n"
    )
}
