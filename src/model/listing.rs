//! Listing pages in bounded slices. A service with more providers than the
//! configured page size gets its list, its filter pages and its side-by-side
//! page split into numbered pages, so no page a citizen opens grows with the
//! number of providers. Up to the page size, a list is one page, as before.

use std::ops::Range;

/// `listing.page_size` when the configuration does not set it.
pub const DEFAULT_PAGE_SIZE: usize = 50;
/// The smallest and largest page size the configuration may ask for: below,
/// a list is mostly navigation; above, a page is too big for a phone.
pub const PAGE_SIZE_RANGE: std::ops::RangeInclusive<usize> = 5..=500;

/// One numbered page of a list of `total` entries.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Slice {
    /// From 1.
    pub number: usize,
    pub pages: usize,
    /// Positions in the list this page shows.
    pub range: Range<usize>,
    pub total: usize,
}

impl Slice {
    /// A list small enough for one page.
    pub fn whole(total: usize) -> Slice {
        Slice { number: 1, pages: 1, range: 0..total, total }
    }

    pub fn is_paged(&self) -> bool {
        self.pages > 1
    }
}

/// The pages a list of `total` entries is split into, `page_size` each; one
/// page (also for an empty list) when it fits.
pub fn slices(total: usize, page_size: usize) -> Vec<Slice> {
    let page_size = page_size.max(1);
    if total <= page_size {
        return vec![Slice::whole(total)];
    }
    let pages = total.div_ceil(page_size);
    (0..pages)
        .map(|i| Slice { number: i + 1, pages, range: i * page_size..((i + 1) * page_size).min(total), total })
        .collect()
}

/// The page numbers a page's navigation links to: the first, the last and
/// two either side of the current one, with `None` for a gap. Bounded, so
/// the navigation does not grow with the list; every page stays reachable
/// through the neighbours.
pub fn window(slice: &Slice) -> Vec<Option<usize>> {
    let (current, last) = (slice.number, slice.pages);
    let near = current.saturating_sub(2).max(1)..=(current + 2).min(last);
    let mut out = Vec::new();
    for n in 1..=last {
        if n == 1 || n == last || near.contains(&n) {
            out.push(Some(n));
        } else if out.last().is_some_and(Option::is_some) {
            out.push(None);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_that_fits_is_one_page() {
        assert_eq!(slices(50, 50), vec![Slice::whole(50)]);
        assert_eq!(slices(0, 50), vec![Slice::whole(0)]);
        assert!(!slices(50, 50)[0].is_paged());
    }

    #[test]
    fn a_longer_list_is_split_into_full_pages_and_a_rest() {
        let pages = slices(120, 50);
        let ranges: Vec<_> = pages.iter().map(|s| s.range.clone()).collect();
        assert_eq!(ranges, vec![0..50, 50..100, 100..120]);
        assert!(pages.iter().all(|s| s.pages == 3 && s.total == 120 && s.is_paged()));
        assert_eq!(pages[2].number, 3);
    }

    #[test]
    fn the_navigation_shows_ends_and_neighbours_with_gaps() {
        let at = |n: usize| slices(1000, 10).into_iter().nth(n - 1).unwrap();
        assert_eq!(window(&at(1)), vec![Some(1), Some(2), Some(3), None, Some(100)]);
        assert_eq!(
            window(&at(50)),
            vec![Some(1), None, Some(48), Some(49), Some(50), Some(51), Some(52), None, Some(100)]
        );
        assert_eq!(window(&at(4)), vec![Some(1), Some(2), Some(3), Some(4), Some(5), Some(6), None, Some(100)]);
        let small = slices(30, 10);
        assert_eq!(window(&small[1]), vec![Some(1), Some(2), Some(3)]);
    }
}
