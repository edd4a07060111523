//! People and their titles, in the shapes journalists write them:
//!
//! - title before the name: "Foreign Minister Ana Ruiz Gil", "Portuguese Prime Minister João Costa Neves";
//! - appositive after the name: "Omar Benali Tazi, Tunisia's Director of Ports and Coastal Affairs,";
//! - title, comma, name: "the French Minister of Justice, Claire Morel Dubois";
//! - "NAME as TITLE": "the appointment of Ana Ruiz Gil as Minister of Defence";
//! - lists ("chaired by A, title, and B, title"; "attended by A, title; B, title; and C, title")
//!   fall out of the appositive pattern applied name by name.
//!
//! A capitalised run is a name when it starts with a listed given name, or when a title
//! pattern vouches for it. Words that are titles, places, months or demonyms never join a name.

use super::tokens::Sentence;
use super::vocab::{self, is_in};
use crate::knowledge::Knowledge;
use crate::span::Span;

/// A person's name found in a sentence: tokens `a..b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMatch {
    /// First token.
    pub a: usize,
    /// One past the last token.
    pub b: usize,
}

/// A title given to a named person.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleMatch {
    /// The person's name tokens.
    pub name: NameMatch,
    /// The title's span (without determiner).
    pub span: Span,
    /// Country the title is qualified with.
    pub country: Option<String>,
    /// True for "former", "ex-", "then-" titles.
    pub former: bool,
}

/// True when token `k` is a word of a person's name in a run that starts at `i`: a name
/// word, or, after the first word, a capitalised place or country name that is nothing
/// else the rules know (a surname: "Luís Montenegro", "Jack London").
fn in_name(s: &Sentence<'_>, i: usize, k: usize) -> bool {
    let t = &s.toks[k];
    t.name_word
        || (k > i
            && t.cap
            && (t.info.place || t.info.country)
            && !t.info.not_name
            && !t.info.demonym
            && t.voc & (vocab::TITLE_HEADS.bit | vocab::ORG_HEADS.bit) == 0
            && t.text.chars().any(char::is_lowercase)
            && !t.text.chars().any(|c| c.is_ascii_digit()))
}

/// Longest run of name words starting at token `i` (particles allowed inside).
fn name_run(s: &Sentence<'_>, i: usize) -> usize {
    let n = s.toks.len();
    let mut j = i;
    let mut end = i;
    while j < n {
        let t = &s.toks[j];
        if in_name(s, i, j) {
            j += 1;
            end = j;
        } else if j > i
            && !t.cap
            && t.is(&vocab::NAME_PARTICLES)
            && s.toks.get(j + 1).is_some_and(|x| x.name_word)
        {
            j += 1;
        } else {
            break;
        }
        // An initial's full stop stays inside the name: "Richard M. Nixon".
        let initial = s.toks[j - 1].text.chars().count() == 1
            && s.toks[j - 1].cap
            && matches!(s.gap_after(j - 1), ". " | ".");
        if j < n && !s.joined(j - 1) && !initial {
            // A hyphenated or possessive gap ends the name; only spaces join its words.
            break;
        }
    }
    end
}

/// True when token `i` is followed by a possessive "'s".
pub fn possessive_after(s: &Sentence<'_>, i: usize) -> bool {
    matches!(s.gap_after(i), "'" | "\u{2019}") && s.toks.get(i + 1).is_some_and(|t| t.folded == "s")
}

/// Every person name in the sentence, with the titles the patterns attach to them.
pub fn find(s: &Sentence<'_>, kb: &Knowledge) -> (Vec<NameMatch>, Vec<TitleMatch>) {
    find_in_document(s, kb, &Surnames::default())
}

/// Surnames of the people a document has named so far, folded: "Benali" and "Ortega
/// Ruiz" after "Leila Benali" and "Isabel Ortega Ruiz". Later in the document the surname
/// alone is that person ("opened by Benali").
#[derive(Debug, Default)]
pub struct Surnames(rustc_hash::FxHashSet<String>);

