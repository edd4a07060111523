//! Numbers as claims: counts of people and things ("a delegation of seven ministers", "16
//! people were arrested"), tolls ("at least 20 people were killed", "the number of injured at
//! 87"), money ("losses of €8 million", "a €17m fund", "9 million euros"), percentages
//! ("85 percent of the drivers", "70%") and magnitudes ("magnitude 5.9").
//!
//! Each keeps what decides whether two of them can be compared: the interval its wording
//! allows ("at least 40" is 40 or more, "about 200" is 180 to 220), what happened to the
//! counted ("dead", "injured", "arrested"), what the money is ("losses", "fund"), a place or
//! group it is restricted to ("in the north", "of them"), whether it is a part of a larger
//! figure or an increment, who the text says gave it ("police said", "according to the
//! union"), when it held ("on Thursday") and whether it rose to it ("rose to 57").

use super::zones::Zones;
use super::SentenceInput;
use crate::extract::numbers::cardinal;
use crate::extract::tokens::Sentence;
use crate::extract::CountAttr;
use crate::span::Span;

/// Nouns of time and measure: a number before one is a duration or a length, not a count.
const NOT_COUNTED: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "decade",
    "decades",
    "century",
    "centuries",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "metres",
    "meters",
    "metre",
    "meter",
    "miles",
    "mile",
    "feet",
    "foot",
    "litres",
    "liters",
    "tonnes",
    "tons",
    "kg",
    "kilograms",
    "hectares",
    "acres",
    "points",
    "times",
    "o'clock",
    "am",
    "pm",
    "a.m",
    "p.m",
    "degrees",
    "percent",
    "per",
    "cent",
    "inch",
    "inches",
    "gigawatts",
    "megawatts",
    "mw",
    "gw",
    "cubic",
    "square",
    "horsepower",
    "bn",
    "m",
    "million",
    "billion",
    "thousand",
    "trillion",
    "-year-old",
    "yards",
    "games",
    "goals",
    "runs",
    "seasons",
    "season",
    "innings",
    "wins",
    "losses",
    "laps",
    "rounds",
    "sets",
];

/// Words that say what happened to the counted people, and the class they give.
const CLASS_WORDS: &[(&str, &str)] = &[
    ("dead", "dead"),
    ("killed", "dead"),
    ("killing", "dead"),
    ("died", "dead"),
    ("die", "dead"),
    ("deaths", "dead"),
    ("death", "dead"),
    ("drowned", "dead"),
    ("fatalities", "dead"),
    ("bodies", "dead"),
    ("lives", "dead"),
    ("toll", "dead"),
    ("victims", "dead"),
    ("injured", "injured"),
    ("wounded", "injured"),
    ("hurt", "injured"),
    ("injuries", "injured"),
    ("wounding", "injured"),
    ("injuring", "injured"),
    ("missing", "missing"),
    ("arrested", "arrested"),
    ("arrests", "arrested"),
    ("detained", "arrested"),
    ("detentions", "arrested"),
    ("seized", "arrested"),
    ("rescued", "rescued"),
    ("rescues", "rescued"),
    ("evacuated", "evacuated"),
    ("displaced", "displaced"),
    ("homeless", "displaced"),
    ("convicted", "convicted"),
    ("acquitted", "acquitted"),
    ("defendants", "defendants"),
    ("delegation", "delegation"),
    ("accompanied", "delegation"),
    ("travelled", "delegation"),
    ("traveled", "delegation"),
    ("travelling", "delegation"),
    ("participants", "participants"),
    ("delegates", "participants"),
    ("attended", "participants"),
    ("signed", "signed"),
];

/// Nouns that name the same thing when counting.
fn canonical_noun(w: &str) -> String {
    let sg = singular(w);
    match sg.as_str() {
        "people" | "persons" | "person" | "individual" | "resident" | "civilian" => "person".into(),
        "ship" | "boat" | "vessel" => "vessel".into(),
        "labourer" | "laborer" | "worker" | "employee" => "worker".into(),
        "delegate" | "participant" | "attendee" => "participant".into(),
        "troop" | "soldier" => "soldier".into(),
        "agreement" | "accord" | "deal" => "agreement".into(),
        "suspect" => "suspect".into(),
        "men" => "man".into(),
        "women" => "woman".into(),
        "children" => "child".into(),
        other => other.to_string(),
    }
}

fn singular(noun: &str) -> String {
    match noun {
        "people" => return "people".into(),
        "police" | "staff" | "personnel" => return noun.into(),
        "men" | "women" | "children" => return noun.into(),
        _ => {}
    }
    if let Some(s) = noun.strip_suffix("ies") {
        if s.len() > 2 {
            return format!("{s}y");
        }
    }
    if let Some(s) = noun.strip_suffix("sses") {
        return format!("{s}ss");
    }
    if noun.ends_with("ss") || noun.ends_with("us") {
        return noun.to_string();
    }
    if let Some(s) = noun.strip_suffix("es") {
        if s.ends_with("sh") || s.ends_with("ch") || s.ends_with('x') {
            return s.to_string();
        }
    }
    noun.strip_suffix('s').unwrap_or(noun).to_string()
}

/// A number read at tokens `a..b` of the sentence.
#[derive(Debug, Clone, Copy)]
struct Num {
    a: usize,
    b: usize,
    value: f64,
    /// Spelled "a dozen" etc. or digits.
    plain: bool,
}

