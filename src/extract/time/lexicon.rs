//! The word tables of the time grammar: every English word the grammar reacts to, with its
//! class, kept as one `const` table so vocabulary changes never touch the parsers.
//!
//! Words are looked up once, when the text is split into tokens, in a hash map built from the
//! table on first use; the parsers then only compare small enum values.

use std::sync::OnceLock;

/// A unit of time as written ("day", "weeks", "quarter").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
    Weekend,
}

/// A season (TIMEX3 `SP`, `SU`, `FA`, `WI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    /// TIMEX3 code.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// Position in the calendar year (spring first), for "last fall" arithmetic.
    pub(crate) fn index(self) -> i32 {
        match self {
            Season::Spring => 0,
            Season::Summer => 1,
            Season::Fall => 2,
            Season::Winter => 3,
        }
    }

    /// The season a month falls in (December belongs to that year's winter).
    pub(crate) fn of_month(month: u32) -> Season {
        match month {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Fall,
            _ => Season::Winter,
        }
    }
}

/// A part of the day (TIMEX3 `MO`, `AF`, `EV`, `NI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    /// TIMEX3 code.
    pub(crate) fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

/// Named days whose date follows from the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    Christmas,
    ChristmasEve,
    NewYear,
    NewYearsEve,
    Easter,
    Thanksgiving,
    Independence,
    Memorial,
    Labor,
    Election,
    Valentine,
    Halloween,
}

/// Grammar keywords: function words and adverbs the parsers look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kw {
    The,
    A,
    This,
    That,
    These,
    Last,
    Next,
    Past,
    Previous,
    Prior,
    Coming,
    Following,
    Current,
    Same,
    Recent,
    Latest,
    Upcoming,
    Ago,
    Earlier,
    Later,
    Early,
    Mid,
    Middle,
    Late,
    End,
    Beginning,
    Start,
    Of,
    In,
    On,
    At,
    By,
    Since,
    Until,
    From,
    To,
    Through,
    Between,
    And,
    Or,
    For,
    Over,
    Within,
    During,
    Before,
    After,
    Around,
    About,
    Than,
    More,
    Less,
    Nearly,
    Almost,
    Least,
    Up,
    No,
    Just,
    Several,
    Few,
    Couple,
    Some,
    Many,
    Dozen,
    Dozens,
    Half,
    Hundred,
    Hundreds,
    Thousand,
    Thousands,
    Every,
    Each,
    Per,
    Now,
    Currently,
    Today,
    Tonight,
    Yesterday,
    Tomorrow,
    Recently,
    Previously,
    Formerly,
    Future,
    Soon,
    Nowadays,
    Lately,
    Presently,
    Right,
    Moment,
    Present,
    Time,
    Times,
    Daily,
    Weekly,
    Monthly,
    Annually,
    Yearly,
    Hourly,
    Nightly,
    Quarterly,
    Biweekly,
    Fiscal,
    Noon,
    Midnight,
    Midday,
    Overnight,
    Am,
    Pm,
    Clock,
    Zone,
    Ended,
    Ending,
    Period,
    Trading,
    Business,
    Twice,
    Once,
    Full,
    Additional,
    Long,
    Old,
    Eve,
    Near,
    Possible,
    As,
    Straight,
    Consecutive,
    Other,
    Q,
    H,
    Fy,
    S,
    Th,
    St,
    Nd,
    Rd,
    Week,
    When,
    Comparable,
    Most,
    Distant,
    So,
    Term,
    Short,
    Date,
    But,
}

/// The class of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lex {
    /// Any word the grammar does not know.
    Other,
    /// A run of digits (value in the token).
    Num,
    /// One punctuation character (typographic quotes and dashes folded to ASCII).
    Punct(char),
    /// A month name, 1-12.
    Month(u8),
    /// A month abbreviation ("Jan", "Sept"), 1-12.
    MonAbbr(u8),
    /// A weekday, 0 = Monday.
    Weekday(u8),
    /// A weekday abbreviation ("Mon", "Thurs").
    WdAbbr(u8),
    /// A unit of time, singular.
    Unit(Unit),
    /// A unit of time, plural.
    Units(Unit),
    /// A cardinal number word ("one".."ninety").
    Card(u16),
    /// An ordinal number word ("first".."thirty-first" parts).
    Ord(u16),
    /// A decade as a word ("nineties": 90).
    Decade(u16),
    /// A season name.
    Season(Season),
    /// A part of the day.
    Part(DayPart),
    /// A holiday name (its first word).
    Holiday(Holiday),
    /// A grammar keyword.
    Kw(Kw),
}

