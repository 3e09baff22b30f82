//! One fixture per rule, each breaking exactly that rule, asserting the
//! file, line and message (the rules not already covered in errors.rs).

mod common;

use common::{TestSite, assert_error};

const ALFA: &str = "providers/praktisk-bistand/alfa-omsorg.yaml";
const CONFIG: &str = "brukervalg.yaml";

fn warnings(site: &TestSite) -> Vec<brukervalg::diagnostics::Finding> {
    site.build_ok().findings
}

#[test]
fn a_number_with_units_is_a_type_error_with_help() {
    let site = TestSite::minimal();
    site.edit(ALFA, "price: 450", "price: 450 kr");
    let e = assert_error(&site.errors(), ALFA, 20, "a whole number is needed here");
    assert!(e.help.unwrap().contains("whole number"));
}

#[test]
fn an_email_of_the_wrong_shape_is_an_error() {
    let site = TestSite::minimal();
    site.edit(ALFA, "email: post@alfa.no", "email: post(at)alfa.no");
    assert_error(&site.errors(), ALFA, 7, "not an e-mail address");
}

#[test]
fn an_unknown_language_code_is_an_error_with_a_suggestion() {
    let site = TestSite::minimal();
    site.edit(ALFA, "languages: [nb, pl]", "languages: [nb, nbb]");
    let e = assert_error(&site.errors(), ALFA, 9, "not a known language code");
    assert!(e.help.unwrap().contains("did you mean `nb`"));
}

#[test]
fn a_district_id_used_twice_is_an_error() {
    let site = TestSite::minimal();
    site.edit(CONFIG, "  - id: nordre-asen", "  - id: sentrum");
    assert_error(&site.errors(), CONFIG, 13, "district id `sentrum` is used twice");
}

#[test]
fn a_service_id_used_twice_is_an_error() {
    let site = TestSite::minimal();
    let config = site.read(CONFIG);
    let service = &config[config.find("  - id: praktisk-bistand").unwrap()..];
    site.write(CONFIG, &format!("{config}{service}"));
    let errors = site.errors();
    assert!(
        errors.iter().any(|f| f.message.contains("service id `praktisk-bistand` is used twice")),
        "{}",
        common::describe(&errors)
    );
}

#[test]
fn a_district_id_that_is_not_a_slug_is_an_error() {
    let site = TestSite::minimal();
    site.edit(CONFIG, "  - id: nordre-asen", "  - id: Nordre Åsen");
    let e = assert_error(&site.errors(), CONFIG, 13, "cannot be used in a web address");
    assert!(e.help.unwrap().contains("nordre-asen"));
}

#[test]
fn a_description_over_the_word_limit_is_an_error() {
    let site = TestSite::minimal();
    site.edit(ALFA, "description: Et privat firma.", &format!("description: {}", "ord ".repeat(130)));
    assert_error(&site.errors(), ALFA, 16, "130 words; the limit is 120");
}

#[test]
fn a_school_block_outside_a_school_service_is_an_error() {
    let site = TestSite::minimal();
    let text = site.read(ALFA) + "school:\n  grades: {from: 1, to: 7}\n  pupils: 1\n  capacity: 2\n  transport: x\n";
    site.write(ALFA, &text);
    assert_error(&site.errors(), ALFA, 26, "only for providers of a school service");
}

#[test]
fn a_school_without_its_school_block_is_an_error() {
    let site = TestSite::example();
    let path = "providers/skole/hagevik-skole.yaml";
    let text = site.read(path);
    let (school, last) = (text.find("school:").unwrap(), text.find("last_checked:").unwrap());
    site.write(path, &format!("{}{}", &text[..school], &text[last..]));
    assert_error(&site.errors(), path, 1, "needs a `school` block");
}

