//! The HTML report: one self-contained page an editor opens from disk.
//!
//! Each finding shows the claim and its evidence side by side (stacked on narrow screens),
//! excerpts with the disagreeing words highlighted, the message, the help text and the
//! rule's documentation in a `<details>`. A summary, filters (severity, rule, article) and
//! the claims read from every article complete the page.
//!
//! Why it is built this way:
//! - The markup is a minijinja template with HTML auto-escaping (`templates/report.html`),
//!   fed plain data: every text from an article, a rules file or the configuration is
//!   escaped by the engine, never pasted into markup by hand.
//! - Style and script are inlined (no network, no external file) and pinned by hash in a
//!   Content-Security-Policy, so even text that slipped through as markup could not run.
//! - Without JavaScript everything is shown; the filters only hide findings.
//! - The page holds no timestamp, version or absolute path, and everything is sorted, so the
//!   same findings always give the same bytes (snapshot tests).

use super::{summary_line, BaselineState, Item, ItemLocation, Report, SourceId, SourceKind};
use crate::extract::{Claim, ClaimData};
use crate::rules::Severity;
use crate::span::{line_col, Span};
use crate::timex::{TimeValue, TimexType};
use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Serde, Value};
use minijinja::{context, Environment, UndefinedBehavior};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::{self, Write};

/// The page template (auto-escaped: its name ends in `.html`).
const TEMPLATE: &str = include_str!("templates/report.html");
/// The page's style sheet, inlined into `<style>`.
const STYLE: &str = include_str!("templates/report.css");
/// The filters' script, inlined into `<script>`.
const SCRIPT: &str = include_str!("templates/report.js");

/// Characters of context shown on each side of a highlighted span, within its paragraph:
/// about two lines of a half-width column, enough to read the sentence around a claim.
const CONTEXT_CHARS: usize = 160;

/// Writes the HTML report.
pub(super) fn render(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let page = page(report);
    let mut env = Environment::new();
    // A template that reads a field the page does not have is a bug: fail loudly.
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    let syntax = SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .map_err(io::Error::other)?;
    env.set_syntax(syntax);
    env.add_template("report.html", TEMPLATE)
        .map_err(io::Error::other)?;
    let template = env.get_template("report.html").map_err(io::Error::other)?;
    let html = template
        .render(context! {
            page => Serde(&page),
            // Our own files, embedded at build time: inserted as they are.
            style => Value::from_safe_string(STYLE.to_string()),
            script => Value::from_safe_string(SCRIPT.to_string()),
            csp => content_security_policy(),
        })
        .map_err(io::Error::other)?;
    out.write_all(html.as_bytes())
}

/// The policy of the page: nothing from anywhere, except this report's own style and
/// script (by hash). Forms go nowhere and no base URL can be set.
fn content_security_policy() -> String {
    format!(
        "default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; \
         base-uri 'none'; form-action 'none'",
        sha256_base64(STYLE),
        sha256_base64(SCRIPT)
    )
}

