use super::*;

fn glossary() -> Glossary {
    Glossary::parsed(
        "terms:\n  - term: vedtak\n    forms: [vedtaket]\n    explanation: et brev fra kommunen\n    avoid:\n      - words: [firma]\n        instead: skriv leverandør\n  - term: leverandør\n    forms: [leverandøren]\n    plural_forms: [leverandører]\n    explanation: den som gir deg hjelpen\n  - term: Statsforvalteren\n    explanation: statens kontor i fylket\nhard_words: [vedtak, egenandel]\n",
    )
}

fn main(body: &str) -> String {
    explain_terms(&format!("<main>{body}</main>"), &glossary())
}

#[test]
fn the_first_use_on_a_page_is_explained_in_place() {
    let html = "<h1>Vedtak</h1><main><h2>Om vedtaket</h2><p>Du får et vedtak. Vedtaket gjelder.</p></main>";
    let out = explain_terms(html, &glossary());
    assert_eq!(
        out,
        "<h1>Vedtak</h1><main><h2>Om vedtaket</h2><p>Du får et <dfn>vedtak</dfn> (et brev fra kommunen). Vedtaket gjelder.</p></main>"
    );
}

#[test]
fn a_term_with_hyphenation_points_is_still_the_term() {
    let out = main("<p>Du får et ved\u{AD}tak.</p>");
    assert_eq!(out, "<main><p>Du får et <dfn>ved\u{AD}tak</dfn> (et brev fra kommunen).</p></main>");
}

#[test]
fn links_and_source_notes_are_left_whole_and_an_explanation_in_brackets_is_kept() {
    let out = main("<p class=\"source\">Om vedtak.</p><p><a href=\"/x/\">vedtak</a> og vedtaket (brevet)</p>");
    assert_eq!(
        out,
        "<main><p class=\"source\">Om vedtak.</p><p><a href=\"/x/\">vedtak</a> og <dfn>vedtaket</dfn> (brevet)</p></main>"
    );
}

#[test]
fn terms_starting_with_any_letter_in_any_case_are_found() {
    let glossary = Glossary::parsed(
        "terms:\n  - term: økonomisk tilskudd\n    forms: [Ønskeplass]\n    explanation: en plass du ønsker\n  - term: Rehabilitering\n    explanation: trening etter sykdom\n",
    );
    let out =
        explain_terms("<main><p>Rehabilitering gir en ØNSKEPLASS og mer re\u{AD}habilitering.</p></main>", &glossary);
    assert_eq!(
        out,
        "<main><p><dfn>Rehabilitering</dfn> (trening etter sykdom) gir en <dfn>ØNSKEPLASS</dfn> (en plass du ønsker) og mer re\u{AD}habilitering.</p></main>"
    );
}

#[test]
fn terms_and_header_cells_stay_as_written_without_their_end_tags() {
    let out = main("<dl><dt>Vedtak<dd>Du får et vedtak.</dl>");
    assert_eq!(out, "<main><dl><dt>Vedtak<dd>Du får et <dfn>vedtak</dfn> (et brev fra kommunen).</dl></main>");
    let out = main("<table><tr><th>Vedtak<td>Et vedtak.<tr><th>X</table><p>vedtak</p>");
    assert!(out.contains("<th>Vedtak<td>Et <dfn>vedtak</dfn> (et brev"), "{out}");
}

#[test]
fn a_source_note_is_left_alone_with_or_without_quotes() {
    for note in ["<p class=\"source\">", "<p class=source>"] {
        let out = main(&format!("{note}Om vedtak.</p><p>Et vedtak.</p>"));
        assert!(out.contains(&format!("{note}Om vedtak.</p><p>Et <dfn>vedtak</dfn>")), "{out}");
    }
}

#[test]
fn a_term_the_sentence_defines_gets_no_second_explanation() {
    let out = main("<p>Vedtak er et brev. Les vedtaket.</p>");
    assert_eq!(out, "<main><p><dfn>Vedtak</dfn> er et brev. Les vedtaket.</p></main>");
}

#[test]
fn no_explanation_in_a_block_whose_text_defines_the_word_later() {
    let out = main(
        "<p>Ring le\u{AD}ve\u{AD}ran\u{AD}dør på telefonen. Le\u{AD}ve\u{AD}ran\u{AD}dø\u{AD}ren er den som gir deg hjelpen.</p><p>Velg en leverandør.</p>",
    );
    assert!(!out.contains("(den som gir deg hjelpen)"), "{out}");
}

