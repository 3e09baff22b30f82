//! An agreement as it stands on the build date: an ended one, or one about
//! to end, is for the municipality to act on (renew it, or remove the
//! profile and tell its users), so `check` says so at `admission.until`.

use super::fields::{FileCheck, at};
use crate::domain::Date;
use crate::load::raw::{Limits, RawProvider};
use crate::model::{Admission, Agreement};
use crate::msg;

pub fn agreement(
    check: &mut FileCheck,
    raw: &RawProvider,
    admission: Option<&Admission>,
    limits: &Limits,
    today: Date,
) -> Agreement {
    let agreement = Agreement::on(admission, today, limits.ending_notice_days);
    let until = raw.admission.as_ref().and_then(|a| a.until.as_ref());
    match (agreement, until) {
        (Agreement::Ended(date), Some(until)) => {
            check.warning(at(until), msg!("agreement.ended", date = date, today = today), msg!("agreement.ended.help"))
        }
        (Agreement::Ending(date), Some(until)) => check.warning(
            at(until),
            msg!("agreement.ending", date = date, days = limits.ending_notice_days),
            msg!("agreement.ending.help"),
        ),
        _ => {}
    }
    agreement
}
