//! The profile form (admin/, Sveltia CMS): its configuration follows the
//! profile model exactly, read from the JSON Schema `brukervalg schema`
//! derives from the loader's own types, so a field added to a profile
//! without its form field fails here.

mod common;

use std::collections::BTreeSet;

use brukervalg::schema::{SchemaKind, schema};
use common::{TestSite, assert_error, line_of};
use serde_json::Value;

fn config(site: &TestSite) -> Value {
    serde_saphyr::from_str(&site.read("output/admin/config.yml")).expect("admin/config.yml is YAML")
}

fn collection<'a>(config: &'a Value, name: &str) -> &'a Value {
    config["collections"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap()
}

/// What a schema node holds, as the form must edit it.
#[derive(Debug)]
enum Shape<'a> {
    Choice(Vec<&'a str>),
    Whole,
    Date,
    Text,
    Texts,
    Object(&'a Value),
    Objects(&'a Value),
}

fn shape<'a>(node: &'a Value, defs: &'a Value) -> Shape<'a> {
    if let Some(reference) = node["$ref"].as_str() {
        return shape(&defs[reference.trim_start_matches("#/$defs/")], defs);
    }
    if let Some(branches) = node["anyOf"].as_array() {
        let real: Vec<&Value> = branches.iter().filter(|b| b["type"] != "null").collect();
        // `districts`: a list of ids, or the word `all`.
        if real.len() > 1 {
            assert!(real.iter().any(|b| b["type"] == "array"), "an unexpected union: {node}");
            return Shape::Texts;
        }
        return shape(real[0], defs);
    }
    // An enum whose values have their own descriptions is a `oneOf` of constants.
    if let Some(branches) = node["oneOf"].as_array()
        && branches.iter().all(|b| b["const"].is_string())
    {
        return Shape::Choice(branches.iter().map(|b| b["const"].as_str().unwrap()).collect());
    }
    if let Some(values) = node["enum"].as_array() {
        return Shape::Choice(values.iter().map(|v| v.as_str().unwrap()).collect());
    }
    let types: Vec<&str> = match &node["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).filter(|t| *t != "null").collect(),
        other => panic!("no type in {other}"),
    };
    match types[0] {
        "integer" => Shape::Whole,
        "string" if node["description"].as_str().is_some_and(|d| d.contains("YYYY-MM-DD")) => Shape::Date,
        "string" => Shape::Text,
        "object" => Shape::Object(node),
        "array" => match shape(&node["items"], defs) {
            Shape::Object(item) => Shape::Objects(item),
            Shape::Text => Shape::Texts,
            other => panic!("a list of {other:?}"),
        },
        other => panic!("type {other}"),
    }
}

/// Holds the form's `fields` to the schema object `object`, at `path`.
fn same_fields(fields: &Value, object: &Value, defs: &Value, path: &str) {
    let fields = fields.as_array().unwrap_or_else(|| panic!("{path}: no fields"));
    let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
    let properties = object["properties"].as_object().unwrap();
    let wanted: BTreeSet<&str> = properties.keys().map(String::as_str).collect();
    let have: BTreeSet<&str> = names.iter().copied().collect();
    assert_eq!(have.len(), names.len(), "{path}: a field twice: {names:?}");
    let missing: Vec<_> = wanted.difference(&have).collect();
    let extra: Vec<_> = have.difference(&wanted).collect();
    assert!(missing.is_empty() && extra.is_empty(), "{path}: missing {missing:?}, not in the model {extra:?}");
    let required: BTreeSet<&str> =
        object["required"].as_array().map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    for (i, field) in fields.iter().enumerate() {
        let name = names[i];
        let at = format!("{path}{name}");
        assert_eq!(field["required"].as_bool(), Some(required.contains(name)), "{at}: required");
        for key in ["label", "hint"] {
            let text = field[key].as_str().unwrap_or_default();
            assert!(!text.is_empty() && !text.starts_with("cms."), "{at}: {key} is {text:?}");
        }
        if let Some(standard) = name.strip_suffix("_plain") {
            assert_eq!(names[i - 1], standard, "{at}: the lettlest companion stands right after its field");
            assert_eq!(field["widget"], fields[i - 1]["widget"], "{at}: edited as its field is");
        }
        let widget = field["widget"].as_str().unwrap();
        match shape(&properties[name], defs) {
            Shape::Choice(values) => {
                assert_eq!(widget, "select", "{at}");
                assert_ne!(field["multiple"], true, "{at}: one value");
                let options: Vec<&str> =
                    field["options"].as_array().unwrap().iter().map(|o| o["value"].as_str().unwrap()).collect();
                assert_eq!(options, values, "{at}: the choices");
            }
            Shape::Whole => {
                assert_eq!((widget, field["value_type"].as_str()), ("number", Some("int")), "{at}");
            }
            Shape::Date => {
                assert_eq!(widget, "datetime", "{at}");
                assert_eq!(field["format"], "YYYY-MM-DD", "{at}: written as the model reads dates");
                assert_eq!(field["time_format"], false, "{at}: a date only");
            }
            Shape::Text => assert!(["string", "text", "image"].contains(&widget), "{at}: {widget}"),
            Shape::Texts => {
                let several = widget == "select" && field["multiple"] == true;
                let lines = widget == "list" && field.get("fields").is_none() && field.get("field").is_none();
                assert!(several || lines, "{at}: a list of values, not {widget}");
            }
            Shape::Object(inner) => {
                assert_eq!(widget, "object", "{at}");
                same_fields(&field["fields"], inner, defs, &format!("{at}."));
            }
            Shape::Objects(inner) => {
                assert_eq!(widget, "list", "{at}");
                same_fields(&field["fields"], inner, defs, &format!("{at}[]."));
            }
        }
    }
}

fn holds_to_the_model(config: &Value, collection_name: &str, kind: SchemaKind) {
    let schema: Value = serde_json::from_str(&schema(kind)).unwrap();
    let collection = collection(config, collection_name);
    assert_eq!(collection["folder"], format!("providers/{collection_name}"));
    same_fields(&collection["fields"], &schema, &schema["$defs"], &format!("{collection_name}: "));
}

#[test]
fn every_profile_field_is_in_the_form_as_the_model_has_it_and_no_other() {
    let site = TestSite::example();
    site.build_ok();
    let config = config(&site);
    for service in ["praktisk-bistand", "hjemmesykepleie"] {
        holds_to_the_model(&config, service, SchemaKind::Provider);
    }
    holds_to_the_model(&config, "skole", SchemaKind::School);
    holds_to_the_model(&config, "barnehage", SchemaKind::Kindergarten);
    holds_to_the_model(&config, "sykehjem", SchemaKind::NursingHome);
}

#[test]
fn the_form_opens_pull_requests_on_the_configured_repository_and_keeps_pictures_beside_the_profile() {
    let site = TestSite::example();
    site.build_ok();
    let config = config(&site);
    assert_eq!(config["backend"]["name"], "github");
    assert_eq!(config["backend"]["repo"], "fjordvik-kommune/brukervalg");
    assert_eq!(config["backend"]["branch"], "main");
    assert_eq!(config["publish_mode"], "editorial_workflow");
    let profiles = collection(&config, "praktisk-bistand");
    assert_eq!((&profiles["media_folder"], &profiles["public_folder"]), (&Value::from(""), &Value::from("")));
    assert_eq!(profiles["extension"], "yaml");
    assert_eq!(profiles["label"], "Praktisk bistand", "the service's own name");
    let hint = profiles["fields"][0]["hint"].as_str().unwrap();
    assert!(hint.contains("Navnet"), "help texts are in the site's language: {hint}");
}

#[test]
fn districts_and_languages_are_chosen_from_the_sites_own_values() {
    let site = TestSite::city();
    site.build_ok();
    let config = config(&site);
    assert_eq!(config["backend"]["name"], "gitlab");
    assert_eq!(config["backend"]["branch"], "publisert");
    let profiles = collection(&config, "praktisk-bistand");
    let field = |name: &str| profiles["fields"].as_array().unwrap().iter().find(|f| f["name"] == name).unwrap().clone();
    let values = |field: &Value| -> Vec<String> {
        field["options"].as_array().unwrap().iter().map(|o| o["value"].as_str().unwrap().to_string()).collect()
    };
    let site_config: Value = serde_saphyr::from_str(&site.read("brukervalg.yaml")).unwrap();
    let districts: Vec<String> =
        site_config["districts"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(districts.len(), 15);
    assert_eq!(values(&field("districts"))[0], "all", "every district, also those added later");
    assert_eq!(values(&field("districts"))[1..], districts);
    let i18n: Value = serde_saphyr::from_str(&site.read("i18n/nb.yaml")).unwrap();
    let mut languages: Vec<String> = i18n["languages"].as_object().unwrap().keys().cloned().collect();
    let mut offered = values(&field("languages"));
    languages.sort();
    offered.sort();
    assert_eq!(offered, languages);
    let option = field("languages")["options"].as_array().unwrap().iter().find(|o| o["value"] == "pl").unwrap().clone();
    assert_eq!(option["label"], "polsk (pl)");
}

/// The profiles of one service folder of the example, by file stem.
fn profile_stems(site: &TestSite, service: &str) -> BTreeSet<String> {
    std::fs::read_dir(site.root().join("providers").join(service))
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().to_str()?.strip_suffix(".yaml").map(str::to_string))
        .collect()
}

#[test]
fn each_school_and_kindergarten_has_its_self_description_and_its_lettlest_companion_as_markdown_files() {
    let site = TestSite::example();
    site.build_ok();
    let config = config(&site);
    let files = collection(&config, "egenomtale")["files"].as_array().unwrap().clone();
    let paths: BTreeSet<String> = files.iter().map(|f| f["file"].as_str().unwrap().to_string()).collect();
    let wanted: BTreeSet<String> = ["skole", "barnehage"]
        .iter()
        .flat_map(|service| {
            profile_stems(&site, service).into_iter().flat_map(move |s| {
                [format!("providers/{service}/{s}.md"), format!("providers/{service}/{s}.lettlest.md")]
            })
        })
        .collect();
    assert_eq!(paths, wanted);
    for file in &files {
        // Only a body: the CMS then writes the file without front matter,
        // as the build reads it.
        let fields = file["fields"].as_array().unwrap();
        assert_eq!(fields.len(), 1);
        assert_eq!((&fields[0]["name"], &fields[0]["widget"]), (&Value::from("body"), &Value::from("markdown")));
        // A school must describe itself; a kindergarten may, and no
        // lettlest companion is required.
        let path = file["file"].as_str().unwrap();
        let required = path.starts_with("providers/skole/") && !path.ends_with(".lettlest.md");
        assert_eq!(fields[0]["required"], Value::from(required), "{path}");
        let hint = fields[0]["hint"].as_str().unwrap();
        let speaks_of = if path.starts_with("providers/skole/") { "Skolen" } else { "Barnehagen" };
        assert!(hint.contains(speaks_of) || path.ends_with(".lettlest.md"), "{path}: {hint}");
    }
}

#[test]
fn the_admin_page_loads_only_the_pinned_script_and_is_kept_out_of_search() {
    let site = TestSite::example();
    site.build_ok();
    let page = site.read("output/admin/index.html");
    let scripts = common::attrs(&page, "script", "src");
    assert_eq!(scripts, ["https://unpkg.com/@sveltia/cms@0.221.1/dist/sveltia-cms.js"]);
    assert_eq!(
        common::attrs(&page, "script", "integrity"),
        ["sha384-JQ+XsKx/UzwdTiNnFStza3XtqqQoVtyNPApkfvwlzZDfhe7giE9CnfQrpHqgv3k6"]
    );
    assert_eq!(common::attrs(&page, "script", "crossorigin"), ["anonymous"]);
    assert_eq!(page.matches("https://").count(), 1, "no other request leaves the site");
    assert_eq!(common::attrs(&page, "meta[name=robots]", "content"), ["noindex, nofollow"]);
    assert!(!site.read("output/sitemap.xml").contains("admin"));
    assert!(site.read("output/robots.txt").contains("Disallow: /admin/\n"));
}

#[test]
fn without_cms_no_form_is_written() {
    let site = TestSite::example();
    let yaml = site.read("brukervalg.yaml");
    let start = yaml.find("\ncms:\n").unwrap();
    let end = start + yaml[start..].find("\n\n").unwrap();
    site.write("brukervalg.yaml", &format!("{}{}", &yaml[..start], &yaml[end..]));
    site.build_ok();
    assert!(!site.root().join("output/admin").exists());
    assert!(!site.read("output/robots.txt").contains("admin"));
}

#[test]
fn a_repository_or_branch_the_code_host_would_refuse_is_an_error_at_its_line() {
    let site = TestSite::example();
    site.edit("brukervalg.yaml", "repo: fjordvik-kommune/brukervalg", "repo: https://github.com/fjordvik");
    site.edit("brukervalg.yaml", "branch: main", "branch: ../main");
    let errors = site.errors();
    assert_error(&errors, "brukervalg.yaml", line_of(&site, "brukervalg.yaml", "repo: https"), "`cms.repo`");
    assert_error(&errors, "brukervalg.yaml", line_of(&site, "brukervalg.yaml", "branch: ../"), "`cms.branch`");
}

#[test]
fn a_static_file_where_the_form_goes_is_refused() {
    let site = TestSite::example();
    site.write("static/admin/config.yml", "backend: {name: git-gateway}\n");
    let errors = site.errors();
    let clash = errors.iter().find(|f| f.file.to_string_lossy().contains("admin/config.yml"));
    assert!(clash.is_some(), "{}", common::describe(&errors));
}

#[test]
fn all_districts_as_the_form_saves_it_is_the_same_site_as_districts_all() {
    let profile = "providers/praktisk-bistand/storby-kommune-hjemmetjenesten.yaml";
    let written = TestSite::city();
    assert!(written.read(profile).contains("\ndistricts: all\n"));
    let before = written.build_ok();
    let saved = TestSite::city();
    saved.edit(profile, "\ndistricts: all\n", "\ndistricts:\n  - all\n");
    let after = saved.build_ok();
    assert_eq!(common::describe(&after.findings), common::describe(&before.findings), "no new finding");
    assert!(common::snapshot(&written.output()) == common::snapshot(&saved.output()), "the same pages and data");
}

#[test]
fn a_form_word_missing_from_the_sites_words_is_an_error_naming_it() {
    let site = TestSite::example();
    let line = site.read("i18n/nb.yaml").lines().find(|l| l.starts_with("  school.pupils.hint:")).unwrap().to_string();
    site.edit("i18n/nb.yaml", &format!("{line}\n"), "");
    let errors = site.errors();
    let missing = errors.iter().find(|f| f.message.contains("cms.school.pupils.hint"));
    let help = missing.and_then(|f| f.help.as_ref()).map(ToString::to_string).unwrap_or_default();
    assert!(help.contains("under `cms:`"), "{help}\n{}", common::describe(&errors));
}
