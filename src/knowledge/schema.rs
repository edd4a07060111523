//! The TOML schema of rules files. Every table denies unknown keys so a typo is an error
//! that points into the file, not a silently ignored fact.

#![allow(dead_code)] // Source notes and flags are part of the schema even where no rule reads them yet.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// One rules file: any mix of the tables below.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    /// Countries, their names and demonyms.
    #[serde(default)]
    pub country: Vec<CountryEntry>,
    /// Cities and regions.
    #[serde(default)]
    pub place: Vec<PlaceEntry>,
    /// Titles and their synonyms.
    #[serde(default)]
    pub title: Vec<TitleEntry>,
    /// Known mistranslations of titles.
    #[serde(default)]
    pub mistranslation: Vec<MistranslationEntry>,
    /// Organisations and their aliases.
    #[serde(default)]
    pub organisation: Vec<OrganisationEntry>,
    /// People and the roles they held.
    #[serde(default)]
    pub person: Vec<PersonEntry>,
    /// Recurring meeting series.
    #[serde(default)]
    pub series: Vec<SeriesEntry>,
    /// Given names that mark a capitalised phrase as a person's name.
    #[serde(default)]
    pub given_names: Vec<WordList>,
    /// Capitalised words that never start or make up a person's name.
    #[serde(default)]
    pub not_names: Vec<WordList>,
}

/// A country.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryEntry {
    /// ISO 3166-1 alpha-2 code.
    pub code: Spanned<String>,
    /// Usual English name.
    pub name: String,
    /// Other names ("Kingdom of Morocco").
    #[serde(default)]
    pub names: Vec<String>,
    /// Adjectives and nouns of nationality ("Moroccan", "Hispano").
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Where the facts come from.
    pub source: String,
}

/// A city or region.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceEntry {
    /// Usual English name.
    pub name: Spanned<String>,
    /// Country code.
    pub country: String,
    /// Other spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// True for a capital city.
    #[serde(default)]
    pub capital: bool,
    /// Where the facts come from.
    pub source: String,
}

/// A title and the names it goes by.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleEntry {
    /// Identifier used by roles ("head-of-government").
    pub id: Spanned<String>,
    /// How to print it.
    pub label: String,
    /// Printed labels per country code ("MA" = "Head of Government").
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// Names in any country.
    #[serde(default)]
    pub names: Vec<String>,
    /// Names that mean this title only in the given countries.
    #[serde(default)]
    pub names_by_country: BTreeMap<String, Vec<String>>,
    /// Titles in the same exclusive group cannot be held by one person at once.
    #[serde(default)]
    pub group: Option<String>,
    /// One holder per country at a time (a head of government, a minister of a portfolio).
    #[serde(default)]
    pub single: bool,
    /// Where the facts come from.
    pub source: String,
}

/// A title that is a known mistranslation of another.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MistranslationEntry {
    /// The wrong renderings.
    pub wrong: Vec<Spanned<String>>,
    /// The original expression.
    pub original: Spanned<String>,
    /// Language of the original (ISO 639-1).
    pub language: String,
    /// The title meant (a title id).
    pub meant: Spanned<String>,
    /// Countries where the confusion happens (empty = any).
    #[serde(default)]
    pub countries: Vec<String>,
    /// Where the facts come from.
    pub source: String,
}

/// An organisation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationEntry {
    /// Identifier used by roles ("dgsn").
    pub id: Spanned<String>,
    /// Full name.
    pub name: String,
    /// Country code, when national.
    #[serde(default)]
    pub country: Option<String>,
    /// What kind of body ("police", "ministry", "gendarmerie").
    #[serde(default)]
    pub kind: Option<String>,
    /// Other names and abbreviations.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Names usable only when the text qualifies them with the country ("Coast Guard").
    #[serde(default)]
    pub local_aliases: Vec<String>,
    /// Titles that mean "head of this body" ("Director General of National Security").
    #[serde(default)]
    pub head_titles: Vec<String>,
    /// Bodies often confused with this one that are different bodies.
    #[serde(default)]
    pub distinct_from: Vec<Spanned<String>>,
    /// Where the facts come from.
    pub source: String,
}

/// A person.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonEntry {
    /// Full name as usually written.
    pub name: Spanned<String>,
    /// Other spellings and forms (not surnames alone).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Country code of nationality.
    #[serde(default)]
    pub country: Option<String>,
    /// Pronoun for messages ("he", "she", "they"); the full name is used when absent.
    #[serde(default)]
    pub pronoun: Option<String>,
    /// Roles held.
    #[serde(default)]
    pub role: Vec<RoleEntry>,
    /// Where the facts come from.
    pub source: String,
}

/// A role a person held, between two dates.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleEntry {
    /// Title id.
    #[serde(default)]
    pub title: Option<Spanned<String>>,
    /// Organisation id of the body headed or served.
    #[serde(default)]
    pub organisation: Option<Spanned<String>>,
    /// Country the role is in.
    #[serde(default)]
    pub country: Option<String>,
    /// First day (YYYY-MM-DD or YYYY).
    #[serde(default)]
    pub from: Option<Spanned<String>>,
    /// Last day, absent while the role is held.
    #[serde(default)]
    pub to: Option<Spanned<String>>,
    /// Where the fact comes from.
    pub source: String,
}

/// A recurring meeting series.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesEntry {
    /// Identifier.
    pub id: Spanned<String>,
    /// Full name.
    pub name: String,
    /// Other names it goes by.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Where the facts come from.
    pub source: String,
}

/// A list of words with its source.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordList {
    /// The words.
    pub words: Vec<String>,
    /// Where the list comes from.
    pub source: String,
}
