//! GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding,
//! which GitHub shows as annotations on the pull request's files.
//!
//! Escaping follows GitHub's runner: in the message `%`, `\r`, `\n` become `%25`, `%0D`,
//! `%0A`; in properties `:` and `,` also become `%3A` and `%2C`.

use super::{Item, Report};
use crate::rules::Severity;
use std::io::{self, Write};

/// Escapes a command's message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    }
}

/// The file an annotation is attached to: WordPress `#N` suffixes removed.
fn file_of(path: &str) -> &str {
    super::split_post(path).0
}

/// One workflow command for an item.
pub(super) fn line(report: &Report<'_>, item: &Item) -> String {
    let mut props = Vec::new();
    let mut message = item.message.clone();
    let mut positions = item
        .locations
        .iter()
        .filter_map(|l| Some((l, report.position(l)?)));
    if let Some((l, p)) = positions.next() {
        props.push(format!("file={}", escape_property(file_of(p.path))));
        props.push(format!("line={}", p.start.0));
        props.push(format!("col={}", p.start.1));
        props.push(format!("endLine={}", p.end.0));
        props.push(format!("endColumn={}", p.end.1));
        if !l.label.is_empty() {
            message.push_str(&format!("\n{}", l.label));
        }
    }
    for (l, p) in positions {
        message.push_str(&format!(
            "\n{}:{}:{}: {}",
            p.path, p.start.0, p.start.1, l.label
        ));
    }
    if !item.help.is_empty() {
        message.push_str(&format!("\nhelp: {}", item.help));
    }
    props.push(format!(
        "title={}",
        escape_property(&format!("factdiff {}", item.rule))
    ));
    format!(
        "::{} {}::{}",
        command(item.severity),
        props.join(","),
        escape_data(&message)
    )
}

/// Writes one command per item.
pub(super) fn render(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    for item in &report.items {
        writeln!(out, "{}", line(report, item))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(file_of("a.json#2"), "a.json");
        assert_eq!(file_of("a#b"), "a#b");
    }
}
