//! Every grammar at once: a document built from the text (with an arbitrary publication
//! date) through `extract::extract`, which runs the time, people and title, organisation,
//! place, event, count and quote grammars. Claims' spans must lie inside the text.

#![no_main]

#[path = "common.rs"]
mod common;

use factdiff::corpus::{Document, Format};
use factdiff::span::DocId;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (published, bytes) = common::reference_and_text(data);
    let text = String::from_utf8_lossy(bytes).into_owned();
    let doc = Document {
        id: DocId(0),
        path: "fuzz.txt".into(),
        format: Format::Text,
        title: None,
        published,
        date_source: None,
        outlet: None,
        url: None,
        text,
        notes: Vec::new(),
    };
    for claim in factdiff::extract::extract(&doc, common::knowledge()) {
        assert!(
            doc.text.get(claim.span.start..claim.span.end).is_some(),
            "claim span {:?} in {} bytes: {claim:?}",
            claim.span,
            doc.text.len()
        );
    }
});
