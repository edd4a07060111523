//! Expanding command-line paths into the sorted list of article files.
//!
//! Folders are walked with symbolic links followed (articles are often linked in from an
//! archive), so a link back up the tree would loop forever: walkdir detects it, and it is
//! reported once and not followed. Entries that cannot be read are reported, never fatal.

use super::{display_path, InputError};
use std::fs::FileType;
use std::path::{Path, PathBuf};

/// File name endings read when walking a folder. Files given explicitly are always read.
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "mdx", "html", "htm", "xhtml", "json",
];

/// Expands `paths` into article files: files as given, folders walked recursively in sorted
/// order, hidden entries (starting with `.`) skipped, `exclude` prefixes left out. The same
/// file reached twice (through a link) is read once. Symbolic link loops, broken links,
/// unreadable folders and FIFOs or devices are reported, one problem each.
pub fn collect_files(paths: &[PathBuf], exclude: &[String]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                problems.push(InputError::Missing {
                    path: display_path(path),
                });
                continue;
            }
            Err(e) => {
                problems.push(InputError::Unreadable {
                    path: display_path(path),
                    message: e.to_string(),
                });
                continue;
            }
        };
        if meta.is_file() {
            files.push(path.clone());
            continue;
        }
        if !meta.is_dir() {
            problems.push(InputError::NotAFile {
                path: display_path(path),
                kind: kind_of(&meta.file_type()).to_string(),
            });
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        let before = files.len();
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    // A broken link to a picture is none of our business; to an article it is.
                    let other_file = e.loop_ancestor().is_none()
                        && e.path()
                            .and_then(Path::extension)
                            .is_some_and(|x| !is_article_extension(x));
                    if !other_file {
                        problems.push(walk_problem(&e, path));
                    }
                    continue;
                }
            };
            let p = entry.path();
            let ft = entry.file_type();
            if ft.is_dir() {
                // A folder named like an article ("story.txt/") is walked, not read.
                continue;
            }
            if !p.extension().is_some_and(is_article_extension) {
                continue;
            }
            if ft.is_file() {
                files.push(p.to_path_buf());
            } else {
                problems.push(InputError::NotAFile {
                    path: display_path(p),
                    kind: kind_of(&ft).to_string(),
                });
            }
        }
        if files.len() == before
            && !problems
                .iter()
                .any(|p| p.path().starts_with(&display_path(path)))
        {
            problems.push(InputError::NoArticles {
                path: display_path(path),
            });
        }
    }
    files.retain(|f| {
        let shown = display_path(f);
        !exclude
            .iter()
            .any(|x| shown.starts_with(x.trim_start_matches("./")))
    });
    files.sort();
    files.dedup();
    dedup_by_target(&mut files);
    problems.retain(|p| {
        let shown = p.path();
        !exclude
            .iter()
            .any(|x| shown.starts_with(x.trim_start_matches("./")))
    });
    (files, problems)
}

fn is_article_extension(ext: &std::ffi::OsStr) -> bool {
    ARTICLE_EXTENSIONS.contains(&ext.to_string_lossy().to_ascii_lowercase().as_str())
}

/// Keeps the first path (in sorted order) of each file reached by several paths, so a file
/// linked twice into the tree is not two sources agreeing with themselves.
fn dedup_by_target(files: &mut Vec<PathBuf>) {
    use rayon::prelude::*;
    // One `stat` per file, on all cores: an archive has hundreds of thousands.
    let targets: Vec<Option<FileKey>> = files.par_iter().map(|f| file_key(f)).collect();
    let mut seen = std::collections::HashSet::new();
    let mut keep = targets.into_iter().map(|t| match t {
        Some(target) => seen.insert(target),
        // Vanished or unreadable: keep it, reading it will say what is wrong.
        None => true,
    });
    files.retain(|_| keep.next().unwrap_or(true));
}

/// What identifies a file whatever the path to it: device and inode where there are
/// some (so hard links are one file too), else the canonical path.
#[derive(PartialEq, Eq, Hash)]
enum FileKey {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

fn file_key(path: &Path) -> Option<FileKey> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path)
            .ok()
            .map(|m| FileKey::Inode(m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(path).ok().map(FileKey::Path)
    }
}

/// The problem a walk error stands for: a link loop, a broken link, an unreadable folder.
fn walk_problem(e: &walkdir::Error, root: &Path) -> InputError {
    let path = display_path(e.path().unwrap_or(root));
    if let Some(target) = e.loop_ancestor() {
        return InputError::SymlinkLoop {
            path,
            target: display_path(target),
        };
    }
    let broken_link = e.path().is_some_and(|p| {
        std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink())
            && std::fs::metadata(p).is_err()
    });
    let message = if broken_link {
        "broken symbolic link".to_string()
    } else {
        e.io_error()
            .map(ToString::to_string)
            .unwrap_or_else(|| e.to_string())
    };
    InputError::Unreadable { path, message }
}

/// A name for what a non-regular, non-folder entry is.
pub(crate) fn kind_of(ft: &FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a named pipe";
        }
        if ft.is_socket() {
            return "a socket";
        }
        if ft.is_block_device() || ft.is_char_device() {
            return "a device";
        }
    }
    if ft.is_symlink() {
        return "a symbolic link";
    }
    if ft.is_dir() {
        return "a folder";
    }
    "a special file"
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_file_reached_by_several_paths_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.txt"), "Rabat, April 23, 2025 - Text.").unwrap();
        std::fs::write(root.join("c.txt"), "Another article.").unwrap();
        std::os::unix::fs::symlink(root.join("a.txt"), root.join("b-link.txt")).unwrap();
        std::fs::hard_link(root.join("c.txt"), root.join("d-hard.txt")).unwrap();
        let (files, problems) = collect_files(&[root.to_path_buf()], &[]);
        assert!(problems.is_empty());
        let names: Vec<String> = files
            .iter()
            .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.txt", "c.txt"]);
    }
}
