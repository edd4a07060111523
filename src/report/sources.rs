//! One offset space for every text a report points into, so a single miette diagnostic can
//! show spans in two articles (or an article and a rules file) at once.
//!
//! miette gives a diagnostic exactly one `source_code()`. [`SourceDb`] lays every source end to
//! end with a one-byte gap between them; a global offset therefore identifies both the source
//! and the position inside it. [`SourceCode::read_span`] finds the containing source, refuses
//! spans that cross a boundary (so the renderer never merges two files into one box) and names
//! the snippet after its file, which makes the graphical handler draw one box per file.

use crate::corpus::Corpus;
use crate::knowledge::Knowledge;
use crate::rules::Source;
use crate::span::{line_col, Span};
use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::borrow::Cow;

/// Index of a source in a [`SourceDb`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceId(pub usize);

/// What kind of text a source is: decides what a JSON/SARIF location is and how paths are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// An article of the corpus (index into `Corpus::documents`).
    Document(usize),
    /// A rules file of the knowledge base (index into `Knowledge::files`).
    Rules(usize),
    /// Any other file a note points into (configuration, baseline, raw HTML).
    Other,
}

/// One text of the database.
#[derive(Debug, Clone)]
pub struct SourceFile<'a> {
    /// Path shown in reports.
    pub name: Cow<'a, str>,
    /// The text spans index into.
    pub text: Cow<'a, str>,
    /// What the text is.
    pub kind: SourceKind,
    /// Global offset of the text's first byte.
    start: usize,
}

/// Every text a report may point into, laid end to end in one offset space.
#[derive(Debug, Clone, Default)]
pub struct SourceDb<'a> {
    files: Vec<SourceFile<'a>>,
    /// Global offset where the next source will start.
    next: usize,
    /// Number of corpus documents (they come first, so `Document(i)` is `SourceId(i)`).
    documents: usize,
    /// `SourceId` of the first rules file.
    rules_start: usize,
    /// Number of rules files.
    rules: usize,
}

impl<'a> SourceDb<'a> {
    /// A database holding every document of `corpus`, then every rules file of `knowledge`,
    /// borrowed (never copied).
    pub fn new(corpus: &'a Corpus, knowledge: &'a Knowledge) -> Self {
        let mut db = SourceDb::default();
        for (i, d) in corpus.documents.iter().enumerate() {
            db.push(
                Cow::Borrowed(d.path.as_str()),
                Cow::Borrowed(d.text.as_str()),
                SourceKind::Document(i),
            );
        }
        db.documents = corpus.documents.len();
        db.rules_start = db.files.len();
        for (i, f) in knowledge.files.iter().enumerate() {
            db.push(
                Cow::Borrowed(f.path.as_str()),
                Cow::Borrowed(f.text.as_str()),
                SourceKind::Rules(i),
            );
        }
        db.rules = knowledge.files.len();
        db
    }

    /// Adds a file that is neither an article nor a rules file (a configuration file a note
    /// points into) and returns its id.
    pub fn add_other(&mut self, name: impl Into<String>, text: impl Into<String>) -> SourceId {
        self.push(
            Cow::Owned(name.into()),
            Cow::Owned(text.into()),
            SourceKind::Other,
        )
    }

    fn push(&mut self, name: Cow<'a, str>, text: Cow<'a, str>, kind: SourceKind) -> SourceId {
        let start = self.next;
        // The one-byte gap keeps an empty span at the end of one text from being read as the
        // start of the next.
        self.next = start + text.len() + 1;
        self.files.push(SourceFile {
            name,
            text,
            kind,
            start,
        });
        SourceId(self.files.len() - 1)
    }

    /// A database of only the sources `ids` (duplicates dropped), laid out in that order and
    /// borrowing their texts; returns it with the new id of each entry of `ids`. The human
    /// report uses it so a diagnostic shows its sources in the finding's order (primary
    /// first) rather than in corpus order.
    pub fn subset(&self, ids: &[SourceId]) -> (SourceDb<'_>, Vec<Option<SourceId>>) {
        let mut db = SourceDb::default();
        let mut placed: Vec<(SourceId, SourceId)> = Vec::new();
        let mapped = ids
            .iter()
            .map(|&id| {
                if let Some(&(_, new)) = placed.iter().find(|(old, _)| *old == id) {
                    return Some(new);
                }
                let f = self.get(id)?;
                let new = db.push(
                    Cow::Borrowed(f.name.as_ref()),
                    Cow::Borrowed(f.text.as_ref()),
                    f.kind,
                );
                placed.push((id, new));
                Some(new)
            })
            .collect();
        (db, mapped)
    }