use DayPart as P;
use Holiday as Ho;
use Kw as K;
use Lex as L;
use Season as Se;
use Unit as U;

/// Every word the grammar knows, lower case.
const WORDS: &[(&str, Lex)] = &[
    ("january", L::Month(1)),
    ("february", L::Month(2)),
    ("march", L::Month(3)),
    ("april", L::Month(4)),
    ("may", L::Month(5)),
    ("june", L::Month(6)),
    ("july", L::Month(7)),
    ("august", L::Month(8)),
    ("september", L::Month(9)),
    ("october", L::Month(10)),
    ("november", L::Month(11)),
    ("december", L::Month(12)),
    ("jan", L::MonAbbr(1)),
    ("feb", L::MonAbbr(2)),
    ("mar", L::MonAbbr(3)),
    ("apr", L::MonAbbr(4)),
    ("jun", L::MonAbbr(6)),
    ("jul", L::MonAbbr(7)),
    ("aug", L::MonAbbr(8)),
    ("sep", L::MonAbbr(9)),
    ("sept", L::MonAbbr(9)),
    ("oct", L::MonAbbr(10)),
    ("nov", L::MonAbbr(11)),
    ("dec", L::MonAbbr(12)),
    ("monday", L::Weekday(0)),
    ("tuesday", L::Weekday(1)),
    ("wednesday", L::Weekday(2)),
    ("thursday", L::Weekday(3)),
    ("friday", L::Weekday(4)),
    ("saturday", L::Weekday(5)),
    ("sunday", L::Weekday(6)),
    ("mon", L::WdAbbr(0)),
    ("tue", L::WdAbbr(1)),
    ("tues", L::WdAbbr(1)),
    ("wed", L::WdAbbr(2)),
    ("thu", L::WdAbbr(3)),
    ("thur", L::WdAbbr(3)),
    ("thurs", L::WdAbbr(3)),
    ("fri", L::WdAbbr(4)),
    ("sat", L::WdAbbr(5)),
    ("sun", L::WdAbbr(6)),
    ("second", L::Ord(2)),
    ("seconds", L::Units(U::Second)),
    ("sec", L::Unit(U::Second)),
    ("secs", L::Units(U::Second)),
    ("minute", L::Unit(U::Minute)),
    ("minutes", L::Units(U::Minute)),
    ("min", L::Unit(U::Minute)),
    ("mins", L::Units(U::Minute)),
    ("hour", L::Unit(U::Hour)),
    ("hours", L::Units(U::Hour)),
    ("hr", L::Unit(U::Hour)),
    ("hrs", L::Units(U::Hour)),
    ("day", L::Unit(U::Day)),
    ("days", L::Units(U::Day)),
    ("week", L::Unit(U::Week)),
    ("weeks", L::Units(U::Week)),
    ("fortnight", L::Unit(U::Fortnight)),
    ("fortnights", L::Units(U::Fortnight)),
    ("month", L::Unit(U::Month)),
    ("months", L::Units(U::Month)),
    ("quarter", L::Unit(U::Quarter)),
    ("quarters", L::Units(U::Quarter)),
    ("year", L::Unit(U::Year)),
    ("years", L::Units(U::Year)),
    ("yr", L::Unit(U::Year)),
    ("yrs", L::Units(U::Year)),
    ("decade", L::Unit(U::Decade)),
    ("decades", L::Units(U::Decade)),
    ("century", L::Unit(U::Century)),
    ("centuries", L::Units(U::Century)),
    ("millennium", L::Unit(U::Millennium)),
    ("millennia", L::Units(U::Millennium)),
    ("millenniums", L::Units(U::Millennium)),
    ("weekend", L::Unit(U::Weekend)),
    ("weekends", L::Units(U::Weekend)),
    ("zero", L::Card(0)),
    ("one", L::Card(1)),
    ("two", L::Card(2)),
    ("three", L::Card(3)),
    ("four", L::Card(4)),
    ("five", L::Card(5)),
    ("six", L::Card(6)),
    ("seven", L::Card(7)),
    ("eight", L::Card(8)),
    ("nine", L::Card(9)),
    ("ten", L::Card(10)),
    ("eleven", L::Card(11)),
    ("twelve", L::Card(12)),
    ("thirteen", L::Card(13)),
    ("fourteen", L::Card(14)),
    ("fifteen", L::Card(15)),
    ("sixteen", L::Card(16)),
    ("seventeen", L::Card(17)),
    ("eighteen", L::Card(18)),
    ("nineteen", L::Card(19)),
    ("twenty", L::Card(20)),
    ("thirty", L::Card(30)),
    ("forty", L::Card(40)),
    ("fourty", L::Card(40)),
    ("fifty", L::Card(50)),
    ("sixty", L::Card(60)),
    ("seventy", L::Card(70)),
    ("eighty", L::Card(80)),
    ("ninety", L::Card(90)),
    ("first", L::Ord(1)),
    ("third", L::Ord(3)),
    ("fourth", L::Ord(4)),
    ("fifth", L::Ord(5)),
    ("sixth", L::Ord(6)),
    ("seventh", L::Ord(7)),
    ("eighth", L::Ord(8)),
    ("ninth", L::Ord(9)),
    ("tenth", L::Ord(10)),
    ("eleventh", L::Ord(11)),
    ("twelfth", L::Ord(12)),
    ("thirteenth", L::Ord(13)),
    ("fourteenth", L::Ord(14)),
    ("fifteenth", L::Ord(15)),
    ("sixteenth", L::Ord(16)),
    ("seventeenth", L::Ord(17)),
    ("eighteenth", L::Ord(18)),
    ("nineteenth", L::Ord(19)),
    ("twentieth", L::Ord(20)),
    ("thirtieth", L::Ord(30)),
    ("twenties", L::Decade(20)),
    ("thirties", L::Decade(30)),
    ("forties", L::Decade(40)),
    ("fifties", L::Decade(50)),
    ("sixties", L::Decade(60)),
    ("seventies", L::Decade(70)),
    ("eighties", L::Decade(80)),
    ("nineties", L::Decade(90)),
    ("spring", L::Season(Se::Spring)),
    ("summer", L::Season(Se::Summer)),
    ("fall", L::Season(Se::Fall)),
    ("autumn", L::Season(Se::Fall)),
    ("winter", L::Season(Se::Winter)),
    ("springtime", L::Season(Se::Spring)),
    ("summertime", L::Season(Se::Summer)),
    ("wintertime", L::Season(Se::Winter)),
    ("morning", L::Part(P::Morning)),
    ("mornings", L::Part(P::Morning)),
    ("afternoon", L::Part(P::Afternoon)),
    ("afternoons", L::Part(P::Afternoon)),
    ("evening", L::Part(P::Evening)),
    ("evenings", L::Part(P::Evening)),
    ("night", L::Part(P::Night)),
    ("nights", L::Part(P::Night)),
    ("christmas", L::Holiday(Ho::Christmas)),
    ("xmas", L::Holiday(Ho::Christmas)),
    ("easter", L::Holiday(Ho::Easter)),
    ("thanksgiving", L::Holiday(Ho::Thanksgiving)),
    ("independence", L::Holiday(Ho::Independence)),
    ("memorial", L::Holiday(Ho::Memorial)),
    ("labor", L::Holiday(Ho::Labor)),
    ("labour", L::Holiday(Ho::Labor)),
    ("election", L::Holiday(Ho::Election)),
    ("valentine", L::Holiday(Ho::Valentine)),
    ("halloween", L::Holiday(Ho::Halloween)),
    ("new", L::Holiday(Ho::NewYear)),
    ("the", L::Kw(K::The)),
    ("a", L::Kw(K::A)),
    ("an", L::Kw(K::A)),
    ("this", L::Kw(K::This)),
    ("that", L::Kw(K::That)),
    ("these", L::Kw(K::These)),
    ("last", L::Kw(K::Last)),
    ("next", L::Kw(K::Next)),
    ("past", L::Kw(K::Past)),
    ("previous", L::Kw(K::Previous)),
    ("prior", L::Kw(K::Prior)),
    ("coming", L::Kw(K::Coming)),
    ("following", L::Kw(K::Following)),
    ("current", L::Kw(K::Current)),
    ("same", L::Kw(K::Same)),
    ("recent", L::Kw(K::Recent)),
    ("latest", L::Kw(K::Latest)),
    ("upcoming", L::Kw(K::Upcoming)),
    ("ago", L::Kw(K::Ago)),
    ("earlier", L::Kw(K::Earlier)),
    ("later", L::Kw(K::Later)),
    ("early", L::Kw(K::Early)),
    ("mid", L::Kw(K::Mid)),
    ("middle", L::Kw(K::Middle)),
    ("late", L::Kw(K::Late)),
    ("end", L::Kw(K::End)),
    ("beginning", L::Kw(K::Beginning)),
    ("start", L::Kw(K::Start)),
    ("of", L::Kw(K::Of)),
    ("in", L::Kw(K::In)),
    ("on", L::Kw(K::On)),
    ("at", L::Kw(K::At)),
    ("by", L::Kw(K::By)),
    ("since", L::Kw(K::Since)),
    ("until", L::Kw(K::Until)),
    ("till", L::Kw(K::Until)),
    ("from", L::Kw(K::From)),
    ("to", L::Kw(K::To)),
    ("through", L::Kw(K::Through)),
    ("thru", L::Kw(K::Through)),
    ("between", L::Kw(K::Between)),
    ("and", L::Kw(K::And)),
    ("or", L::Kw(K::Or)),
    ("for", L::Kw(K::For)),
    ("over", L::Kw(K::Over)),
    ("within", L::Kw(K::Within)),
    ("during", L::Kw(K::During)),
    ("before", L::Kw(K::Before)),
    ("after", L::Kw(K::After)),
    ("around", L::Kw(K::Around)),
    ("about", L::Kw(K::About)),
    ("than", L::Kw(K::Than)),
    ("more", L::Kw(K::More)),
    ("less", L::Kw(K::Less)),
    ("nearly", L::Kw(K::Nearly)),
    ("almost", L::Kw(K::Almost)),
    ("least", L::Kw(K::Least)),
    ("up", L::Kw(K::Up)),
    ("no", L::Kw(K::No)),
    ("just", L::Kw(K::Just)),
    ("several", L::Kw(K::Several)),
    ("few", L::Kw(K::Few)),
    ("couple", L::Kw(K::Couple)),
    ("some", L::Kw(K::Some)),
    ("many", L::Kw(K::Many)),
    ("dozen", L::Kw(K::Dozen)),
    ("dozens", L::Kw(K::Dozens)),
    ("half", L::Kw(K::Half)),
    ("hundred", L::Kw(K::Hundred)),
    ("hundreds", L::Kw(K::Hundreds)),
    ("thousand", L::Kw(K::Thousand)),
    ("thousands", L::Kw(K::Thousands)),
    ("every", L::Kw(K::Every)),
    ("each", L::Kw(K::Each)),
    ("per", L::Kw(K::Per)),
    ("now", L::Kw(K::Now)),
    ("currently", L::Kw(K::Currently)),
    ("today", L::Kw(K::Today)),
    ("tonight", L::Kw(K::Tonight)),
    ("yesterday", L::Kw(K::Yesterday)),
    ("tomorrow", L::Kw(K::Tomorrow)),
    ("recently", L::Kw(K::Recently)),
    ("previously", L::Kw(K::Previously)),
    ("formerly", L::Kw(K::Formerly)),
    ("future", L::Kw(K::Future)),
    ("soon", L::Kw(K::Soon)),
    ("nowadays", L::Kw(K::Nowadays)),
    ("lately", L::Kw(K::Lately)),
    ("presently", L::Kw(K::Presently)),
    ("right", L::Kw(K::Right)),
    ("moment", L::Kw(K::Moment)),
    ("present", L::Kw(K::Present)),
    ("time", L::Kw(K::Time)),
    ("times", L::Kw(K::Times)),
    ("daily", L::Kw(K::Daily)),
    ("weekly", L::Kw(K::Weekly)),
    ("monthly", L::Kw(K::Monthly)),
    ("annually", L::Kw(K::Annually)),
    ("yearly", L::Kw(K::Yearly)),
    ("hourly", L::Kw(K::Hourly)),
    ("nightly", L::Kw(K::Nightly)),
    ("quarterly", L::Kw(K::Quarterly)),
    ("biweekly", L::Kw(K::Biweekly)),
    ("fiscal", L::Kw(K::Fiscal)),
    ("noon", L::Kw(K::Noon)),
    ("midnight", L::Kw(K::Midnight)),
    ("midday", L::Kw(K::Midday)),
    ("overnight", L::Kw(K::Overnight)),
    ("am", L::Kw(K::Am)),
    ("pm", L::Kw(K::Pm)),
    ("clock", L::Kw(K::Clock)),
    ("gmt", L::Kw(K::Zone)),
    ("utc", L::Kw(K::Zone)),
    ("est", L::Kw(K::Zone)),
    ("edt", L::Kw(K::Zone)),
    ("cst", L::Kw(K::Zone)),
    ("cdt", L::Kw(K::Zone)),
    ("mst", L::Kw(K::Zone)),
    ("mdt", L::Kw(K::Zone)),
    ("pst", L::Kw(K::Zone)),
    ("pdt", L::Kw(K::Zone)),
    ("bst", L::Kw(K::Zone)),
    ("cet", L::Kw(K::Zone)),
    ("cest", L::Kw(K::Zone)),
    ("et", L::Kw(K::Zone)),
    ("pt", L::Kw(K::Zone)),
    ("ct", L::Kw(K::Zone)),
    ("jst", L::Kw(K::Zone)),
    ("hkt", L::Kw(K::Zone)),
    ("ist", L::Kw(K::Zone)),
    ("msk", L::Kw(K::Zone)),
    ("wib", L::Kw(K::Zone)),
    ("ended", L::Kw(K::Ended)),
    ("ending", L::Kw(K::Ending)),
    ("ends", L::Kw(K::Ending)),
    ("period", L::Kw(K::Period)),
    ("trading", L::Kw(K::Trading)),
    ("business", L::Kw(K::Business)),
    ("working", L::Kw(K::Business)),
    ("twice", L::Kw(K::Twice)),
    ("once", L::Kw(K::Once)),
    ("full", L::Kw(K::Full)),
    ("additional", L::Kw(K::Additional)),
    ("extra", L::Kw(K::Additional)),
    ("long", L::Kw(K::Long)),
    ("old", L::Kw(K::Old)),
    ("eve", L::Kw(K::Eve)),
    ("near", L::Kw(K::Near)),
    ("possible", L::Kw(K::Possible)),
    ("as", L::Kw(K::As)),
    ("when", L::Kw(K::When)),
    ("corresponding", L::Kw(K::Comparable)),
    ("comparable", L::Kw(K::Comparable)),
    ("most", L::Kw(K::Most)),
    ("so", L::Kw(K::So)),
    ("term", L::Kw(K::Term)),
    ("short", L::Kw(K::Short)),
    ("date", L::Kw(K::Date)),
    ("but", L::Kw(K::But)),
    ("distant", L::Kw(K::Distant)),
    ("foreseeable", L::Kw(K::Distant)),
    ("immediate", L::Kw(K::Distant)),
    ("straight", L::Kw(K::Straight)),
    ("consecutive", L::Kw(K::Consecutive)),
    ("other", L::Kw(K::Other)),
    ("q", L::Kw(K::Q)),
    ("h", L::Kw(K::H)),
    ("fy", L::Kw(K::Fy)),
    ("s", L::Kw(K::S)),
    ("th", L::Kw(K::Th)),
    ("st", L::Kw(K::St)),
    ("nd", L::Kw(K::Nd)),
    ("rd", L::Kw(K::Rd)),
    ("w", L::Kw(K::Week)),
];

