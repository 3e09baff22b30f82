//! The build's limits (`limits:` in brukervalg.yaml): what keeps every
//! provider on equal terms, what decides disclosure, and what keeps a
//! hostile or careless file from exhausting memory, time or the stack.
//! Each value has a range; one outside it is an error at its own line, and
//! the default is used meanwhile so that loading can go on.

use std::fmt::Display;
use std::ops::RangeInclusive;

use schemars::JsonSchema;
use serde::Deserialize;

use super::spanned::S;
use crate::diagnostics::Position;
use crate::messages::Message;
use crate::msg;

/// `limits:` as written; every field may be left out.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLimits {
    /// Maximum words in a school's self-description (default 600).
    pub self_description_max_words: Option<S<u64>>,
    /// Maximum words in a provider's short description (default 120).
    pub description_max_words: Option<S<u64>>,
    /// Months after last_checked before a profile counts as out of date (default 12).
    pub stale_after_months: Option<S<u64>>,
    /// Days before an agreement's `admission.until` that readers are told it ends (default 90).
    pub ending_notice_days: Option<S<u64>>,
    /// LIX above which a plain-language text is warned about (default 40).
    pub lix_plain_max: Option<S<f64>>,
    /// LIX above which a standard text is warned about (default 55).
    pub lix_standard_max: Option<S<f64>>,
    /// Survey results from fewer respondents are never published (default 5, at least 3).
    pub survey_min_respondents: Option<S<u64>>,
    /// Survey results from fewer respondents are marked uncertain (default 10).
    pub survey_uncertain_below: Option<S<u64>>,
    /// Largest text file in bytes: profiles, pages, survey files (default 262144).
    pub file_max_bytes: Option<S<u64>>,
    /// Largest picture or file of static/ in bytes (default 5242880).
    pub asset_max_bytes: Option<S<u64>>,
    /// Most characters in one text field of a YAML file (default 5000).
    pub text_max_chars: Option<S<u64>>,
    /// Most characters in a name, address, unit or other short field (default 200).
    pub short_text_max_chars: Option<S<u64>>,
    /// Most items in one list of a YAML file (default 100).
    pub list_max_items: Option<S<u64>>,
    /// Deepest nesting of quotes, lists and emphasis in Markdown (default 40).
    pub markdown_max_depth: Option<S<u64>>,
    /// Most cells (rows × columns) in one Markdown table (default 2000).
    pub table_max_cells: Option<S<u64>>,
    /// Most findings printed for one file; the rest are counted (default 50).
    pub findings_per_file: Option<S<u64>>,
}

/// The limits in force.
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub struct Limits {
    pub self_description_max_words: usize,
    pub description_max_words: usize,
    pub stale_after_months: u32,
    pub ending_notice_days: u32,
    pub lix_plain_max: f64,
    pub lix_standard_max: f64,
    pub survey_min_respondents: u32,
    pub survey_uncertain_below: u32,
    pub file_max_bytes: u64,
    pub asset_max_bytes: u64,
    pub text_max_chars: usize,
    pub short_text_max_chars: usize,
    pub list_max_items: usize,
    pub markdown_max_depth: usize,
    pub table_max_cells: usize,
    pub findings_per_file: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            self_description_max_words: 600,
            description_max_words: 120,
            stale_after_months: 12,
            ending_notice_days: 90,
            lix_plain_max: 40.0,
            lix_standard_max: 55.0,
            survey_min_respondents: 5,
            survey_uncertain_below: 10,
            file_max_bytes: 256 * 1024,
            asset_max_bytes: 5 * 1024 * 1024,
            text_max_chars: 5000,
            short_text_max_chars: 200,
            list_max_items: 100,
            markdown_max_depth: 40,
            table_max_cells: 2000,
            findings_per_file: 50,
        }
    }
}

/// The largest text file any configuration may allow. Markdown's worst
/// shapes take about 1 KB of memory per input byte to build (deep quotes:
/// 1,061 B, wide tables: 836 B, long lists: 495 B, plain paragraphs: 97 B;
/// `cargo bench --bench shapes`), since the HTML is many times the
/// Markdown and each page is held in a few forms while it renders. At this
/// ceiling one such file takes about 1 GiB, two (one per core) about 2 GiB:
/// within a 4 GB machine. 16 MiB, the ceiling before, could ask for 17 GiB.
pub const FILE_MAX_BYTES_CEILING: u64 = 1024 * 1024;

/// Nesting beyond this overflows the HTML minifier's stack (measured: about
/// 2,000 nested elements on a 2 MiB thread), so `markdown_max_depth` may not
/// be raised anywhere near it.
pub const MARKDOWN_DEPTH_CEILING: u64 = 200;

/// A limit outside its range: where, and what to write instead.
pub struct LimitProblem {
    pub position: Position,
    pub message: Message,
    pub help: Message,
}

