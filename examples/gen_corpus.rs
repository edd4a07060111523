//! Deterministic archive generator for the archive-scale benchmark (issue 6).
//!
//! Writes N articles (or a target size in MB) of invented but realistic news in the formats
//! factdiff reads: mostly `.txt` with a dateline, some `.md` with front matter, `.html` pages
//! and WordPress REST JSON posts, 1,000 per subfolder.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --out /tmp/factdiff-bench/c100 --mb 100 --seed 1
//! cargo run --release --example gen_corpus -- --out DIR --articles 5000 [--per-folder 1000] [--force]
//! ```
//!
//! The world behind the articles is a pure function of the seed: invented people (given
//! names from `rules/names.toml` and invented surnames) with fixed titles, knowledge-base
//! people with the title they held on the publication date, meeting series that meet every
//! few weeks with a number, a host city, a date, co-chairs and a head count. Who and what an
//! article is about is drawn Zipf-like (log-uniform ranks), so a few people and series appear
//! in thousands of articles and most in a handful, and each meeting is reported by several
//! outlets. A few articles carry a planted contradiction (wrong ordinal, date, place, count,
//! weekday, title of a knowledge-base person, spelling, quotation wording or role); the
//! manifest counts them.
//!
//! Article `i` depends only on the seed and `i` (and is dated day `i / 50` of the archive),
//! so the same seed gives byte-identical output and a 50 MB corpus is the first half of the
//! 100 MB one: doubling the size doubles the archive's time span, as a real archive grows.
//!
//! The benchmark (`benches/archive.rs`) includes this file as a module and calls
//! [`generate`].

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// Name of the manifest written at the top of a generated corpus. It starts with a dot, so
/// factdiff's folder walk skips it.
pub const MANIFEST: &str = ".factdiff-corpus.json";

/// Bumped whenever the output for a given seed changes, so cached corpora are regenerated.
pub const GENERATOR_VERSION: u32 = 1;

/// Articles published per day of the archive.
const ARTICLES_PER_DAY: u64 = 50;

/// What to generate.
#[derive(Debug, Clone)]
pub struct GenOptions {
    /// Output folder; created, and must be empty unless `force`.
    pub out: PathBuf,
    /// Stop after the article that takes the total past this many bytes.
    pub target_bytes: Option<u64>,
    /// Or stop after this many articles.
    pub articles: Option<u64>,
    /// Seed of the world and of every article.
    pub seed: u64,
    /// Articles per subfolder.
    pub per_folder: u64,
    /// Replace an existing generated corpus at `out` (only one with a manifest).
    pub force: bool,
}

/// Contradictions planted on purpose, by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Planted {
    /// A meeting given the wrong number.
    pub ordinal: u64,
    /// A meeting given the wrong day.
    pub date: u64,
    /// A meeting given the wrong host city.
    pub place: u64,
    /// A meeting given the wrong head count.
    pub count: u64,
    /// A weekday that does not match its date.
    pub weekday: u64,
    /// A knowledge-base person given a title they do not hold.
    pub kb_title: u64,
    /// A knowledge-base name written without its accents.
    pub spelling: u64,
    /// A quotation reworded.
    pub quote: u64,
    /// An invented person given a second, incompatible title.
    pub role: u64,
}

impl Planted {
    fn add(&mut self, o: &Planted) {
        self.ordinal += o.ordinal;
        self.date += o.date;
        self.place += o.place;
        self.count += o.count;
        self.weekday += o.weekday;
        self.kb_title += o.kb_title;
        self.spelling += o.spelling;
        self.quote += o.quote;
        self.role += o.role;
    }

    /// Total planted contradictions.
    pub fn total(&self) -> u64 {
        self.ordinal
            + self.date
            + self.place
            + self.count
            + self.weekday
            + self.kb_title
            + self.spelling
            + self.quote
            + self.role
    }
}

/// What was generated.
#[derive(Debug, Clone, Default)]
pub struct GenStats {
    /// Articles written.
    pub articles: u64,
    /// Bytes written (articles only, not the manifest).
    pub bytes: u64,
    /// Articles per format: txt, md, html, json.
    pub by_format: [u64; 4],
    /// Planted contradictions.
    pub planted: Planted,
    /// Publication date of the first and last article.
    pub first_date: String,
    /// See `first_date`.
    pub last_date: String,
}

impl GenStats {
    /// The manifest's JSON text (stable field order, one line per field).
    pub fn manifest(&self, opts: &GenOptions) -> String {
        let p = &self.planted;
        format!(
            "{{\n  \"generator_version\": {},\n  \"seed\": {},\n  \"target_bytes\": {},\n  \"target_articles\": {},\n  \"per_folder\": {},\n  \"articles\": {},\n  \"bytes\": {},\n  \"txt\": {}, \"md\": {}, \"html\": {}, \"json\": {},\n  \"first_date\": \"{}\", \"last_date\": \"{}\",\n  \"planted\": {{\"ordinal\": {}, \"date\": {}, \"place\": {}, \"count\": {}, \"weekday\": {}, \"kb_title\": {}, \"spelling\": {}, \"quote\": {}, \"role\": {}, \"total\": {}}}\n}}\n",
            GENERATOR_VERSION,
            opts.seed,
            opts.target_bytes.map_or("null".to_string(), |b| b.to_string()),
            opts.articles.map_or("null".to_string(), |b| b.to_string()),
            opts.per_folder,
            self.articles,
            self.bytes,
            self.by_format[0],
            self.by_format[1],
            self.by_format[2],
            self.by_format[3],
            self.first_date,
            self.last_date,
            p.ordinal,
            p.date,
            p.place,
            p.count,
            p.weekday,
            p.kb_title,
            p.spelling,
            p.quote,
            p.role,
            p.total()
        )
    }
}

// ---------------------------------------------------------------------------------------
// Randomness: splitmix64, no dependency, so the output never changes with a crate upgrade.

fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A fixed fact of the world: a hash of the seed and a few numbers.
fn fact(seed: u64, parts: &[u64]) -> u64 {
    parts.iter().fold(mix(seed), |h, &p| mix(h ^ p))
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
    /// True with probability `per_10k` / 10,000.
    fn chance(&mut self, per_10k: u64) -> bool {
        self.below(10_000) < per_10k
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
    /// A Zipf-like rank in `0..n`: log-uniform, so rank r is drawn with probability ∝ 1/(r+1).
    fn zipf(&mut self, n: u64) -> u64 {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        // exp and ln are correctly rounded enough on every platform Rust supports for the
        // floor to be stable; the result is clamped anyway.
        let r = ((n as f64 + 1.0).ln() * u).exp().floor() as u64;
        r.saturating_sub(1).min(n - 1)
    }
}

// ---------------------------------------------------------------------------------------
// Calendar, without chrono so the example's output does not depend on its version.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A day number: days since 2000-01-01 (a Saturday). The archive starts on
/// [`ARCHIVE_START`], so meetings before its first article still have real dates.
type Day = i64;

/// 2015-01-01, the publication date of the first article.
const ARCHIVE_START: Day = 5_479;

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn month_len(y: i64, m: usize) -> i64 {
    [
        31,
        if is_leap(y) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][m]
}

/// (year, month 1-12, day 1-31) of a day number (non-negative).
fn ymd(mut d: Day) -> (i64, usize, i64) {
    let mut y = 2000;
    loop {
        let len = if is_leap(y) { 366 } else { 365 };
        if d < len {
            break;
        }
        d -= len;
        y += 1;
    }
    let mut m = 0;
    while d >= month_len(y, m) {
        d -= month_len(y, m);
        m += 1;
    }
    (y, m + 1, d + 1)
}

/// Weekday index, 0 = Monday.
fn weekday(d: Day) -> usize {
    (d + 5).rem_euclid(7) as usize
}

fn iso(d: Day) -> String {
    let (y, m, dd) = ymd(d);
    format!("{y:04}-{m:02}-{dd:02}")
}

/// "March 4, 2024" or "4 March 2024".
fn long_date(d: Day, british: bool) -> String {
    let (y, m, dd) = ymd(d);
    if british {
        format!("{dd} {} {y}", MONTHS[m - 1])
    } else {
        format!("{} {dd}, {y}", MONTHS[m - 1])
    }
}

use factdiff::text::ordinal;

fn number_word(n: u64) -> String {
    const W: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    if n < 13 {
        W[n as usize].to_string()
    } else {
        n.to_string()
    }
}

// ---------------------------------------------------------------------------------------
// Vocabulary.

/// Given names listed in rules/names.toml, so the extractor knows them as names.
const GIVEN: &[&str] = &[
    "Adrián",
    "Alberto",
    "Alejandro",
    "Alfonso",
    "Alicia",
    "Ana",
    "Andrés",
    "Ángel",
    "Antonio",
    "Beatriz",
    "Carlos",
    "Carmen",
    "Carolina",
    "Cristina",
    "Daniel",
    "David",
    "Diego",
    "Dolores",
    "Eduardo",
    "Elena",
    "Emilio",
    "Enrique",
    "Felipe",
    "Fernando",
    "Francisco",
    "Gabriel",
    "Gonzalo",
    "Ignacio",
    "Inés",
    "Irene",
    "Isabel",
    "Jaime",
    "Javier",
    "Jorge",
    "José",
    "Juan",
    "Julia",
    "Laura",
    "Lucía",
    "Luis",
    "Manuel",
    "Marcos",
    "María",
    "Marta",
    "Miguel",
    "Pablo",
    "Paloma",
    "Pilar",
    "Rafael",
    "Raúl",
    "Ricardo",
    "Rosa",
    "Santiago",
    "Sergio",
    "Sofía",
    "Teresa",
    "Tomás",
    "Víctor",
    "João",
    "Paulo",
    "Rui",
    "Abdellah",
    "Abdelkader",
    "Ahmed",
    "Amina",
    "Brahim",
    "Driss",
    "Fatima",
    "Fouad",
    "Hakim",
    "Hamid",
    "Hassan",
    "Hicham",
    "Houda",
    "Jamal",
    "Kamal",
    "Karim",
    "Karima",
    "Khadija",
    "Khalid",
    "Lahcen",
    "Latifa",
    "Leila",
    "Mehdi",
    "Mohamed",
    "Mounir",
    "Mustapha",
    "Nabil",
    "Nadia",
    "Nawal",
    "Omar",
    "Rachid",
    "Said",
    "Samir",
    "Samira",
    "Tarik",
    "Yassine",
    "Youssef",
    "Younes",
    "Zakaria",
    "Zineb",
    "Alain",
    "Anne",
    "Bernard",
    "Catherine",
    "Christophe",
    "Claude",
    "Dominique",
    "Hélène",
    "Jacques",
    "Laurent",
    "Marie",
    "Michel",
    "Nicolas",
    "Olivier",
    "Philippe",
    "Pierre",
    "Sylvie",
    "Thierry",
    "Valérie",
    "Andrew",
    "Charles",
    "Edward",
    "Emily",
    "George",
    "James",
    "Jane",
    "John",
    "Mark",
    "Mary",
    "Michael",
    "Paul",
    "Peter",
    "Sarah",
    "Thomas",
    "William",
];

/// Invented-looking surnames (none is a knowledge-base person's).
const SURNAMES: &[&str] = &[
    "Alaoui",
    "Bennani",
    "Benali",
    "Tazi",
    "Berrada",
    "Chraibi",
    "Fassi",
    "Idrissi",
    "Kettani",
    "Lahlou",
    "Mernissi",
    "Naciri",
    "Ouazzani",
    "Sqalli",
    "Zniber",
    "Amrani",
    "Belhaj",
    "Bouzid",
    "Cherkaoui",
    "Daoudi",
    "Elmrabet",
    "Ghazi",
    "Hajji",
    "Jebli",
    "Kabbaj",
    "Lamrani",
    "Mansour",
    "Nejjar",
    "Ouali",
    "Rami",
    "Saidi",
    "Talbi",
    "Wahbi",
    "Yacoubi",
    "Zahraoui",
    "Ruiz",
    "Gil",
    "Ortega",
    "Vidal",
    "Navarro",
    "Serrano",
    "Molina",
    "Delgado",
    "Castillo",
    "Ortiz",
    "Rubio",
    "Marín",
    "Sanz",
    "Iglesias",
    "Medina",
    "Garrido",
    "Cortés",
    "Castro",
    "Lozano",
    "Guerrero",
    "Cano",
    "Prieto",
    "Méndez",
    "Calvo",
    "Cruz",
    "Gallego",
    "Vega",
    "Herrera",
    "Peña",
    "León",
    "Márquez",
    "Cabrera",
    "Flores",
    "Campos",
    "Vázquez",
    "Fuentes",
    "Carrasco",
    "Diez",
    "Caballero",
    "Nieto",
    "Reyes",
    "Aguilar",
    "Pascual",
    "Santana",
    "Herrero",
    "Montero",
    "Hidalgo",
    "Giménez",
    "Ibáñez",
    "Ferrer",
    "Durán",
    "Santiago",
    "Benítez",
    "Mora",
    "Vicente",
    "Vargas",
    "Arias",
    "Carmona",
    "Crespo",
    "Román",
    "Pastor",
    "Soto",
    "Sáez",
    "Velasco",
    "Soler",
    "Moya",
    "Esteban",
    "Parra",
    "Bravo",
    "Gallardo",
    "Rojas",
    "Pardo",
    "Merino",
    "Franco",
    "Espinosa",
    "Izquierdo",
    "Lorenzo",
    "Montes",
    "Rivera",
    "Sosa",
    "Silva",
    "Ferreira",
    "Pereira",
    "Costa",
    "Carvalho",
    "Sousa",
    "Lopes",
    "Mendes",
    "Duarte",
    "Dubois",
    "Lefebvre",
    "Moreau",
    "Laurent",
    "Girard",
    "Fontaine",
    "Mercier",
    "Rousseau",
    "Blanchard",
    "Garnier",
    "Chevalier",
    "Faure",
    "Perrin",
    "Morel",
    "Bonnet",
    "Lemaire",
    "Marchand",
    "Dufour",
    "Renaud",
    "Barbier",
];

/// A country the generator writes about: name, demonym, cities (all in rules/places.toml).
struct Country {
    name: &'static str,
    demonym: &'static str,
    cities: &'static [&'static str],
}

