//! The rules loader: one arbitrary rules file through `Knowledge::from_files`, and its
//! error rendered as the CLI renders it (miette pointing into the TOML).

#![no_main]

#[path = "common.rs"]
mod common;

use factdiff::knowledge::{Knowledge, RuleFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The CLI refuses rules files that are not UTF-8 before parsing; only text gets here.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = RuleFile {
        path: "fuzz.toml".into(),
        text: text.to_string(),
    };
    if let Err(e) = Knowledge::from_files(vec![file]) {
        let _ = common::render(&e);
    }
});
