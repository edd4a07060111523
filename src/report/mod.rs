//! Reports: findings and claims rendered for people (miette) and machines (JSON, SARIF...).

mod extract_out;

pub use extract_out::{extract_human, extract_json};