impl Surnames {
    /// Remembers the surnames of the names found in sentence `s`: the last word, and the
    /// last two of a name of three words or more. Short or all-capital words (initials,
    /// "VI") are not surnames.
    pub fn learn(&mut self, s: &Sentence<'_>, names: &[NameMatch]) {
        for n in names {
            if n.b - n.a < 2 {
                continue;
            }
            let last = &s.toks[n.b - 1];
            let word = s.phrase(n.b - 1, n.b);
            if word.chars().count() < 3 || word.chars().all(|c| c.is_uppercase()) || last.given {
                continue;
            }
            self.0.insert(last.folded.to_string());
            if n.b - n.a >= 3 && !s.toks[n.b - 2].given {
                self.0.insert(s.folded_phrase(n.b - 2, n.b));
                // A Spanish or Portuguese double surname is shortened to its first one:
                // "Ana Villa Ruiz" is then "Villa".
                let first = &s.toks[n.b - 2];
                if n.b - n.a == 3 && first.text.chars().count() >= 3 {
                    self.0.insert(first.folded.to_string());
                }
            }
        }
    }

    fn knows(&self, s: &Sentence<'_>, a: usize, b: usize) -> bool {
        !self.0.is_empty()
            && (b - a == 1 && self.0.contains(s.f(a))
                || b - a == 2 && self.0.contains(&s.folded_phrase(a, b)))
    }
}

/// As [`find`], with the surnames the document named before: a run that is one of them
/// is the person.
pub fn find_in_document(
    s: &Sentence<'_>,
    kb: &Knowledge,
    surnames: &Surnames,
) -> (Vec<NameMatch>, Vec<TitleMatch>) {
    let mut names = Vec::new();
    let mut titles = Vec::new();
    let n = s.toks.len();
    let mut i = 0;
    while i < n {
        if !s.toks[i].name_word || (i > 0 && s.toks[i - 1].name_word && s.joined(i - 1)) {
            i += 1;
            continue;
        }
        // Inside a listed place's name: "San Velmo Rangers" is a team of San Velmo, not a
        // "Velmo Rangers".
        if i > 0 && s.joined(i - 1) && {
            let p = &s.toks[i - 1];
            p.cap
                && p.info.place_start
                && (i + 1..=(i + 2).min(n))
                    .any(|b| kb.place_by_name(&s.folded_phrase(i - 1, b)).is_some())
        } {
            i += 1;
            continue;
        }
        let b = name_run(s, i);
        let words = (i..b).filter(|&k| in_name(s, i, k)).count();
        // A name may follow title words inside one capitalised run ("Prime Minister Pedro
        // Sánchez"): those words are not name words, so the run starts at the name already.
        let m = NameMatch { a: i, b };
        // A surname alone counts right after a title ("Prime Minister Sánchez") or next to a
        // speech verb ("Costa told reporters", "said Morel"); resolution later takes it
        // for the full name it shortens.
        // The surname must end the capitalised run: in "Deputy Prosecuting Attorney Jacob
        // Howell", "Prosecuting" is part of the title, not a surname.
        let run_ends = s.toks.get(b).is_none_or(|t| !t.cap || !s.joined(b - 1));
        if words == 1 && !s.toks[i].given {
            if let Some(t) = title_before(s, kb, m).filter(|_| run_ends) {
                names.push(m);
                titles.push(t);
            } else if i > 0
                && s.toks.get(b).is_some_and(|t| {
                    !t.cap && super::quotes::SPEECH_VERBS.contains(t.folded.as_ref())
                })
                || (i > 0
                    && !s.toks[i - 1].cap
                    && super::quotes::SPEECH_VERBS.contains(s.f(i - 1))
                    && s.joined(i - 1))
                || (run_ends && surnames.knows(s, i, b))
            {
                names.push(m);
            }
            i = b;
            continue;
        }
        if !(2..=6).contains(&words) {
            i = b.max(i + 1);
            continue;
        }
        let before = title_before(s, kb, m);
        let after = appositive_after(s, kb, m).or_else(|| as_title(s, kb, m));
        let comma = title_comma_name(s, kb, m);
        // "Winston Hale, 52, and ..." : an age in apposition says a person.
        let aged = s.gap_after(b - 1).trim() == ","
            && s.toks.get(b).is_some_and(|t| {
                t.text.len() <= 3
                    && t.text.bytes().all(|c| c.is_ascii_digit())
                    && t.text.parse::<u32>().is_ok_and(|n| (1..120).contains(&n))
            })
            && s.gap_after(b)
                .trim_start()
                .starts_with([',', ')', ';', '.'])
            && !s.gap_after(b).trim_start().starts_with(",0")
            && !s
                .toks
                .get(b + 1)
                .is_some_and(|t| t.text.len() == 3 && t.text.bytes().all(|c| c.is_ascii_digit()));
        let vouched = s.toks[i].given
            || aged
            || before.is_some()
            || after.is_some()
            || comma.is_some()
            || after_agent_word(s, i)
            || (run_ends && surnames.knows(s, i, b));
        if vouched {
            names.push(m);
            titles.extend(before);
            titles.extend(after);
            titles.extend(comma);
        }
        i = b;
    }
    (names, titles)
}

