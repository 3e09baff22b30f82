//! The navigation between the numbered pages of a long list, as templates
//! see it: every href relative to the page, every word from the i18n file.

use serde::Serialize;

use super::context::VariantContext;
use super::layout_view::Place;
use crate::model::SitePath;
use crate::model::listing::{self, Slice};

#[derive(Serialize)]
pub struct PaginationView {
    /// The navigation's accessible name.
    pub label: String,
    /// «Viser 51–100 av 3 300».
    pub status: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLink>,
}

#[derive(Serialize)]
pub struct PageLink {
    pub number: usize,
    /// Empty for a gap between distant page numbers.
    pub href: String,
    pub current: bool,
}

/// The navigation of page `slice` of the list whose first page is `list`;
/// `None` when the list fits on one page, so short lists look as before.
pub fn pagination(cx: &VariantContext, place: &Place, list: &SitePath, slice: &Slice) -> Option<PaginationView> {
    if !slice.is_paged() {
        return None;
    }
    let href = |n: usize| place.linker.page(SitePath::paged(&cx.site.routes, list, n).as_str());
    let pages = listing::window(slice)
        .into_iter()
        .map(|n| match n {
            Some(n) => PageLink { number: n, href: href(n), current: n == slice.number },
            None => PageLink { number: 0, href: String::new(), current: false },
        })
        .collect();
    Some(PaginationView {
        label: cx.s("pagination_label"),
        status: status(cx, slice),
        previous: (slice.number > 1).then(|| href(slice.number - 1)),
        next: (slice.number < slice.pages).then(|| href(slice.number + 1)),
        pages,
    })
}

/// «Viser 51–100 av 3 300»: which entries of the whole list this page shows.
pub fn status(cx: &VariantContext, slice: &Slice) -> String {
    cx.s("pagination_showing")
        .replace("{from}", &grouped(slice.range.start + 1))
        .replace("{to}", &grouped(slice.range.end))
        .replace("{total}", &grouped(slice.total))
}

/// The title suffix of a page after the first: «side 2 av 66».
pub fn title_suffix(cx: &VariantContext, slice: &Slice) -> Option<String> {
    (slice.is_paged() && slice.number > 1).then(|| {
        cx.s("pagination_title").replace("{n}", &slice.number.to_string()).replace("{pages}", &slice.pages.to_string())
    })
}

pub use crate::domain::grouped;

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped_with_a_no_break_space() {
        assert_eq!(super::grouped(3300), "3\u{a0}300");
        assert_eq!(super::grouped(51), "51");
        assert_eq!(super::grouped(1_234_567), "1\u{a0}234\u{a0}567");
    }
}