/// Reads a number at token `k`: digits ("1,200", "3.2", "21m"), number words ("eleven",
/// "twenty-five", "Thirty-two"), "a dozen"; with a scale word after ("3.2 billion").
fn number_at(s: &Sentence<'_>, k: usize) -> Option<Num> {
    let t = &s.toks[k];
    let text = t.text;
    let mut value: f64;
    let mut b = k + 1;
    if text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        let (digits, suffix) = split_suffix(text);
        value = parse_decimal(digits)?;
        // "1,200" may be split by the tokenizer at the comma: "1" "," "200".
        if !digits.contains('.') {
            let mut j = k + 1;
            while j < s.toks.len()
                && s.gap_before(j) == ","
                && s.toks[j].text.len() == 3
                && s.toks[j].text.bytes().all(|c| c.is_ascii_digit())
            {
                value = value * 1000.0 + parse_decimal(s.toks[j].text)?;
                j += 1;
                b = j;
            }
        }
        // "3" "." "2" split at the point.
        if b == k + 1
            && s.gap_after(k) == "."
            && s.toks
                .get(k + 1)
                .is_some_and(|n| n.text.bytes().all(|c| c.is_ascii_digit()) && n.text.len() <= 3)
            && !s.toks.get(k + 2).is_some_and(|n| n.cap)
        {
            let frac = s.toks[k + 1].text;
            value = parse_decimal(&format!("{digits}.{frac}"))?;
            b = k + 2;
        }
        match suffix {
            "m" | "mn" => value *= 1e6,
            "bn" | "b" => value *= 1e9,
            "k" => value *= 1e3,
            "" => {}
            _ => return None,
        }
        return Some(Num {
            a: k,
            b,
            value: scaled(s, b, value).0,
            plain: true,
        })
        .map(|mut n| {
            let (v, end) = scaled(s, b, value);
            n.value = v;
            n.b = end;
            n
        });
    }
    if t.folded == "a" && s.f(k + 1) == "dozen" {
        return Some(Num {
            a: k,
            b: k + 2,
            value: 12.0,
            plain: false,
        });
    }
    // "several dozen", "dozens", "hundreds": no figure to compare.
    if matches!(
        t.folded.as_ref(),
        "dozen" | "dozens" | "hundreds" | "thousands" | "scores" | "millions"
    ) {
        return None;
    }
    let v = cardinal(text)? as f64;
    if t.folded == "one" || t.folded == "hundred" {
        return None;
    }
    let (v, end) = scaled(s, b, v);
    Some(Num {
        a: k,
        b: end,
        value: v,
        plain: false,
    })
}

/// "3.2 billion", "1.5 million", "two thousand": the scale word after a number.
fn scaled(s: &Sentence<'_>, b: usize, v: f64) -> (f64, usize) {
    match s.f(b) {
        "million" | "millions" => (v * 1e6, b + 1),
        "billion" | "billions" => (v * 1e9, b + 1),
        "thousand" => (v * 1e3, b + 1),
        "trillion" => (v * 1e12, b + 1),
        "m" | "mn" if s.joined(b.saturating_sub(1)) => (v * 1e6, b + 1),
        "bn" => (v * 1e9, b + 1),
        _ => (v, b),
    }
}

fn split_suffix(text: &str) -> (&str, &str) {
    let cut = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    (&text[..cut], &text[cut..])
}

