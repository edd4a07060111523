//! `factdiff.toml`: per-project settings of `check` — extra rules folders, rule severities,
//! excluded paths, the default baseline, outlets and trusted sources, and ignored findings.
//!
//! The file is looked up in the first checked folder and its parents (like `.editorconfig`),
//! or given with `--config`. Every table denies unknown keys and every rule id is checked, so
//! a typo is an error pointing into the file instead of a setting silently ignored.

use crate::corpus::Document;
use crate::rules::Severity;
use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;
use toml::Spanned;

/// Name of the configuration file looked up in the checked folder and its parents.
pub const CONFIG_FILE_NAME: &str = "factdiff.toml";

/// A problem with the configuration file (exit code 2).
#[derive(Debug, Error, Diagnostic)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{path}: cannot read configuration: {message}")]
    #[diagnostic(
        code(factdiff::config::unreadable),
        help("--config takes the path of a factdiff.toml file")
    )]
    Unreadable {
        /// The file.
        path: String,
        /// The operating system's reason.
        message: String,
    },
    /// The file is not valid TOML, has an unknown key or a bad value.
    #[error("{path}: {message}")]
    #[diagnostic(code(factdiff::config::invalid))]
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
        /// What to do.
        #[help]
        help: Option<String>,
    },
}

/// What the configuration makes of a rule: switched off, or reported at a severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Findings of the rule are dropped.
    Off,
    /// Findings of the rule get this severity.
    Severity(Severity),
}

/// A `[[source]]` entry: how to name an outlet, and whether it wins disagreements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRule {
    /// Path prefix of the outlet's articles (relative to the configuration file or as shown).
    pub path: Option<String>,
    /// Outlet name found in the articles' metadata (compared ignoring case).
    pub outlet: Option<String>,
    /// Name shown in reports.
    pub name: Option<String>,
    /// A trusted source wins a disagreement: the other side is reported as the wrong one.
    pub trusted: bool,
}

/// What an `[[ignore]]` entry matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IgnoreTarget {
    /// One finding, by fingerprint.
    Fingerprint(String),
    /// Every finding of a rule about a subject (subject compared folded).
    RuleSubject {
        /// Rule id.
        rule: String,
        /// Subject.
        subject: String,
    },
}

/// An `[[ignore]]` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignore {
    /// What it matches.
    pub target: IgnoreTarget,
    /// Why the finding is wrong or accepted (required: a review needs it).
    pub reason: String,
    /// Where the entry is in the configuration file, for "unused ignore" notes.
    pub span: Range<usize>,
}

/// The loaded configuration. `Config::default()` is the configuration of a project without
/// `factdiff.toml`.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file read, as shown in reports, when there was one.
    pub path: Option<String>,
    /// The file's text, so notes can point into it.
    pub text: String,
    /// Folder relative paths in the file are resolved against.
    pub dir: PathBuf,
    /// Extra rules folders, resolved.
    pub rules: Vec<PathBuf>,
    /// Severity overrides by rule id.
    pub severity: BTreeMap<String, Level>,
    /// Paths left out: globs (`*`, `**`, `?`) or prefixes.
    pub exclude: Vec<String>,
    /// Default baseline file, resolved.
    pub baseline: Option<PathBuf>,
    /// Outlets.
    pub sources: Vec<SourceRule>,
    /// Ignored findings.
    pub ignores: Vec<Ignore>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    exclude: Vec<String>,
    baseline: Option<String>,
    #[serde(default)]
    source: Vec<Spanned<RawSource>>,
    #[serde(default)]
    ignore: Vec<Spanned<RawIgnore>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    path: Option<String>,
    outlet: Option<String>,
    name: Option<String>,
    #[serde(default)]
    trusted: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIgnore {
    fingerprint: Option<String>,
    rule: Option<Spanned<String>>,
    subject: Option<String>,
    reason: Option<String>,
}

impl Config {
    /// The configuration file for a run checking `first_path`: `factdiff.toml` in that folder
    /// (or the file's folder) or the nearest parent that has one.
    pub fn discover(first_path: &Path) -> Option<PathBuf> {
        let abs = std::path::absolute(first_path).ok()?;
        let start = if abs.is_dir() {
            abs.as_path()
        } else {
            abs.parent()?
        };
        start
            .ancestors()
            .map(|d| d.join(CONFIG_FILE_NAME))
            .find(|p| p.is_file())
    }

