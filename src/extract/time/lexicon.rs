//! The word tables of the time grammar: every English word the grammar reacts to, with its
//! class, kept as one `const` table so vocabulary changes never touch the parsers.
//!
//! Words are looked up once, when the text is split into tokens, in a hash map built from the
//! table on first use; the parsers then only compare small enum values.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
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
    While,
    Or2,
    Straight,
    Consecutive,
    Other,
    Ahead,
    Later2,
    Q,
    H,
    Fy,
    S,
    Th,
    St,
    Nd,
    Rd,
    Week,
    Dawn,
    Dusk,
    Day,
    When,
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
    ("while", L::Kw(K::While)),
    ("when", L::Kw(K::When)),
    ("straight", L::Kw(K::Straight)),
    ("consecutive", L::Kw(K::Consecutive)),
    ("other", L::Kw(K::Other)),
    ("ahead", L::Kw(K::Ahead)),
    ("afterward", L::Kw(K::Later2)),
    ("afterwards", L::Kw(K::Later2)),
    ("q", L::Kw(K::Q)),
    ("h", L::Kw(K::H)),
    ("fy", L::Kw(K::Fy)),
    ("s", L::Kw(K::S)),
    ("th", L::Kw(K::Th)),
    ("st", L::Kw(K::St)),
    ("nd", L::Kw(K::Nd)),
    ("rd", L::Kw(K::Rd)),
    ("w", L::Kw(K::Week)),
    ("dawn", L::Kw(K::Dawn)),
    ("daybreak", L::Kw(K::Dawn)),
    ("dusk", L::Kw(K::Dusk)),
    ("sunset", L::Kw(K::Dusk)),
];

/// FNV-1a: tiny words hash well with it and it needs no state.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Table = HashMap<&'static [u8], Lex, BuildHasherDefault<Fnv>>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| WORDS.iter().map(|(w, l)| (w.as_bytes(), *l)).collect())
}

/// Longest word in the table, so longer words skip the lookup.
pub(crate) const MAX_WORD: usize = 16;

/// The class of a word given in lower case ASCII; unknown words are [`Lex::Other`].
pub(crate) fn lookup(lower: &[u8]) -> Lex {
    if lower.len() > MAX_WORD {
        return Lex::Other;
    }
    table().get(lower).copied().unwrap_or(Lex::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_unique_and_lower_case() {
        let mut seen = std::collections::HashSet::new();
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
    }
}
