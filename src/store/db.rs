//! The SQLite claim store: one row per article file, checked against the file before use.
//!
//! A row is reused when its engine matches and the file's size and modification time match
//! (and, for a file modified within two seconds of the row being written, its content hash
//! too, since a write in the same clock tick leaves the time unchanged). Any other row is
//! read again from the file. Every failure of the database turns into a notice and a
//! fallback: rebuild it, or go on without it.

use super::records::{ClaimRecord, DocRecord};
use crate::corpus::{self, Corpus, Document, InputError, LoadOptions};
use crate::extract::{self, Claim};
use crate::knowledge::Knowledge;
use crate::rules::{Finding, Location, Severity, Source};
use crate::span::DocId;
use rayon::prelude::*;
use rusqlite::{params, Connection, OptionalExtension};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Layout of the tables; a database of another layout is rebuilt.
const SCHEMA: i64 = 3;

/// File name of the database inside the cache folder.
pub const DB_FILE: &str = "claims.sqlite";

const CREATE: &str = "
CREATE TABLE IF NOT EXISTS files(
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT NOT NULL,
    engine TEXT NOT NULL,
    seen_ns INTEGER NOT NULL,
    documents TEXT NOT NULL,
    claims TEXT NOT NULL,
    others TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs(
    key TEXT PRIMARY KEY,
    seen_ns INTEGER NOT NULL,
    findings TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS keys(
    path TEXT NOT NULL,
    doc TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS keys_by_key ON keys(kind, key);
CREATE INDEX IF NOT EXISTS keys_by_path ON keys(path);
";

/// A document as stored: its record and how many claims were read from it. Its claims
/// are in another column, which a run whose findings are stored does not read.
#[derive(Debug, Serialize, Deserialize)]
struct StoredDoc {
    #[serde(flatten)]
    record: DocRecord,
    read: usize,
}

/// The claims the rules read ([`crate::pipeline::needed_by_rules`]), per document.
type Needed = Vec<Vec<ClaimRecord>>;

/// The claims the rules do not read, per document, with their place in the full list (for
/// the HTML report, which lists every claim).
type Others = Vec<Vec<(usize, ClaimRecord)>>;

/// What a file's row says about it.
#[derive(Debug, Clone)]
struct RowMeta {
    size: i64,
    mtime_ns: i64,
    hash: String,
    engine: String,
    seen_ns: i64,
}

/// An open claim store.
pub struct Store {
    conn: Connection,
    /// The database file.
    file: PathBuf,
    /// Set when the database said it is damaged: it is removed at the end of the run.
    damaged: bool,
    /// Where the database is, for notices.
    shown: String,
    /// The engine key of this run: version, format, rules, reference date.
    engine: String,
}

/// What reading files through the store gave.
#[derive(Debug, Default)]
pub struct StoreOutcome {
    /// The documents, in sorted file order (texts kept only when asked).
    pub corpus: Corpus,
    /// Claims per document.
    pub claims: Vec<Vec<Claim>>,
    /// How many claims were read (reused ones included).
    pub claims_read: usize,
    /// Files whose claims came from the store.
    pub reused: usize,
    /// Files read and extracted.
    pub extracted: usize,
    /// Files left out by a selection.
    pub skipped: usize,
    /// Per document: its file, as shown, and its place in it (to merge with other reads).
    pub origin: Vec<(String, usize)>,
    /// One-line notices about the store.
    pub notices: Vec<String>,
}

/// The engine key: claims read under another key are never reused.
pub fn engine_key(rules_hash: &str, options: &LoadOptions) -> String {
    format!(
        "factdiff {} / build {} / records {} / rules {rules_hash} / date {}",
        env!("CARGO_PKG_VERSION"),
        build_id(),
        super::records::FORMAT_VERSION,
        options
            .default_date
            .map(|d| d.to_string())
            .unwrap_or_default()
    )
}

/// Which build of factdiff is running: the size and modification time of its executable.
/// The grammar changes between builds of one version (a development build, a patched
/// package), and a store must not hand one build's claims to another. A copied binary
/// only costs a rebuild of the store; when the executable cannot be read, every run gets
/// its own key, so nothing is reused.
fn build_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|m| format!("{}-{}", m.len(), mtime_ns(&m)))
            .unwrap_or_else(|_| format!("unknown-{}-{}", std::process::id(), now_ns()))
    })
}