fn parse_decimal(s: &str) -> Option<f64> {
    let clean: String = s.chars().filter(|c| *c != ',').collect();
    if clean.is_empty() || clean.ends_with('.') {
        return None;
    }
    clean.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Currency before or after a number.
fn currency_before(s: &Sentence<'_>, a: usize) -> Option<&'static str> {
    let gap = s.gap_before(a);
    let g = gap.trim_end();
    if g.ends_with('€') {
        return Some("EUR");
    }
    if g.ends_with('$') {
        return Some("USD");
    }
    if g.ends_with('£') {
        return Some("GBP");
    }
    if a > 0 && (s.joined(a - 1) || s.gap_after(a - 1).trim().is_empty()) {
        match s.toks[a - 1].text {
            "EUR" => return Some("EUR"),
            "USD" | "US$" => return Some("USD"),
            "GBP" => return Some("GBP"),
            "MAD" | "DH" | "Dh" => return Some("MAD"),
            "RM" => return Some("MYR"),
            _ => {}
        }
    }
    // "RM10,099": the code glued to the digits.
    None
}

fn currency_after(s: &Sentence<'_>, b: usize) -> Option<&'static str> {
    match s.f(b) {
        "euros" | "euro" | "eur" => Some("EUR"),
        "dollars" | "dollar" | "usd" => Some("USD"),
        "pounds" | "gbp" => Some("GBP"),
        "dirhams" | "dirham" | "mad" => Some("MAD"),
        "yen" => Some("JPY"),
        "ringgit" => Some("MYR"),
        "pesos" => Some("MXN"),
        "reais" | "reals" => Some("BRL"),
        _ => None,
    }
}

/// The interval a hedge before a number allows.
fn hedge(s: &Sentence<'_>, a: usize, v: f64) -> (usize, f64, f64, bool) {
    let f1 = if a >= 1 { s.f(a - 1) } else { "" };
    let f2 = if a >= 2 { s.f(a - 2) } else { "" };
    let f3 = if a >= 3 { s.f(a - 3) } else { "" };
    let tol = (v * 0.1).max(1.0);
    match (f3, f2, f1) {
        (_, "at", "least") => (a - 2, v, f64::INFINITY, true),
        (_, "more", "than") | (_, "over", _) if f1 == "than" || f2 == "over" => {
            if f2 == "more" {
                (a - 2, v, f64::INFINITY, true)
            } else {
                (a - 1, v, f64::INFINITY, true)
            }
        }
        (_, _, "over") => (a - 1, v, f64::INFINITY, true),
        (_, "up", "to") => (a - 2, 0.0, v, true),
        (_, "fewer" | "less", "than") => (a - 2, 0.0, v, true),
        ("as", "many", "as") => (a - 3, 0.0, v, true),
        (_, _, "nearly" | "almost") => (a - 1, (v * 0.85).floor(), v, true),
        (_, _, "about" | "around" | "some" | "roughly" | "approximately" | "circa" | "approx") => {
            (a - 1, v - tol, v + tol, true)
        }
        _ => (a, v, v, false),
    }
}

/// Reads every quantity of a sentence.
pub fn find(input: &SentenceInput<'_, '_>, z: &Zones) -> Vec<CountAttr> {
    let s = input.s;
    let n = s.toks.len();
    let mut out = Vec::new();
    let source = attribution(s, input);
    let at = figure_time(input, z);
    let mut k = 0;
    while k < n {
        let t = &s.toks[k];
        let first = t.text.as_bytes().first().copied().unwrap_or(0);
        let digitish = first.is_ascii_digit();
        if !(digitish
            || t.voc & crate::extract::vocab::NUMBER_BIT != 0
            || t.hyphen
            || t.folded == "a")
        {
            k += 1;
            continue;
        }
        // Years, ordinals, times of day, hyphenated adjectives ("two-day", "36-year-old").
        if digitish && t.text.len() == 4 && t.text.bytes().all(|c| c.is_ascii_digit()) {
            let y: u32 = t.text.parse().unwrap_or(0);
            if (1000..2200).contains(&y) && currency_before(s, k).is_none() {
                k += 1;
                continue;
            }
        }
        if t.hyphen && !digitish && cardinal(t.text).is_none() {
            k += 1;
            continue;
        }
        let Some(num) = number_at(s, k) else {
            k += 1;
            continue;
        };
        // "2:30", dates: "March 10" handled by the time grammar.
        if input
            .times
            .iter()
            .any(|tm| tm.span.start <= s.toks[k].start && s.toks[k].end <= tm.span.end)
        {
            k = num.b;
            continue;
        }
        if s.gap_after(k).starts_with(':')
            || s.gap_after(num.b - 1).starts_with('-')
                && !s
                    .toks
                    .get(num.b)
                    .is_some_and(|x| x.folded.starts_with("year"))
        {
            k = num.b;
            continue;
        }
        let v = num.value;
        if v.is_nan() || v <= 0.0 {
            k = num.b;
            continue;
        }
        let span_a = num.a;
        let mut cur = currency_before(s, num.a).or_else(|| glued_currency(s.toks[k].text));
        let mut end = num.b;
        if cur.is_none() {
            if let Some(c) = currency_after(s, end) {
                cur = Some(c);
                end += 1;
            }
        }
        let (ha, low, high, approx) = hedge(s, span_a, v);
        let aside = !z.main_range(span_a, end);
        // Percentages.
        let percent =
            matches!(s.f(end), "percent" | "per") || s.gap_after(end - 1).starts_with('%');
        if percent {
            let pend = if s.f(end) == "per" {
                end + 2
            } else if s.f(end) == "percent" {
                end + 1
            } else {
                end
            };
            let noun = percent_role(s, ha, pend);
            out.push(make(
                s,
                ha,
                pend.max(end),
                v,
                low,
                high,
                approx,
                "percent",
                &noun,
                "",
                None,
                &source,
                &at,
                aside,
            ));
            k = pend.max(end);
            continue;
        }
        // Magnitudes: "magnitude 5.9", "a 6.1-magnitude quake", "5.9 on the Richter scale".
        let magnitude = (span_a > 0 && s.f(span_a - 1) == "magnitude")
            || s.f(end) == "magnitude"
            || (s.f(end) == "on" && s.f(end + 2) == "richter");
        if magnitude && v < 11.0 {
            out.push(make(
                s,
                ha.min(span_a.saturating_sub(1)),
                end,
                v,
                low,
                high,
                approx,
                "magnitude",
                "magnitude",
                "magnitude",
                None,
                &source,
                &at,
                aside,
            ));
            k = end;
            continue;
        }
        if let Some(c) = cur {
            let (noun, noun_end) = money_role(s, ha, end);
            let qualifier = part_marker(s, ha, end);
            let mut q = make(
                s,
                ha,
                end.max(noun_end.min(end)),
                v,
                low,
                high,
                approx,
                "money",
                &noun,
                "",
                Some(c),
                &source,
                &at,
                aside,
            );
            if qualifier {
                q.part = true;
            }
            if whole_after(s, end) {
                q.part = true;
            }
            out.push(q);
            k = end;
            continue;
        }
        // Counts: number, up to two modifiers, a plural noun.
        if num.plain && v.fract() != 0.0 {
            k = end;
            continue;
        }
        let mut j = end;
        let mut mods = Vec::new();
        // "nine more bodies": the increment word is not part of what is counted.
        if j < n && matches!(s.f(j), "more" | "additional" | "further") && s.joined(j - 1) {
            j += 1;
        }
        while j < n && j < end + 3 && s.joined(j - 1) {
            let f = s.f(j);
            if s.toks[j].cap && !s.toks[j].info.demonym {
                break;
            }
            // "90 injured", "17 dead": a class adjective stands for the noun.
            if mods.is_empty()
                && matches!(
                    f,
                    "dead"
                        | "injured"
                        | "wounded"
                        | "missing"
                        | "hurt"
                        | "killed"
                        | "arrested"
                        | "rescued"
                )
            {
                break;
            }
            if is_plural_noun(f)
                && !(mods.is_empty()
                    && s.joined(j)
                    && s.toks
                        .get(j + 1)
                        .is_some_and(|x| is_plural_noun(&x.folded) && !x.cap)
                    && f.len() > 3
                    && !matches!(f, "people" | "police"))
            {
                break;
            }
            if matches!(
                f,
                "of" | "and"
                    | "or"
                    | "to"
                    | "in"
                    | "on"
                    | "at"
                    | "the"
                    | "a"
                    | "were"
                    | "was"
                    | "had"
                    | "have"
                    | "more"
            ) {
                break;
            }
            mods.push(f.to_string());
            j += 1;
        }
        // "16 people", "six ministers", "6 of the 11 defendants", "23 people dead",
        // "17 dead", "64 injured".
        let head = s
            .toks
            .get(j)
            .map(|x| x.folded.to_string())
            .unwrap_or_default();
        let mut noun_end = j + 1;
        let (noun, class_from_adj) = if j < n
            && !s.toks[j].cap
            && is_plural_noun(&head)
            && !NOT_COUNTED.contains(&head.as_str())
            && s.joined(j - 1)
        {
            let mut noun = canonical_noun(&head);
            let useful: Vec<&String> = mods.iter().filter(|m| !is_adjective_noise(m)).collect();
            if !useful.is_empty() {
                let m: Vec<String> = useful.iter().map(|x| singular(x)).collect();
                noun = format!("{} {noun}", m.join(" "));
            }
            (noun, None)
        } else if mods.is_empty() && j < n {
            // "17 dead", "64 injured", "five in the north" (an elided noun).
            match CLASS_WORDS.iter().find(|(w, _)| *w == head) {
                Some((_, c))
                    if matches!(*c, "dead" | "injured" | "missing" | "arrested" | "rescued")
                        && s.joined(j - 1) =>
                {
                    (String::from("person"), Some(*c))
                }
                _ => {
                    if head == "in" || head == "of" {
                        noun_end = j;
                        (String::new(), None)
                    } else if let Some(c) = appraised_class(s, ha) {
                        // "put the number of injured at 87".
                        noun_end = end;
                        (String::from("person"), Some(c))
                    } else {
                        k = end;
                        continue;
                    }
                }
            }
        } else {
            k = end;
            continue;
        };
        if NOT_COUNTED.iter().any(|w| noun.ends_with(w)) {
            k = end;
            continue;
        }
        // Small spelled-out numbers are mostly idiom ("two sides", "one country").
        if v <= 2.0 && !num.plain {
            k = noun_end;
            continue;
        }
        // "nine bodies", "12 fatalities": the noun itself says what happened.
        let class = class_from_adj
            .map(str::to_string)
            .or_else(|| {
                CLASS_WORDS
                    .iter()
                    .find(|(w, _)| *w == head && !matches!(*w, "delegates" | "participants"))
                    .map(|(_, c)| c.to_string())
            })
            .unwrap_or_else(|| count_class(s, ha, noun_end));
        let mut q = make(
            s, ha, noun_end, v, low, high, approx, "count", &noun, &class, None, &source, &at,
            aside,
        );
        q.part = part_marker(s, ha, noun_end) || whole_after(s, noun_end);
        q.total = total_marker(s, ha, noun_end);
        q.increment = increment_marker(s, ha, noun_end);
        q.rising = rising_marker(s, ha);
        q.qualifier = place_qualifier(input, z, ha, noun_end);
        if noun.is_empty() {
            // "and five in the north": the noun of the figure before it in the sentence.
            if let Some(prev) = out
                .iter()
                .rev()
                .find(|p: &&CountAttr| p.measure == "count" && !p.noun.is_empty())
            {
                q.noun = prev.noun.clone();
                q.class = prev.class.clone();
            } else {
                k = noun_end.max(end);
                continue;
            }
        }
        out.push(q);
        k = noun_end.max(end);
    }
    out
}

fn glued_currency(text: &str) -> Option<&'static str> {
    if text.starts_with("RM") {
        return Some("MYR");
    }
    None
}

fn is_plural_noun(f: &str) -> bool {
    (f.ends_with('s') && f.len() > 2 && !f.ends_with("ss") && !f.ends_with("us"))
        || matches!(
            f,
            "people"
                | "police"
                | "personnel"
                | "staff"
                | "children"
                | "men"
                | "women"
                | "troops"
                | "crew"
        )
}

/// Adjectives that do not change what is counted ("some 300 Moroccan and French officials").
fn is_adjective_noise(m: &str) -> bool {
    matches!(
        m,
        "more"
            | "other"
            | "new"
            | "senior"
            | "top"
            | "several"
            | "additional"
            | "further"
            | "main"
            | "major"
            | "local"
            | "foreign"
            | "national"
            | "international"
            | "young"
            | "elderly"
            | "moroccan"
            | "spanish"
            | "french"
            | "portuguese"
            | "brazilian"
            | "european"
            | "african"
            | "american"
            | "british"
            | "german"
            | "italian"
            | "alleged"
            | "suspected"
            | "possible"
            | "different"
            | "separate"
            | "key"
    ) || m.ends_with("ian")
        || m.ends_with("ese")
        || m.ends_with("ish")
}

#[allow(clippy::too_many_arguments)]
fn make(
    s: &Sentence<'_>,
    a: usize,
    b: usize,
    v: f64,
    low: f64,
    high: f64,
    approx: bool,
    measure: &str,
    noun: &str,
    class: &str,
    currency: Option<&str>,
    source: &Option<String>,
    at: &Option<crate::timex::TimeValue>,
    aside: bool,
) -> CountAttr {
    let b = b.min(s.toks.len()).max(a + 1);
    CountAttr {
        value: v.round() as u64,
        approximate: approx,
        noun: noun.to_string(),
        span: Span::new(s.toks[a].start, s.toks[b - 1].end),
        measure: measure.to_string(),
        class: class.to_string(),
        low,
        high,
        currency: currency.map(str::to_string),
        qualifier: None,
        part: false,
        total: false,
        source: source.clone(),
        at: at.clone(),
        rising: false,
        increment: false,
        aside,
    }
}

/// What a count's people underwent, from the words around it.
fn count_class(s: &Sentence<'_>, a: usize, b: usize) -> String {
    let n = s.toks.len();
    // "the death toll rose to 57", "killed 23 people", "16 people were arrested", "a
    // delegation of seven ministers", "accompanied by six ministers".
    let mut best: Option<(usize, &str)> = None;
    let from = a.saturating_sub(6);
    let to = (b + 5).min(n);
    for j in from..to {
        if j >= a && j < b {
            continue;
        }
        let f = s.f(j);
        if let Some((_, c)) = CLASS_WORDS.iter().find(|(w, _)| *w == f) {
            // A stop between: a new clause with its own number.
            let dist = if j < a { a - j } else { j - b + 1 };
            let blocked = if j < a {
                (j + 1..a).any(|x| s.gap_before(x).contains([';', '.']))
                    || (j + 1..a).any(|x| {
                        cardinal(s.toks[x].text).is_some()
                            && s.toks[x].text.bytes().any(|c| c.is_ascii_digit())
                    })
            } else {
                (b..j).any(|x| s.gap_after(x).contains([';', '.', ',']))
                    || (b..=j).any(|x| x > b && cardinal(s.toks[x].text).is_some())
            };
            if blocked {
                continue;
            }
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, c));
            }
        }
    }
    best.map(|(_, c)| c.to_string()).unwrap_or_default()
}

