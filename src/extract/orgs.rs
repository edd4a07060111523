//! Organisations and places: names from the rules' gazetteers (aliases, local aliases with
//! their country qualifier), capitalised phrases headed by an organisation noun ("the Arcadian
//! Coast Guard", "the Coastal Liberation Front"), and who the text puts at their head.

use super::people::NameMatch;
use super::tokens::Sentence;
use super::vocab;
use crate::knowledge::Knowledge;

/// An organisation named in a sentence: tokens `a..b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgMatch {
    /// First token.
    pub a: usize,
    /// One past the last token.
    pub b: usize,
}

/// A place named in a sentence: tokens `a..b`, and its canonical name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMatch {
    /// First token.
    pub a: usize,
    /// One past the last token.
    pub b: usize,
    /// Canonical name from the gazetteer.
    pub name: String,
}

const MAX_WORDS: usize = 10;

fn joined_run_end(s: &Sentence<'_>, a: usize, max: usize) -> usize {
    let mut b = a + 1;
    while b < s.toks.len() && b - a < max && (s.joined(b - 1) || s.gap_after(b - 1) == "-") {
        b += 1;
    }
    b
}

/// Organisations in the sentence, longest match first, non-overlapping.
pub fn find_orgs(s: &Sentence<'_>, kb: &Knowledge) -> Vec<OrgMatch> {
    let n = s.toks.len();
    let mut out = Vec::new();
    // In a headline most words are capitalised, so capitalisation says nothing there.
    let heading = s.is_heading();
    let mut i = 0;
    while i < n {
        // Names of bodies start with a capital: nothing to do at other words.
        if !s.toks[i].cap {
            i += 1;
            continue;
        }
        let limit = joined_run_end(s, i, MAX_WORDS);
        let mut found = None;
        // Gazetteer: the longest alias starting here. Names start with a capital ("the road
        // map" is not the news agency MAP).
        // Only words that start a listed name (or a demonym before a local alias) are tried.
        let may_start = s.toks[i].cap
            && (s.toks[i].info.org_start
                || (s.toks[i].info.demonym && s.toks.get(i + 1).is_some_and(|t| t.info.org_start)));
        for b in (i + 1..=limit).rev().filter(|_| may_start) {
            let folded = s.folded_phrase(i, b);
            if kb.org_by_name(&folded, None).is_some() {
                found = Some(b);
                break;
            }
            // "Tunisian Coast Guard": a demonym followed by a local alias of that country.
            if b > i + 1 {
                if let Some(c) = kb.country_by_demonym(s.f(i)) {
                    if kb
                        .org_by_name(&s.folded_phrase(i + 1, b), Some(c))
                        .is_some()
                    {
                        found = Some(b);
                        break;
                    }
                }
            }
        }
        // Shape: a capitalised run that starts ("Ministry of ...") or ends ("... Coast Guard")
        // with an organisation noun. Runs that start with a title are titles, not bodies.
        let starts_ok = s.toks[i].cap
            && !s.is(i, &vocab::DETERMINERS)
            && !s.is(i, &vocab::TITLE_HEADS)
            && !s.toks[i].given
            && (i == 0 || !s.toks[i - 1].cap || !s.joined(i - 1))
            // "Secretary of State for Security": the remit of a title, not a body.
            && !(i >= 2 && matches!(s.f(i - 1), "of" | "for") && s.is(i - 2, &vocab::TITLE_HEADS))
            && !s.is(i, &vocab::DETERMINERS);
        // A common word with a capital opens a body's name only inside a sentence and next
        // to an organisation noun ("the National Court", "the Joint Committee on
        // Fisheries"); at a sentence's start its capital says nothing.
        let common_start = kb.is_not_name(s.f(i))
            && !s.is(i, &vocab::ORG_HEADS)
            // Title modifiers include the rules' demonyms ("Tunisian Coast Guard").
            && !s.title_modifier(i);
        if found.is_none() && starts_ok && !heading {
            let mut b = i;
            // "the Committee on Fisheries", but not "the Court on Tuesday".
            let dated = |k: usize| {
                s.f(k).parse::<chrono::Weekday>().is_ok() || s.f(k).parse::<chrono::Month>().is_ok()
            };
            let connects = |b: usize| {
                b > i
                    && matches!(s.f(b), "of" | "for" | "and" | "the" | "on")
                    && !(s.f(b) == "on" && dated(b + 1))
                    && (s.toks.get(b + 1).is_some_and(|t| t.cap)
                        || (s.f(b + 1) == "the" && s.toks.get(b + 2).is_some_and(|t| t.cap)))
            };
            while b < limit && (s.toks[b].cap || connects(b)) {
                b += 1;
            }
            let first_head = s.is(i, &vocab::ORG_HEADS) && b > i + 1;
            let last_head = b > i + 1 && s.is(b - 1, &vocab::ORG_HEADS);
            // "the Joint Committee on Fisheries": the noun before the remit.
            // The remit is a short subject, not a person or a country ("the Government of
            // Pedro Sánchez", "the Surveillance of Morocco" are no names).
            let mid_head = (i + 1..b.saturating_sub(2)).any(|k| {
                s.is(k, &vocab::ORG_HEADS)
                    && matches!(s.f(k + 1), "of" | "for" | "on")
                    && (i..k).all(|x| s.toks[x].cap && !connects(x))
                    && b - (k + 2) <= 3
                    && (k + 2..b).all(|x| {
                        !s.toks[x].given
                            && kb.country_by_name(s.f(x)).is_none()
                            && kb.country_by_demonym(s.f(x)).is_none()
                            && kb.place_by_name(s.f(x)).is_none()
                    })
            });
            let all_heads = (i..b)
                .all(|k| s.is(k, &vocab::ORG_HEADS) || kb.country_by_demonym(s.f(k)).is_some());
            let opens = !common_start
                || (i > 0 && (last_head || (b > i + 2 && s.is(i + 1, &vocab::ORG_HEADS))));
            if (first_head || last_head || mid_head) && !all_heads && opens {
                found = Some(b);
            }
        }
        match found {
            Some(b) => {
                out.push(OrgMatch { a: i, b });
                i = b;
            }
            None => i += 1,
        }
    }
    out
}

