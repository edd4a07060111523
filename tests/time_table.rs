//! Table-driven test of the time grammar: sentences, a reference date, and every time
//! expression expected in them (as written, and its TIMEX3 value). Written from the TimeML /
//! TIMEX3 conventions; a case lists *all* expressions, so an empty list asserts that nothing in
//! the sentence is a time (traps: "may", "march", "Mohammed VI", counts, ranks).

use chrono::NaiveDate;
use factdiff::extract::time::{scan, TimeMention};
use factdiff::timex::TimexType;

/// One sentence and what must be found in it.
struct Case {
    text: &'static str,
    /// Reference date (YYYY-MM-DD), or none.
    date: Option<&'static str>,
    /// Expected expressions in order: text as written and TIMEX3 value.
    expect: &'static [(&'static str, &'static str)],
}

const WED: Option<&str> = Some("2025-04-23");
const NONE: Option<&str> = None;

const fn c(
    text: &'static str,
    date: Option<&'static str>,
    expect: &'static [(&'static str, &'static str)],
) -> Case {
    Case { text, date, expect }
}

const CASES: &[Case] = &[
    // --- Full dates in every common form --------------------------------------------------
    c(
        "The summit opened on April 23, 2025 in Rabat.",
        WED,
        &[("April 23, 2025", "2025-04-23")],
    ),
    c(
        "It ended on 23 April 2025 after two rounds.",
        WED,
        &[("23 April 2025", "2025-04-23")],
    ),
    c(
        "Talks resumed on Apr. 23 in Madrid.",
        Some("2025-04-25"),
        &[("Apr. 23", "2025-04-23")],
    ),
    c(
        "He arrived on the 23rd and left.",
        Some("2025-04-25"),
        &[("the 23rd", "2025-04-23")],
    ),
    c(
        "The bonds are due Sept. 30, 1989.",
        WED,
        &[("Sept. 30, 1989", "1989-09-30")],
    ),
    c(
        "The note, dated 23/04/2025, was leaked.",
        WED,
        &[("23/04/2025", "2025-04-23")],
    ),
    c(
        "The invoice dated 04/23/2025 was paid.",
        WED,
        &[("04/23/2025", "2025-04-23")],
    ),
    c(
        "The decree of 05/04/2025 applies.",
        WED,
        &[("05/04/2025", "2025-04-05")],
    ),
    c(
        "Published on 23.04.2025 by the ministry.",
        WED,
        &[("23.04.2025", "2025-04-23")],
    ),
    c(
        "The file is stamped 2025-04-23 at the top.",
        WED,
        &[("2025-04-23", "2025-04-23")],
    ),
    c(
        "The treaty was signed on March 5, 1946, in Fulton.",
        WED,
        &[("March 5, 1946", "1946-03-05")],
    ),
    c(
        "It happened on Jan. 1, 1959 when Batista fled.",
        WED,
        &[("Jan. 1, 1959", "1959-01-01")],
    ),
    c(
        "The ceremony is on 1st May 2025.",
        WED,
        &[("1st May 2025", "2025-05-01")],
    ),
    c(
        "She was born on the 4th of July, 1990.",
        WED,
        &[("the 4th of July, 1990", "1990-07-04")],
    ),
    c(
        "The deadline is Dec. 15.",
        Some("2025-10-31"),
        &[("Dec. 15", "2025-12-15")],
    ),
    c(
        "The dividend is payable Jan. 2 to holders.",
        Some("2025-11-02"),
        &[("Jan. 2", "2026-01-02")],
    ),
    c(
        "He was last seen Nov. 3, police said.",
        Some("2025-05-07"),
        &[("Nov. 3", "2024-11-03")],
    ),
    c(
        "Women's Day is March eighth.",
        Some("2025-03-05"),
        &[("March eighth", "2025-03-08")],
    ),
    c(
        "The plan was approved on August 7.",
        NONE,
        &[("August 7", "XXXX-08-07")],
    ),
    // --- Months, years, decades, centuries -------------------------------------------------
    c(
        "Sales fell in April 2022 and rose later.",
        WED,
        &[("April 2022", "2022-04")],
    ),
    c(
        "Prices rose in January 1998.",
        WED,
        &[("January 1998", "1998-01")],
    ),
    c("The firm was founded in 2015.", WED, &[("2015", "2015")]),
    c("The firm was founded in 2015.", NONE, &[("2015", "2015")]),
    c(
        "Exports collapsed in December, officials said.",
        WED,
        &[("December", "2024-12")],
    ),
    c("The vote is expected in June.", WED, &[("June", "2025-06")]),
    c(
        "The talks took place in March.",
        WED,
        &[("March", "2025-03")],
    ),
    c(
        "The talks took place in March.",
        NONE,
        &[("March", "XXXX-03")],
    ),
    c(
        "Inflation peaked in the 1990s.",
        WED,
        &[("the 1990s", "199")],
    ),
    c(
        "It was popular in the late 1980s.",
        WED,
        &[("the late 1980s", "198")],
    ),
    c(
        "They grew up in the nineties.",
        WED,
        &[("the nineties", "199")],
    ),
    c("Music of the '60s returned.", WED, &[("the '60s", "196")]),
    c(
        "It shaped the 20th century.",
        WED,
        &[("the 20th century", "19")],
    ),
    c(
        "It is a 21st-century problem.",
        WED,
        &[("21st-century", "20")],
    ),
    c(
        "The temple dates from the eleventh century.",
        WED,
        &[("the eleventh century", "10")],
    ),
    c(
        "Unemployment rose in mid-1996.",
        WED,
        &[("mid-1996", "1996")],
    ),
    c(
        "Growth slowed in early 1997.",
        WED,
        &[("early 1997", "1997")],
    ),
    c(
        "The law was passed in late November.",
        Some("2025-12-10"),
        &[("late November", "2025-11")],
    ),
    c(
        "They met at the end of 1990.",
        WED,
        &[("the end of 1990", "1990")],
    ),
    c(
        "Prices rose through the middle of October.",
        Some("2025-11-20"),
        &[("the middle of October", "2025-10")],
    ),
    c(
        "It was reported in nineteen ninety-six.",
        WED,
        &[("nineteen ninety-six", "1996")],
    ),
    c(
        "The target is the year two thousand.",
        Some("1998-02-05"),
        &[("the year two thousand", "2000")],
    ),
    c(
        "Anti-Castro politics post-1959 hardened.",
        WED,
        &[("1959", "1959")],
    ),
    // --- Quarters, halves, seasons, weeks, weekends ----------------------------------------
    c(
        "Results for 2023-Q1 were weak.",
        WED,
        &[("2023-Q1", "2023-Q1")],
    ),
    c(
        "The 2023-H2 budget is tight.",
        WED,
        &[("2023-H2", "2023-H2")],
    ),
    c(
        "Deliveries start in 2013-W11.",
        WED,
        &[("2013-W11", "2013-W11")],
    ),
    c(
        "Output rose in the second half of 2023.",
        WED,
        &[("the second half of 2023", "2023-H2")],
    ),
    c(
        "Output rose in the second half of 2023.",
        NONE,
        &[("the second half of 2023", "2023-H2")],
    ),
    c(
        "Profit fell in the first half.",
        Some("2025-08-10"),
        &[("the first half", "2025-H1")],
    ),
    c(
        "Net income rose in the third quarter.",
        Some("2025-11-05"),
        &[("the third quarter", "2025-Q3")],
    ),
    c(
        "The company reported third-quarter earnings.",
        Some("2025-11-05"),
        &[("third-quarter", "2025-Q3")],
    ),
    c(
        "Sales dropped in the fourth quarter.",
        Some("2026-01-26"),
        &[("the fourth quarter", "2025-Q4")],
    ),
    c(
        "Shipments resume in the first quarter of 2024.",
        WED,
        &[("the first quarter of 2024", "2024-Q1")],
    ),
    c(
        "Revenue in Q3 2023 was flat.",
        WED,
        &[("Q3 2023", "2023-Q3")],
    ),
    c(
        "Results improved in the latest quarter.",
        Some("2025-11-05"),
        &[("the latest quarter", "2025-Q3")],
    ),
    c(
        "Sales for next year's first quarter look weak.",
        Some("2025-11-05"),
        &[("next year's first quarter", "2026-Q1")],
    ),
    c(
        "Tourism boomed last summer.",
        WED,
        &[("last summer", "2024-SU")],
    ),
    c(
        "Crowds are expected this summer.",
        WED,
        &[("this summer", "2025-SU")],
    ),
    c(
        "The festival returns in summer 2023.",
        WED,
        &[("summer 2023", "2023-SU")],
    ),
    c(
        "Prices fell in the winter of 1994.",
        WED,
        &[("the winter of 1994", "1994-WI")],
    ),
    c(
        "The bridge opens next spring.",
        WED,
        &[("next spring", "2026-SP")],
    ),
    c(
        "He was shot last fall.",
        Some("1999-04-10"),
        &[("last fall", "1998-FA")],
    ),
    c(
        "The minister visited this week.",
        WED,
        &[("this week", "2025-W17")],
    ),
    c(
        "Two killings took place last week.",
        WED,
        &[("last week", "2025-W16")],
    ),
    c(
        "The team will travel next week.",
        WED,
        &[("next week", "2025-W18")],
    ),
    c(
        "Prices rose in the last week.",
        WED,
        &[("the last week", "2025-W17")],
    ),
    c(
        "Attacks continued over the weekend.",
        Some("2025-04-21"),
        &[("the weekend", "2025-W16-WE")],
    ),
    c(
        "Protests are planned for this weekend.",
        WED,
        &[("this weekend", "2025-W17-WE")],
    ),
    c(
        "The match was played last weekend.",
        WED,
        &[("last weekend", "2025-W16-WE")],
    ),
    c(
        "The ruling came early this week.",
        WED,
        &[("early this week", "2025-W17")],
    ),
    c(
        "Trading resumed the week of March 6.",
        Some("2025-03-01"),
        &[("the week of March 6", "2025-W10")],
    ),
    // --- Fiscal years ------------------------------------------------------------------------
    c(
        "The company earned $7.8 million in fiscal 1989.",
        WED,
        &[("fiscal 1989", "1989")],
    ),
    c(
        "Its budget for fiscal year 2023 grew.",
        WED,
        &[("fiscal year 2023", "2023")],
    ),
    c("The FY2024 results are due.", WED, &[("FY2024", "2024")]),
    c(
        "Sales in the current fiscal year will rise.",
        WED,
        &[("the current fiscal year", "2025")],
    ),
    // --- Lists and ranges: separate TIMEX3 values -------------------------------------------
    c(
        "The meetings are on February 1 and 2.",
        NONE,
        &[("February 1", "XXXX-02-01"), ("2", "XXXX-02-02")],
    ),
    c(
        "The meetings are on February 1 and 2.",
        WED,
        &[("February 1", "2025-02-01"), ("2", "2025-02-02")],
    ),
    c(
        "Talks were held on 22 and 23 June.",
        NONE,
        &[("22", "XXXX-06-22"), ("23 June", "XXXX-06-23")],
    ),
    c(
        "The fair runs from March 3 to 5.",
        Some("2025-02-20"),
        &[("March 3", "2025-03-03"), ("5", "2025-03-05")],
    ),
    c(
        "Exports grew between 2019 and 2021.",
        WED,
        &[("2019", "2019"), ("2021", "2021")],
    ),
    c(
        "The summit is on April 24 and 25, 1999.",
        WED,
        &[("April 24", "1999-04-24"), ("25, 1999", "1999-04-25")],
    ),
    c(
        "Polls open on 1, 2 and 3 May.",
        WED,
        &[
            ("1", "2025-05-01"),
            ("2", "2025-05-02"),
            ("3 May", "2025-05-03"),
        ],
    ),
    c(
        "He lived in London from 1968 until 1989.",
        WED,
        &[("1968", "1968"), ("1989", "1989")],
    ),
    c(
        "Strikes hit Feb. 1-2 and again later.",
        Some("2025-02-10"),
        &[("Feb. 1", "2025-02-01"), ("2", "2025-02-02")],
    ),
    // --- Relative days and weekdays -----------------------------------------------------------
    c("The minister spoke today.", WED, &[("today", "2025-04-23")]),
    c(
        "The minister spoke yesterday.",
        WED,
        &[("yesterday", "2025-04-22")],
    ),
    c(
        "The minister speaks tomorrow.",
        WED,
        &[("tomorrow", "2025-04-24")],
    ),
    c(
        "The minister spoke yesterday.",
        NONE,
        &[("yesterday", "XXXX-XX-XX")],
    ),
    c(
        "They met last Monday.",
        WED,
        &[("last Monday", "2025-04-21")],
    ),
    c(
        "They met last Monday.",
        NONE,
        &[("last Monday", "XXXX-WXX-1")],
    ),
    c(
        "They meet next Monday.",
        WED,
        &[("next Monday", "2025-04-28")],
    ),
    c(
        "They met this Monday.",
        WED,
        &[("this Monday", "2025-04-21")],
    ),
    c(
        "They meet this Wednesday.",
        WED,
        &[("this Wednesday", "2025-04-23")],
    ),
    c(
        "Women's Day is this coming Sunday.",
        WED,
        &[("this coming Sunday", "2025-04-27")],
    ),
    c(
        "The minister said on Wednesday that talks failed.",
        Some("2025-04-24"),
        &[("Wednesday", "2025-04-23")],
    ),
    c(
        "Officials said Friday that two were arrested.",
        WED,
        &[("Friday", "2025-04-18")],
    ),
    c(
        "The minister will travel to Paris on Friday.",
        WED,
        &[("Friday", "2025-04-25")],
    ),
    c(
        "The team planned to leave Nairobi on Thursday for Dar.",
        WED,
        &[("Thursday", "2025-04-24")],
    ),
    c(
        "The vote was held Wednesday.",
        WED,
        &[("Wednesday", "2025-04-23")],
    ),
    c(
        "The talks ended on Sunday.",
        NONE,
        &[("Sunday", "XXXX-WXX-7")],
    ),
    c(
        "Talks began on April 3. The previous day, troops left.",
        WED,
        &[
            ("April 3", "2025-04-03"),
            ("The previous day", "2025-04-02"),
        ],
    ),
    c(
        "Talks began on April 3 and ended the next day.",
        WED,
        &[("April 3", "2025-04-03"), ("the next day", "2025-04-04")],
    ),
    c(
        "It happened the day before yesterday.",
        WED,
        &[("the day before yesterday", "2025-04-21")],
    ),
    c(
        "The stock closed unchanged last Friday.",
        WED,
        &[("last Friday", "2025-04-18")],
    ),
    c(
        "He arrived on Wednesday and left on the previous Friday.",
        WED,
        &[
            ("Wednesday", "2025-04-23"),
            ("the previous Friday", "2025-04-18"),
        ],
    ),
    // --- Relative months and years --------------------------------------------------------
    c(
        "Prices peaked last March.",
        WED,
        &[("last March", "2025-03")],
    ),
    c("Prices peaked last May.", WED, &[("last May", "2024-05")]),
    c(
        "The law takes effect next March.",
        WED,
        &[("next March", "2026-03")],
    ),
    c(
        "The deal was signed in March of this year.",
        NONE,
        &[("March of this year", "XXXX-03")],
    ),
    c(
        "The deal was signed in March of this year.",
        WED,
        &[("March of this year", "2025-03")],
    ),
    c(
        "The deal was signed in March of last year.",
        WED,
        &[("March of last year", "2024-03")],
    ),
    c(
        "Police visited in January this year.",
        WED,
        &[("January this year", "2025-01")],
    ),
    c(
        "He fled in June last year.",
        WED,
        &[("June last year", "2024-06")],
    ),
    c(
        "The prices rose earlier this month.",
        WED,
        &[("earlier this month", "2025-04")],
    ),
    c(
        "Results are due later this year.",
        WED,
        &[("later this year", "2025")],
    ),
    c(
        "Exports fell last month.",
        WED,
        &[("last month", "2025-03")],
    ),
    c(
        "Exports should recover next month.",
        WED,
        &[("next month", "2025-05")],
    ),
    c(
        "Exports fell this month.",
        WED,
        &[("this month", "2025-04")],
    ),
    c("Exports fell last year.", WED, &[("last year", "2024")]),
    c("Exports fell last year.", NONE, &[("last year", "XXXX")]),
    c(
        "Exports will grow this year.",
        WED,
        &[("this year", "2025")],
    ),
    c(
        "Exports will grow next year.",
        WED,
        &[("next year", "2026")],
    ),
    c(
        "Exports will grow early next year.",
        WED,
        &[("early next year", "2026")],
    ),
    c(
        "The war ended two years ago.",
        WED,
        &[("two years ago", "2023")],
    ),
    c(
        "The war ended two years ago.",
        NONE,
        &[("two years ago", "XXXX")],
    ),
    c(
        "The rifle was found 11 days ago.",
        WED,
        &[("11 days ago", "2025-04-12")],
    ),
    c(
        "The boat left six months ago.",
        WED,
        &[("six months ago", "2024-10")],
    ),
    c(
        "The wall fell a decade ago.",
        WED,
        &[("a decade ago", "2015")],
    ),
    c(
        "Troops left two weeks ago.",
        WED,
        &[("two weeks ago", "2025-W15")],
    ),
    c(
        "Profit was $10 million a year ago.",
        WED,
        &[("a year ago", "2024")],
    ),
    c(
        "Revenue was $4 million a year earlier.",
        WED,
        &[("a year earlier", "2024")],
    ),
    c(
        "Third-quarter profit rose from $9 million a year ago.",
        Some("2025-11-05"),
        &[("Third-quarter", "2025-Q3"), ("a year ago", "2024-Q3")],
    ),
    c(
        "The plant will open in three weeks.",
        WED,
        &[("three weeks", "2025-W20")],
    ),
    c(
        "He left in 2015 and returned the following year.",
        WED,
        &[("2015", "2015"), ("the following year", "2016")],
    ),
    c(
        "The dam was built in 1990; that year floods came.",
        WED,
        &[("1990", "1990"), ("that year", "1990")],
    ),
    c(
        "Polls fell over the past year.",
        WED,
        &[("the past year", "2024")],
    ),
    c(
        "Wages fell in the last decade.",
        WED,
        &[("the last decade", "201")],
    ),
    c("Wars marked this century.", WED, &[("this century", "20")]),
    // --- Times of day -------------------------------------------------------------------------
    c(
        "The blast occurred at 3 p.m.",
        WED,
        &[("3 p.m.", "2025-04-23T15:00")],
    ),
    c(
        "The market opened at 09:30 GMT.",
        WED,
        &[("09:30 GMT", "2025-04-23T09:30")],
    ),
    c(
        "The police arrived at 10:35 a.m. Friday.",
        WED,
        &[("10:35 a.m. Friday", "2025-04-18T10:35")],
    ),
    c(
        "The offer will expire at 9 a.m. Tuesday.",
        Some("2025-04-21"),
        &[("9 a.m. Tuesday", "2025-04-22T09:00")],
    ),
    c(
        "Talks broke off at noon Thursday.",
        WED,
        &[("noon Thursday", "2025-04-17T12:00")],
    ),
    c(
        "The offer expires at midnight.",
        WED,
        &[("midnight", "2025-04-23T24:00")],
    ),
    c(
        "Lawyers met this morning.",
        WED,
        &[("this morning", "2025-04-23TMO")],
    ),
    c(
        "Lawyers met this morning.",
        Some("2013-03-22"),
        &[("this morning", "2013-03-22TMO")],
    ),
    c(
        "The vote was held last night.",
        WED,
        &[("last night", "2025-04-22TNI")],
    ),
    c("The vote is tonight.", WED, &[("tonight", "2025-04-23TNI")]),
    c(
        "Castro spoke Friday night to a rally.",
        WED,
        &[("Friday night", "2025-04-18TNI")],
    ),
    c(
        "Shares fell yesterday afternoon.",
        WED,
        &[("yesterday afternoon", "2025-04-22TAF")],
    ),
    c(
        "He will leave at 4 in the morning.",
        WED,
        &[("4 in the morning", "2025-04-23T04:00")],
    ),
    c(
        "By mid afternoon the crowd had left.",
        WED,
        &[("mid afternoon", "2025-04-23TAF")],
    ),
    c(
        "Prices fell at 7:15 p.m. on the day.",
        WED,
        &[("7:15 p.m.", "2025-04-23T19:15")],
    ),
    // --- Durations ------------------------------------------------------------------------------
    c(
        "The siege lasted three years.",
        WED,
        &[("three years", "P3Y")],
    ),
    c(
        "The car sat there for about two weeks.",
        WED,
        &[("two weeks", "P2W")],
    ),
    c(
        "She spent five hours in Tanzania.",
        WED,
        &[("five hours", "PT5H")],
    ),
    c("It took a decade to rebuild.", WED, &[("a decade", "P10Y")]),
    c(
        "Negotiations could take several months.",
        WED,
        &[("several months", "PXM")],
    ),
    c(
        "Nothing will change for a couple of years.",
        WED,
        &[("a couple of years", "P2Y")],
    ),
    c(
        "Scharping ended a two-day visit.",
        WED,
        &[("two-day", "P2D")],
    ),
    c(
        "Albright arrived after a 16-hour flight.",
        WED,
        &[("16-hour", "PT16H")],
    ),
    c(
        "They lived in camps for 2 1/2 years.",
        WED,
        &[("2 1/2 years", "P2Y6M")],
    ),
    c(
        "A pilot called a minute and a half later.",
        WED,
        &[("a minute and a half", "PT1M30S")],
    ),
    c(
        "She testified for more than four hours.",
        WED,
        &[("more than four hours", "PT4H")],
    ),
    c(
        "The embargo has lasted nearly forty years.",
        WED,
        &[("nearly forty years", "P40Y")],
    ),
    c(
        "Stocks plunged in the past two months.",
        WED,
        &[("the past two months", "P2M")],
    ),
    c(
        "He will be found within the next two weeks.",
        WED,
        &[("the next two weeks", "P2W")],
    ),
    c(
        "Profit rose in the first nine months.",
        WED,
        &[("the first nine months", "P9M")],
    ),
    c(
        "He went from protest to protest for years.",
        WED,
        &[("years", "PXY")],
    ),
    c(
        "The meeting lasted 30 minutes.",
        WED,
        &[("30 minutes", "PT30M")],
    ),
    c("The ban lasts a fortnight.", WED, &[("a fortnight", "P2W")]),
    c(
        "The rate was the lowest for almost two decades.",
        WED,
        &[("almost two decades", "P20Y")],
    ),
    c("Wait half an hour.", WED, &[("half an hour", "PT30M")]),
    c(
        "The president served for up to 180 days.",
        WED,
        &[("up to 180 days", "P180D")],
    ),
    c(
        "Annan wrapped up a three hour meeting.",
        WED,
        &[("three hour", "PT3H")],
    ),
    c(
        "The lease runs for at least 20 more years.",
        WED,
        &[("at least 20 more years", "P20Y")],
    ),
    c("Stocks hit a five year low.", WED, &[("five year", "P5Y")]),
    c(
        "Hurricanes hit over the last five years.",
        WED,
        &[("the last five years", "P5Y")],
    ),
    c(
        "Nasdaq fell eight trading days in a row.",
        WED,
        &[("eight trading days", "P8D")],
    ),
    // --- Sets ------------------------------------------------------------------------------
    c(
        "The council meets every week.",
        WED,
        &[("every week", "P1W")],
    ),
    c("She prays every day.", WED, &[("every day", "P1D")]),
    c(
        "The award is given each year.",
        WED,
        &[("each year", "P1Y")],
    ),
    c("Rallies were held almost daily.", WED, &[("daily", "P1D")]),
    c(
        "He gives a weekly radio address.",
        WED,
        &[("weekly", "P1W")],
    ),
    c(
        "The board meets twice a year.",
        WED,
        &[("twice a year", "P1Y")],
    ),
    c(
        "Flights leave every Monday.",
        WED,
        &[("every Monday", "XXXX-WXX-1")],
    ),
    c(
        "Orangemen march each July.",
        WED,
        &[("each July", "XXXX-07")],
    ),
    c(
        "Buses run every two weeks.",
        WED,
        &[("every two weeks", "P2W")],
    ),
    c("It sells 50,000 copies a year.", WED, &[("a year", "P1Y")]),
    c(
        "Costs reach $5 million per year.",
        WED,
        &[("per year", "P1Y")],
    ),
    c("Average hourly earnings rose.", WED, &[("hourly", "PT1H")]),
    c(
        "The festival is held annually in Fez.",
        WED,
        &[("annually", "P1Y")],
    ),
    c("Sales should rise 8.5% annually.", WED, &[]),
    // --- Reference words ----------------------------------------------------------------------
    c("The embassy is now closed.", WED, &[("now", "PRESENT_REF")]),
    c(
        "Right now my evidence is scant.",
        WED,
        &[("Right now", "PRESENT_REF")],
    ),
    c(
        "The company currently holds 4 million shares.",
        WED,
        &[("currently", "PRESENT_REF")],
    ),
    c(
        "Markets are nervous these days.",
        WED,
        &[("these days", "PRESENT_REF")],
    ),
    c(
        "There are no shipments at the moment.",
        WED,
        &[("the moment", "PRESENT_REF")],
    ),
    c(
        "The party recently took 13 percent.",
        WED,
        &[("recently", "PAST_REF")],
    ),
    c(
        "They have been capable in the past.",
        WED,
        &[("the past", "PAST_REF")],
    ),
    c(
        "Nobody knows what the future holds.",
        WED,
        &[("the future", "FUTURE_REF")],
    ),
    c(
        "An offering is planned in the near future.",
        WED,
        &[("the near future", "FUTURE_REF")],
    ),
    c(
        "Kellogg will soon begin selling boxes.",
        WED,
        &[("soon", "FUTURE_REF")],
    ),
    c(
        "Liquidate it as soon as possible.",
        WED,
        &[("as soon as possible", "FUTURE_REF")],
    ),
    c(
        "Islam will one day be the second largest religion.",
        WED,
        &[("one day", "FUTURE_REF")],
    ),
    c(
        "More recently it has followed militias.",
        WED,
        &[("More recently", "PAST_REF")],
    ),
    c(
        "It costs less, up from the current four flights.",
        WED,
        &[("current", "PRESENT_REF")],
    ),
    c(
        "Growth should resume in coming months.",
        WED,
        &[("coming months", "FUTURE_REF")],
    ),
    // --- Holidays --------------------------------------------------------------------------
    c(
        "The boy was found on Thanksgiving Day.",
        Some("2000-01-07"),
        &[("Thanksgiving Day", "1999-11-25")],
    ),
    c(
        "The shops closed on Christmas Day 2024.",
        WED,
        &[("Christmas Day 2024", "2024-12-25")],
    ),
    c(
        "Churches were full at Easter.",
        WED,
        &[("Easter", "2025-04-20")],
    ),
    c(
        "Fireworks lit up on New Year's Day.",
        WED,
        &[("New Year's Day", "2025-01-01")],
    ),
    c(
        "The campaign runs until Election Day.",
        Some("1998-10-26"),
        &[("Election Day", "1998-11-03")],
    ),
    c(
        "He was rescued last Thanksgiving.",
        Some("2000-02-10"),
        &[("last Thanksgiving", "1999-11-25")],
    ),
    c(
        "Protesters prayed as Easter week began.",
        Some("2000-04-17"),
        &[("Easter week", "2000-W16")],
    ),
    c(
        "Gifts were sent on Christmas Eve.",
        Some("2025-01-10"),
        &[("Christmas Eve", "2024-12-24")],
    ),
    // --- Weekday written with its date --------------------------------------------------------
    c(
        "The Times said on Monday, Oct. 26: the murder",
        Some("1998-10-25"),
        &[("Monday, Oct. 26", "1998-10-26")],
    ),
    c(
        "Monday, March 4, 2025 was a holiday.",
        NONE,
        &[("Monday, March 4, 2025", "2025-03-04")],
    ),
    c(
        "On Saturday, April 25, the court ruled.",
        Some("1998-04-24"),
        &[("Saturday, April 25", "1998-04-25")],
    ),
    // --- Traps: looks like a date, is not ---------------------------------------------------------
    c("Morocco will host the 2030 World Cup with Spain.", WED, &[]),
    c(
        "Thousands march on parliament every day.",
        WED,
        &[("every day", "P1D")],
    ),
    c("Protesters March on Rabat", WED, &[]),
    c("Officials may resign over the affair.", WED, &[]),
    c("May I ask a question?", WED, &[]),
    c("King Mohammed VI received the delegation.", WED, &[]),
    c("It was the 21st meeting of the group.", WED, &[]),
    c("Some 2,000 people attended the rally.", WED, &[]),
    c("Around 2000 troops were deployed.", WED, &[]),
    c("Mayor Smith met the governor.", WED, &[]),
    c("The index fell 5.92 points.", WED, &[]),
    c("He paid $1990 for the ticket.", WED, &[]),
    c("Flight 2000 landed safely.", WED, &[]),
    c("The score was 10:35 at half time.", WED, &[]),
    c("She came in second place.", WED, &[]),
    c("He asked for a second opinion.", WED, &[]),
    c("He scored in the second half of the match.", WED, &[]),
    c("The 6-year-old boy was rescued.", WED, &[]),
    c("The ruling party won 120 seats.", WED, &[]),
    c("A rally marked the fall of the Berlin Wall.", WED, &[]),
    c("They will spring into action.", WED, &[]),
    c("Sun Microsystems and Sat Nav firms merged.", WED, &[]),
    c("The April Fools prank backfired.", WED, &[]),
    c("Room 1462 was empty.", WED, &[]),
    c("The Sunday Times reported the deal.", WED, &[]),
    c("Rabat bids for Expo 2030 and Vision 2030 plans.", WED, &[]),
];

