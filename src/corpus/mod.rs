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
mod tagsoup;
mod walk;
mod wordpress;

pub use dateline::{find_dateline, is_dateline_place};
pub use decode::{decode, Binary, Decoded, Note};
pub use html::BLOCKS as HTML_BLOCKS;
pub use walk::{collect_files, ARTICLE_EXTENSIONS};

use crate::span::DocId;
use chrono::NaiveDate;
use miette::Diagnostic;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// How an article was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Serialize, Deserialize)]
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
    /// Remarks made while reading (encoding fallbacks, bytes removed, posts skipped...).
    pub notes: Vec<Note>,
}

/// Options that shape how files are read.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Publication date to use for documents whose own metadata gives none.
    pub default_date: Option<NaiveDate>,
    /// Path prefixes (as displayed) to leave out.
    pub exclude: Vec<String>,
}

/// A problem with one input, or a remark about how it was read. The other inputs are
/// still read; only a missing command-line path is a usage error (exit code 2). A bad file
/// is a warning, so the exit code follows the findings of the files that could be read.
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
    /// A folder given on the command line holds no article file at all.
    #[error("{path}: no article files in this folder")]
    #[diagnostic(
        code(factdiff::input::no_articles),
        help("factdiff reads .txt, .md, .html and .json articles; give the folder that holds them, or the files themselves")
    )]
    NoArticles {
        /// The folder as given.
        path: String,
    },
    /// The file exists but could not be read (permissions, vanished while reading, I/O error,
    /// a broken symbolic link).
    #[error("{path}: skipped: cannot read: {message}")]
    #[diagnostic(
        code(factdiff::input::unreadable),
        severity(Warning),
        help("check the file's permissions")
    )]
    Unreadable {
        /// The file.
        path: String,
        /// The operating system's reason.
        message: String,
    },
    /// The path is neither a regular file nor a folder (a FIFO, socket or device), which
    /// could block or never end if read.
    #[error("{path}: skipped: not a regular file ({kind})")]
    #[diagnostic(
        code(factdiff::input::not_a_file),
        severity(Warning),
        help("factdiff reads regular files and folders of articles")
    )]
    NotAFile {
        /// The path.
        path: String,
        /// What it is instead.
        kind: String,
    },
    /// A symbolic link that leads back to a folder being walked; walked once, not forever.
    #[error("{path}: skipped: symbolic link loop back to {target}")]
    #[diagnostic(
        code(factdiff::input::symlink_loop),
        severity(Warning),
        help("remove the link or exclude it in factdiff.toml")
    )]
    SymlinkLoop {
        /// The link.
        path: String,
        /// The folder it leads back to.
        target: String,
    },
    /// The file is larger than any article, so it is not read at all.
    #[error("{path}: skipped: {size} bytes is more than the {limit}-byte limit for one file")]
    #[diagnostic(
        code(factdiff::input::too_large),
        severity(Warning),
        help("split the dump into one file per article")
    )]
    TooLarge {
        /// The file.
        path: String,
        /// Its size in bytes (at least; the file may still be growing).
        size: u64,
        /// [`MAX_FILE_BYTES`].
        limit: u64,
    },
    /// The file holds binary data, not an article.
    #[error("{path}: skipped: {what}, not text")]
    #[diagnostic(
        code(factdiff::input::binary),
        severity(Warning),
        help("remove the file or exclude it in factdiff.toml")
    )]
    Binary {
        /// The file.
        path: String,
        /// What the data looks like ("a PNG image", "binary data").
        what: String,
    },
    /// The file holds no text at all.
    #[error("{path}: skipped: empty file")]
    #[diagnostic(
        code(factdiff::input::empty),
        severity(Warning),
        help("remove the file or export the article again")
    )]
    Empty {
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
    /// The file was read, but not as plain clean text: an encoding fallback, bytes removed,
    /// front matter ignored. Its articles are checked; the user should know the text was
    /// repaired. The same remark is in [`Document::notes`].
    #[error("{}: {message}", located(path, *line))]
    #[diagnostic(code(factdiff::input::repaired), severity(Advice))]
    Notice {
        /// The file.
        path: String,
        /// 1-based line the remark is about, when there is one.
        line: Option<usize>,
        /// What was done.
        message: String,
    },
}

/// `path:line` or `path`.
fn located(path: &str, line: Option<usize>) -> String {
    match line {
        Some(line) => format!("{path}:{line}"),
        None => path.to_string(),
    }
}

impl InputError {
    /// The path the problem is about.
    pub fn path(&self) -> &str {
        match self {
            InputError::Missing { path }
            | InputError::NoArticles { path }
            | InputError::Unreadable { path, .. }
            | InputError::NotAFile { path, .. }
            | InputError::SymlinkLoop { path, .. }
            | InputError::TooLarge { path, .. }
            | InputError::Binary { path, .. }
            | InputError::Empty { path }
            | InputError::Malformed { path, .. }
            | InputError::Notice { path, .. } => path,
        }
    }

