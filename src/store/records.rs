//! Claims that travel: the JSON Lines form of documents and their claims.
//!
//! `factdiff extract --format jsonl` writes a header line, then for each document a
//! `document` record followed by one `claim` record per claim (frames are `event` claims).
//! `factdiff check --claims FILE...` reads such files back, from any number of shards, and
//! rebuilds the corpus (without texts) and its claims, so resolution and the rules give the
//! same findings as a check of the texts. Everything resolution reads travels: the
//! document's path, file and place in it, title, publication date, outlet, and every claim.

use crate::corpus::{Corpus, Document};
use crate::extract::{Claim, ClaimData};
use crate::span::DocId;
use miette::Diagnostic;
use serde::{Deserialize, Serialize};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Version of the record layout; bumped when a record changes shape.
pub const FORMAT_VERSION: u32 = 1;

/// A claims file that cannot be read back.
#[derive(Debug, Error, Diagnostic)]
pub enum ClaimsError {
    /// The file cannot be opened or read.
    #[error("{path}: cannot read claims: {message}")]
    #[diagnostic(
        code(factdiff::claims::unreadable),
        help("give files written by `factdiff extract --format jsonl`")
    )]
    Unreadable {
        /// The file.
        path: String,
        /// The operating system's reason.
        message: String,
    },
    /// A line is not a record of this format.
    #[error("{path}:{line}: not a claims record: {message}")]
    #[diagnostic(
        code(factdiff::claims::malformed),
        help("the file must be the output of `factdiff extract --format jsonl`, one record a line; extract it again")
    )]
    Malformed {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// What serde said.
        message: String,
    },
    /// A claim names a document that no earlier `document` record introduced.
    #[error("{path}:{line}: claim of unknown document {doc}")]
    #[diagnostic(
        code(factdiff::claims::orphan),
        help("a document record must come before its claims; do not reorder or cut the lines of a claims file")
    )]
    Orphan {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// The document path the claim names.
        doc: String,
    },
}

/// The first line of a claims file: who wrote it, with which rules.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Header {
    /// The factdiff version that extracted the claims.
    pub factdiff: String,
    /// [`FORMAT_VERSION`].
    pub format: u32,
    /// Hash of the rules loaded ([`crate::store::rules_hash`]).
    pub rules: String,
}

/// A document, without its text, and where it sits among the files.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocRecord {
    /// The file the document was read from, as shown.
    pub file: String,
    /// Its position among the documents of that file (posts of a WordPress array).
    pub index: usize,
    /// The document.
    #[serde(flatten)]
    pub document: Document,
}

/// A claim, naming its document by path.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClaimRecord {
    /// The document's path.
    pub doc: String,
    /// The claim.
    #[serde(flatten)]
    pub claim: Claim,
    /// A stated weekday's whole date expression as written, which the claim's own JSON
    /// leaves out and the weekday rule quotes.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub weekday_written: Option<String>,
}

/// One line of a claims file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "lowercase")]
pub enum Record {
    /// The first line.
    Header(Header),
    /// A document.
    Document(DocRecord),
    /// A claim of the last document with that path.
    Claim(ClaimRecord),
}

impl ClaimRecord {
    /// The record of `claim`, read from `doc` (whose text, when there, gives the weekday's
    /// written form if the claim lost it).
    pub fn new(doc: &Document, claim: &Claim) -> ClaimRecord {
        let weekday_written = match &claim.data {
            ClaimData::Time {
                stated_weekday: Some(w),
                ..
            } => Some(if w.written.is_empty() {
                claim.span.slice(&doc.text).to_string()
            } else {
                w.written.clone()
            }),
            _ => None,
        };
        ClaimRecord {
            doc: doc.path.clone(),
            claim: claim.clone(),
            weekday_written,
        }
    }

    /// The claim, with what its JSON left out put back.
    pub fn into_claim(self) -> Claim {
        let mut claim = self.claim;
        if let (
            ClaimData::Time {
                stated_weekday: Some(w),
                ..
            },
            Some(written),
        ) = (&mut claim.data, self.weekday_written)
        {
            w.written = written;
        }
        claim
    }
}

/// The header line of a claims file (with its line feed).
pub fn header_line(rules_hash: &str) -> String {
    let header = Record::Header(Header {
        factdiff: env!("CARGO_PKG_VERSION").to_string(),
        format: FORMAT_VERSION,
        rules: rules_hash.to_string(),
    });
    let mut line = serde_json::to_string(&header).unwrap_or_default();
    line.push('\n');
    line
}

