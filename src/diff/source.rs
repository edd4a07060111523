//! Where the two versions come from: two files, two folders, or git.
//!
//! `factdiff diff A B` compares files or folders when `A` exists on disk; otherwise `A` is a
//! git revision and `B` a path: the old version is `git show A:B`, the new one the working
//! file. `factdiff diff REV1 REV2 PATH` takes both versions from git. (To compare against a
//! revision that happens to share its name with a file, write it so it is not a path, e.g.
//! `HEAD~0` or a commit hash.) Git runs as a subprocess in the path's folder, so any path
//! inside a work tree works from anywhere.

use crate::corpus::{self, display_path, Document, InputError, LoadOptions};
use miette::Diagnostic;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use thiserror::Error;

/// Why the versions could not be read. Every one of them exits with code 2.
#[derive(Debug, Error, Diagnostic)]
pub enum SourceError {
    /// A file or folder could not be read.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Input(#[from] InputError),
    /// The arguments do not name two comparable versions.
    #[error("{message}")]
    #[diagnostic(code(factdiff::diff::usage), help("use `factdiff diff OLD NEW` (two files or two folders), `factdiff diff REV PATH` or `factdiff diff REV1 REV2 PATH`"))]
    Usage {
        /// What is wrong.
        message: String,
    },
    /// A revision was given but the path is not in a git work tree.
    #[error("{path}: not inside a git repository")]
    #[diagnostic(code(factdiff::diff::not_a_repository), help("`{rev}` was read as a git revision because no file of that name exists; give two files to compare them without git"))]
    NotARepository {
        /// The path given.
        path: String,
        /// The argument read as a revision.
        rev: String,
    },
    /// Git does not know the revision, or the path is not in it.
    #[error("{rev}:{path}: {message}")]
    #[diagnostic(
        code(factdiff::diff::git_revision),
        help("check the revision with `git log` and the path with `git ls-tree -r {rev}`")
    )]
    Revision {
        /// The revision.
        rev: String,
        /// The path.
        path: String,
        /// Git's own words.
        message: String,
    },
    /// Git could not be run at all.
    #[error("cannot run git: {message}")]
    #[diagnostic(
        code(factdiff::diff::git),
        help("install git, or compare two files: `factdiff diff OLD NEW`")
    )]
    Git {
        /// The operating system's reason.
        message: String,
    },
}

/// What the command line names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Two files or two folders on disk.
    Paths {
        /// The old version.
        old: PathBuf,
        /// The new version.
        new: PathBuf,
    },
    /// A path at a revision against the working file or another revision.
    Git {
        /// The old revision.
        old_rev: String,
        /// The new revision; `None` for the working tree.
        new_rev: Option<String>,
        /// The file or folder.
        path: PathBuf,
    },
}

impl Request {
    /// Reads the positional arguments (`OLD NEW`, `REV PATH` or `REV1 REV2 PATH`): with
    /// two, the first is a path when it exists on disk and a revision otherwise.
    pub fn parse(args: &[PathBuf]) -> Result<Request, SourceError> {
        match args {
            [a, b] if a.exists() => Ok(Request::Paths {
                old: a.clone(),
                new: b.clone(),
            }),
            [rev, path] => Ok(Request::Git {
                old_rev: rev.to_string_lossy().into_owned(),
                new_rev: None,
                path: path.clone(),
            }),
            [r1, r2, path] => Ok(Request::Git {
                old_rev: r1.to_string_lossy().into_owned(),
                new_rev: Some(r2.to_string_lossy().into_owned()),
                path: path.clone(),
            }),
            _ => Err(SourceError::Usage {
                message: format!("expected 2 or 3 arguments, got {}", args.len()),
            }),
        }
    }
}

/// One article file of a version, read.
#[derive(Debug, Clone)]
pub struct Article {
    /// Where it is on disk, when it is (for replacing it in a corpus).
    pub file: Option<PathBuf>,
    /// Its documents (a WordPress export may hold several).
    pub docs: Vec<Document>,
}

/// One version: articles by relative path (`""` for a single file).
#[derive(Debug, Clone)]
pub struct Version {
    /// How the version is shown ("seeds/a.txt", "HEAD:seeds/a.txt").
    pub label: String,
    /// True when the version is a folder.
    pub folder: bool,
    /// Articles by path relative to the folder, `/`-separated.
    pub articles: BTreeMap<String, Article>,
}