fn now_ns() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

fn mtime_ns(meta: &std::fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// A file changed this close to its row's writing may have changed in the same clock tick.
const RACY_NS: i64 = 2_000_000_000;

impl Store {
    /// Opens (or creates) the store in `dir`. A database that is not one, or of another
    /// layout, is rebuilt (with a notice in `notices`); `Err` is the notice when there is no
    /// usable store at all (the folder cannot be written, the database cannot be rebuilt).
    pub fn open(dir: &Path, engine: String, notices: &mut Vec<String>) -> Result<Store, String> {
        let shown = corpus::display_path(&dir.join(DB_FILE));
        let without = |why: String| {
            format!("factdiff: notice: claim store {shown}: {why}; checking without it")
        };
        std::fs::create_dir_all(dir).map_err(|e| without(format!("cannot create: {e}")))?;
        // Like ruff's and mypy's caches, the folder says it is not to be committed.
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            let _ = std::fs::write(
                &ignore,
                "# Written by factdiff: a cache, never committed.\n*\n",
            );
        }
        let file = dir.join(DB_FILE);
        match Self::try_open(&file, &shown, &engine) {
            Ok(store) => Ok(store),
            Err(why) => {
                notices.push(format!(
                    "factdiff: notice: claim store {shown}: {why}; rebuilding it"
                ));
                let _ = std::fs::remove_file(&file);
                let _ = std::fs::remove_file(dir.join(format!("{DB_FILE}-journal")));
                Self::try_open(&file, &shown, &engine).map_err(without)
            }
        }
    }

    /// Opens `file`, creating its tables when it is new; `Err` says why it cannot be used
    /// as it is (not a database, another layout, not writable).
    fn try_open(file: &Path, shown: &str, engine: &str) -> Result<Store, String> {
        let conn = Connection::open(file).map_err(|e| format!("cannot open: {e}"))?;
        // Another check writing at the same time holds the lock briefly: wait for it.
        let _ = conn.busy_timeout(std::time::Duration::from_secs(10));
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| format!("unreadable ({e})"))?;
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .map_err(|e| format!("unreadable ({e})"))?;
        if tables > 0 && version != SCHEMA {
            return Err(format!(
                "written by another version of factdiff (layout {version}, this one {SCHEMA})"
            ));
        }
        if tables == 0 {
            // One transaction: a check running beside never sees tables without a layout.
            conn.execute_batch(&format!(
                "BEGIN IMMEDIATE;\n{CREATE}\nPRAGMA user_version = {SCHEMA};\nCOMMIT;"
            ))
            .map_err(|e| format!("cannot create tables: {e}"))?;
        }
        Ok(Store {
            conn,
            file: file.to_path_buf(),
            damaged: false,
            shown: shown.to_string(),
            engine: engine.to_string(),
        })
    }

    fn index(&self) -> rusqlite::Result<FxHashMap<String, RowMeta>> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, size, mtime_ns, hash, engine, seen_ns FROM files")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                RowMeta {
                    size: r.get(1)?,
                    mtime_ns: r.get(2)?,
                    hash: r.get(3)?,
                    engine: r.get(4)?,
                    seen_ns: r.get(5)?,
                },
            ))
        })?;
        rows.collect()
    }

    /// The key of a check of `files`: the engine and every file's path and content hash,
    /// when every file's row holds by its size and time alone (`None` otherwise: then
    /// something is read again anyway, and the findings are computed).
    pub fn run_key(&self, files: &[PathBuf]) -> Option<String> {
        use sha2::{Digest, Sha256};
        let index = self.index().ok()?;
        let engine = self.engine.as_str();
        let hashes: Option<Vec<(String, String)>> = files
            .par_iter()
            .map(|f| {
                let shown = corpus::display_path(f);
                let row = index.get(&shown).filter(|m| m.engine == engine)?;
                let meta = std::fs::metadata(f).ok()?;
                let size = i64::try_from(meta.len()).ok()?;
                let mtime = mtime_ns(&meta);
                let trusted = row.size == size
                    && row.mtime_ns == mtime
                    && mtime.saturating_add(RACY_NS) < row.seen_ns;
                trusted.then(|| (shown, row.hash.clone()))
            })
            .collect();
        let mut h = Sha256::new();
        h.update(self.engine.as_bytes());
        for (path, hash) in hashes? {
            h.update([0]);
            h.update(path.as_bytes());
            h.update([0]);
            h.update(hash.as_bytes());
        }
        Some(super::hex(&h.finalize()[..16]))
    }

    /// The findings stored for a check of key `key`, if any decode.
    pub fn stored_findings(&self, key: &str) -> Option<Vec<Finding>> {
        let text: String = self
            .conn
            .query_row("SELECT findings FROM runs WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .ok()??;
        let stored: Vec<StoredFinding> = serde_json::from_str(&text).ok()?;
        stored
            .into_iter()
            .map(StoredFinding::into_finding)
            .collect()
    }

    /// Keeps the findings of a check of key `key` (and those of the few latest others).
    pub fn store_findings(&mut self, key: &str, findings: &[Finding]) -> Result<(), String> {
        let stored: Vec<StoredFinding> = findings.iter().map(StoredFinding::new).collect();
        let text = serde_json::to_string(&stored).map_err(|e| e.to_string())?;
        let tx = self.conn.transaction().map_err(|e| e.to_string())?;
        tx.execute(
            "INSERT OR REPLACE INTO runs(key, seen_ns, findings) VALUES (?1, ?2, ?3)",
            params![key, now_ns(), text],
        )
        .and_then(|_| {
            tx.execute(
                "DELETE FROM runs WHERE key NOT IN (SELECT key FROM runs ORDER BY seen_ns DESC LIMIT 8)",
                [],
            )
        })
        .map_err(|e| e.to_string())?;
        tx.commit().map_err(|e| e.to_string())
    }

    /// The documents of `files` (metadata, no claims, no texts) from their rows, for a check
    /// whose findings are stored; `None` when a row is missing or does not decode.
    pub fn load_documents(&self, files: &[PathBuf]) -> Option<StoreOutcome> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT documents FROM files WHERE path = ?1")
            .ok()?;
        let mut texts = Vec::with_capacity(files.len());
        for f in files {
            let shown = corpus::display_path(f);
            let text: String = stmt.query_row([&shown], |r| r.get(0)).optional().ok()??;
            texts.push((shown, text));
        }
        let decoded: Option<Vec<(String, Vec<StoredDoc>)>> = texts
            .into_par_iter()
            .map(|(shown, text)| Some((shown, serde_json::from_str(&text).ok()?)))
            .collect();
        let mut out = StoreOutcome::default();
        for (shown, docs) in decoded? {
            out.reused += 1;
            out.corpus.problems.extend(corpus::file_notices(
                &shown,
                docs.iter().map(|d| &d.record.document),
            ));
            for d in docs {
                let mut doc = d.record.document;
                doc.id = DocId(u32::try_from(out.corpus.documents.len()).unwrap_or(u32::MAX));
                out.origin.push((shown.clone(), d.record.index));
                out.claims_read += d.read;
                out.corpus.documents.push(doc);
                out.claims.push(Vec::new());
            }
        }
        out.corpus.problems.sort_by(|a, b| a.path().cmp(b.path()));
        Some(out)
    }

    /// The files whose documents share a key with `keys`, and the documents that share a
    /// key with those, and so on up to `hops` steps (resolution links clusters through
    /// documents that do not name the draft's people themselves); with the keys met.
    fn paths_with(
        &self,
        keys: &Keys,
        hops: usize,
    ) -> rusqlite::Result<(rustc_hash::FxHashSet<String>, Keys)> {
        let mut by_key = self
            .conn
            .prepare_cached("SELECT DISTINCT path FROM keys WHERE kind = ?1 AND key = ?2")?;
        let mut of_path = self
            .conn
            .prepare_cached("SELECT kind, key FROM keys WHERE path = ?1")?;
        let follow_env = std::env::var("FACTDIFF_FOLLOW").ok();
        let follow: Vec<&str> = match &follow_env {
            Some(v) => v.split(',').collect(),
            None => super::keys::FOLLOWED.to_vec(),
        };
        let mut paths = rustc_hash::FxHashSet::default();
        let mut seen: Keys = keys.clone();
        let mut frontier: Vec<(&'static str, String)> = keys.iter().cloned().collect();
        for _ in 0..hops {
            let mut new_paths = Vec::new();
            for (kind, key) in &frontier {
                let rows = by_key.query_map(params![kind, key], |r| r.get::<_, String>(0))?;
                for p in rows {
                    let p = p?;
                    if paths.insert(p.clone()) {
                        new_paths.push(p);
                    }
                }
            }
            frontier.clear();
            for p in &new_paths {
                let rows = of_path.query_map([p], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                })?;
                for k in rows {
                    let (kind, key) = k?;
                    let Some(kind) = super::keys::KINDS.iter().find(|k| **k == kind) else {
                        continue;
                    };
                    // Beyond the drafts' own keys, only what names one event or office
                    // (`FACTDIFF_FOLLOW` overrides, for measuring): a person or a day
                    // shared with an archive document is shared with thousands more.
                    if follow.contains(kind) && seen.insert((kind, key.clone())) {
                        frontier.push((kind, key));
                    }
                }
            }
            if frontier.is_empty() {
                break;
            }
        }
        Ok((paths, seen))
    }

    fn blob(&self, path: &str, others: bool) -> rusqlite::Result<Option<Blob>> {
        let sql = if others {
            "SELECT documents, claims, others FROM files WHERE path = ?1"
        } else {
            "SELECT documents, claims, '' FROM files WHERE path = ?1"
        };
        self.conn
            .prepare_cached(sql)?
            .query_row([path], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()
    }

    /// Reads `files` through the store: reuses the claims of unchanged files, reads and
    /// extracts the others and stores them. `keep_texts` keeps every claim and every text
    /// (the HTML report); otherwise only the claims the rules read are kept, and no text.
    /// With `select` (keys and hops), only the files that meet the keys are loaded
    /// ([`Store::paths_with`]); the others are still brought up to date.
    pub fn load(
        &mut self,
        files: &[PathBuf],
        options: &LoadOptions,
        kb: &Knowledge,
        keep_texts: bool,
        select: Option<(&Keys, usize)>,
        progress: &(dyn Fn(u64) + Sync),
    ) -> StoreOutcome {
        let mut notices = Vec::new();
        let index = match self.index() {
            Ok(i) => i,
            Err(e) => {
                self.damaged |= damage(&e);
                notices.push(format!(
                    "factdiff: notice: claim store {}: unreadable ({e}); reading every file again",
                    self.shown
                ));
                FxHashMap::default()
            }
        };
        let shown: Vec<String> = files.iter().map(|f| corpus::display_path(f)).collect();
        // With a selection, only the files sharing a key with it are loaded.
        let mut grown = None;
        let candidates = match select.map(|keys| self.paths_with(keys.0, keys.1)) {
            None => None,
            Some(Ok((paths, keys))) => {
                grown = Some(keys);
                Some(paths)
            }
            Some(Err(e)) => {
                notices.push(format!(
                    "factdiff: notice: claim store {}: unreadable ({e}); reading every file again",
                    self.shown
                ));
                None
            }
        };
        let select = grown.as_ref().or(select.map(|s| s.0));
        let wanted = |s: &str| candidates.as_ref().is_none_or(|c| c.contains(s));
        let engine = self.engine.clone();
        let seen = now_ns();
        let mut got: Vec<Got> = Vec::with_capacity(files.len());
        let mut failed = None;
        let mut unwritten = None;
        // A batch of files at a time: rows fetched, files read, new rows written, so that
        // neither every row's JSON nor every new row is held at once.
        const BATCH: usize = 2048;
        for (batch, names) in files.chunks(BATCH).zip(shown.chunks(BATCH)) {
            // Rows written under this engine, one by one (a connection is one thread's).
            let mut blobs: Vec<Option<Blob>> = Vec::with_capacity(batch.len());
            for s in names {
                let row = match index.get(s) {
                    Some(m) if m.engine == self.engine && failed.is_none() && wanted(s) => {
                        match self.blob(s, keep_texts) {
                            Ok(b) => b,
                            Err(e) => {
                                failed = Some(e);
                                None
                            }
                        }
                    }
                    _ => None,
                };
                blobs.push(row);
            }
            let mut part: Vec<Got> = batch
                .par_iter()
                .zip(names.par_iter())
                .zip(blobs.into_par_iter())
                .map(|((file, s), blob)| {
                    let got = one_file(
                        file,
                        s,
                        index.get(s).filter(|m| m.engine == engine),
                        blob,
                        Want {
                            now: wanted(s),
                            select,
                        },
                        options,
                        kb,
                        keep_texts,
                    );
                    progress(1);
                    got
                })
                .collect();
            let rows: Vec<(&str, Write)> = part
                .iter_mut()
                .zip(names)
                .filter_map(|(g, s)| match g {
                    Got::Extracted { row, .. } => row.take().map(|r| (s.as_str(), Write::Row(r))),
                    _ => None,
                })
                .collect();
            if !rows.is_empty() && !self.damaged && unwritten.is_none() {
                if let Err(e) = self.write(&rows, seen) {
                    self.damaged |= damage(&e);
                    unwritten = Some(e);
                }
            }
            got.extend(part);
        }
        if let Some(e) = failed {
            self.damaged |= damage(&e);
            notices.push(format!(
                "factdiff: notice: claim store {}: unreadable ({e}); reading the other files again",
                self.shown
            ));
        }
        if let Some(e) = unwritten {
            notices.push(format!(
                "factdiff: notice: claim store {}: not updated ({e}); the next check reads these files again",
                self.shown
            ));
        }
        self.assemble(got, &shown, keep_texts, options, seen, notices)
    }

    fn assemble(
        &mut self,
        got: Vec<Got>,
        shown: &[String],
        keep_texts: bool,
        options: &LoadOptions,
        seen: i64,
        mut notices: Vec<String>,
    ) -> StoreOutcome {
        let mut out = StoreOutcome::default();
        // What is left to write: rows that still hold, with a new time (new rows are
        // written as they are made).
        let mut writes: Vec<(&str, Write)> = Vec::new();
        for (got, s) in got.into_iter().zip(shown) {
            let (docs, write) = match got {
                Got::Failed(e) => {
                    out.corpus.problems.push(e);
                    continue;
                }
                Got::Reused { docs, touch } => {
                    out.reused += 1;
                    (docs, touch.map(Write::Touch))
                }
                Got::Skipped { touch } => {
                    out.skipped += 1;
                    (Vec::new(), touch.map(Write::Touch))
                }
                Got::Extracted { docs, row } => {
                    out.extracted += 1;
                    (docs, row.map(Write::Row))
                }
            };
            if let Some(w) = write {
                writes.push((s.as_str(), w));
            }
            out.corpus
                .problems
                .extend(corpus::file_notices(s, docs.iter().map(|d| &d.0)));
            for (index, (mut doc, mut claims, read)) in docs.into_iter().enumerate() {
                out.origin.push((s.clone(), index));
                let id = DocId(u32::try_from(out.corpus.documents.len()).unwrap_or(u32::MAX));
                doc.id = id;
                for c in &mut claims {
                    c.doc = id;
                }
                out.claims_read += read;
                out.corpus.documents.push(doc);
                out.claims.push(claims);
            }
        }
        out.corpus.problems.sort_by(|a, b| a.path().cmp(b.path()));
        if keep_texts {
            // Reused documents come without their text; the HTML report shows them all.
            out.corpus.documents.par_iter_mut().for_each(|d| {
                corpus::reload_text(d, options);
            });
        }
        if !writes.is_empty() && !self.damaged {
            if let Err(e) = self.write(&writes, seen) {
                self.damaged |= damage(&e);
                notices.push(format!(
                    "factdiff: notice: claim store {}: not updated ({e}); the next check reads these files again",
                    self.shown
                ));
            }
        }
        if self.damaged {
            // A damaged database is never trusted again: the next check starts a new one.
            let _ = std::fs::remove_file(&self.file);
            let journal = format!("{}-journal", self.file.display());
            let _ = std::fs::remove_file(journal);
            notices.push(format!(
                "factdiff: notice: claim store {}: damaged; removed, the next check rebuilds it",
                self.shown
            ));
            self.damaged = false;
        }
        out.notices = notices;
        out
    }

    fn write(&mut self, writes: &[(&str, Write)], seen: i64) -> rusqlite::Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut row = tx.prepare_cached(
                "INSERT OR REPLACE INTO files(path, size, mtime_ns, hash, engine, seen_ns, documents, claims, others) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            let mut touch = tx.prepare_cached(
                "UPDATE files SET size = ?2, mtime_ns = ?3, seen_ns = ?4 WHERE path = ?1",
            )?;
            let mut forget = tx.prepare_cached("DELETE FROM keys WHERE path = ?1")?;
            let mut key = tx
                .prepare_cached("INSERT INTO keys(path, doc, kind, key) VALUES (?1, ?2, ?3, ?4)")?;
            for (path, w) in writes {
                match w {
                    Write::Touch((size, mtime)) => {
                        touch.execute(params![path, size, mtime, seen])?;
                    }
                    Write::Row(r) => {
                        row.execute(params![
                            path,
                            r.size,
                            r.mtime_ns,
                            r.hash,
                            self.engine,
                            seen,
                            r.documents,
                            r.claims,
                            r.others
                        ])?;
                        forget.execute([path])?;
                        for (doc, kind, k) in &r.keys {
                            key.execute(params![path, doc, kind, k])?;
                        }
                    }
                }
            }
        }
        tx.commit()
    }
}

