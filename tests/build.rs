//! What a successful build writes, and that a failed one writes nothing.

mod common;

use brukervalg::diagnostics::Severity;
use common::{TestSite, snapshot};

#[test]
fn the_example_municipality_builds_without_errors_or_warnings() {
    let site = TestSite::example();
    let report = site.build_ok();
    // Notes name the survey figures hidden by the rules: no fault.
    assert!(report.findings.iter().all(|f| f.severity == Severity::Note), "{}", common::describe(&report.findings));
    // Counted from the input files, not from the tool: every profile and
    // every information page has its page in all four variants.
    let variants = ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"];
    let mut expected = Vec::new();
    for service in std::fs::read_dir(site.root().join("providers")).unwrap() {
        let service = service.unwrap().path();
        for profile in std::fs::read_dir(&service).unwrap() {
            let profile = profile.unwrap().path();
            if profile.extension().is_some_and(|e| e == "yaml") {
                let (s, p) = (service.file_name().unwrap(), profile.file_stem().unwrap());
                expected.push(format!("tjenester/{}/{}/index.html", s.to_str().unwrap(), p.to_str().unwrap()));
            }
        }
    }
    for page in std::fs::read_dir(site.root().join("content")).unwrap() {
        let name = page.unwrap().file_name().into_string().unwrap();
        if let Some(slug) = name.strip_suffix(".md").filter(|s| !s.ends_with(".lettlest")) {
            expected.push(format!("{slug}/index.html"));
        }
    }
    assert_eq!(expected.len(), 28 + 7, "the example's profiles and pages");
    for page in &expected {
        for variant in variants {
            assert!(site.output().join(variant).join(page).is_file(), "{variant}{page} missing");
        }
    }
    // The report counts what was written: every HTML page of every variant.
    let written = walkdir::WalkDir::new(site.output())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        // admin/ is the providers' profile form, no page of the site.
        .filter(|e| !e.path().starts_with(site.output().join("admin")))
        .count();
    assert_eq!(report.pages, written, "pages reported");
    assert!(report.pages > 4 * expected.len(), "lists, filters and the home page too");
    for file in ["index.html", "404.html", "sitemap.xml", "robots.txt", "assets/style.css"] {
        assert!(site.output().join(file).is_file(), "{file} missing");
    }
}

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let site = TestSite::example();
    let first = site.root().join("first");
    let second = site.root().join("second");
    site.build_into(&first).unwrap();
    site.build_into(&second).unwrap();
    let (a, b) = (snapshot(&first), snapshot(&second));
    assert!(a.len() > 100);
    assert_eq!(a.iter().map(|f| &f.0).collect::<Vec<_>>(), b.iter().map(|f| &f.0).collect::<Vec<_>>());
    for ((path, x), (_, y)) in a.iter().zip(&b) {
        assert!(x == y, "{} differs between builds", path.display());
    }
}

#[test]
fn every_page_exists_in_all_four_variants_with_pretty_urls() {
    let site = TestSite::minimal();
    site.build_ok();
    for root in ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"] {
        for page in [
            "index.html",
            "tjenester/praktisk-bistand/index.html",
            "tjenester/praktisk-bistand/alfa-omsorg/index.html",
            "klage/index.html",
            "404.html",
        ] {
            assert!(site.output().join(format!("{root}{page}")).is_file(), "{root}{page}");
        }
    }
}

#[test]
fn providers_are_listed_alphabetically_and_the_municipal_one_is_not_pinned_first() {
    let site = TestSite::minimal();
    site.build_ok();
    let html = site.page("tjenester/praktisk-bistand/index.html");
    let alfa = html.find("Alfa Omsorg AS").unwrap();
    let kommunen = html.find("Testvik kommune hjemmetjenesten</a>").unwrap();
    assert!(alfa < kommunen, "Alfa should come before Testvik");
}

#[test]
fn plain_variant_uses_plain_wording_and_falls_back_to_the_standard_text() {
    let site = TestSite::minimal();
    site.remove("content/klage.lettlest.md");
    let report = site.build_ok();
    assert!(report.findings.iter().any(|f| f.message.contains("no plain-language version")));
    let plain_home = site.page("lettlest/index.html");
    assert!(plain_home.contains("Her velger du."));
    assert!(site.page("lettlest/klage/index.html").contains("Slik klager du"));
    assert!(site.page("index.html").contains("Her velger du leverandør."));
}

