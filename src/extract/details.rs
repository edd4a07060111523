//! What a report says about a named person besides a title: an age ("Ana Ruiz, 36,", "the
//! 61-year-old Ana Ruiz", "Ana Ruiz, aged 36") and where the person is from ("Ana Ruiz, 36,
//! of Velmora", "Ana Ruiz of Velmora,"). Outlets copy both from police statements and court
//! papers, and get them wrong independently, so they are worth comparing.

use super::orgs::PlaceMatch;
use super::people::NameMatch;
use super::tokens::Sentence;

/// One thing said about one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    /// The person's name.
    pub name: NameMatch,
    /// Tokens of what is said (the age or the place).
    pub a: usize,
    /// One past them.
    pub b: usize,
    /// What is said.
    pub kind: DetailKind,
}

/// The kinds of detail read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DetailKind {
    /// Age in years.
    Age(u32),
    /// The place the person is from (canonical name).
    From(String),
}

/// An age written as digits: 1 to 119.
fn age(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 3 || !text.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|&n: &u32| (1..120).contains(&n))
}

/// "36-year-old" as one token, or "36" "-" "year" "-" "old": the age and one past the last token.
fn year_old(s: &Sentence<'_>, k: usize) -> Option<(u32, usize)> {
    let t = s.toks.get(k)?;
    if let Some(n) = t.folded.strip_suffix("-year-old") {
        return age(n).map(|n| (n, k + 1));
    }
    let n = age(t.text)?;
    (s.f(k + 1) == "year" && s.f(k + 2) == "old" && s.gap_after(k).contains('-'))
        .then_some((n, k + 3))
}

/// Every age and origin the sentence gives a named person.
pub fn find(s: &Sentence<'_>, names: &[NameMatch], places: &[PlaceMatch]) -> Vec<Detail> {
    let mut out = Vec::new();
    for &name in names {
        let after = name.b;
        // "NAME, 36," / "NAME (36)" / "NAME, aged 36,"
        let gap = s.gap_after(after - 1).trim();
        let mut k = after;
        if gap == "," && s.f(k) == "aged" {
            k += 1;
        }
        let closes = |j: usize| {
            let g = s.gap_after(j).trim_start();
            // "1,200" split at its comma is a number, not an age.
            let thousands = g == ","
                && s.toks.get(j + 1).is_some_and(|t| {
                    t.text.len() == 3 && t.text.bytes().all(|c| c.is_ascii_digit())
                });
            !thousands && (j + 1 >= s.toks.len() || g.starts_with([',', ')', ';', '.']))
        };
        let mut next = None;
        if matches!(gap, "," | "(") {
            if let Some(n) = s.toks.get(k).and_then(|t| age(t.text)) {
                if closes(k) {
                    out.push(Detail {
                        name,
                        a: k,
                        b: k + 1,
                        kind: DetailKind::Age(n),
                    });
                    next = Some(k + 1);
                }
            }
        }
        // "NAME, 36, of Velmora" / "NAME of Velmora,"
        let of_at = match next {
            Some(j) if s.gap_after(j - 1).trim() == "," => Some(j),
            None if s.joined(after - 1) => Some(after),
            _ => None,
        };
        if let Some(j) = of_at.filter(|&j| s.f(j) == "of") {
            // After an age the words are a home town, listed or not: "Ana Ruiz, 36, of
            // Little Velmo". Up to three capitalised words ending the phrase.
            let unlisted = || -> Option<(usize, String)> {
                next?;
                let mut e = j + 1;
                while e < s.toks.len() && e < j + 4 && s.toks[e].cap && !s.toks[e].info.not_name {
                    e += 1;
                    if !s.joined(e - 1) {
                        break;
                    }
                }
                let clean = e > j + 1
                    && (e >= s.toks.len() || !s.toks[e].cap)
                    && s.gap_after(e - 1)
                        .trim_start()
                        .starts_with([',', '.', ';', ')']);
                clean.then(|| (e, s.phrase(j + 1, e).to_string()))
            };
            if let Some(p) = places.iter().find(|p| p.a == j + 1) {
                // The place ends the phrase: "of Velmora," not "of Velmora County Council".
                let ends = p.b >= s.toks.len() || !s.joined(p.b - 1) || !s.toks[p.b].cap;
                if ends {
                    out.push(Detail {
                        name,
                        a: p.a,
                        b: p.b,
                        kind: DetailKind::From(p.name.clone()),
                    });
                }
            } else if let Some((e, place)) = unlisted() {
                out.push(Detail {
                    name,
                    a: j + 1,
                    b: e,
                    kind: DetailKind::From(place),
                });
            }
        }
        // "the 61-year-old Ana Ruiz", "36-year-old Velmoran Ana Ruiz": the age within two
        // words before the name.
        for back in 1..=3 {
            let Some(k) = name.a.checked_sub(back) else {
                break;
            };
            if let Some((n, end)) = year_old(s, k) {
                let between_ok = (end..name.a).all(|j| s.toks[j].cap && s.joined(j));
                if end <= name.a && between_ok && s.joined(end - 1) {
                    out.push(Detail {
                        name,
                        a: k,
                        b: end,
                        kind: DetailKind::Age(n),
                    });
                }
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;

    fn details(text: &str) -> Vec<(String, DetailKind)> {
        let kb = Knowledge::load(&[]).expect("rules");
        let s = Sentence::new(text, 0, text.len(), &kb);
        let (names, _) = crate::extract::people::find(&s, &kb);
        let places = crate::extract::orgs::find_places(&s, &kb);
        find(&s, &names, &places)
            .into_iter()
            .map(|d| (s.phrase(d.name.a, d.name.b).to_string(), d.kind))
            .collect()
    }

    #[test]
    fn ages_and_origins_beside_a_name() {
        assert_eq!(
            details("Tomás Varela, 36, of Lyon, was arrested on Monday."),
            vec![
                ("Tomás Varela".to_string(), DetailKind::Age(36)),
                ("Tomás Varela".to_string(), DetailKind::From("Lyon".into())),
            ]
        );
        assert_eq!(
            details("Police named the driver as 61-year-old Inés Molar."),
            vec![("Inés Molar".to_string(), DetailKind::Age(61))]
        );
        assert_eq!(
            details("Inés Molar, aged 44, denied the charges."),
            vec![("Inés Molar".to_string(), DetailKind::Age(44))]
        );
        assert_eq!(
            details("Inés Molar, 44, of Little Velmo, was released."),
            vec![
                ("Inés Molar".to_string(), DetailKind::Age(44)),
                (
                    "Inés Molar".to_string(),
                    DetailKind::From("Little Velmo".into())
                ),
            ]
        );
        // Without an age, only a listed place: "of the Velmo Rangers" is a team.
        assert!(details("Inés Molar of Velmo Rangers scored twice.").is_empty());
        assert_eq!(
            details("Tomás Varela of Lyon said he was innocent."),
            vec![("Tomás Varela".to_string(), DetailKind::From("Lyon".into()))]
        );
    }

    #[test]
    fn numbers_that_are_not_ages() {
        // A list, a year, a count after the name.
        assert!(details("Tomás Varela, 2019, was a good year.").is_empty());
        assert!(details("Tomás Varela, 36 people and a dog arrived.").is_empty());
        assert!(details("Inés Molar, 1,200 metres up, waved.").is_empty());
    }
}
