//! factdiff: reads news articles, extracts their dated assertions, cross-checks them between
//! sources and against a knowledge base, and reports every contradiction with both texts.
//!
//! Data flows one way, one module per stage:
//! [`corpus`] (files → [`corpus::Document`]) → [`extract`] (→ [`extract::Claim`]) →
//! [`resolve`] (same person, organisation, event across articles) → [`rules`] (→ findings) →
//! [`report`] (human, JSON, ...) and [`diff`].

pub mod app;
pub mod config;
pub mod corpus;
pub mod diff;
pub mod extract;
pub mod knowledge;
pub mod pipeline;
pub mod platform;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod span;
pub mod store;
pub mod text;
pub mod timex;
