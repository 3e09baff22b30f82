//! Every kind of bad input is reported with its file, line and column, what
//! is wrong and what to do, all in one run, and never as a panic.

mod common;

use common::{TestSite, assert_error, describe};

const ALFA: &str = "providers/praktisk-bistand/alfa-omsorg.yaml";

#[test]
fn a_wrong_check_digit_in_the_organisation_number_names_the_line_but_no_digit() {
    let site = TestSite::minimal();
    site.edit(ALFA, "974123452", "974123457");
    let e = assert_error(&site.errors(), ALFA, 2, "not a valid organisation number");
    assert_eq!(e.key(), "org_number.not_valid");
    assert!(!e.message.contains("should be"), "{}", e.message);
    assert_eq!(e.position.column, 13);
    assert!(e.help.unwrap().contains("Enhetsregisteret (https://www.brreg.no/)"));
}

#[test]
fn all_problems_are_reported_together_sorted_by_file_and_line() {
    let site = TestSite::minimal();
    site.edit(ALFA, "974123452", "12345");
    site.edit(ALFA, "districts: [sentrum]", "districts: [sentrumm]");
    site.edit(ALFA, "as_of: 2026-10-01", "as_of: 2026-13-01");
    site.edit("providers/praktisk-bistand/kommunen.yaml", "phone: \"11 22 33 66\"", "phone: \"112\"");
    let errors = site.errors();
    assert_error(&errors, ALFA, 2, "9 digits");
    let district = assert_error(&errors, ALFA, 4, "not a district");
    assert!(district.help.as_ref().unwrap().contains("did you mean `sentrum`"));
    assert_error(&errors, ALFA, 12, "not a real calendar date");
    assert_error(&errors, "providers/praktisk-bistand/kommunen.yaml", 6, "phone number");
    let order: Vec<_> = errors.iter().map(|f| (f.file.clone(), f.position)).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "{}", describe(&errors));
}

#[test]
fn a_misspelt_field_is_an_error_not_ignored() {
    let site = TestSite::minimal();
    site.edit(ALFA, "ownership: private", "ownrship: private");
    let e = assert_error(&site.errors(), ALFA, 3, "unknown field `ownrship`");
    assert!(e.help.unwrap().contains("did you mean `ownership`?"));
}

#[test]
fn a_missing_required_field_is_named() {
    let site = TestSite::minimal();
    site.edit(ALFA, "name: Alfa Omsorg AS\n", "");
    let errors = site.errors();
    let e = errors
        .iter()
        .find(|f| f.message.contains("missing field `name`"))
        .unwrap_or_else(|| panic!("{}", describe(&errors)));
    assert!(e.file.ends_with("alfa-omsorg.yaml") && e.position.line > 0);
    assert!(e.help.is_some());
}

#[test]
fn broken_yaml_names_the_line() {
    let site = TestSite::minimal();
    site.edit(ALFA, "description: Et privat firma.", "description: \"Et privat firma.");
    let e = assert_error(&site.errors(), ALFA, 16, "a quoted value is not closed");
    assert_eq!(e.key(), "yaml.syntax.quote");
    assert_eq!(e.position.column, 14);
}

#[test]
fn the_word_no_is_text_not_false() {
    let site = TestSite::minimal();
    site.edit(ALFA, "description_plain: En privat bedrift.", "description_plain: no");
    site.build_ok();
    assert!(site.page("lettlest/tjenester/praktisk-bistand/alfa-omsorg/index.html").contains(">no<"));
}

#[test]
fn a_future_date_for_a_past_event_is_an_error() {
    let site = TestSite::minimal();
    site.edit(ALFA, "last_checked: 2026-10-01", "last_checked: 2027-10-01");
    assert_error(&site.errors(), ALFA, 24, "in the future");
}

#[test]
fn a_file_name_with_norwegian_letters_gets_a_suggested_slug() {
    let site = TestSite::minimal();
    let text = site.read(ALFA);
    site.remove(ALFA);
    site.write("providers/praktisk-bistand/bjørnstad-omsorg.yaml", &text);
    let e = assert_error(
        &site.errors(),
        "providers/praktisk-bistand/bjørnstad-omsorg.yaml",
        0,
        "cannot be used in a web address",
    );
    assert!(e.help.unwrap().contains("bjornstad-omsorg"));
}

#[test]
fn a_profile_in_an_unknown_service_folder_is_an_error() {
    let site = TestSite::minimal();
    let text = site.read(ALFA);
    site.write("providers/hjemmesykepleie/alfa-omsorg.yaml", &text);
    let e = assert_error(&site.errors(), "providers/hjemmesykepleie/alfa-omsorg.yaml", 0, "not a service");
    assert!(e.help.unwrap().contains("praktisk-bistand"));
}