    /// True for problems with the command line itself (exit code 2) rather than one file.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            InputError::Missing { .. } | InputError::NoArticles { .. }
        )
    }

    /// True when the file was skipped; false for a remark about a file that was read.
    pub fn is_skip(&self) -> bool {
        !matches!(self, InputError::Notice { .. })
    }
}

/// Everything read from the given paths.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Documents in sorted path order; `documents[i].id == DocId(i)`.
    pub documents: Vec<Document>,
    /// Problems met while reading, in path order: inputs skipped (usage errors and warnings)
    /// and inputs read only after a repair ([`InputError::Notice`], advice).
    pub problems: Vec<InputError>,
}

impl Corpus {
    /// The document with the given id.
    pub fn get(&self, id: DocId) -> Option<&Document> {
        self.documents.get(id.index())
    }
}

/// Largest file read, in bytes. Far above any article (a 50 MB one-line dump is still
/// read); the limit is there so a runaway log or disk image cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads every article under `paths` (files or folders, walked recursively in sorted order).
pub fn load(paths: &[PathBuf], options: &LoadOptions) -> Corpus {
    let mut corpus = Corpus::default();
    let (files, mut problems) = collect_files(paths, &options.exclude);
    corpus.problems.append(&mut problems);
    for file in files {
        let shown = display_path(&file);
        match read_file(&file, options) {
            Ok(docs) => {
                corpus.problems.extend(file_notices(&shown, &docs));
                for mut doc in docs {
                    doc.id = DocId(u32::try_from(corpus.documents.len()).unwrap_or(u32::MAX));
                    corpus.documents.push(doc);
                }
            }
            Err(e) => corpus.problems.push(e),
        }
    }
    // Walk problems came first; the user reads them best in path order, with the rest.
    corpus.problems.sort_by(|a, b| a.path().cmp(b.path()));
    corpus
}

/// The notes of reading one file (shown as `shown`), once each, as diagnostics: a file of
/// several posts has each note of its decoding on every post.
pub fn file_notices<'d>(
    shown: &str,
    docs: impl IntoIterator<Item = &'d Document>,
) -> Vec<InputError> {
    let mut seen: Vec<&Note> = Vec::new();
    let mut out = Vec::new();
    for doc in docs {
        for note in &doc.notes {
            if !seen.contains(&note) {
                seen.push(note);
                out.push(InputError::Notice {
                    path: shown.to_string(),
                    line: note.line,
                    message: note.message.clone(),
                });
            }
        }
    }
    out
}

/// Reads every article under `paths` like [`load`], but in parallel, handing each document
/// to `process` while its text is in memory. With `keep_text` false the text is dropped
/// afterwards: an archive is then held as metadata plus whatever `process` returns, and
/// [`reload_text`] reads a document again when a report needs its words.
pub fn load_map<T, F>(
    paths: &[PathBuf],
    options: &LoadOptions,
    keep_text: bool,
    process: F,
) -> (Corpus, Vec<T>)
where
    T: Send,
    F: Fn(&Document) -> T + Sync + Send,
{
    let (files, problems) = collect_files(paths, &options.exclude);
    let (mut corpus, outputs) = load_files_map(&files, options, keep_text, process);
    corpus.problems.extend(problems);
    corpus.problems.sort_by(|a, b| a.path().cmp(b.path()));
    (corpus, outputs)
}

/// [`load_map`] over files already collected (by [`collect_files`]): no second walk.
pub fn load_files_map<T, F>(
    files: &[PathBuf],
    options: &LoadOptions,
    keep_text: bool,
    process: F,
) -> (Corpus, Vec<T>)
where
    T: Send,
    F: Fn(&Document) -> T + Sync + Send,
{
    use rayon::prelude::*;
    let mut corpus = Corpus::default();
    // Per file: its path as shown, and its documents with what `process` made of each.
    type Read<T> = (String, Result<Vec<(Document, T)>, InputError>);
    let read: Vec<Read<T>> = files
        .par_iter()
        .map(|file| {
            let docs = read_file(file, options).map(|docs| {
                docs.into_iter()
                    .map(|mut doc| {
                        let out = process(&doc);
                        if !keep_text {
                            doc.text = String::new();
                        }
                        (doc, out)
                    })
                    .collect()
            });
            (display_path(file), docs)
        })
        .collect();
    let mut outputs = Vec::with_capacity(read.len());
    for (shown, result) in read {
        match result {
            Ok(docs) => {
                corpus
                    .problems
                    .extend(file_notices(&shown, docs.iter().map(|(d, _)| d)));
                for (mut doc, out) in docs {
                    doc.id = DocId(u32::try_from(corpus.documents.len()).unwrap_or(u32::MAX));
                    corpus.documents.push(doc);
                    outputs.push(out);
                }
            }
            Err(e) => corpus.problems.push(e),
        }
    }
    corpus.problems.sort_by(|a, b| a.path().cmp(b.path()));
    (corpus, outputs)
}

