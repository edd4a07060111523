//! Fingerprints: a short stable name for what a finding means, so a baseline or an ignore
//! entry keeps matching the same finding after the article is edited.
//!
//! The hash covers the rule, the subject, the disagreeing values (folded and sorted) and the
//! documents involved (sorted, deduplicated). It never covers lines, offsets or excerpts:
//! inserting a line above, reflowing whitespace or moving a sentence leaves it unchanged.
//! Rules files are left out on purpose: moving a fact from one rules file to another does not
//! change what the finding says about the articles.

use crate::text::fold;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// Number of hex digits kept (64 bits): short enough to read in a baseline, long enough that
/// accidental collisions are out of reach; real collisions are disambiguated by [`assign`].
const HEX_DIGITS: usize = 16;

/// What a fingerprint is computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meaning<'a> {
    /// Rule id.
    pub rule: &'a str,
    /// Canonical subject.
    pub subject: &'a str,
    /// Disagreeing values, as the rule normalised them.
    pub values: &'a [String],
    /// Paths of the documents involved, in any order.
    pub paths: &'a [String],
}

/// The fingerprint of one meaning, before disambiguation.
pub fn fingerprint(meaning: &Meaning<'_>) -> String {
    let mut values: Vec<String> = meaning.values.iter().map(|v| fold(v)).collect();
    values.sort();
    let mut paths: Vec<&str> = meaning.paths.iter().map(String::as_str).collect();
    paths.sort_unstable();
    paths.dedup();
    let mut h = Sha256::new();
    // Each field is length-prefixed so ("ab", "c") and ("a", "bc") hash differently.
    let mut field = |s: &str| {
        h.update((s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    field("factdiff-fingerprint-v1");
    field(meaning.rule);
    field(&fold(meaning.subject));
    field(&values.len().to_string());
    for v in &values {
        field(v);
    }
    field(&paths.len().to_string());
    for p in &paths {
        field(p);
    }
    hex(&h.finalize())
}

/// Fingerprints for a list of meanings, all different: when several meanings hash alike (two
/// findings that say the same thing about the same documents), the first keeps the plain
/// fingerprint and the others get a numbered derivative. `order` breaks the tie: findings with
/// equal meaning are numbered in the order of their `order` keys (e.g. message, then
/// position), so the assignment does not depend on the order the rules produced them in.
pub fn assign<K: Ord>(meanings: &[Meaning<'_>], order: impl Fn(usize) -> K) -> Vec<String> {
    let base: Vec<String> = meanings.iter().map(fingerprint).collect();
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, fp) in base.iter().enumerate() {
        groups.entry(fp.as_str()).or_default().push(i);
    }
    let mut out = base.clone();
    for (fp, mut members) in groups {
        if members.len() < 2 {
            continue;
        }
        members.sort_by_key(|&i| (order(i), i));
        for (n, &i) in members.iter().enumerate().skip(1) {
            out[i] = derive(fp, n);
        }
    }
    out
}

/// The `n`-th fingerprint derived from `base` (n ≥ 1).
fn derive(base: &str, n: usize) -> String {
    let mut h = Sha256::new();
    h.update(base.as_bytes());
    h.update(b"#");
    h.update(n.to_string().as_bytes());
    hex(&h.finalize())
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(HEX_DIGITS);
    for b in bytes {
        if s.len() >= HEX_DIGITS {
            break;
        }
        s.push_str(&format!("{b:02x}"));
    }
    s.truncate(HEX_DIGITS);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m<'a>(rule: &'a str, values: &'a [String], paths: &'a [String]) -> Meaning<'a> {
        Meaning {
            rule,
            subject: "Jane Doe",
            values,
            paths,
        }
    }

    #[test]
    fn order_case_and_spacing_do_not_matter() {
        let v1 = vec!["Prime  Minister".to_string(), "president".to_string()];
        let v2 = vec!["President".to_string(), "prime minister".to_string()];
        let p1 = vec![
            "b.txt".to_string(),
            "a.txt".to_string(),
            "a.txt".to_string(),
        ];
        let p2 = vec!["a.txt".to_string(), "b.txt".to_string()];
        let a = fingerprint(&m("r", &v1, &p1));
        assert_eq!(a, fingerprint(&m("r", &v2, &p2)));
        assert_eq!(a.len(), HEX_DIGITS);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, fingerprint(&m("other", &v2, &p2)));
        let p3 = vec!["a.txt".to_string()];
        assert_ne!(a, fingerprint(&m("r", &v2, &p3)));
    }

    #[test]
    fn field_boundaries_matter() {
        let v1 = vec!["ab".to_string(), "c".to_string()];
        let v2 = vec!["a".to_string(), "bc".to_string()];
        let p = vec![];
        assert_ne!(fingerprint(&m("r", &v1, &p)), fingerprint(&m("r", &v2, &p)));
    }

    #[test]
    fn collisions_are_disambiguated_by_order_key() {
        let v = vec!["x".to_string()];
        let p = vec!["a.txt".to_string()];
        let w = vec!["y".to_string()];
        let ms = vec![m("r", &v, &p), m("r", &w, &p), m("r", &v, &p)];
        let fps = assign(&ms, |i| [2, 0, 1][i]);
        assert_eq!(fps[1], fingerprint(&ms[1]));
        // Index 2 sorts first by its key, so it keeps the plain fingerprint.
        assert_eq!(fps[2], fingerprint(&ms[2]));
        assert_ne!(fps[0], fps[2]);
        let mut all = fps.clone();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 3);
        // Deterministic.
        assert_eq!(fps, assign(&ms, |i| [2, 0, 1][i]));
    }
}
