//! The knowledge base: people and their roles, titles and their synonyms, organisations and
//! their aliases, places, countries, meeting series — all data from `rules/*.toml`.
//!
//! The shipped `rules/` folder is embedded in the binary; `--rules DIR` adds more files.
//! Every fact keeps the file and byte span it came from, so a finding can point into the
//! rules file that says what is known.

// Errors carry the rules file so miette can point into it; they happen once per run at most.
#![allow(clippy::result_large_err)]

mod schema;

use crate::span::Span;
use crate::text::fold;
use chrono::NaiveDate;
use miette::{Diagnostic, NamedSource, SourceSpan};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use schema::RulesFile;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use thiserror::Error;
use toml::Spanned;

/// The rules files shipped with factdiff, embedded at build time.
///
/// The world gazetteer generated from open data (`rules/scripts/gen_gazetteer.py`) comes
/// first: a name is mapped by the last file that defines it, so the hand-written files (and
/// `--rules` folders after them) override any generated entry.
pub const DEFAULT_RULE_FILES: &[(&str, &str)] = &[
    (
        "rules/countries-world.toml",
        include_str!("../../rules/countries-world.toml"),
    ),
    (
        "rules/places-world.toml",
        include_str!("../../rules/places-world.toml"),
    ),
    (
        "rules/countries.toml",
        include_str!("../../rules/countries.toml"),
    ),
    ("rules/places.toml", include_str!("../../rules/places.toml")),
    ("rules/titles.toml", include_str!("../../rules/titles.toml")),
    (
        "rules/organisations.toml",
        include_str!("../../rules/organisations.toml"),
    ),
    ("rules/people.toml", include_str!("../../rules/people.toml")),
    ("rules/series.toml", include_str!("../../rules/series.toml")),
    ("rules/names.toml", include_str!("../../rules/names.toml")),
];

/// A rules file as loaded: its path (for reports) and text (for excerpts).
#[derive(Debug, Clone)]
pub struct RuleFile {
    /// Path shown in reports.
    pub path: String,
    /// The file's text.
    pub text: String,
}

/// Where a fact is written: rules file index and byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FactRef {
    /// Index into [`Knowledge::files`].
    pub file: usize,
    /// Span of the key value in that file.
    pub span: Span,
}

/// Index of a title in [`Knowledge::titles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TitleId(pub usize);

/// Index of an organisation in [`Knowledge::organisations`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OrgId(pub usize);

/// Index of a person in [`Knowledge::people`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PersonId(pub usize);

/// A title.
#[derive(Debug, Clone)]
pub struct Title {
    /// Identifier.
    pub id: String,
    /// Printed label.
    pub label: String,
    /// Printed labels per country code.
    pub labels: BTreeMap<String, String>,
    /// Exclusive group, if any.
    pub group: Option<String>,
    /// One holder per country at a time.
    pub single: bool,
    /// Source note.
    pub source: String,
    /// Where it is defined.
    pub at: FactRef,
}

impl Title {
    /// The label used in `country`, or the general one.
    pub fn label_in(&self, country: Option<&str>) -> &str {
        country
            .and_then(|c| self.labels.get(c))
            .unwrap_or(&self.label)
    }
}

/// An organisation.
#[derive(Debug, Clone)]
pub struct Organisation {
    /// Identifier.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Country code.
    pub country: Option<String>,
    /// Kind of body.
    pub kind: Option<String>,
    /// Bodies declared different from this one.
    pub distinct_from: Vec<OrgId>,
    /// Source note.
    pub source: String,
    /// Where it is defined.
    pub at: FactRef,
}

/// A role a person held.
#[derive(Debug, Clone)]
pub struct Role {
    /// The title, when the role is a title.
    pub title: Option<TitleId>,
    /// The body headed or served.
    pub organisation: Option<OrgId>,
    /// Country of the role.
    pub country: Option<String>,
    /// First day held.
    pub from: Option<NaiveDate>,
    /// Last day held.
    pub to: Option<NaiveDate>,
    /// Where the fact comes from.
    pub source: String,
    /// Where the role is written in the rules.
    pub at: FactRef,
}

impl Role {
    /// True when the role was held on `day` (or at some time, when `day` is `None`).
    pub fn held_on(&self, day: Option<NaiveDate>) -> bool {
        let Some(day) = day else { return true };
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }
}

