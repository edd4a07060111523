//! Inline suppressions: `<!-- factdiff-ignore rule-id: reason -->` in an article silences
//! findings of that rule whose primary location is in the next paragraph (the text after the
//! comment up to the next blank line).
//!
//! Plain-text and Markdown documents keep the file as their text, so comments are found
//! there directly. The HTML reader drops comments, so for HTML (and WordPress JSON) the
//! original file is read again: each comment's following paragraph is taken from the raw
//! markup (its visible text, whitespace collapsed) and found in the document's text, searching
//! forward from the previous match. A paragraph whose text cannot be found suppresses nothing
//! and is reported as unused.

use crate::span::Span;
use scraper::{Html, Node};

/// The comment keyword.
pub const KEYWORD: &str = "factdiff-ignore";

/// Elements whose text starts a new line in the HTML reader's output: the reader's own list.
use crate::corpus::HTML_BLOCKS as BLOCKS;

/// One suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// Rule id named in the comment.
    pub rule: String,
    /// Reason given after the colon ("" when missing, which makes the comment invalid).
    pub reason: String,
    /// Where the comment is, in the text it was found in (the document's text for plain text
    /// and Markdown, the raw file otherwise).
    pub comment: Span,
    /// The paragraph it covers, in the document's text (`None` when it could not be found).
    pub paragraph: Option<Span>,
}

impl Suppression {
    /// True when the comment applies to a finding of `rule` whose primary span is `at`.
    pub fn covers(&self, rule: &str, at: Span) -> bool {
        !self.reason.is_empty()
            && self.rule == rule
            && self
                .paragraph
                .is_some_and(|p| p.start <= at.start && at.start < p.end)
    }
}

/// Every suppression comment in `text` (from `<!--` to `-->`), in order, with spans in `text`.
fn comments(text: &str) -> Vec<(Span, String, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("<!--").map(|i| i + from) {
        let body_start = open + 4;
        let Some(close) = text[body_start..].find("-->").map(|i| i + body_start) else {
            break;
        };
        let end = close + 3;
        from = end;
        let body = text[body_start..close].trim();
        let Some(rest) = body.strip_prefix(KEYWORD) else {
            continue;
        };
        if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
            continue;
        }
        let (rule, reason) = rest.split_once(':').unwrap_or((rest, ""));
        out.push((
            Span::new(open, end),
            rule.trim().to_string(),
            reason.trim().to_string(),
        ));
    }
    out
}

/// The paragraph after offset `from`: leading blank lines skipped, then up to the next blank
/// line (or the end of the text), trailing whitespace excluded.
fn paragraph_after(text: &str, from: usize) -> Option<Span> {
    let rest = &text[from..];
    let start = from + (rest.len() - rest.trim_start().len());
    if start >= text.len() {
        return None;
    }
    let mut end = text.len();
    let mut pos = start;
    for line in text[start..].split_inclusive('\n') {
        if pos > start && line.trim().is_empty() {
            end = pos;
            break;
        }
        pos += line.len();
    }
    let end = start + text[start..end].trim_end().len();
    (end > start).then_some(Span::new(start, end))
}

/// Suppressions of a plain-text or Markdown document, whose text is the file.
pub fn scan_text(text: &str) -> Vec<Suppression> {
    comments(text)
        .into_iter()
        .map(|(comment, rule, reason)| Suppression {
            rule,
            reason,
            comment,
            paragraph: paragraph_after(text, comment.end),
        })
        .collect()
}

/// Suppressions of an HTML document: comments found in `raw` (the file's markup), their
/// paragraphs located in `doc_text` (the document's extracted text).
pub fn scan_html(raw: &str, doc_text: &str) -> Vec<Suppression> {
    // Newlines become spaces so a paragraph's text is found whatever lines the reader made;
    // both are one byte, so offsets are unchanged.
    let haystack = doc_text.replace('\n', " ");
    let mut cursor = 0;
    comments(raw)
        .into_iter()
        .map(|(comment, rule, reason)| {
            let paragraph = next_block_text(&raw[comment.end..]).and_then(|want| {
                let at = haystack[cursor..]
                    .find(&want)
                    .map(|i| i + cursor)
                    .or_else(|| haystack.find(&want))?;
                cursor = at + want.len();
                Some(Span::new(at, at + want.len()))
            });
            Suppression {
                rule,
                reason,
                comment,
                paragraph,
            }
        })
        .collect()
}