const COUNTRIES: &[Country] = &[
    Country {
        name: "Morocco",
        demonym: "Moroccan",
        cities: &[
            "Rabat",
            "Casablanca",
            "Marrakech",
            "Tangier",
            "Fez",
            "Agadir",
            "Oujda",
            "Dakhla",
        ],
    },
    Country {
        name: "Spain",
        demonym: "Spanish",
        cities: &[
            "Madrid",
            "Barcelona",
            "Seville",
            "Valencia",
            "Malaga",
            "Cadiz",
        ],
    },
    Country {
        name: "France",
        demonym: "French",
        cities: &["Paris"],
    },
    Country {
        name: "Portugal",
        demonym: "Portuguese",
        cities: &["Lisbon"],
    },
    Country {
        name: "Algeria",
        demonym: "Algerian",
        cities: &["Algiers"],
    },
    Country {
        name: "Tunisia",
        demonym: "Tunisian",
        cities: &["Tunis"],
    },
    Country {
        name: "Senegal",
        demonym: "Senegalese",
        cities: &["Dakar"],
    },
    Country {
        name: "Mauritania",
        demonym: "Mauritanian",
        cities: &["Nouakchott"],
    },
];

/// Invented titles (office, exclusive) for invented people; all read as titles by factdiff.
const TITLES: &[&str] = &[
    "Minister of Fisheries",
    "Minister of Energy Transition",
    "Minister of Trade",
    "Minister of Health",
    "Minister of Education",
    "Minister of Transport",
    "Minister of Tourism",
    "Minister of Culture",
    "Secretary of State for Trade",
    "Secretary of State for Energy",
    "Secretary of State for Digital Affairs",
    "Director General of Customs",
    "Director General of Civil Protection",
    "Director of Migration and Border Surveillance",
    "Director of Consular Affairs",
    "Commissioner General of Intelligence",
    "Commissioner General of Judicial Police",
    "Ambassador",
    "Deputy Minister of Foreign Affairs",
    "Secretary General of the Ministry of Industry",
];

/// Meeting series: the two of rules/series.toml (with their aliases) and invented ones.
fn series_names() -> Vec<(Vec<String>, usize, usize)> {
    // (names, country a, country b) with countries as indices into COUNTRIES.
    let mut out = vec![
        (
            vec![
                "Moroccan-Spanish Permanent Joint Migration Group".to_string(),
                "Mixed Migration Group".to_string(),
                "Permanent Joint Migration Group".to_string(),
            ],
            0,
            1,
        ),
        (
            vec![
                "Morocco-Spain High-Level Meeting".to_string(),
                "Spain-Morocco High-Level Meeting".to_string(),
            ],
            1,
            0,
        ),
    ];
    let pairs: [(&str, usize, usize); 8] = [
        ("Franco-Moroccan", 2, 0),
        ("Hispano-Portuguese", 1, 3),
        ("Moroccan-Senegalese", 0, 6),
        ("Spanish-Algerian", 1, 4),
        ("Tunisian-Moroccan", 5, 0),
        ("Luso-Moroccan", 3, 0),
        ("Franco-Spanish", 2, 1),
        ("Moroccan-Mauritanian", 0, 7),
    ];
    let bodies = [
        "Joint Commission",
        "Joint Committee on Fisheries",
        "Mixed Commission on Trade",
        "Permanent Council on Energy",
        "Joint Working Group on Security",
    ];
    for b in bodies {
        for (adj, a, c) in pairs {
            out.push((vec![format!("{adj} {b}")], a, c));
        }
    }
    out
}