/// "of them", "of whom", "6 of the 11", "including 5", "out of"; "nine other defendants"
/// and "the remaining 13" leave someone out, so they are a part too.
fn part_marker(s: &Sentence<'_>, a: usize, b: usize) -> bool {
    (a..b).any(|j| matches!(s.f(j), "other" | "others" | "remaining"))
        // "20 people seriously injured": the worst cases, not every one.
        || (b..(b + 3).min(s.toks.len())).any(|j| {
            matches!(s.f(j), "seriously" | "critically" | "badly" | "severely" | "gravely")
        })
        || (a..b).any(|j| matches!(s.f(j), "seriously" | "critically" | "badly" | "severely"))
        // "two of the five climbers swept away by": a group the sentence picks out.
        || (a >= 2 && s.f(a - 1) == "the" && s.f(a - 2) == "of")
        || (a > 0 && matches!(s.f(a - 1), "other" | "remaining"))
        || (s.f(b) == "of"
        && matches!(
            s.f(b + 1),
            "them" | "whom" | "which" | "those" | "these" | "the"
        ))
        || (a > 0 && matches!(s.f(a - 1), "including" | "among"))
}

/// "€0.8 billion of the €2.6 billion": the first is a part of the second.
fn whole_after(s: &Sentence<'_>, b: usize) -> bool {
    s.f(b) == "of"
        && s.f(b + 1) == "the"
        && (s
            .toks
            .get(b + 2)
            .is_some_and(|t| t.text.bytes().next().is_some_and(|c| c.is_ascii_digit()))
            || s.gap_after(b + 1).contains(['€', '$', '£']))
}