/// Suppressions of a WordPress post: the HTML of the `rendered` strings of `posts` (the
/// file's parsed JSON), scanned like an HTML page. `post` is the 1-based index of the post
/// in an array file (the `#N` of the document's path), `None` for a single post. Comment
/// spans are not positions in the file (they point into the decoded string), so they are
/// cleared to an empty span at 0.
pub fn scan_wordpress(
    posts: &serde_json::Value,
    post: Option<usize>,
    doc_text: &str,
) -> Vec<Suppression> {
    let value = match (posts, post) {
        (serde_json::Value::Array(items), Some(n)) => {
            match n.checked_sub(1).and_then(|i| items.get(i)) {
                Some(v) => v,
                None => return Vec::new(),
            }
        }
        _ => posts,
    };
    let mut html = Vec::new();
    collect_rendered(value, &mut html);
    html.iter()
        .flat_map(|h| scan_html(h, doc_text))
        .map(|mut s| {
            s.comment = Span::new(0, 0);
            s
        })
        .collect()
}

fn collect_rendered(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Array(items) => items.iter().for_each(|i| collect_rendered(i, out)),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                match v {
                    serde_json::Value::String(s) if k == "rendered" && s.contains("<!--") => {
                        out.push(s.clone())
                    }
                    _ => collect_rendered(v, out),
                }
            }
        }
        _ => {}
    }
}

/// Longest piece of markup after a comment that is parsed to find its paragraph.
const MAX_LOOKAHEAD: usize = 64 * 1024;

/// The visible text (whitespace collapsed) of the first block after a comment: the text up to
/// the end of the enclosing element when the comment is inside a paragraph, else the first
/// element with text (descending into its first block child, as the reader puts each block on
/// its own line).
fn next_block_text(markup: &str) -> Option<String> {
    let mut end = markup.len().min(MAX_LOOKAHEAD);
    while !markup.is_char_boundary(end) {
        end -= 1;
    }
    let fragment = Html::parse_fragment(&markup[..end]);
    let root = fragment.root_element();
    for child in root.children() {
        match child.value() {
            Node::Text(t) if !t.trim().is_empty() => {
                // Inline text right after the comment: the rest of this paragraph, up to the
                // first block element.
                let mut text = String::new();
                for sib in std::iter::once(child).chain(child.next_siblings()) {
                    match sib.value() {
                        Node::Text(t) => text.push_str(t),
                        Node::Element(e) if BLOCKS.contains(&e.name()) => break,
                        Node::Element(_) => {
                            if let Some(el) = scraper::ElementRef::wrap(sib) {
                                text.extend(el.text());
                            }
                        }
                        _ => {}
                    }
                }
                return collapse(&text);
            }
            Node::Element(_) => {
                let mut el = scraper::ElementRef::wrap(child)?;
                if is_hidden(el.value().name()) {
                    continue;
                }
                if collapse(&el.text().collect::<String>()).is_none() {
                    continue;
                }
                // Descend while the element's first text lies in a block child.
                while let Some(inner) = el
                    .children()
                    .filter_map(scraper::ElementRef::wrap)
                    .find(|c| collapse(&c.text().collect::<String>()).is_some())
                    .filter(|c| BLOCKS.contains(&c.value().name()))
                {
                    el = inner;
                }
                return collapse(&el.text().collect::<String>());
            }
            _ => {}
        }
    }
    None
}

fn is_hidden(name: &str) -> bool {
    matches!(name, "script" | "style" | "noscript" | "template")
}