/// SHA-256 of `text`, in standard base64 (what CSP hash sources use).
fn sha256_base64(text: &str) -> String {
    base64(&Sha256::digest(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648), for the CSP hashes: one use does not justify
/// a dependency.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * k)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// What the template sees.
// ---------------------------------------------------------------------------------------

#[derive(Serialize)]
struct Page {
    title: String,
    summary: SummaryView,
    severities: Vec<SeverityCount>,
    rules: Vec<RuleOption>,
    findings: Vec<FindingView>,
    documents: Vec<DocView>,
    has_claims: bool,
}

#[derive(Serialize)]
struct SummaryView {
    line: String,
    documents: usize,
    claims: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
    new: Option<usize>,
    baselined: Option<usize>,
}

#[derive(Serialize)]
struct SeverityCount {
    id: &'static str,
    label: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct RuleOption {
    id: String,
    count: usize,
}

#[derive(Serialize)]
struct FindingView {
    /// Anchor: `finding-N`, N its 1-based place in the report.
    id: String,
    rule: &'static str,
    rule_summary: String,
    severity: &'static str,
    severity_label: &'static str,
    message: String,
    subject: String,
    help: String,
    fingerprint: String,
    baseline: Option<&'static str>,
    /// Anchors of the articles involved, space-separated (the article filter reads it).
    articles: String,
    /// One panel per source: the primary location's first, then the others in the
    /// finding's order.
    panels: Vec<Panel>,
    explanation: Vec<Block>,
}

#[derive(Serialize)]
struct Panel {
    /// `Claim` for the primary source, `Evidence` for the others.
    role: &'static str,
    /// Title of the article, else its path.
    heading: String,
    path: String,
    /// What kind of source: `article`, `knowledge base` or `file`.
    kind: &'static str,
    /// Anchor of the article in the Articles section.
    doc: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    excerpts: Vec<ExcerptView>,
}

#[derive(Serialize)]
struct ExcerptView {
    cut_before: bool,
    cut_after: bool,
    pieces: Vec<Piece>,
    labels: Vec<LabelView>,
}

#[derive(Serialize)]
struct LabelView {
    number: usize,
    line: usize,
    column: usize,
    /// The text under the span, when the label does not already quote it.
    text: String,
    /// The text is from a rules or other data file: shown as code, not as a quotation.
    code: bool,
    label: String,
}

#[derive(Serialize)]
struct DocView {
    id: String,
    heading: String,
    path: String,
    title: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
    findings: usize,
    claim_count: usize,
    people: Vec<PersonView>,
    rows: Vec<ClaimRow>,
}

#[derive(Serialize)]
struct PersonView {
    name: String,
    /// Where the name is mentioned: `line 3` or `lines 3, 8`.
    lines: String,
    titles: Vec<TitleView>,
}

#[derive(Serialize, PartialEq)]
struct TitleView {
    title: String,
    country: Option<String>,
    former: bool,
}

#[derive(Serialize)]
struct ClaimRow {
    line: usize,
    column: usize,
    kind: &'static str,
    text: String,
    reading: String,
    /// The TIMEX3 value of a date, shown beside its reading.
    value: Option<String>,
    /// ISO date for `<time datetime>`, when the value is one day.
    datetime: Option<String>,
}

// ---------------------------------------------------------------------------------------
// Building the page.
// ---------------------------------------------------------------------------------------

fn severity_id(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Note => "Note",
    }
}

fn baseline_label(b: BaselineState) -> &'static str {
    match b {
        BaselineState::New => "new",
        BaselineState::Unchanged => "baselined",
        BaselineState::Absent => "stale",
    }
}

/// Anchor of the `i`-th (0-based) document.
fn doc_anchor(i: usize) -> String {
    format!("doc-{}", i + 1)
}

fn page(report: &Report<'_>) -> Page {
    let s = &report.summary;
    let plural = |n: usize, one: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    let title = format!(
        "factdiff report: {}, {}, {}",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.notes, "note")
    );
    let rules_info = report.rules();
    let rules = rules_info
        .iter()
        .map(|r| RuleOption {
            id: r.id.clone(),
            count: report.items.iter().filter(|i| i.rule == r.id).count(),
        })
        .collect();
    let findings: Vec<FindingView> = report
        .items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let info = rules_info.iter().find(|r| r.id == item.rule);
            finding_view(report, n, item, info)
        })
        .collect();
    let documents = report
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let claims = report.claims.get(i).map(Vec::as_slice).unwrap_or(&[]);
            let text = report
                .sources
                .get(SourceId(i))
                .map(|f| f.text.as_ref())
                .unwrap_or("");
            let (people, rows) = claims_view(text, claims);
            let anchor = doc_anchor(i);
            DocView {
                findings: findings
                    .iter()
                    .filter(|f| f.articles.split(' ').any(|a| a == anchor))
                    .count(),
                id: anchor,
                heading: d.title.clone().unwrap_or_else(|| d.path.clone()),
                path: d.path.clone(),
                title: d.title.clone(),
                published: d.published.clone(),
                outlet: d.outlet.clone(),
                claim_count: claims.len(),
                people,
                rows,
            }
        })
        .collect();
    let count = |sev: Severity| report.items.iter().filter(|i| i.severity == sev).count();
    Page {
        title,
        summary: SummaryView {
            line: summary_line(s),
            documents: s.documents,
            claims: s.claims,
            errors: s.errors,
            warnings: s.warnings,
            notes: s.notes,
            new: s.new,
            baselined: s.baselined,
        },
        severities: [Severity::Error, Severity::Warning, Severity::Note]
            .into_iter()
            .map(|sev| SeverityCount {
                id: severity_id(sev),
                label: severity_label(sev),
                count: count(sev),
            })
            .collect(),
        rules,
        findings,
        documents,
        has_claims: !report.claims.is_empty(),
    }
}