/// A person.
#[derive(Debug, Clone)]
pub struct Person {
    /// Full name.
    pub name: String,
    /// Nationality.
    pub country: Option<String>,
    /// How messages refer back to the person ("he", "she"), else the full name.
    pub pronoun: Option<String>,
    /// Roles held.
    pub roles: Vec<Role>,
    /// Source note.
    pub source: String,
    /// Where the person is defined.
    pub at: FactRef,
}

/// A known mistranslation.
#[derive(Debug, Clone)]
pub struct Mistranslation {
    /// The original expression.
    pub original: String,
    /// Its language.
    pub language: String,
    /// The title meant.
    pub meant: TitleId,
    /// Countries where it applies (empty = any).
    pub countries: Vec<String>,
    /// Source note.
    pub source: String,
    /// Where it is written.
    pub at: FactRef,
}

/// A country.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO code.
    pub code: String,
    /// English name.
    pub name: String,
}

/// A place.
#[derive(Debug, Clone)]
pub struct Place {
    /// English name.
    pub name: String,
    /// Country code.
    pub country: String,
}

/// A meeting series.
#[derive(Debug, Clone)]
pub struct Series {
    /// Identifier.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Source note.
    pub source: String,
}

/// What the rules say about one folded word, looked up once per word of an article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// A listed given name.
    pub given: bool,
    /// Never part of a person's name.
    pub not_name: bool,
    /// A demonym ("moroccan").
    pub demonym: bool,
    /// A country name ("spain").
    pub country: bool,
    /// A place name of one word.
    pub place: bool,
    /// The first word of a place name.
    pub place_start: bool,
    /// The first word of an organisation name, alias or local alias.
    pub org_start: bool,
    /// The grammar's word-list flags ([`crate::extract::vocab::flags`]), kept here so a
    /// token needs one lookup, not two.
    pub voc: u32,
}

/// A word of at most seven bytes as an integer: its bytes, and its length in the top byte
/// (so no two words share a key).
fn short_key(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    if bytes.len() > 7 {
        return None;
    }
    // Built in a register: bytes stored one by one and read back as a word would stall.
    let mut key = (bytes.len() as u64) << 56;
    for (k, &b) in bytes.iter().enumerate() {
        key |= u64::from(b) << (8 * k);
    }
    Some(key)
}

/// Everything loaded from the rules files, indexed for lookup by folded name.
#[derive(Debug, Default)]
pub struct Knowledge {
    /// The files loaded, in load order.
    pub files: Vec<RuleFile>,
    /// Titles.
    pub titles: Vec<Title>,
    /// Organisations.
    pub organisations: Vec<Organisation>,
    /// People.
    pub people: Vec<Person>,
    /// Mistranslations.
    pub mistranslations: Vec<Mistranslation>,
    /// Countries.
    pub countries: Vec<Country>,
    /// Places.
    pub places: Vec<Place>,
    /// Meeting series.
    pub series: Vec<Series>,
    title_names: HashMap<String, Vec<(Option<String>, TitleId)>>,
    org_aliases: HashMap<String, OrgId>,
    org_short: HashMap<OrgId, String>,
    org_local_aliases: HashMap<(String, String), OrgId>,
    head_titles: HashMap<String, OrgId>,
    person_names: HashMap<String, PersonId>,
    mistranslation_index: HashMap<String, Vec<usize>>,
    demonyms: HashMap<String, String>,
    country_names: HashMap<String, String>,
    place_names: HashMap<String, usize>,
    series_names: HashMap<String, usize>,
    series_keys: HashMap<String, usize>,
    series_aliases: Vec<(usize, String)>,
    given_names: HashSet<String>,
    word_info: HashMap<String, WordInfo>,
    /// The entries of [`Knowledge::word_info`] for words of at most seven bytes, keyed by the
    /// bytes packed into an integer ([`short_key`]): most words of prose are short, and an
    /// integer key is hashed and compared without reading a string.
    short_words: HashMap<u64, WordInfo>,
    not_names: HashSet<String>,
    longest_title_words: usize,
}