#[test]
fn the_default_provider_must_exist_in_its_service() {
    let site = TestSite::minimal();
    site.edit("brukervalg.yaml", "default_provider: kommunen", "default_provider: kommune");
    let e = assert_error(&site.errors(), "brukervalg.yaml", 36, "not a provider of that service");
    assert!(e.help.unwrap().contains("kommunen"));
}

#[test]
fn the_same_organisation_number_twice_in_one_service_is_an_error() {
    let site = TestSite::minimal();
    site.write("providers/praktisk-bistand/alfa-kopi.yaml", &site.read(ALFA));
    assert_error(&site.errors(), ALFA, 2, "already used by providers/praktisk-bistand/alfa-kopi.yaml");
}

#[test]
fn an_internal_link_that_leads_nowhere_names_the_markdown_line() {
    let site = TestSite::minimal();
    site.edit("content/klage.md", "(/tjenester/praktisk-bistand/)", "(/tjenester/praktisk-bistan/)");
    let e = assert_error(&site.errors(), "content/klage.md", 6, "leads to no page");
    assert!(e.help.unwrap().contains("did you mean `/tjenester/praktisk-bistand/`"));
}

#[test]
fn a_page_without_front_matter_is_explained() {
    let site = TestSite::minimal();
    site.write("content/om.md", "Bare tekst\n");
    assert_error(&site.errors(), "content/om.md", 1, "no front matter");
}

#[test]
fn front_matter_errors_point_into_the_file_not_the_yaml_block() {
    let site = TestSite::minimal();
    site.edit("content/klage.md", "order: 1", "order: first");
    let errors = site.errors();
    assert_eq!(errors.len(), 1, "{}", describe(&errors));
    let e = &errors[0];
    // Line 4 of the file (not line 3 of the YAML block), at the value.
    assert_eq!((e.file.to_str(), e.position.line, e.position.column), (Some("content/klage.md"), 4, 8));
    assert!(e.help.as_ref().is_some_and(|h| h.contains("whole number")), "{e:?}");
}

#[test]
fn a_page_may_not_take_a_name_the_site_uses() {
    let site = TestSite::minimal();
    site.write("content/tjenester.md", "---\ntitle: T\nsummary: S\n---\nx\n");
    assert_error(&site.errors(), "content/tjenester.md", 0, "name the site itself uses");
}

#[test]
fn a_missing_configuration_says_where_it_looked() {
    let site = TestSite::minimal();
    site.remove("brukervalg.yaml");
    let e = assert_error(&site.errors(), "brukervalg.yaml", 0, "no site configuration");
    assert!(e.help.unwrap().contains("--root"));
}

#[test]
fn a_web_address_that_is_not_http_is_an_error() {
    let site = TestSite::minimal();
    site.edit(ALFA, "web: https://alfa.no/", "web: javascript:alert(1)");
    assert_error(&site.errors(), ALFA, 8, "not a web address");
}

#[test]
fn a_school_without_its_self_description_is_an_error() {
    let site = TestSite::example();
    site.remove("providers/skole/hagevik-skole.md");
    assert_error(&site.errors(), "providers/skole/hagevik-skole.yaml", 0, "no self-description");
}

#[test]
fn a_self_description_over_the_word_limit_is_an_error() {
    let site = TestSite::example();
    let long = "ord ".repeat(700);
    site.write("providers/skole/hagevik-skole.md", &long);
    assert_error(&site.errors(), "providers/skole/hagevik-skole.md", 0, "700 words; the limit is 600");
}