/// Tense cues carried by words (bit flags), read by [`super::tense`] without looking at the
/// text again.
pub(crate) mod cue {
    /// Puts what follows in the future ("will", "soon").
    pub const FUT: u16 = 1;
    /// A verb of intention or a modal ("plans", "would").
    pub const FUT_VERB: u16 = 2;
    /// A participle announcing the future unless after "was"/"had" ("scheduled").
    pub const FUT_PART: u16 = 4;
    /// Like `FUT_PART` but only before "to"/"for" ("set to", "due to").
    pub const FUT_PART_TO: u16 = 8;
    /// A past form ("said", "went").
    pub const PAST: u16 = 16;
    /// A past auxiliary ("was", "had"): past, and flips a following participle to the past.
    pub const PAST_AUX: u16 = 32;
    /// After this word an "-ed" form is not a finite past ("to", "be", "the").
    pub const NOT_FINITE: u16 = 64;
    /// "is" / "are" ("is to resume").
    pub const IS_ARE: u16 = 128;
    /// "to".
    pub const TO: u16 = 256;
    /// "early" ("as early as").
    pub const EARLY: u16 = 512;
    /// An "-ed" word that is not a past verb ("hundred", "united").
    pub const NOT_ED: u16 = 1024;
    /// A regular past form (set by the lexer from the "-ed" ending).
    pub const ED: u16 = 2048;
    /// "for".
    pub const FOR: u16 = 4096;
    /// "as".
    pub const AS: u16 = 8192;
    /// A determiner or possessive ("the", "its"): a number after it is rather a year.
    pub const DET: u16 = 16384;
    /// A noun that is counted ("troops", "people"): a number before it is a count.
    pub const COUNT: u16 = 32768;
}