fn collapse(s: &str) -> Option<String> {
    let c = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!c.is_empty()).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_comment_covers_next_paragraph() {
        let text = "# T\n\n<!-- factdiff-ignore some-rule: the quote is historic -->\nFirst line\nsecond line.\n\nOther paragraph.\n";
        let s = scan_text(text);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].rule, "some-rule");
        assert_eq!(s[0].reason, "the quote is historic");
        let p = s[0].paragraph.unwrap();
        assert_eq!(&text[p.start..p.end], "First line\nsecond line.");
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            Span::new(i, i + w.len())
        };
        assert!(s[0].covers("some-rule", at("second")));
        assert!(!s[0].covers("other-rule", at("second")));
        assert!(!s[0].covers("some-rule", at("Other")));
        assert!(text[s[0].comment.start..].starts_with("<!-- factdiff-ignore"));
    }

    #[test]
    fn other_comments_and_missing_reason() {
        let text =
            "<!-- a note -->\n<!-- factdiff-ignorex r: x -->\n<!-- factdiff-ignore r -->\ntext\n";
        let s = scan_text(text);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].reason, "");
        let i = text.find("text").unwrap();
        assert!(!s[0].covers("r", Span::new(i, i + 4)));
        assert!(scan_text("<!-- factdiff-ignore r: x -->\n\n  \n").len() == 1);
        assert_eq!(
            scan_text("<!-- factdiff-ignore r: x -->\n\n  \n")[0].paragraph,
            None
        );
    }

    #[test]
    fn html_paragraph_found_in_extracted_text() {
        let raw = "<html><body><p>Intro.</p>\n<!-- factdiff-ignore r: ok -->\n<p>The <b>second</b>\n  paragraph.</p><p>Third.</p></body></html>";
        let doc = crate::corpus::read_text("a.html", raw, &Default::default())
            .unwrap()
            .remove(0);
        let s = scan_html(raw, &doc.text);
        assert_eq!(s.len(), 1);
        let p = s[0].paragraph.unwrap();
        // The reader breaks lines where the markup did; the span covers both lines.
        assert_eq!(&doc.text[p.start..p.end], "The second\nparagraph.");
        assert!(raw[s[0].comment.start..].starts_with("<!--"));
    }

    #[test]
    fn html_comment_inside_paragraph_and_nested_blocks() {
        let raw = "<article><p>A <!-- factdiff-ignore r: x --> tail words <i>here</i>.</p><!-- factdiff-ignore q: y --><div><p>Inner one.</p><p>Inner two.</p></div></article>";
        let doc = crate::corpus::read_text("a.html", raw, &Default::default())
            .unwrap()
            .remove(0);
        let s = scan_html(raw, &doc.text);
        let texts: Vec<&str> = s
            .iter()
            .map(|x| {
                let p = x.paragraph.unwrap();
                &doc.text[p.start..p.end]
            })
            .collect();
        assert_eq!(texts, vec!["tail words here.", "Inner one."]);
    }

    #[test]
    fn wordpress_rendered_html() {
        let raw = r#"{"date":"2025-04-23T17:53:42","content":{"rendered":"<p>One.<\/p>\n<!-- factdiff-ignore r: y -->\n<p>Two words.<\/p>"}}"#;
        let doc = crate::corpus::read_text("p.json", raw, &Default::default())
            .unwrap()
            .remove(0);
        let posts: serde_json::Value = serde_json::from_str(raw).unwrap();
        let s = scan_wordpress(&posts, None, &doc.text);
        assert_eq!(s.len(), 1);
        let p = s[0].paragraph.unwrap();
        assert_eq!(&doc.text[p.start..p.end], "Two words.");
    }

    #[test]
    fn wordpress_array_uses_the_documents_post() {
        let raw = r#"[{"content":{"rendered":"<!-- factdiff-ignore r: one --><p>Same words.<\/p>"}},
                      {"content":{"rendered":"<p>Same words.<\/p>"}}]"#;
        let docs = crate::corpus::read_text("p.json", raw, &Default::default()).unwrap();
        assert_eq!(docs[1].path, "p.json#2");
        let posts: serde_json::Value = serde_json::from_str(raw).unwrap();
        assert_eq!(scan_wordpress(&posts, Some(1), &docs[0].text).len(), 1);
        assert!(scan_wordpress(&posts, Some(2), &docs[1].text).is_empty());
        assert!(scan_wordpress(&posts, Some(9), &docs[1].text).is_empty());
    }
}