/// A knowledge-base person and a title they held (mirrors rules/people.toml).
struct KbRole {
    name: &'static str,
    /// Name written without accents (for the spelling plant), when it has any.
    plain: Option<&'static str>,
    /// Title written before the name.
    before: &'static str,
    /// Or in apposition after it.
    after: &'static str,
    from: &'static str,
    to: &'static str,
    /// A title the person never held, for the wrong-title plant.
    wrong: &'static str,
}

const KB_ROLES: &[KbRole] = &[
    KbRole {
        name: "Aziz Akhannouch",
        plain: None,
        before: "Moroccan Head of Government",
        after: "Morocco's Head of Government",
        from: "2021-10-07",
        to: "9999",
        wrong: "Chief Executive Officer",
    },
    KbRole {
        name: "Saadeddine El Othmani",
        plain: None,
        before: "Moroccan Head of Government",
        after: "Morocco's Head of Government",
        from: "2017-03-17",
        to: "2021-10-07",
        wrong: "Interior Minister",
    },
    KbRole {
        name: "Abdelilah Benkirane",
        plain: None,
        before: "Moroccan Head of Government",
        after: "Morocco's Head of Government",
        from: "2011-11-29",
        to: "2017-03-17",
        wrong: "Foreign Minister",
    },
    KbRole {
        name: "Nasser Bourita",
        plain: None,
        before: "Moroccan Foreign Minister",
        after: "Morocco's Minister of Foreign Affairs",
        from: "2017-04-05",
        to: "9999",
        wrong: "Interior Minister",
    },
    KbRole {
        name: "Abdelouafi Laftit",
        plain: None,
        before: "Moroccan Interior Minister",
        after: "Morocco's Minister of the Interior",
        from: "2017-04-05",
        to: "9999",
        wrong: "Foreign Minister",
    },
    KbRole {
        name: "Pedro Sánchez",
        plain: Some("Pedro Sanchez"),
        before: "Spanish Prime Minister",
        after: "President of the Spanish government",
        from: "2018-06-02",
        to: "9999",
        wrong: "Foreign Minister",
    },
    KbRole {
        name: "Mariano Rajoy",
        plain: None,
        before: "Spanish Prime Minister",
        after: "President of the Spanish government",
        from: "2011-12-21",
        to: "2018-06-01",
        wrong: "Interior Minister",
    },
    KbRole {
        name: "José Manuel Albares",
        plain: Some("Jose Manuel Albares"),
        before: "Spanish Foreign Minister",
        after: "Spain's Minister of Foreign Affairs",
        from: "2021-07-12",
        to: "9999",
        wrong: "Interior Minister",
    },
    KbRole {
        name: "Arancha González Laya",
        plain: Some("Arancha Gonzalez Laya"),
        before: "Spanish Foreign Minister",
        after: "Spain's Minister of Foreign Affairs",
        from: "2020-01-13",
        to: "2021-07-12",
        wrong: "Prime Minister",
    },
    KbRole {
        name: "Fernando Grande-Marlaska",
        plain: None,
        before: "Spanish Interior Minister",
        after: "Spain's Minister of the Interior",
        from: "2018-06-07",
        to: "9999",
        wrong: "Defence Minister",
    },
    KbRole {
        name: "Abdellatif Hammouchi",
        plain: None,
        before: "Director General of National Security",
        after: "Director General of National Security",
        from: "2015-05-15",
        to: "9999",
        wrong: "Commander of the Royal Gendarmerie",
    },
    KbRole {
        name: "Emmanuel Macron",
        plain: None,
        before: "French President",
        after: "President of France",
        from: "2017-05-14",
        to: "9999",
        wrong: "Prime Minister",
    },
    KbRole {
        name: "Abdelmadjid Tebboune",
        plain: None,
        before: "Algerian President",
        after: "President of Algeria",
        from: "2019-12-19",
        to: "9999",
        wrong: "Prime Minister",
    },
    KbRole {
        name: "Joe Biden",
        plain: None,
        before: "US President",
        after: "President of the United States",
        from: "2021-01-20",
        to: "2025-01-20",
        wrong: "Secretary of State",
    },
];

const OUTLETS: &[&str] = &[
    "Atlantic Daily",
    "Strait Herald",
    "Maghreb Wire",
    "Iberian Observer",
    "Rif Courier",
    "Mediterranean Post",
    "Sahel Monitor",
    "Tagus Tribune",
];

const TOPICS: &[&str] = &[
    "migration",
    "fisheries",
    "energy interconnection",
    "port logistics",
    "customs cooperation",
    "renewable energy",
    "water management",
    "security cooperation",
    "tourism",
    "vocational training",
    "agricultural exports",
    "maritime safety",
    "cultural exchange",
    "digital services",
    "railway links",
    "public health",
];

const COUNTED: &[&str] = &[
    "ministers",
    "delegates",
    "experts",
    "officials",
    "business leaders",
];

/// Sentences with no claims in them, the bulk of a news article. `{t}` is a topic, `{a}` and
/// `{b}` the two countries.
const FILLER: &[&str] = &[
    "The talks focused on {t}, a file that both governments describe as a priority for the coming years.",
    "Officials from {a} and {b} have worked on {t} for more than a decade, with uneven results.",
    "Observers note that progress on {t} has often depended on the wider political climate between the two capitals.",
    "Business associations welcomed the renewed attention to {t}, which they say has been neglected.",
    "Several working groups were set up to follow the implementation of the commitments on {t}.",
    "The two delegations reviewed the projects already under way and identified the obstacles that remain.",
    "According to the final communiqué, both sides intend to strengthen coordination and exchange information more regularly.",
    "Critics argue that the agreements announced so far lack precise timetables and dedicated budgets.",
    "Trade between {a} and {b} has grown steadily, although it remains concentrated in a handful of sectors.",
    "Local authorities in border regions have asked to be more closely involved in decisions on {t}.",
    "The opposition questioned whether the government had consulted parliament before committing to new measures on {t}.",
    "Experts say the real test will be whether the pledges on {t} translate into concrete projects on the ground.",
    "Civil society organisations called for greater transparency in the negotiations.",
    "Funding for the first phase is expected to come from public budgets and international partners.",
    "Both sides stressed the importance of a stable and predictable framework for investors.",
    "The discussions took place in a cordial atmosphere, participants said, despite lingering disagreements.",
    "A joint technical team will report back on {t} before the end of the year.",
    "Universities and research centres in {a} and {b} are expected to take part in the new programmes.",
    "The agreement builds on earlier memoranda of understanding signed in previous years.",
    "Shipping companies have long complained about delays and paperwork, which the new measures aim to reduce.",
    "Analysts point out that the region faces common challenges, from climate change to youth unemployment.",
    "The two governments also discussed regional developments and their positions in international forums.",
    "Diplomatic sources described the atmosphere as constructive and focused on practical outcomes.",
    "The plan includes training programmes, pilot projects and a monitoring mechanism.",
    "Previous rounds of talks had stalled over technical questions that negotiators now say are resolved.",
    "The initiative is part of a broader strategy to diversify economic partners and attract investment.",
];

