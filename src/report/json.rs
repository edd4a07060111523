//! The JSON report. Contract (fields may be added, never renamed):
//! `{"version":1,"documents":[{"path","title","published"}],"findings":[{"rule","severity",
//! "message","subject","values","locations":[{"path","start","end","line","column","text"}],
//! "help","fingerprint"}],"summary":{"documents","claims","errors","warnings","notes"}}`;
//! with a baseline each finding has `"baseline"` and the summary `new` and `baselined`.
//! `start`/`end` are byte offsets into the text of the file at `path` and `text` is exactly
//! that slice.

use super::{BaselineState, DocumentInfo, Item, Report, Summary};
use crate::rules::Severity;
use serde::Serialize;
use std::io::{self, Write};

/// Version of the JSON contract.
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Out<'r> {
    version: u32,
    documents: &'r [DocumentInfo],
    findings: Vec<FindingOut<'r>>,
    summary: &'r Summary,
}

#[derive(Serialize)]
struct FindingOut<'r> {
    rule: &'r str,
    severity: Severity,
    message: &'r str,
    subject: &'r str,
    values: &'r [String],
    locations: Vec<LocationOut<'r>>,
    help: &'r str,
    fingerprint: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<BaselineState>,
}

#[derive(Serialize)]
struct LocationOut<'r> {
    path: &'r str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    text: &'r str,
    label: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'r str>,
}

fn finding<'r>(report: &'r Report<'_>, i: &'r Item) -> FindingOut<'r> {
    FindingOut {
        rule: i.rule,
        severity: i.severity,
        message: &i.message,
        subject: &i.subject,
        values: &i.values,
        locations: i
            .locations
            .iter()
            .filter_map(|l| {
                let p = report.position(l)?;
                Some(LocationOut {
                    path: p.path,
                    start: l.span.start,
                    end: l.span.end,
                    line: p.start.0,
                    column: p.start.1,
                    end_line: p.end.0,
                    end_column: p.end.1,
                    text: p.text,
                    label: &l.label,
                    outlet: report.outlet_of(l),
                })
            })
            .collect(),
        help: &i.help,
        fingerprint: &i.fingerprint,
        baseline: i.baseline,
    }
}

/// Writes the JSON report (pretty, one trailing newline).
pub(super) fn render(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let value = Out {
        version: JSON_VERSION,
        documents: &report.documents,
        findings: report.items.iter().map(|i| finding(report, i)).collect(),
        summary: &report.summary,
    };
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}
