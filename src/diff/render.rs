//! Output of `diff`: a compact human list grouped by subject, and the JSON contract.
//!
//! Human output shows each changed fact on one line and, under it, the sentence around it
//! with a word diff (`similar`), trimmed to a few words around what changed. Colour (red for
//! removed words, green for added ones) is used on a terminal; piped output, and any output
//! while `NO_COLOR` is set, marks them `[-removed-]` and `{+added+}` instead.

use super::align::similarity;
use super::check::CorpusFinding;
use super::{ChangeKind, FactChange, FileReport, FileStatus, Report};
use crate::corpus::Document;
use crate::span::line_col;
use serde::Serialize;
use similar::{ChangeTag, TextDiff};
use std::io::{self, Write};

/// Words of unchanged text kept on each side of a change in the word diff.
const CONTEXT_WORDS: usize = 5;

/// How to mark up human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// ANSI colours instead of `[-…-]`/`{+…+}` markers.
    pub color: bool,
}

impl Style {
    /// Colour when `stdout` is a terminal and `NO_COLOR` is unset or empty
    /// (<https://no-color.org>).
    pub fn detect() -> Style {
        use std::io::IsTerminal;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            color: !no_color && io::stdout().is_terminal(),
        }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn removed(&self, s: &str) -> String {
        if self.color {
            self.paint("31", s)
        } else {
            format!("[-{s}-]")
        }
    }

    fn added(&self, s: &str) -> String {
        if self.color {
            self.paint("32", s)
        } else {
            format!("{{+{s}+}}")
        }
    }
}

#[derive(Serialize)]
struct JsonOut<'a> {
    version: u32,
    old: &'a str,
    new: &'a str,
    changes: Vec<FactChange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    findings: Option<&'a [CorpusFinding]>,
}

/// Writes the JSON contract: `{"version":1,"old","new","changes":[...]}`, plus `findings`
/// when a corpus was checked. In folder mode every change carries the article's `path`.
pub fn json(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let value = JsonOut {
        version: 1,
        old: &report.old,
        new: &report.new,
        changes: report.changes(),
        findings: report.findings.as_deref(),
    };
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

/// Writes the human report.
pub fn human(report: &Report, style: Style, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", style.paint("1", &format!("--- {}", report.old)))?;
    writeln!(out, "{}", style.paint("1", &format!("+++ {}", report.new)))?;
    let mut facts_changed = 0;
    for file in &report.files {
        let title = file.path.as_deref().unwrap_or("");
        match file.status {
            FileStatus::Added => writeln!(
                out,
                "{}",
                style.paint("32", &format!("{title}: article added"))
            )?,
            FileStatus::Removed => writeln!(
                out,
                "{}",
                style.paint("31", &format!("{title}: article removed"))
            )?,
            FileStatus::Compared => {
                let changes = file.changes();
                if changes.is_empty() {
                    continue;
                }
                facts_changed += changes.len();
                if file.path.is_some() {
                    writeln!(out, "{}", style.paint("1", &format!("{title}:")))?;
                }
                let indent = if file.path.is_some() { "  " } else { "" };
                file_changes(file, &changes, style, indent, out)?;
            }
        }
        if let Some(findings) = &report.findings {
            for f in findings.iter().filter(|f| f.path == file.path) {
                finding(f, style, out)?;
            }
        }
    }
    writeln!(out, "{}", summary(report, facts_changed))
}

fn summary(report: &Report, facts_changed: usize) -> String {
    let compared: usize = report
        .files
        .iter()
        .filter_map(|f| f.comparison.as_ref())
        .map(|c| c.old_facts.max(c.new_facts))
        .sum();
    let facts = match facts_changed {
        0 => format!("no fact changed ({compared} facts compared)"),
        1 => "1 fact changed".to_string(),
        n => format!("{n} facts changed"),
    };
    let findings = match report.findings.as_deref().map(<[CorpusFinding]>::len) {
        None => String::new(),
        Some(0) => "; no contradiction with the corpus".to_string(),
        Some(1) => "; 1 finding in the corpus touches a change".to_string(),
        Some(n) => format!("; {n} findings in the corpus touch a change"),
    };
    if !report.folder {
        return format!("{facts}{findings}");
    }
    let count = |s: FileStatus| report.files.iter().filter(|f| f.status == s).count();
    let changed = report
        .files
        .iter()
        .filter(|f| f.comparison.as_ref().is_some_and(|c| !c.changes.is_empty()))
        .count();
    format!(
        "{} articles: {changed} changed, {} added, {} removed; {facts}{findings}",
        report.files.len(),
        count(FileStatus::Added),
        count(FileStatus::Removed)
    )
}

/// A heading for facts about nothing in particular.
fn kind_heading(kind: &str) -> &'static str {
    match kind {
        "time" => "dates and times",
        "place" => "places",
        "person" => "people",
        "organisation" => "organisations",
        "quote" => "quotations",
        "count" => "counts",
        _ => "other facts",
    }
}

