//! The concise report: `path:line:col: severity[rule] message`, one line per finding, for
//! editors' problem matchers and grep.

use super::Report;
use std::io::{self, Write};

/// Writes one line per item (no summary: every line is a finding).
pub(super) fn render(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    for item in &report.items {
        let at = item
            .locations
            .first()
            .and_then(|l| report.position(l))
            .map(|p| format!("{}:{}:{}: ", p.path, p.start.0, p.start.1))
            .unwrap_or_default();
        let message = item.message.replace(['\r', '\n'], " ");
        writeln!(out, "{at}{}[{}] {message}", item.severity, item.rule)?;
    }
    Ok(())
}
