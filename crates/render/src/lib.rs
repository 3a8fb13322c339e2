//! Briefs for people and programs: seed-shaped Markdown, one self-contained HTML
//! page (a sentence shows its source passage on hover or click), and the JSON
//! contract outside tools depend on ([`wire`]).
//!
//! It is *not* where briefs are made (that is `brief`), nor a web server: the
//! command line and the HTTP server both render through it, so a brief looks the
//! same wherever it is read.

mod page;
pub mod wire;

pub use page::{escape, html, html_page, markdown, PageParts, PAGE_SCRIPT};
