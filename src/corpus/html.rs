//! HTML pages: the visible text of `<article>` (else `<body>`), with title and date metadata.
//!
//! Pages are parsed with html5ever (scraper) as a browser would, and the tree is walked with
//! an iterator, never recursion, so nesting depth cannot exhaust the stack. Pages whose
//! unclosed tags would make html5ever quadratic are read by [`tagsoup::strip`] instead.

use super::{parse_meta_date, plain, tagsoup, DateSource, Document, Format, Note};
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

/// True when the text starts like an HTML document or fragment.
pub fn looks_like_html(trimmed: &str) -> bool {
    let head: String = trimmed
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
        || (head.starts_with('<')
            && ["<body", "<article", "<p>", "<p ", "<div", "<head"]
                .iter()
                .any(|t| head.contains(t)))
}

/// Elements whose text is never visible.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "head", "iframe", "svg", "canvas",
];

/// Elements that end a line of text.
pub const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "figcaption",
    "figure",
    "pre",
    "hr",
    "dd",
    "dt",
    "aside",
    "main",
    "nav",
];

/// The note of a page read with the tag stripper.
fn stripped_note() -> Note {
    Note::new(
        "HTML with too many unclosed or nested tags to parse in reasonable time: \
         read with a simple tag stripper (metadata other than <title> not read)",
    )
}

/// Reads an HTML page.
pub fn read(path: &str, source: &str) -> Document {
    if tagsoup::parse_cost(source, tagsoup::PARSE_BUDGET) > tagsoup::PARSE_BUDGET {
        let (text, title) = tagsoup::strip(source, HIDDEN, BLOCKS);
        let mut doc = plain(path, tidy(&text), Format::Html);
        doc.title = title;
        doc.notes.push(stripped_note());
        return doc;
    }
    let page = Html::parse_document(source);
    let text = visible_text(&page);
    let mut doc = plain(path, text, Format::Html);
    doc.title = select_text(&page, "title")
        .or_else(|| meta(&page, "og:title"))
        .or_else(|| select_text(&page, "h1"));
    for key in [
        "article:published_time",
        "date",
        "pubdate",
        "dc.date",
        "datePublished",
    ] {
        if let Some(d) = meta(&page, key).as_deref().and_then(parse_meta_date) {
            doc.published = Some(d);
            doc.date_source = Some(DateSource::HtmlMeta);
            break;
        }
    }
    if doc.published.is_none() {
        if let Ok(sel) = Selector::parse("time[datetime]") {
            if let Some(d) = page
                .select(&sel)
                .next()
                .and_then(|t| t.value().attr("datetime"))
                .and_then(parse_meta_date)
            {
                doc.published = Some(d);
                doc.date_source = Some(DateSource::HtmlMeta);
            }
        }
    }
    doc.outlet = meta(&page, "og:site_name");
    doc.url = meta(&page, "og:url");
    doc
}

/// The visible text of an HTML fragment (as found in WordPress `content.rendered`), and a
/// note when it had to be read with the tag stripper.
pub fn fragment_text(fragment: &str) -> (String, Option<Note>) {
    if tagsoup::parse_cost(fragment, tagsoup::PARSE_BUDGET) > tagsoup::PARSE_BUDGET {
        let (text, _) = tagsoup::strip(fragment, HIDDEN, BLOCKS);
        return (tidy(&text), Some(stripped_note()));
    }
    let page = Html::parse_fragment(fragment);
    let mut out = String::new();
    push_text(page.root_element(), &mut out);
    (tidy(&out), None)
}

fn visible_text(page: &Html) -> String {
    let root = ["article", "body"]
        .iter()
        .filter_map(|s| Selector::parse(s).ok())
        .find_map(|sel| page.select(&sel).next())
        .unwrap_or_else(|| page.root_element());
    let mut out = String::new();
    push_text(root, &mut out);
    tidy(&out)
}

/// Appends the visible text under `element` (itself included), a line break around blocks.
///
/// Walks the tree with `traverse`, an iterator of open and close edges, so the work is one
/// step per node and no recursion: 50,000 nested `<div>`s cost what 50,000 siblings do.
fn push_text(element: ElementRef<'_>, out: &mut String) {
    // Inside how many hidden elements the walk is; text is kept only at zero.
    let mut hidden = 0usize;
    for edge in element.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) if hidden == 0 => out.push_str(t),
                Node::Element(e) => {
                    let name = e.name();
                    if HIDDEN.contains(&name) {
                        hidden += 1;
                    } else if hidden == 0 && BLOCKS.contains(&name) {
                        out.push('\n');
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if HIDDEN.contains(&name) {
                        hidden = hidden.saturating_sub(1);
                    } else if hidden == 0 && BLOCKS.contains(&name) && name != "br" {
                        out.push('\n');
                    }
                }
            }
        }
    }
}

/// Collapses runs of spaces inside lines and blank lines between them.
fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let collapsed = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.is_empty() {
            continue;
        }
        out.push_str(&collapsed);
        out.push('\n');
    }
    out
}

fn select_text(page: &Html, selector: &str) -> Option<String> {
    let sel = Selector::parse(selector).ok()?;
    let el = page.select(&sel).next()?;
    let t = el
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!t.is_empty()).then_some(t)
}

fn meta(page: &Html, key: &str) -> Option<String> {
    let sel = Selector::parse("meta").ok()?;
    page.select(&sel).find_map(|m| {
        let v = m.value();
        let name = v
            .attr("property")
            .or_else(|| v.attr("name"))
            .or_else(|| v.attr("itemprop"))?;
        if name.eq_ignore_ascii_case(key) {
            v.attr("content")
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_without_scripts() {
        let src = "<!DOCTYPE html><html><head><title>T</title><meta property=\"article:published_time\" content=\"2025-04-23T10:00:00Z\"></head>\
                   <body><nav>Menu</nav><article><h1>Head</h1><p>Rabat &amp; Madrid</p><script>alert(1)</script><p>Two</p></article></body></html>";
        let d = read("a.html", src);
        assert_eq!(d.text, "Head\nRabat & Madrid\nTwo\n");
        assert_eq!(d.title.as_deref(), Some("T"));
        assert_eq!(
            d.published.map(|d| d.to_string()).as_deref(),
            Some("2025-04-23")
        );
    }

    #[test]
    fn body_when_no_article() {
        let d = read(
            "a.html",
            "<html><body><p>One <b>bold</b> word</p><style>p{}</style></body></html>",
        );
        assert_eq!(d.text, "One bold word\n");
    }
}
