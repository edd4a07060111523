//! Normalisation: [`Expr`] to TIMEX3 value, against the reference date, the tense around the
//! expression and the times the text mentioned before (anchors).
//!
//! Conventions follow TimeML as applied to news (HeidelTime's "news" mode): a bare weekday or
//! month is the one before the reference date unless the sentence speaks of the future; a
//! month and day take the year that puts them nearest the reference date unless the tense says
//! otherwise; "the next day" counts from the last day mentioned. Without a reference date every
//! part that would need one stays `X`.

use super::expr::{DaySpec, Dir, Dur, Expr, Qty, RefKind, YearRef};
use super::lexicon::{Holiday, Season, Unit};
use super::tense::Tense;
use crate::timex::{TimeValue, TimexType};
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// What the text has said so far, for expressions that count from it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Anchors {
    /// Last full day mentioned.
    pub date: Option<NaiveDate>,
    /// Token position of that mention.
    pub date_pos: usize,
    /// Last year mentioned (or implied by a day or month).
    pub year: Option<i32>,
    /// Last month mentioned.
    pub month: Option<(i32, u32)>,
    /// Last quarter mentioned and the token position of the mention.
    pub quarter: Option<(i32, u8, usize)>,
    /// The last quarters named (year, quarter, position), oldest first, for the quarter a
    /// story reports on.
    pub quarters: [(i32, u8, usize); 8],
    /// How many of `quarters` are filled.
    pub quarters_len: usize,
    /// Position of the last span of several months or a whole year ("the first nine
    /// months", "fiscal 1989"): after it "a year ago" compares years, not quarters.
    pub longer_period_pos: Option<usize>,
}

/// How far back (in tokens) quarters still count as the one a story reports on.
const STORY: usize = 200;

