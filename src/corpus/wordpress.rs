//! WordPress REST API posts (`/wp-json/wp/v2/posts`), a single post or an array of them.
//!
//! Hostile JSON is bounded by serde_json: nesting deeper than 128 levels is an error, not a
//! stack overflow. A failed API call (truncated body) is one `Malformed` diagnostic with the
//! line; in an array, a post that does not fit is skipped with a note and the others are kept.

use super::html::fragment_text;
use super::{parse_meta_date, plain, DateSource, Document, Format, InputError, Note};
use serde::Deserialize;

/// True when the JSON text has the fields of a WordPress post.
pub fn looks_like_post(trimmed: &str) -> bool {
    let head: String = trimmed.chars().take(4096).collect();
    head.contains("\"content\"") || head.contains("\"rendered\"")
}

/// True when the whole text is well-formed JSON (of any shape): data, not an article.
pub fn is_json(text: &str) -> bool {
    serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
}

#[derive(Deserialize)]
struct Rendered {
    #[serde(default)]
    rendered: String,
}

#[derive(Deserialize)]
struct Post {
    title: Option<Rendered>,
    content: Option<Rendered>,
    date: Option<String>,
    link: Option<String>,
}

fn malformed(path: &str, line: usize, message: String) -> InputError {
    InputError::Malformed {
        path: path.to_string(),
        line: line.max(1),
        message,
        help: "re-export the post from the WordPress REST API, or save its text as .txt"
            .to_string(),
    }
}

/// Reads a post or array of posts; array items get `#N` (1-based) after the path.
pub fn read(path: &str, text: &str) -> Result<Vec<Document>, InputError> {
    let parse_error = |e: serde_json::Error| {
        malformed(
            path,
            e.line(),
            format!("looks like WordPress JSON but does not parse: {e}"),
        )
    };
    // Decide the shape from the first character rather than with an untagged enum: errors
    // then say where the post went wrong (line and column) instead of "no variant matched".
    let posts: Vec<(String, Result<Post, String>)> = if text.trim_start().starts_with('[') {
        let items: Vec<serde_json::Value> = serde_json::from_str(text).map_err(parse_error)?;
        let single = items.len() == 1;
        items
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let name = if single {
                    path.to_string()
                } else {
                    format!("{path}#{}", i + 1)
                };
                (name, Post::deserialize(v).map_err(|e| e.to_string()))
            })
            .collect()
    } else {
        vec![(
            path.to_string(),
            Ok(serde_json::from_str::<Post>(text).map_err(parse_error)?),
        )]
    };
    let total = posts.len();
    let mut docs = Vec::new();
    let mut skipped = Vec::new();
    for (index, (name, post)) in posts.into_iter().enumerate() {
        let post = match post {
            Ok(post) => post,
            Err(e) => {
                skipped.push(format!("post #{} skipped: {e}", index + 1));
                continue;
            }
        };
        let Some(content) = post.content else {
            skipped.push(format!("post #{} skipped: no content.rendered", index + 1));
            continue;
        };
        let (text, note) = fragment_text(&content.rendered);
        let mut doc = plain(&name, text, Format::Wordpress);
        doc.notes.extend(note);
        doc.title = post
            .title
            .map(|t| fragment_text(&t.rendered).0.trim().to_string())
            .filter(|t| !t.is_empty());
        if let Some(d) = post.date.as_deref().and_then(parse_meta_date) {
            doc.published = Some(d);
            doc.date_source = Some(DateSource::Json);
        }
        doc.url = post.link;
        docs.push(doc);
    }
    if docs.is_empty() {
        let why = if total == 0 {
            "an empty array of posts".to_string()
        } else {
            skipped.join("; ")
        };
        return Err(InputError::Malformed {
            path: path.to_string(),
            line: 1,
            message: format!("WordPress JSON without a readable post: {why}"),
            help: "request the posts with ?context=view so content.rendered is included"
                .to_string(),
        });
    }
    for doc in &mut docs {
        doc.notes.extend(skipped.iter().map(Note::new));
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_post() {
        let src = r#"{"date":"2025-04-23T17:53:42","link":"https://x/y","title":{"rendered":"A &amp; B"},"content":{"rendered":"<p>Hello <strong>Rabat<\/strong><\/p>\n<p>Two<\/p>"}}"#;
        let docs = read("p.txt", src).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].text, "Hello Rabat\nTwo\n");
        assert_eq!(docs[0].title.as_deref(), Some("A & B"));
        assert_eq!(
            docs[0].published.map(|d| d.to_string()).as_deref(),
            Some("2025-04-23")
        );
    }

    #[test]
    fn array_of_posts_and_truncated_json() {
        let src =
            r#"[{"content":{"rendered":"<p>One</p>"}},{"content":{"rendered":"<p>Two</p>"}}]"#;
        let docs = read("p.json", src).unwrap();
        assert_eq!(
            docs.iter().map(|d| d.path.as_str()).collect::<Vec<_>>(),
            ["p.json#1", "p.json#2"]
        );
        assert!(matches!(
            read("p.json", r#"{"content":{"rendered":"<p>"#),
            Err(InputError::Malformed { .. })
        ));
    }

    #[test]
    fn truncated_json_names_the_line() {
        let src = "{\n\"id\": 1,\n\"content\": {\"rendered\": \"<p>Talks in Rab";
        let Err(InputError::Malformed { line, message, .. }) = read("p.txt", src) else {
            panic!("not malformed")
        };
        assert_eq!(line, 3);
        assert!(message.contains("EOF"), "{message}");
    }

    #[test]
    fn bad_posts_are_skipped_good_ones_kept() {
        let src = r#"[{"content":{"rendered":"<p>One</p>"}},{"title":{"rendered":"no body"}},{"content":{"rendered":5}},{"content":{"rendered":"<p>Four</p>"}}]"#;
        let docs = read("p.json", src).unwrap();
        assert_eq!(
            docs.iter().map(|d| d.path.as_str()).collect::<Vec<_>>(),
            ["p.json#1", "p.json#4"]
        );
        assert_eq!(docs[0].notes.len(), 2);
        assert!(read("p.json", r#"[{"title":{"rendered":"x"}}]"#).is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let src = format!(
            "{{\"content\":{}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(matches!(
            read("p.json", &src),
            Err(InputError::Malformed { .. })
        ));
        let src = format!("[{}]", "{\"content\":".repeat(50_000));
        assert!(read("p.json", &src).is_err());
    }
}
