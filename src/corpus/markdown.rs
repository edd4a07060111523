//! Markdown articles with optional front matter (`---` YAML-style or `+++` TOML).
//!
//! The text keeps the whole file so offsets and line numbers match the file; the front matter
//! is blanked out with spaces so nothing in it is read as a claim.

use super::{parse_meta_date, plain, DateSource, Document, Format};

/// True when the file starts with a front matter fence.
pub fn has_front_matter(text: &str) -> bool {
    let t = text.strip_prefix('\u{feff}').unwrap_or(text);
    (t.starts_with("---\n")
        || t.starts_with("---\r\n")
        || t.starts_with("+++\n")
        || t.starts_with("+++\r\n"))
        && front_matter_end(t).is_some()
}

/// True when the text uses Markdown headings or emphasis at line starts.
pub fn looks_like_markdown(text: &str) -> bool {
    text.lines()
        .take(50)
        .any(|l| l.starts_with("# ") || l.starts_with("## "))
}

/// Byte range of the front matter body and the end of the closing fence.
fn front_matter_end(text: &str) -> Option<(usize, usize, usize)> {
    let fence = &text[..3];
    let body_start = text.find('\n')? + 1;
    let mut pos = body_start;
    for line in text[body_start..].split_inclusive('\n') {
        if line.trim_end() == fence {
            return Some((body_start, pos, pos + line.len()));
        }
        pos += line.len();
    }
    None
}

/// Reads a Markdown file with front matter.
pub fn read(path: &str, text: &str) -> Document {
    let Some((body_start, body_end, end)) = front_matter_end(text) else {
        return plain(path, text.to_string(), Format::Markdown);
    };
    let toml_style = text.starts_with("+++");
    let header = &text[body_start..body_end];
    let blanked: String = text[..end]
        .chars()
        .map(|c| if c == '\n' { '\n' } else { ' ' })
        .collect();
    let mut doc = plain(
        path,
        format!("{}{}", blanked, &text[end..]),
        Format::Markdown,
    );
    for line in header.lines() {
        let Some((key, value)) = line.split_once(if toml_style { '=' } else { ':' }) else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value
            .trim()
            .trim_matches(|c| c == '"' || c == '\'')
            .trim()
            .to_string();
        if value.is_empty() {
            continue;
        }
        match key.as_str() {
            "title" => doc.title = Some(value),
            "date" | "published" | "pubdate" | "publication_date" => {
                if let Some(d) = parse_meta_date(&value) {
                    doc.published = Some(d);
                    doc.date_source = Some(DateSource::FrontMatter);
                }
            }
            "source" | "outlet" | "publisher" | "site" => doc.outlet = Some(value),
            "url" | "link" => doc.url = Some(value),
            _ => {}
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_read_and_blanked() {
        let src =
            "---\ntitle: \"Talks\"\ndate: 2023-02-01\nsource: MAP\n---\nRabat hosted talks.\n";
        assert!(has_front_matter(src));
        let d = read("a.md", src);
        assert_eq!(d.title.as_deref(), Some("Talks"));
        assert_eq!(
            d.published.map(|d| d.to_string()).as_deref(),
            Some("2023-02-01")
        );
        assert_eq!(d.outlet.as_deref(), Some("MAP"));
        assert_eq!(d.text.len(), src.len());
        assert_eq!(d.text.find("Rabat"), src.find("Rabat"));
        assert!(!d.text.contains("title"));
    }

    #[test]
    fn unterminated_front_matter_is_plain() {
        assert!(!has_front_matter("---\ntitle: x\nno end"));
    }
}