/// A co-chair's statement is four clauses, one from each list, so that statements about
/// different meetings rarely coincide (the quote rule would take them for one quotation).
const QUOTE_OPENINGS: &[&str] = &[
    "We will continue working together on {t}",
    "This meeting confirms the excellent state of our relations on {t}",
    "Our partnership on {t} is built on trust, mutual respect and shared responsibility",
    "We have agreed on a clear roadmap for {t}",
    "The challenges we face on {t} can only be met together",
    "Today we have taken an important step forward on {t}",
    "Our two governments share the same ambition for {t}",
    "The dialogue between our administrations on {t} has never been so intense",
];
const QUOTE_MIDDLES: &[&str] = &[
    "and our teams will now work on the details",
    "and we expect the first results within a year",
    "because our citizens are waiting for concrete answers",
    "with determination and solidarity",
    "and the private sector will be closely involved",
    "even if some questions remain open",
    "and we will meet again to review the progress made",
    "in full respect of our international commitments",
];
const QUOTE_ENDINGS: &[&str] = &[
    "for the benefit of both peoples",
    "in a spirit of good neighbourliness",
    "as our leaders asked us to do",
    "and nobody should doubt our commitment",
    "so that this cooperation becomes a model for the region",
    "with the support of our European partners",
    "starting with the most urgent projects",
    "while keeping parliament informed at every stage",
];

const QUOTE_CODAS: &[&str] = &[
    "and that is what matters most",
    "and we are proud of it",
    "whatever the difficulties",
    "step by step",
    "with patience and realism",
    "in the months to come",
    "without losing any time",
    "together with local authorities",
];

/// The co-chair's statement for a meeting.
fn statement(pick: u64, topic: &str) -> String {
    let n = QUOTE_OPENINGS.len() as u64;
    let open = QUOTE_OPENINGS[(pick % n) as usize].replace("{t}", topic);
    let mid = QUOTE_MIDDLES[((pick / n) % QUOTE_MIDDLES.len() as u64) as usize];
    let end = QUOTE_ENDINGS[((pick / n / n) % QUOTE_ENDINGS.len() as u64) as usize];
    let coda = QUOTE_CODAS[((pick / n / n / n) % QUOTE_CODAS.len() as u64) as usize];
    format!("{open}, {mid}, {end}, {coda}")
}

/// Reworded quotations: same idea, one word swapped (for the quote plant).
fn reword(q: &str) -> String {
    for (a, b) in [
        ("continue working", "keep working"),
        ("excellent state", "very good state"),
        ("built on trust", "based on trust"),
        ("clear roadmap", "precise roadmap"),
        ("can only be met", "can only be faced"),
        ("important step", "decisive step"),
        ("same ambition", "same goal"),
        ("so intense", "so close"),
    ] {
        if q.contains(a) {
            return q.replacen(a, b, 1);
        }
    }
    q.to_string()
}

// ---------------------------------------------------------------------------------------
// The world.

struct World {
    seed: u64,
    series: Vec<(Vec<String>, usize, usize)>,
}

/// How many invented people there are to draw from.
const PEOPLE: u64 = 60_000;

struct Person {
    name: String,
    surname: String,
    country: usize,
    title: &'static str,
}

/// One meeting of one series.
struct Meeting {
    ordinal: u64,
    day: Day,
    city: &'static str,
    other_city: &'static str,
    chairs: [u64; 2],
    count: u64,
    counted: &'static str,
    topic: &'static str,
    /// Picks the wording of the co-chair's statement.
    quote: u64,
}

impl World {
    fn new(seed: u64) -> World {
        World {
            seed,
            series: series_names(),
        }
    }

    fn person(&self, r: u64) -> Person {
        let h = fact(self.seed, &[1, r]);
        let given = GIVEN[(h % GIVEN.len() as u64) as usize];
        let s1 = SURNAMES[((h >> 16) % SURNAMES.len() as u64) as usize];
        let mut surname = s1.to_string();
        if (h >> 32) % 3 == 0 {
            let s2 = SURNAMES[((h >> 40) % SURNAMES.len() as u64) as usize];
            if s2 != s1 {
                surname = format!("{s1} {s2}");
            }
        }
        let country = ((h >> 48) % 4) as usize; // mostly MA, ES, FR, PT
        let country = if (h >> 52) % 5 == 0 {
            ((h >> 56) % COUNTRIES.len() as u64) as usize
        } else {
            country
        };
        let title = TITLES[((h >> 24) % TITLES.len() as u64) as usize];
        Person {
            name: format!("{given} {surname}"),
            surname: s1.to_string(),
            country,
            title,
        }
    }

    /// Period and first meeting day of a series: meeting `k` (0-based) is numbered `k + 1`
    /// and held about `start + k * period`. Series were set up before the archive starts, so
    /// the first articles already report their 2nd to 25th meetings.
    fn series_clock(&self, s: usize) -> (i64, Day) {
        let h = fact(self.seed, &[2, s as u64]);
        let period = 28 + (h % 90) as i64;
        let held_before = 1 + ((h >> 20) % 24) as i64;
        let start = ARCHIVE_START - held_before * period - ((h >> 40) % period as u64) as i64;
        (period, start)
    }

