//! Where an unbroken run of a rule began, from the dates the rule can change on: cheap
//! stand-ins for deriving every past day (see the module doc of `alerts`).

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The start of the run containing `as_of` of a rule that holds while any of `intervals`
/// does; each is `[start, end)`, `None` for no end yet. Touching intervals are one run.
pub fn interval_run(
    intervals: &mut [(NaiveDate, Option<NaiveDate>)],
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    intervals.sort_unstable();
    let mut run: Option<(NaiveDate, Option<NaiveDate>)> = None;
    for &(start, end) in intervals.iter().filter(|(start, _)| *start <= as_of) {
        run = match run {
            Some((from, to)) if to.is_none_or(|to| start <= to) => {
                let to = match (to, end) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
                Some((from, to))
            }
            _ => Some((start, end)),
        };
    }
    run.filter(|(_, end)| end.is_none_or(|end| end > as_of))
        .map(|(start, _)| start)
}

/// The start of the run containing `as_of` of a rule that holds while a running total
/// `holds`; the total moves by each `(date, change)` from that date on.
pub fn step_run(
    changes: &mut [(NaiveDate, Decimal)],
    as_of: NaiveDate,
    holds: impl Fn(Decimal) -> bool,
) -> Option<NaiveDate> {
    changes.sort_unstable();
    let mut total = Decimal::ZERO;
    let mut start = None;
    let mut index = 0;
    while index < changes.len() && changes[index].0 <= as_of {
        let date = changes[index].0;
        while index < changes.len() && changes[index].0 == date {
            total += changes[index].1;
            index += 1;
        }
        start = if holds(total) {
            start.or(Some(date))
        } else {
            None
        };
    }
    start
}

/// The start of the run containing `as_of` of a rule that holds on `as_of` and can change
/// only on `points`: walks back over the points while the rule held on each.
pub fn walk_back(
    points: &mut Vec<NaiveDate>,
    as_of: NaiveDate,
    mut holds: impl FnMut(NaiveDate) -> bool,
) -> NaiveDate {
    points.retain(|point| *point <= as_of);
    points.sort_unstable();
    points.dedup();
    let Some((latest, earlier)) = points.split_last() else {
        return as_of;
    };
    let mut start = *latest;
    for point in earlier.iter().rev() {
        if !holds(*point) {
            break;
        }
        start = *point;
    }
    start
}