/// "by NAME", "met NAME": a capitalised run in such a slot is a person even without a
/// listed given name, provided it has a title elsewhere; here only given-name-less runs
/// right after "by" followed by a comma and title are accepted (handled by the appositive).
fn after_agent_word(_s: &Sentence<'_>, _i: usize) -> bool {
    false
}

/// Reads the country a title phrase names (first demonym, country name or possessive).
pub fn title_country(s: &Sentence<'_>, kb: &Knowledge, a: usize, b: usize) -> Option<String> {
    (a..b).find_map(|k| {
        let f = s.f(k);
        kb.country_by_demonym(f)
            .or_else(|| kb.country_by_name(f))
            .map(str::to_string)
    })
}

/// True when `a..b` reads as a title: a listed title or head title, or words that end in
/// (or start with) a title head noun, made only of title-like words.
pub fn is_title_phrase(s: &Sentence<'_>, kb: &Knowledge, a: usize, b: usize) -> bool {
    if a >= b || b - a > 16 {
        return false;
    }
    let folded = s.folded_phrase(a, b);
    if kb.title_by_name(&folded, None).is_some() || kb.org_by_head_title(&folded).is_some() {
        return true;
    }
    // Strip qualifiers to find the head.
    let mut k = a;
    while k < b
        && (s.is(k, &vocab::FORMER_WORDS)
            || kb.country_by_demonym(s.f(k)).is_some()
            || possessive_country(s, kb, k))
    {
        k += if possessive_country(s, kb, k) { 2 } else { 1 };
    }
    if k >= b {
        return false;
    }
    let rest = s.folded_phrase(k, b);
    if kb.title_by_name(&rest, None).is_some() || kb.org_by_head_title(&rest).is_some() {
        return true;
    }
    // The head noun is the first non-modifier word ("Director General of ...", "head of
    // intelligence at ...") or, for pre-modified titles, the last word ("Foreign Minister").
    let first_head = (k..b).find(|&x| !s.title_modifier(x) || s.is(x, &vocab::TITLE_HEADS));
    let Some(mut h) = first_head else {
        return false;
    };
    if !s.is(h, &vocab::TITLE_HEADS) {
        // One or two capitalised adjectives before the head: "European Commissioner",
        // "Federal Chancellor".
        match (h + 1..b.min(h + 3))
            .find(|&x| s.is(x, &vocab::TITLE_HEADS))
            .filter(|&x| (h..x).all(|y| s.toks[y].cap && !s.is(y, &vocab::TITLE_CONNECTORS)))
        {
            Some(x) => h = x,
            None => return false,
        }
    }
    // Everything before the head is a modifier; after it, capitalised words or connectors or
    // lower-case nouns (the remit: "of intelligence at the Arcadian Coast Guard").
    (h + 1..b).all(|x| {
        let t = &s.toks[x];
        t.cap
            || t.is(&vocab::TITLE_CONNECTORS)
            || t.is(&vocab::TITLE_HEADS)
            // the possessive of "the union's transport federation"
            || (t.folded == "s" && matches!(s.gap_after(x - 1), "'" | "\u{2019}"))
            || t.folded.chars().all(char::is_alphabetic)
                && t.folded.len() > 2
                && !t.is(&CLAUSE_WORDS)
    }) && !s.is(b - 1, &vocab::TITLE_CONNECTORS)
}

