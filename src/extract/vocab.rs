//! Closed-class English words the grammars lean on: role nouns that head a title, name
//! particles, determiners. General English, not knowledge about anyone; open vocabularies
//! (titles, organisations, places, given names) come from the rules files.

/// Nouns that head a title or role ("Director General of ...", "head of ...").
pub const TITLE_HEADS: &[&str] = &[
    "minister", "ministers", "president", "vice-president", "secretary", "secretary-general", "director", "director-general",
    "head", "chief", "commissioner", "ambassador", "advisor", "adviser", "spokesman", "spokeswoman", "spokesperson",
    "governor", "mayor", "king", "queen", "prince", "princess", "leader", "chairman", "chairwoman", "chair", "chairperson",
    "deputy", "vice", "general", "commander", "officer", "coordinator", "delegate", "representative", "envoy", "consul",
    "counsellor", "counselor", "executive", "premier", "wali", "judge", "prosecutor", "colonel", "captain", "lieutenant",
    "admiral", "marshal", "sheikh", "emir", "sultan", "senator", "rapporteur", "inspector", "superintendent", "ceo", "founder",
    "editor", "correspondent", "professor", "monarch", "sovereign", "governor-general", "attorney", "attache", "attaché",
    "undersecretary", "under-secretary", "manager", "administrator", "chancellor", "diplomat", "dean", "rector", "mp",
];

/// Words that modify a title without heading it ("Foreign", "Prime", "Interior").
pub const TITLE_MODIFIERS: &[&str] = &[
    "foreign", "prime", "interior", "defence", "defense", "justice", "finance", "economy", "agriculture", "trade", "labour",
    "labor", "health", "education", "home", "state", "first", "second", "third", "former", "acting", "interim", "outgoing",
    "top", "senior", "royal", "national", "general", "special", "permanent", "assistant", "deputy", "vice", "executive",
    "managing", "high", "supreme", "regional", "provincial", "military", "police", "security", "intelligence", "migration",
    "border", "spanish", "moroccan",
];

/// Lower-case words that join the parts of a name ("José de la Cruz", "Ould Abdallah").
pub const NAME_PARTICLES: &[&str] = &["de", "del", "la", "las", "los", "el", "al", "ben", "bin", "ibn", "van", "von", "da", "das", "do", "dos", "du", "le", "di", "y", "ould", "bou"];

/// Words that qualify a title as no longer held.
pub const FORMER_WORDS: &[&str] = &["former", "ex", "then", "late", "outgoing", "previous", "erstwhile"];

/// Determiners and possessives that may open a title phrase.
pub const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "our"];

/// Lower-case words allowed inside a title phrase besides title heads and modifiers.
pub const TITLE_CONNECTORS: &[&str] = &["of", "for", "the", "and", "to", "at", "in", "on", "de", "del", "la", "des", "du", "y"];

/// Nouns that head an organisation's name ("... Police", "Ministry of ...").
pub const ORG_HEADS: &[&str] = &[
    "ministry", "police", "gendarmerie", "guard", "directorate", "agency", "service", "services", "office", "department",
    "council", "committee", "commission", "group", "front", "party", "bank", "fund", "union", "organisation", "organization",
    "court", "parliament", "assembly", "senate", "congress", "army", "forces", "navy", "corps", "centre", "center", "institute",
    "authority", "bureau", "secretariat", "cabinet", "government", "administration", "company", "corporation", "association",
    "federation", "foundation", "university", "press", "network", "brigade", "unit", "intelligence", "security", "surveillance",
];

/// Nouns naming an event.
pub const EVENT_NOUNS: &[&str] = &[
    "meeting", "meetings", "summit", "summits", "visit", "visits", "conference", "talks", "session", "sessions", "gathering",
    "forum", "round", "edition", "ceremony", "consultations", "negotiations", "encounter",
];

/// Words for numbers people spell out.
pub const NUMBER_WORDS: &[(&str, u64)] = &[
    ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9),
    ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16),
    ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50),
    ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90), ("hundred", 100), ("dozen", 12), ("a dozen", 12),
];

/// Ordinal words.
pub const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5), ("sixth", 6), ("seventh", 7), ("eighth", 8),
    ("ninth", 9), ("tenth", 10), ("eleventh", 11), ("twelfth", 12), ("thirteenth", 13), ("fourteenth", 14), ("fifteenth", 15),
    ("sixteenth", 16), ("seventeenth", 17), ("eighteenth", 18), ("nineteenth", 19), ("twentieth", 20), ("twenty-first", 21),
    ("twenty-second", 22), ("twenty-third", 23), ("twenty-fourth", 24), ("twenty-fifth", 25), ("thirtieth", 30),
];

/// True when `folded` (lower case) is in `list`.
pub fn is_in(list: &[&str], folded: &str) -> bool {
    list.contains(&folded)
}