/// Reads a document's text again after [`load_map`] dropped it. Returns false when the file
/// is gone or changed so much that the document is no longer in it.
pub fn reload_text(doc: &mut Document, options: &LoadOptions) -> bool {
    if !doc.text.is_empty() {
        return true;
    }
    // Posts of a WordPress array are shown as `file#N`.
    let file = match doc.path.rsplit_once('#') {
        Some((file, n))
            if !n.is_empty()
                && n.bytes().all(|b| b.is_ascii_digit())
                && !Path::new(&doc.path).exists() =>
        {
            file.to_string()
        }
        _ => doc.path.clone(),
    };
    let Ok(docs) = read_file(Path::new(&file), options) else {
        return false;
    };
    match docs.into_iter().find(|d| d.path == doc.path) {
        Some(d) => {
            doc.text = d.text;
            true
        }
        None => false,
    }
}

/// Reads one file into documents. Refuses what is not a regular file (a FIFO would block
/// forever) and what is larger than [`MAX_FILE_BYTES`], without reading it.
pub fn read_file(file: &Path, options: &LoadOptions) -> Result<Vec<Document>, InputError> {
    use std::io::Read;
    let path = display_path(file);
    let unreadable = |e: std::io::Error| InputError::Unreadable {
        path: path.clone(),
        message: e.to_string(),
    };
    let meta = std::fs::metadata(file).map_err(unreadable)?;
    if !meta.is_file() {
        return Err(InputError::NotAFile {
            path: path.clone(),
            kind: walk::kind_of(&meta.file_type()).to_string(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(InputError::TooLarge {
            path: path.clone(),
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let handle = std::fs::File::open(file).map_err(unreadable)?;
    // The size can change between the check and the read: `take` keeps the bound anyway.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    handle
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_FILE_BYTES {
        return Err(InputError::TooLarge {
            path: path.clone(),
            size: read,
            limit: MAX_FILE_BYTES,
        });
    }
    read_vec(&path, bytes, options)
}

/// The path as shown in reports: as given, with `/` separators.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Reads one file's bytes into documents (a WordPress array yields several). Never panics,
/// whatever the bytes: binary data, empty files and malformed structure are errors naming
/// `path`; encoding fallbacks and repairs are [`Document::notes`].
pub fn read_bytes(
    path: &str,
    bytes: &[u8],
    options: &LoadOptions,
) -> Result<Vec<Document>, InputError> {
    read_vec(path, bytes.to_vec(), options)
}

/// [`read_bytes`], taking the bytes: a plain UTF-8 article becomes its text without a copy.
pub fn read_vec(
    path: &str,
    bytes: Vec<u8>,
    options: &LoadOptions,
) -> Result<Vec<Document>, InputError> {
    let decoded = decode::decode_vec(bytes).map_err(|b| InputError::Binary {
        path: path.to_string(),
        what: b.what.to_string(),
    })?;
    if decoded.text.trim().is_empty() {
        return Err(InputError::Empty {
            path: path.to_string(),
        });
    }
    let mut docs = read_string(path, decoded.text, options)?;
    for d in &mut docs {
        let mut notes = decoded.notes.clone();
        notes.append(&mut d.notes);
        d.notes = notes;
    }
    Ok(docs)
}

/// Reads already-decoded text into documents, detecting the format from the content.
pub fn read_text(
    path: &str,
    text: &str,
    options: &LoadOptions,
) -> Result<Vec<Document>, InputError> {
    read_string(path, text.to_string(), options)
}

/// [`read_text`], taking the text: plain text becomes the document's text as it is.
fn read_string(
    path: &str,
    owned: String,
    options: &LoadOptions,
) -> Result<Vec<Document>, InputError> {
    let text = owned.as_str();
    let trimmed = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let json_like = trimmed.starts_with('{') || trimmed.starts_with('[');
    let mut docs = if json_like && wordpress::looks_like_post(trimmed) {
        wordpress::read(path, text)?
    } else if json_like && wordpress::is_json(trimmed) {
        // A JSON error body from a failed API call, or other data: never an article.
        return Err(InputError::Malformed {
            path: path.to_string(),
            line: 1,
            message: "JSON data, but not a WordPress post (no content.rendered)".to_string(),
            help: "save WordPress REST API posts (/wp-json/wp/v2/posts) or the article's text"
                .to_string(),
        });
    } else if html::looks_like_html(trimmed) {
        vec![html::read(path, text)]
    } else if markdown::opens_front_matter(text) {
        vec![markdown::read(path, text)]
    } else {
        let format = if markdown::looks_like_markdown(text) {
            Format::Markdown
        } else {
            Format::Text
        };
        vec![plain(path, owned, format)]
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
