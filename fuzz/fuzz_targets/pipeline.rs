//! The whole check after reading: two documents (the input split at its first form feed,
//! each with its own arbitrary publication date) through `pipeline::analyse`, so resolution
//! across sources and every rule see what the grammars make of arbitrary text.

#![no_main]

#[path = "common.rs"]
mod common;

use factdiff::corpus::{Corpus, Document, Format};
use factdiff::span::DocId;
use libfuzzer_sys::fuzz_target;

fn document(id: u32, data: &[u8]) -> Document {
    let (published, bytes) = common::reference_and_text(data);
    Document {
        id: DocId(id),
        path: format!("fuzz-{id}.txt"),
        format: Format::Text,
        title: None,
        published,
        date_source: None,
        outlet: None,
        url: None,
        text: String::from_utf8_lossy(bytes).into_owned(),
        notes: Vec::new(),
    }
}

fuzz_target!(|data: &[u8]| {
    let (a, b) = match data.iter().position(|&c| c == 0x0c) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &data[..0]),
    };
    let corpus = Corpus {
        documents: vec![document(0, a), document(1, b)],
        problems: Vec::new(),
    };
    let analysis = factdiff::pipeline::analyse(&corpus, common::knowledge());
    for finding in &analysis.findings {
        assert!(
            !finding.locations.is_empty(),
            "finding without a location: {finding:?}"
        );
    }
});
