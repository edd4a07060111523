//! `factdiff diff`: which facts an edit changed, not which characters.
//!
//! Both versions of an article are read and extracted like any other article; their claims
//! become [`facts::Fact`]s (kind, canonical subject, normalised value, span) and the two lists
//! are aligned ([`align`]): same kind and subject, then by the words around them. What
//! differs is a list of [`FactChange`]s — added, removed or changed — with both spans.
//! A sentence reworded around the same facts yields nothing.
//!
//! The versions come from two files, two folders (paired by relative path), or git
//! ([`source`]). With a corpus, the new version is also checked against the other articles
//! and the findings that touch a changed fact are reported ([`check`]).

pub mod align;
pub mod check;
pub mod facts;
pub mod render;
pub mod source;

use crate::corpus::{Corpus, Document};
use crate::knowledge::Knowledge;
use crate::span::{DocId, Span};
use align::{align, Aligned, Side};
use facts::Fact;
use serde::Serialize;

/// What happened to a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Only the new version states it.
    Added,
    /// Only the old version states it.
    Removed,
    /// Both state a fact of this kind about this subject, with different values.
    Changed,
}

impl ChangeKind {
    /// The word used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }
}

/// One version's side of a change: what is written there and what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactSide {
    /// The text under the span.
    pub text: String,
    /// The normalised value (TIMEX3 value, ordinal, place name, title, count...).
    pub value: String,
    /// First byte of the span in the document text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The sentence around it (byte range), for the word diff shown to people.
    #[serde(skip)]
    pub sentence: (usize, usize),
    /// The event the fact belongs to (byte range of its mention), when it is an event's
    /// attribute: findings about the event touch the fact too.
    #[serde(skip)]
    pub event: Option<Span>,
}

impl FactSide {
    /// The fact's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One fact added, removed or changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactChange {
    /// Relative path of the article in folder mode (absent when two files are compared).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Added, removed or changed.
    pub change: ChangeKind,
    /// The kind of fact (`ordinal`, `place`, `time`, `attendee`, `title`, ..., or `article`
    /// for a whole article added or removed in folder mode).
    pub kind: &'static str,
    /// Canonical subject: person, event ("meeting of ..."), counted noun; empty for a date,
    /// place, person or organisation mentioned about nothing in particular.
    pub subject: String,
    /// The old version's side, `null` when added.
    pub old: Option<FactSide>,
    /// The new version's side, `null` when removed.
    pub new: Option<FactSide>,
}

impl FactChange {
    /// Deterministic report order: subject (facts without one last), kind, then position.
    fn sort_key(
        &self,
    ) -> (
        Option<String>,
        bool,
        String,
        &'static str,
        usize,
        usize,
        ChangeKind,
    ) {
        (
            self.path.clone(),
            self.subject.is_empty(),
            crate::text::fold(&self.subject),
            self.kind,
            self.old.as_ref().map_or(usize::MAX, |s| s.start),
            self.new.as_ref().map_or(usize::MAX, |s| s.start),
            self.change,
        )
    }
}

/// Sorts changes into report order.
pub fn sort_changes(changes: &mut [FactChange]) {
    changes.sort_by_cached_key(FactChange::sort_key);
}

/// The facts of two versions of one article and how they differ.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// Facts read from the old version.
    pub old_facts: usize,
    /// Facts read from the new version.
    pub new_facts: usize,
    /// What differs, in report order.
    pub changes: Vec<FactChange>,
}

/// Compares two versions of one article.
pub fn compare(old: &Document, new: &Document, kb: &Knowledge) -> Comparison {
    let mut o = old.clone();
    o.id = DocId(0);
    let mut n = new.clone();
    n.id = DocId(1);
    let claims = vec![
        crate::extract::extract(&o, kb),
        crate::extract::extract(&n, kb),
    ];
    // Resolved together, so a person or series gets one key in both versions.
    let corpus = Corpus {
        documents: vec![o, n],
        problems: Vec::new(),
    };
    let resolved = crate::resolve::resolve(&corpus, &claims, kb);
    let (o, n) = (&corpus.documents[0], &corpus.documents[1]);
    let old_facts = facts::facts(o, DocId(0), &claims[0], &resolved, kb);
    let new_facts = facts::facts(n, DocId(1), &claims[1], &resolved, kb);
    let (os, ns) = (
        crate::text::sentences(&o.text),
        crate::text::sentences(&n.text),
    );
    let old_side = Side {
        facts: &old_facts,
        text: &o.text,
        sentences: &os,
    };
    let new_side = Side {
        facts: &new_facts,
        text: &n.text,
        sentences: &ns,
    };
    let side = |s: &Side<'_>, f: &Fact| FactSide {
        text: f.span.slice(s.text).to_string(),
        value: f.value.clone(),
        start: f.span.start,
        end: f.span.end,
        sentence: s.sentence_at(f.span.start),
        event: f.parent.and_then(|p| s.facts.get(p)).map(|e| e.span),
    };
    let mut changes: Vec<FactChange> = align(&old_side, &new_side)
        .into_iter()
        .map(|a| {
            let (change, of, nf) = match a {
                Aligned::Removed(i) => (ChangeKind::Removed, Some(&old_facts[i]), None),
                Aligned::Added(i) => (ChangeKind::Added, None, Some(&new_facts[i])),
                Aligned::Changed(i, j) => (
                    ChangeKind::Changed,
                    Some(&old_facts[i]),
                    Some(&new_facts[j]),
                ),
            };
            let about = nf
                .or(of)
                .map(|f| (f.kind, f.subject.clone()))
                .unwrap_or_default();
            FactChange {
                path: None,
                change,
                kind: about.0,
                subject: about.1,
                old: of.map(|f| side(&old_side, f)),
                new: nf.map(|f| side(&new_side, f)),
            }
        })
        .collect();
    sort_changes(&mut changes);
    Comparison {
        old_facts: old_facts.len(),
        new_facts: new_facts.len(),
        changes,
    }
}

