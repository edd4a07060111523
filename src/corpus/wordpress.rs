//! WordPress REST API posts (`/wp-json/wp/v2/posts`), a single post or an array of them.

use super::html::fragment_text;
use super::{parse_meta_date, plain, DateSource, Document, Format, InputError};
use serde::Deserialize;

/// True when the JSON text has the fields of a WordPress post.
pub fn looks_like_post(trimmed: &str) -> bool {
    let head: String = trimmed.chars().take(4096).collect();
    head.contains("\"content\"") || head.contains("\"rendered\"")
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

#[derive(Deserialize)]
#[serde(untagged)]
enum Posts {
    One(Box<Post>),
    Many(Vec<Post>),
}

/// Reads a post or array of posts; array items get `#N` (1-based) after the path.
pub fn read(path: &str, text: &str) -> Result<Vec<Document>, InputError> {
    let posts: Posts = serde_json::from_str(text).map_err(|e| InputError::Malformed {
        path: path.to_string(),
        line: e.line().max(1),
        message: format!("looks like WordPress JSON but does not parse: {e}"),
        help: "re-export the post from the WordPress REST API, or save its text as .txt"
            .to_string(),
    })?;
    let posts = match posts {
        Posts::One(p) => vec![(path.to_string(), *p)],
        Posts::Many(v) if v.len() == 1 => v.into_iter().map(|p| (path.to_string(), p)).collect(),
        Posts::Many(v) => v
            .into_iter()
            .enumerate()
            .map(|(i, p)| (format!("{path}#{}", i + 1), p))
            .collect(),
    };
    let mut docs = Vec::new();
    for (name, post) in posts {
        let Some(content) = post.content else {
            return Err(InputError::Malformed {
                path: path.to_string(),
                line: 1,
                message: "WordPress post has no content.rendered".to_string(),
                help: "request the post with ?context=view so content is included".to_string(),
            });
        };
        let mut doc = plain(&name, fragment_text(&content.rendered), Format::Wordpress);
        doc.title = post
            .title
            .map(|t| fragment_text(&t.rendered).trim().to_string())
            .filter(|t| !t.is_empty());
        if let Some(d) = post.date.as_deref().and_then(parse_meta_date) {
            doc.published = Some(d);
            doc.date_source = Some(DateSource::Json);
        }
        doc.url = post.link;
        docs.push(doc);
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
}