    /// The meeting `k` of series `s`.
    fn meeting(&self, s: usize, k: i64) -> Meeting {
        let (period, start) = self.series_clock(s);
        let h = fact(self.seed, &[3, s as u64, k as u64]);
        let (_, a, b) = &self.series[s];
        let host = if k.rem_euclid(2) == 0 { *a } else { *b };
        let guest = if host == *a { *b } else { *a };
        let cities = COUNTRIES[host].cities;
        let city = cities[(h % cities.len() as u64) as usize];
        let others = COUNTRIES[guest].cities;
        let other_city = others[((h >> 8) % others.len() as u64) as usize];
        // Co-chairs change every few meetings; they come from the popular end of the ranks.
        let era = k.div_euclid(4) as u64;
        let ch = fact(self.seed, &[4, s as u64, era]);
        let chairs = [ch % 3_000, (ch >> 32) % 3_000];
        let jitter = ((h >> 16) % 5) as i64;
        Meeting {
            ordinal: (k + 1).max(1) as u64,
            day: start + k * period + jitter,
            city,
            other_city,
            chairs,
            count: 6 + (h >> 24) % 40,
            counted: COUNTED[((h >> 32) % COUNTED.len() as u64) as usize],
            topic: TOPICS[((h >> 40) % TOPICS.len() as u64) as usize],
            quote: h >> 48,
        }
    }

    /// The index of the last meeting of series `s` held on or before `day`.
    fn last_meeting(&self, s: usize, day: Day) -> i64 {
        let (period, start) = self.series_clock(s);
        let mut k = (day - start).div_euclid(period);
        while k > 0 && self.meeting(s, k).day > day {
            k -= 1;
        }
        k
    }
}

fn kb_roles_at(day: Day) -> Vec<&'static KbRole> {
    let d = iso(day);
    KB_ROLES
        .iter()
        .filter(|r| r.from <= d.as_str() && d.as_str() < r.to)
        .collect()
}

// ---------------------------------------------------------------------------------------
// Articles.

/// An article before it is given a format.
struct Article {
    title: String,
    outlet: &'static str,
    dateline_city: &'static str,
    published: Day,
    paragraphs: Vec<String>,
}

fn fill(template: &str, topic: &str, a: &str, b: &str) -> String {
    template
        .replace("{t}", topic)
        .replace("{a}", a)
        .replace("{b}", b)
}

/// "Moroccan Minister of Fisheries Karim Tazi" or "Karim Tazi, Morocco's Minister of Fisheries,".
fn introduce(p: &Person, title: &str, rng: &mut Rng) -> String {
    let c = &COUNTRIES[p.country];
    if rng.chance(5_000) {
        format!("{} {} {}", c.demonym, title, p.name)
    } else {
        format!("{}, {}'s {},", p.name, c.name, title)
    }
}

fn date_phrase(day: Day, published: Day, rng: &mut Rng, planted: &mut Planted) -> String {
    let ago = published - day;
    // Relative weekday for the last few days, as news copy does.
    if (1..=6).contains(&ago) && rng.chance(3_000) {
        return if ago == 1 && rng.chance(5_000) {
            "yesterday".to_string()
        } else if rng.chance(5_000) {
            format!("on {}", WEEKDAYS[weekday(day)])
        } else {
            format!("last {}", WEEKDAYS[weekday(day)])
        };
    }
    let british = rng.chance(3_000);
    if rng.chance(1_500) {
        // "on Monday, March 4, 2025"; now and then with the wrong weekday.
        let mut wd = weekday(day);
        if rng.chance(300) {
            wd = (wd + 1 + rng.below(6) as usize) % 7;
            planted.weekday += 1;
        }
        return format!("on {}, {}", WEEKDAYS[wd], long_date(day, british));
    }
    format!("on {}", long_date(day, british))
}