/// The lines of one document and its claims.
pub fn render(file: &str, index: usize, doc: &Document, claims: &[Claim]) -> Vec<u8> {
    let mut out = Vec::with_capacity(256 + claims.len() * 200);
    let record = Record::Document(DocRecord {
        file: file.to_string(),
        index,
        document: Document {
            text: String::new(),
            ..doc.clone()
        },
    });
    // Serialising plain data to memory cannot fail; a line is never half written.
    if serde_json::to_writer(&mut out, &record).is_ok() {
        out.push(b'\n');
    }
    for c in claims {
        if serde_json::to_writer(&mut out, &Record::Claim(ClaimRecord::new(doc, c))).is_ok() {
            out.push(b'\n');
        }
    }
    out
}

/// What claims files gave back.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The documents, in the order a check of their files would read them, without texts.
    pub corpus: Corpus,
    /// Claims per document, indexed like `corpus.documents`.
    pub claims: Vec<Vec<Claim>>,
    /// How many claims were read.
    pub claims_read: usize,
    /// One-line remarks (another version or other rules wrote a file; a document given twice).
    pub notices: Vec<String>,
}

/// Reads claims files (shards of one archive, in any order). `keep` says which claims to
/// keep in memory (all are counted). Documents are put in the order a check of the texts
/// reads them (sorted by file, then by place in the file), so findings and fingerprints are
/// the same; a document given twice is kept once.
pub fn load(
    files: &[PathBuf],
    rules_hash: &str,
    keep: impl Fn(&Claim) -> bool,
) -> Result<Loaded, ClaimsError> {
    // Each document with the claims kept and the number read.
    let mut docs: Vec<(DocRecord, Vec<Claim>, usize)> = Vec::new();
    let mut notices = Vec::new();
    let mut claims_read = 0;
    for file in files {
        let shown = crate::corpus::display_path(file);
        let handle = std::fs::File::open(file).map_err(|e| ClaimsError::Unreadable {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        // Claims of a document are found by path; within one file they follow it.
        let mut by_path: rustc_hash::FxHashMap<String, usize> = Default::default();
        for (n, line) in std::io::BufReader::new(handle).lines().enumerate() {
            let line = line.map_err(|e| ClaimsError::Unreadable {
                path: shown.clone(),
                message: e.to_string(),
            })?;
            if line.trim().is_empty() {
                continue;
            }
            let record: Record =
                serde_json::from_str(&line).map_err(|e| ClaimsError::Malformed {
                    path: shown.clone(),
                    line: n + 1,
                    message: e.to_string(),
                })?;
            match record {
                Record::Header(h) => {
                    if h.factdiff != env!("CARGO_PKG_VERSION") || h.rules != rules_hash {
                        notices.push(format!(
                            "factdiff: notice: {shown} was extracted by factdiff {} with other rules or another version; its claims are used as they are (extract it again for this version's)",
                            h.factdiff
                        ));
                    }
                }
                Record::Document(d) => {
                    by_path.insert(d.document.path.clone(), docs.len());
                    docs.push((d, Vec::new(), 0));
                }
                Record::Claim(c) => {
                    let Some(&i) = by_path.get(&c.doc) else {
                        return Err(ClaimsError::Orphan {
                            path: shown.clone(),
                            line: n + 1,
                            doc: c.doc,
                        });
                    };
                    claims_read += 1;
                    docs[i].2 += 1;
                    let claim = c.into_claim();
                    if keep(&claim) {
                        docs[i].1.push(claim);
                    }
                }
            }
        }
    }
    // The order of a check: files sorted as paths (as the walk sorts them), then posts.
    docs.sort_by(|(a, _, _), (b, _, _)| {
        (Path::new(&a.file), a.index).cmp(&(Path::new(&b.file), b.index))
    });
    let mut loaded = Loaded {
        notices,
        ..Loaded::default()
    };
    let mut seen: rustc_hash::FxHashSet<String> = Default::default();
    for (record, mut claims, read) in docs {
        if !seen.insert(record.document.path.clone()) {
            loaded.notices.push(format!(
                "factdiff: notice: document {} is in several claims files; the first one is used",
                record.document.path
            ));
            claims_read -= read.min(claims_read);
            continue;
        }
        let id = DocId(u32::try_from(loaded.corpus.documents.len()).unwrap_or(u32::MAX));
        let mut document = record.document;
        document.id = id;
        for c in &mut claims {
            c.doc = id;
        }
        loaded.corpus.documents.push(document);
        loaded.claims.push(claims);
    }
    loaded.claims_read = claims_read;
    Ok(loaded)
}