#[test]
fn no_input_makes_it_panic() {
    // Garbage of many shapes where a profile should be: each must give
    // findings, never a panic.
    let inputs = [
        "",
        "\0\0\0",
        "- a\n- b\n",
        "name: [\n",
        "&a [*a]",
        "a: &x b\nc: *x\n",
        "name: !!binary aGVsbG8=\n",
        "{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{",
        "name: x\norg_number: 1e9\n",
        "\u{feff}name: x\n",
        "key: \"\\uD800\"\n",
        "? [a, b]\n: c\n",
    ];
    for input in inputs {
        let site = TestSite::minimal();
        site.write(ALFA, input);
        assert!(site.build().is_err(), "{input:?}");
    }
    let site = TestSite::minimal();
    std::fs::write(site.root().join(ALFA), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    assert_error(&site.errors(), ALFA, 1, "not valid UTF-8");
}

#[test]
fn links_to_every_page_and_file_the_build_writes_are_accepted() {
    let site = TestSite::minimal();
    site.write(
        "content/klage.md",
        "---\ntitle: Slik klager du\nsummary: Du kan klage.\norder: 1\n---\n\
         [a](/tjenester/praktisk-bistand/sammenlign/) [b](/tjenester/praktisk-bistand/sprak/pl/) \
         [c](/tjenester/praktisk-bistand/kapasitet/venteliste/) [d](/data/providers.json) \
         [e](/data/survey-results.csv) [f](/assets/style.css) [g](/sitemap.xml) \
         [h](/tjenester/praktisk-bistand/#bytte) [i](/klage/#main) [j](/404.html)\n",
    );
    site.build_ok();
}

#[test]
fn a_link_to_a_section_the_page_lacks_names_the_line_and_the_sections_it_has() {
    let site = TestSite::minimal();
    site.edit(
        "content/klage.md",
        "(/tjenester/praktisk-bistand/)",
        "(/klage/#finnesikke) og [b](/tjenester/praktisk-bistand/#byte)",
    );
    let errors = site.errors();
    assert_error(&errors, "content/klage.md", 6, "`/klage/` has no section `#finnesikke`");
    let e = assert_error(&errors, "content/klage.md", 6, "has no section `#byte`");
    assert!(e.help.unwrap().contains("did you mean `#bytte`"));
}

#[test]
fn a_placeholder_is_an_error_in_any_field_and_file() {
    let site = TestSite::minimal();
    site.edit(ALFA, "unit: per gang", "unit: FYLL INN");
    site.edit(ALFA, "  web: https://alfa.no/", "  web: https://alfa.no/\n  address: Storgata FYLL INN");
    site.edit("content/klage.md", "Du kan klage til", "FYLL INN Du kan klage til");
    site.edit("content/klage.lettlest.md", "---\n", "---\n# FYLL INN\n");
    let errors = site.errors();
    assert_error(&errors, ALFA, 9, "still says «FYLL INN»");
    let unit = assert_error(&errors, ALFA, 22, "still says «FYLL INN»");
    assert_eq!(unit.position.column, 11);
    assert_error(&errors, "content/klage.md", 6, "still says «FYLL INN»");
    assert_error(&errors, "content/klage.lettlest.md", 2, "still says «FYLL INN»");
}

#[test]
fn a_template_error_points_at_the_template_as_the_editor_wrote_it() {
    // Templates lose their indentation when loaded; their errors must not.
    let site = TestSite::minimal();
    let written = "<h1>{{ provider.name }}</h1>";
    let source = site.read("templates/provider.html");
    let (row, line) = source.lines().enumerate().find(|(_, l)| l.contains(written)).unwrap();
    assert!(line.starts_with("  "), "the line is indented: {line}");
    site.edit("templates/provider.html", written, "<h1>{{ provider.no_such_field }}</h1>");
    let column = line.find(written).unwrap() + "<h1>{{ provider.".len() + 1;
    let errors = site.errors();
    let at = format!("provider.html:{}:{column}", row + 1);
    assert!(errors.iter().any(|f| f.message.contains(&at)), "{at} in:\n{}", describe(&errors));

    site.edit("templates/provider.html", "{{ provider.no_such_field }}", "{{ provider.no_such_field");
    assert!(site.errors().iter().any(|f| f.message.contains(&format!("provider.html:{}:", row + 1))));
}

#[test]
fn a_missing_ui_string_names_the_template_line_and_key() {
    let site = TestSite::minimal();
    site.edit("templates/home.html", "{{ t.home_heading }}", "{{ t.home_headng }}");
    let e =
        assert_error(&site.errors(), "templates/home.html", 3, "the UI string `home_headng` is not in i18n/nb.yaml");
    assert_eq!(e.position.column, 10);
}

#[test]
fn a_missing_ui_string_the_code_asks_for_is_an_error_too() {
    let site = TestSite::minimal();
    let nb = site.read("i18n/nb.yaml");
    let line = nb.lines().find(|l| l.trim_start().starts_with("compare_title:")).unwrap().to_string();
    site.write("i18n/nb.yaml", &nb.replace(&format!("{line}\n"), ""));
    // Only the code asks for `compare_title` (the comparison page's title).
    let e = assert_error(&site.errors(), "i18n/nb.yaml", 0, "the UI string `compare_title` is missing");
    assert!(e.help.unwrap().contains("compare_title: ..."));
    assert!(!site.output().exists());
}