fn total_marker(s: &Sentence<'_>, a: usize, b: usize) -> bool {
    let n = s.toks.len();
    let window: Vec<&str> = (b..(b + 8).min(n)).map(|j| s.f(j)).collect();
    let joined = window.join(" ");
    joined.contains("in all")
        || joined.contains("in total")
        || joined.contains("altogether")
        || joined.contains("on both sides")
        || joined.starts_with("across")
        || (a > 0 && matches!(s.f(a - 1), "total" | "overall" | "combined"))
}

fn increment_marker(s: &Sentence<'_>, a: usize, b: usize) -> bool {
    (a + 1..b).any(|j| matches!(s.f(j), "more" | "additional" | "further"))
        || s.f(b) == "more"
        || (a > 0 && matches!(s.f(a - 1), "another" | "additional" | "further"))
}

fn rising_marker(s: &Sentence<'_>, a: usize) -> bool {
    let from = a.saturating_sub(3);
    (from..a).any(|j| {
        matches!(
            s.f(j),
            "rose"
                | "risen"
                | "rising"
                | "climbed"
                | "increased"
                | "jumped"
                | "reached"
                | "reaches"
                | "rises"
        )
    })
}

/// A place the figure is restricted to: "23 people dead in the north", "In Velmora, three farm
/// workers drowned", "six of them in Ostrava province".
fn place_qualifier(input: &SentenceInput<'_, '_>, z: &Zones, a: usize, b: usize) -> Option<String> {
    let s = input.s;
    // Right after: "in X" within four tokens, before another number.
    let after = input.places.iter().find(|p| {
        p.a >= b
            && p.a <= b + 4
            && p.a > 0
            && matches!(s.f(p.a - 1), "in" | "across" | "at")
            && (b..p.a).all(|x| cardinal(s.toks[x].text).is_none())
            && z.main(p.a)
    });
    if let Some(p) = after {
        return Some(crate::text::fold(&p.name));
    }
    // A place opening the sentence: "In Velmora, ...".
    let lead = input.places.iter().find(|p| {
        p.a <= 2
            && p.a > 0
            && matches!(s.f(p.a - 1), "in" | "across")
            && p.b < a
            && s.gap_after(p.b - 1).contains(',')
    });
    lead.map(|p| crate::text::fold(&p.name))
}