    /// Reads and validates a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        // A discovered file has an absolute path: show it relative to the working folder
        // when it is inside it.
        let relative = std::env::current_dir()
            .ok()
            .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf));
        let shown = crate::corpus::display_path(relative.as_deref().unwrap_or(path));
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Unreadable {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        let dir = std::path::absolute(path)
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_default();
        Config::parse(&shown, &text, &dir)
    }

    /// Parses configuration text; `path` names it in errors, `dir` resolves relative paths.
    pub fn parse(path: &str, text: &str, dir: &Path) -> Result<Config, ConfigError> {
        let invalid = |message: String, span: Option<Range<usize>>, help: Option<String>| {
            ConfigError::Invalid {
                path: path.to_string(),
                message,
                src: Arc::new(NamedSource::new(path, text.to_string())),
                span: span.map(|r| SourceSpan::from(r.start..r.end.min(text.len()))),
                help,
            }
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            invalid(
                e.message().trim().to_string(),
                e.span(),
                Some(
                    "see docs/writing-rules.md, section \"Configuration\", for the keys"
                        .to_string(),
                ),
            )
        })?;
        let unknown_rule = |id: &Spanned<String>| {
            invalid(
                format!("unknown rule `{}`", id.get_ref()),
                Some(id.span()),
                Some(format!("known rules: {}", known_rule_ids().join(", "))),
            )
        };
        let mut severity = BTreeMap::new();
        for (rule, level) in &raw.severity {
            if !is_known_rule(rule.get_ref()) {
                return Err(unknown_rule(rule));
            }
            let l = match level.get_ref().as_str() {
                "off" => Level::Off,
                "note" => Level::Severity(Severity::Note),
                "warning" => Level::Severity(Severity::Warning),
                "error" => Level::Severity(Severity::Error),
                other => {
                    return Err(invalid(
                        format!("`{other}` is not a severity"),
                        Some(level.span()),
                        Some("use \"off\", \"note\", \"warning\" or \"error\"".to_string()),
                    ))
                }
            };
            severity.insert(rule.get_ref().clone(), l);
        }
        let mut sources = Vec::new();
        for s in &raw.source {
            let span = s.span();
            let s = s.get_ref();
            if s.path.is_none() && s.outlet.is_none() {
                return Err(invalid(
                    "a [[source]] needs `path` (a path prefix) or `outlet` (a name from the articles' metadata)".to_string(),
                    Some(span),
                    None,
                ));
            }
            sources.push(SourceRule {
                path: s.path.as_deref().map(normalise_pattern),
                outlet: s.outlet.clone(),
                name: s.name.clone(),
                trusted: s.trusted,
            });
        }
        let mut ignores = Vec::new();
        for entry in &raw.ignore {
            let span = table_extent(text, entry.span());
            let e = entry.get_ref();
            let reason =
                match e.reason.as_deref().map(str::trim) {
                    Some(r) if !r.is_empty() => r.to_string(),
                    _ => return Err(invalid(
                        "an [[ignore]] entry needs a `reason`".to_string(),
                        Some(span),
                        Some(
                            "say why the finding is wrong or accepted, for whoever reviews it next"
                                .to_string(),
                        ),
                    )),
                };
            let target =
                match (&e.fingerprint, &e.rule, &e.subject) {
                    (Some(fp), None, None) => IgnoreTarget::Fingerprint(fp.trim().to_string()),
                    (None, Some(rule), Some(subject)) => {
                        if !is_known_rule(rule.get_ref()) {
                            return Err(unknown_rule(rule));
                        }
                        IgnoreTarget::RuleSubject {
                            rule: rule.get_ref().clone(),
                            subject: subject.clone(),
                        }
                    }
                    _ => return Err(invalid(
                        "an [[ignore]] entry needs either `fingerprint`, or `rule` and `subject`"
                            .to_string(),
                        Some(span),
                        None,
                    )),
                };
            ignores.push(Ignore {
                target,
                reason,
                span,
            });
        }
        Ok(Config {
            path: Some(path.to_string()),
            text: text.to_string(),
            dir: dir.to_path_buf(),
            rules: raw.rules.iter().map(|r| dir.join(r)).collect(),
            severity,
            exclude: raw.exclude.iter().map(|p| normalise_pattern(p)).collect(),
            baseline: raw.baseline.map(|b| dir.join(b)),
            sources,
            ignores,
        })
    }

    /// The forms a displayed path is matched in: as shown, and relative to the configuration
    /// file's folder (so patterns work whichever folder `check` was started from).
    fn path_forms(&self, shown: &str) -> Vec<String> {
        let mut forms = vec![shown.trim_start_matches("./").to_string()];
        if self.path.is_some() {
            let (file, post) = crate::report::split_post(shown);
            if let Ok(abs) = std::path::absolute(file) {
                if let Ok(rel) = abs.strip_prefix(&self.dir) {
                    let rel = crate::corpus::display_path(rel);
                    let rel = match post {
                        Some(n) => format!("{rel}#{n}"),
                        None => rel,
                    };
                    if !forms.contains(&rel) {
                        forms.push(rel);
                    }
                }
            }
        }
        forms
    }

    /// True when a file (path as displayed) is left out by `exclude`.
    pub fn is_excluded(&self, shown: &str) -> bool {
        let forms = self.path_forms(shown);
        self.exclude
            .iter()
            .any(|p| forms.iter().any(|f| path_matches(p, f)))
    }

    /// The `[[source]]` entry for a document: the first whose path prefix or outlet matches.
    pub fn source_of(&self, doc: &Document) -> Option<&SourceRule> {
        let forms = self.path_forms(&doc.path);
        self.sources.iter().find(|s| {
            s.path
                .as_deref()
                .is_some_and(|p| forms.iter().any(|f| path_matches(p, f)))
                || s.outlet.as_deref().is_some_and(|o| {
                    doc.outlet
                        .as_deref()
                        .is_some_and(|d| d.trim().eq_ignore_ascii_case(o.trim()))
                })
        })
    }

    /// The outlet name to show for a document: the `[[source]]` name, else the metadata's.
    pub fn outlet_of(&self, doc: &Document) -> Option<String> {
        self.source_of(doc)
            .and_then(|s| s.name.clone().or_else(|| s.outlet.clone()))
            .or_else(|| doc.outlet.clone())
    }

    /// True when the document belongs to a trusted source.
    pub fn is_trusted(&self, doc: &Document) -> bool {
        self.source_of(doc).is_some_and(|s| s.trusted)
    }

    /// The configured level of a rule, when the file sets one.
    pub fn level(&self, rule: &str) -> Option<Level> {
        self.severity.get(rule).copied()
    }
}