fn finding_view(
    report: &Report<'_>,
    n: usize,
    item: &Item,
    info: Option<&super::RuleInfo>,
) -> FindingView {
    // Locations grouped by source, sources in the order the finding first names them, so
    // the primary location's source comes first.
    let mut groups: Vec<(SourceId, Vec<(usize, &ItemLocation)>)> = Vec::new();
    for (k, l) in item.locations.iter().enumerate() {
        match groups.iter_mut().find(|(s, _)| *s == l.source) {
            Some((_, v)) => v.push((k + 1, l)),
            None => groups.push((l.source, vec![(k + 1, l)])),
        }
    }
    let mut articles: Vec<usize> = Vec::new();
    let mut panels: Vec<Panel> = Vec::new();
    for (g, (source, locs)) in groups.iter().enumerate() {
        let Some(file) = report.sources.get(*source) else {
            continue;
        };
        let (kind, doc) = match file.kind {
            SourceKind::Document(d) => {
                articles.push(d);
                ("article", report.documents.get(d).map(|info| (d, info)))
            }
            SourceKind::Rules(_) => ("knowledge base", None),
            SourceKind::Other => ("file", None),
        };
        let marks: Vec<Mark> = locs
            .iter()
            .map(|(number, l)| Mark {
                number: *number,
                span: l.span,
            })
            .collect();
        let text = file.text.as_ref();
        let excerpts = excerpts(text, &marks, CONTEXT_CHARS)
            .into_iter()
            .map(|e| ExcerptView {
                cut_before: e.cut_before,
                cut_after: e.cut_after,
                labels: e
                    .numbers
                    .iter()
                    .filter_map(|number| {
                        let (_, l) = locs.iter().find(|(k, _)| k == number)?;
                        let (line, column) = line_col(text, l.span.start);
                        let written = text.get(l.span.start..l.span.end).unwrap_or("");
                        Some(LabelView {
                            number: *number,
                            line,
                            column,
                            // Most labels already quote what they point at.
                            text: if l.label.contains(written) {
                                String::new()
                            } else {
                                written.to_string()
                            },
                            label: l.label.clone(),
                            code: kind != "article",
                        })
                    })
                    .collect(),
                pieces: e.pieces,
            })
            .collect();
        panels.push(Panel {
            role: if g == 0 { "Claim" } else { "Evidence" },
            heading: doc
                .and_then(|(_, info)| info.title.clone())
                .unwrap_or_else(|| file.name.to_string()),
            path: file.name.to_string(),
            kind,
            doc: doc.map(|(d, _)| doc_anchor(d)),
            outlet: doc.and_then(|(_, info)| info.outlet.clone()),
            published: doc.and_then(|(_, info)| info.published.clone()),
            excerpts,
        });
    }
    articles.sort_unstable();
    articles.dedup();
    FindingView {
        id: format!("finding-{}", n + 1),
        rule: item.rule,
        rule_summary: info.map(|r| r.summary.clone()).unwrap_or_default(),
        severity: severity_id(item.severity),
        severity_label: severity_label(item.severity),
        message: item.message.clone(),
        subject: item.subject.clone(),
        help: item.help.clone(),
        fingerprint: item.fingerprint.clone(),
        baseline: item.baseline.map(baseline_label),
        articles: articles
            .into_iter()
            .map(doc_anchor)
            .collect::<Vec<_>>()
            .join(" "),
        panels,
        explanation: info.map(|r| markdown(&r.explanation)).unwrap_or_default(),
    }
}

// ---------------------------------------------------------------------------------------
// Excerpts: the words a finding points at, with some context, highlighted.
// ---------------------------------------------------------------------------------------

/// A span to highlight and the number of its location in the finding (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    number: usize,
    span: Span,
}

/// A run of excerpt text with one highlighting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct Piece {
    text: String,
    /// Inside at least one span.
    marked: bool,
    /// Numbers of the spans that end with this piece (shown as references).
    ends: Vec<usize>,
}

/// A window of a text around one or more nearby spans.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Excerpt {
    /// Byte range of the window in the text.
    start: usize,
    end: usize,
    /// The paragraph goes on before / after the window.
    cut_before: bool,
    cut_after: bool,
    pieces: Vec<Piece>,
    /// Numbers of the spans inside, sorted.
    numbers: Vec<usize>,
}

