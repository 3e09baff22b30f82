//! Checks on single fields, each reporting at the field's own line and
//! column and turning raw strings into meaningful values.

use std::path::Path;

use crate::load::raw::S;

use crate::diagnostics::{Finding, Findings, Position};
use crate::domain::{Date, DateError, OrgNumber, OrgNumberError, Slug, Text};
use crate::load::raw::RawContact;
use crate::messages::Message;
use crate::model::Contact;
use crate::msg;
use crate::readability::Samples;

/// Checks for one file: every finding names it.
pub struct FileCheck<'a> {
    pub file: &'a Path,
    pub findings: &'a mut Findings,
    /// Every prose field is measured for readability on the way.
    pub readability: &'a mut Samples,
}

pub use crate::load::spanned::at;

impl<'a> FileCheck<'a> {
    pub fn new(file: &'a Path, findings: &'a mut Findings, readability: &'a mut Samples) -> Self {
        FileCheck { file, findings, readability }
    }

    pub fn error(&mut self, position: Position, message: Message, help: Message) {
        self.findings.push(Finding::error(self.file, position, message).with_help(help));
    }

    pub fn warning(&mut self, position: Position, message: Message, help: Message) {
        self.findings.push(Finding::warning(self.file, position, message).with_help(help));
    }

    /// A required piece of prose and its plain-language companion.
    pub fn text(&mut self, field: &str, standard: &S<String>, plain: &Option<S<String>>) -> Text {
        self.text_read_as(field, standard, plain, &|text| text.to_string())
    }

    /// As `text`, measuring for readability what `words` reads in each
    /// text (its words without markup, for Markdown).
    pub fn text_read_as(
        &mut self,
        field: &str,
        standard: &S<String>,
        plain: &Option<S<String>>,
        words: &dyn Fn(&str) -> String,
    ) -> Text {
        let standard_text = self.non_empty(field, standard);
        self.readability.field(self.file, at(standard), field, false, &words(&standard_text));
        let plain_text = match plain {
            Some(p) => Some(self.plain_companion(field, p, words)),
            None => {
                self.warning(
                    at(standard),
                    msg!("field.no_plain", field = field),
                    msg!("field.no_plain.help", field = field),
                );
                None
            }
        };
        Text::new(standard_text, plain_text)
    }

    /// A short factual text whose plain companion is optional: it is only
    /// asked for when the text itself is not plain (LIX above the plain
    /// limit, which short texts never are).
    pub fn short_text(&mut self, field: &str, standard: &S<String>, plain: &Option<S<String>>) -> Text {
        self.short_text_read_as(field, standard, plain, &|text| text.to_string())
    }

    /// As `short_text`, measuring what `words` reads in each text.
    pub fn short_text_read_as(
        &mut self,
        field: &str,
        standard: &S<String>,
        plain: &Option<S<String>>,
        words: &dyn Fn(&str) -> String,
    ) -> Text {
        let standard_text = self.non_empty(field, standard);
        // Without a companion, plain-language readers get this text, so it
        // is held to the plain limit.
        self.readability.field(self.file, at(standard), field, plain.is_none(), &words(&standard_text));
        let plain_text = plain.as_ref().map(|p| self.plain_companion(field, p, words));
        Text::new(standard_text, plain_text)
    }

    /// `field_plain`, which must not be empty, measured against the plain limit.
    fn plain_companion(&mut self, field: &str, plain: &S<String>, words: &dyn Fn(&str) -> String) -> String {
        let plain_field = format!("{field}_plain");
        let text = self.non_empty(&plain_field, plain);
        self.readability.field(self.file, at(plain), &plain_field, true, &words(&text));
        text
    }

    pub fn non_empty(&mut self, field: &str, value: &S<String>) -> String {
        let trimmed = value.value.trim();
        if trimmed.is_empty() {
            self.error(at(value), msg!("field.empty", field = field), msg!("field.empty.help"));
        }
        trimmed.to_string()
    }

