//! The facts a reader needs to act, found in a text: phone numbers, e-mail
//! and web addresses, dates, durations and deadlines, amounts of money,
//! when a deadline starts («fra den dagen du fikk vedtaket»), the offices
//! that decide or handle a case («Tildelingskontoret», «Statsforvalteren»)
//! and postal addresses («Postboks 12», «5900 Fjordvik»).
//! Each is normalised, so «fire uker» and «4 uker» are the same fact and
//! «55 12 34 56» and «55123456» the same phone number, while «to uker» and
//! «ti arbeidsdager» stay different.

use std::collections::BTreeMap;
use std::fmt;

/// One actionable fact, normalised for comparison.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Fact {
    /// Eight digits, without country code or spaces.
    Phone(String),
    /// Lowercase.
    Email(String),
    /// Host and path, lowercase, without scheme, `www.` or a final `/`.
    Web(String),
    /// Day and month (1-12), with the year when one is written.
    Date { day: u8, month: u8, year: Option<u16> },
    /// A number of units, e.g. 4 weeks; `unit` is the normalised unit.
    Duration { count: u32, unit: Unit },
    /// Whole kroner.
    Amount(u64),
    /// What a deadline runs from: the thing received, lowercase
    /// («vedtaket» of «fra den dagen du fikk vedtaket»).
    Starts(String),
    /// An office by name, lowercase, its ending left off
    /// («tildelingskontor», «statsforvalt»).
    Office(String),
    /// A post box number.
    PostBox(u32),
    /// Postcode and place, lowercase («5900 fjordvik»).
    Postal(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    Hour,
    Day,
    WorkingDay,
    Week,
    Month,
    Year,
}

impl fmt::Display for Fact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fact::Phone(digits) => {
                let d = digits.as_bytes();
                let pair = |i: usize| std::str::from_utf8(&d[i..i + 2]).unwrap_or("");
                write!(f, "{} {} {} {}", pair(0), pair(2), pair(4), pair(6))
            }
            Fact::Email(address) | Fact::Web(address) => f.write_str(address),
            Fact::Date { day, month, year } => {
                write!(f, "{day}. {}", MONTHS[usize::from(*month) - 1].0)?;
                if let Some(year) = year {
                    write!(f, " {year}")?;
                }
                Ok(())
            }
            Fact::Duration { count, unit } => write!(f, "{count} {}", unit.name(*count)),
            Fact::Amount(kroner) => write!(f, "kr {kroner}"),
            Fact::Starts(thing) => write!(f, "fra du fikk {thing}"),
            Fact::Office(name) => write!(f, "{name}…"),
            Fact::PostBox(n) => write!(f, "postboks {n}"),
            Fact::Postal(place) => f.write_str(place),
        }
    }
}

impl Unit {
    fn name(self, count: u32) -> &'static str {
        let one = count == 1;
        match self {
            Unit::Hour => ["timer", "time"][usize::from(one)],
            Unit::Day => ["dager", "dag"][usize::from(one)],
            Unit::WorkingDay => ["arbeidsdager", "arbeidsdag"][usize::from(one)],
            Unit::Week => ["uker", "uke"][usize::from(one)],
            Unit::Month => ["måneder", "måned"][usize::from(one)],
            Unit::Year => "år",
        }
    }
}

/// A fact and the byte offset where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub fact: Fact,
    pub offset: usize,
    /// The words as written, for messages.
    pub written: String,
}

/// Month names in bokmål and nynorsk (the same words), with their numbers.
const MONTHS: [(&str, u8); 12] = [
    ("januar", 1),
    ("februar", 2),
    ("mars", 3),
    ("april", 4),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("desember", 12),
];

/// Numbers written as words, bokmål and nynorsk. The article forms
/// «en», «ei», «ein», «eit» are left to `fact_at`: «en dag på skolen» is
/// no duration, «en måned» is.
fn number_word(word: &str) -> Option<u32> {
    Some(match word {
        "én" | "ett" | "eitt" | "éin" | "éi" => 1,
        "to" => 2,
        "tre" => 3,
        "fire" => 4,
        "fem" => 5,
        "seks" => 6,
        "sju" | "syv" => 7,
        "åtte" => 8,
        "ni" => 9,
        "ti" => 10,
        "elleve" => 11,
        "tolv" => 12,
        "fjorten" => 14,
        "femten" => 15,
        "tjue" | "tyve" => 20,
        "tretti" | "tredve" => 30,
        _ => return None,
    })
}

