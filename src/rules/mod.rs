//! Rules: each checks one kind of contradiction over the resolved claims and reports
//! [`Finding`]s. One rule per file; its doc comment is what `factdiff explain RULE` prints.

mod finding;

pub use finding::{Finding, Location, Severity, Source};