/// Places from the gazetteer.
///
/// A place name right after another capitalised word of prose (not the sentence's first
/// word, not a listed non-name such as "In" or "New", not in a headline) is the tail of a
/// longer name the gazetteer does not know ("Nueva York", "Real Madrid"), and not read.
pub fn find_places(s: &Sentence<'_>, kb: &Knowledge) -> Vec<PlaceMatch> {
    find_places_with(s, kb, &LocalPlaces::default())
}

/// [`find_places`], also reading the places the document itself names as such (see
/// [`LocalPlaces`]).
pub fn find_places_with(s: &Sentence<'_>, kb: &Knowledge, local: &LocalPlaces) -> Vec<PlaceMatch> {
    let n = s.toks.len();
    let mut out = Vec::new();
    let heading = s.is_heading();
    let mut i = 0;
    while i < n {
        let listed = s.toks[i].info.place_start;
        if !s.toks[i].cap || !(listed || local.starts(&s.toks[i].folded)) {
            i += 1;
            continue;
        }
        if (!heading && i >= 2 && tail_of_longer_name(s, i)) || after_water_name(s, i) {
            i += 1;
            continue;
        }
        let limit = joined_run_end(s, i, 5);
        let hit = (i + 1..=limit).rev().find_map(|b| {
            let folded = s.folded_phrase(i, b);
            kb.place_by_name(&folded)
                .map(|p| p.name.clone())
                .or_else(|| local.get(&folded).map(str::to_string))
                .map(|name| (b, name))
        });
        match hit {
            Some((b, name)) => {
                out.push(PlaceMatch { a: i, b, name });
                i = b;
            }
            None => i += 1,
        }
    }
    out
}

/// Places a document names as places itself, though no gazetteer lists them: "the town of
/// Velmora", "the municipality of San Telmo", "the port of Arvik". A small town is named
/// that way once and then plainly ("met in Velmora"), so the later mentions are places too.
#[derive(Debug, Clone, Default)]
pub struct LocalPlaces {
    /// Folded name → name as written.
    names: std::collections::BTreeMap<String, String>,
    /// Folded first words of the names.
    firsts: std::collections::BTreeSet<String>,
}