fn unit_word(word: &str) -> Option<Unit> {
    Some(match word {
        "time" | "timer" | "timar" | "timers" | "timars" => Unit::Hour,
        "dag" | "dager" | "dagar" | "døgn" | "dags" | "dagers" | "dagars" => Unit::Day,
        "arbeidsdag" | "arbeidsdager" | "arbeidsdagar" | "virkedag" | "virkedager" | "yrkedag" | "yrkedagar" => {
            Unit::WorkingDay
        }
        "uke" | "uker" | "veke" | "veker" | "ukes" | "ukers" | "vekes" | "vekers" => Unit::Week,
        "måned" | "måneder" | "månad" | "månader" | "måneds" | "måneders" | "månads" | "månaders" => {
            Unit::Month
        }
        "år" | "års" => Unit::Year,
        _ => return None,
    })
}

/// A word of the text: its lowercase form and byte range.
#[derive(Debug)]
struct Word {
    lower: String,
    start: usize,
    end: usize,
}

/// Splits into words of letters and digits; `.`, `@`, `:`, `/`, `-`, `_`, `+`
/// and `%` inside a word keep it whole, so addresses stay one word.
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    let inner = |c: char| matches!(c, '.' | '@' | ':' | '/' | '-' | '_' | '+' | '%' | '?' | '=' | '&' | '#' | '~');
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        // An address's punctuation runs on («https://»), a full stop at its end does not.
        let next_is_word = chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphanumeric() || inner(n));
        let part = c.is_alphanumeric() || (start.is_some() && inner(c) && next_is_word) || (c == '+' && next_is_word);
        match (part, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push(Word { lower: text[s..at].to_lowercase(), start: s, end: at });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word { lower: text[s..].to_lowercase(), start: s, end: text.len() });
    }
    out
}

/// Every fact in `text`, in order. The text may be Markdown: link targets
/// are read like any other word, so `[ring oss](tel:+4755123456)` gives the
/// phone number.
pub fn extract(text: &str) -> Vec<Found> {
    let words = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (fact, used) = fact_at(text, &words, i);
        if let Some(fact) = fact {
            let written = text[words[i].start..words[i + used - 1].end].to_string();
            out.push(Found { fact, offset: words[i].start, written });
            i += used;
        } else {
            i += 1;
        }
    }
    out
}

