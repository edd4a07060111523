//! Closed-class English words the grammars lean on: role nouns that head a title, name
//! particles, determiners. General English, not knowledge about anyone; open vocabularies
//! (titles, organisations, places, given names) come from the rules files.

/// Nouns that head a title or role ("Director General of ...", "head of ...").
pub static TITLE_HEADS: WordSet = WordSet::core(
    &[
        "minister",
        "ministers",
        "president",
        "vice-president",
        "secretary",
        "secretary-general",
        "director",
        "director-general",
        "head",
        "chief",
        "commissioner",
        "ambassador",
        "advisor",
        "adviser",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "governor",
        "mayor",
        "king",
        "queen",
        "prince",
        "princess",
        "leader",
        "chairman",
        "chairwoman",
        "chair",
        "chairperson",
        "deputy",
        "vice",
        "general",
        "commander",
        "officer",
        "coordinator",
        "delegate",
        "representative",
        "envoy",
        "consul",
        "counsellor",
        "counselor",
        "executive",
        "premier",
        "wali",
        "judge",
        "prosecutor",
        "colonel",
        "captain",
        "lieutenant",
        "admiral",
        "marshal",
        "sheikh",
        "emir",
        "sultan",
        "senator",
        "rapporteur",
        "inspector",
        "superintendent",
        "ceo",
        "founder",
        "editor",
        "correspondent",
        "professor",
        "monarch",
        "sovereign",
        "governor-general",
        "attorney",
        "attache",
        "attaché",
        "undersecretary",
        "under-secretary",
        "manager",
        "administrator",
        "chancellor",
        "diplomat",
        "dean",
        "rector",
        "mp",
    ],
    1 << 0,
);

/// Words that modify a title without heading it ("Foreign", "Prime", "Interior"). The
/// demonyms of the rules' countries do too ("Spanish Foreign Minister"): see
/// [`super::tokens::Tok::title_modifier`].
pub static TITLE_MODIFIERS: WordSet = WordSet::core(
    &[
        "foreign",
        "prime",
        "interior",
        "defence",
        "defense",
        "justice",
        "finance",
        "economy",
        "agriculture",
        "trade",
        "labour",
        "labor",
        "health",
        "education",
        "home",
        "state",
        "first",
        "second",
        "third",
        "former",
        "acting",
        "interim",
        "outgoing",
        "top",
        "senior",
        "royal",
        "national",
        "general",
        "special",
        "permanent",
        "assistant",
        "deputy",
        "vice",
        "executive",
        "managing",
        "high",
        "supreme",
        "regional",
        "provincial",
        "military",
        "police",
        "security",
        "intelligence",
        "migration",
        "border",
    ],
    1 << 1,
);

/// Lower-case words that join the parts of a name ("José de la Cruz", "Ould Abdallah").
pub static NAME_PARTICLES: WordSet = WordSet::core(
    &[
        "de", "del", "la", "las", "los", "el", "al", "ben", "bin", "ibn", "van", "von", "da",
        "das", "do", "dos", "du", "le", "di", "y", "ould", "bou",
    ],
    1 << 2,
);

/// Words that qualify a title as no longer held.
pub static FORMER_WORDS: WordSet = WordSet::core(
    &[
        "former",
        "ex",
        "then",
        "late",
        "outgoing",
        "previous",
        "erstwhile",
    ],
    1 << 3,
);

/// Determiners and possessives that may open a title phrase.
pub static DETERMINERS: WordSet = WordSet::core(
    &["the", "a", "an", "his", "her", "their", "its", "our"],
    1 << 4,
);

/// Lower-case words allowed inside a title phrase besides title heads and modifiers.
pub static TITLE_CONNECTORS: WordSet = WordSet::core(
    &[
        "of", "for", "the", "and", "to", "at", "in", "on", "de", "del", "la", "des", "du", "y",
    ],
    1 << 5,
);

/// Nouns that head an organisation's name ("... Police", "Ministry of ...").
pub static ORG_HEADS: WordSet = WordSet::core(
    &[
        "ministry",
        "police",
        "gendarmerie",
        "guard",
        "directorate",
        "agency",
        "service",
        "services",
        "office",
        "department",
        "council",
        "committee",
        "commission",
        "group",
        "front",
        "party",
        "bank",
        "fund",
        "union",
        "organisation",
        "organization",
        "court",
        "parliament",
        "assembly",
        "senate",
        "congress",
        "army",
        "forces",
        "navy",
        "corps",
        "centre",
        "center",
        "institute",
        "authority",
        "bureau",
        "secretariat",
        "cabinet",
        "government",
        "administration",
        "company",
        "corporation",
        "association",
        "federation",
        "foundation",
        "university",
        "press",
        "network",
        "brigade",
        "unit",
        "intelligence",
        "security",
        "surveillance",
    ],
    1 << 6,
);