/// Nouns that say the capitalised words after "of" name a place.
const PLACE_KIND_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "municipality",
    "port",
    "province",
    "region",
    "district",
    "commune",
    "county",
    "island",
    "borough",
];

impl LocalPlaces {
    /// Reads `text` for "the town of X" and the like (X: one to three capitalised words).
    pub fn of_text(text: &str, kb: &Knowledge) -> LocalPlaces {
        let mut out = LocalPlaces::default();
        for (at, _) in text.match_indices(" of ") {
            // The word before " of ": a kind of place?
            let before = &text[..at];
            let noun = before
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            if noun.len() > 12 || !PLACE_KIND_NOUNS.contains(&noun.to_lowercase().as_str()) {
                continue;
            }
            // One to three capitalised words after it, separated by single spaces.
            let mut name: Vec<&str> = Vec::new();
            for raw in text[at + 4..].split(' ').take(3) {
                let w = raw.trim_end_matches(|c: char| !c.is_alphanumeric());
                let clean = w.chars().all(|c| c.is_alphabetic() || c == '-');
                if w.is_empty() || !clean || !w.chars().next().is_some_and(char::is_uppercase) {
                    break;
                }
                name.push(w);
                // "the town of Velmora, which" ends the name at its comma.
                if w.len() < raw.len() {
                    break;
                }
            }
            let Some(first) = name.first() else {
                continue;
            };
            let folded = crate::text::fold(&name.join(" "));
            let first_folded = crate::text::fold(first);
            // A month, a weekday or a listed common word is no place; a country is known.
            if first_folded.parse::<chrono::Weekday>().is_ok()
                || first_folded.parse::<chrono::Month>().is_ok()
                || kb.is_not_name(&first_folded)
                || kb.country_by_name(&folded).is_some()
            {
                continue;
            }
            out.firsts.insert(first_folded);
            out.names.insert(folded, name.join(" "));
        }
        out
    }

    fn starts(&self, folded: &str) -> bool {
        !self.firsts.is_empty() && self.firsts.contains(folded)
    }

    fn get(&self, folded: &str) -> Option<&str> {
        self.names.get(folded).map(String::as_str)
    }
}

/// True when token `i` ends "Gulf of", "Strait of" and the like: "the Gulf of Aden" is a
/// sea, not the city of Aden.
fn after_water_name(s: &Sentence<'_>, i: usize) -> bool {
    const FEATURES: &[&str] = &["gulf", "sea", "strait", "straits", "isle", "cape", "lake"];
    i >= 2 && s.f(i - 1) == "of" && s.toks[i - 2].cap && FEATURES.contains(&s.f(i - 2))
}

/// True when token `i` follows a capitalised word it is written against ("Nueva York"):
/// one that is no listed non-name, demonym, country or place of its own.
fn tail_of_longer_name(s: &Sentence<'_>, i: usize) -> bool {
    let p = &s.toks[i - 1];
    p.cap
        && p.text.chars().any(char::is_lowercase)
        && s.joined(i - 1)
        && !(p.info.not_name || p.info.demonym || p.info.country || p.info.place)
}

/// Who the sentence puts at the head of which organisation:
/// "NAME at the head of ORG", "ORG, led by NAME", "ORG headed by NAME", and pairings read in
/// order: "A and B at the head ... the X and the Y" / "A and B, heads of X and Y respectively".
pub fn find_heads(
    s: &Sentence<'_>,
    kb: &Knowledge,
    names: &[NameMatch],
    orgs: &[OrgMatch],
) -> Vec<(NameMatch, OrgMatch)> {
    let mut out = Vec::new();
    for &name in names {
        // NAME at the head of ORG
        let k = name.b;
        if s.f(k) == "at"
            && s.f(k + 1) == "the"
            && matches!(s.f(k + 2), "head" | "helm")
            && s.f(k + 3) == "of"
        {
            let start = if s.f(k + 4) == "the" { k + 5 } else { k + 4 };
            if let Some(o) = orgs.iter().find(|o| o.a == start) {
                out.push((name, *o));
            }
        }
        // ORG, led by NAME / ORG headed by NAME
        if name.a >= 2
            && matches!(s.f(name.a - 1), "by")
            && matches!(
                s.f(name.a - 2),
                "led" | "headed" | "directed" | "commanded" | "chaired"
            )
        {
            let end = name.a - 2;
            if let Some(o) = orgs.iter().find(|o| {
                o.b == end || (o.b + 1 == end && matches!(s.f(o.b), "is" | "was" | "being"))
            }) {
                out.push((name, *o));
            }
        }
    }
    out.extend(pairings(s, kb, names, orgs));
    out
}