/// The fact starting at word `i`, and how many words it takes.
fn fact_at(text: &str, words: &[Word], i: usize) -> (Option<Fact>, usize) {
    let w = &words[i].lower;
    let gap = |a: usize, b: usize| words.get(b).map(|wb| &text[words[a].end..wb.start]);
    let only_space =
        |a: usize, b: usize| gap(a, b).is_some_and(|g| !g.is_empty() && g.chars().all(char::is_whitespace));
    let space_or_dot =
        |a: usize, b: usize| gap(a, b).is_some_and(|g| matches!(g.trim_start_matches('.').trim(), "") && !g.is_empty());

    if let Some(address) = w.strip_prefix("mailto:").or(Some(w.as_str())).filter(|a| is_email(a)) {
        return (Some(Fact::Email(address.trim_end_matches('.').to_string())), 1);
    }
    if let Some(web) = web_address(w) {
        return (Some(Fact::Web(web)), 1);
    }
    if let Some(tel) = w.strip_prefix("tel:") {
        let digits: String = tel.chars().filter(char::is_ascii_digit).collect();
        return (phone(&digits).map(Fact::Phone), 1);
    }
    // Amounts: «kr 250», «kr. 1 250», «250 kr», «250 kroner».
    if matches!(w.as_str(), "kr" | "kr.") {
        if let Some((n, used)) = grouped_number(text, words, i + 1) {
            return (Some(Fact::Amount(n)), used + 1);
        }
        return (None, 1);
    }
    // A date written with digits: 27.11.2026, 2026-11-27.
    if let Some(date) = numeric_date(w) {
        return (Some(date), 1);
    }
    // A postal address's postcode and place: «…, 5900 Fjordvik».
    if w.len() == 4
        && w.chars().all(|c| c.is_ascii_digit())
        && i > 0
        && gap(i - 1, i).is_some_and(|g| g.contains(','))
        && let Some(place) = words.get(i + 1).filter(|_| only_space(i, i + 1))
        && text[place.start..].starts_with(char::is_uppercase)
    {
        return (Some(Fact::Postal(format!("{w} {}", place.lower))), 2);
    }
    if w == "postboks"
        && let Some(n) = words.get(i + 1).filter(|_| only_space(i, i + 1)).and_then(|n| n.lower.parse().ok())
    {
        return (Some(Fact::PostBox(n)), 2);
    }
    if let Some((thing, used)) = deadline_start(text, words, i) {
        return (Some(Fact::Starts(thing)), used);
    }
    if let Some(office) = office(text, &words[i]) {
        return (Some(Fact::Office(office)), 1);
    }
    if w.chars().all(|c| c.is_ascii_digit()) || w.starts_with('+') {
        // Phone numbers: eight digits in groups, optionally after +47.
        if let Some((digits, used)) = digit_run(text, words, i)
            && let Some(number) = phone(&digits)
        {
            return (Some(Fact::Phone(number)), used);
        }
        if w.starts_with('+') {
            return (None, 1);
        }
        // «1. mars», «15. september 2026».
        if w.len() <= 2
            && let Some(month) = words.get(i + 1).and_then(|m| month_number(&m.lower))
            && text[words[i].end..].starts_with('.')
            && space_or_dot(i, i + 1)
        {
            let day: u8 = w.parse().unwrap_or(0);
            if (1..=31).contains(&day) {
                let year = words
                    .get(i + 2)
                    .filter(|y| only_space(i + 1, i + 2) && y.lower.len() == 4)
                    .and_then(|y| y.lower.parse::<u16>().ok())
                    .filter(|y| (1900..=2200).contains(y));
                let used = if year.is_some() { 3 } else { 2 };
                return (Some(Fact::Date { day, month, year }), used);
            }
        }
        if let Some((n, used)) = grouped_number(text, words, i) {
            let next = i + used;
            if let Some(next_word) = words.get(next).filter(|_| only_space(next - 1, next)) {
                if matches!(next_word.lower.as_str(), "kr" | "kr." | "kroner" | "krone") {
                    return (Some(Fact::Amount(n)), used + 1);
                }
                if let Some(unit) = unit_word(&next_word.lower)
                    && let Ok(count) = u32::try_from(n)
                {
                    return (Some(Fact::Duration { count, unit }), used + 1);
                }
            }
            return (None, used);
        }
        return (None, 1);
    }
    let unit = words.get(i + 1).filter(|_| only_space(i, i + 1)).and_then(|u| unit_word(&u.lower));
    let article = matches!(w.as_str(), "en" | "ei" | "ein" | "eit");
    let count = number_word(w).or_else(|| {
        // «en måned» is a month; «en dag», «en time» are usually «a day».
        (article && matches!(unit, Some(Unit::Week | Unit::Month | Unit::Year | Unit::WorkingDay))).then_some(1)
    });
    if let (Some(count), Some(unit)) = (count, unit) {
        return (Some(Fact::Duration { count, unit }), 2);
    }
    (None, 1)
}

/// «(fra) (den) dagen du fikk X», «etter at du (har) fått X» (bokmål and
/// nynorsk): what a deadline runs from, and how many words it takes.
fn deadline_start(text: &str, words: &[Word], i: usize) -> Option<(String, usize)> {
    let lower = |k: usize| words.get(i + k).map(|w| w.lower.as_str());
    let mut k = 0;
    if matches!(lower(k)?, "fra" | "frå") {
        k += 1;
    }
    if lower(k)? == "den" {
        k += 1;
    }
    match lower(k)? {
        "dagen" => k += 1,
        "etter" if k == 0 && lower(1)? == "at" => k += 2,
        _ => return None,
    }
    if lower(k)? != "du" {
        return None;
    }
    k += 1;
    if lower(k)? == "har" {
        k += 1;
    }
    if !matches!(lower(k)?, "fikk" | "fekk" | "får" | "fått") {
        return None;
    }
    // «etter at du fikk det»: what «det» is, the sentence before says.
    let thing = lower(k + 1).filter(|t| !matches!(*t, "det" | "den" | "dei" | "de" | "dem" | "dette"))?;
    if text[words[i].start..words[i + k + 1].end].contains(['.', '!', '?', ';']) {
        return None;
    }
    Some((thing.to_string(), k + 2))
}