impl Anchors {
    /// Records a resolved DATE or TIME value (concrete parts only); a quarter is recorded
    /// only when `quarter` (the text named it).
    pub(crate) fn update(&mut self, value: &TimeValue, pos: usize, quarter: bool) {
        if !matches!(value.kind, TimexType::Date | TimexType::Time) {
            return;
        }
        // Read the digits in place: "YYYY", "YYYY-Qn", "YYYY-MM", "YYYY-MM-DD[T...]".
        let b = value.value.as_bytes();
        let digits = |from: usize, n: usize| -> Option<u32> {
            let part = b.get(from..from + n)?;
            part.iter().try_fold(0u32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        let Some(y) = digits(0, 4).map(|y| y as i32) else {
            return;
        };
        match (b.get(4), b.get(5)) {
            (None, _) => self.year = Some(y),
            (Some(b'-'), Some(b'Q')) => {
                if let (true, Some(n), None) = (quarter, digits(6, 1), b.get(7)) {
                    let n = n as u8;
                    self.quarter = Some((y, n, pos));
                    self.year = Some(y);
                    if self.quarters_len == self.quarters.len() {
                        self.quarters.rotate_left(1);
                        self.quarters_len -= 1;
                    }
                    if let Some(slot) = self.quarters.get_mut(self.quarters_len) {
                        *slot = (y, n, pos);
                        self.quarters_len += 1;
                    }
                }
            }
            (Some(b'-'), _) => {
                let Some(m) = digits(5, 2) else { return };
                if !matches!(b.get(7), None | Some(b'-') | Some(b'T')) {
                    return;
                }
                self.year = Some(y);
                self.month = Some((y, m));
                if b.get(7) == Some(&b'-') {
                    if let Some(date) = digits(8, 2).and_then(|d| NaiveDate::from_ymd_opt(y, m, d))
                    {
                        self.date = Some(date);
                        self.date_pos = pos;
                    }
                }
            }
            _ => {}
        }
    }
}

impl Anchors {
    /// Records a period longer than a quarter (a span of months, a year).
    pub(crate) fn longer_period(&mut self, pos: usize) {
        self.longer_period_pos = Some(pos);
    }

    /// The quarter the story at `pos` reports on: the one named most often in the last
    /// [`STORY`] tokens (the latest on a tie), unless a longer period was named since.
    pub(crate) fn story_quarter(&self, pos: usize) -> Option<(i32, u8)> {
        let recent = self.quarters.get(..self.quarters_len).unwrap_or_default();
        let recent: Vec<&(i32, u8, usize)> = recent
            .iter()
            .filter(|q| pos.saturating_sub(q.2) < STORY)
            .collect();
        let last = recent.last()?;
        if self.longer_period_pos.is_some_and(|p| p > last.2) {
            return None;
        }
        let count = |y: i32, q: u8| recent.iter().filter(|r| r.0 == y && r.1 == q).count();
        // `max_by_key` keeps the last of equals: the latest mention wins a tie.
        recent
            .iter()
            .max_by_key(|r| count(r.0, r.1))
            .map(|r| (r.0, r.1))
    }
}

/// Everything normalisation may consult for one expression.
pub(crate) struct Ctx<'a> {
    /// The document's reference date.
    pub reference: Option<NaiveDate>,
    /// What the text said before.
    pub anchors: &'a Anchors,
    /// Tense around the expression, computed on demand.
    pub tense: &'a dyn Fn() -> Tense,
    /// Token position of the expression (for distances to anchors).
    pub pos: usize,
    /// A day written just after a clock time without its own day ("10:35 a.m. (0735 GMT)
    /// Friday").
    pub nearby_day: Option<DaySpec>,
}

/// A day, known or with unknown parts.
enum DayVal {
    Known(NaiveDate),
    Pattern(String),
}

/// Appends `n` with at least `width` digits (values are small and non-negative here; this
/// avoids the formatting machinery on the hot path).
fn push_num(s: &mut String, n: u32, width: usize) {
    let mut buf = [b'0'; 10];
    let mut k = buf.len();
    let mut n = n;
    loop {
        k -= 1;
        if let Some(slot) = buf.get_mut(k) {
            *slot = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || k == 0 {
            break;
        }
    }
    let start = k.min(buf.len().saturating_sub(width));
    for &b in buf.get(start..).unwrap_or_default() {
        s.push(char::from(b));
    }
}

fn fmt_year(y: i32) -> String {
    let mut s = String::with_capacity(16);
    push_num(&mut s, y.clamp(0, 9999) as u32, 4);
    s
}

/// "YYYY-MM".
fn fmt_month(y: i32, m: u32) -> String {
    let mut s = fmt_year(y);
    s.push('-');
    push_num(&mut s, m, 2);
    s
}

fn fmt_day(d: NaiveDate) -> String {
    let mut s = fmt_month(d.year(), d.month());
    s.push('-');
    push_num(&mut s, d.day(), 2);
    s
}

fn fmt_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    let mut s = fmt_year(w.year());
    s.push_str("-W");
    push_num(&mut s, w.week(), 2);
    s
}

/// A day value with a part of the day ("2013-03-22TMO").
fn with_part(mut day: String, code: &str) -> String {
    day.push('T');
    day.push_str(code);
    day
}

/// A day value with a clock time ("2013-03-22T15:00").
fn with_clock(mut day: String, h: u8, m: u8) -> String {
    day.push('T');
    push_num(&mut day, u32::from(h), 2);
    day.push(':');
    push_num(&mut day, u32::from(m), 2);
    day
}

/// "YYYY-Qn".
fn fmt_quarter(y: i32, q: u8) -> String {
    let mut s = fmt_year(y);
    s.push_str("-Q");
    push_num(&mut s, u32::from(q), 1);
    s
}

fn wd(d: u8) -> Weekday {
    Weekday::try_from(d.min(6)).unwrap_or(Weekday::Mon)
}

fn add_days(d: NaiveDate, k: i64) -> Option<NaiveDate> {
    if k >= 0 {
        d.checked_add_days(Days::new(k as u64))
    } else {
        d.checked_sub_days(Days::new(k.unsigned_abs()))
    }
}

fn add_months(y: i32, m: u32, k: i32) -> (i32, u32) {
    let total = y * 12 + (m as i32 - 1) + k;
    (total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let (ny, nm) = add_months(y, m, 1);
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .map_or(31, |d| d.day())
}

fn quarter_of(m: u32) -> u8 {
    ((m - 1) / 3 + 1) as u8
}

fn nth_weekday(y: i32, m: u32, weekday: Weekday, n: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(y, m, weekday, n as u8)
}

fn last_weekday(y: i32, m: u32, weekday: Weekday) -> Option<NaiveDate> {
    let last = NaiveDate::from_ymd_opt(y, m, days_in_month(y, m))?;
    let back = (last.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
    add_days(last, -(back as i64))
}

/// Easter Sunday (Gregorian computus).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

/// The date of a holiday in a year.
fn holiday_in(h: Holiday, y: i32) -> Option<NaiveDate> {
    match h {
        Holiday::Christmas => NaiveDate::from_ymd_opt(y, 12, 25),
        Holiday::ChristmasEve => NaiveDate::from_ymd_opt(y, 12, 24),
        Holiday::NewYear => NaiveDate::from_ymd_opt(y, 1, 1),
        Holiday::NewYearsEve => NaiveDate::from_ymd_opt(y, 12, 31),
        Holiday::Easter => easter(y),
        Holiday::Thanksgiving => nth_weekday(y, 11, Weekday::Thu, 4),
        Holiday::Independence => NaiveDate::from_ymd_opt(y, 7, 4),
        Holiday::Memorial => last_weekday(y, 5, Weekday::Mon),
        Holiday::Labor => nth_weekday(y, 9, Weekday::Mon, 1),
        // The Tuesday after the first Monday of November.
        Holiday::Election => nth_weekday(y, 11, Weekday::Mon, 1).and_then(|d| d.succ_opt()),
        Holiday::Valentine => NaiveDate::from_ymd_opt(y, 2, 14),
        Holiday::Halloween => NaiveDate::from_ymd_opt(y, 10, 31),
    }
}

/// Fixed month and day of a holiday, for values without a year.
fn holiday_fixed(h: Holiday) -> Option<(u32, u32)> {
    match h {
        Holiday::Christmas => Some((12, 25)),
        Holiday::ChristmasEve => Some((12, 24)),
        Holiday::NewYear => Some((1, 1)),
        Holiday::NewYearsEve => Some((12, 31)),
        Holiday::Independence => Some((7, 4)),
        Holiday::Valentine => Some((2, 14)),
        Holiday::Halloween => Some((10, 31)),
        _ => None,
    }
}

/// Picks among a yearly recurring day's occurrences around `r`: by tense, else the nearest.
fn pick_yearly(
    r: NaiveDate,
    tense: Tense,
    dir: Dir,
    mut on: impl FnMut(i32) -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    let cands: Vec<NaiveDate> = (r.year() - 1..=r.year() + 1).filter_map(&mut on).collect();
    let before = cands.iter().filter(|d| **d <= r).max().copied();
    let after = cands.iter().filter(|d| **d >= r).min().copied();
    let strictly_before = cands.iter().filter(|d| **d < r).max().copied();
    let strictly_after = cands.iter().filter(|d| **d > r).min().copied();
    match dir {
        Dir::Last => return strictly_before,
        Dir::Next => return strictly_after,
        Dir::This => return on(r.year()),
        Dir::Tense => {}
    }
    // Nearest first (ties go to the past); a clear tense overrides only when the nearest is
    // months away on the wrong side.
    // News looks back more than forward: a future date must be clearly nearer to win.
    let nearest = cands
        .iter()
        .min_by_key(|d| {
            let gap = (**d - r).num_days();
            if gap > 0 {
                gap * 5 / 4
            } else {
                -gap
            }
        })
        .copied();
    let n = nearest?;
    let gap = (n - r).num_days();
    match tense {
        Tense::Past if gap > 90 => before.or(nearest),
        Tense::Future if gap < -90 => after.or(nearest),
        _ => nearest,
    }
}

impl Ctx<'_> {
    fn tense(&self) -> Tense {
        (self.tense)()
    }

    fn year_of(&self, y: YearRef) -> (Option<i32>, bool) {
        match y {
            YearRef::Abs(y) => (Some(y), false),
            YearRef::Rel(k) => (self.reference.map(|r| r.year() + k), true),
            YearRef::Anchor(k) => (
                self.anchors
                    .year
                    .or(self.reference.map(|r| r.year()))
                    .map(|y| y + k),
                true,
            ),
            YearRef::Infer => (self.reference.map(|r| r.year()), true),
        }
    }

    fn day(&self, spec: DaySpec) -> Option<(DayVal, bool)> {
        let r = self.reference;
        Some(match spec {
            DaySpec::Rel(k) => match r {
                Some(r) => (DayVal::Known(add_days(r, i64::from(k))?), true),
                None => (DayVal::Pattern("XXXX-XX-XX".into()), false),
            },
            DaySpec::Weekday(d, dir) => match r {
                Some(r) => (
                    DayVal::Known(weekday_near(r, wd(d), dir, self.tense())?),
                    true,
                ),
                None => (DayVal::Pattern(format!("XXXX-WXX-{}", d + 1)), false),
            },
            DaySpec::Cal(y, m, d) => {
                let m32 = u32::from(m);
                let d32 = u32::from(d);
                if d32 == 0
                    || d32 > 31
                    || !(1..=12).contains(&m32)
                    || (m32 == 2 && d32 > 29)
                    || d32 > days_in_month(2000, m32)
                {
                    return None;
                }
                match (y, r) {
                    (YearRef::Infer, Some(r)) => {
                        let date = pick_yearly(r, self.tense(), Dir::Tense, |yy| {
                            NaiveDate::from_ymd_opt(yy, m32, d32)
                        })?;
                        (DayVal::Known(date), true)
                    }
                    (YearRef::Infer, None) => {
                        (DayVal::Pattern(format!("XXXX-{m:02}-{d:02}")), false)
                    }
                    _ => match self.year_of(y) {
                        (Some(yy), rel) => {
                            (DayVal::Known(NaiveDate::from_ymd_opt(yy, m32, d32)?), rel)
                        }
                        (None, _) => (DayVal::Pattern(format!("XXXX-{m:02}-{d:02}")), false),
                    },
                }
            }
            DaySpec::CalDir(m, d, dir) => match r {
                Some(r) => {
                    let date = pick_yearly(r, Tense::Unknown, dir, |yy| {
                        NaiveDate::from_ymd_opt(yy, u32::from(m), u32::from(d))
                    })?;
                    (DayVal::Known(date), true)
                }
                None => (DayVal::Pattern(format!("XXXX-{m:02}-{d:02}")), false),
            },
            DaySpec::Holiday(h, y, dir) => match (y, r) {
                (YearRef::Infer, Some(r)) => (
                    DayVal::Known(pick_yearly(r, self.tense(), dir, |yy| holiday_in(h, yy))?),
                    true,
                ),
                (YearRef::Infer, None) => match holiday_fixed(h) {
                    Some((m, d)) => (DayVal::Pattern(format!("XXXX-{m:02}-{d:02}")), false),
                    None => (DayVal::Pattern("XXXX-XX-XX".into()), false),
                },
                _ => match self.year_of(y) {
                    (Some(yy), rel) => (DayVal::Known(holiday_in(h, yy)?), rel),
                    (None, _) => (DayVal::Pattern("XXXX-XX-XX".into()), false),
                },
            },
            DaySpec::Anchor(k) => match self.anchors.date.or(r) {
                Some(a) => (DayVal::Known(add_days(a, i64::from(k))?), true),
                None => (DayVal::Pattern("XXXX-XX-XX".into()), false),
            },
            DaySpec::AnchorWeekday(d, dir) => match self.anchors.date.or(r) {
                Some(a) => (
                    DayVal::Known(weekday_near(a, wd(d), dir, Tense::Unknown)?),
                    true,
                ),
                None => (DayVal::Pattern(format!("XXXX-WXX-{}", d + 1)), false),
            },
            DaySpec::DayOfMonth(d) => match r {
                Some(r) => {
                    let d32 = u32::from(d);
                    let (mut y, mut m) = (r.year(), r.month());
                    match self.tense() {
                        Tense::Future if d32 < r.day() => (y, m) = add_months(y, m, 1),
                        Tense::Past | Tense::Unknown if d32 > r.day() => {
                            (y, m) = add_months(y, m, -1)
                        }
                        _ => {}
                    }
                    (DayVal::Known(NaiveDate::from_ymd_opt(y, m, d32)?), true)
                }
                None => (DayVal::Pattern(format!("XXXX-XX-{d:02}")), false),
            },
            // A clock time alone is on the day the text is talking about: a day written just
            // after it, else a day mentioned just before, else the reference date.
            DaySpec::Unknown => match self.nearby_day {
                Some(spec) if spec != DaySpec::Unknown => return self.day(spec),
                _ => match self
                    .anchors
                    .date
                    .filter(|_| self.pos.saturating_sub(self.anchors.date_pos) < 40)
                    .or(r)
                {
                    Some(d) => (DayVal::Known(d), true),
                    None => (DayVal::Pattern("XXXX-XX-XX".into()), false),
                },
            },
        })
    }

    fn day_string(&self, spec: DaySpec) -> Option<(String, bool)> {
        let (v, rel) = self.day(spec)?;
        Some((
            match v {
                DayVal::Known(d) => fmt_day(d),
                DayVal::Pattern(p) => p,
            },
            rel,
        ))
    }
}

/// The year of a month named without one: the nearest to the reference month (ties to the
/// past), unless the tense says the other side and the nearest is two months or more away.
fn month_year(r: NaiveDate, m: u32, tense: Tense) -> i32 {
    let (y, cur) = (r.year(), r.month());
    let before = if m <= cur { y } else { y - 1 };
    let after = if m >= cur { y } else { y + 1 };
    let back = (cur + 12 - m) % 12;
    let ahead = (m + 12 - cur) % 12;
    let nearest = if back <= ahead { before } else { after };
    match tense {
        Tense::Past if nearest != before && ahead >= 2 => before,
        Tense::Future if nearest != after && back >= 2 => after,
        _ => nearest,
    }
}

/// The weekday `w` relative to `r`.
fn weekday_near(r: NaiveDate, w: Weekday, dir: Dir, tense: Tense) -> Option<NaiveDate> {
    let today = r.weekday().num_days_from_monday() as i64;
    let target = w.num_days_from_monday() as i64;
    let back = (today - target).rem_euclid(7);
    let ahead = (target - today).rem_euclid(7);
    let k = match dir {
        Dir::Last => -(if back == 0 { 7 } else { back }),
        Dir::Next => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Dir::This => target - today,
        Dir::Tense => match tense {
            Tense::Future => ahead,
            _ => -back,
        },
    };
    add_days(r, k)
}

fn unit_code(u: Unit) -> (bool, &'static str, f64) {
    match u {
        Unit::Second => (true, "S", 1.0),
        Unit::Minute => (true, "M", 1.0),
        Unit::Hour => (true, "H", 1.0),
        Unit::Day => (false, "D", 1.0),
        Unit::Week => (false, "W", 1.0),
        Unit::Fortnight => (false, "W", 2.0),
        Unit::Month => (false, "M", 1.0),
        Unit::Quarter => (false, "M", 3.0),
        Unit::Year => (false, "Y", 1.0),
        Unit::Decade => (false, "Y", 10.0),
        Unit::Century => (false, "Y", 100.0),
        Unit::Millennium => (false, "Y", 1000.0),
        Unit::Weekend => (false, "D", 2.0),
    }
}

/// A smaller unit a fraction can be written in, with the factor.
fn finer(u: Unit) -> Option<(Unit, f64)> {
    match u {
        Unit::Year => Some((Unit::Month, 12.0)),
        Unit::Week => Some((Unit::Day, 7.0)),
        Unit::Day => Some((Unit::Hour, 24.0)),
        Unit::Hour => Some((Unit::Minute, 60.0)),
        Unit::Minute => Some((Unit::Second, 60.0)),
        Unit::Decade => Some((Unit::Year, 10.0)),
        _ => None,
    }
}

fn num(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// The TIMEX3 value of a duration ("P3Y", "PT5H30M", "PXM").
pub(crate) fn duration_value(d: &Dur) -> String {
    let (time, code, mult) = unit_code(d.unit);
    let t = if time { "T" } else { "" };
    match d.qty {
        Qty::Vague => match d.unit {
            Unit::Decade => "PXDE".to_string(),
            Unit::Century | Unit::Millennium => "PXCE".to_string(),
            Unit::Quarter => "PXM".to_string(),
            _ => format!("P{t}X{code}"),
        },
        Qty::N(n) => {
            let v = n * mult;
            let whole = v.trunc();
            let frac = v - whole;
            if frac.abs() > 1e-9 && whole >= 0.0 {
                let base = match d.unit {
                    Unit::Fortnight => Unit::Week,
                    Unit::Quarter => Unit::Month,
                    Unit::Century | Unit::Millennium => Unit::Year,
                    u => u,
                };
                if let Some((fu, factor)) = finer(base) {
                    let rest = frac * factor;
                    if (rest - rest.round()).abs() < 1e-9 {
                        let (ft, fcode, _) = unit_code(fu);
                        let first = if whole > 0.0 {
                            format!("{}{code}", whole as i64)
                        } else {
                            String::new()
                        };
                        let sep = if ft && !time { "T" } else { "" };
                        return format!("P{t}{first}{sep}{}{fcode}", rest.round() as i64);
                    }
                }
            }
            format!("P{t}{}{code}", num(v))
        }
    }
}

/// The value of an expression, and whether the reference date or an anchor was used.
pub(crate) fn resolve(expr: &Expr, ctx: &Ctx<'_>) -> Option<(TimeValue, bool)> {
    let r = ctx.reference;
    let date = |v: String, rel: bool| Some((TimeValue::new(TimexType::Date, v), rel));
    match *expr {
        Expr::Day(spec) => {
            let (v, rel) = ctx.day_string(spec)?;
            date(v, rel)
        }
        Expr::DayOffset(spec, k) => match ctx.day(spec)? {
            (DayVal::Known(d), rel) => date(fmt_day(add_days(d, i64::from(k))?), rel),
            (DayVal::Pattern(_), _) => date("XXXX-XX-XX".into(), false),
        },
        Expr::DayPart(spec, p) => {
            let (v, rel) = ctx.day_string(spec)?;
            Some((TimeValue::new(TimexType::Time, with_part(v, p.code())), rel))
        }
        Expr::Clock(spec, h, m) => {
            let (v, rel) = ctx.day_string(spec)?;
            Some((TimeValue::new(TimexType::Time, with_clock(v, h, m)), rel))
        }
        Expr::Month(y, m) => {
            let m32 = u32::from(m);
            match (y, r) {
                (YearRef::Infer, Some(r)) => date(
                    fmt_month(month_year(r, m32, ctx.tense()), u32::from(m)),
                    true,
                ),
                (YearRef::Infer, None) => date(format!("XXXX-{m:02}"), false),
                _ => match ctx.year_of(y) {
                    (Some(yy), rel) => date(fmt_month(yy, u32::from(m)), rel),
                    (None, _) => date(format!("XXXX-{m:02}"), false),
                },
            }
        }
        Expr::MonthDir(m, dir) => {
            let m32 = u32::from(m);
            let Some(r) = r else {
                return date(format!("XXXX-{m:02}"), false);
            };
            // "last April" is the most recent April before the reference month, "next April"
            // the first after it.
            let yy = match dir {
                Dir::Last => {
                    if m32 < r.month() {
                        r.year()
                    } else {
                        r.year() - 1
                    }
                }
                Dir::Next => {
                    if m32 > r.month() {
                        r.year()
                    } else {
                        r.year() + 1
                    }
                }
                Dir::This => r.year(),
                Dir::Tense => month_year(r, m32, ctx.tense()),
            };
            date(fmt_month(yy, u32::from(m)), true)
        }
        Expr::MonthRel(k) => match r {
            Some(r) => {
                let (y, m) = add_months(r.year(), r.month(), k);
                date(fmt_month(y, m), true)
            }
            None => date("XXXX-XX".into(), false),
        },
        Expr::MonthAnchor(k) => match ctx.anchors.month.or(r.map(|r| (r.year(), r.month()))) {
            Some((y, m)) => {
                let (y, m) = add_months(y, m, k);
                date(fmt_month(y, m), true)
            }
            None => date("XXXX-XX".into(), false),
        },
        Expr::Year(y) => match ctx.year_of(y) {
            (Some(yy), rel) => date(fmt_year(yy), rel),
            (None, _) => date("XXXX".into(), false),
        },
        Expr::YearEnd(y) => match ctx.year_of(y) {
            (Some(yy), rel) => date(format!("{}-12-31", fmt_year(yy)), rel),
            (None, _) => date("XXXX-12-31".into(), false),
        },
        Expr::YearAgo => {
            if let Some((y, q)) = ctx.anchors.story_quarter(ctx.pos) {
                return date(fmt_quarter(y - 1, q), true);
            }
            match r {
                Some(r) => date(fmt_year(r.year() - 1), true),
                None => date("XXXX".into(), false),
            }
        }
        Expr::Decade(d) => date(format!("{:03}", d.clamp(0, 999)), false),
        Expr::DecadeRel(k) => match r {
            Some(r) => date(format!("{:03}", (r.year() / 10 + k).clamp(0, 999)), true),
            None => date("XXX".into(), false),
        },
        Expr::Century(c) => date(format!("{:02}", c.clamp(0, 99)), false),
        Expr::CenturyRel(k) => match r {
            Some(r) => date(format!("{:02}", (r.year() / 100 + k).clamp(0, 99)), true),
            None => date("XX".into(), false),
        },
        Expr::Quarter(y, q) => match (y, r) {
            (YearRef::Infer, Some(r)) => {
                let cur = quarter_of(r.month());
                let yy = if q <= cur { r.year() } else { r.year() - 1 };
                date(fmt_quarter(yy, q), true)
            }
            (YearRef::Infer, None) => date(format!("XXXX-Q{q}"), false),
            _ => match ctx.year_of(y) {
                (Some(yy), rel) => date(fmt_quarter(yy, q), rel),
                (None, _) => date(format!("XXXX-Q{q}"), false),
            },
        },
        Expr::QuarterCtx(k) => {
            let story = ctx
                .anchors
                .story_quarter(ctx.pos)
                .or(ctx.anchors.quarter.map(|(y, q, _)| (y, q)));
            let base = match story {
                Some((y, q)) => Some((y, u32::from(q))),
                None => r.map(|r| {
                    let (y, m) = add_months(r.year(), r.month(), -3);
                    (y, u32::from(quarter_of(m)))
                }),
            };
            match base {
                Some((y, q)) => {
                    let (y, qq) = add_months(y, (q - 1) * 3 + 1, k * 3);
                    date(fmt_quarter(y, quarter_of(qq)), true)
                }
                None => date("XXXX-QX".into(), false),
            }
        }
        Expr::QuarterCtxYear(y) => match ctx.anchors.story_quarter(ctx.pos) {
            Some((_, q)) => date(fmt_quarter(y, q), true),
            None => date(fmt_year(y), false),
        },
        Expr::QuarterRel(k) => match r {
            Some(r) => {
                let (y, m) = add_months(r.year(), r.month(), k * 3);
                date(fmt_quarter(y, quarter_of(m)), true)
            }
            None => date("XXXX-QX".into(), false),
        },
        Expr::Half(y, h) => match (y, r) {
            (YearRef::Infer, Some(r)) => {
                let cur = if r.month() <= 6 { 1 } else { 2 };
                let yy = if h <= cur { r.year() } else { r.year() - 1 };
                date(format!("{}-H{h}", fmt_year(yy)), true)
            }
            (YearRef::Infer, None) => date(format!("XXXX-H{h}"), false),
            _ => match ctx.year_of(y) {
                (Some(yy), rel) => date(format!("{}-H{h}", fmt_year(yy)), rel),
                (None, _) => date(format!("XXXX-H{h}"), false),
            },
        },
        Expr::Season(y, s) => match ctx.year_of(y) {
            (Some(yy), rel) => date(format!("{}-{}", fmt_year(yy), s.code()), rel),
            (None, _) => date(format!("XXXX-{}", s.code()), false),
        },
        Expr::SeasonDir(s, dir) => match r {
            Some(r) => {
                // Seasons in a row: winter belongs to the year it starts in (Dec).
                let cur_year = if r.month() <= 2 {
                    r.year() - 1
                } else {
                    r.year()
                };
                let cur = cur_year * 4 + Season::of_month(r.month()).index();
                let _ = cur;
                // "last fall" is the fall of last year; "this past spring" the latest spring.
                let y = match dir {
                    Dir::Last => r.year() - 1,
                    Dir::Next => r.year() + 1,
                    Dir::Tense => (cur - s.index()).div_euclid(4),
                    Dir::This => r.year(),
                };
                date(format!("{}-{}", fmt_year(y), s.code()), true)
            }
            None => date(format!("XXXX-{}", s.code()), false),
        },
        Expr::Week(k) => match r.and_then(|r| add_days(r, i64::from(k) * 7)) {
            Some(d) => date(fmt_week(d), true),
            None => date("XXXX-WXX".into(), false),
        },
        Expr::WeekAnchor(k) => match ctx
            .anchors
            .date
            .or(r)
            .and_then(|a| add_days(a, i64::from(k) * 7))
        {
            Some(d) => date(fmt_week(d), true),
            None => date("XXXX-WXX".into(), false),
        },
        Expr::WeekIso(y, w) => date(format!("{}-W{w:02}", fmt_year(y)), false),
        Expr::WeekOf(spec) => match ctx.day(spec)? {
            (DayVal::Known(d), rel) => date(fmt_week(d), rel),
            (DayVal::Pattern(_), _) => date("XXXX-WXX".into(), false),
        },
        Expr::Weekend(dir) => match r {
            Some(r) => {
                let weekend_now = r.weekday().num_days_from_monday() >= 5;
                let k = match dir {
                    Dir::Last => -1,
                    Dir::Next => 1,
                    Dir::This => 0,
                    Dir::Tense => match ctx.tense() {
                        Tense::Future => 0,
                        _ if weekend_now => 0,
                        _ => -1,
                    },
                };
                let d = add_days(r, k * 7)?;
                date(
                    {
                        let mut w = fmt_week(d);
                        w.push_str("-WE");
                        w
                    },
                    true,
                )
            }
            None => date("XXXX-WXX-WE".into(), false),
        },
        Expr::Ago(qty, unit, sign) => {
            let Qty::N(n) = qty else {
                return date(
                    if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into(),
                    false,
                );
            };
            let Some(r) = r else {
                let v = match unit {
                    Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XX",
                    Unit::Week | Unit::Fortnight => "XXXX-WXX",
                    Unit::Month => "XXXX-XX",
                    Unit::Decade => "XXX",
                    Unit::Century | Unit::Millennium => "XX",
                    _ => "XXXX",
                };
                return date(v.into(), false);
            };
            let s = f64::from(sign);
            let v = match unit {
                Unit::Second | Unit::Minute | Unit::Hour => fmt_day(r),
                Unit::Day | Unit::Weekend => fmt_day(add_days(r, (s * n).round() as i64)?),
                Unit::Week | Unit::Fortnight => {
                    let w = if unit == Unit::Fortnight { 14.0 } else { 7.0 };
                    fmt_week(add_days(r, (s * n * w).round() as i64)?)
                }
                Unit::Month | Unit::Quarter => {
                    let months = if unit == Unit::Quarter { 3.0 } else { 1.0 };
                    let (y, m) = add_months(r.year(), r.month(), (s * n * months).round() as i32);
                    if unit == Unit::Quarter {
                        fmt_quarter(y, quarter_of(m))
                    } else {
                        fmt_month(y, m)
                    }
                }
                Unit::Year => {
                    if n.fract() != 0.0 {
                        let (y, m) = add_months(r.year(), r.month(), (s * n * 12.0).round() as i32);
                        fmt_month(y, m)
                    } else {
                        fmt_year(r.year() + (s * n) as i32)
                    }
                }
                Unit::Decade => fmt_year(r.year() + (s * n * 10.0) as i32),
                Unit::Century => format!("{:02}", (r.year() + (s * n * 100.0) as i32) / 100),
                Unit::Millennium => fmt_year(r.year() + (s * n * 1000.0) as i32),
            };
            date(v, true)
        }
        Expr::Duration(d) => Some((
            TimeValue::new(TimexType::Duration, duration_value(&d)),
            false,
        )),
        Expr::Ref(k) => date(
            match k {
                RefKind::Present => "PRESENT_REF",
                RefKind::Past => "PAST_REF",
                RefKind::Future => "FUTURE_REF",
            }
            .into(),
            false,
        ),
        Expr::Set(n, u) => {
            let v = duration_value(&Dur {
                qty: Qty::N(n),
                unit: u,
            });
            Some((TimeValue::new(TimexType::Set, v), false))
        }
        Expr::SetWeekday(d) => Some((
            TimeValue::new(TimexType::Set, format!("XXXX-WXX-{}", d + 1)),
            false,
        )),
        Expr::SetMonth(m) => Some((
            TimeValue::new(TimexType::Set, format!("XXXX-{m:02}")),
            false,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dur(n: f64, unit: Unit) -> String {
        duration_value(&Dur {
            qty: Qty::N(n),
            unit,
        })
    }

    #[test]
    fn durations() {
        assert_eq!(dur(3.0, Unit::Year), "P3Y");
        assert_eq!(dur(2.5, Unit::Year), "P2Y6M");
        assert_eq!(dur(5.5, Unit::Hour), "PT5H30M");
        assert_eq!(dur(1.5, Unit::Minute), "PT1M30S");
        assert_eq!(dur(1.5, Unit::Day), "P1DT12H");
        assert_eq!(dur(1.0, Unit::Decade), "P10Y");
        assert_eq!(dur(2.0, Unit::Fortnight), "P4W");
        assert_eq!(
            duration_value(&Dur {
                qty: Qty::Vague,
                unit: Unit::Month
            }),
            "PXM"
        );
        assert_eq!(
            duration_value(&Dur {
                qty: Qty::Vague,
                unit: Unit::Hour
            }),
            "PTXH"
        );
    }

    #[test]
    fn holidays() {
        assert_eq!(easter(2025), NaiveDate::from_ymd_opt(2025, 4, 20));
        assert_eq!(easter(2000), NaiveDate::from_ymd_opt(2000, 4, 23));
        assert_eq!(
            holiday_in(Holiday::Thanksgiving, 1999),
            NaiveDate::from_ymd_opt(1999, 11, 25)
        );
        assert_eq!(
            holiday_in(Holiday::Election, 1998),
            NaiveDate::from_ymd_opt(1998, 11, 3)
        );
        assert_eq!(
            holiday_in(Holiday::Memorial, 2025),
            NaiveDate::from_ymd_opt(2025, 5, 26)
        );
    }

    #[test]
    fn weekdays() {
        let wed = NaiveDate::from_ymd_opt(2025, 4, 23).unwrap();
        let day = |w, dir, t| weekday_near(wed, w, dir, t).map(|d| d.to_string());
        assert_eq!(
            day(Weekday::Mon, Dir::Last, Tense::Unknown).as_deref(),
            Some("2025-04-21")
        );
        assert_eq!(
            day(Weekday::Wed, Dir::Last, Tense::Unknown).as_deref(),
            Some("2025-04-16")
        );
        assert_eq!(
            day(Weekday::Wed, Dir::This, Tense::Unknown).as_deref(),
            Some("2025-04-23")
        );
        assert_eq!(
            day(Weekday::Fri, Dir::Tense, Tense::Past).as_deref(),
            Some("2025-04-18")
        );
        assert_eq!(
            day(Weekday::Fri, Dir::Tense, Tense::Future).as_deref(),
            Some("2025-04-25")
        );
        assert_eq!(
            day(Weekday::Mon, Dir::Next, Tense::Unknown).as_deref(),
            Some("2025-04-28")
        );
    }
}