/// Every rule id configuration may name: the checker's rules and the report's own notes.
pub fn known_rule_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = crate::rules::registry().iter().map(|r| r.id).collect();
    ids.extend(crate::report::REPORT_RULES.iter().map(|r| r.id));
    ids.sort_unstable();
    ids
}

/// True when `id` names a rule of the registry or one of the report's own notes.
pub fn is_known_rule(id: &str) -> bool {
    crate::rules::find(id).is_some() || crate::report::REPORT_RULES.iter().any(|r| r.id == id)
}

/// The whole of an array-of-tables entry: toml gives the span of its `[[header]]`; the entry
/// runs to the next line starting with `[` (the next header) or the end of the file.
fn table_extent(text: &str, header: Range<usize>) -> Range<usize> {
    let from = header.end.min(text.len());
    let mut end = text.len();
    let mut pos = from;
    for line in text[from..].split_inclusive('\n') {
        if pos > from && line.trim_start().starts_with('[') {
            end = pos;
            break;
        }
        pos += line.len();
    }
    header.start..header.start.max(from + text[from..end].trim_end().len())
}

fn normalise_pattern(p: &str) -> String {
    p.trim()
        .replace('\\', "/")
        .trim_start_matches("./")
        .to_string()
}

/// True when `path` matches `pattern`: a glob when it has `*`, `?` or `[`, otherwise a
/// prefix that ends at a path component boundary ("drafts" matches "drafts/a.md", not
/// "drafts2/a.md").
pub fn path_matches(pattern: &str, path: &str) -> bool {
    if pattern.is_empty() {
        return false;
    }
    if pattern.contains(['*', '?', '[']) {
        // A glob without a folder matches at any depth, as in .gitignore.
        let chars: Vec<char> = pattern.chars().collect();
        let text: Vec<char> = path.chars().collect();
        if glob(&chars, &text) {
            return true;
        }
        return !pattern.contains('/')
            && path
                .rsplit('/')
                .next()
                .is_some_and(|name| glob(&chars, &name.chars().collect::<Vec<_>>()));
    }
    let prefix = pattern.trim_end_matches('/');
    path == prefix
        || path
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('/') || rest.starts_with('#'))
}