/// An office named in the text: a capitalised compound of «kontor», or
/// the Statsforvalter, with its ending left off so every form is one office.
fn office(text: &str, word: &Word) -> Option<String> {
    if !text[word.start..].starts_with(char::is_uppercase) {
        return None;
    }
    let lower = word.lower.as_str();
    if lower.starts_with("statsforvalt") {
        return Some("statsforvalt".to_string());
    }
    let at = lower.rfind("kontor")?;
    let rest = &lower[at + "kontor".len()..];
    (at > 0 && matches!(rest, "" | "et" | "ets" | "s")).then(|| lower[..at + "kontor".len()].to_string())
}

fn month_number(word: &str) -> Option<u8> {
    MONTHS.iter().find(|(name, _)| *name == word).map(|&(_, n)| n)
}

fn is_email(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    let Some((local, domain)) = word.split_once('@') else { return false };
    !local.is_empty() && !local.contains(':') && domain.contains('.') && !domain.contains('@')
}

/// A web address written as `https://…`, `http://…` or `www.…`, normalised.
fn web_address(word: &str) -> Option<String> {
    let rest = word
        .strip_prefix("https://")
        .or_else(|| word.strip_prefix("http://"))
        .or_else(|| word.starts_with("www.").then_some(word))?;
    let rest = rest.strip_prefix("www.").unwrap_or(rest).trim_end_matches(['.', ',', ')']);
    let rest = rest.trim_end_matches('/');
    rest.contains('.').then(|| rest.to_string())
}

/// Eight digits, after an optional 47 or 0047, is a Norwegian phone number.
fn phone(digits: &str) -> Option<String> {
    let digits = match digits.len() {
        10 => digits.strip_prefix("47")?,
        12 => digits.strip_prefix("0047")?,
        _ => digits,
    };
    (digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.to_string())
}

/// Digits of words `i..` separated by single spaces, as phone numbers are
/// written («55 12 34 56», «+47 55123456», «800 12 345»): eight digits, or
/// ten after a `+`.
fn digit_run(text: &str, words: &[Word], i: usize) -> Option<(String, usize)> {
    let max = if words[i].lower.starts_with('+') { 10 } else { 8 };
    let mut digits = String::new();
    let mut used = 0;
    for (k, word) in words.iter().enumerate().skip(i) {
        if k > i && !matches!(&text[words[k - 1].end..word.start], " " | "\u{a0}") {
            break;
        }
        let part = word.lower.strip_prefix('+').unwrap_or(&word.lower);
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) || (k > i && part.len() < 2) {
            break;
        }
        digits.push_str(part);
        used += 1;
        if digits.len() >= max {
            break;
        }
    }
    (digits.len() == max).then_some((digits, used))
}

/// A number written in digits with thousands in groups («1 250», «12»):
/// its value and how many words it takes.
fn grouped_number(text: &str, words: &[Word], i: usize) -> Option<(u64, usize)> {
    let first = words.get(i)?;
    if first.lower.is_empty() || !first.lower.bytes().all(|b| b.is_ascii_digit()) || first.lower.len() > 3 {
        return first.lower.parse().ok().filter(|_| first.lower.bytes().all(|b| b.is_ascii_digit())).map(|n| (n, 1));
    }
    let mut value: u64 = first.lower.parse().ok()?;
    let mut used = 1;
    while let Some(next) = words.get(i + used) {
        let sep = &text[words[i + used - 1].end..next.start];
        if !matches!(sep, " " | "\u{a0}" | "\u{202f}")
            || next.lower.len() != 3
            || !next.lower.bytes().all(|b| b.is_ascii_digit())
        {
            break;
        }
        value = value * 1000 + next.lower.parse::<u64>().ok()?;
        used += 1;
    }
    Some((value, used))
}