/// Both versions, read, with the warnings met on the way (binary files skipped...).
#[derive(Debug)]
pub struct Versions {
    /// The old version.
    pub old: Version,
    /// The new version.
    pub new: Version,
    /// Problems that did not stop the comparison.
    pub warnings: Vec<InputError>,
}

/// Reads both versions named by `request`.
pub fn read(request: &Request, options: &LoadOptions) -> Result<Versions, SourceError> {
    let mut warnings = Vec::new();
    let (old, new) = match request {
        Request::Paths { old, new } => {
            for p in [old, new] {
                if !p.exists() {
                    return Err(InputError::Missing {
                        path: display_path(p),
                    }
                    .into());
                }
            }
            if old.is_dir() != new.is_dir() {
                let which = |p: &Path| if p.is_dir() { "a folder" } else { "a file" };
                return Err(SourceError::Usage {
                    message: format!(
                        "{} is {} but {} is {}: compare two files or two folders",
                        display_path(old),
                        which(old),
                        display_path(new),
                        which(new)
                    ),
                });
            }
            (
                disk(old, options, &mut warnings)?,
                disk(new, options, &mut warnings)?,
            )
        }
        Request::Git {
            old_rev,
            new_rev,
            path,
        } => {
            let old = git(old_rev, path, options, &mut warnings)?;
            let new = match new_rev {
                Some(rev) => git(rev, path, options, &mut warnings)?,
                None => {
                    if !path.exists() {
                        return Err(InputError::Missing {
                            path: display_path(path),
                        }
                        .into());
                    }
                    disk(path, options, &mut warnings)?
                }
            };
            if old.folder != new.folder {
                return Err(SourceError::Usage {
                    message: format!(
                        "{} is a folder in one version and a file in the other",
                        display_path(path)
                    ),
                });
            }
            (old, new)
        }
    };
    Ok(Versions { old, new, warnings })
}

/// A file or folder on disk. Unreadable files stop the comparison; binary or malformed
/// ones are skipped with a warning, as `check` does.
fn disk(
    path: &Path,
    options: &LoadOptions,
    warnings: &mut Vec<InputError>,
) -> Result<Version, SourceError> {
    let label = display_path(path);
    if path.is_file() {
        let bytes = std::fs::read(path).map_err(|e| InputError::Unreadable {
            path: label.clone(),
            message: e.to_string(),
        })?;
        let docs = corpus::read_bytes(&label, &bytes, options)?;
        let mut articles = BTreeMap::new();
        articles.insert(
            String::new(),
            Article {
                file: Some(path.to_path_buf()),
                docs,
            },
        );
        return Ok(Version {
            label,
            folder: false,
            articles,
        });
    }
    let (files, problems) = corpus::collect_files(&[path.to_path_buf()], &options.exclude);
    if let Some(p) = problems.into_iter().next() {
        return Err(p.into());
    }
    let mut articles = BTreeMap::new();
    for file in files {
        let shown = display_path(&file);
        let rel = file
            .strip_prefix(path)
            .map(display_path)
            .unwrap_or_else(|_| shown.clone());
        let bytes = std::fs::read(&file).map_err(|e| InputError::Unreadable {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        match corpus::read_bytes(&shown, &bytes, options) {
            Ok(docs) => {
                articles.insert(
                    rel,
                    Article {
                        file: Some(file),
                        docs,
                    },
                );
            }
            Err(e @ InputError::Unreadable { .. }) | Err(e @ InputError::Missing { .. }) => {
                return Err(e.into())
            }
            Err(e) => warnings.push(e),
        }
    }
    Ok(Version {
        label,
        folder: true,
        articles,
    })
}

/// File name endings read from a git folder, as when walking a folder on disk.
use crate::corpus::ARTICLE_EXTENSIONS;

/// A file or folder as it is at a revision.
fn git(
    rev: &str,
    path: &Path,
    options: &LoadOptions,
    warnings: &mut Vec<InputError>,
) -> Result<Version, SourceError> {
    let shown = display_path(path);
    // Git runs in the path's own folder (or the folder itself), so the path may lie in any
    // work tree; `REV:./name` is relative to that folder.
    let (dir, spec) = if path.is_dir() {
        (path.to_path_buf(), "./".to_string())
    } else {
        let parent = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        (parent.to_path_buf(), format!("./{name}"))
    };
    if !dir.is_dir() {
        return Err(InputError::Missing {
            path: display_path(&dir),
        }
        .into());
    }
    let label = format!("{rev}:{shown}");
    let top = run_git(&dir, &["rev-parse", "--show-toplevel"])?;
    if !top.ok {
        return Err(SourceError::NotARepository {
            path: shown,
            rev: rev.to_string(),
        });
    }
    let commit = run_git(
        &dir,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &format!("{rev}^{{commit}}"),
        ],
    )?;
    if !commit.ok {
        // With two arguments the first is only read as a revision when no such file exists.
        return Err(SourceError::Revision {
            rev: rev.to_string(),
            path: shown,
            message: "unknown revision (and no file or folder of that name exists)".to_string(),
        });
    }
    let object = format!("{rev}:{spec}");
    let kind = run_git(&dir, &["cat-file", "-t", &object])?;
    if !kind.ok {
        return Err(SourceError::Revision {
            rev: rev.to_string(),
            path: shown,
            message: format!("not in {rev}"),
        });
    }
    let mut articles = BTreeMap::new();
    let folder = kind.text().trim() == "tree";
    if !folder {
        let blob = show(&dir, &object, rev, &shown)?;
        let docs = corpus::read_bytes(&label, &blob, options)?;
        articles.insert(String::new(), Article { file: None, docs });
        return Ok(Version {
            label,
            folder,
            articles,
        });
    }
    let list = run_git(
        &dir,
        &["ls-tree", "-r", "-z", "--name-only", rev, "--", "."],
    )?;
    if !list.ok {
        return Err(SourceError::Revision {
            rev: rev.to_string(),
            path: shown,
            message: list.error(),
        });
    }
    let mut names: Vec<String> = list
        .text()
        .split('\0')
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect();
    names.sort();
    for rel in names {
        let hidden = rel.split('/').any(|part| part.starts_with('.'));
        let ext = Path::new(&rel)
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        if hidden
            || !ext
                .as_deref()
                .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e))
        {
            continue;
        }
        let blob = show(&dir, &format!("{rev}:./{rel}"), rev, &rel)?;
        let file_label = format!("{label}/{rel}");
        match corpus::read_bytes(&file_label, &blob, options) {
            Ok(docs) => {
                articles.insert(rel, Article { file: None, docs });
            }
            Err(e) => warnings.push(e),
        }
    }
    Ok(Version {
        label,
        folder,
        articles,
    })
}