/// Lower-case words that start a new clause and so cannot be inside a title.
pub(crate) static CLAUSE_WORDS: crate::extract::vocab::WordSet =
    crate::extract::vocab::WordSet::core(
        &[
            "who",
            "which",
            "that",
            "said",
            "says",
            "say",
            "told",
            "is",
            "was",
            "were",
            "are",
            "has",
            "had",
            "have",
            "will",
            "would",
            "met",
            "chose",
            "received",
            "visited",
            "announced",
            "stressed",
            "added",
            "noted",
            "explained",
            "declared",
            "stated",
            "affirmed",
            "welcomed",
            "expressed",
            "called",
            "urged",
            "insisted",
            "recalled",
            "highlighted",
            "underlined",
            "indicated",
            "confirmed",
            "when",
            "while",
            "after",
            "before",
            "during",
            "since",
            "because",
            "although",
            "where",
            "with",
            "also",
            "not",
            "been",
            "being",
            "did",
            "does",
            "do",
            "can",
            "could",
            "may",
            "might",
            "must",
            "should",
            "shall",
        ],
        1 << 18,
    );

fn possessive_country(s: &Sentence<'_>, kb: &Knowledge, k: usize) -> bool {
    possessive_after(s, k) && kb.country_by_name(s.f(k)).is_some()
}

fn is_former(s: &Sentence<'_>, a: usize, b: usize) -> bool {
    // "then" marks a past title only as "then-Minister"; "and then Minister X" does not.
    let former =
        |k: usize| s.is(k, &vocab::FORMER_WORDS) && (s.f(k) != "then" || s.gap_after(k) == "-");
    (a..b).any(former) || (a > 0 && former(a - 1))
}

fn make(s: &Sentence<'_>, kb: &Knowledge, name: NameMatch, a: usize, b: usize) -> TitleMatch {
    // The title span leaves out a leading "former" but keeps the country qualifier.
    let mut start = a;
    while start < b && s.is(start, &vocab::FORMER_WORDS) {
        start += 1;
    }
    TitleMatch {
        name,
        span: Span::new(s.toks[start].start, s.toks[b - 1].end),
        country: title_country(s, kb, a, b),
        former: is_former(s, a, b),
    }
}

/// Title words right before the name: "Foreign Minister Ana Ruiz Gil".
fn title_before(s: &Sentence<'_>, kb: &Knowledge, name: NameMatch) -> Option<TitleMatch> {
    let mut k = name.a;
    // Walk back over words joined by spaces that can belong to a title.
    while k > 0 && s.joined(k - 1) {
        let t = &s.toks[k - 1];
        let ok = t.cap && !t.given
            || t.is(&vocab::TITLE_HEADS)
            || t.title_modifier()
            || t.is(&vocab::TITLE_CONNECTORS) && t.folded != "and" && t.folded != "the";
        if !ok || name.a - k >= 10 {
            break;
        }
        k -= 1;
    }
    // Longest title phrase ending right before the name.
    (k..name.a)
        .find(|&st| {
            !s.is(st, &vocab::TITLE_CONNECTORS)
                && is_title_phrase(s, kb, st, name.a)
                && ends_with_head_or_known(s, kb, st, name.a)
        })
        .map(|st| make(s, kb, name, st, name.a))
}

fn ends_with_head_or_known(s: &Sentence<'_>, kb: &Knowledge, a: usize, b: usize) -> bool {
    let folded = s.folded_phrase(a, b);
    s.is(b - 1, &vocab::TITLE_HEADS) || kb.title_by_name(&folded, None).is_some() || {
        let mut k = a;
        while k < b && (kb.country_by_demonym(s.f(k)).is_some() || s.is(k, &vocab::FORMER_WORDS)) {
            k += 1;
        }
        kb.title_by_name(&s.folded_phrase(k, b), None).is_some()
    }
}