impl Limits {
    /// The limits `raw` asks for, each checked against its range; a value
    /// outside it is reported and replaced by the default.
    pub fn resolve(raw: &RawLimits) -> (Limits, Vec<LimitProblem>) {
        let d = Limits::default();
        let mut problems = Vec::new();
        let mut p = Picker { problems: &mut problems };
        let min_respondents =
            p.whole("survey_min_respondents", &raw.survey_min_respondents, d.survey_min_respondents, 3..=1000);
        let limits = Limits {
            self_description_max_words: p.whole(
                "self_description_max_words",
                &raw.self_description_max_words,
                d.self_description_max_words,
                20..=5000,
            ),
            description_max_words: p.whole(
                "description_max_words",
                &raw.description_max_words,
                d.description_max_words,
                10..=1000,
            ),
            stale_after_months: p.whole("stale_after_months", &raw.stale_after_months, d.stale_after_months, 1..=120),
            ending_notice_days: p.whole("ending_notice_days", &raw.ending_notice_days, d.ending_notice_days, 0..=730),
            lix_plain_max: p.decimal("lix_plain_max", &raw.lix_plain_max, d.lix_plain_max, 10.0..=1000.0),
            lix_standard_max: p.decimal("lix_standard_max", &raw.lix_standard_max, d.lix_standard_max, 10.0..=1000.0),
            survey_min_respondents: min_respondents,
            survey_uncertain_below: p.whole(
                "survey_uncertain_below",
                &raw.survey_uncertain_below,
                d.survey_uncertain_below.max(min_respondents),
                min_respondents..=10_000,
            ),
            file_max_bytes: p.whole(
                "file_max_bytes",
                &raw.file_max_bytes,
                d.file_max_bytes,
                4096..=FILE_MAX_BYTES_CEILING,
            ),
            asset_max_bytes: p.whole(
                "asset_max_bytes",
                &raw.asset_max_bytes,
                d.asset_max_bytes,
                4096..=100 * 1024 * 1024,
            ),
            text_max_chars: p.whole("text_max_chars", &raw.text_max_chars, d.text_max_chars, 200..=100_000),
            short_text_max_chars: p.whole(
                "short_text_max_chars",
                &raw.short_text_max_chars,
                d.short_text_max_chars,
                20..=2000,
            ),
            list_max_items: p.whole("list_max_items", &raw.list_max_items, d.list_max_items, 10..=10_000),
            markdown_max_depth: p.whole(
                "markdown_max_depth",
                &raw.markdown_max_depth,
                d.markdown_max_depth,
                8..=MARKDOWN_DEPTH_CEILING as usize,
            ),
            table_max_cells: p.whole("table_max_cells", &raw.table_max_cells, d.table_max_cells, 10..=100_000),
            findings_per_file: p.whole("findings_per_file", &raw.findings_per_file, d.findings_per_file, 1..=10_000),
        };
        (limits, problems)
    }
}

struct Picker<'a> {
    problems: &'a mut Vec<LimitProblem>,
}

impl Picker<'_> {
    /// A whole-number limit, converted to the type the build uses; the
    /// range keeps every conversion and later arithmetic exact.
    fn whole<T>(&mut self, field: &str, raw: &Option<S<u64>>, default: T, range: RangeInclusive<T>) -> T
    where
        T: TryFrom<u64> + Copy + PartialOrd + Display,
    {
        let Some(value) = raw else { return default };
        match T::try_from(value.value) {
            Ok(v) if range.contains(&v) => v,
            _ => {
                self.out_of_range(field, &value.value, value, &range, default);
                default
            }
        }
    }

    fn decimal(&mut self, field: &str, raw: &Option<S<f64>>, default: f64, range: RangeInclusive<f64>) -> f64 {
        let Some(value) = raw else { return default };
        if range.contains(&value.value) {
            value.value
        } else {
            self.out_of_range(field, &value.value, value, &range, default);
            default
        }
    }

    fn out_of_range<T: Display, U: Display, V>(
        &mut self,
        field: &str,
        value: &T,
        at: &S<V>,
        range: &RangeInclusive<U>,
        default: U,
    ) {
        self.problems.push(LimitProblem {
            position: Position::from_yaml(&at.referenced),
            message: msg!(
                "limits.out_of_range",
                field = format!("limits.{field}"),
                value = value,
                min = range.start(),
                max = range.end()
            ),
            help: msg!("limits.out_of_range.help", min = range.start(), max = range.end(), default = default),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(yaml: &str) -> (Limits, Vec<LimitProblem>) {
        let raw: RawLimits = crate::load::yaml::parse(yaml, 0).ok().unwrap();
        Limits::resolve(&raw)
    }

    #[test]
    fn values_outside_their_range_are_located_errors_and_the_default_stands() {
        let (limits, problems) = resolve("stale_after_months: 300000\nsurvey_min_respondents: 1\n");
        assert_eq!(limits.stale_after_months, 12);
        assert_eq!(limits.survey_min_respondents, 5);
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].position, Position::new(2, 25));
        assert!(problems[0].message.contains("survey_min_respondents` is 1"), "{}", problems[0].message);
        assert_eq!(problems[1].position.line, 1);
    }

    #[test]
    fn values_inside_their_range_are_taken() {
        let (limits, problems) = resolve("stale_after_months: 24\nlix_plain_max: 35.5\nfile_max_bytes: 10000\n");
        assert!(problems.is_empty());
        assert_eq!((limits.stale_after_months, limits.lix_plain_max, limits.file_max_bytes), (24, 35.5, 10000));
    }

    #[test]
    fn no_configuration_lets_in_a_file_a_small_machine_cannot_build() {
        let (limits, problems) = resolve("file_max_bytes: 16777216\n");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("file_max_bytes"), "{}", problems[0].message);
        assert_eq!(limits.file_max_bytes, Limits::default().file_max_bytes);
        let (limits, problems) = resolve(&format!("file_max_bytes: {FILE_MAX_BYTES_CEILING}\n"));
        assert!(problems.is_empty());
        assert_eq!(limits.file_max_bytes, FILE_MAX_BYTES_CEILING);
    }

    #[test]
    fn uncertainty_threshold_cannot_fall_below_the_publication_threshold() {
        let (_, problems) = resolve("survey_min_respondents: 8\nsurvey_uncertain_below: 6\n");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("survey_uncertain_below"));
    }
}