/// True for errors that say the database file itself is damaged (not busy, not locked).
fn damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

/// A file's row to write.
struct NewRow {
    size: i64,
    mtime_ns: i64,
    hash: String,
    documents: String,
    claims: String,
    others: String,
    keys: Vec<(String, &'static str, String)>,
}

enum Write {
    /// The row holds, with a new size and time (the file was touched, not changed).
    Touch((i64, i64)),
    /// A new row.
    Row(Box<NewRow>),
}

/// A finding as stored with the run it came from.
#[derive(Debug, Serialize, Deserialize)]
struct StoredFinding {
    rule: String,
    severity: Severity,
    message: String,
    subject: String,
    values: Vec<String>,
    locations: Vec<StoredLocation>,
    help: String,
}

/// A location as stored: a document (by its place in the run) or a rules file.
#[derive(Debug, Serialize, Deserialize)]
struct StoredLocation {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    doc: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    rules: Option<usize>,
    start: usize,
    end: usize,
    label: String,
}

impl StoredFinding {
    fn new(f: &Finding) -> StoredFinding {
        StoredFinding {
            rule: f.rule.to_string(),
            severity: f.severity,
            message: f.message.clone(),
            subject: f.subject.clone(),
            values: f.values.clone(),
            locations: f
                .locations
                .iter()
                .map(|l| {
                    let (doc, rules) = match l.source {
                        Source::Document(d) => (Some(d.0), None),
                        Source::Rules(r) => (None, Some(r)),
                    };
                    StoredLocation {
                        doc,
                        rules,
                        start: l.span.start,
                        end: l.span.end,
                        label: l.label.clone(),
                    }
                })
                .collect(),
            help: f.help.clone(),
        }
    }