use cue::*;

/// Words carrying tense cues (they may also be in [`WORDS`]).
const CUES: &[(&str, u16)] = &[
    ("will", FUT | NOT_FINITE),
    // "will remain closed", "stays shut": a participle after them is no past verb.
    ("remain", NOT_FINITE),
    ("remains", NOT_FINITE),
    ("stay", NOT_FINITE),
    ("stays", NOT_FINITE),
    ("shall", FUT | NOT_FINITE),
    ("ll", FUT),
    ("wo", FUT),
    ("tomorrow", FUT),
    ("upcoming", FUT),
    ("soon", FUT),
    ("plans", FUT_VERB),
    ("plan", FUT_VERB),
    ("planning", FUT_VERB),
    ("expects", FUT_VERB),
    ("expect", FUT_VERB),
    ("intends", FUT_VERB),
    ("intend", FUT_VERB),
    ("hopes", FUT_VERB),
    ("hope", FUT_VERB),
    ("aims", FUT_VERB),
    ("would", FUT_VERB | NOT_FINITE),
    ("going", FUT_VERB),
    ("wants", FUT_VERB),
    ("want", FUT_VERB),
    ("seeks", FUT_VERB),
    ("seek", FUT_VERB),
    ("promises", FUT_VERB),
    ("scheduled", FUT_PART | NOT_ED),
    ("planned", FUT_PART | NOT_ED),
    ("expected", FUT_PART | NOT_ED),
    ("slated", FUT_PART | NOT_ED),
    ("intended", FUT_PART | NOT_ED),
    ("poised", FUT_PART | NOT_ED),
    ("due", FUT_PART_TO),
    ("set", FUT_PART_TO),
    ("likely", FUT_PART_TO),
    ("was", PAST | PAST_AUX),
    ("were", PAST | PAST_AUX),
    ("had", PAST | PAST_AUX),
    ("been", PAST | PAST_AUX | NOT_FINITE),
    ("said", PAST),
    ("told", PAST),
    ("did", PAST),
    ("ago", PAST),
    ("last", PAST),
    ("yesterday", PAST),
    ("earlier", PAST),
    ("went", PAST),
    ("came", PAST),
    ("took", PAST),
    ("made", PAST),
    ("gave", PAST),
    ("met", PAST),
    ("left", PAST),
    ("began", PAST),
    ("became", PAST),
    ("got", PAST),
    ("held", PAST),
    ("found", PAST),
    ("saw", PAST),
    ("sent", PAST),
    ("spoke", PAST),
    ("broke", PAST),
    ("fell", PAST),
    ("rose", PAST),
    ("won", PAST),
    ("lost", PAST),
    ("paid", PAST),
    ("sold", PAST),
    ("bought", PAST),
    ("brought", PAST),
    ("thought", PAST),
    ("wrote", PAST),
    ("struck", PAST),
    ("led", PAST),
    ("fled", PAST | NOT_ED),
    ("shot", PAST),
    ("knew", PAST),
    ("drew", PAST),
    ("grew", PAST),
    ("threw", PAST),
    ("flew", PAST),
    ("ran", PAST),
    ("sat", PAST),
    ("stood", PAST),
    ("felt", PAST),
    ("kept", PAST),
    ("meant", PAST),
    ("spent", PAST),
    ("built", PAST),
    ("caught", PAST),
    ("fought", PAST),
    ("sought", PAST),
    ("chose", PAST),
    ("drove", PAST),
    ("rode", PAST),
    ("wore", PAST),
    ("hid", PAST),
    ("ate", PAST),
    ("forgot", PAST),
    ("froze", PAST),
    ("stole", PAST),
    ("withdrew", PAST),
    ("arose", PAST),
    ("quit", PAST),
    ("hung", PAST),
    ("swept", PAST),
    ("slid", PAST),
    ("sank", PAST),
    ("overthrew", PAST),
    ("upheld", PAST),
    ("woke", PAST),
    ("shook", PAST),
    ("swore", PAST),
    ("tore", PAST),
    ("dug", PAST),
    ("lit", PAST),
    ("be", NOT_FINITE),
    ("being", NOT_FINITE),
    ("to", NOT_FINITE | TO),
    ("can", NOT_FINITE),
    ("could", NOT_FINITE),
    ("may", NOT_FINITE),
    ("might", NOT_FINITE),
    ("must", NOT_FINITE),
    ("should", NOT_FINITE),
    ("is", NOT_FINITE | IS_ARE),
    ("are", NOT_FINITE | IS_ARE),
    ("am", NOT_FINITE),
    ("get", NOT_FINITE),
    ("gets", NOT_FINITE),
    ("the", NOT_FINITE | DET),
    ("a", NOT_FINITE | DET),
    ("an", NOT_FINITE | DET),
    ("its", NOT_FINITE | DET),
    ("their", NOT_FINITE | DET),
    ("his", NOT_FINITE | DET),
    ("her", NOT_FINITE | DET),
    ("our", NOT_FINITE | DET),
    ("your", NOT_FINITE | DET),
    ("this", NOT_FINITE | DET),
    ("that", NOT_FINITE | DET),
    ("these", NOT_FINITE | DET),
    ("those", NOT_FINITE | DET),
    ("has", NOT_FINITE),
    ("have", NOT_FINITE),
    ("very", NOT_FINITE),
    ("more", NOT_FINITE),
    ("most", NOT_FINITE),
    ("newly", NOT_FINITE),
    ("recently", NOT_FINITE),
    ("previously", NOT_FINITE),
    ("already", NOT_FINITE),
    ("early", EARLY),
    ("s", DET),
    ("my", DET),
    ("calendar", DET),
    ("people", COUNT),
    ("persons", COUNT),
    ("troops", COUNT),
    ("soldiers", COUNT),
    ("workers", COUNT),
    ("jobs", COUNT),
    ("employees", COUNT),
    ("members", COUNT),
    ("votes", COUNT),
    ("voters", COUNT),
    ("shares", COUNT),
    ("units", COUNT),
    ("cars", COUNT),
    ("vehicles", COUNT),
    ("homes", COUNT),
    ("houses", COUNT),
    ("residents", COUNT),
    ("students", COUNT),
    ("children", COUNT),
    ("men", COUNT),
    ("women", COUNT),
    ("refugees", COUNT),
    ("migrants", COUNT),
    ("police", COUNT),
    ("officers", COUNT),
    ("officials", COUNT),
    ("delegates", COUNT),
    ("participants", COUNT),
    ("visitors", COUNT),
    ("tourists", COUNT),
    ("passengers", COUNT),
    ("victims", COUNT),
    ("deaths", COUNT),
    ("cases", COUNT),
    ("tons", COUNT),
    ("tonnes", COUNT),
    ("barrels", COUNT),
    ("miles", COUNT),
    ("kilometers", COUNT),
    ("kilometres", COUNT),
    ("km", COUNT),
    ("meters", COUNT),
    ("metres", COUNT),
    ("feet", COUNT),
    ("acres", COUNT),
    ("hectares", COUNT),
    ("dollars", COUNT),
    ("euros", COUNT),
    ("dirhams", COUNT),
    ("pounds", COUNT),
    ("yen", COUNT),
    ("francs", COUNT),
    ("marks", COUNT),
    ("points", COUNT),
    ("pages", COUNT),
    ("words", COUNT),
    ("rooms", COUNT),
    ("beds", COUNT),
    ("seats", COUNT),
    ("companies", COUNT),
    ("firms", COUNT),
    ("stores", COUNT),
    ("schools", COUNT),
    ("copies", COUNT),
    ("signatures", COUNT),
    ("protesters", COUNT),
    ("demonstrators", COUNT),
    ("fighters", COUNT),
    ("rebels", COUNT),
    ("prisoners", COUNT),
    ("inmates", COUNT),
    ("patients", COUNT),
    ("doctors", COUNT),
    ("teachers", COUNT),
    ("families", COUNT),
    ("households", COUNT),
    ("items", COUNT),
    ("applications", COUNT),
    ("flights", COUNT),
    ("ships", COUNT),
    ("aircraft", COUNT),
    ("planes", COUNT),
    ("weapons", COUNT),
    ("missiles", COUNT),
    ("rounds", COUNT),
    ("calories", COUNT),
    ("times", COUNT),
    ("for", FOR),
    ("as", AS),
    ("need", NOT_ED),
    ("needed", NOT_ED),
    ("indeed", NOT_ED),
    ("hundred", NOT_ED),
    ("united", NOT_ED),
    ("limited", NOT_ED),
    ("based", NOT_ED),
    ("speed", NOT_ED),
    ("related", NOT_ED),
    ("detailed", NOT_ED),
    ("advanced", NOT_ED),
    ("qualified", NOT_ED),
    ("interested", NOT_ED),
    ("concerned", NOT_ED),
    ("supposed", NOT_ED),
    ("sacred", NOT_ED),
    ("wicked", NOT_ED),
    ("naked", NOT_ED),
    ("aged", NOT_ED),
    ("alleged", NOT_ED),
    ("armed", NOT_ED),
    ("unnamed", NOT_ED),
    ("named", NOT_ED),
    ("unidentified", NOT_ED),
    ("embattled", NOT_ED),
    ("troubled", NOT_ED),
    ("designated", NOT_ED),
    ("dedicated", NOT_ED),
    ("sophisticated", NOT_ED),
    ("complicated", NOT_ED),
    ("varied", NOT_ED),
    ("beloved", NOT_ED),
    ("learned", NOT_ED),
    ("biased", NOT_ED),
    ("talented", NOT_ED),
    ("skilled", NOT_ED),
    ("reserved", NOT_ED),
    ("hatred", NOT_ED),
    ("kindred", NOT_ED),
    ("federated", NOT_ED),
    ("inflated", NOT_ED),
    ("listed", NOT_ED),
    ("proposed", NOT_ED),
    ("unprecedented", NOT_ED),
    ("undisclosed", NOT_ED),
    ("unexpected", NOT_ED),
    ("unrelated", NOT_ED),
    ("oversized", NOT_ED),
];