fn write_article(world: &World, i: u64, planted: &mut Planted) -> Article {
    let mut rng = Rng(fact(world.seed, &[9, i]));
    let published = ARCHIVE_START + (i / ARTICLES_PER_DAY) as Day;
    let outlet = rng.pick(OUTLETS);
    let target = rng.range(2_000, 7_600) as usize;
    let mut paras: Vec<String> = Vec::new();
    let mut used = 0usize;
    let push = |paras: &mut Vec<String>, used: &mut usize, p: String| {
        *used += p.len() + 2;
        paras.push(p);
    };

    let about_meeting = rng.chance(6_500);
    let s = rng.zipf(world.series.len() as u64) as usize;
    let (names, ca, cb) = &world.series[s];
    let (a, b) = (&COUNTRIES[*ca], &COUNTRIES[*cb]);
    let topic;
    let title;
    let dateline_city;
    let mut quote_speaker: Option<Person> = None;
    let mut quote_text = String::new();
    if about_meeting {
        let k = world.last_meeting(s, published);
        let upcoming = published - world.meeting(s, k).day > 21;
        let m = world.meeting(s, if upcoming { k + 1 } else { k });
        topic = m.topic;
        let series_name = if rng.chance(8_000) {
            names[0].clone()
        } else {
            names[rng.below(names.len() as u64) as usize].clone()
        };
        let mut ord = m.ordinal;
        if rng.chance(60) {
            ord += 1;
            planted.ordinal += 1;
        }
        let mut day = m.day;
        if rng.chance(60) {
            day += rng.range(1, 3) as Day;
            planted.date += 1;
        }
        let mut city = m.city;
        if rng.chance(60) {
            city = m.other_city;
            planted.place += 1;
        }
        let mut count = m.count;
        if rng.chance(60) {
            count += rng.range(1, 4);
            planted.count += 1;
        }
        dateline_city = if upcoming { a.cities[0] } else { city };
        let chairs: Vec<Person> = m.chairs.iter().map(|&r| world.person(r)).collect();
        let when = date_phrase(day, published, &mut rng, planted);
        let count_text = if count <= 12 && rng.chance(5_000) {
            number_word(count)
        } else {
            count.to_string()
        };
        if upcoming {
            title = format!("{} to meet in {}", series_name, city);
            push(
                &mut paras,
                &mut used,
                format!(
                    "The {} will hold its {} meeting in {} on {}, officials from both countries said. The meeting will be chaired by {} and {}.",
                    series_name,
                    ordinal(ord),
                    city,
                    long_date(day, false),
                    introduce(&chairs[0], chairs[0].title, &mut rng).trim_end_matches(','),
                    introduce(&chairs[1], chairs[1].title, &mut rng).trim_end_matches(',')
                ),
            );
        } else {
            title = format!(
                "{} and {} agree to step up cooperation on {}",
                a.name, b.name, topic
            );
            let lead = match rng.below(3) {
                0 => format!(
                    "The {} held its {} meeting in {} {}, chaired by {} and {}.",
                    series_name,
                    ordinal(ord),
                    city,
                    when,
                    introduce(&chairs[0], chairs[0].title, &mut rng).trim_end_matches(','),
                    introduce(&chairs[1], chairs[1].title, &mut rng).trim_end_matches(',')
                ),
                1 => format!(
                    "The {} meeting of the {} took place in {} {}. It was chaired by {} and {}.",
                    ordinal(ord),
                    series_name,
                    city,
                    when,
                    chairs[0].name,
                    chairs[1].name
                ),
                _ => format!(
                    "{} hosted the {} meeting of the {} {}, which brought together {} and {}.",
                    city,
                    ordinal(ord),
                    series_name,
                    when,
                    chairs[0].name,
                    chairs[1].name
                ),
            };
            push(&mut paras, &mut used, lead);
            push(
                &mut paras,
                &mut used,
                format!(
                    "The meeting brought together {} {} from both countries, according to the organisers. {}",
                    count_text,
                    m.counted,
                    fill(rng.pick(FILLER), topic, a.name, b.name)
                ),
            );
        }
        let mut q = statement(m.quote, topic);
        if rng.chance(80) {
            q = reword(&q);
            planted.quote += 1;
        }
        quote_text = q;
        quote_speaker = Some(world.person(m.chairs[0]));
    } else {
        topic = rng.pick(TOPICS);
        dateline_city = rng.pick(a.cities);
        title = format!("{} weighs new measures on {}", a.name, topic);
        push(
            &mut paras,
            &mut used,
            format!(
                "{} is preparing new measures on {}, the government said. {}",
                a.name,
                topic,
                fill(rng.pick(FILLER), topic, a.name, b.name)
            ),
        );
    }

    // People: a few invented officials, Zipf over ranks, and knowledge-base people.
    let mut sentences: Vec<String> = Vec::new();
    for _ in 0..rng.range(1, 4) {
        let p = world.person(rng.zipf(PEOPLE));
        let mut t = p.title;
        if rng.chance(20) {
            t = TITLES[(TITLES.iter().position(|x| *x == t).unwrap_or(0) + 1) % TITLES.len()];
            planted.role += 1;
        }
        let intro = introduce(&p, t, &mut rng);
        sentences.push(match rng.below(4) {
            0 => format!("{intro} said the government would present a plan on {topic} within months."),
            1 => format!("{intro} told reporters that the file of {topic} was moving in the right direction."),
            2 => format!("{intro} is expected to brief parliament on {topic} next month."),
            _ => format!("{intro} met representatives of the sector to discuss {topic}."),
        });
        if rng.chance(5_000) {
            sentences.push(format!(
                "{} added that the talks had been \"frank and useful\".",
                p.surname
            ));
        }
    }
    let roles = kb_roles_at(published);
    if !roles.is_empty() {
        for _ in 0..rng.range(0, 2) {
            let r = rng.pick(&roles);
            let mut name = r.name;
            if let Some(plain) = r.plain {
                if rng.chance(40) {
                    name = plain;
                    planted.spelling += 1;
                }
            }
            let s = if rng.chance(40) {
                planted.kb_title += 1;
                format!(
                    "The delegation was led by {} {}, officials said.",
                    r.wrong, name
                )
            } else if rng.chance(5_000) {
                format!("{} {} welcomed the outcome of the talks.", r.before, name)
            } else {
                format!("{}, {}, welcomed the outcome of the talks.", name, r.after)
            };
            sentences.push(s);
        }
    }
    if let Some(p) = &quote_speaker {
        sentences.push(format!("\u{201c}{},\u{201d} said {}.", quote_text, p.name));
    }
    if rng.chance(3_000) {
        let c = rng.range(3, 60);
        sentences.push(format!(
            "A delegation of {} {} is expected to travel to {} in {} {}.",
            c,
            rng.pick(COUNTED),
            rng.pick(b.cities),
            MONTHS[ymd(published + 40).1 - 1],
            ymd(published + 40).0
        ));
    }
    // Interleave the claim sentences with filler until the article reaches its size.
    let mut claims = sentences.into_iter();
    while used < target {
        let mut p = String::new();
        let mut last = usize::MAX;
        for _ in 0..rng.range(2, 5) {
            let mut f = rng.below(FILLER.len() as u64) as usize;
            if f == last {
                f = (f + 1) % FILLER.len();
            }
            last = f;
            if !p.is_empty() {
                p.push(' ');
            }
            p.push_str(&fill(FILLER[f], topic, a.name, b.name));
        }
        if let Some(c) = claims.next() {
            p.push(' ');
            p.push_str(&c);
        }
        push(&mut paras, &mut used, p);
    }
    for c in claims {
        push(&mut paras, &mut used, c);
    }
    Article {
        title,
        outlet,
        dateline_city,
        published,
        paragraphs: paras,
    }
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).expect("strings serialise")
}