#[test]
fn impossible_grades_and_zero_capacity_are_errors() {
    let site = TestSite::example();
    let path = "providers/skole/hagevik-skole.yaml";
    let text = site.read(path);
    let (school, last) = (text.find("school:").unwrap(), text.find("last_checked:").unwrap());
    let fixed = format!(
        "{}school:\n  grades:\n    from: 8\n    to: 3\n  pupils: 10\n  capacity: 0\n  transport: Ingen skyss.\n  transport_plain: Ingen skyss.\n{}",
        &text[..school],
        &text[last..]
    );
    site.write(path, &fixed);
    let errors = site.errors();
    let line = text[..school].lines().count() as u32 + 3;
    assert_error(&errors, path, line, "grades 8-3 are not possible");
    assert_error(&errors, path, line + 3, "`school.capacity` is 0");
}

#[test]
fn after_school_care_must_describe_the_programme_not_say_no() {
    let site = TestSite::example();
    let path = "providers/skole/hagevik-skole.yaml";
    let text = site.read(path);
    let start = text.find("  after_school_care:").unwrap();
    let end = start + text[start..].find("\n  focus_areas").or_else(|| text[start..].find("\n  transport")).unwrap();
    site.write(path, &format!("{}  after_school_care: nei{}", &text[..start], &text[end..]));
    let line = text[..start].lines().count() as u32 + 1;
    assert_error(&site.errors(), path, line, "says only `nei`");
}

#[test]
fn a_missing_profile_picture_is_an_error() {
    let site = TestSite::minimal();
    site.edit(ALFA, "last_checked:", "image:\n  file: alfa.jpg\n  alt: Ansatte foran kontoret\nlast_checked:");
    assert_error(&site.errors(), ALFA, 25, "is not in the profile's folder");
}

#[test]
fn a_picture_of_an_unsupported_kind_is_an_error() {
    let site = TestSite::minimal();
    site.write("providers/praktisk-bistand/alfa.svg", "<svg/>");
    site.edit(ALFA, "last_checked:", "image:\n  file: alfa.svg\n  alt: Logo\nlast_checked:");
    assert_error(&site.errors(), ALFA, 25, "not a supported picture");
}

#[test]
fn a_picture_without_alt_text_is_an_error() {
    let site = TestSite::minimal();
    site.write("providers/praktisk-bistand/alfa.jpg", "jpeg");
    site.edit(ALFA, "last_checked:", "image:\n  file: alfa.jpg\n  alt: \"\"\nlast_checked:");
    assert_error(&site.errors(), ALFA, 26, "`image.alt` is empty");
}

#[test]
fn a_picture_is_published_with_its_alt_text() {
    let site = TestSite::minimal();
    site.write("providers/praktisk-bistand/alfa.jpg", "jpeg");
    site.edit(ALFA, "last_checked:", "image:\n  file: alfa.jpg\n  alt: Ansatte foran kontoret\nlast_checked:");
    site.build_ok();
    assert!(site.output().join("bilder/praktisk-bistand/alfa-omsorg.jpg").is_file());
    let html = site.page("tjenester/praktisk-bistand/alfa-omsorg/index.html");
    assert!(html.contains("alt=\"Ansatte foran kontoret\""), "{html}");
}

#[test]
fn a_picture_outside_the_profile_folder_is_refused() {
    let site = TestSite::minimal();
    site.edit(ALFA, "last_checked:", "image:\n  file: ../../brukervalg.yaml\n  alt: x\nlast_checked:");
    assert_error(&site.errors(), ALFA, 25, "must be a file beside the profile");
}

#[test]
fn a_markdown_image_without_alt_text_is_warned_about() {
    let site = TestSite::minimal();
    site.write("static/assets/a.png", "");
    site.edit("content/klage.md", "Du kan klage til", "![](/assets/a.png)\n\nDu kan klage til");
    let w = warnings(&site);
    assert!(
        w.iter()
            .any(|f| f.file.ends_with("klage.md") && f.position.line == 6 && f.message.contains("no text alternative"))
    );
}

#[test]
fn a_missing_plain_language_field_is_warned_about_at_the_standard_field() {
    let site = TestSite::minimal();
    site.edit(ALFA, "description_plain: En privat bedrift.\n", "");
    let w = warnings(&site);
    let f = w.iter().find(|f| f.message.contains("`description` has no plain-language version")).unwrap();
    assert_eq!((f.file.to_str().unwrap(), f.position.line), (ALFA, 16));
}