/// Glob matching: `**` any characters including `/` (`**/` also matches no folder), `*` any
/// characters but `/`, `?` one character but `/`, `[abc]` one of the characters.
fn glob(p: &[char], t: &[char]) -> bool {
    match p.first() {
        None => t.is_empty(),
        Some('*') if p.get(1) == Some(&'*') => {
            let rest = &p[2..];
            // `**/` may match zero folders.
            if rest.first() == Some(&'/') && glob(&rest[1..], t) {
                return true;
            }
            (0..=t.len()).any(|i| glob(rest, &t[i..]))
        }
        Some('*') => {
            let rest = &p[1..];
            for i in 0..=t.len() {
                if glob(rest, &t[i..]) {
                    return true;
                }
                if t.get(i) == Some(&'/') {
                    break;
                }
            }
            false
        }
        Some('?') => t.first().is_some_and(|&c| c != '/') && glob(&p[1..], &t[1..]),
        Some('[') => {
            let Some(close) = p.iter().position(|&c| c == ']') else {
                return t.first() == Some(&'[') && glob(&p[1..], &t[1..]);
            };
            let set = &p[1..close];
            t.first().is_some_and(|c| set.contains(c)) && glob(&p[close + 1..], &t[1..])
        }
        Some(&c) => t.first() == Some(&c) && glob(&p[1..], &t[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse("factdiff.toml", text, Path::new("/proj"))
    }

    fn span_text(e: &ConfigError, text: &str) -> String {
        let ConfigError::Invalid { span, .. } = e else {
            panic!("expected Invalid, got {e:?}")
        };
        let s = span.expect("error has a span");
        text[s.offset()..s.offset() + s.len()].to_string()
    }

    #[test]
    fn full_file_parses() {
        let text = r#"
rules = ["more-rules"]
exclude = ["drafts/", "**/*.tmp.md"]
baseline = "ci/baseline.json"

[severity]
unused-suppression = "off"

[[source]]
path = "articles/map"
name = "MAP"
trusted = true

[[source]]
outlet = "El País"

[[ignore]]
fingerprint = "0123456789abcdef"
reason = "the article is right, the rules are out of date"
"#;
        let c = parse(text).unwrap();
        assert_eq!(c.rules, vec![PathBuf::from("/proj/more-rules")]);
        assert_eq!(c.baseline, Some(PathBuf::from("/proj/ci/baseline.json")));
        assert_eq!(c.level("unused-suppression"), Some(Level::Off));
        assert_eq!(c.sources.len(), 2);
        assert!(c.sources[0].trusted);
        assert_eq!(
            c.ignores[0].target,
            IgnoreTarget::Fingerprint("0123456789abcdef".into())
        );
        let span = &text[c.ignores[0].span.clone()];
        assert!(span.contains("0123456789abcdef"), "{span:?}");
    }

    #[test]
    fn unknown_key_points_into_the_file() {
        let text = "exclude = []\nbaseline_file = \"x\"\n";
        let e = parse(text).unwrap_err();
        assert_eq!(span_text(&e, text), "baseline_file");
        let text = "[[source]]\npath = \"a\"\ntrust = true\n";
        assert_eq!(span_text(&parse(text).unwrap_err(), text), "trust");
    }

    #[test]
    fn unknown_rule_ids_are_errors() {
        let text = "[severity]\nno-such-rule = \"off\"\n";
        let e = parse(text).unwrap_err();
        assert_eq!(span_text(&e, text), "no-such-rule");
        assert!(e.to_string().contains("unknown rule `no-such-rule`"));
        let text = "[[ignore]]\nrule = \"nope-rule\"\nsubject = \"x\"\nreason = \"r\"\n";
        assert_eq!(span_text(&parse(text).unwrap_err(), text), "\"nope-rule\"");
    }

    #[test]
    fn bad_values_are_errors() {
        let text = "[severity]\nunused-suppression = \"loud\"\n";
        assert_eq!(span_text(&parse(text).unwrap_err(), text), "\"loud\"");
        let text = "[[ignore]]\nfingerprint = \"abc\"\n";
        let e = parse(text).unwrap_err();
        assert!(e.to_string().contains("reason"), "{e}");
        assert!(span_text(&e, text).contains("fingerprint"));
        let text = "[[ignore]]\nfingerprint = \"abc\"\nrule = \"unused-suppression\"\nsubject = \"s\"\nreason = \"r\"\n";
        assert!(parse(text).is_err());
        let text = "[[source]]\nname = \"X\"\n";
        assert!(parse(text).is_err());
        assert!(parse("rules = \"x\"\n").is_err());
        assert!(parse("[oops\n").is_err());
    }

    #[test]
    fn patterns() {
        assert!(path_matches("drafts", "drafts/a.md"));
        assert!(path_matches("drafts/", "drafts/a.md"));
        assert!(!path_matches("drafts", "drafts2/a.md"));
        assert!(path_matches("a/b.json", "a/b.json#2"));
        assert!(path_matches("**/*.tmp.md", "x/y/z.tmp.md"));
        assert!(path_matches("**/*.tmp.md", "z.tmp.md"));
        assert!(path_matches("*.html", "deep/er/page.html"));
        assert!(!path_matches("news/*.html", "news/old/page.html"));
        assert!(path_matches("news/*.html", "news/page.html"));
        assert!(path_matches("news/20??/*", "news/2024/a.md"));
        assert!(path_matches("[ab].md", "b.md"));
        assert!(!path_matches("", "a"));
    }

    #[test]
    fn discover_walks_up() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE_NAME), "").unwrap();
        let found = Config::discover(&dir.path().join("a/b")).unwrap();
        assert_eq!(found, dir.path().join(CONFIG_FILE_NAME));
    }
}
