//! The street register: which district, and which catchment schools, a
//! street or a run of its house numbers belongs to, so a citizen can start
//! from an address instead of a district's name. A short register is
//! listed whole on the index page, under its letters; a longer one gets a
//! page per first letter (`Letter`), so no page grows with the register.

use crate::domain::Slug;

/// Which house numbers of a street a row covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Numbers {
    /// The whole street.
    All,
    /// `from` to `to`, both included, on one side or both.
    Range { from: u32, to: u32, side: Side },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Both,
    Odd,
    Even,
}

impl Numbers {
    /// Whether some house number is in both.
    pub fn overlaps(self, other: Numbers) -> bool {
        let (Numbers::Range { from: a, to: b, side: s }, Numbers::Range { from: c, to: d, side: t }) = (self, other)
        else {
            return true;
        };
        let (low, high) = (a.max(c), b.min(d));
        if low > high {
            return false;
        }
        match (s, t) {
            (Side::Odd, Side::Even) | (Side::Even, Side::Odd) => false,
            // Two numbers in a row hold one of each parity.
            (Side::Odd, _) | (_, Side::Odd) => low < high || low % 2 == 1,
            (Side::Even, _) | (_, Side::Even) => low < high || low % 2 == 0,
            _ => true,
        }
    }
}

/// One row of the register.
#[derive(Clone, Debug, Hash)]
pub struct Street {
    pub name: String,
    pub numbers: Numbers,
    pub district: Slug,
    /// Catchment schools by (service, provider): a primary and a lower
    /// secondary school, or one school for all grades.
    pub schools: Vec<(Slug, Slug)>,
}

/// A letter of the A–Å index: its page's address segment and how it is shown.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Letter {
    /// Sorts A–Z, then Æ, Ø, Å, then names that begin with no letter.
    order: u32,
    pub label: String,
    pub segment: String,
}

/// The segment and label of names beginning with a digit or a sign.
const OTHER: (&str, &str) = ("0-9", "0–9");

impl Letter {
    /// The letter `name` is listed under.
    pub fn of(name: &str) -> Letter {
        let first = name.chars().find(|c| !c.is_whitespace()).unwrap_or(' ');
        let upper: String = first.to_uppercase().collect();
        let segment = match upper.as_str() {
            "Æ" | "Ä" => Some("ae".to_string()),
            "Ø" | "Ö" => Some("oe".to_string()),
            "Å" => Some("aa".to_string()),
            u if u.len() == 1 && first.is_ascii_alphabetic() => Some(u.to_lowercase()),
            _ => None,
        };
        match segment {
            Some(segment) => {
                let label = match segment.as_str() {
                    "ae" => "Æ".to_string(),
                    "oe" => "Ø".to_string(),
                    _ => upper
                        .chars()
                        .map(|c| {
                            if c == 'Ä' {
                                'Æ'
                            } else if c == 'Ö' {
                                'Ø'
                            } else {
                                c
                            }
                        })
                        .collect(),
                };
                Letter {
                    order: crate::model::collate::sort_key(&label).0.first().copied().unwrap_or(0),
                    label,
                    segment,
                }
            }
            None => Letter { order: u32::MAX, label: OTHER.1.to_string(), segment: OTHER.0.to_string() },
        }
    }
}

/// The most streets the index page lists itself, under letter headings: a
/// village's register reads best on one page, found with the browser's own
/// search; a city's is split into a page per letter.
pub const ONE_PAGE: usize = 120;

/// Whether the index lists the whole register (no letter pages).
pub fn on_one_page(streets: &[Street]) -> bool {
    streets.len() <= ONE_PAGE
}

/// The register's letters, in A–Å order, each with the streets under it
/// (positions in `streets`, which are sorted by name).
pub fn by_letter(streets: &[Street]) -> Vec<(Letter, Vec<usize>)> {
    let mut out: Vec<(Letter, Vec<usize>)> = Vec::new();
    for (i, street) in streets.iter().enumerate() {
        let letter = Letter::of(&street.name);
        match out.iter_mut().find(|(l, _)| *l == letter) {
            Some((_, positions)) => positions.push(i),
            None => out.push((letter, vec![i])),
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Sorts the register as the index lists it: by name the Norwegian way,
/// then by first house number.
pub fn sort(streets: &mut [Street]) {
    let first = |n: &Numbers| match n {
        Numbers::All => 0,
        Numbers::Range { from, .. } => *from,
    };
    streets.sort_by(|a, b| {
        (crate::model::collate::sort_key(&a.name), first(&a.numbers))
            .cmp(&(crate::model::collate::sort_key(&b.name), first(&b.numbers)))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_run_from_a_to_aa_with_others_last() {
        let mut letters: Vec<Letter> = ["Åsveien", "Bakken", "Ørneveien", "7. juni-plassen", "ærlighetsgata", "Aveny"]
            .iter()
            .map(|n| Letter::of(n))
            .collect();
        letters.sort();
        letters.dedup();
        let labels: Vec<&str> = letters.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["A", "B", "Æ", "Ø", "Å", "0–9"]);
        assert_eq!(Letter::of("Åsveien").segment, "aa");
    }

    #[test]
    fn odd_and_even_sides_never_meet() {
        let r = |from, to, side| Numbers::Range { from, to, side };
        assert!(!r(1, 9, Side::Odd).overlaps(r(2, 10, Side::Even)));
        assert!(r(1, 9, Side::Odd).overlaps(r(9, 12, Side::Both)));
        assert!(!r(1, 9, Side::Both).overlaps(r(10, 12, Side::Both)));
        assert!(!r(2, 2, Side::Even).overlaps(r(1, 3, Side::Odd)));
        assert!(Numbers::All.overlaps(r(1, 1, Side::Odd)));
    }
}