fn show(dir: &Path, object: &str, rev: &str, shown: &str) -> Result<Vec<u8>, SourceError> {
    let out = run_git(dir, &["cat-file", "blob", object])?;
    if !out.ok {
        return Err(SourceError::Revision {
            rev: rev.to_string(),
            path: shown.to_string(),
            message: out.error(),
        });
    }
    Ok(out.stdout)
}

struct GitOutput {
    ok: bool,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl GitOutput {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    /// Git's message without its `fatal: ` prefix.
    fn error(&self) -> String {
        let s = String::from_utf8_lossy(&self.stderr);
        let line = s
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("git failed");
        line.trim_start_matches("fatal: ").trim().to_string()
    }
}

fn run_git(dir: &Path, args: &[&str]) -> Result<GitOutput, SourceError> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        // Whatever the user's environment says, read the repository the folder is in.
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .map_err(|e| SourceError::Git {
            message: e.to_string(),
        })?;
    Ok(GitOutput {
        ok: out.status.success(),
        stdout: out.stdout,
        stderr: out.stderr,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_arguments_are_paths_when_the_first_exists() {
        let here = PathBuf::from("Cargo.toml");
        let req = Request::parse(&[here.clone(), PathBuf::from("x")]).expect("parses");
        assert_eq!(
            req,
            Request::Paths {
                old: here,
                new: PathBuf::from("x")
            }
        );
        let req = Request::parse(&[PathBuf::from("HEAD~1"), PathBuf::from("Cargo.toml")])
            .expect("parses");
        assert_eq!(
            req,
            Request::Git {
                old_rev: "HEAD~1".into(),
                new_rev: None,
                path: PathBuf::from("Cargo.toml")
            }
        );
        let req = Request::parse(&[PathBuf::from("a"), PathBuf::from("b"), PathBuf::from("c")])
            .expect("parses");
        assert!(matches!(
            req,
            Request::Git {
                new_rev: Some(_),
                ..
            }
        ));
        assert!(Request::parse(&[PathBuf::from("a")]).is_err());
    }
}
