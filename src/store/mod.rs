//! The claim store: claims kept per file between runs, and claims that travel as JSON Lines.
//!
//! [`Store`] is an SQLite database (`.factdiff_cache/claims.sqlite` by default) with one row
//! per article file: its path, size, modification time and content hash, the engine that
//! read it (factdiff version, record format, hash of the rules loaded, `--date`), its
//! documents and its claims as JSON. A check reads again only the files whose row is missing
//! or does not match, so a re-check of an unchanged archive extracts nothing. A `keys` table
//! indexes what resolution looks up (people, series, organisations, offices, days) so a
//! draft can fetch the archive's documents it can meet instead of scanning them all.
//!
//! The store is a cache, never a source of truth: a corrupt, foreign or locked database,
//! or a folder that cannot be written, costs a one-line notice and the work it would have
//! saved, never a finding from stale claims.

pub mod against;
pub mod db;
pub mod keys;
pub mod records;

pub use db::{Store, StoreOutcome};

use crate::knowledge::Knowledge;
use sha2::{Digest, Sha256};

/// Hash of the rules actually loaded (embedded and user files, paths and texts): claims read
/// with other rules are never reused.
pub fn rules_hash(kb: &Knowledge) -> String {
    let mut h = Sha256::new();
    for f in &kb.files {
        h.update((f.path.len() as u64).to_le_bytes());
        h.update(f.path.as_bytes());
        h.update((f.text.len() as u64).to_le_bytes());
        h.update(f.text.as_bytes());
    }
    hex(&h.finalize()[..16])
}

/// Hash of a file's bytes.
pub fn content_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes)[..16])
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}