/// Renders an article in one of the four formats; returns (extension, bytes, format index).
fn render(article: &Article, i: u64, seed: u64) -> (&'static str, String, usize) {
    let pick = fact(seed, &[10, i]) % 100;
    let date = iso(article.published);
    let mut out = String::with_capacity(8_192);
    if pick < 78 {
        // Plain text: headline, dateline with the publication date, paragraphs.
        let british = fact(seed, &[11, i]) % 3 == 0;
        let _ = write!(
            out,
            "{}\n\n{}, {} - ",
            article.title,
            article.dateline_city,
            long_date(article.published, british)
        );
        for p in &article.paragraphs {
            out.push_str(p);
            out.push_str("\n\n");
        }
        ("txt", out, 0)
    } else if pick < 88 {
        let _ = write!(
            out,
            "---\ntitle: \"{}\"\ndate: {}\nsource: {}\n---\n\n# {}\n\n",
            article.title, date, article.outlet, article.title
        );
        for p in &article.paragraphs {
            out.push_str(p);
            out.push_str("\n\n");
        }
        ("md", out, 1)
    } else if pick < 95 {
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title>\n<meta property=\"og:site_name\" content=\"{o}\">\n<meta property=\"article:published_time\" content=\"{date}T08:00:00+00:00\">\n</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n<article><h1>{t}</h1>\n",
            t = html_escape(&article.title),
            o = html_escape(article.outlet),
        );
        for p in &article.paragraphs {
            let _ = writeln!(out, "<p>{}</p>", html_escape(p));
        }
        out.push_str("</article><footer>&copy; ");
        out.push_str(&html_escape(article.outlet));
        out.push_str("</footer></body></html>\n");
        ("html", out, 2)
    } else {
        let mut content = String::new();
        for p in &article.paragraphs {
            let _ = writeln!(content, "<p>{}</p>", html_escape(p));
        }
        let _ = writeln!(
            out,
            "{{\"id\":{},\"date\":\"{}T08:00:00\",\"status\":\"publish\",\"type\":\"post\",\"link\":\"https://example.org/{}/\",\"title\":{{\"rendered\":{}}},\"content\":{{\"rendered\":{},\"protected\":false}}}}",
            i + 1,
            date,
            i,
            json_string(&html_escape(&article.title)),
            json_string(&content)
        );
        ("json", out, 3)
    }
}

/// Writes the corpus described by `opts`.
pub fn generate(opts: &GenOptions) -> io::Result<GenStats> {
    if opts.target_bytes.is_none() && opts.articles.is_none() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "give --mb or --articles",
        ));
    }
    prepare_out(&opts.out, opts.force)?;
    let world = World::new(opts.seed);
    let mut stats = GenStats::default();
    let per_folder = opts.per_folder.max(1);
    let mut i = 0u64;
    let mut folder_made = u64::MAX;
    loop {
        if opts.articles.is_some_and(|n| i >= n)
            || opts.target_bytes.is_some_and(|b| stats.bytes >= b)
        {
            break;
        }
        let mut planted = Planted::default();
        let article = write_article(&world, i, &mut planted);
        let (ext, text, format) = render(&article, i, opts.seed);
        let folder = i / per_folder;
        let dir = opts.out.join(format!("d{folder:04}"));
        if folder != folder_made {
            fs::create_dir_all(&dir)?;
            folder_made = folder;
        }
        fs::write(dir.join(format!("a{i:07}.{ext}")), text.as_bytes())?;
        if i == 0 {
            stats.first_date = iso(article.published);
        }
        stats.last_date = iso(article.published);
        stats.bytes += text.len() as u64;
        stats.by_format[format] += 1;
        stats.planted.add(&planted);
        i += 1;
    }
    stats.articles = i;
    fs::write(opts.out.join(MANIFEST), stats.manifest(opts))?;
    Ok(stats)
}

/// Creates `out`, or empties it when it holds a generated corpus and `force` is set.
fn prepare_out(out: &Path, force: bool) -> io::Result<()> {
    if out.exists() {
        let empty = fs::read_dir(out)?.next().is_none();
        if !empty {
            if !force {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{} is not empty (use --force to replace a generated corpus)",
                        out.display()
                    ),
                ));
            }
            // Only ever delete what this generator wrote.
            if !out.join(MANIFEST).exists() {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{} has no {MANIFEST}: not a generated corpus, not deleting it",
                        out.display()
                    ),
                ));
            }
            fs::remove_dir_all(out)?;
        }
    }
    fs::create_dir_all(out)
}

fn usage() -> ! {
    eprintln!(
        "usage: gen_corpus --out DIR (--mb N | --articles N) [--seed N] [--per-folder N] [--force]"
    );
    std::process::exit(2)
}

/// Parses the command line (see the module documentation).
pub fn parse_args(args: impl Iterator<Item = String>) -> GenOptions {
    let mut opts = GenOptions {
        out: PathBuf::new(),
        target_bytes: None,
        articles: None,
        seed: 1,
        per_folder: 1_000,
        force: false,
    };
    let mut args = args.peekable();
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--out" => opts.out = PathBuf::from(value()),
            "--mb" => {
                let mb: f64 = value().parse().unwrap_or_else(|_| usage());
                opts.target_bytes = Some((mb * 1_000_000.0) as u64);
            }
            "--articles" => opts.articles = Some(value().parse().unwrap_or_else(|_| usage())),
            "--seed" => opts.seed = value().parse().unwrap_or_else(|_| usage()),
            "--per-folder" => opts.per_folder = value().parse().unwrap_or_else(|_| usage()),
            "--force" => opts.force = true,
            _ => usage(),
        }
    }
    if opts.out.as_os_str().is_empty() {
        usage();
    }
    opts
}

fn main() {
    let opts = parse_args(std::env::args().skip(1));
    let started = std::time::Instant::now();
    match generate(&opts) {
        Ok(stats) => {
            let mut err = io::stderr().lock();
            let _ = writeln!(
                err,
                "wrote {} articles, {:.1} MB ({} txt, {} md, {} html, {} json), {} to {}, {} planted contradictions, in {:.1} s",
                stats.articles,
                stats.bytes as f64 / 1e6,
                stats.by_format[0],
                stats.by_format[1],
                stats.by_format[2],
                stats.by_format[3],
                stats.first_date,
                stats.last_date,
                stats.planted.total(),
                started.elapsed().as_secs_f64()
            );
        }
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            std::process::exit(1);
        }
    }
}