/// Where a clause-level phrase starting at token `a` ends: at punctuation other than a
/// hyphen or possessive apostrophe, before "and NAME," (a list goes on), or at a clause word.
fn phrase_end(s: &Sentence<'_>, kb: &Knowledge, a: usize) -> usize {
    let n = s.toks.len();
    let mut k = a;
    while k < n {
        if k > a && s.toks[k].folded == "and" && !s.toks[k].cap {
            // "..., and Isabel Castro Fernández, Spain's ..." continues a list of people.
            let nb = name_run(s, k + 1);
            if nb > k + 2 && s.toks.get(k + 1).is_some_and(|t| t.given) {
                return k;
            }
        }
        if k > a && s.is(k, &CLAUSE_WORDS) && !s.toks[k].cap {
            return k;
        }
        // "to replace", "to strengthen": an infinitive ends the title ("Ambassador to Spain",
        // "advisor to the Directorate" go on).
        if k > a
            && s.f(k) == "to"
            && s.toks
                .get(k + 1)
                .is_some_and(|t| !t.cap && !t.is(&vocab::DETERMINERS))
        {
            return k;
        }
        let gap = s.gap_after(k);
        // "the union's federation", and the plural "the Dockers' Union".
        let cont = gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '-')
            || (matches!(gap, "'" | "\u{2019}") && s.f(k + 1) == "s")
            || (matches!(gap, "' " | "\u{2019} ")
                && s.f(k).ends_with('s')
                && s.toks.get(k + 1).is_some_and(|t| t.cap));
        k += 1;
        if !cont || k - a > 16 {
            break;
        }
    }
    let _ = kb;
    k
}

/// "NAME, [the] [Country's] TITLE[,;.]": the appositive that follows a name.
fn appositive_after(s: &Sentence<'_>, kb: &Knowledge, name: NameMatch) -> Option<TitleMatch> {
    let gap = s.gap_after(name.b - 1).trim();
    if gap != "," || name.b >= s.toks.len() {
        return None;
    }
    let mut a = name.b;
    if s.is(a, &vocab::DETERMINERS) {
        a += 1;
    }
    let mut b = phrase_end(s, kb, a);
    // "Minister of Foreign Affairs, African Cooperation and Moroccan Expatriates": a listed
    // title may run over a comma.
    if s.gap_after(b - 1).trim() == "," {
        let b2 = phrase_end(s, kb, b);
        if kb.title_by_name(&s.folded_phrase(a, b2), None).is_some() || {
            let c = title_country(s, kb, a, b);
            c.is_some()
                && kb
                    .title_by_name(&strip_country_words(s, kb, a, b2), c.as_deref())
                    .is_some()
        } {
            b = b2;
        }
    }
    if b <= a || !is_title_phrase(s, kb, a, b) {
        return None;
    }
    Some(make(s, kb, name, a, b))
}

fn strip_country_words(s: &Sentence<'_>, kb: &Knowledge, a: usize, b: usize) -> String {
    let mut k = a;
    while k < b && kb.country_by_demonym(s.f(k)).is_some() {
        k += 1;
    }
    s.folded_phrase(k, b)
}

/// "NAME as TITLE": "the appointment of Ana Ruiz Gil as Minister of Defence".
fn as_title(s: &Sentence<'_>, kb: &Knowledge, name: NameMatch) -> Option<TitleMatch> {
    if s.f(name.b) != "as" || !s.joined(name.b - 1) {
        return None;
    }
    let mut a = name.b + 1;
    if s.is(a, &vocab::DETERMINERS) {
        a += 1;
    }
    let mut b = phrase_end(s, kb, a);
    while b > a
        && (s.is(b - 1, &vocab::TITLE_CONNECTORS)
            || !s.toks[b - 1].cap && !s.is(b - 1, &vocab::TITLE_HEADS))
    {
        b -= 1;
    }
    (b > a && is_title_phrase(s, kb, a, b)).then(|| make(s, kb, name, a, b))
}

/// "the [Country] TITLE, NAME": "the French Minister of Justice, Claire Morel Dubois".
fn title_comma_name(s: &Sentence<'_>, kb: &Knowledge, name: NameMatch) -> Option<TitleMatch> {
    if name.a == 0 || s.gap_before(name.a).trim() != "," {
        return None;
    }
    let end = name.a; // title is tokens st..end
                      // The name must close the apposition: punctuation or a verb follows.
    let after = s.gap_after(name.b - 1).trim();
    if name.b < s.toks.len() && after.is_empty() && !s.is(name.b, &CLAUSE_WORDS) {
        return None;
    }
    let mut st = end;
    while st > 0 && end - st < 16 {
        let g = s.gap_before(st - 1 + 1);
        let joined =
            st == end || g.chars().all(|c| c == ' ' || c == '-') || (matches!(g, "'" | "\u{2019}"));
        if !joined {
            break;
        }
        let f = s.f(st - 1);
        // "the" opens the phrase unless it follows a connector ("President of the Government").
        if is_in(&vocab::DETERMINERS, f)
            && !(st >= 2 && s.is(st - 2, &vocab::TITLE_CONNECTORS) && s.f(st - 2) != "and")
        {
            break;
        }
        if !s.toks[st - 1].cap
            && !is_in(&vocab::TITLE_CONNECTORS, f)
            && !is_in(&vocab::TITLE_HEADS, f)
            && !s.title_modifier(st - 1)
        {
            break;
        }
        st -= 1;
    }
    // The phrase must open the clause: a determiner or the sentence start before it. After a
    // comma it would more likely be the appositive of the name before ("A, Commissioner, B").
    let opens = st == 0 || (s.is(st - 1, &vocab::DETERMINERS) && s.joined(st - 1));
    (opens
        && st < end
        && is_title_phrase(s, kb, st, end)
        && ends_with_head_or_known_or_remit(s, kb, st, end))
    .then(|| make(s, kb, name, st, end))
}