#[test]
fn internal_markdown_links_become_relative_to_the_page() {
    let site = TestSite::minimal();
    site.build_ok();
    let html = site.page("klage/index.html");
    assert!(html.contains(r#"href="../tjenester/praktisk-bistand/""#), "{html}");
}

#[test]
fn sitemap_lists_ordinary_print_pages_and_large_print_points_search_engines_there() {
    let site = TestSite::minimal();
    site.build_ok();
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains(
        "<loc>https://brukervalg.testvik.no/tjenester/praktisk-bistand/alfa-omsorg/</loc><lastmod>2026-10-01</lastmod>"
    ));
    assert!(sitemap.contains("<loc>https://brukervalg.testvik.no/lettlest/klage/</loc>"));
    assert!(!sitemap.contains("/stor-skrift/"), "large print has the same text: not listed on its own");
    assert!(site.page("robots.txt").contains("Sitemap: https://brukervalg.testvik.no/sitemap.xml"));

    let head = |page: &str| {
        let html = site.page(page);
        html[..html.find("</head>").unwrap()].to_string()
    };
    let large = head("stor-skrift/lettlest/klage/index.html");
    assert!(large.contains(r#"<link rel=canonical href="https://brukervalg.testvik.no/lettlest/klage/">"#), "{large}");
    assert!(!large.contains("name=description"), "{large}");
    let ordinary = head("lettlest/klage/index.html");
    assert!(ordinary.contains("name=description") && !ordinary.contains("canonical"), "{ordinary}");
    // A provider's description is its page's first paragraph: not repeated.
    let provider = head("tjenester/praktisk-bistand/alfa-omsorg/index.html");
    assert!(!provider.contains("name=description"), "{provider}");
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_for_byte_intact() {
    let site = TestSite::minimal();
    site.build_ok();
    let before = snapshot(&site.output());
    site.edit("providers/praktisk-bistand/alfa-omsorg.yaml", "974123452", "974123457");
    site.edit("content/klage.md", "Du kan klage", "Endret tekst");
    assert!(site.build().is_err());
    assert_eq!(snapshot(&site.output()), before);
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".output"))
        .collect();
    assert!(leftovers.is_empty(), "staging folders left behind");
}

#[test]
fn a_template_error_is_reported_and_also_leaves_the_output_intact() {
    let site = TestSite::minimal();
    site.build_ok();
    let before = snapshot(&site.output());
    site.edit("templates/provider.html", "<h1>{{ provider.name }}</h1>", "<h1>{{ provider.name </h1>");
    let errors = site.errors();
    assert!(errors.iter().any(|f| f.message.contains("template")), "{}", common::describe(&errors));
    assert_eq!(snapshot(&site.output()), before);
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_write() {
    let site = TestSite::minimal();
    let precious = site.root().join("documents");
    std::fs::create_dir_all(&precious).unwrap();
    std::fs::write(precious.join("letter.txt"), "keep me").unwrap();
    assert!(site.build_into(&precious).is_err());
    assert_eq!(std::fs::read_to_string(precious.join("letter.txt")).unwrap(), "keep me");
    assert!(site.build_into(site.root()).is_err(), "the site root itself is not an output folder");
}

#[test]
fn a_stale_profile_is_marked_to_readers_and_warned_about() {
    let site = TestSite::minimal();
    site.edit("providers/praktisk-bistand/alfa-omsorg.yaml", "last_checked: 2026-10-01", "last_checked: 2025-06-01");
    let report = site.build_ok();
    let warning = report.findings.iter().find(|f| f.message.contains("last checked")).expect("a staleness warning");
    assert_eq!(warning.position.line, 24);
    let html = site.page("tjenester/praktisk-bistand/alfa-omsorg/index.html");
    assert!(html.contains("class=\"notice stale\""), "{html}");
    assert!(html.contains("1. juni 2025"), "{html}");
}

#[test]
fn the_footer_always_shows_the_municipality_contact() {
    let site = TestSite::minimal();
    site.build_ok();
    for page in
        ["index.html", "tjenester/praktisk-bistand/index.html", "tjenester/praktisk-bistand/alfa-omsorg/index.html"]
    {
        let html = site.page(page);
        let footer = &html[html.find("<footer").unwrap()..];
        assert!(footer.contains("Servicetorget"), "{page}: {footer}");
    }
}

#[test]
fn the_paid_extras_box_appears_only_where_a_provider_has_extras() {
    let site = TestSite::minimal();
    site.build_ok();
    assert!(site.page("tjenester/praktisk-bistand/alfa-omsorg/index.html").contains("Tilleggstjenester du kan kjøpe"));
    assert!(!site.page("tjenester/praktisk-bistand/kommunen/index.html").contains("Tilleggstjenester du kan kjøpe"));
}

#[test]
fn nynorsk_sites_get_nynorsk_ui_strings_and_lang() {
    let site = TestSite::minimal();
    site.as_nynorsk();
    site.build_ok();
    let html = site.page("index.html");
    assert!(html.contains("<html lang=\"nn\""), "{}", &html[..200]);
    assert!(html.contains("Hopp til hovudinnhaldet"), "nynorsk skip link");
}

#[test]
fn the_four_variant_trees_have_the_same_set_of_pages() {
    let site = TestSite::example();
    site.build_ok();
    let pages = |root: &str| -> std::collections::BTreeSet<std::path::PathBuf> {
        snapshot(&site.output().join(root))
            .into_iter()
            .map(|(p, _)| p)
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .filter(|p| !p.starts_with("lettlest") && !p.starts_with("stor-skrift"))
            // The providers' profile form has no variants: it is no page.
            .filter(|p| !p.starts_with("admin"))
            .collect()
    };
    let standard = pages("");
    assert!(standard.len() > 80, "{}", standard.len());
    for root in ["lettlest", "stor-skrift", "stor-skrift/lettlest"] {
        assert_eq!(pages(root), standard, "{root}");
    }
}

#[test]
fn every_page_links_to_its_counterparts_and_marks_the_current_variant() {
    let site = TestSite::minimal();
    site.build_ok();
    let html = site.page("stor-skrift/tjenester/praktisk-bistand/alfa-omsorg/index.html");
    let doc = scraper::Html::parse_document(&html);
    // The variant menu is the one way to the counterparts (no
    // rel=alternate links in the head to repeat it); links climb only out
    // of the folders the two pages do not share.
    let variants: Vec<String> = doc
        .select(&scraper::Selector::parse(".variants a").unwrap())
        .map(|l| l.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(
        variants,
        [
            "../../../../tjenester/praktisk-bistand/alfa-omsorg/",
            "../../../../lettlest/tjenester/praktisk-bistand/alfa-omsorg/",
            "./",
            "../../../lettlest/tjenester/praktisk-bistand/alfa-omsorg/",
        ]
    );
    assert_eq!(doc.select(&scraper::Selector::parse("link[rel=alternate]").unwrap()).count(), 0);
    let current: Vec<String> = doc
        .select(&scraper::Selector::parse(".variants a[aria-current=page]").unwrap())
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(current, ["Stor skrift"]);
    assert!(html.contains("<html lang=\"nb\" class=large-print>"), "large print is set on the root element");
}

#[test]
fn bokmal_and_nynorsk_ui_strings_have_the_same_keys() {
    use std::collections::BTreeMap;
    #[derive(serde::Deserialize)]
    struct Strings {
        strings: BTreeMap<String, String>,
        plain: BTreeMap<String, String>,
        months: Vec<String>,
        languages: BTreeMap<String, String>,
    }
    let read = |lang: &str| -> Strings {
        let text = std::fs::read_to_string(common::project_root().join(format!("i18n/{lang}.yaml"))).unwrap();
        serde_saphyr::from_str(&text).unwrap()
    };
    let (nb, nn) = (read("nb"), read("nn"));
    let keys = |m: &BTreeMap<String, String>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&nb.strings), keys(&nn.strings));
    assert_eq!(keys(&nb.plain), keys(&nn.plain));
    assert_eq!(keys(&nb.languages), keys(&nn.languages));
    assert_eq!(nb.months.len(), 12);
    assert_eq!(nn.months.len(), 12);
    // Every string a template asks for exists.
    for template in std::fs::read_dir(common::project_root().join("templates")).unwrap() {
        let text = std::fs::read_to_string(template.unwrap().path()).unwrap();
        let bytes = text.as_bytes();
        for (i, _) in text.match_indices("t.") {
            let word_start =
                i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_' || bytes[i - 1] == b'.');
            if !word_start {
                continue;
            }
            let key: String = text[i + 2..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if !key.is_empty() {
                assert!(nb.strings.contains_key(&key), "templates use t.{key}, missing in i18n/nb.yaml");
            }
        }
    }
}
