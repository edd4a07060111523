//! The human report: one miette diagnostic per finding, with a box for every source it points
//! into (both articles, or the article and the rules file), then a summary line.
//!
//! Findings stay plain data; [`FindingDiagnostic`] adapts one to miette only here. The
//! handler is built explicitly (theme, width, no links, no highlighting) so the output does
//! not depend on the terminal and snapshots are stable; colour is switched on by the caller
//! only for a terminal.

use super::{summary_line, BaselineState, Item, Report, SourceDb, Style};
use crate::rules::Severity;
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};
use std::fmt;
use std::io::{self, Write};

/// One item as a miette diagnostic, over a database of just its sources laid out in the
/// finding's order, so the primary location's box comes first (miette orders boxes by offset).
struct FindingDiagnostic<'r> {
    item: &'r Item,
    sources: SourceDb<'r>,
    labels: Vec<LabeledSpan>,
    message: String,
}

impl<'r> FindingDiagnostic<'r> {
    fn new(report: &'r Report<'r>, item: &'r Item) -> Self {
        let ids: Vec<_> = item.locations.iter().map(|l| l.source).collect();
        let (sources, mapped) = report.sources.subset(&ids);
        let labels = item
            .locations
            .iter()
            .zip(mapped)
            .enumerate()
            .filter_map(|(k, (l, id))| {
                let span = sources.global(id?, l.span)?;
                // The outlet tells the reader whose claim each box is.
                let label = match report.outlet_of(l) {
                    Some(outlet) if l.label.is_empty() => Some(format!("[{outlet}]")),
                    Some(outlet) => Some(format!("{} [{outlet}]", l.label)),
                    None => Some(l.label.clone()).filter(|s| !s.is_empty()),
                };
                Some(if k == 0 {
                    LabeledSpan::new_primary_with_span(label, span)
                } else {
                    LabeledSpan::new_with_span(label, span)
                })
            })
            .collect();
        let message = match item.baseline {
            Some(BaselineState::Unchanged) if report.with_baseline => {
                format!("{} (baselined)", item.message)
            }
            _ => item.message.clone(),
        };
        FindingDiagnostic {
            item,
            sources,
            labels,
            message,
        }
    }
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FindingDiagnostic")
            .field("rule", &self.item.rule)
            .finish()
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.item.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.item.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        (!self.item.help.is_empty()).then(|| Box::new(&self.item.help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        (!self.labels.is_empty()).then_some(&self.sources as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        (!self.labels.is_empty()).then(|| Box::new(self.labels.iter().cloned()) as Box<_>)
    }
}

/// The handler: explicit theme and width so the output depends on nothing but `style`.
fn handler(style: Style) -> GraphicalReportHandler {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_urls(false)
        .without_syntax_highlighting()
}

/// Renders one item to text.
pub(super) fn render_item(report: &Report<'_>, item: &Item, style: Style) -> String {
    let diag = FindingDiagnostic::new(report, item);
    let mut s = String::new();
    if handler(style).render_report(&mut s, &diag).is_err() {
        // The renderer failed (a span it could not read): fall back to one plain line rather
        // than lose the finding.
        s = format!("{}[{}]: {}\n", item.severity, item.rule, item.message);
    }
    s
}

/// Writes every item, then the summary line.
pub(super) fn render(report: &Report<'_>, style: Style, out: &mut dyn Write) -> io::Result<()> {
    for item in &report.items {
        let text = render_item(report, item, style);
        out.write_all(text.as_bytes())?;
        if !text.ends_with('\n') {
            writeln!(out)?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", summary_line(&report.summary))
}