fn pairings(
    s: &Sentence<'_>,
    kb: &Knowledge,
    names: &[NameMatch],
    orgs: &[OrgMatch],
) -> Vec<(NameMatch, OrgMatch)> {
    let mut out = Vec::new();
    for w in names.windows(2) {
        let (p, q) = (w[0], w[1]);
        // "A and B" coordinated.
        if !(q.a == p.b + 1 && s.f(p.b) == "and") {
            continue;
        }
        // A heading cue right after the pair.
        let cue_at = q.b;
        let cue = (cue_at..(cue_at + 4).min(s.toks.len())).any(|k| {
            matches!(
                s.f(k),
                "head"
                    | "helm"
                    | "heads"
                    | "leading"
                    | "heading"
                    | "respectively"
                    | "chiefs"
                    | "directors"
            )
        }) || (q.b < s.toks.len()
            && s.gap_after(q.b - 1).trim() == ","
            && matches!(s.f(q.b), "heads" | "chiefs" | "directors" | "respectively"));
        if !cue {
            continue;
        }
        // The next two coordinated organisations after the pair: "X and the Y" / "X and Y".
        let later: Vec<&OrgMatch> = orgs.iter().filter(|o| o.a >= q.b).collect();
        for ow in later.windows(2) {
            let (x, y) = (ow[0], ow[1]);
            let between = s.folded_phrase(x.b, y.a);
            let coordinated = y.a > x.b && (between == "and" || between == "and the");
            if !coordinated {
                continue;
            }
            // Nationalities must not contradict the order.
            let pc = name_country(s, kb, p);
            let qc = name_country(s, kb, q);
            let xc = org_country(s, kb, x);
            let yc = org_country(s, kb, y);
            let clash = |a: &Option<String>, b: &Option<String>| matches!((a, b), (Some(a), Some(b)) if a != b);
            if clash(&pc, &xc) || clash(&qc, &yc) {
                break;
            }
            out.push((p, *x));
            out.push((q, *y));
            break;
        }
    }
    out
}

fn name_country(s: &Sentence<'_>, kb: &Knowledge, n: NameMatch) -> Option<String> {
    let p = kb.person_by_name(&s.folded_phrase(n.a, n.b))?;
    kb.people.get(p.0)?.country.clone()
}

