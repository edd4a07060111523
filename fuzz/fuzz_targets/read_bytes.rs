//! Format detection and every reader: bytes of a file in, documents or one diagnostic out.
//! Must never panic; spans and notes must make sense.

#![no_main]

#[path = "common.rs"]
mod common;

use factdiff::corpus::{read_bytes, LoadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match read_bytes("fuzz.txt", data, &LoadOptions::default()) {
        Ok(docs) => {
            assert!(!docs.is_empty(), "Ok with no document");
            for doc in &docs {
                assert!(doc.path.starts_with("fuzz.txt"));
                assert!(!doc.text.contains('\0'), "NUL left in the text");
            }
        }
        Err(e) => {
            assert_eq!(e.path(), "fuzz.txt");
            let _ = common::render(&e);
        }
    }
});