/// 27.11.2026 or 2026-11-27.
fn numeric_date(word: &str) -> Option<Fact> {
    let word = word.trim_end_matches('.');
    let parts: Vec<&str> = if word.contains('-') { word.split('-').collect() } else { word.split('.').collect() };
    if parts.len() != 3 || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (year, month, day) =
        if word.contains('-') { (parts[0], parts[1], parts[2]) } else { (parts[2], parts[1], parts[0]) };
    let (year, month, day): (u16, u8, u8) = (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    ((1900..=2200).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Fact::Date {
        day,
        month,
        year: Some(year),
    })
}

/// Facts of `text` by fact, first place kept.
pub fn by_fact(text: &str) -> BTreeMap<Fact, Found> {
    let mut out = BTreeMap::new();
    for found in extract(text) {
        out.entry(found.fact.clone()).or_insert(found);
    }
    out
}

/// Whether `plain` states `fact`. A date without a year in one text matches
/// the same day with a year in the other: the year is context, not the fact.
pub fn states(plain: &BTreeMap<Fact, Found>, fact: &Fact) -> bool {
    if plain.contains_key(fact) {
        return true;
    }
    match fact {
        Fact::Date { day, month, .. } => {
            plain.keys().any(|f| matches!(f, Fact::Date { day: d, month: m, .. } if d == day && m == month))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(text: &str) -> Vec<String> {
        extract(text).into_iter().map(|f| f.fact.to_string()).collect()
    }

    #[test]
    fn durations_in_words_equal_durations_in_digits() {
        assert_eq!(facts("Klag innen fire uker."), facts("Klag innen 4 uker."));
        assert_eq!(facts("innen 3 veker"), ["3 uker"]);
        assert_ne!(facts("innen to uker"), facts("innen ti arbeidsdager"));
        assert_eq!(facts("Oppsigelsestiden er én måned."), ["1 måned"]);
        assert_eq!(facts("med én måneds oppsigelse"), ["1 måned"]);
        assert_eq!(facts("## En dag på skolen"), Vec::<String>::new());
    }

    #[test]
    fn phone_numbers_ignore_spacing_and_country_code() {
        assert_eq!(facts("Ring 55 12 34 56."), ["55 12 34 56"]);
        assert_eq!(facts("Ring 55123456 eller +47 55 12 34 56"), ["55 12 34 56", "55 12 34 56"]);
        assert_eq!(facts("[55 12 34 56](tel:+4755123456)"), ["55 12 34 56", "55 12 34 56"]);
        assert_eq!(facts("Rådhusgata 1, 5900 Fjordvik"), ["5900 fjordvik"]);
    }

    #[test]
    fn addresses_dates_and_amounts_are_found() {
        assert_eq!(facts("send til Tildeling@Fjordvik.kommune.no."), ["tildeling@fjordvik.kommune.no"]);
        assert_eq!(facts("på www.fjordvik.kommune.no/skole/."), ["fjordvik.kommune.no/skole"]);
        assert_eq!(facts("[her](https://www.fjordvik.kommune.no/skole/)"), ["fjordvik.kommune.no/skole"]);
        assert_eq!(facts("innen 1. mars"), ["1. mars"]);
        assert_eq!(facts("fra 15. september 2026"), ["15. september 2026"]);
        assert_eq!(facts("kr 250 eller 1 250 kroner"), ["kr 250", "kr 1250"]);
        assert_eq!(facts("fra 1. til 10. trinn"), Vec::<String>::new());
    }

    #[test]
    fn deadline_starts_offices_and_postal_addresses_are_facts() {
        assert_eq!(facts("Fristen gjeld frå den dagen du fekk vedtaket."), ["fra du fikk vedtaket"]);
        assert_eq!(facts("innen 3 uker etter at du fikk vedtaket"), ["3 uker", "fra du fikk vedtaket"]);
        assert_eq!(facts("fra dagen du får brevet"), ["fra du fikk brevet"]);
        assert_eq!(facts("etter at du har fått vedtaket. Den dagen du fikk vedtaket"), ["fra du fikk vedtaket"; 2]);
        assert_eq!(facts("Den kom dagen etter."), Vec::<String>::new());
        assert_eq!(facts("innen fire uker etter at du fikk det"), ["4 uker"]);
        assert_eq!(
            facts("Send til Oppvekstkontoret eller Tildelingskontorets e-post"),
            ["oppvekstkontor…", "tildelingskontor…"]
        );
        assert_eq!(facts("Kontoret er åpent. Statsforvaltaren avgjer."), ["statsforvalt…"]);
        assert_eq!(facts("Postboks 12, 5901 Fjordvik"), ["postboks 12", "5901 fjordvik"]);
        assert_eq!(facts("i 2026 Fjordvik"), Vec::<String>::new());
    }
}