/// A problem in a rules file. Points into the file.
#[derive(Debug, Error, Diagnostic)]
pub enum KnowledgeError {
    /// The folder or file could not be read.
    #[error("cannot read rules from {path}: {message}")]
    #[diagnostic(
        code(factdiff::rules::unreadable),
        help("--rules takes a folder of .toml rules files")
    )]
    Unreadable {
        /// What was read.
        path: String,
        /// Why it failed.
        message: String,
    },
    /// The file is not valid TOML or does not match the schema.
    #[error("{path}: {message}")]
    #[diagnostic(
        code(factdiff::rules::invalid),
        help("see docs/writing-rules.md for the schema of each rules file")
    )]
    Invalid {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
        /// The file's text.
        #[source_code]
        src: NamedSource<String>,
        /// Where.
        #[label("here")]
        span: Option<SourceSpan>,
    },
}

fn invalid(
    file: &RuleFile,
    message: impl Into<String>,
    span: Option<std::ops::Range<usize>>,
) -> KnowledgeError {
    KnowledgeError::Invalid {
        path: file.path.clone(),
        message: message.into(),
        src: NamedSource::new(file.path.clone(), file.text.clone()),
        span: span.map(|r| SourceSpan::from(r.start..r.end.min(file.text.len()))),
    }
}

/// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" as the first (`end = false`) or last day it covers.
pub fn parse_fuzzy_date(s: &str, end: bool) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    match parts.len() {
        1 => NaiveDate::from_ymd_opt(year, if end { 12 } else { 1 }, if end { 31 } else { 1 }),
        2 => {
            let month: u32 = parts[1].parse().ok()?;
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            if end {
                let next = if month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(year, month + 1, 1)?
                };
                next.pred_opt()
            } else {
                Some(first)
            }
        }
        3 => NaiveDate::from_ymd_opt(year, parts[1].parse().ok()?, parts[2].parse().ok()?),
        _ => None,
    }
}

fn span_of<T>(s: &Spanned<T>) -> Span {
    let r = s.span();
    Span::new(r.start, r.end)
}

impl Knowledge {
    /// Loads the embedded default rules, then every `.toml` file in each of `extra_dirs`
    /// (or the file itself when a path is a file), in sorted order.
    pub fn load(extra_dirs: &[PathBuf]) -> Result<Knowledge, KnowledgeError> {
        let mut files: Vec<RuleFile> = DEFAULT_RULE_FILES
            .iter()
            .map(|(p, t)| RuleFile {
                path: (*p).to_string(),
                text: (*t).to_string(),
            })
            .collect();
        for dir in extra_dirs {
            files.extend(read_rule_dir(dir)?);
        }
        Knowledge::from_files(files)
    }

    /// Builds the knowledge base from rules files already in memory.
    pub fn from_files(files: Vec<RuleFile>) -> Result<Knowledge, KnowledgeError> {
        let mut parsed = Vec::new();
        for file in &files {
            let rules: RulesFile = toml::from_str(&file.text)
                .map_err(|e| invalid(file, e.message().to_string(), e.span()))?;
            parsed.push(rules);
        }
        let mut kb = Knowledge {
            files,
            ..Knowledge::default()
        };
        // Two passes: names first, then the references between them.
        for (fi, rules) in parsed.iter().enumerate() {
            kb.add_vocabulary(fi, rules)?;
        }
        for (fi, rules) in parsed.iter().enumerate() {
            kb.add_references(fi, rules)?;
        }
        kb.index_words();
        // Series names are also indexed by their word key, now that demonyms are known.
        for (idx, alias) in std::mem::take(&mut kb.series_aliases) {
            let key = kb.series_word_key(&alias);
            kb.series_keys.entry(key).or_insert(idx);
        }
        Ok(kb)
    }