/// Largest char boundary at or below `i` (clamped to the text).
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `span` moved inside `text` onto character boundaries, at least one character long.
/// `None` for an empty text.
fn clamp(text: &str, span: Span) -> Option<Span> {
    if text.is_empty() {
        return None;
    }
    let mut start = floor_boundary(text, span.start);
    let mut end = floor_boundary(text, span.end.max(span.start));
    if start == text.len() {
        start = floor_boundary(text, text.len() - 1);
    }
    if end <= start {
        end = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    Some(Span { start, end })
}

/// True for a line holding only whitespace: paragraphs end there.
fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// The paragraph around `start..end`: from after the blank line before it to the blank
/// line after it (or the text's ends).
fn paragraph(text: &str, start: usize, end: usize) -> (usize, usize) {
    // Back, line by line, until the previous line is blank.
    let mut from = text[..start].rfind('\n').map_or(0, |i| i + 1);
    while from > 0 {
        let prev = text[..from - 1].rfind('\n').map_or(0, |i| i + 1);
        if is_blank(&text[prev..from - 1]) {
            break;
        }
        from = prev;
    }
    // Forward, line by line, until the next line is blank.
    let mut to = text[end..].find('\n').map_or(text.len(), |i| end + i);
    while to < text.len() {
        let next = text[to + 1..].find('\n').map_or(text.len(), |i| to + 1 + i);
        if is_blank(&text[to + 1..next]) {
            break;
        }
        to = next;
    }
    (from, to)
}

/// `at` moved back by up to `n` characters, not before `limit`.
fn back_chars(text: &str, at: usize, n: usize, limit: usize) -> usize {
    text[limit..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(limit, |(i, _)| limit + i)
        .max(limit)
}

/// `at` moved forward by up to `n` characters, not past `limit`.
fn forward_chars(text: &str, at: usize, n: usize, limit: usize) -> usize {
    text[at..limit]
        .char_indices()
        .nth(n)
        .map_or(limit, |(i, _)| at + i)
}

/// True when the char boundary `at` falls inside a word: letters on both sides.
fn in_word(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    matches!((before, after), (Some(b), Some(a)) if !b.is_whitespace() && !a.is_whitespace())
}

/// Excerpts of `text` showing `marks` with `context` characters around each, within its
/// paragraph, cut between words. Marks whose windows meet share one excerpt; overlapping
/// marks are split into pieces, each knowing whether it is highlighted. Excerpts come in
/// text order.
fn excerpts(text: &str, marks: &[Mark], context: usize) -> Vec<Excerpt> {
    struct Window {
        from: usize,
        to: usize,
        para: (usize, usize),
        marks: Vec<Mark>,
    }
    let mut windows: Vec<Window> = marks
        .iter()
        .filter_map(|m| {
            let span = clamp(text, m.span)?;
            let para = paragraph(text, span.start, span.end);
            Some(Window {
                from: back_chars(text, span.start, context, para.0),
                to: forward_chars(text, span.end, context, para.1),
                para,
                marks: vec![Mark {
                    number: m.number,
                    span,
                }],
            })
        })
        .collect();
    windows.sort_by_key(|w| (w.from, w.to));
    let mut merged: Vec<Window> = Vec::new();
    for w in windows {
        match merged.last_mut() {
            Some(last) if w.from <= last.to => {
                last.to = last.to.max(w.to);
                last.para = (last.para.0.min(w.para.0), last.para.1.max(w.para.1));
                last.marks.extend(w.marks);
            }
            _ => merged.push(w),
        }
    }
    merged
        .into_iter()
        .map(|w| {
            let first = w.marks.iter().map(|m| m.span.start).min().unwrap_or(w.from);
            let last = w.marks.iter().map(|m| m.span.end).max().unwrap_or(w.to);
            let mut from = w.from;
            if in_word(text, from) {
                // Start after a space so no word is cut (unless the word holds the span).
                if let Some(sp) = text[from..first].find(char::is_whitespace) {
                    from += sp;
                }
            }
            let mut to = w.to;
            if in_word(text, to) {
                if let Some(sp) = text[last..to].rfind(char::is_whitespace) {
                    to = last + sp;
                }
            }
            // No blank margins.
            from = first - text[from..first].trim_start().len();
            to = last + text[last..to].trim_end().len();
            let cut_before = !is_blank(&text[w.para.0..from]);
            let cut_after = !is_blank(&text[to..w.para.1]);
            let mut numbers: Vec<usize> = w.marks.iter().map(|m| m.number).collect();
            numbers.sort_unstable();
            numbers.dedup();
            Excerpt {
                start: from,
                end: to,
                cut_before,
                cut_after,
                pieces: pieces(text, from, to, &w.marks),
                numbers,
            }
        })
        .collect()
}

/// `text[from..to]` cut at every mark boundary; each piece knows whether a mark covers it
/// and which marks end with it.
fn pieces(text: &str, from: usize, to: usize, marks: &[Mark]) -> Vec<Piece> {
    let mut cuts = vec![from, to];
    for m in marks {
        cuts.push(m.span.start.clamp(from, to));
        cuts.push(m.span.end.clamp(from, to));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let mut ends: Vec<usize> = marks
                .iter()
                .filter(|m| m.span.end == b)
                .map(|m| m.number)
                .collect();
            ends.sort_unstable();
            ends.dedup();
            Piece {
                text: text[a..b].to_string(),
                marked: marks.iter().any(|m| m.span.start <= a && b <= m.span.end),
                ends,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Claims: what factdiff read from each article.
// ---------------------------------------------------------------------------------------

/// The people of an article with their titles, and a row for every other claim.
fn claims_view(text: &str, claims: &[Claim]) -> (Vec<PersonView>, Vec<ClaimRow>) {
    type Person = (String, Vec<usize>, Vec<TitleView>);
    let mut people: Vec<Person> = Vec::new();
    // People in order of first mention, one entry per name as written.
    fn person(people: &mut Vec<Person>, name: &str) -> usize {
        match people.iter().position(|(n, _, _)| n == name) {
            Some(k) => k,
            None => {
                people.push((name.to_string(), Vec::new(), Vec::new()));
                people.len() - 1
            }
        }
    }
    let mut rows = Vec::new();
    // Claims come sorted by position, so one cursor walks the text once.
    let mut cursor = crate::span::LineCursor::new();
    for c in claims {
        let (line, column) = cursor.line_col(text, c.span.start);
        let written = text.get(c.span.start..c.span.end).unwrap_or("").to_string();
        match &c.data {
            ClaimData::Person { name } => {
                let k = person(&mut people, name);
                people[k].1.push(line);
            }
            ClaimData::Title {
                person: name,
                title,
                country,
                former,
                ..
            } => {
                let k = person(&mut people, name);
                people[k].1.push(line);
                let t = TitleView {
                    title: title.clone(),
                    country: country.clone(),
                    former: *former,
                };
                let titles = &mut people[k].2;
                // One entry per distinct title.
                if !titles.contains(&t) {
                    titles.push(t);
                }
            }
            data => {
                let (reading, value, datetime) = reading(data);
                rows.push(ClaimRow {
                    line,
                    column,
                    kind: c.kind(),
                    text: written,
                    reading,
                    value,
                    datetime,
                });
            }
        }
    }
    let people = people
        .into_iter()
        .map(|(name, mut lines, titles)| {
            lines.sort_unstable();
            lines.dedup();
            let list = lines
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            PersonView {
                name,
                lines: match lines.len() {
                    0 => String::new(),
                    1 => format!("line {list}"),
                    _ => format!("lines {list}"),
                },
                titles,
            }
        })
        .collect();
    (people, rows)
}

/// How a claim was read: a sentence for people, and for dates the TIMEX3 value and the
/// ISO day when there is one.
fn reading(data: &ClaimData) -> (String, Option<String>, Option<String>) {
    match data {
        ClaimData::Time {
            timex,
            relative,
            stated_weekday,
        } => {
            let mut r = readable_time(timex);
            if *relative {
                r.push_str(" (counted from the publication date)");
            }
            if stated_weekday.is_some() {
                r.push_str(" (weekday stated)");
            }
            (
                r,
                Some(timex.value.clone()),
                timex.as_day().map(|d| d.to_string()),
            )
        }
        ClaimData::Person { name } => (name.clone(), None, None),
        ClaimData::Age { person, years, .. } => {
            (format!("{person}: {years} years old"), None, None)
        }
        ClaimData::Origin { person, place, .. } => (format!("{person}: from {place}"), None, None),
        ClaimData::Title { person, title, .. } => (format!("{person}: {title}"), None, None),
        ClaimData::Organisation { name, person, .. } => match person {
            Some(p) => (format!("{name}, headed by {p}"), None, None),
            None => (name.clone(), None, None),
        },
        ClaimData::Place { name } => (name.clone(), None, None),
        ClaimData::Event(e) => {
            let mut parts = vec![e.noun.clone()];
            if let Some(s) = &e.series {
                parts.push(format!("of {s}"));
            }
            if let Some(o) = &e.ordinal {
                parts.push(format!("number {}", o.value));
            }
            if let Some(p) = &e.place {
                parts.push(format!("in {}", p.value));
            }
            if let Some(t) = &e.time {
                parts.push(format!("on {}", readable_time(&t.value)));
            }
            if !e.attendees.is_empty() {
                let names: Vec<&str> = e.attendees.iter().map(|a| a.value.as_str()).collect();
                parts.push(format!("with {}", names.join(", ")));
            }
            for c in &e.counts {
                parts.push(format!(
                    "{}{} {}",
                    if c.approximate { "about " } else { "" },
                    c.value,
                    c.noun
                ));
            }
            if e.planned {
                parts.push("(planned)".to_string());
            }
            (parts.join(" "), None, None)
        }
        ClaimData::Ordinal { value } => (format!("number {value}"), None, None),
        ClaimData::Count {
            value,
            approximate,
            noun,
        } => (
            format!(
                "{}{value} × {noun}",
                if *approximate { "about " } else { "" }
            ),
            None,
            None,
        ),
        ClaimData::Office {
            office,
            holder,
            year,
            ..
        } => (format!("{office}: {holder} in {year}"), None, None),
        ClaimData::Quote { speaker, .. } => (
            match speaker {
                Some(s) => format!("said by {s}"),
                None => "speaker not named".to_string(),
            },
            None,
            None,
        ),
    }
}

/// A TIMEX3 value in words where it is a plain day, month or year ("Wednesday 23 April
/// 2025", "June 2022"); other values (weeks, halves, unknown parts) as they are.
fn readable_time(t: &TimeValue) -> String {
    if t.kind == TimexType::Date {
        if let Some(day) = t.as_day() {
            return day.format("%A %-d %B %Y").to_string();
        }
        let v = t.value.as_str();
        let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if v.len() == 7
            && v.is_ascii()
            && is_digits(&v[..4])
            && v.as_bytes()[4] == b'-'
            && is_digits(&v[5..])
        {
            if let Ok(d) = chrono::NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d") {
                return d.format("%B %Y").to_string();
            }
        }
    }
    t.value.clone()
}

// ---------------------------------------------------------------------------------------
// Rule documentation: the small Markdown of the rules' doc comments, as data.
// ---------------------------------------------------------------------------------------

/// A block of a rule's documentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct Block {
    /// `heading`, `paragraph`, `list` or `code`.
    kind: &'static str,
    /// Inline runs (headings and paragraphs).
    inlines: Vec<Inline>,
    /// List items, each a run of inlines.
    items: Vec<Vec<Inline>>,
    /// Preformatted text (code blocks).
    code: String,
}

/// A run of text inside a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct Inline {
    /// `text`, `code` or `em`.
    kind: &'static str,
    text: String,
}

impl Block {
    fn new(kind: &'static str) -> Self {
        Block {
            kind,
            inlines: Vec::new(),
            items: Vec::new(),
            code: String::new(),
        }
    }
}

/// Splits a line of Markdown into text, `code` and *emphasis* runs. Markup the rules'
/// documentation does not use stays as written (and is escaped like all text).
fn inlines(text: &str) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut push = |kind: &'static str, s: &str| {
        if s.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.kind == kind && kind == "text" => last.text.push_str(s),
            _ => out.push(Inline {
                kind,
                text: s.to_string(),
            }),
        }
    };
    let mut rest = text;
    while !rest.is_empty() {
        let next = rest.find(['`', '*']);
        let Some(i) = next else {
            push("text", rest);
            break;
        };
        push("text", &rest[..i]);
        let delim = &rest[i..i + 1];
        let after = &rest[i + 1..];
        match after.find(delim) {
            Some(j) if j > 0 => {
                push(if delim == "`" { "code" } else { "em" }, &after[..j]);
                rest = &after[j + 1..];
            }
            _ => {
                push("text", delim);
                rest = after;
            }
        }
    }
    out
}

