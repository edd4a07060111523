//! What the grammar understood, before normalisation: a small tree of calendar facts and
//! relations ("last" + weekday, "two years ago") that [`super::resolve::resolve`] turns into TIMEX3
//! values against the reference date and the text around.

use super::lexicon::{DayPart, Holiday, Season, Unit};

/// A quantity of units: exact (possibly fractional) or vague ("several", "a few").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Qty {
    /// A number.
    N(f64),
    /// Unspecified ("several months": `PXM`).
    Vague,
}

/// How the year of a partial date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearRef {
    /// Not written: inferred from the reference date and the tense around.
    Infer,
    /// Written out.
    Abs(i32),
    /// Relative to the reference year ("this year" 0, "last year" -1).
    Rel(i32),
    /// Relative to the last year the text mentioned ("that year" 0, "the following year" +1).
    Anchor(i32),
}

/// Which occurrence of a recurring name (weekday, month, season, holiday) is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// Bare name: chosen by the tense of the sentence (news default: the past one).
    Tense,
    /// "last": the one before the reference.
    Last,
    /// "next": the one after the reference.
    Next,
    /// "this": the one of the current week / year.
    This,
}

/// One calendar day, however it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DaySpec {
    /// Days from the reference date: today 0, yesterday -1, tomorrow +1.
    Rel(i32),
    /// A weekday (0 = Monday).
    Weekday(u8, Dir),
    /// Month and day, with the year as known.
    Cal(YearRef, u8, u8),
    /// A holiday.
    Holiday(Holiday, YearRef, Dir),
    /// A month and day picked relative to the reference ("last Oct. 23").
    CalDir(u8, u8, Dir),
    /// Days from the last day the text mentioned ("the next day" +1, "that day" 0).
    Anchor(i32),
    /// A day of the month alone ("on the 23rd"): month and year from the reference.
    DayOfMonth(u8),
    /// A weekday before (`Last`) or after (`Next`) the last day mentioned ("the previous
    /// Friday").
    AnchorWeekday(u8, Dir),
    /// Unknown day: only the time of day is known.
    Unknown,
}

/// TIMEX3 reference words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RefKind {
    /// `PRESENT_REF` ("now", "currently").
    Present,
    /// `PAST_REF` ("recently", "formerly").
    Past,
    /// `FUTURE_REF` ("the future", "soon").
    Future,
}

/// A length of time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Dur {
    /// How many units.
    pub qty: Qty,
    /// Which unit.
    pub unit: Unit,
}

/// A normalised-to-be time expression.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Expr {
    /// One day.
    Day(DaySpec),
    /// A day shifted by some days ("the day before yesterday", "the day after Christmas").
    DayOffset(DaySpec, i32),
    /// A day and a part of it ("Friday night", "this morning").
    DayPart(DaySpec, DayPart),
    /// A clock time, with its day when written ("9 a.m. Tuesday").
    Clock(DaySpec, u8, u8),
    /// A month of a year ("April 2022", bare "April").
    Month(YearRef, u8),
    /// "last March", "next March", "this March".
    MonthDir(u8, Dir),
    /// Months from the reference month ("this month" 0, "last month" -1).
    MonthRel(i32),
    /// Months from the last month mentioned ("that month").
    MonthAnchor(i32),
    /// A year.
    Year(YearRef),
    /// "a year ago", "year-earlier": the same period a year before, at the granularity the
    /// text is talking in (a quarter in earnings reports, else the year).
    YearAgo,
    /// A decade: its first three digits (199 for the 1990s).
    Decade(i32),
    /// Decades from the reference decade ("the last decade" -1).
    DecadeRel(i32),
    /// A century: its first two digits (19 for the 20th century).
    Century(i32),
    /// Centuries from the reference ("this century" 0).
    CenturyRel(i32),
    /// A quarter of a year.
    Quarter(YearRef, u8),
    /// The quarter the text is talking about ("the quarter", "the latest period"), shifted by
    /// the given number of quarters ("the year-ago quarter" -4).
    QuarterCtx(i32),
    /// The quarter the text is talking about, in the given year ("the 1988 period").
    QuarterCtxYear(i32),
    /// The week containing a day ("the week of March 6").
    WeekOf(DaySpec),
    /// Quarters from the reference quarter ("last quarter" -1, "next quarter" +1).
    QuarterRel(i32),
    /// A half of a year.
    Half(YearRef, u8),
    /// A season of a year.
    Season(YearRef, Season),
    /// "last fall", "this summer".
    SeasonDir(Season, Dir),
    /// Weeks from the reference week ("this week" 0, "last week" -1).
    Week(i32),
    /// Weeks from the last week mentioned ("the following week" +1).
    WeekAnchor(i32),
    /// An ISO week written out ("2013-W11").
    WeekIso(i32, u32),
    /// A weekend.
    Weekend(Dir),
    /// A date shifted from the reference ("two years ago" -2 years, "in three weeks" +3).
    Ago(Qty, Unit, i32),
    /// A length of time.
    Duration(Dur),
    /// A reference word.
    Ref(RefKind),
    /// A recurring time: every `n` units.
    Set(f64, Unit),
    /// Every given weekday ("each Thursday").
    SetWeekday(u8),
    /// Every given month ("each July").
    SetMonth(u8),
    /// A year's end, resolved like a year ("year-end").
    YearEnd(YearRef),
}