    fn add_vocabulary(&mut self, fi: usize, rules: &RulesFile) -> Result<(), KnowledgeError> {
        let at = |span: Span| FactRef { file: fi, span };
        for c in &rules.country {
            let code = c.code.get_ref().to_ascii_uppercase();
            for n in std::iter::once(&c.name).chain(&c.names) {
                self.country_names.insert(fold(n), code.clone());
            }
            for d in &c.demonyms {
                self.demonyms.insert(fold(d), code.clone());
            }
            self.countries.push(Country {
                code,
                name: c.name.clone(),
            });
        }
        for p in &rules.place {
            let idx = self.places.len();
            for n in std::iter::once(p.name.get_ref()).chain(&p.aliases) {
                self.place_names.insert(fold(n), idx);
            }
            self.places.push(Place {
                name: p.name.get_ref().clone(),
                country: p.country.to_ascii_uppercase(),
            });
        }
        for t in &rules.title {
            if self.title_id(t.id.get_ref()).is_some() {
                return Err(invalid(
                    &self.files[fi],
                    format!("title `{}` is defined twice", t.id.get_ref()),
                    Some(t.id.span()),
                ));
            }
            let id = TitleId(self.titles.len());
            for n in std::iter::once(&t.label)
                .chain(&t.names)
                .chain(t.labels.values())
            {
                self.add_title_name(n, None, id);
            }
            for (country, names) in &t.names_by_country {
                for n in names {
                    self.add_title_name(n, Some(country.to_ascii_uppercase()), id);
                }
            }
            self.titles.push(Title {
                id: t.id.get_ref().clone(),
                label: t.label.clone(),
                labels: t
                    .labels
                    .iter()
                    .map(|(k, v)| (k.to_ascii_uppercase(), v.clone()))
                    .collect(),
                group: t.group.clone(),
                single: t.single,
                source: t.source.clone(),
                at: at(span_of(&t.id)),
            });
        }
        for o in &rules.organisation {
            if self.org_id(o.id.get_ref()).is_some() {
                return Err(invalid(
                    &self.files[fi],
                    format!("organisation `{}` is defined twice", o.id.get_ref()),
                    Some(o.id.span()),
                ));
            }
            let id = OrgId(self.organisations.len());
            for n in std::iter::once(&o.name).chain(&o.aliases) {
                self.org_aliases.insert(fold(n), id);
            }
            if let Some(a) = o
                .aliases
                .iter()
                .find(|a| a.len() <= 6 && a.chars().all(|c| c.is_ascii_uppercase()))
            {
                self.org_short.insert(id, a.clone());
            }
            let country = o.country.as_ref().map(|c| c.to_ascii_uppercase());
            for n in &o.local_aliases {
                if let Some(c) = &country {
                    self.org_local_aliases.insert((c.clone(), fold(n)), id);
                }
            }
            for n in &o.head_titles {
                self.head_titles.insert(fold(n), id);
            }
            self.organisations.push(Organisation {
                id: o.id.get_ref().clone(),
                name: o.name.clone(),
                country,
                kind: o.kind.clone(),
                distinct_from: Vec::new(),
                source: o.source.clone(),
                at: at(span_of(&o.id)),
            });
        }
        for s in &rules.series {
            let idx = self.series.len();
            for n in std::iter::once(&s.name).chain(&s.aliases) {
                self.series_names.insert(fold(n), idx);
                self.series_aliases.push((idx, fold(n)));
            }
            self.series.push(Series {
                id: s.id.get_ref().clone(),
                name: s.name.clone(),
                source: s.source.clone(),
            });
        }
        for list in &rules.given_names {
            self.given_names.extend(list.words.iter().map(|w| fold(w)));
        }
        for list in &rules.not_names {
            self.not_names.extend(list.words.iter().map(|w| fold(w)));
        }
        Ok(())
    }

    fn add_title_name(&mut self, name: &str, country: Option<String>, id: TitleId) {
        let key = fold(name);
        self.longest_title_words = self.longest_title_words.max(key.split(' ').count());
        let entry = self.title_names.entry(key).or_default();
        if !entry.iter().any(|(c, i)| *c == country && *i == id) {
            entry.push((country, id));
        }
    }