/// How one article fared between the versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileStatus {
    /// In both versions: its facts were compared.
    Compared,
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
}

/// One article of the comparison.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// Relative path in folder mode (with `#N` for the Nth post of a multi-post export);
    /// `None` when two single articles are compared.
    pub path: Option<String>,
    /// Compared, added or removed.
    pub status: FileStatus,
    /// The old version's document.
    pub old: Option<Document>,
    /// The new version's document.
    pub new: Option<Document>,
    /// The fact changes (empty for added and removed articles).
    pub comparison: Option<Comparison>,
}

impl FileReport {
    /// The fact changes, with `path` set in folder mode; a whole article added or removed is
    /// one change of kind `article`.
    pub fn changes(&self) -> Vec<FactChange> {
        let whole = |d: &Document| {
            let first = d.title.clone().unwrap_or_else(|| {
                d.text
                    .lines()
                    .map(str::trim)
                    .find(|l| !l.is_empty())
                    .unwrap_or("")
                    .to_string()
            });
            let text = shorten(&first, 80);
            FactSide {
                value: self.path.clone().unwrap_or_default(),
                start: 0,
                end: d.text.len(),
                text,
                sentence: (0, 0),
                event: None,
            }
        };
        match (self.status, &self.comparison) {
            (FileStatus::Compared, Some(c)) => c
                .changes
                .iter()
                .cloned()
                .map(|mut ch| {
                    ch.path = self.path.clone();
                    ch
                })
                .collect(),
            (FileStatus::Compared, None) => Vec::new(),
            (status, _) => vec![FactChange {
                path: self.path.clone(),
                change: if status == FileStatus::Added {
                    ChangeKind::Added
                } else {
                    ChangeKind::Removed
                },
                kind: "article",
                subject: self.path.clone().unwrap_or_default(),
                old: self.old.as_ref().map(whole),
                new: self.new.as_ref().map(whole),
            }],
        }
    }
}

/// Everything `diff` found.
#[derive(Debug, Clone)]
pub struct Report {
    /// The old version as shown.
    pub old: String,
    /// The new version as shown.
    pub new: String,
    /// True when folders were compared.
    pub folder: bool,
    /// Articles in path order.
    pub files: Vec<FileReport>,
    /// Corpus findings touching a changed fact, when a corpus was given.
    pub findings: Option<Vec<check::CorpusFinding>>,
}

impl Report {
    /// True when any fact or article was added, removed or changed (exit code 1).
    pub fn changed(&self) -> bool {
        self.files.iter().any(|f| {
            f.status != FileStatus::Compared
                || f.comparison.as_ref().is_some_and(|c| !c.changes.is_empty())
        })
    }

    /// Every change of every article, in report order.
    pub fn changes(&self) -> Vec<FactChange> {
        self.files.iter().flat_map(FileReport::changes).collect()
    }
}

/// Compares two versions read by [`source::read`]: articles paired by relative path (posts of
/// one export by position), facts compared within each pair.
pub fn diff_versions(versions: &source::Versions, kb: &Knowledge) -> Report {
    let (old, new) = (&versions.old, &versions.new);
    let folder = old.folder || new.folder;
    let mut units: std::collections::BTreeMap<String, (Option<&Document>, Option<&Document>)> =
        std::collections::BTreeMap::new();
    for (rel, (o, n)) in paired(old, new) {
        let (od, nd) = (
            o.map_or(&[][..], |a| &a.docs[..]),
            n.map_or(&[][..], |a| &a.docs[..]),
        );
        let count = od.len().max(nd.len());
        for i in 0..count {
            let key = if count > 1 {
                format!("{rel}#{}", i + 1)
            } else {
                rel.clone()
            };
            units.insert(key, (od.get(i), nd.get(i)));
        }
    }
    let files = units
        .into_iter()
        .map(|(key, (o, n))| {
            let path = if folder || !key.is_empty() {
                Some(key)
            } else {
                None
            };
            let (status, comparison) = match (o, n) {
                (Some(o), Some(n)) => (FileStatus::Compared, Some(compare(o, n, kb))),
                (None, _) => (FileStatus::Added, None),
                (Some(_), None) => (FileStatus::Removed, None),
            };
            FileReport {
                path,
                status,
                old: o.cloned(),
                new: n.cloned(),
                comparison,
            }
        })
        .collect();
    Report {
        old: old.label.clone(),
        new: new.label.clone(),
        folder,
        files,
        findings: None,
    }
}