/// Longest word in the tables, so longer words skip the lookup.
pub(crate) const MAX_WORD: usize = 16;

/// A word packed into two little-endian words (lower case ASCII, zero padded).
pub(crate) type Key = (u64, u64);

/// Packs a lower-case ASCII word of at most [`MAX_WORD`] bytes.
pub(crate) fn pack(lower: &[u8]) -> Key {
    let mut a = 0u64;
    let mut b = 0u64;
    for (i, &c) in lower.iter().enumerate().take(MAX_WORD) {
        if i < 8 {
            a |= u64::from(c) << (8 * i);
        } else {
            b |= u64::from(c) << (8 * (i - 8));
        }
    }
    (a, b)
}

#[derive(Clone, Copy)]
struct Slot {
    key: Key,
    len: u8,
    lex: Lex,
    cue: u16,
}

const BITS: u32 = 12;

#[inline]
fn slot_of(key: Key, len: usize) -> usize {
    let h = (key.0 ^ key.1.rotate_left(29) ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> (64 - BITS)) as usize
}

/// Open addressing over packed keys: one multiply and usually one comparison per word.
fn table() -> &'static [Slot] {
    static TABLE: OnceLock<Vec<Slot>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let empty = Slot {
            key: (0, 0),
            len: 0,
            lex: Lex::Other,
            cue: 0,
        };
        let mut slots = vec![empty; 1 << BITS];
        let mut put = |w: &str, lex: Option<Lex>, cue: u16| {
            let key = pack(w.as_bytes());
            let mut i = slot_of(key, w.len());
            loop {
                let s = &mut slots[i];
                if s.len == 0 {
                    *s = Slot {
                        key,
                        len: w.len() as u8,
                        lex: lex.unwrap_or(Lex::Other),
                        cue,
                    };
                    return;
                }
                if s.key == key && s.len as usize == w.len() {
                    if let Some(l) = lex {
                        s.lex = l;
                    }
                    s.cue |= cue;
                    return;
                }
                i = (i + 1) & ((1 << BITS) - 1);
            }
        };
        for (w, l) in WORDS {
            put(w, Some(*l), 0);
        }
        for (w, c) in CUES {
            put(w, None, *c);
        }
        slots
    })
}

