//! Reading articles: files and folders in, [`Document`]s out.
//!
//! The format is detected from the content, never from the extension: WordPress REST JSON is
//! often saved as `.txt`, and HTML as anything. Every document ends up as plain text (the
//! spans of all claims index into it) plus the metadata the text alone cannot give: title,
//! publication date, outlet.

mod dateline;
mod decode;
mod html;
mod markdown;
mod walk;
mod wordpress;

pub use dateline::find_dateline;
pub use decode::{decode, Decoded};
pub use walk::collect_files;

use crate::span::DocId;
use chrono::NaiveDate;
use miette::Diagnostic;
use serde::Serialize;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// How an article was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text: the file is the text.
    Text,
    /// Markdown, optionally with YAML/TOML-style front matter.
    Markdown,
    /// An HTML page: the visible text of `<article>` or `<body>`.
    Html,
    /// A WordPress REST API post (or an array of posts).
    Wordpress,
}

/// Where a document's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// Front matter `date:` field.
    FrontMatter,
    /// The `date` of a WordPress post.
    Json,
    /// A `<meta>` or `<time>` element of an HTML page.
    HtmlMeta,
    /// A dateline at the top of the text ("Rabat – April 23, 2025").
    Dateline,
    /// `--date` on the command line.
    CommandLine,
}

/// One article, ready for extraction.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Position in the corpus.
    pub id: DocId,
    /// Path as the user gave it (folder prefix included), with `/` separators.
    pub path: String,
    /// Storage format detected from the content.
    pub format: Format,
    /// Title, when the format carries one.
    pub title: Option<String>,
    /// Publication date, when known.
    pub published: Option<NaiveDate>,
    /// Where `published` came from.
    pub date_source: Option<DateSource>,
    /// Outlet or source name from metadata, when known.
    pub outlet: Option<String>,
    /// Canonical address from metadata, when known.
    pub url: Option<String>,
    /// The article text. Every span points into it. For plain text and Markdown it is the
    /// file itself (front matter blanked out with spaces so offsets and lines still match).
    #[serde(skip)]
    pub text: String,
    /// Remarks made while reading (encoding fallbacks, posts skipped...).
    pub notes: Vec<String>,
}

/// Options that shape how files are read.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Publication date to use for documents whose own metadata gives none.
    pub default_date: Option<NaiveDate>,
    /// Path prefixes (as displayed) to leave out.
    pub exclude: Vec<String>,
}

/// A problem with one input. The other inputs are still read.
#[derive(Debug, Error, Diagnostic)]
pub enum InputError {
    /// A path given on the command line does not exist.
    #[error("{path}: no such file or folder")]
    #[diagnostic(
        code(factdiff::input::missing),
        help("check the path; factdiff reads files and folders of articles")
    )]
    Missing {
        /// The path as given.
        path: String,
    },
    /// The file exists but could not be read.
    #[error("{path}: cannot read: {message}")]
    #[diagnostic(
        code(factdiff::input::unreadable),
        help("check the file's permissions")
    )]
    Unreadable {
        /// The file.
        path: String,
        /// The operating system's reason.
        message: String,
    },
    /// The file holds binary data, not an article.
    #[error("{path}: skipped: binary data, not text")]
    #[diagnostic(
        code(factdiff::input::binary),
        severity(Warning),
        help("remove the file or exclude it in factdiff.toml")
    )]
    Binary {
        /// The file.
        path: String,
    },
    /// The file looks like a structured format but is malformed.
    #[error("{path}:{line}: {message}")]
    #[diagnostic(code(factdiff::input::malformed), severity(Warning), help("{help}"))]
    Malformed {
        /// The file.
        path: String,
        /// 1-based line of the problem (1 when unknown).
        line: usize,
        /// What is wrong.
        message: String,
        /// What the user can do.
        help: String,
    },
}

impl InputError {
    /// The path the problem is about.
    pub fn path(&self) -> &str {
        match self {
            InputError::Missing { path }
            | InputError::Unreadable { path, .. }
            | InputError::Binary { path }
            | InputError::Malformed { path, .. } => path,
        }
    }