    /// A name readers tell providers apart by: not empty, with a letter or
    /// digit, and no word of two scripts (invisible characters are refused
    /// at load). Lookalikes of other providers' names are `lookalikes`'.
    pub fn name(&mut self, field: &str, value: &S<String>) -> String {
        let name = self.non_empty(field, value);
        let problem = if name.is_empty() { None } else { crate::domain::name_problem(&name) };
        match problem {
            None => {}
            Some(crate::domain::NameProblem::NoLetterOrDigit) => {
                self.error(at(value), msg!("name.no_letter", field = field), msg!("name.no_letter.help"))
            }
            Some(crate::domain::NameProblem::MixedScript { word }) => self.error(
                at(value),
                msg!("name.mixed_script", field = field, word = word),
                msg!("name.mixed_script.help"),
            ),
        }
        name
    }

    pub fn slug(&mut self, field: &str, value: &S<String>) -> Option<Slug> {
        Slug::parse(&value.value)
            .map_err(|_| {
                self.error(
                    at(value),
                    msg!("slug.field_invalid", field = field, value = value.value),
                    slug_help(&value.value),
                )
            })
            .ok()
    }

    pub fn date(&mut self, field: &str, value: &S<String>) -> Option<Date> {
        Date::parse(value.value.trim())
            .map_err(|error| {
                let raw = value.value.trim();
                // Well formed but no such day (2026-13-01): say so, not "write YYYY-MM-DD".
                let message = match error {
                    DateError::NoSuchDay => msg!("date.not_real", field = field, value = raw),
                    DateError::Shape => msg!("date.invalid", field = field, value = raw),
                };
                self.error(at(value), message, msg!("date.invalid.help"))
            })
            .ok()
    }

    /// A date that describes the past or today: a future one is a typo.
    pub fn past_date(&mut self, field: &str, value: &S<String>, today: Date) -> Option<Date> {
        let date = self.date(field, value)?;
        if date > today {
            self.error(
                at(value),
                msg!("date.future", field = field, date = date),
                msg!("date.future.help", today = today),
            );
        }
        Some(date)
    }

    pub fn org_number(&mut self, value: &S<String>) -> Option<OrgNumber> {
        OrgNumber::parse(&value.value)
            .map_err(|e| {
                let raw = value.value.as_str();
                let message = match e {
                    OrgNumberError::NotDigits => msg!("org_number.digits_only", value = raw),
                    OrgNumberError::Length(n) => msg!("org_number.length", value = raw, digits = n),
                    // Never the "right" digit: a mistyped number made valid is a
                    // valid number of some other organisation.
                    OrgNumberError::CheckDigit => msg!("org_number.not_valid", value = raw),
                };
                self.error(at(value), message, msg!("org_number.help"))
            })
            .ok()
    }

    pub fn contact(&mut self, raw: &RawContact, name_required: bool, context: Position) -> Contact {
        let name = raw.name.as_ref().map(|n| self.non_empty("contact.name", n));
        if name_required && name.is_none() {
            self.error(context, msg!("contact.no_name"), msg!("contact.no_name.help"));
        }
        Contact {
            name,
            phone: self.phone(&raw.phone).unwrap_or_default(),
            email: raw.email.as_ref().and_then(|e| self.email(e)),
            web: raw.web.as_ref().and_then(|w| self.web("contact.web", w)),
            address: raw.address.clone(),
            opening_hours: raw.opening_hours.clone(),
        }
    }

    /// Norwegian numbers: 8 digits, optionally `+47` first; spaces allowed.
    /// Stored as the 8 digits.
    pub fn phone(&mut self, value: &S<String>) -> Option<String> {
        let digits = crate::domain::norwegian_phone(&value.value);
        if digits.is_none() {
            self.error(at(value), msg!("phone.invalid", value = value.value), msg!("phone.invalid.help"));
        }
        digits
    }

