//! Open data: what `data/providers.json` and `data/providers.csv` say of a
//! profile, checked against the profile as written (tests/fixtures/minimal),
//! not against the tool's own model.

mod common;

use common::TestSite;

fn built() -> TestSite {
    let site = TestSite::minimal();
    site.build_ok();
    site
}

#[test]
fn the_json_holds_each_profile_as_written() {
    let site = built();
    let json: serde_json::Value = serde_json::from_str(&site.page("data/providers.json")).expect("valid JSON");
    assert_eq!(json["municipality"], "Testvik kommune");
    assert_eq!(json["source"], "https://brukervalg.testvik.no/");
    let providers = json["providers"].as_array().unwrap();
    // Neutral order: by name.
    let names: Vec<&str> = providers.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Alfa Omsorg AS", "Testvik kommune hjemmetjenesten"]);

    let alfa = &providers[0];
    for (field, value) in [
        ("service", "praktisk-bistand"),
        ("service_name", "Praktisk bistand"),
        ("slug", "alfa-omsorg"),
        ("url", "https://brukervalg.testvik.no/tjenester/praktisk-bistand/alfa-omsorg/"),
        ("org_number", "974123452"),
        ("ownership", "privat"),
        ("capacity", "venteliste"),
        ("capacity_as_of", "2026-10-01"),
        ("admission", "approval"),
        ("admitted_from", "2025-01-01"),
        ("description", "Et privat firma."),
        ("description_plain", "En privat bedrift."),
        ("last_checked", "2026-10-01"),
        ("phone", "11223377"),
        ("email", "post@alfa.no"),
        ("web", "https://alfa.no/"),
    ] {
        assert_eq!(alfa[field], value, "{field}");
    }
    assert_eq!(alfa["districts"], serde_json::json!(["sentrum"]));
    assert_eq!(alfa["languages"].as_array().unwrap().len(), 2, "nb and pl");
    assert_eq!(alfa["extras"], serde_json::json!([{ "name": "Vindusvask", "price_nok": 450, "unit": "per gang" }]));
    assert_eq!(alfa["staff_per_month"], 3);
    assert_eq!(alfa["admitted_until"], serde_json::Value::Null);
    assert_eq!(alfa["default_provider"], false);

    let kommunen = &providers[1];
    assert_eq!(kommunen["default_provider"], true);
    assert_eq!(kommunen["ownership"], "kommunal");
    assert_eq!(kommunen["admission"], serde_json::Value::Null, "the municipality is not admitted");
    assert_eq!(kommunen["districts"], serde_json::json!(["sentrum", "nordre-asen"]));
}

#[test]
fn the_csv_says_what_the_json_says() {
    let site = built();
    let json: serde_json::Value = serde_json::from_str(&site.page("data/providers.json")).unwrap();
    let text = site.page("data/providers.csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let cell = |row: &csv::StringRecord, column: &str| -> String {
        let at = headers.iter().position(|h| h == column).unwrap_or_else(|| panic!("no column {column}"));
        row[at].to_string()
    };
    assert_eq!(cell(&rows[0], "name"), "Alfa Omsorg AS");
    assert_eq!(cell(&rows[0], "districts"), "sentrum");
    assert_eq!(cell(&rows[1], "districts"), "sentrum;nordre-asen");
    assert_eq!(cell(&rows[0], "extras"), "Vindusvask: 450 per gang");
    assert_eq!(cell(&rows[0], "phone"), "11223377");
    assert_eq!(cell(&rows[1], "admitted_from"), "");
    // The same columns as the JSON has fields.
    // Inspections and indicators are lists of records: their own files
    // (data/inspections.csv, data/indicators.csv), not columns.
    let mut fields: Vec<&str> = json["providers"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .filter(|f| !["inspections", "indicators"].contains(f))
        .collect();
    let mut columns: Vec<&str> = headers.iter().collect();
    fields.sort_unstable();
    columns.sort_unstable();
    assert_eq!(columns, fields);
}