fn org_country(s: &Sentence<'_>, kb: &Knowledge, o: &OrgMatch) -> Option<String> {
    if let Some(c) = kb.country_by_demonym(s.f(o.a)) {
        return Some(c.to_string());
    }
    let id = kb.org_by_name(&s.folded_phrase(o.a, o.b), None)?;
    kb.organisations.get(id.0)?.country.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::people;
    use crate::knowledge::{RuleFile, DEFAULT_RULE_FILES};

    /// The shipped knowledge plus invented bodies, so the tests name no real one.
    fn kb_with_invented_bodies() -> Knowledge {
        let mut files: Vec<RuleFile> = DEFAULT_RULE_FILES
            .iter()
            .map(|(p, t)| RuleFile {
                path: (*p).to_string(),
                text: (*t).to_string(),
            })
            .collect();
        files.push(RuleFile {
            path: "test/organisations.toml".into(),
            text: r#"
[[organisation]]
id = "test-police"
name = "Federal Police of Ruritania"
kind = "police"
aliases = ["Ruritanian Police"]
source = "invented for a unit test"

[[organisation]]
id = "test-front"
name = "Coastal Liberation Front"
kind = "movement"
aliases = ["CLF"]
source = "invented for a unit test"

[[organisation]]
id = "test-directorate"
name = "Directorate of Coastal Records"
kind = "agency"
aliases = ["DGXR"]
source = "invented for a unit test"
"#
            .into(),
        });
        Knowledge::from_files(files).unwrap()
    }

    #[test]
    fn courts_named_after_a_possessive_and_before_a_date() {
        let kb = Knowledge::load(&[]).unwrap();
        let found = |t: &str| {
            let s = Sentence::new(t, 0, t.len(), &kb);
            find_orgs(&s, &kb)
                .iter()
                .map(|o| s.phrase(o.a, o.b).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("In the morning, Velmora's National Court on Tuesday jailed the skipper."),
            ["National Court"]
        );
        assert_eq!(
            found("Later the Joint Committee on Fisheries met in the harbour town."),
            ["Joint Committee on Fisheries"]
        );
    }

    #[test]
    fn a_place_the_article_names_as_a_town_is_a_place_later_on() {
        let kb = Knowledge::load(&[]).unwrap();
        let text = "The mayor of the town of Vila Velmar, Ana Ruiz, spoke. \
                    Delegates met in Vila Velmar on Monday. The city of Monday is no place.";
        let local = LocalPlaces::of_text(text, &kb);
        let t = "Delegates met in Vila Velmar on Monday.";
        let s = Sentence::new(t, 0, t.len(), &kb);
        let found: Vec<String> = find_places_with(&s, &kb, &local)
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(found, ["Vila Velmar"]);
        assert!(find_places(&s, &kb).is_empty());
        assert!(local.get("monday").is_none());
    }

    #[test]
    fn places_inside_longer_names_are_not_read() {
        let kb = Knowledge::load(&[]).unwrap();
        let places = |t: &str| -> Vec<String> {
            let s = Sentence::new(t, 0, t.len(), &kb);
            find_places(&s, &kb).into_iter().map(|p| p.name).collect()
        };
        assert_eq!(
            places("The envoys met in Nairobi and later in Jakarta."),
            ["Nairobi", "Jakarta"]
        );
        // "Nueva Nairobi" is an unknown longer name; the Gulf of Jakarta a sea.
        assert!(places("The envoys met in Nueva Nairobi on Monday.").is_empty());
        assert!(places("Two ships crossed the Gulf of Jakarta on Monday.").is_empty());
        // A capitalised function word or a listed non-name does not hide the place.
        assert_eq!(places("Talks In Nairobi Resume"), ["Nairobi"]);
        assert_eq!(places("They flew to New York on Monday."), ["New York"]);
    }

    #[test]
    fn gazetteer_and_shape() {
        let kb = kb_with_invented_bodies();
        let t = "talks of the Ruritanian Directorate with the Ruritanian Police, the Coastal Liberation Front and the DGXR";
        let s = Sentence::new(t, 0, t.len(), &kb);
        let found: Vec<&str> = find_orgs(&s, &kb)
            .iter()
            .map(|o| s.phrase(o.a, o.b))
            .collect();
        assert_eq!(
            found,
            [
                "Ruritanian Directorate",
                "Ruritanian Police",
                "Coastal Liberation Front",
                "DGXR"
            ]
        );
    }

    #[test]
    fn pairing_in_order() {
        let kb = kb_with_invented_bodies();
        let t = "This new meeting, with Luis Ortega Vidal and Ana Ruiz Gil at the head, shows the good work between the Ruritanian Police and the Coastal Liberation Front.";
        let s = Sentence::new(t, 0, t.len(), &kb);
        let (names, _) = people::find(&s, &kb);
        let orgs = find_orgs(&s, &kb);
        let heads: Vec<(&str, &str)> = find_heads(&s, &kb, &names, &orgs)
            .iter()
            .map(|(n, o)| (s.phrase(n.a, n.b), s.phrase(o.a, o.b)))
            .collect();
        assert_eq!(
            heads,
            [
                ("Luis Ortega Vidal", "Ruritanian Police"),
                ("Ana Ruiz Gil", "Coastal Liberation Front")
            ]
        );
    }

    #[test]
    fn no_pairing_without_cue() {
        let kb = kb_with_invented_bodies();
        let t = "Luis Ortega Vidal and Ana Ruiz Gil praised the work between the Ruritanian Police and the Coastal Liberation Front.";
        let s = Sentence::new(t, 0, t.len(), &kb);
        let (names, _) = people::find(&s, &kb);
        let orgs = find_orgs(&s, &kb);
        assert!(find_heads(&s, &kb, &names, &orgs).is_empty());
    }
}