    /// An address only: it becomes a `mailto:` link, where `?`, `&` or `%`
    /// would add recipients, subjects or a body the reader never sees.
    pub fn email(&mut self, value: &S<String>) -> Option<String> {
        let email = value.value.trim();
        if crate::domain::is_plain_email(email) {
            Some(email.to_string())
        } else {
            self.error(at(value), msg!("email.invalid", value = email), msg!("email.invalid.help"));
            None
        }
    }

    /// A whole number that must lie in `range`, the domain's plausible
    /// values; outside it is a typo, and it keeps all later arithmetic exact.
    pub fn in_range(
        &mut self,
        field: &str,
        value: u64,
        position: Position,
        range: std::ops::RangeInclusive<u64>,
        help: Message,
    ) -> bool {
        if range.contains(&value) {
            return true;
        }
        self.error(
            position,
            msg!("number.out_of_range", field = field, value = value, min = range.start(), max = range.end()),
            help,
        );
        false
    }

    /// An http(s) address whose host is a domain name. A host that mixes
    /// scripts is a warning, and is kept in its punycode form, so the link
    /// text shows the address the browser really opens.
    pub fn web(&mut self, field: &str, value: &S<String>) -> Option<String> {
        let url = value.value.trim();
        let Some(web) = crate::domain::WebAddress::parse(url) else {
            self.error(at(value), msg!("web.invalid", field = field, value = url), msg!("web.invalid.help"));
            return None;
        };
        if web.host.mixes_scripts() {
            self.warning(
                at(value),
                msg!("web.mixed_script", field = field, host = web.host.unicode, ascii = web.host.ascii),
                msg!("web.mixed_script.help"),
            );
            return Some(web.with_ascii_host());
        }
        Some(url.to_string())
    }
}

/// How to rename something that cannot be an address, with a suggestion
/// made from it when one can be made.
/// Why a value is not a language code, in the editor's words.
pub fn language_tag_help(error: crate::domain::LanguageTagError) -> Message {
    match error {
        crate::domain::LanguageTagError::Primary => msg!("language_tag.primary"),
        crate::domain::LanguageTagError::Subtags => msg!("language_tag.subtags"),
    }
}

pub use crate::domain::slug_help;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml;

    fn check<T>(yaml_text: &str, f: impl FnOnce(&mut FileCheck, &S<String>) -> Option<T>) -> (Option<T>, Vec<Finding>) {
        let v: S<String> = yaml::parse(yaml_text, 0).ok().unwrap();
        let (mut findings, mut samples) = (Findings::default(), Samples::default());
        let out = f(&mut FileCheck::new(Path::new("f.yaml"), &mut findings, &mut samples), &v);
        (out, findings.into_sorted())
    }

    #[test]
    fn phone_numbers_need_eight_digits() {
        assert_eq!(check("+47 55 12 34 56", |c, v| c.phone(v)).0.as_deref(), Some("55123456"));
        let (out, findings) = check("5512 345", |c, v| c.phone(v));
        assert!(out.is_none());
        assert!(findings[0].message.contains("not a Norwegian phone number"));
    }

    #[test]
    fn email_and_web_need_their_shape() {
        assert!(check("post@fjordvik.kommune.no", |c, v| c.email(v)).0.is_some());
        assert!(check("post(at)fjordvik", |c, v| c.email(v)).0.is_none());
        assert!(check("ola.nordmann+skole@fjordvik.kommune.no", |c, v| c.email(v)).0.is_some());
        for bad in ["a@b.no?cc=x@y.no&body=hei", "a%40b@c.no", "a@b.no,c@d.no", "a@-b.no", ".a@b.no", "a@b..no"] {
            assert!(check(&format!("'{bad}'"), |c, v| c.email(v)).0.is_none(), "{bad}");
        }
        assert!(check("https://www.fjordvik.kommune.no/", |c, v| c.web("web", v)).0.is_some());
        assert!(check("javascript:alert(1)", |c, v| c.web("web", v)).0.is_none());
        assert!(check("www.fjordvik.no", |c, v| c.web("web", v)).0.is_none());
    }
}
