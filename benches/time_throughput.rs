//! Throughput of the time-expression scanner on one core, in MB/s, on generated news text
//! (no evaluation data is shipped). Run with `cargo bench --bench time_throughput`.
//!
//! Three inputs: paragraphs of news-like prose with a dense and a typical density of time
//! expressions, and one 50 MB line with no line breaks (the scan must stay linear on it).

use chrono::NaiveDate;
use factdiff::extract::time::scan;
use std::hint::black_box;
use std::time::Instant;

/// A small deterministic generator (xorshift), so every run scans the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "government",
    "officials",
    "of",
    "in",
    "and",
    "a",
    "to",
    "meeting",
    "talks",
    "would",
    "delegation",
    "agreement",
    "Morocco",
    "Spain",
    "cooperation",
    "migration",
    "security",
    "was",
    "held",
    "with",
    "on",
    "their",
    "counterparts",
    "announced",
    "president",
    "economic",
    "company",
    "shares",
    "rose",
    "percent",
    "market",
    "analysts",
    "expected",
    "Mayor",
    "report",
    "joint",
    "committee",
    "members",
    "border",
    "2,000",
    "people",
    "its",
    "about",
    "for",
    "from",
    "by",
    "that",
    "which",
    "new",
    "first",
    "21st",
    "session",
    "may",
    "also",
    "March",
    "bank",
];

const TIMES: &[&str] = &[
    "on Monday",
    "last week",
    "April 23, 2025",
    "23 April 2025",
    "in 2015",
    "two years ago",
    "the third quarter",
    "yesterday",
    "this morning",
    "at 3 p.m.",
    "since the 1990s",
    "next month",
    "on Feb. 1 and 2",
    "for three days",
    "earlier this year",
    "the second half of 2023",
    "every week",
    "now",
    "recently",
    "in March of this year",
];

fn prose(bytes: usize, breaks: bool, every: u64) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = String::with_capacity(bytes + 64);
    let mut words_in_sentence = 0;
    while out.len() < bytes {
        if rng.next() % every == 0 {
            out.push_str(rng.pick(TIMES));
        } else {
            out.push_str(rng.pick(WORDS));
        }
        words_in_sentence += 1;
        if words_in_sentence > 18 && rng.next() % 4 == 0 {
            out.push('.');
            words_in_sentence = 0;
            if breaks && rng.next() % 5 == 0 {
                out.push_str("\n\n");
                continue;
            }
        }
        out.push(' ');
    }
    out
}

fn measure(name: &str, text: &str, rounds: usize) {
    let reference = NaiveDate::from_ymd_opt(2025, 4, 23);
    let mut found = 0;
    let start = Instant::now();
    for _ in 0..rounds {
        found = black_box(scan(black_box(text), reference)).len();
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (text.len() * rounds) as f64 / 1e6;
    println!(
        "{name}: {:.1} MB in {:.2} s: {:.0} MB/s ({found} expressions per pass)",
        mb,
        secs,
        mb / secs
    );
}

fn main() {
    // Dense: a time expression every 14 words on average (date-heavy reporting).
    let dense = prose(20_000_000, true, 14);
    let _ = scan(&dense[..100_000], None);
    measure("time_throughput dense news prose", &dense, 5);
    // Typical: one every 60 words.
    let typical = prose(20_000_000, true, 60);
    measure("time_throughput typical news prose", &typical, 5);
    let line = prose(50_000_000, false, 14);
    measure("time_throughput one 50 MB line", &line, 1);
}