    fn add_references(&mut self, fi: usize, rules: &RulesFile) -> Result<(), KnowledgeError> {
        let file = self.files[fi].clone();
        let at = |span: Span| FactRef { file: fi, span };
        for o in &rules.organisation {
            let Some(me) = self.org_id(o.id.get_ref()) else {
                continue;
            };
            for other in &o.distinct_from {
                let Some(them) = self.org_id(other.get_ref()) else {
                    return Err(invalid(
                        &file,
                        format!("unknown organisation `{}`", other.get_ref()),
                        Some(other.span()),
                    ));
                };
                for (a, b) in [(me, them), (them, me)] {
                    if !self.organisations[a.0].distinct_from.contains(&b) {
                        self.organisations[a.0].distinct_from.push(b);
                    }
                }
            }
        }
        for m in &rules.mistranslation {
            let Some(meant) = self.title_id(m.meant.get_ref()) else {
                return Err(invalid(
                    &file,
                    format!("unknown title `{}`", m.meant.get_ref()),
                    Some(m.meant.span()),
                ));
            };
            let idx = self.mistranslations.len();
            for w in &m.wrong {
                self.mistranslation_index
                    .entry(fold(w.get_ref()))
                    .or_default()
                    .push(idx);
            }
            self.mistranslations.push(Mistranslation {
                original: m.original.get_ref().clone(),
                language: m.language.clone(),
                meant,
                countries: m.countries.iter().map(|c| c.to_ascii_uppercase()).collect(),
                source: m.source.clone(),
                at: at(span_of(&m.original)),
            });
        }
        for p in &rules.person {
            let id = PersonId(self.people.len());
            let mut roles = Vec::new();
            for r in &p.role {
                let title = match &r.title {
                    Some(t) => Some(self.title_id(t.get_ref()).ok_or_else(|| {
                        invalid(
                            &file,
                            format!("unknown title `{}`", t.get_ref()),
                            Some(t.span()),
                        )
                    })?),
                    None => None,
                };
                let organisation = match &r.organisation {
                    Some(o) => Some(self.org_id(o.get_ref()).ok_or_else(|| {
                        invalid(
                            &file,
                            format!("unknown organisation `{}`", o.get_ref()),
                            Some(o.span()),
                        )
                    })?),
                    None => None,
                };
                if title.is_none() && organisation.is_none() {
                    return Err(invalid(
                        &file,
                        "a role needs a title, an organisation or both",
                        Some(p.name.span()),
                    ));
                }
                let date = |d: &Option<Spanned<String>>,
                            end: bool|
                 -> Result<Option<NaiveDate>, KnowledgeError> {
                    match d {
                        None => Ok(None),
                        Some(s) => parse_fuzzy_date(s.get_ref(), end).map(Some).ok_or_else(|| {
                            invalid(
                                &file,
                                format!(
                                    "`{}` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                                    s.get_ref()
                                ),
                                Some(s.span()),
                            )
                        }),
                    }
                };
                let from = date(&r.from, false)?;
                let to = date(&r.to, true)?;
                if let (Some(f), Some(t)) = (from, to) {
                    if f > t {
                        return Err(invalid(
                            &file,
                            "role ends before it starts",
                            r.to.as_ref().map(|s| s.span()),
                        ));
                    }
                }
                let anchor = r
                    .title
                    .as_ref()
                    .or(r.organisation.as_ref())
                    .map(span_of)
                    .unwrap_or_else(|| span_of(&p.name));
                roles.push(Role {
                    title,
                    organisation,
                    country: r
                        .country
                        .as_ref()
                        .map(|c| c.to_ascii_uppercase())
                        .or_else(|| p.country.as_ref().map(|c| c.to_ascii_uppercase())),
                    from,
                    to,
                    source: r.source.clone(),
                    at: at(anchor),
                });
            }
            for n in std::iter::once(p.name.get_ref()).chain(&p.aliases) {
                self.person_names.insert(fold(n), id);
            }
            self.people.push(Person {
                name: p.name.get_ref().clone(),
                country: p.country.as_ref().map(|c| c.to_ascii_uppercase()),
                pronoun: p.pronoun.clone(),
                roles,
                source: p.source.clone(),
                at: at(span_of(&p.name)),
            });
        }
        Ok(())
    }

    /// The title with identifier `id`.
    pub fn title_id(&self, id: &str) -> Option<TitleId> {
        self.titles.iter().position(|t| t.id == id).map(TitleId)
    }

    /// The organisation with identifier `id`.
    pub fn org_id(&self, id: &str) -> Option<OrgId> {
        self.organisations
            .iter()
            .position(|o| o.id == id)
            .map(OrgId)
    }