fn file_changes(
    file: &FileReport,
    changes: &[FactChange],
    style: Style,
    indent: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (Some(old), Some(new)) = (&file.old, &file.new) else {
        return Ok(());
    };
    let old_sentences = crate::text::sentences(&old.text);
    let new_sentences = crate::text::sentences(&new.text);
    let mut i = 0;
    while i < changes.len() {
        let heading = |c: &FactChange| {
            if c.subject.is_empty() {
                kind_heading(c.kind).to_string()
            } else {
                c.subject.clone()
            }
        };
        let h = heading(&changes[i]);
        let group_end = i + changes[i..].iter().take_while(|c| heading(c) == h).count();
        writeln!(out, "{indent}{}", style.paint("1", &h))?;
        // Facts read from one sentence share one word diff, printed after the last of them.
        let contexts: Vec<Context> = changes[i..group_end]
            .iter()
            .map(|c| context(c, old, new, &old_sentences, &new_sentences))
            .collect();
        for (k, c) in changes[i..group_end].iter().enumerate() {
            writeln!(out, "{indent}  {}", fact_line(c, old, new, style))?;
            if contexts.get(k + 1) != Some(&contexts[k]) {
                writeln!(out, "{indent}      {}", contexts[k].render(old, new, style))?;
            }
        }
        i = group_end;
    }
    Ok(())
}

fn fact_line(c: &FactChange, old: &Document, new: &Document, style: Style) -> String {
    let at = |d: &Document, start: usize| {
        let (l, col) = line_col(&d.text, start);
        format!("{l}:{col}")
    };
    // Long values (quotations) are cut: the word diff below shows what changed in them.
    let v = |s: &str| super::shorten(s, 60);
    match (c.change, &c.old, &c.new) {
        (ChangeKind::Changed, Some(o), Some(n)) => {
            format!(
                "{} {}: {} → {}  ({} → {})",
                style.paint("33", "~"),
                c.kind,
                v(&o.value),
                v(&n.value),
                at(old, o.start),
                at(new, n.start)
            )
        }
        (ChangeKind::Removed, Some(o), _) => format!(
            "{} {}: {}  (old {})",
            style.paint("31", "-"),
            c.kind,
            v(&o.value),
            at(old, o.start)
        ),
        (_, _, Some(n)) => format!(
            "{} {}: {}  (new {})",
            style.paint("32", "+"),
            c.kind,
            v(&n.value),
            at(new, n.start)
        ),
        _ => format!("? {}", c.kind),
    }
}

fn finding(f: &CorpusFinding, style: Style, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "  {} {} [{}] {}",
        style.paint("35", "!"),
        f.severity,
        f.rule,
        f.message
    )?;
    for l in &f.locations {
        writeln!(out, "      {}: {:?} ({})", l.path, l.text, l.label)?;
    }
    Ok(())
}

/// The sentences a change is shown in: its own, and the most alike one of the other
/// version (none when the sentence was dropped or written anew).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Context {
    old: Option<(usize, usize)>,
    new: Option<(usize, usize)>,
}

fn context(
    c: &FactChange,
    old: &Document,
    new: &Document,
    old_sentences: &[(usize, usize)],
    new_sentences: &[(usize, usize)],
) -> Context {
    let best = |text: &str, sentence: &str, candidates: &[(usize, usize)]| {
        candidates
            .iter()
            .map(|&(a, b)| super::align::trim(text, a, b))
            .map(|r| (similarity(sentence, text.get(r.0..r.1).unwrap_or("")), r))
            .filter(|(score, _)| *score >= 500)
            // Highest score, then the earliest sentence.
            .max_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)))
            .map(|(_, r)| r)
    };
    let slice = |d: &Document, r: (usize, usize)| d.text.get(r.0..r.1).unwrap_or("").to_string();
    match (&c.old, &c.new) {
        (Some(o), Some(n)) => Context {
            old: Some(o.sentence),
            new: Some(n.sentence),
        },
        (Some(o), None) => Context {
            old: Some(o.sentence),
            new: best(&new.text, &slice(old, o.sentence), new_sentences),
        },
        (None, Some(n)) => Context {
            old: best(&old.text, &slice(new, n.sentence), old_sentences),
            new: Some(n.sentence),
        },
        (None, None) => Context {
            old: None,
            new: None,
        },
    }
}

impl Context {
    fn render(&self, old: &Document, new: &Document, style: Style) -> String {
        fn get(d: &Document, r: Option<(usize, usize)>) -> &str {
            r.and_then(|(a, b)| d.text.get(a..b)).unwrap_or("")
        }
        let line = |d: &Document, r: Option<(usize, usize)>| r.map(|(a, _)| line_col(&d.text, a).0);
        let label = match (line(old, self.old), line(new, self.new)) {
            (Some(a), Some(b)) if a == b => format!("line {a}"),
            (Some(a), Some(b)) => format!("lines {a} → {b}"),
            (Some(a), None) => format!("old line {a}"),
            (None, Some(b)) => format!("new line {b}"),
            (None, None) => String::new(),
        };
        format!(
            "{}: {}",
            label,
            word_diff(get(old, self.old), get(new, self.new), style)
        )
    }
}

