//! Baselines: the findings a project has accepted for now, so CI fails only on new ones.
//!
//! A baseline is a JSON file meant to be read in review: one entry per finding with its rule,
//! subject, values, documents, message and fingerprint, sorted. Entries are matched by
//! fingerprint, each entry at most once, so two identical findings need two entries.

use crate::rules::Severity;
use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use thiserror::Error;

/// Version of the baseline file format.
pub const BASELINE_VERSION: u32 = 1;

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BaselineEntry {
    /// Documents involved (sorted); first so the file reads article by article.
    pub paths: Vec<String>,
    /// Rule id.
    pub rule: String,
    /// Subject.
    pub subject: String,
    /// Disagreeing values.
    pub values: Vec<String>,
    /// Severity when the baseline was written (informative).
    pub severity: Severity,
    /// The finding's message when the baseline was written (informative).
    pub message: String,
    /// What entries are matched on.
    pub fingerprint: String,
}

/// The file as written.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    findings: Vec<BaselineEntry>,
}

/// A loaded baseline with its text, so stale entries can be pointed at.
#[derive(Debug, Clone)]
pub struct Baseline {
    /// Path as shown.
    pub path: String,
    /// The file's text.
    pub text: String,
    /// The entries, in file order.
    pub entries: Vec<BaselineEntry>,
}

/// A problem with the baseline file (exit code 2).
#[derive(Debug, Error, Diagnostic)]
pub enum BaselineError {
    /// The baseline does not exist: a typo must not turn into an empty baseline that lets
    /// every accepted finding fail the run, nor into one that hides nothing silently.
    #[error("{path}: baseline file not found")]
    #[diagnostic(
        code(factdiff::baseline::missing),
        help("create it with `factdiff check PATH... --baseline {path} --update-baseline`")
    )]
    Missing {
        /// The file.
        path: String,
    },
    /// The file could not be read or written.
    #[error("{path}: {message}")]
    #[diagnostic(code(factdiff::baseline::io))]
    Io {
        /// The file.
        path: String,
        /// The operating system's reason.
        message: String,
    },
    /// The file is not a baseline.
    #[error("{path}: not a factdiff baseline: {message}")]
    #[diagnostic(
        code(factdiff::baseline::invalid),
        help("regenerate it with --update-baseline")
    )]
    Invalid {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
        /// The file's text.
        #[source_code]
        src: Arc<NamedSource<String>>,
        /// Where.
        #[label("here")]
        span: Option<SourceSpan>,
    },
}

impl Baseline {
    /// Reads a baseline file; a missing file is an error.
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let shown = crate::corpus::display_path(path);
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(BaselineError::Missing { path: shown })
            }
            Err(e) => {
                return Err(BaselineError::Io {
                    path: shown,
                    message: e.to_string(),
                })
            }
        };
        Baseline::parse(&shown, text)
    }

    /// Parses baseline text; `path` names it in errors.
    pub fn parse(path: &str, text: String) -> Result<Baseline, BaselineError> {
        let file: BaselineFile = match serde_json::from_str(&text) {
            Ok(f) => f,
            Err(e) => {
                let offset = offset_of(&text, e.line(), e.column());
                return Err(BaselineError::Invalid {
                    path: path.to_string(),
                    message: e.to_string(),
                    src: Arc::new(NamedSource::new(path, text)),
                    span: Some(SourceSpan::from(offset)),
                });
            }
        };
        if file.version != BASELINE_VERSION {
            return Err(BaselineError::Invalid {
                path: path.to_string(),
                message: format!(
                    "version {} (this factdiff reads version {BASELINE_VERSION})",
                    file.version
                ),
                span: text.find("\"version\"").map(SourceSpan::from),
                src: Arc::new(NamedSource::new(path, text)),
            });
        }
        Ok(Baseline {
            path: path.to_string(),
            text,
            entries: file.findings,
        })
    }

    /// Byte span of an entry's fingerprint value in the file, for stale-entry notes.
    pub fn span_of(&self, fingerprint: &str) -> Option<crate::span::Span> {
        let needle = format!("\"{fingerprint}\"");
        let at = self.text.find(&needle)?;
        Some(crate::span::Span::new(at + 1, at + needle.len() - 1))
    }
}

/// Serialises entries (sorted) as the baseline file's text.
pub fn to_text(entries: &[BaselineEntry]) -> String {
    let mut findings = entries.to_vec();
    findings.sort();
    let file = BaselineFile {
        version: BASELINE_VERSION,
        findings,
    };
    // Serialising plain strings and vectors cannot fail.
    let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
    s.push('\n');
    s
}

/// Writes a baseline atomically: to a temporary file in the same folder, then renamed over
/// the old one, so an interrupted run never leaves a half-written baseline.
pub fn write(path: &Path, entries: &[BaselineEntry]) -> Result<(), BaselineError> {
    write_atomic(path, to_text(entries).as_bytes()).map_err(|e| BaselineError::Io {
        path: crate::corpus::display_path(path),
        message: format!("cannot write baseline: {e}"),
    })
}

/// Writes `bytes` to `path` through a temporary file and a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "baseline".to_string());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Byte offset of a 1-based line and column (serde_json's error position).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return (offset + column.saturating_sub(1)).min(text.len());
        }
        offset += l.len();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(fp: &str, path: &str) -> BaselineEntry {
        BaselineEntry {
            paths: vec![path.into()],
            rule: "r".into(),
            subject: "s".into(),
            values: vec!["v".into()],
            severity: Severity::Error,
            message: "m".into(),
            fingerprint: fp.into(),
        }
    }

    #[test]
    fn round_trip_sorted_and_atomic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        write(&path, &[entry("bb", "b.txt"), entry("aa", "a.txt")]).unwrap();
        let b = Baseline::load(&path).unwrap();
        assert_eq!(b.entries[0].fingerprint, "aa");
        assert_eq!(b.entries[1].fingerprint, "bb");
        assert_eq!(&b.text[b.span_of("bb").unwrap().start..][..2], "bb");
        // Overwriting leaves no temporary file behind.
        write(&path, &[entry("cc", "c.txt")]).unwrap();
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("baseline.json")]);
        assert_eq!(Baseline::load(&path).unwrap().entries.len(), 1);
    }

    #[test]
    fn failed_write_keeps_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        write(&path, &[entry("aa", "a.txt")]).unwrap();
        // A rename onto a directory fails: the old baseline must survive untouched.
        let target = dir.path().join("sub");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("x"), "x").unwrap();
        assert!(write(&target, &[entry("bb", "b.txt")]).is_err());
        assert_eq!(Baseline::load(&path).unwrap().entries[0].fingerprint, "aa");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn missing_and_invalid() {
        let dir = tempfile::tempdir().unwrap();
        let e = Baseline::load(&dir.path().join("nope.json")).unwrap_err();
        assert!(matches!(e, BaselineError::Missing { .. }));
        let e = Baseline::parse("b.json", "{\"version\":1,\n\"findings\":[}".into()).unwrap_err();
        assert!(matches!(e, BaselineError::Invalid { .. }));
        let e = Baseline::parse("b.json", "{\"version\":9,\"findings\":[]}".into()).unwrap_err();
        assert!(e.to_string().contains("version 9"));
    }
}
