//! Expanding command-line paths into the sorted list of article files.

use super::{display_path, InputError};
use std::path::PathBuf;

/// File name endings read when walking a folder. Files given explicitly are always read.
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "mdx", "html", "htm", "xhtml", "json",
];

/// Expands `paths` into article files: files as given, folders walked recursively in sorted
/// order, hidden entries (starting with `.`) and symlink loops skipped, `exclude` prefixes left out.
pub fn collect_files(paths: &[PathBuf], exclude: &[String]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if !path.exists() {
            problems.push(InputError::Missing {
                path: display_path(path),
            });
            continue;
        }
        if path.is_file() {
            files.push(path.clone());
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            let Ok(entry) = entry else {
                // Symlink loops and entries that vanished while walking are skipped.
                continue;
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let p = entry.path();
            let ext = p
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase());
            if ext
                .as_deref()
                .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e))
            {
                files.push(p.to_path_buf());
            }
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
    (files, problems)
}