    /// The title a folded name means in `country` (country-specific names first).
    pub fn title_by_name(&self, folded: &str, country: Option<&str>) -> Option<TitleId> {
        let entries = self.title_names.get(folded)?;
        entries
            .iter()
            .find(|(c, _)| c.is_some() && c.as_deref() == country)
            .or_else(|| entries.iter().find(|(c, _)| c.is_none()))
            .map(|(_, id)| *id)
    }

    /// Most words any title name has (bounds phrase lookups).
    pub fn longest_title_words(&self) -> usize {
        self.longest_title_words
    }

    /// The organisation a folded name or alias means; `country` enables local aliases.
    pub fn org_by_name(&self, folded: &str, country: Option<&str>) -> Option<OrgId> {
        self.org_aliases.get(folded).copied().or_else(|| {
            let c = country?;
            self.org_local_aliases
                .get(&(c.to_string(), folded.to_string()))
                .copied()
        })
    }

    /// The organisation whose head bears this folded title ("director general of national security").
    pub fn org_by_head_title(&self, folded: &str) -> Option<OrgId> {
        self.head_titles.get(folded).copied()
    }

    /// The person with this folded full name or alias.
    pub fn person_by_name(&self, folded: &str) -> Option<PersonId> {
        self.person_names.get(folded).copied()
    }

    /// Mistranslations whose wrong rendering is this folded title.
    pub fn mistranslations_of(&self, folded: &str) -> impl Iterator<Item = &Mistranslation> {
        self.mistranslation_index
            .get(folded)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.mistranslations.get(i))
    }

    /// Country code for a folded demonym ("moroccan" → MA).
    pub fn country_by_demonym(&self, folded: &str) -> Option<&str> {
        self.demonyms.get(folded).map(String::as_str)
    }

    /// Country code for a folded country name ("spain" → ES).
    pub fn country_by_name(&self, folded: &str) -> Option<&str> {
        self.country_names.get(folded).map(String::as_str)
    }

    /// The country with this code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }

    /// The place with this folded name.
    pub fn place_by_name(&self, folded: &str) -> Option<&Place> {
        self.place_names
            .get(folded)
            .and_then(|&i| self.places.get(i))
    }

    /// The series with this folded name or alias.
    pub fn series_by_name(&self, folded: &str) -> Option<&Series> {
        self.series_names
            .get(folded)
            .and_then(|&i| self.series.get(i))
    }

    /// Builds [`Knowledge::word_info`] from the vocabularies.
    fn index_words(&mut self) {
        let mut info: HashMap<String, WordInfo> = HashMap::default();
        let first = |s: &str| s.split(' ').next().unwrap_or("").to_string();
        for w in &self.given_names {
            info.entry(w.clone()).or_default().given = true;
        }
        for w in &self.not_names {
            info.entry(w.clone()).or_default().not_name = true;
        }
        for w in self.demonyms.keys() {
            info.entry(w.clone()).or_default().demonym = true;
        }
        for w in self.country_names.keys() {
            info.entry(w.clone()).or_default().country = true;
        }
        for w in self.place_names.keys() {
            info.entry(first(w)).or_default().place_start = true;
            if !w.contains(' ') {
                info.entry(w.clone()).or_default().place = true;
            }
        }
        for w in self
            .org_aliases
            .keys()
            .chain(self.org_local_aliases.keys().map(|(_, a)| a))
        {
            info.entry(first(w)).or_default().org_start = true;
        }
        for (w, bits) in crate::extract::vocab::all_flags() {
            info.entry(w.to_string()).or_default().voc |= bits;
        }
        self.short_words = info
            .iter()
            .filter_map(|(w, i)| short_key(w).map(|k| (k, *i)))
            .collect();
        self.word_info = info;
    }

    /// What the rules say about a folded word (all false for an unknown word).
    pub fn word(&self, folded: &str) -> WordInfo {
        match short_key(folded) {
            Some(k) => self.short_words.get(&k).copied().unwrap_or_default(),
            None => self.word_info.get(folded).copied().unwrap_or_default(),
        }
    }

    /// The series whose name has the same word key (see [`Knowledge::series_word_key`]).
    pub fn series_by_word_key(&self, key: &str) -> Option<&Series> {
        self.series_keys.get(key).and_then(|&i| self.series.get(i))
    }

    /// A series name reduced to what tells series apart: content words singular and sorted,
    /// nationalities as sorted country codes; "permanent", "joint", "mixed" and function
    /// words dropped. "Hispano-Moroccan Permanent Group on migrations" and "Moroccan-Spanish
    /// Joint Migration Group" both give `group migration [ES-MA]`.
    pub fn series_word_key(&self, folded: &str) -> String {
        const NOISE: &[&str] = &[
            "the",
            "of",
            "on",
            "for",
            "and",
            "permanent",
            "joint",
            "mixed",
            "ad",
            "hoc",
            "various",
            "different",
            "bilateral",
            "between",
            "meeting",
            "meetings",
            "governments",
            "government",
            "a",
            "an",
            "its",
            "their",
        ];
        let mut countries: Vec<&str> = Vec::new();
        let mut words: Vec<String> = Vec::new();
        for w in folded.split([' ', '-', ',']) {
            if w.is_empty() || NOISE.contains(&w) {
                continue;
            }
            if let Some(c) = self
                .country_by_demonym(w)
                .or_else(|| self.country_by_name(w))
            {
                countries.push(c);
                continue;
            }
            let w = match w.strip_suffix("ies") {
                Some(stem) => format!("{stem}y"),
                None => w
                    .strip_suffix('s')
                    .filter(|_| w.len() > 4 && !w.ends_with("ss"))
                    .unwrap_or(w)
                    .to_string(),
            };
            words.push(w);
        }
        let joined = words.join(" ").replace("sub committee", "subcommittee");
        let mut ws: Vec<&str> = joined.split(' ').filter(|w| !w.is_empty()).collect();
        ws.sort_unstable();
        ws.dedup();
        countries.sort_unstable();
        countries.dedup();
        if countries.is_empty() {
            ws.join(" ")
        } else {
            format!("{} [{}]", ws.join(" "), countries.join("-"))
        }
    }

    /// True for a folded word listed as a given name.
    pub fn is_given_name(&self, folded: &str) -> bool {
        self.given_names.contains(folded)
    }

    /// True for a folded word that is never part of a person's name.
    pub fn is_not_name(&self, folded: &str) -> bool {
        self.not_names.contains(folded)
    }

    /// A short form of an organisation's name: its first all-capitals alias ("AWD").
    pub fn org_abbreviation(&self, org: OrgId) -> Option<&str> {
        self.org_short.get(&org).map(String::as_str)
    }

    /// The file a fact is in and its span, for excerpts.
    pub fn file(&self, at: FactRef) -> Option<&RuleFile> {
        self.files.get(at.file)
    }
}