/// Nouns naming an event.
pub static EVENT_NOUNS: WordSet = WordSet::core(
    &[
        "meeting",
        "meetings",
        "summit",
        "summits",
        "visit",
        "visits",
        "conference",
        "talks",
        "session",
        "sessions",
        "gathering",
        "forum",
        "round",
        "edition",
        "ceremony",
        "consultations",
        "negotiations",
        "encounter",
    ],
    1 << 7,
);

/// Words for numbers people spell out.
pub const NUMBER_WORDS: &[(&str, u64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("dozen", 12),
    ("a dozen", 12),
];

/// Ordinal words.
pub const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("twenty-first", 21),
    ("twenty-second", 22),
    ("twenty-third", 23),
    ("twenty-fourth", 24),
    ("twenty-fifth", 25),
    ("thirtieth", 30),
];

/// A fixed list of lower-case words, looked up through a hash set built on first use:
/// these lists are consulted for every word of every article.
pub struct WordSet {
    words: &'static [&'static str],
    /// A bit of the per-word flags ([`flags`]) when the set is one of the grammar's core
    /// sets, read off each token once; 0 for the others, which are looked up.
    pub bit: u32,
    set: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>>,
}

impl WordSet {
    /// A set of these words.
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            bit: 0,
            set: std::sync::OnceLock::new(),
        }
    }

    /// A core set: membership is a bit of the token's flags.
    pub(crate) const fn core(words: &'static [&'static str], bit: u32) -> Self {
        WordSet {
            words,
            bit,
            set: std::sync::OnceLock::new(),
        }
    }

    /// True when `folded` is one of the words.
    pub fn contains(&self, folded: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(folded)
    }

    /// The words, in their listed order.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

/// The core sets, whose membership every token carries as flags.
/// Every word list the grammars consult word by word is one: a token's flags answer
/// membership with a bit test instead of a hash lookup per list.
static CORE: [&WordSet; 13] = [
    &TITLE_HEADS,
    &TITLE_MODIFIERS,
    &NAME_PARTICLES,
    &FORMER_WORDS,
    &DETERMINERS,
    &TITLE_CONNECTORS,
    &ORG_HEADS,
    &EVENT_NOUNS,
    &super::quotes::SPEECH_VERBS,
    &super::quotes::OBJECT_VERBS,
    &super::numbers::APPROX,
    &super::numbers::NOT_COUNTED,
    &super::people::CLAUSE_WORDS,
];

/// The flag bit of a spelled-out number word ([`NUMBER_WORDS`]), so the count grammar
/// looks a word up only when it is one.
pub const NUMBER_BIT: u32 = 1 << 8;

/// The core-set bits of a folded word: one hash lookup instead of one per set. Tokens get
/// them from [`crate::knowledge::Knowledge::word`], which merges this table into its own.
pub fn flags(folded: &str) -> u32 {
    all_flags().get(folded).copied().unwrap_or(0)
}

/// Every word with core-set bits, and its bits.
pub fn all_flags() -> &'static rustc_hash::FxHashMap<&'static str, u32> {
    static MAP: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u32>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m: rustc_hash::FxHashMap<&'static str, u32> = rustc_hash::FxHashMap::default();
        for set in CORE {
            for w in set.words {
                *m.entry(*w).or_default() |= set.bit;
            }
        }
        for (w, _) in NUMBER_WORDS {
            *m.entry(*w).or_default() |= NUMBER_BIT;
        }
        m
    })
}

/// True when `folded` (lower case) is in `set`.
pub fn is_in(set: &WordSet, folded: &str) -> bool {
    set.contains(folded)
}

#[cfg(test)]
mod core_tests {
    use super::*;

    #[test]
    fn core_bits_are_distinct_single_bits() {
        let mut seen = NUMBER_BIT;
        for set in CORE {
            assert_eq!(set.bit.count_ones(), 1, "{:?}", set.words.first());
            assert_eq!(seen & set.bit, 0, "bit used twice: {:?}", set.words.first());
            seen |= set.bit;
        }
    }

    #[test]
    fn flags_answer_like_the_sets() {
        for set in CORE {
            for w in set.words {
                assert_ne!(flags(w) & set.bit, 0, "{w}");
            }
            assert_eq!(flags("zzzz-not-a-word") & set.bit, 0);
        }
    }
}