/// What a sum of money is: "losses of €8 million", "a €17m fund", "contracts worth €2.6
/// billion", "estimated the damage ... at €25 million", "a fund endowed with 9 million
/// euros", "an eight-year, $200 million offer".
fn money_role(s: &Sentence<'_>, a: usize, b: usize) -> (String, usize) {
    let n = s.toks.len();
    // A noun right after: "a €17m fund", "a €5.1 million programme", "$70 million offer".
    if b < n && !s.toks[b].cap && !s.gap_before(b).contains([',', ';', '(', ':']) {
        let f = s.f(b);
        let function_word = s.toks[b].voc
            & (crate::extract::people::CLAUSE_WORDS.bit
                | crate::extract::vocab::TITLE_CONNECTORS.bit
                | crate::extract::vocab::DETERMINERS.bit)
            != 0;
        if !function_word
            && f.chars().all(|c| c.is_alphabetic())
            && f.len() > 2
            && !matches!(
                f,
                "after"
                    | "before"
                    | "since"
                    | "as"
                    | "because"
                    | "in"
                    | "on"
                    | "for"
                    | "to"
                    | "and"
                    | "of"
                    | "from"
                    | "with"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "will"
                    | "had"
                    | "has"
                    | "the"
                    | "a"
                    | "an"
                    | "at"
                    | "by"
                    | "over"
                    | "per"
                    | "each"
                    | "a year"
                    | "this"
                    | "last"
                    | "according"
                    | "taking"
                    | "including"
                    | "compared"
                    | "while"
                    | "which"
                    | "that"
                    | "up"
                    | "down"
                    | "against"
            )
        {
            return (role_noun(f), b + 1);
        }
    }
    // "estimated the damage caused by the fire at €25 million": the object of the verb.
    if let Some(noun) = appraised_object(s, a) {
        return (noun, b);
    }
    // Before: "NOUN of", "NOUN worth", "NOUN valued at", "NOUN endowed with", "NOUN at".
    let mut j = a;
    let mut steps = 0;
    while j > 0 && steps < 8 {
        j -= 1;
        steps += 1;
        let f = s.f(j);
        if matches!(
            f,
            "of" | "worth"
                | "valued"
                | "endowed"
                | "totalling"
                | "totaling"
                | "at"
                | "with"
                | "around"
                | "about"
                | "some"
                | "nearly"
                | "than"
                | "more"
                | "over"
        ) {
            continue;
        }
        if matches!(f, "the" | "a" | "an" | "its" | "their" | "caused" | "by") {
            continue;
        }
        if f.chars().all(|c| c.is_alphabetic()) && f.len() > 2 && !s.toks[j].cap {
            if matches!(
                f,
                "estimated" | "put" | "said" | "raised" | "cost" | "costs" | "lost" | "spent"
            ) {
                // "estimated the losses ... at": the noun is the object after the verb.
                continue;
            }
            return (role_noun(f), b);
        }
        break;
    }
    (String::new(), b)
}

/// The "at" before a figure whose hedge starts at token `a` ("at around €25 million").
fn at_before(s: &Sentence<'_>, a: usize) -> Option<usize> {
    (a > 0 && s.f(a - 1) == "at").then(|| a - 1)
}