fn date(s: Option<&str>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

fn show(text: &str, found: &[TimeMention]) -> String {
    found
        .iter()
        .map(|m| format!("({:?}, {:?})", m.span.slice(text), m.value.value))
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn time_table() {
    let mut failures = Vec::new();
    let mut expressions = 0;
    for case in CASES {
        expressions += case.expect.len().max(1);
        let found = scan(case.text, date(case.date));
        let ok = found.len() == case.expect.len()
            && found.iter().zip(case.expect).all(|(m, (text, value))| {
                // An empty expected value only asserts the span (the duration of "two rounds").
                m.span.slice(case.text) == *text && (value.is_empty() || m.value.value == *value)
            });
        if !ok {
            failures.push(format!(
                "{:?} (ref {:?})\n    expected {:?}\n    found    [{}]",
                case.text,
                case.date,
                case.expect,
                show(case.text, &found)
            ));
        }
    }
    assert!(
        expressions >= 200,
        "the table must cover at least 200 expressions, has {expressions}"
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn types_follow_timeml() {
    let kind = |text: &str| scan(text, date(WED)).first().map(|m| m.value.kind);
    assert_eq!(kind("on April 23, 2025"), Some(TimexType::Date));
    assert_eq!(kind("at 3 p.m."), Some(TimexType::Time));
    assert_eq!(kind("this morning"), Some(TimexType::Time));
    assert_eq!(kind("for three years"), Some(TimexType::Duration));
    assert_eq!(kind("every week"), Some(TimexType::Set));
    assert_eq!(kind("now"), Some(TimexType::Date));
}

#[test]
fn relative_flag() {
    let rel = |text: &str, d: Option<&str>| scan(text, date(d)).first().map(|m| m.relative);
    assert_eq!(rel("last Monday", WED), Some(true));
    assert_eq!(rel("on April 23, 2025", WED), Some(false));
    assert_eq!(rel("on February 1", WED), Some(true));
    assert_eq!(rel("on February 1", NONE), Some(false));
    assert_eq!(rel("for three years", WED), Some(false));
}

#[test]
fn stated_weekday_is_reported() {
    let text = "The meeting on Monday, March 4, 2025 ended.";
    let found = scan(text, None);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].value.value, "2025-03-04");
    let (weekday, span) = found[0].stated_weekday.expect("weekday");
    assert_eq!(weekday, chrono::Weekday::Mon);
    assert_eq!(span.slice(text), "Monday");
    // A plain date has none.
    assert_eq!(scan("on March 4, 2025", None)[0].stated_weekday, None);
}

#[test]
fn no_panic_and_linear_on_hostile_input() {
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(
            [
                "May ",
                "the ",
                "2025-",
                "'9",
                "10:",
                "a.m. ",
                "é ",
                "Q",
                "—",
                "1/",
                "\u{2019}s ",
            ][i % 11],
        );
    }
    let start = std::time::Instant::now();
    let found = scan(&text, date(WED));
    assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    assert!(start.elapsed().as_secs() < 20);
}

/// Random sentences built from the words the grammar reacts to (and odd punctuation): no
/// input may panic, and mentions must come sorted, non-overlapping and on char boundaries.
#[test]
fn random_sentences_never_panic() {
    const PIECES: &[&str] = &[
        "the",
        "a",
        "last",
        "next",
        "this",
        "May",
        "march",
        "April",
        "Aug.",
        "Sept",
        "23",
        "23rd",
        "1990",
        "1990s",
        "'90s",
        "2,000",
        "5.92",
        "10:35",
        "a.m.",
        "p.m.",
        "GMT",
        "Monday",
        "Friday",
        "night",
        "morning",
        "week",
        "weeks",
        "year",
        "years",
        "quarter",
        "third",
        "half",
        "of",
        "and",
        "to",
        "-",
        "/",
        ".",
        ",",
        "'",
        "’s",
        "ago",
        "earlier",
        "later",
        "early",
        "mid",
        "late",
        "end",
        "every",
        "each",
        "twice",
        "now",
        "today",
        "yesterday",
        "said",
        "will",
        "fiscal",
        "Q3",
        "2023-Q1",
        "1/2",
        "nineteen",
        "ninety",
        "six",
        "Christmas",
        "Day",
        "New",
        "Year",
        "é",
        "日本",
        "\u{a0}",
        "\n",
        "\n\n",
        "(",
        ")",
        "2025-04-23",
        "23/04/2025",
        "31.12.",
        "999999",
        "days",
        "decade",
        "century",
        "20th",
        "the",
        "weekend",
        "summer",
        "fall",
        "past",
        "coming",
        "more",
        "than",
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let refs = [
        None,
        date(WED),
        date(Some("1999-12-31")),
        date(Some("2000-02-29")),
    ];
    for _ in 0..3000 {
        let words = (next() % 25) as usize;
        let mut text = String::new();
        for _ in 0..words {
            text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            if next() % 3 != 0 {
                text.push(' ');
            }
        }
        let reference = refs[(next() % refs.len() as u64) as usize];
        let found = scan(&text, reference);
        assert!(
            found.windows(2).all(|w| w[0].span.end <= w[1].span.start),
            "{text:?}"
        );
        for m in &found {
            assert!(
                text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end),
                "{text:?}"
            );
            assert!(!m.value.value.is_empty(), "{text:?}");
        }
    }
}