type Pair<'a> = (Option<&'a source::Article>, Option<&'a source::Article>);

fn paired<'a>(
    old: &'a source::Version,
    new: &'a source::Version,
) -> std::collections::BTreeMap<String, Pair<'a>> {
    let mut out: std::collections::BTreeMap<String, Pair<'a>> = std::collections::BTreeMap::new();
    for (rel, a) in &old.articles {
        out.entry(rel.clone()).or_default().0 = Some(a);
    }
    for (rel, a) in &new.articles {
        out.entry(rel.clone()).or_default().1 = Some(a);
    }
    out
}

/// Checks the new version of every changed article against a corpus ([`check`]): the
/// corpus files the old or new version stands for are replaced by the new version.
pub fn check_report(
    report: &Report,
    versions: &source::Versions,
    corpus: &[std::path::PathBuf],
    options: &crate::corpus::LoadOptions,
    kb: &Knowledge,
) -> (Vec<check::CorpusFinding>, Vec<crate::corpus::InputError>) {
    let changes: Vec<Vec<FactChange>> = report.files.iter().map(FileReport::changes).collect();
    let targets: Vec<check::Target<'_>> = report
        .files
        .iter()
        .zip(&changes)
        .filter_map(|(f, ch)| {
            let doc = f.new.as_ref()?;
            // The article's file in each version (a "#N" post suffix is not part of it).
            let rel = f
                .path
                .as_deref()
                .map(|p| p.rsplit_once('#').map_or(p, |(a, _)| a))
                .unwrap_or("");
            let rel = if versions.new.articles.contains_key(rel)
                || versions.old.articles.contains_key(rel)
            {
                rel
            } else {
                f.path.as_deref().unwrap_or("")
            };
            let replaces = [&versions.old, &versions.new]
                .iter()
                .filter_map(|v| v.articles.get(rel))
                .filter_map(|a| a.file.clone())
                .collect();
            Some(check::Target {
                path: f.path.clone(),
                doc,
                replaces,
                changes: ch,
            })
        })
        .collect();
    check::check(corpus, options, kb, &targets)
}

/// At most `max` characters of `s`, cut at a word boundary with `…` when cut.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max).collect();
    let cut = head.rfind(' ').filter(|&i| i > 0).unwrap_or(head.len());
    format!("{}…", head[..cut].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{read_text, LoadOptions};

    fn doc(text: &str) -> Document {
        let mut docs = read_text("a.txt", text, &LoadOptions::default()).expect("plain text reads");
        docs.remove(0)
    }

    fn changes(old: &str, new: &str) -> Vec<(ChangeKind, &'static str, String, String)> {
        let kb = Knowledge::load(&[]).expect("rules load");
        let value = |s: &Option<FactSide>| s.as_ref().map(|s| s.value.clone()).unwrap_or_default();
        compare(&doc(old), &doc(new), &kb)
            .changes
            .iter()
            .map(|c| (c.change, c.kind, value(&c.old), value(&c.new)))
            .collect()
    }

    const BASE: &str = "The Franco-Moroccan Joint Commission held its 14th meeting in Rabat on March 12, 2024, chaired by Ana Ruiz Gil and Omar Benali Tazi.";

    #[test]
    fn an_event_attribute_is_one_change() {
        let new = BASE.replace("14th", "15th");
        assert_eq!(
            changes(BASE, &new),
            [(
                ChangeKind::Changed,
                "ordinal",
                "14".to_string(),
                "15".to_string()
            )]
        );
    }

    #[test]
    fn rewording_keeps_the_facts() {
        let new = "Chaired by Ana Ruiz Gil and Omar Benali Tazi, the 14th meeting of the Franco-Moroccan Joint Commission was held in Rabat on March 12, 2024.";
        assert_eq!(changes(BASE, new), []);
    }

    #[test]
    fn a_removed_sentence_removes_its_event_once() {
        let old = format!("{BASE}\nThe 15th meeting of the Franco-Moroccan Joint Commission will be held in Paris on June 3, 2024.");
        // Its ordinal, place and date are not listed apart: the event says them.
        assert_eq!(
            changes(&old, BASE),
            [(
                ChangeKind::Removed,
                "event",
                "planned meeting #15 in Paris on 2024-06-03".to_string(),
                String::new()
            )]
        );
    }
}