#[test]
fn a_plural_use_gets_the_plural_explanation_or_waits_for_a_singular_one() {
    let out = main("<p>3 leverandører passer.</p><p>Velg en leverandør.</p>");
    assert_eq!(
        out,
        "<main><p>3 leverandører passer.</p><p>Velg en <dfn>leverandør</dfn> (den som gir deg hjelpen).</p></main>"
    );
    let glossary = Glossary::parsed(
        "terms:\n  - term: leverandør\n    plural_forms: [leverandører]\n    explanation: den som gir deg hjelpen\n    plural_explanation: de som gir deg hjelpen\n",
    );
    let out = explain_terms("<main><p>3 leverandører passer.</p></main>", &glossary);
    assert!(out.contains("<dfn>leverandører</dfn> (de som gir deg hjelpen)"), "{out}");
}

#[test]
fn the_explanation_follows_a_possessive_or_a_place_and_the_authors_own_brackets_stop_it() {
    let out = main("<p>Les vedtaket ditt. Klag til Statsforvalteren i Vestland.</p>");
    assert!(out.contains("<dfn>vedtaket</dfn> ditt (et brev fra kommunen)."), "{out}");
    assert!(out.contains("<dfn>Statsforvalteren</dfn> i Vestland (statens kontor i fylket)."), "{out}");
    let out = main("<p>Les vedtaket ditt (brevet). Klag til Statsforvalteren i Vestland (staten).</p>");
    assert!(!out.contains("(et brev") && !out.contains("(statens kontor"), "{out}");
}

#[test]
fn nothing_is_explained_inside_brackets() {
    let out = main("<p>Tallene (Kilde: Statsforvalteren, 2025) er nye. Statsforvalteren sjekker.</p>");
    assert!(out.contains("(Kilde: Statsforvalteren, 2025)"), "{out}");
    assert!(out.contains("<dfn>Statsforvalteren</dfn> (statens kontor i fylket) sjekker"), "{out}");
}

#[test]
fn a_header_with_the_term_in_brackets_explains_it_for_its_cells() {
    let out = main("<table><tr><th>Vedtak (brevet)<td>Vedtak i mars</table>");
    assert!(!out.contains("(et brev fra kommunen)"), "{out}");
}

#[test]
fn the_longest_form_wins_and_the_terms_inside_it_are_explained_with_it() {
    let glossary = Glossary::parsed(
        "terms:\n  - term: Statsforvalteren i Vestland\n    explanation: statens kontor i Vestland\n  - term: Statsforvalteren\n    explanation: statens kontor i fylket\n",
    );
    let out =
        explain_terms("<main><p>Klag til Statsforvalteren i Vestland. Statsforvalteren svarer.</p></main>", &glossary);
    assert_eq!(
        out,
        "<main><p>Klag til <dfn>Statsforvalteren i Vestland</dfn> (statens kontor i Vestland). Statsforvalteren svarer.</p></main>"
    );
}

#[test]
fn tags_are_known_in_any_case_and_short_or_hyphenated_openings_are_found() {
    let glossary = Glossary::parsed(
        "terms:\n  - term: i dag\n    explanation: denne dagen\n  - term: Øyeblikkelig hjelp\n    explanation: hjelp med en gang\n",
    );
    let out = explain_terms("<main><A HREF=x>I dag</A><P>Ø\u{AD}yeblikkelig hjelp gis I dag.</P></main>", &glossary);
    assert_eq!(
        out,
        "<main><A HREF=x>I dag</A><P><dfn>Ø\u{AD}yeblikkelig hjelp</dfn> (hjelp med en gang) gis <dfn>I dag</dfn> (denne dagen).</P></main>"
    );
}

/// Times the pass over a built site's plain pages:
/// `BRUKERVALG_EXPLAIN_SITE=DIR cargo test --release --lib explain_timing -- --ignored --nocapture`
#[test]
#[ignore = "a measurement, run by hand on a built site"]
fn explain_timing() {
    let Some(dir) = std::env::var_os("BRUKERVALG_EXPLAIN_SITE") else { return };
    let raw = std::fs::read_to_string("i18n/glossary.nb.yaml").unwrap();
    let glossary = Glossary::parsed(&raw);
    let pages: Vec<String> = walkdir::WalkDir::new(std::path::Path::new(&dir).join("lettlest"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap().replace("<dfn>", "").replace("</dfn>", ""))
        .collect();
    let started = std::time::Instant::now();
    let bytes: usize = pages.iter().map(|p| explain_terms(p, &glossary).len()).sum();
    eprintln!("{} pages, {bytes} bytes out, {:?}", pages.len(), started.elapsed());
}