/// A one-line word diff of two sentences: unchanged runs longer than a few words elided with
/// `…`, removed and added words marked up by `style`.
pub fn word_diff(old: &str, new: &str, style: Style) -> String {
    let diff = TextDiff::from_words(old, new);
    // Runs of one tag, merged.
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for ch in diff.iter_all_changes() {
        let v = ch.value();
        match runs.last_mut() {
            Some((tag, s)) if *tag == ch.tag() => s.push_str(v),
            _ => runs.push((ch.tag(), v.to_string())),
        }
    }
    // A space between two changed runs belongs to the change: "[-a b-]", not "[-a-] [-b-]".
    let mut chunks: Vec<(String, String, String)> = Vec::new(); // (same, removed, added)
    for (idx, (tag, s)) in runs.iter().enumerate() {
        let open = chunks.last().is_some_and(|c| c.0.is_empty());
        match tag {
            ChangeTag::Equal if open && s.trim().is_empty() && idx + 1 < runs.len() => {
                if let Some(c) = chunks.last_mut() {
                    for side in [&mut c.1, &mut c.2] {
                        if !side.is_empty() {
                            side.push_str(s);
                        }
                    }
                }
            }
            ChangeTag::Equal => chunks.push((s.clone(), String::new(), String::new())),
            ChangeTag::Delete | ChangeTag::Insert => {
                if !open {
                    chunks.push((String::new(), String::new(), String::new()));
                }
                if let Some(c) = chunks.last_mut() {
                    if *tag == ChangeTag::Delete {
                        c.1.push_str(s)
                    } else {
                        c.2.push_str(s)
                    }
                }
            }
        }
    }
    let mut out = String::new();
    let last = chunks.len().saturating_sub(1);
    for (i, (same, removed, added)) in chunks.iter().enumerate() {
        if !same.is_empty() {
            out.push_str(&elide(same, i == 0, i == last));
            continue;
        }
        out.push_str(&marked(removed, |x| style.removed(x)));
        out.push_str(&marked(added, |x| style.added(x)));
    }
    out
}

/// Marks up a changed run, keeping its outer white space outside the markers.
fn marked(s: &str, mark: impl Fn(&str) -> String) -> String {
    let core = s.trim();
    if core.is_empty() {
        return s.to_string();
    }
    let lead = &s[..s.len() - s.trim_start().len()];
    let trail = &s[s.trim_end().len()..];
    format!("{lead}{}{trail}", mark(core))
}

/// Shortens an unchanged run: its last words when it opens the sentence, its first words
/// when it closes it, both ends when it sits between two changes.
fn elide(s: &str, first: bool, last: bool) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let lead = if s.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if s.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let n = CONTEXT_WORDS;
    match (first, last) {
        (true, true) => s.to_string(),
        (true, false) if words.len() > n => {
            format!("…{}{trail}", words[words.len() - n..].join(" "))
        }
        (false, true) if words.len() > n => format!("{lead}{}…", words[..n].join(" ")),
        (false, false) if words.len() > 2 * n => {
            format!(
                "{lead}{} … {}{trail}",
                words[..n].join(" "),
                words[words.len() - n..].join(" ")
            )
        }
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_marks_and_elides() {
        let plain = Style { color: false };
        let old = "The group recently held its 21st meeting in Madrid to address the bilateral partnership on this issue.";
        let new = "The group recently held its 22nd meeting in Rabat to address the bilateral partnership on this issue.";
        assert_eq!(
            word_diff(old, new, plain),
            "The group recently held its [-21st-]{+22nd+} meeting in [-Madrid-]{+Rabat+} to address the bilateral partnership…"
        );
        assert_eq!(word_diff("a b", "a b", plain), "a b");
        assert_eq!(word_diff("", "new words", plain), "{+new words+}");
        let color = Style { color: true };
        assert_eq!(
            word_diff("in Madrid", "in Rabat", color),
            "in \x1b[31mMadrid\x1b[0m\x1b[32mRabat\x1b[0m"
        );
    }

    #[test]
    fn long_unchanged_runs_are_elided() {
        assert_eq!(
            elide("one two three four five six seven", true, false),
            "…three four five six seven"
        );
        assert_eq!(
            elide(" one two three four five six seven", false, true),
            " one two three four five…"
        );
        assert_eq!(
            elide(" a b c d e f g h i j k l ", false, false),
            " a b c d e … h i j k l "
        );
        assert_eq!(elide(" a b ", false, false), " a b ");
    }
}