/// The class and tense cues of a packed lower-case word of `len` bytes.
#[inline]
pub(crate) fn lookup_key(key: Key, len: usize) -> (Lex, u16) {
    if len == 0 || len > MAX_WORD {
        return (Lex::Other, 0);
    }
    let slots = table();
    let mut i = slot_of(key, len);
    loop {
        let Some(s) = slots.get(i) else {
            return (Lex::Other, 0);
        };
        if s.len == 0 {
            return (Lex::Other, 0);
        }
        if s.key == key && s.len as usize == len {
            return (s.lex, s.cue);
        }
        i = (i + 1) & ((1 << BITS) - 1);
    }
}

/// The class of a word given in lower case ASCII; unknown words are [`Lex::Other`].
#[cfg(test)]
pub(crate) fn lookup(lower: &[u8]) -> Lex {
    if lower.len() > MAX_WORD {
        return Lex::Other;
    }
    lookup_key(pack(lower), lower.len()).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_unique_and_lower_case() {
        let mut seen = std::collections::HashSet::new();
        for (w, _) in CUES {
            assert_eq!(w.to_ascii_lowercase(), *w);
            assert!(w.len() <= MAX_WORD);
        }
        for (w, _) in WORDS {
            assert!(seen.insert(*w), "duplicate {w}");
            assert_eq!(w.to_ascii_lowercase(), *w);
            assert!(w.len() <= MAX_WORD);
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(lookup(b"march"), Lex::Month(3));
        assert_eq!(lookup(b"sept"), Lex::MonAbbr(9));
        assert_eq!(lookup(b"weeks"), Lex::Units(Unit::Week));
        assert_eq!(lookup(b"mayor"), Lex::Other);
        assert_eq!(lookup(b"averyveryverylongwordindeed"), Lex::Other);
        assert_eq!(lookup_key(pack(b"will"), 4).1 & FUT, FUT);
        assert_eq!(lookup_key(pack(b"last"), 4), (Lex::Kw(Kw::Last), PAST));
    }
}