    /// The source a finding's location points into, when it exists.
    pub fn id_of(&self, source: Source) -> Option<SourceId> {
        match source {
            Source::Document(d) => (d.index() < self.documents).then_some(SourceId(d.index())),
            Source::Rules(i) => (i < self.rules).then_some(SourceId(self.rules_start + i)),
        }
    }

    /// The source with this id.
    pub fn get(&self, id: SourceId) -> Option<&SourceFile<'a>> {
        self.files.get(id.0)
    }

    /// Every source, in offset order.
    pub fn files(&self) -> &[SourceFile<'a>] {
        &self.files
    }

    /// `span` moved inside the source's text: ends clamped to the text, both ends moved back to
    /// character boundaries, and an empty span widened to one character, because the
    /// renderer misdraws labels at or past the end of a text. `None` for an empty text.
    pub fn clamp(&self, id: SourceId, span: Span) -> Option<Span> {
        let text = &self.get(id)?.text;
        if text.is_empty() {
            return None;
        }
        let floor = |mut i: usize| {
            i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let mut start = floor(span.start);
        let mut end = floor(span.end.max(span.start));
        if start == text.len() {
            // Point at the last character instead of one past it.
            start = floor(text.len() - 1);
        }
        if end <= start {
            end = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        Some(Span { start, end })
    }

    /// The global miette span for a local span of source `id` (clamped first).
    pub fn global(&self, id: SourceId, span: Span) -> Option<SourceSpan> {
        let file = self.get(id)?;
        let local = self.clamp(id, span)?;
        Some(SourceSpan::new(
            (file.start + local.start).into(),
            local.len(),
        ))
    }

    /// 1-based line and column (in characters) of a local offset.
    pub fn line_col(&self, id: SourceId, offset: usize) -> (usize, usize) {
        self.get(id).map_or((1, 1), |f| line_col(&f.text, offset))
    }

    /// Index of the source containing global offset `offset`.
    fn containing(&self, offset: usize) -> Option<usize> {
        // Sources are sorted by start; the last one starting at or before `offset`.
        let idx = self
            .files
            .partition_point(|f| f.start <= offset)
            .checked_sub(1)?;
        let f = &self.files[idx];
        (offset <= f.start + f.text.len()).then_some(idx)
    }
}

impl SourceCode for SourceDb<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let idx = self
            .containing(span.offset())
            .ok_or(MietteError::OutOfBounds)?;
        let file = &self.files[idx];
        let local_start = span.offset() - file.start;
        if local_start + span.len() > file.text.len() {
            // Crosses into the gap or the next source: refusing makes the renderer keep the
            // two files in separate boxes instead of merging them.
            return Err(MietteError::OutOfBounds);
        }
        let local = SourceSpan::new(local_start.into(), span.len());
        let bytes: &'b [u8] = file.text.as_bytes();
        let inner = bytes.read_span(&local, context_lines_before, context_lines_after)?;
        // News text often keeps a whole paragraph on one line: show a window of the line
        // around the span instead of the paragraph.
        if inner.data().len() > MAX_EXCERPT {
            if let Some((from, to)) = window(&file.text, local_start, local_start + span.len()) {
                let before = &file.text[..from];
                let line = before.bytes().filter(|&b| b == b'\n').count();
                let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
                let column = file.text[line_start..from].chars().count();
                let lines = file.text[from..to].bytes().filter(|&b| b == b'\n').count() + 1;
                return Ok(Box::new(MietteSpanContents::new_named(
                    file.name.to_string(),
                    &bytes[from..to],
                    SourceSpan::new((from + file.start).into(), to - from),
                    line,
                    column,
                    lines,
                )));
            }
        }
        let global = SourceSpan::new(
            (inner.span().offset() + file.start).into(),
            inner.span().len(),
        );
        Ok(Box::new(MietteSpanContents::new_named(
            file.name.to_string(),
            inner.data(),
            global,
            inner.line(),
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// Excerpts longer than this (bytes) are narrowed to a window around the span.
const MAX_EXCERPT: usize = 600;

/// Bytes of context kept on each side of a span in a narrowed excerpt.
const WINDOW_CONTEXT: usize = 70;

/// The window `[from, to)` of `text` shown around `start..end`: the span plus about
/// [`WINDOW_CONTEXT`] bytes each side, inside the span's lines, cut at spaces and on char
/// boundaries.
fn window(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let line_start = text[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = text[end..]
        .find('\n')
        .map(|i| end + i)
        .unwrap_or(text.len());
    let mut from = start.saturating_sub(WINDOW_CONTEXT).max(line_start);
    while from > line_start && !text.is_char_boundary(from) {
        from -= 1;
    }
    if from > line_start {
        // Start after a space so no word is cut.
        if let Some(sp) = text[from..start].find(' ') {
            from += sp + 1;
        }
    }
    let mut to = (end + WINDOW_CONTEXT).min(line_end);
    while to < line_end && !text.is_char_boundary(to) {
        to += 1;
    }
    if to < line_end {
        if let Some(sp) = text[end..to].rfind(' ') {
            to = end + sp;
        }
    }
    (from <= start && to >= end && from < to).then_some((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{read_text, LoadOptions};
    use crate::knowledge::RuleFile;
    use crate::span::DocId;

    fn corpus(texts: &[(&str, &str)]) -> Corpus {
        let mut c = Corpus::default();
        for (i, (p, t)) in texts.iter().enumerate() {
            let mut d = read_text(p, t, &LoadOptions::default()).unwrap().remove(0);
            d.id = DocId(i as u32);
            c.documents.push(d);
        }
        c
    }

    #[test]
    fn spans_map_to_their_own_file() {
        let c = corpus(&[("a.txt", "one\ntwo\n"), ("b.txt", "three\nfour\n")]);
        let kb = Knowledge::from_files(vec![RuleFile {
            path: "r.toml".into(),
            text: "# rules\n".into(),
        }])
        .unwrap();
        let db = SourceDb::new(&c, &kb);
        let b = db.id_of(Source::Document(DocId(1))).unwrap();
        let g = db.global(b, Span::new(6, 10)).unwrap();
        let read = db.read_span(&g, 0, 0).unwrap();
        assert_eq!(read.name(), Some("b.txt"));
        assert_eq!(read.line(), 1);
        assert_eq!(std::str::from_utf8(read.data()).unwrap(), "four");
        let r = db.id_of(Source::Rules(0)).unwrap();
        let g = db.global(r, Span::new(0, 1)).unwrap();
        assert_eq!(db.read_span(&g, 1, 1).unwrap().name(), Some("r.toml"));
        assert!(db.id_of(Source::Rules(1)).is_none());
        assert!(db.id_of(Source::Document(DocId(2))).is_none());
    }

    #[test]
    fn crossing_spans_are_refused_and_spans_clamped() {
        let c = corpus(&[("a.txt", "one\n"), ("b.txt", "two\n")]);
        let kb = Knowledge::default();
        let db = SourceDb::new(&c, &kb);
        let a = SourceId(0);
        assert!(db.read_span(&SourceSpan::new(2.into(), 6), 0, 0).is_err());
        assert_eq!(db.clamp(a, Span::new(3, 99)), Some(Span::new(3, 4)));
        assert_eq!(db.clamp(a, Span::new(50, 60)), Some(Span::new(3, 4)));
        assert_eq!(db.clamp(a, Span::new(1, 1)), Some(Span::new(1, 2)));
        let mut db = db;
        let e = db.add_other("empty", "");
        assert_eq!(db.clamp(e, Span::new(0, 0)), None);
        let u = db.add_other("u", "é");
        assert_eq!(db.clamp(u, Span::new(1, 1)), Some(Span::new(0, 2)));
    }
}
