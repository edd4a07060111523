//! Offices held by countries for a period, and pairings read in order:
//!
//! - "the Moroccan presidency of the Rabat Process in 2023";
//! - "Morocco's chairmanship of the Union in 2022";
//! - "Morocco and Spain ... their respective presidencies of the Rabat Process in 2022 and
//!   2023" — the first country with the first year, the second with the second;
//! - "Morocco and Spain held the presidency of the Process in 2022 and 2023, respectively".

use super::tokens::Sentence;
use crate::knowledge::Knowledge;
use crate::span::Span;

/// An office a country holds in a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeMatch {
    /// The office as written ("presidency of the Rabat Process").
    pub office: String,
    /// Where the office phrase is.
    pub span: Span,
    /// The holder's country code.
    pub holder: String,
    /// Where the holder is named.
    pub holder_span: Span,
    /// The year.
    pub year: i32,
    /// Where the year is.
    pub year_span: Span,
}

fn year(s: &Sentence<'_>, k: usize) -> Option<i32> {
    let t = s.toks.get(k)?;
    (t.text.len() == 4 && t.text.chars().all(|c| c.is_ascii_digit()))
        .then(|| t.text.parse().ok())
        .flatten()
        .filter(|y| (1900..2200).contains(y))
}

fn country_at(s: &Sentence<'_>, kb: &Knowledge, k: usize) -> Option<String> {
    let f = s.f(k);
    kb.country_by_name(f)
        .or_else(|| kb.country_by_demonym(f))
        .map(str::to_string)
}

/// "of [the] Capitalised Run": end of the body's name.
fn body_after(s: &Sentence<'_>, k: usize) -> Option<usize> {
    if s.f(k) != "of" {
        return None;
    }
    let mut b = if s.f(k + 1) == "the" { k + 2 } else { k + 1 };
    let start = b;
    while b < s.toks.len() && s.toks[b].cap && (b == start || s.joined(b - 1)) {
        b += 1;
    }
    (b > start).then_some(b)
}

/// Offices in a sentence.
pub fn find(s: &Sentence<'_>, kb: &Knowledge) -> Vec<OfficeMatch> {
    let mut out = Vec::new();
    let n = s.toks.len();
    for k in 0..n {
        let f = s.f(k);
        if !matches!(
            f,
            "presidency" | "presidencies" | "chairmanship" | "chairmanships"
        ) {
            continue;
        }
        let Some(body_end) = body_after(s, k + 1) else {
            continue;
        };
        let office_span = Span::new(s.toks[k].start, s.toks[body_end - 1].end);
        let office = format!(
            "{} {}",
            if f.starts_with("chair") {
                "chairmanship"
            } else {
                "presidency"
            },
            s.phrase(k + 1, body_end)
        );
        // Years after the body: "in 2023" or "in 2022 and 2023".
        let mut years: Vec<(i32, usize)> = Vec::new();
        if s.f(body_end) == "in" {
            if let Some(y) = year(s, body_end + 1) {
                years.push((y, body_end + 1));
                if s.f(body_end + 2) == "and" {
                    if let Some(y2) = year(s, body_end + 3) {
                        years.push((y2, body_end + 3));
                    }
                }
            }
        }
        if years.is_empty() {
            continue;
        }
        let tok_span = |i: usize| Span::new(s.toks[i].start, s.toks[i].end);
        let respective =
            (k > 0 && s.f(k - 1) == "respective") || (0..n).any(|i| s.f(i) == "respectively");
        if years.len() == 2 && respective {
            // The nearest "C1 and C2" before the office.
            let pair = (0..k.saturating_sub(1)).rev().find_map(|i| {
                let (a, b) = (country_at(s, kb, i)?, country_at(s, kb, i + 2)?);
                (s.f(i + 1) == "and").then_some(((a, i), (b, i + 2)))
            });
            if let Some(((c1, i1), (c2, i2))) = pair {
                for ((c, ci), (y, yi)) in [(c1, i1), (c2, i2)].into_iter().zip(years) {
                    out.push(OfficeMatch {
                        office: office.clone(),
                        span: office_span,
                        holder: c,
                        holder_span: tok_span(ci),
                        year: y,
                        year_span: tok_span(yi),
                    });
                }
            }
            continue;
        }
        if years.len() != 1 || matches!(f, "presidencies" | "chairmanships") {
            continue;
        }
        // "the Moroccan presidency", "Morocco's presidency".
        let holder = if k >= 1 && country_at(s, kb, k - 1).is_some() && s.f(k - 1) != "s" {
            Some(k - 1)
        } else if k >= 2 && s.f(k - 1) == "s" && country_at(s, kb, k - 2).is_some() {
            Some(k - 2)
        } else {
            None
        };
        if let Some(h) = holder {
            if let Some(c) = country_at(s, kb, h) {
                let (y, yi) = years[0];
                out.push(OfficeMatch {
                    office,
                    span: office_span,
                    holder: c,
                    holder_span: tok_span(h),
                    year: y,
                    year_span: tok_span(yi),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(t: &str) -> Vec<(String, String, i32)> {
        let kb = Knowledge::load(&[]).unwrap();
        let s = Sentence::new(t, 0, t.len(), &kb);
        find(&s, &kb)
            .into_iter()
            .map(|o| (o.office, o.holder, o.year))
            .collect()
    }

    #[test]
    fn offices_and_pairings() {
        assert_eq!(
            run("during the Moroccan presidency of the Rabat Process in 2023 and"),
            [("presidency of the Rabat Process".into(), "MA".into(), 2023)]
        );
        assert_eq!(
            run("Morocco and Spain are committed to close coordination during their respective presidencies of the Rabat Process in 2022 and 2023."),
            [("presidency of the Rabat Process".into(), "MA".into(), 2022), ("presidency of the Rabat Process".into(), "ES".into(), 2023)]
        );
        assert_eq!(
            run("the presidency of the Rabat Process in 2022 and 2023 was discussed"),
            []
        );
    }
}
