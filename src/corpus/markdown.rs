//! Markdown articles with optional front matter (`---` YAML-style or `+++` TOML).
//!
//! The text keeps the whole file so offsets and line numbers match the file; the front matter
//! is blanked out with spaces so nothing in it is read as a claim. Front matter is read line
//! by line as `key: value` (or `key = value`): a line that is not one is ignored, so broken
//! YAML never loses the article, and an opening fence that is never closed leaves the whole
//! file as text, with a note.

use super::{parse_meta_date, plain, DateSource, Document, Format, Note};

/// Byte length of a leading BOM, if any (text handed over without decoding may keep it).
fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

/// The fence of the first line (`---` or `+++`) when the file opens with one.
fn opening_fence(text: &str) -> Option<&'static str> {
    let t = text.get(bom_len(text)..)?;
    let first = t.split_inclusive('\n').next()?;
    let first = first.strip_suffix('\n').unwrap_or(first);
    let first = first.strip_suffix('\r').unwrap_or(first);
    match first.trim_end_matches([' ', '\t']) {
        "---" => Some("---"),
        "+++" => Some("+++"),
        _ => None,
    }
}

/// True when the file starts with a front matter fence that is closed.
pub fn has_front_matter(text: &str) -> bool {
    front_matter_end(text).is_some()
}

/// True when the file starts with front matter, closed or not: a fence, then a `key: value`
/// (or `key = value`) line. A lone `---` rule over plain text is not front matter.
pub fn opens_front_matter(text: &str) -> bool {
    has_front_matter(text) || opening_fence(text).is_some() && second_line_is_key(text)
}

fn second_line_is_key(text: &str) -> bool {
    let Some(line) = text.lines().nth(1) else {
        return false;
    };
    let Some((key, _)) = line.split_once([':', '=']) else {
        return false;
    };
    let key = key.trim();
    !key.is_empty()
        && key.len() <= 40
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// True when the text uses Markdown headings at line starts.
pub fn looks_like_markdown(text: &str) -> bool {
    text.lines()
        .take(50)
        .any(|l| l.starts_with("# ") || l.starts_with("## "))
}

/// Byte offsets of the front matter body start, body end, and the end of the closing fence.
fn front_matter_end(text: &str) -> Option<(usize, usize, usize)> {
    let fence = opening_fence(text)?;
    let body_start = bom_len(text) + text.get(bom_len(text)..)?.find('\n')? + 1;
    let mut pos = body_start;
    for line in text.get(body_start..)?.split_inclusive('\n') {
        if line.trim_end() == fence {
            return Some((body_start, pos, pos + line.len()));
        }
        pos += line.len();
    }
    None
}

/// Reads a Markdown file; its front matter, when closed, gives title, date, outlet and URL.
pub fn read(path: &str, text: &str) -> Document {
    let Some((body_start, body_end, end)) = front_matter_end(text) else {
        let mut doc = plain(path, text.to_string(), Format::Markdown);
        if let (Some(fence), true) = (opening_fence(text), second_line_is_key(text)) {
            doc.notes.push(Note::at(1, format!("front matter opened with `{fence}` is never closed: the whole file is read as text")));
        }
        return doc;
    };
    let toml_style = opening_fence(text) == Some("+++");
    let header = text.get(body_start..body_end).unwrap_or_default();
    let (head, rest) = text.split_at_checked(end).unwrap_or((text, ""));
    // One space per byte, not per character: byte offsets in the body must match the file.
    let mut blanked = String::with_capacity(text.len());
    for c in head.chars() {
        if c == '\n' {
            blanked.push('\n');
        } else {
            blanked.extend((0..c.len_utf8()).map(|_| ' '));
        }
    }
    blanked.push_str(rest);
    let mut doc = plain(path, blanked, Format::Markdown);
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
    fn unterminated_front_matter_is_plain_with_a_note() {
        let src = "---\ntitle: x\nno end";
        assert!(!has_front_matter(src));
        assert!(opens_front_matter(src));
        let d = read("a.md", src);
        assert_eq!(d.text, src);
        assert_eq!(d.notes[0].line, Some(1));
    }

    #[test]
    fn broken_yaml_lines_are_ignored() {
        let src = "---\ntitle: [unclosed\n: no key\n\u{0}\ndate: not a date\ndate: 2025-13-45\n---\nBody é.\n";
        let d = read("a.md", src);
        assert_eq!(d.title.as_deref(), Some("[unclosed"));
        assert_eq!(d.published, None);
        assert!(d.text.ends_with("Body é.\n"));
    }

    #[test]
    fn bom_and_odd_first_lines_do_not_panic() {
        for src in [
            "\u{feff}---\ntitle: T\n---\nBody",
            "é",
            "--",
            "---",
            "+++\r\n+++\r\n",
            "—\n—\n",
            "---é\n---\n",
        ] {
            let d = read("a.md", src);
            assert_eq!(d.text.len(), src.len(), "{src:?}");
        }
        let d = read("a.md", "\u{feff}---\ntitle: T\n---\nBody");
        assert_eq!(d.title.as_deref(), Some("T"));
        let src = "---\ntitle: Sánchez – talks\n---\nBody";
        assert_eq!(read("a.md", src).text.find("Body"), src.find("Body"));
    }
}