    /// The finding, or `None` for a rule this factdiff does not have.
    fn into_finding(self) -> Option<Finding> {
        let rule = crate::rules::find(&self.rule)?.id;
        let locations: Option<Vec<Location>> = self
            .locations
            .into_iter()
            .map(|l| {
                let source = match (l.doc, l.rules) {
                    (Some(d), None) => Source::Document(DocId(d)),
                    (None, Some(r)) => Source::Rules(r),
                    _ => return None,
                };
                Some(Location {
                    source,
                    span: crate::span::Span {
                        start: l.start,
                        end: l.end,
                    },
                    label: l.label,
                })
            })
            .collect();
        Some(Finding {
            rule,
            severity: self.severity,
            message: self.message,
            subject: self.subject,
            values: self.values,
            locations: locations?,
            help: self.help,
        })
    }
}

/// A row's documents, claims the rules read, and the other claims (JSON).
type Blob = (String, String, String);

/// Documents with their kept claims and the number of claims read.
type Docs = Vec<(Document, Vec<Claim>, usize)>;

/// Keys a selection looks for ([`super::keys`]).
pub type Keys = rustc_hash::FxHashSet<(&'static str, String)>;

/// Whether a file is wanted: `now` when its row's keys meet the selection (or there is
/// none); a file read again is kept when its new keys do.
#[derive(Clone, Copy)]
struct Want<'k> {
    now: bool,
    select: Option<&'k Keys>,
}

enum Got {
    Failed(InputError),
    Skipped {
        touch: Option<(i64, i64)>,
    },
    Reused {
        docs: Docs,
        touch: Option<(i64, i64)>,
    },
    Extracted {
        docs: Docs,
        row: Option<Box<NewRow>>,
    },
}

/// One file: its row when it still holds, else the file read and extracted.
#[allow(clippy::too_many_arguments)]
fn one_file(
    file: &Path,
    shown: &str,
    row: Option<&RowMeta>,
    blob: Option<Blob>,
    want: Want<'_>,
    options: &LoadOptions,
    kb: &Knowledge,
    keep_texts: bool,
) -> Got {
    let meta = std::fs::metadata(file);
    let (size, mtime) = match &meta {
        Ok(m) => (i64::try_from(m.len()).unwrap_or(i64::MAX), mtime_ns(m)),
        Err(_) => (-1, 0),
    };
    let mut bytes = None;
    if let (Some(row), Ok(m)) = (row, &meta) {
        let same_stat = row.size == size && row.mtime_ns == mtime;
        let trusted = same_stat && mtime.saturating_add(RACY_NS) < row.seen_ns;
        let holds = trusted
            || (m.is_file() && m.len() <= corpus::MAX_FILE_BYTES && {
                let read = std::fs::read(file).ok();
                let same = read
                    .as_deref()
                    .is_some_and(|b| super::content_hash(b) == row.hash);
                bytes = read;
                same
            });
        let touch = (holds && !trusted).then_some((size, mtime));
        if holds && !want.now {
            return Got::Skipped { touch };
        }
        if holds {
            if let Some(docs) = blob.as_ref().and_then(|b| decode_blob(b, keep_texts)) {
                return Got::Reused { docs, touch };
            }
        }
    }
    let got = extract_file(file, shown, bytes, size, mtime, options, kb, keep_texts);
    match (got, want.select) {
        (Got::Extracted { docs, row }, Some(select)) => {
            let meets = docs.iter().any(|(_, claims, _)| {
                super::keys::of(claims)
                    .into_iter()
                    .any(|k| select.contains(&k))
            });
            Got::Extracted {
                docs: if meets { docs } else { Vec::new() },
                row,
            }
        }
        (got, _) => got,
    }
}

/// The documents of a row, or `None` when the row does not decode (then the file is read
/// again, never trusted).
fn decode_blob((documents, needed, others): &Blob, keep_texts: bool) -> Option<Docs> {
    let stored: Vec<StoredDoc> = serde_json::from_str(documents).ok()?;
    let needed: Needed = serde_json::from_str(needed).ok()?;
    if needed.len() != stored.len() {
        return None;
    }
    let mut others: Others = if keep_texts {
        serde_json::from_str(others).ok()?
    } else {
        Vec::new()
    };
    let mut docs = Vec::with_capacity(stored.len());
    for (i, (d, kept)) in stored.into_iter().zip(needed).enumerate() {
        let mut claims: Vec<Claim> = kept.into_iter().map(ClaimRecord::into_claim).collect();
        if keep_texts {
            let rest = others.get_mut(i).map(std::mem::take).unwrap_or_default();
            for (at, c) in rest {
                claims.insert(at.min(claims.len()), c.into_claim());
            }
            if claims.len() != d.read {
                return None;
            }
        }
        docs.push((d.record.document, claims, d.read));
    }
    Some(docs)
}

#[allow(clippy::too_many_arguments)]
fn extract_file(
    file: &Path,
    shown: &str,
    bytes: Option<Vec<u8>>,
    size: i64,
    mtime: i64,
    options: &LoadOptions,
    kb: &Knowledge,
    keep_texts: bool,
) -> Got {
    let bytes = match bytes {
        Some(b) => b,
        None => match std::fs::metadata(file) {
            Ok(m) if m.is_file() && m.len() <= corpus::MAX_FILE_BYTES => {
                match std::fs::read(file) {
                    Ok(b) => b,
                    Err(_) => return read_plainly(file, options),
                }
            }
            // Not a regular file, too large, gone: the reader says which, as without a store.
            _ => return read_plainly(file, options),
        },
    };
    let hash = super::content_hash(&bytes);
    let docs = match corpus::read_vec(shown, bytes, options) {
        Ok(d) => d,
        Err(e) => return Got::Failed(e),
    };
    let mut stored = Vec::with_capacity(docs.len());
    let mut others: Others = Vec::with_capacity(docs.len());
    let mut needed_all: Needed = Vec::with_capacity(docs.len());
    let mut keys = Vec::new();
    let mut out = Vec::with_capacity(docs.len());
    for (index, mut doc) in docs.into_iter().enumerate() {
        let claims = extract::extract(&doc, kb);
        let read = claims.len();
        let mut needed = Vec::new();
        let mut rest = Vec::new();
        for (i, c) in claims.iter().enumerate() {
            if crate::pipeline::needed_by_rules(c) {
                needed.push(stripped(&doc, c));
            } else {
                rest.push((i, stripped(&doc, c)));
            }
        }
        keys.extend(
            super::keys::of(&claims)
                .into_iter()
                .map(|(kind, k)| (doc.path.clone(), kind, k)),
        );
        stored.push(StoredDoc {
            record: DocRecord {
                file: shown.to_string(),
                index,
                document: Document {
                    text: String::new(),
                    ..doc.clone()
                },
            },
            read,
        });
        needed_all.push(needed);
        others.push(rest);
        let kept = if keep_texts {
            claims
        } else {
            doc.text = String::new();
            claims
                .into_iter()
                .filter(crate::pipeline::needed_by_rules)
                .collect()
        };
        out.push((doc, kept, read));
    }
    let row = match (
        serde_json::to_string(&stored),
        serde_json::to_string(&needed_all),
        serde_json::to_string(&others),
    ) {
        (Ok(documents), Ok(claims), Ok(others)) if size >= 0 => Some(Box::new(NewRow {
            size,
            mtime_ns: mtime,
            hash,
            documents,
            claims,
            others,
            keys,
        })),
        _ => None,
    };
    Got::Extracted { docs: out, row }
}

/// A claim's record without its document's path (the row names the file).
fn stripped(doc: &Document, c: &Claim) -> ClaimRecord {
    let mut r = ClaimRecord::new(doc, c);
    r.doc = String::new();
    r
}

/// A file read as a check without a store reads it (for the error it gives), not stored.
fn read_plainly(file: &Path, options: &LoadOptions) -> Got {
    match corpus::read_file(file, options) {
        Err(e) => Got::Failed(e),
        // It could be read after all (it changed meanwhile): not stored, read next time.
        Ok(_) => Got::Failed(InputError::Unreadable {
            path: corpus::display_path(file),
            message: "changed while being read; check again".to_string(),
        }),
    }
}