    /// True for problems with the command line itself (exit code 2) rather than one file.
    pub fn is_usage(&self) -> bool {
        matches!(self, InputError::Missing { .. })
    }
}

/// Everything read from the given paths.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Documents in sorted path order; `documents[i].id == DocId(i)`.
    pub documents: Vec<Document>,
    /// Inputs that could not be read, in path order.
    pub problems: Vec<InputError>,
}

impl Corpus {
    /// The document with the given id.
    pub fn get(&self, id: DocId) -> Option<&Document> {
        self.documents.get(id.index())
    }
}

/// Reads every article under `paths` (files or folders, walked recursively in sorted order).
pub fn load(paths: &[PathBuf], options: &LoadOptions) -> Corpus {
    let mut corpus = Corpus::default();
    let (files, mut problems) = collect_files(paths, &options.exclude);
    corpus.problems.append(&mut problems);
    for file in files {
        match std::fs::read(&file) {
            Ok(bytes) => match read_bytes(&display_path(&file), &bytes, options) {
                Ok(docs) => {
                    for mut doc in docs {
                        doc.id = DocId(corpus.documents.len() as u32);
                        corpus.documents.push(doc);
                    }
                }
                Err(e) => corpus.problems.push(e),
            },
            Err(e) => corpus.problems.push(InputError::Unreadable {
                path: display_path(&file),
                message: e.to_string(),
            }),
        }
    }
    corpus
}

/// The path as shown in reports: as given, with `/` separators.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Reads one file's bytes into documents (a WordPress array yields several).
pub fn read_bytes(
    path: &str,
    bytes: &[u8],
    options: &LoadOptions,
) -> Result<Vec<Document>, InputError> {
    let decoded = decode(bytes).ok_or_else(|| InputError::Binary {
        path: path.to_string(),
    })?;
    let mut docs = read_text(path, &decoded.text, options)?;
    if let Some(note) = decoded.note {
        for d in &mut docs {
            d.notes.push(note.clone());
        }
    }
    Ok(docs)
}

/// Reads already-decoded text into documents, detecting the format from the content.
pub fn read_text(
    path: &str,
    text: &str,
    options: &LoadOptions,
) -> Result<Vec<Document>, InputError> {
    let trimmed = text.trim_start();
    let mut docs = if (trimmed.starts_with('{') || trimmed.starts_with('['))
        && wordpress::looks_like_post(trimmed)
    {
        wordpress::read(path, text)?
    } else if html::looks_like_html(trimmed) {
        vec![html::read(path, text)]
    } else if markdown::has_front_matter(text) {
        vec![markdown::read(path, text)]
    } else {
        let format = if markdown::looks_like_markdown(text) {
            Format::Markdown
        } else {
            Format::Text
        };
        vec![plain(path, text.to_string(), format)]
    };
    for doc in &mut docs {
        if doc.published.is_none() {
            if let Some(date) = find_dateline(&doc.text) {
                doc.published = Some(date);
                doc.date_source = Some(DateSource::Dateline);
            }
        }
        if doc.published.is_none() {
            if let Some(date) = options.default_date {
                doc.published = Some(date);
                doc.date_source = Some(DateSource::CommandLine);
            }
        }
    }
    Ok(docs)
}

/// A document whose text is `text` as is, with no metadata yet.
pub(crate) fn plain(path: &str, text: String, format: Format) -> Document {
    Document {
        id: DocId(0),
        path: path.to_string(),
        format,
        title: None,
        published: None,
        date_source: None,
        outlet: None,
        url: None,
        text,
        notes: Vec::new(),
    }
}

/// Parses a metadata date ("2025-04-23", "2025-04-23T17:53:42", "2025-04-23 10:00:00 +0200").
pub(crate) fn parse_meta_date(value: &str) -> Option<NaiveDate> {
    let v = value.trim().trim_matches(|c| c == '"' || c == '\'');
    let head = v.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}
