//! Staff languages: bokmål, nynorsk and `no` are one spoken language,
//! «norsk», so a provider whose staff write nynorsk is not hidden from a
//! reader who filters on «norsk». Tried on the nynorsk fixture, where one
//! provider lists only `nn` and the others `nn` and `nb`.

mod common;

use common::TestSite;

#[test]
fn nynorsk_and_bokmal_staff_speak_one_norwegian() {
    let site = TestSite::nynorsk();
    site.build_ok();
    let provider = site.page("tenester/praktisk-bistand/trygg-kvardag-as/index.html");
    assert!(provider.contains("norsk"), "a provider with only `nn` speaks norsk");
    let service = site.page("tenester/praktisk-bistand/index.html");
    assert!(!service.contains("norsk (nynorsk)"), "no second Norwegian in the list or the filters");
    // Every provider of the service speaks norsk, so the filters say so once
    // instead of offering a choice that would hide none.
    assert!(service.contains("<li>Språk: norsk</ul>"), "norsk is common to all");
    for code in ["nb", "nn", "no"] {
        let filter = site.output().join(format!("tenester/praktisk-bistand/sprak/{code}"));
        assert!(!filter.exists(), "no filter page for «{code}», which would hide a provider who speaks norsk");
    }
}