/// What a bare figure counts when it completes "the number of injured at", "the death toll
/// at", "put the toll at": the class the phrase before "at" names.
fn appraised_class(s: &Sentence<'_>, a: usize) -> Option<&'static str> {
    let at = at_before(s, a)?;
    let from = at.saturating_sub(6);
    // The nearest counted word before "at": "the number of injured", "the death toll".
    (from..at).rev().find_map(|k| {
        let f = s.f(k);
        let after_number_of = k >= 2 && s.f(k - 1) == "of" && s.f(k - 2) == "number";
        CLASS_WORDS
            .iter()
            .find(|(w, _)| *w == f)
            .filter(|(w, _)| after_number_of || *w == "toll")
            .map(|(_, c)| *c)
            .filter(|c| {
                matches!(
                    *c,
                    "dead"
                        | "injured"
                        | "missing"
                        | "arrested"
                        | "rescued"
                        | "displaced"
                        | "evacuated"
                )
            })
    })
}

/// The object of an appraisal verb when the figure is its "at" complement: "estimated the
/// losses caused by the strike at", "put the damage at", "valued the contract at".
fn appraised_object(s: &Sentence<'_>, a: usize) -> Option<String> {
    let at = at_before(s, a)?;
    let from = at.saturating_sub(12);
    let verb = (from..at).rev().find(|&v| {
        matches!(
            s.f(v),
            "estimated"
                | "estimate"
                | "estimates"
                | "put"
                | "puts"
                | "valued"
                | "values"
                | "priced"
                | "assessed"
                | "calculated"
                | "calculates"
                | "set"
                | "sets"
                | "placed"
                | "places"
        )
    })?;
    (verb + 1..at)
        .find(|&k| {
            let f = s.f(k);
            !s.toks[k].cap
                && f.len() > 2
                && f.chars().all(char::is_alphabetic)
                && !matches!(
                    f,
                    "the" | "its" | "their" | "his" | "her" | "total" | "overall"
                )
        })
        .map(|k| role_noun(s.f(k)))
}

/// A money role noun in its comparable form: "losses" and "loss" are one.
fn role_noun(f: &str) -> String {
    let sg = singular(f);
    match sg.as_str() {
        "package" | "envelope" => "package".into(),
        "grant" => "grant".into(),
        other => other.to_string(),
    }
}

/// What a percentage measures: "the follow-up of the walkout at 70%", "85 percent of the
/// drivers had followed the stoppage", "turnout reached 93.87 percent".
fn percent_role(s: &Sentence<'_>, a: usize, b: usize) -> String {
    let n = s.toks.len();
    let near: Vec<&str> = (a.saturating_sub(8)..(b + 10).min(n))
        .map(|j| s.f(j))
        .collect();
    if near.iter().any(|w| {
        matches!(
            *w,
            "followed" | "follow-up" | "participation" | "joined" | "strike" | "stoppage"
        )
    }) {
        return "participation".into();
    }
    if near
        .iter()
        .any(|w| matches!(*w, "turnout" | "voters" | "ballots"))
    {
        return "turnout".into();
    }
    String::new()
}

/// Who gave the figures of the sentence: "police said", "according to the interior
/// ministry", "the union said", "The Port Authority ... estimated".
fn attribution(s: &Sentence<'_>, input: &SentenceInput<'_, '_>) -> Option<String> {
    let n = s.toks.len();
    for k in 0..n {
        let f = s.f(k);
        // "according to X"
        if f == "according" && s.f(k + 1) == "to" {
            return source_phrase(s, input, k + 2, true);
        }
    }
    for k in 0..n {
        let f = s.f(k);
        if matches!(
            f,
            "said"
                | "says"
                | "estimated"
                | "estimates"
                | "reported"
                | "announced"
                | "put"
                | "counted"
                | "told"
        ) {
            // "X said": the subject before.
            if let Some(src) = source_before(s, input, k) {
                return Some(src);
            }
            // "..., police said" / "said the ministry"
            if let Some(src) = source_phrase(s, input, k + 1, false) {
                return Some(src);
            }
        }
    }
    None
}

/// The head words of a source noun phrase starting at `k`.
fn source_phrase(
    s: &Sentence<'_>,
    _input: &SentenceInput<'_, '_>,
    mut k: usize,
    long: bool,
) -> Option<String> {
    let n = s.toks.len();
    while k < n && matches!(s.f(k), "the" | "a" | "an" | "its" | "their") {
        k += 1;
    }
    let start = k;
    let mut words = Vec::new();
    while k < n && words.len() < 6 {
        let t = &s.toks[k];
        let f = t.folded.as_ref();
        if matches!(f, "s") {
            k += 1;
            continue;
        }
        if !(t.cap
            || SOURCE_HEADS.contains(&f)
            || (long
                && f.chars().all(char::is_alphabetic)
                && !matches!(
                    f,
                    "on" | "in"
                        | "at"
                        | "which"
                        | "who"
                        | "that"
                        | "said"
                        | "was"
                        | "were"
                        | "to"
                        | "and"
                )))
        {
            break;
        }
        if matches!(f, "on" | "in" | "at") {
            break;
        }
        words.push(f.to_string());
        if !s.joined(k) && !s.gap_after(k).starts_with('\'') && !s.gap_after(k).starts_with('’') {
            break;
        }
        k += 1;
    }
    let _ = start;
    source_key(&words)
}

fn source_before(s: &Sentence<'_>, _input: &SentenceInput<'_, '_>, k: usize) -> Option<String> {
    let mut j = k;
    let mut words = Vec::new();
    while j > 0 && words.len() < 6 {
        j -= 1;
        let t = &s.toks[j];
        let f = t.folded.as_ref();
        if !s.joined(j) && s.gap_after(j).contains([',', ';']) {
            break;
        }
        if t.cap || SOURCE_HEADS.contains(&f) || matches!(f, "s" | "of" | "the") {
            if !matches!(f, "s" | "the") {
                words.insert(0, f.to_string());
            }
            continue;
        }
        break;
    }
    source_key(&words)
}

/// Nouns that head a source of figures.
const SOURCE_HEADS: &[&str] = &[
    "police",
    "ministry",
    "union",
    "unions",
    "authority",
    "authorities",
    "government",
    "organisers",
    "organizers",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "agency",
    "service",
    "services",
    "department",
    "office",
    "council",
    "company",
    "operator",
    "port",
    "interior",
    "health",
    "regional",
    "local",
    "emergency",
    "civil",
    "protection",
    "army",
    "military",
    "hospital",
    "court",
    "prosecutor",
    "prosecutors",
    "guard",
    "subdelegation",
    "update",
    "figures",
    "statement",
    "it",
];

/// A source reduced to its head: "the Port Authority of the Bay of Kestrel Bay (APBA)" and
/// "the port authority" are one source.
fn source_key(words: &[String]) -> Option<String> {
    if words.is_empty() {
        return None;
    }
    let heads = [
        "police",
        "ministry",
        "union",
        "authority",
        "government",
        "organisers",
        "organizers",
        "officials",
        "agency",
        "court",
        "prosecutor",
        "army",
        "hospital",
        "company",
        "operator",
        "subdelegation",
        "guard",
        "service",
        "department",
        "council",
        "it",
    ];
    for w in words {
        let sg = singular(w);
        if heads.contains(&sg.as_str()) || heads.contains(&w.as_str()) {
            let key = match sg.as_str() {
                "organizer" | "organiser" => "organisers".to_string(),
                "it" => "it".to_string(),
                other => other.to_string(),
            };
            return Some(key);
        }
    }
    None
}

/// When the sentence's figures held: a time after a verb of saying ("said on Wednesday
/// morning"), or one right after the figure ("rose to 57 on Friday").
fn figure_time(input: &SentenceInput<'_, '_>, z: &Zones) -> Option<crate::timex::TimeValue> {
    input
        .times
        .iter()
        .enumerate()
        .find(|(i, t)| z.report_time[*i] && t.value.parts().is_some())
        .map(|(_, t)| t.value.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::frames::{zones::Zones, SentenceInput};
    use crate::knowledge::Knowledge;

    fn read(text: &str) -> Vec<CountAttr> {
        let kb = Knowledge::load(&[]).expect("rules");
        let s = Sentence::new(text, 0, text.len(), &kb);
        let (names, titles) = crate::extract::people::find(&s, &kb);
        let places = crate::extract::orgs::find_places(&s, &kb);
        let input = SentenceInput {
            s: &s,
            kb: &kb,
            times: &[],
            names: &names,
            titles: &titles,
            places: &places,
            orgs: &[],
            quotes: &[],
        };
        let z = Zones::of(&input);
        find(&input, &z)
    }

    #[test]
    fn counts_with_classes_and_hedges() {
        let q = read("At least 40 people were killed and about 200 injured in the blast.");
        assert_eq!(q[0].value, 40);
        assert_eq!(q[0].class, "dead");
        assert!(q[0].high.is_infinite());
        assert_eq!(q[1].value, 200);
        assert_eq!(q[1].class, "injured");
        assert!(q[1].low < 200.0 && q[1].high > 200.0);
        let q = read("The envoy arrived with a delegation of seventeen ministers.");
        assert_eq!(
            (q[0].value, q[0].class.as_str(), q[0].noun.as_str()),
            (17, "delegation", "minister")
        );
        let q = read("Officers arrested 1,250 people, police said.");
        assert_eq!(q[0].value, 1250);
        assert_eq!(q[0].source.as_deref(), Some("police"));
    }

    #[test]
    fn money_forms_agree() {
        let a = read("The fair closed with a €3.5 million fund for start-ups.");
        let b = read("The fair set up a fund endowed with 3.5 million euros.");
        assert_eq!(a[0].value, 3_500_000);
        assert_eq!(a[0].currency.as_deref(), Some("EUR"));
        assert_eq!(a[0].noun, "fund");
        assert_eq!(b[0].value, 3_500_000);
        assert_eq!(b[0].noun, "fund");
        let c = read("The port estimated losses of €12m after the stoppage.");
        assert_eq!((c[0].value, c[0].noun.as_str()), (12_000_000, "loss"));
        let d = read("Of the €8 billion, €2.5 billion of the €8 billion goes to two plants.");
        assert!(d.iter().any(|q| q.value == 2_500_000_000 && q.part));
    }

    #[test]
    fn parts_totals_and_increments() {
        let q = read("Eight people had died, six of them in the north.");
        assert!(!q[0].part);
        assert!(q[1].part);
        let q = read("Rescuers recovered nine more bodies overnight.");
        assert!(q[0].increment);
        assert_eq!(q[0].class, "dead");
        let q = read("The toll rose to 57 dead by Friday.");
        assert!(q[0].rising);
    }
}
