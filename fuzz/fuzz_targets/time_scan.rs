//! The time grammar: any text, any reference date (or none). Spans must lie on char
//! boundaries inside the text, and every value must be a valid TIMEX3 value.

#![no_main]

#[path = "common.rs"]
mod common;
#[path = "../../tests/hostile/timex3.rs"]
mod timex3;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (reference, bytes) = common::reference_and_text(data);
    let text = String::from_utf8_lossy(bytes);
    for m in factdiff::extract::time::scan(&text, reference) {
        assert!(
            m.span.start <= m.span.end && text.get(m.span.start..m.span.end).is_some(),
            "span {:?} in {} bytes",
            m.span,
            text.len()
        );
        if let Err(why) = timex3::check(&m.value) {
            panic!(
                "invalid TIMEX3 {:?}: {why} (reference {reference:?})",
                m.value
            );
        }
        if let Some((_, span)) = m.stated_weekday {
            assert!(
                text.get(span.start..span.end).is_some(),
                "weekday span {span:?}"
            );
        }
    }
    if let Some((_, used)) = factdiff::extract::time::parse_calendar_date(&text) {
        assert!(
            text.get(..used).is_some(),
            "parse_calendar_date consumed {used} of {}",
            text.len()
        );
    }
});