fn read_rule_dir(dir: &Path) -> Result<Vec<RuleFile>, KnowledgeError> {
    let unreadable = |e: std::io::Error| KnowledgeError::Unreadable {
        path: dir.display().to_string(),
        message: e.to_string(),
    };
    let mut paths = if dir.is_file() {
        vec![dir.to_path_buf()]
    } else {
        std::fs::read_dir(dir)
            .map_err(unreadable)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect::<Vec<_>>()
    };
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).map_err(|e| KnowledgeError::Unreadable {
                path: p.display().to_string(),
                message: e.to_string(),
            })?;
            Ok(RuleFile {
                path: crate::corpus::display_path(&p),
                text,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_answer_like_the_word_table() {
        let kb = Knowledge::load(&[]).unwrap();
        assert!(!kb.word_info.is_empty());
        for (w, info) in &kb.word_info {
            assert_eq!(kb.word(w), *info, "{w}");
        }
        assert_eq!(kb.word("zzzzzzz"), WordInfo::default());
        assert_eq!(kb.word(""), WordInfo::default());
        assert_ne!(short_key("ab"), short_key("ab\0"));
    }

    #[test]
    fn shipped_rules_load_and_cross_reference() {
        let kb = Knowledge::load(&[]).expect("shipped rules must load");
        assert!(!kb.people.is_empty());
        assert!(!kb.titles.is_empty());
        for p in &kb.people {
            assert!(!p.roles.is_empty(), "{} has no roles", p.name);
        }
    }

    #[test]
    fn world_gazetteer_knows_countries_demonyms_and_cities() {
        let kb = Knowledge::load(&[]).unwrap();
        assert_eq!(kb.country_by_demonym("german"), Some("DE"));
        assert_eq!(kb.country_by_demonym("germans"), Some("DE"));
        assert_eq!(kb.country_by_demonym("brazilian"), Some("BR"));
        assert_eq!(kb.country_by_demonym("brazilians"), Some("BR"));
        assert_eq!(kb.country_by_demonym("kenyans"), Some("KE"));
        assert_eq!(kb.country_by_name("brazil"), Some("BR"));
        assert_eq!(kb.country_by_name("jordan"), Some("JO"));
        let city = |n: &str| kb.place_by_name(n).map(|p| p.country.as_str());
        assert_eq!(city("nairobi"), Some("KE"));
        assert_eq!(city("jakarta"), Some("ID"));
        assert_eq!(city("sao paulo"), Some("BR"));
        assert_eq!(city("frankfurt"), Some("DE"));
        // Ordinary English words and common personal names are not cities.
        for w in [
            "reading", "nice", "mobile", "split", "bath", "of", "most", "florence",
        ] {
            assert!(kb.place_by_name(w).is_none(), "{w}");
        }
        // Hand-written entries win: their aliases are kept and their country stays.
        assert_eq!(city("valencia"), Some("ES"));
        assert_eq!(city("tanger"), Some("MA"));
        assert_eq!(kb.country_by_demonym("luso"), Some("PT"));
        assert_eq!(kb.country_by_demonym("hispano"), Some("ES"));
        assert_eq!(kb.country("MA").map(|c| c.name.as_str()), Some("Morocco"));
        // Country names that are common given names stay given names ("Chad Smith").
        assert!(kb.is_given_name("chad"));
        assert!(kb.is_given_name("jordan"));
    }

    #[test]
    fn generated_gazetteer_does_not_repeat_hand_written_entries() {
        let generated = Knowledge::from_files(
            DEFAULT_RULE_FILES
                .iter()
                .filter(|(p, _)| p.ends_with("-world.toml"))
                .map(|(p, t)| RuleFile {
                    path: (*p).to_string(),
                    text: (*t).to_string(),
                })
                .collect(),
        )
        .expect("the generated files load on their own");
        let hand = Knowledge::from_files(
            DEFAULT_RULE_FILES
                .iter()
                .filter(|(p, _)| !p.ends_with("-world.toml"))
                .map(|(p, t)| RuleFile {
                    path: (*p).to_string(),
                    text: (*t).to_string(),
                })
                .collect(),
        )
        .unwrap();
        // A country added by hand must be left out of the generated file: rerun
        // rules/scripts/gen_gazetteer.py after adding one.
        for c in &hand.countries {
            assert!(
                generated.country(&c.code).is_none(),
                "{} is in both",
                c.code
            );
        }
        for name in hand.place_names.keys() {
            assert!(
                !generated.place_names.contains_key(name),
                "{name} is in both"
            );
        }
    }

    #[test]
    fn bad_reference_points_into_the_file() {
        let file = RuleFile {
            path: "x.toml".into(),
            text: "[[person]]\nname = \"A B\"\nsource = \"s\"\n[[person.role]]\ntitle = \"nope\"\nsource = \"s\"\n".into(),
        };
        let err = Knowledge::from_files(vec![file]).unwrap_err();
        let KnowledgeError::Invalid { message, span, .. } = err else {
            panic!("wrong error")
        };
        assert!(message.contains("nope"));
        assert!(span.is_some());
    }

    #[test]
    fn unknown_keys_are_errors() {
        let file = RuleFile {
            path: "x.toml".into(),
            text: "[[place]]\nname = \"Rabat\"\ncountry = \"MA\"\nsource = \"s\"\npopulation = 1\n"
                .into(),
        };
        assert!(Knowledge::from_files(vec![file]).is_err());
    }

    #[test]
    fn fuzzy_dates() {
        assert_eq!(
            parse_fuzzy_date("2021", true),
            NaiveDate::from_ymd_opt(2021, 12, 31)
        );
        assert_eq!(
            parse_fuzzy_date("2021-02", true),
            NaiveDate::from_ymd_opt(2021, 2, 28)
        );
        assert_eq!(
            parse_fuzzy_date("2021-10-07", false),
            NaiveDate::from_ymd_opt(2021, 10, 7)
        );
        assert_eq!(parse_fuzzy_date("x", false), None);
    }
}