/// Parses the Markdown of a rule's documentation: `#` headings, paragraphs, `-` lists and
/// fenced code blocks.
fn markdown(source: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Vec<String> = Vec::new();
    let mut code: Option<String> = None;
    fn flush(blocks: &mut Vec<Block>, para: &mut Vec<&str>, list: &mut Vec<String>) {
        if !para.is_empty() {
            let mut b = Block::new("paragraph");
            b.inlines = inlines(&para.join(" "));
            blocks.push(b);
            para.clear();
        }
        if !list.is_empty() {
            let mut b = Block::new("list");
            b.items = list.iter().map(|i| inlines(i)).collect();
            blocks.push(b);
            list.clear();
        }
    }
    for line in source.lines() {
        if let Some(c) = code.as_mut() {
            if line.trim_start().starts_with("```") {
                let mut b = Block::new("code");
                b.code = std::mem::take(c);
                blocks.push(b);
                code = None;
            } else {
                c.push_str(line);
                c.push('\n');
            }
            continue;
        }
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            flush(&mut blocks, &mut para, &mut list);
            code = Some(String::new());
        } else if trimmed.is_empty() {
            flush(&mut blocks, &mut para, &mut list);
        } else if let Some(h) = trimmed.strip_prefix('#') {
            flush(&mut blocks, &mut para, &mut list);
            let mut b = Block::new("heading");
            b.inlines = inlines(h.trim_start_matches('#').trim());
            blocks.push(b);
        } else if let Some(item) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
        {
            if !para.is_empty() {
                flush(&mut blocks, &mut para, &mut list);
            }
            list.push(item.to_string());
        } else if !list.is_empty() && line.starts_with(' ') {
            // A list item's continuation line.
            if let Some(last) = list.last_mut() {
                last.push(' ');
                last.push_str(trimmed);
            }
        } else {
            if !list.is_empty() {
                flush(&mut blocks, &mut para, &mut list);
            }
            para.push(trimmed);
        }
    }
    if let Some(c) = code {
        let mut b = Block::new("code");
        b.code = c;
        blocks.push(b);
    }
    flush(&mut blocks, &mut para, &mut list);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(number: usize, start: usize, end: usize) -> Mark {
        Mark {
            number,
            span: Span::new(start, end),
        }
    }

    /// The excerpt with highlighted pieces in brackets and references as `^n`.
    fn show(e: &Excerpt) -> String {
        let mut s = String::new();
        if e.cut_before {
            s.push('…');
        }
        for p in &e.pieces {
            if p.marked {
                s.push('[');
                s.push_str(&p.text);
                s.push(']');
            } else {
                s.push_str(&p.text);
            }
            for n in &p.ends {
                s.push_str(&format!("^{n}"));
            }
        }
        if e.cut_after {
            s.push('…');
        }
        s
    }

    fn span_of(text: &str, needle: &str) -> (usize, usize) {
        let start = text.find(needle).unwrap();
        (start, start + needle.len())
    }

    #[test]
    fn context_is_cut_between_words_inside_the_paragraph() {
        let text =
            "First paragraph here.\n\nThe quick brown fox jumps over the lazy dog today.\n\nLast.";
        let (a, b) = span_of(text, "fox");
        let e = excerpts(text, &[mark(1, a, b)], 12);
        assert_eq!(e.len(), 1);
        assert_eq!(show(&e[0]), "…quick brown [fox]^1 jumps over…");
        // Enough context for the whole paragraph: no ellipsis, nothing of the neighbours.
        let e = excerpts(text, &[mark(1, a, b)], 500);
        assert_eq!(
            show(&e[0]),
            "The quick brown [fox]^1 jumps over the lazy dog today."
        );
    }

    #[test]
    fn spans_at_the_start_and_end_of_the_text() {
        let text = "Alpha beta gamma";
        let e = excerpts(text, &[mark(1, 0, 5)], 6);
        assert_eq!(show(&e[0]), "[Alpha]^1 beta…");
        let e = excerpts(text, &[mark(2, 11, 16)], 6);
        assert_eq!(show(&e[0]), "…beta [gamma]^2");
        // Past the end: clamped onto the last character. No space to cut at in the
        // context: the word is shown from where the context starts.
        let e = excerpts(text, &[mark(3, 40, 50)], 3);
        assert_eq!(show(&e[0]), "…amm[a]^3");
        // Empty span: widened to one character.
        let e = excerpts(text, &[mark(4, 0, 0)], 0);
        assert_eq!(show(&e[0]), "[A]^4…");
        assert!(excerpts("", &[mark(1, 0, 3)], 10).is_empty());
    }

    #[test]
    fn offsets_inside_characters_move_to_boundaries() {
        let text = "Ivo Sánchez met José Ruano in Portalegre";
        let start = text.find('á').unwrap();
        // Starts in the middle of "á" (two bytes), ends in the middle of "é": both ends
        // move back onto the start of their character.
        let end = text.find('é').unwrap() + 1;
        let e = excerpts(text, &[mark(1, start + 1, end)], 4);
        assert_eq!(show(&e[0]), "…S[ánchez met Jos]^1é…");
        assert!(e[0].pieces.iter().all(|p| !p.text.is_empty()));
        // Context counted in characters, never splitting one.
        let text = "ééééé x ééééé";
        let (a, b) = span_of(text, "x");
        let e = excerpts(text, &[mark(1, a, b)], 3);
        assert_eq!(show(&e[0]), "…[x]^1…");
    }

    #[test]
    fn overlapping_and_nested_spans() {
        let text = "the Moroccan presidency of the Rabat Process in 2023 was agreed";
        let (a, b) = span_of(text, "Moroccan presidency of the Rabat Process");
        let (c, d) = span_of(text, "Rabat Process in 2023");
        let (y, z) = span_of(text, "2023");
        let e = excerpts(text, &[mark(1, a, b), mark(2, c, d), mark(3, y, z)], 100);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].numbers, vec![1, 2, 3]);
        assert_eq!(
            show(&e[0]),
            "the [Moroccan presidency of the ][Rabat Process]^1[ in ][2023]^2^3 was agreed"
        );
        // The same span twice: one piece, both references.
        let e = excerpts(text, &[mark(2, y, z), mark(1, y, z)], 4);
        assert_eq!(e[0].pieces.iter().filter(|p| p.marked).count(), 1);
        assert!(show(&e[0]).contains("[2023]^1^2"));
    }

    #[test]
    fn any_spans_give_whole_pieces() {
        // Multi-byte characters, paragraphs, blank lines with spaces: every pair of spans
        // (also past the end, empty, reversed) gives excerpts whose pieces are exactly the
        // window's text, each number in one excerpt.
        let text = "Ça va?\n\nÉté — 21st “meeting” in Rabat.\nLine two ünïcödé.\n\n  \nEnd";
        for a in 0..=text.len() + 2 {
            for b in 0..=text.len() + 2 {
                for c in [0, 9, text.len() / 2, text.len()] {
                    let marks = [mark(1, a, b), mark(2, c, c + 3)];
                    for context in [0, 3, 40] {
                        let all = excerpts(text, &marks, context);
                        let mut numbers: Vec<usize> =
                            all.iter().flat_map(|e| e.numbers.clone()).collect();
                        numbers.sort_unstable();
                        assert_eq!(numbers, [1, 2], "{a}..{b}, {c}, {context}");
                        for e in &all {
                            let joined: String = e.pieces.iter().map(|p| p.text.as_str()).collect();
                            assert_eq!(joined, &text[e.start..e.end]);
                            assert!(e.pieces.iter().any(|p| p.marked));
                            assert!(e.pieces.iter().all(|p| !p.text.is_empty()));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn distant_spans_get_their_own_excerpts_in_text_order() {
        let text = format!("Alpha {} Omega", "filler ".repeat(60));
        let (a, b) = span_of(&text, "Alpha");
        let (c, d) = span_of(&text, "Omega");
        let e = excerpts(&text, &[mark(1, c, d), mark(2, a, b)], 10);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].numbers, vec![2]);
        assert_eq!(e[1].numbers, vec![1]);
        assert!(e[0].end < e[1].start);
        // Near spans share one excerpt.
        let e = excerpts(&text, &[mark(1, a, b), mark(2, a + 6, a + 12)], 10);
        assert_eq!(e.len(), 1);
    }

    #[test]
    fn paragraphs_bound_the_context() {
        let text = "one\ntwo three\n\n  \nfour five\nsix";
        assert_eq!(paragraph(text, 4, 7), (0, 13));
        let (a, _) = span_of(text, "five");
        assert_eq!(
            paragraph(text, a, a + 4),
            (text.find("four").unwrap(), text.len())
        );
        // Lines of one paragraph are kept together, with their line break.
        let e = excerpts(text, &[mark(1, a, a + 4)], 100);
        assert_eq!(show(&e[0]), "four [five]^1\nsix");
    }

    #[test]
    fn base64_matches_rfc_4648() {
        for (input, want) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), want);
        }
        // The hash of the empty string, as browsers compute it.
        assert_eq!(
            sha256_base64(""),
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
    }

    #[test]
    fn rule_markdown_becomes_blocks() {
        let md = "Intro with `code` and *words*.\nSecond line.\n\n## When it fires\n- one\n  more\n- two\n\n```text\n<b>raw</b>\n```\nEnd * lone";
        let blocks = markdown(md);
        let kinds: Vec<&str> = blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, ["paragraph", "heading", "list", "code", "paragraph"]);
        let p = &blocks[0].inlines;
        assert_eq!(
            p.iter()
                .map(|i| (i.kind, i.text.as_str()))
                .collect::<Vec<_>>(),
            [
                ("text", "Intro with "),
                ("code", "code"),
                ("text", " and "),
                ("em", "words"),
                ("text", ". Second line.")
            ]
        );
        assert_eq!(blocks[2].items.len(), 2);
        assert_eq!(blocks[2].items[0][0].text, "one more");
        assert_eq!(blocks[3].code, "<b>raw</b>\n");
        assert_eq!(blocks[4].inlines[0].text, "End * lone");
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(
            readable_time(&TimeValue::date("2025-04-23")),
            "Wednesday 23 April 2025"
        );
        assert_eq!(readable_time(&TimeValue::date("2022-06")), "June 2022");
        assert_eq!(readable_time(&TimeValue::date("2023-H2")), "2023-H2");
        assert_eq!(readable_time(&TimeValue::date("XXXX-WXX-1")), "XXXX-WXX-1");
        // Seven bytes that are not seven characters: never sliced inside one.
        assert_eq!(readable_time(&TimeValue::date("202é-1")), "202é-1");
    }
}