fn ends_with_head_or_known_or_remit(s: &Sentence<'_>, kb: &Knowledge, a: usize, b: usize) -> bool {
    ends_with_head_or_known(s, kb, a, b)
        || (a..b).any(|k| s.is(k, &vocab::TITLE_HEADS) && s.toks[k].cap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;

    fn run(text: &str) -> Vec<(String, String)> {
        let kb = Knowledge::load(&[]).unwrap();
        let s = Sentence::new(text, 0, text.len(), &kb);
        let (names, titles) = find(&s, &kb);
        let mut out: Vec<(String, String)> = titles
            .iter()
            .map(|t| {
                (
                    s.phrase(t.name.a, t.name.b).to_string(),
                    t.span.slice(text).to_string(),
                )
            })
            .collect();
        for n in names {
            let p = s.phrase(n.a, n.b).to_string();
            if !out.iter().any(|(x, _)| *x == p) {
                out.push((p, String::new()));
            }
        }
        out
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn an_age_in_apposition_vouches_for_a_name() {
        let got = run("Orrin Blackwater, 52, and Tomás Varela, 44, were arrested.");
        assert!(got.iter().any(|(n, _)| n == "Orrin Blackwater"), "{got:?}");
        // A street number is no age.
        let got = run("The shop at Orrin Blackwater, 1,200 metres away, closed.");
        assert!(!got.iter().any(|(n, _)| n == "Orrin Blackwater"), "{got:?}");
    }

    #[test]
    fn a_team_named_after_a_listed_city_is_no_person() {
        // "San Diego" is in the gazetteer: "Diego Mariners" is the tail of the team's name.
        let got = run("San Diego Mariners lineman Tomás Varela was arrested on Sunday.");
        assert_eq!(got, vec![pair("Tomás Varela", "")]);
        // A title before a name is not a place, though a listed place starts with it.
        let got = run("General Inés Molar arrived on Sunday.");
        assert!(got.iter().any(|(n, _)| n == "Inés Molar"), "{got:?}");
    }

    #[test]
    fn a_surname_that_is_a_place_or_country_stays_in_the_name() {
        let got = run("Foreign Minister Pedro Nairobi met Prime Minister Ana Jordan on Monday.");
        assert!(got.iter().any(|(n, _)| n == "Pedro Nairobi"), "{got:?}");
        assert!(got.iter().any(|(n, _)| n == "Ana Jordan"), "{got:?}");
        // A country named alone is no person.
        let got = run("Officials from Kenya and Brazil met on Monday.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn title_before_name() {
        assert_eq!(
            run("announced by Foreign Minister Lucía Ortega Vidal."),
            [pair("Lucía Ortega Vidal", "Foreign Minister")]
        );
        assert_eq!(
            run("will receive Portuguese Prime Minister João Costa Neves and a delegation"),
            [pair("João Costa Neves", "Portuguese Prime Minister")]
        );
        assert_eq!(
            run("will be led by Chief Executive Officer Omar Benali Tazi, signaling"),
            [pair("Omar Benali Tazi", "Chief Executive Officer")]
        );
        assert_eq!(
            run("Interior Minister Costa said"),
            [pair("Costa", "Interior Minister")]
        );
    }

    #[test]
    fn appositives_and_lists() {
        let t = "the session was chaired by Omar Benali Tazi, Tunisia's Director of Ports and Coastal Affairs, and Claire Morel Dubois, France's Secretary of State for the Sea.";
        assert_eq!(
            run(t),
            [
                pair(
                    "Omar Benali Tazi",
                    "Tunisia's Director of Ports and Coastal Affairs"
                ),
                pair(
                    "Claire Morel Dubois",
                    "France's Secretary of State for the Sea"
                )
            ]
        );
        let t = "attended by Luis Ortega Vidal, Secretary of State for Security; Ana Ruiz Gil, Secretary of State for Trade; and Samira El Idrissi Alaoui, Tunisian Ambassador in Lisbon.";
        assert_eq!(
            run(t),
            [
                pair("Luis Ortega Vidal", "Secretary of State for Security"),
                pair("Ana Ruiz Gil", "Secretary of State for Trade"),
                pair("Samira El Idrissi Alaoui", "Tunisian Ambassador in Lisbon")
            ]
        );
        assert_eq!(
            run("of João Costa Neves, President of the Portuguese government, states"),
            [pair(
                "João Costa Neves",
                "President of the Portuguese government"
            )]
        );
    }

    #[test]
    fn title_comma_name_and_as() {
        assert_eq!(run("The French Minister of Justice, Claire Morel Dubois, with her Tunisian counterpart"), [pair("Claire Morel Dubois", "French Minister of Justice")]);
        assert_eq!(
            run("He was received by the Director General of Customs and Excise, Omar Benali Tazi."),
            [pair(
                "Omar Benali Tazi",
                "Director General of Customs and Excise"
            )]
        );
        assert_eq!(
            run("the appointment of Ana Ruiz Gil as Minister of Defence to replace Luis Ortega Vidal, who"),
            [pair("Ana Ruiz Gil", "Minister of Defence"), pair("Luis Ortega Vidal", "")]
        );
        assert_eq!(
            run("former Interior Minister Ana Ruiz Gil left"),
            [pair("Ana Ruiz Gil", "Interior Minister")]
        );
    }

    #[test]
    fn capitalised_adjective_before_the_head() {
        assert_eq!(
            run("The European Commissioner for the Sea, Marta Kovalenko, and the mayor met."),
            [pair("Marta Kovalenko", "European Commissioner for the Sea")]
        );
    }

    #[test]
    fn surnames_named_before_are_people() {
        let kb = Knowledge::load(&[]).unwrap();
        let first = "The talks were led by Ana Ruiz Gil, the harbour master, and Tomás Vlasic.";
        let s = Sentence::new(first, 0, first.len(), &kb);
        let (names, _) = find(&s, &kb);
        let mut surnames = Surnames::default();
        surnames.learn(&s, &names);
        let later = "The session, opened by Ruiz Gil and Vlasic at the Harbour Office, ended.";
        let s = Sentence::new(later, 0, later.len(), &kb);
        let found: Vec<&str> = find_in_document(&s, &kb, &surnames)
            .0
            .iter()
            .map(|n| s.phrase(n.a, n.b))
            .collect();
        assert_eq!(found, ["Ruiz Gil", "Vlasic"]);
        // Without the document's earlier names they are not read as people.
        assert!(find(&s, &kb).0.is_empty());
    }

    #[test]
    fn lists_do_not_shift_titles() {
        let t = "made up of Luis Ortega Vidal, Commissioner General of Intelligence, Ana Ruiz Gil, Commissioner General of Judicial Police, and Omar Benali Tazi, advisor to the Directorate General of Customs.";
        assert_eq!(
            run(t),
            [
                pair("Luis Ortega Vidal", "Commissioner General of Intelligence"),
                pair("Ana Ruiz Gil", "Commissioner General of Judicial Police"),
                pair(
                    "Omar Benali Tazi",
                    "advisor to the Directorate General of Customs"
                )
            ]
        );
    }

    #[test]
    fn not_people() {
        assert_eq!(
            run("between the Ruritanian Coast Guard and the Arcadian Police within the framework"),
            Vec::<(String, String)>::new()
        );
        assert_eq!(
            run("In Lisbon, Portugal, the Western Sahara talks went on."),
            Vec::<(String, String)>::new()
        );
        assert_eq!(
            run("her Tunisian counterpart, Claire Morel Dubois"),
            [pair("Claire Morel Dubois", "")]
        );
    }
}
