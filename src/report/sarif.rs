//! SARIF 2.1.0, the format code-scanning services read (GitHub's upload-sarif action).
//!
//! One run; `tool.driver.rules` lists every rule (registry and the report's own notes);
//! each result has the primary location, the other sources as `relatedLocations`, the
//! fingerprint under `partialFingerprints` and, with a baseline, `baselineState`. Columns and
//! `charOffset`/`charLength` count Unicode code points (`columnKind: unicodeCodePoints`).

use super::{Item, ItemLocation, Report, RuleInfo};
use crate::rules::Severity;
use serde_json::{json, Value};
use std::io::{self, Write};

/// The SARIF schema this output follows.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Key of the fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "factdiffFingerprint/v1";

/// Where the tool is documented: the crate's repository when Cargo.toml names one.
fn information_uri() -> &'static str {
    match env!("CARGO_PKG_REPOSITORY") {
        "" => concat!("https://crates.io/crates/", env!("CARGO_PKG_NAME")),
        repo => repo,
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// Percent-encodes a relative path for `artifactLocation.uri` (keeps `/`), and drops the
/// `#N` that marks the N-th post of a WordPress file: the artifact is the file.
fn uri(path: &str) -> String {
    let file = super::split_post(path).0;
    let mut out = String::with_capacity(file.len());
    for b in file.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn physical(report: &Report<'_>, l: &ItemLocation) -> Option<Value> {
    let p = report.position(l)?;
    let text = report.sources.get(l.source)?.text.as_ref();
    let char_offset = text.get(..l.span.start).map_or(0, |s| s.chars().count());
    Some(json!({
        "artifactLocation": { "uri": uri(p.path) },
        "region": {
            "startLine": p.start.0,
            "startColumn": p.start.1,
            "endLine": p.end.0,
            "endColumn": p.end.1,
            "charOffset": char_offset,
            "charLength": p.text.chars().count(),
            "snippet": { "text": p.text },
        },
    }))
}

fn result(report: &Report<'_>, item: &Item, rule_index: Option<usize>) -> Value {
    let mut locations = item
        .locations
        .iter()
        .filter_map(|l| Some((l, physical(report, l)?)));
    let primary = locations
        .next()
        .map(|(l, phys)| json!({ "physicalLocation": phys, "message": { "text": l.label } }));
    let related: Vec<Value> = locations
        .enumerate()
        .map(|(k, (l, phys))| {
            json!({ "id": k + 1, "physicalLocation": phys, "message": { "text": l.label } })
        })
        .collect();
    let mut text = item.message.clone();
    if !item.help.is_empty() {
        text.push_str("\nhelp: ");
        text.push_str(&item.help);
    }
    let mut r = json!({
        "ruleId": item.rule,
        "level": level(item.severity),
        "message": { "text": text },
        "locations": primary.into_iter().collect::<Vec<_>>(),
        "partialFingerprints": { FINGERPRINT_KEY: item.fingerprint },
        "properties": { "subject": item.subject, "values": item.values },
    });
    if let Some(i) = rule_index {
        r["ruleIndex"] = json!(i);
    }
    if !related.is_empty() {
        r["relatedLocations"] = Value::Array(related);
    }
    if let Some(state) = item.baseline {
        r["baselineState"] = json!(state);
    }
    r
}

fn rule(r: &RuleInfo) -> Value {
    let full = if r.explanation.trim().is_empty() {
        r.summary.clone()
    } else {
        r.explanation.trim().to_string()
    };
    json!({
        "id": r.id,
        "shortDescription": { "text": r.summary },
        "fullDescription": { "text": full },
        "help": { "text": full, "markdown": full },
        "defaultConfiguration": { "level": level(r.default_severity) },
    })
}

/// The report as a SARIF log.
pub(super) fn to_value(report: &Report<'_>) -> Value {
    let rules = report.rules();
    let results: Vec<Value> = report
        .items
        .iter()
        .map(|i| result(report, i, rules.iter().position(|r| r.id == i.rule)))
        .collect();
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": env!("CARGO_PKG_NAME"),
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": information_uri(),
                "rules": rules.iter().map(rule).collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// Writes the SARIF log (pretty, one trailing newline).
pub(super) fn render(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_value(report))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(uri("news/a b.html"), "news/a%20b.html");
        assert_eq!(uri("wp/posts.json#3"), "wp/posts.json");
        assert_eq!(uri("x#y"), "x%23y");
        assert_eq!(uri("é.md"), "%C3%A9.md");
    }
}
