//! The shared vocabulary of brief's pipeline: read → understand → compose.
//!
//! This crate holds the types that cross stage boundaries and nothing else:
//! [`Span`] (byte ranges), [`Article`] (what the reader produces), [`Document`]
//! (sentences and tokens found in an article), [`Entity`] (a typed name span), the facts
//! found in it ([`Quote`], [`Figure`]) and [`Brief`] (the composed output, whose every
//! sentence carries [`Provenance`]).
//!
//! It is *not* for behaviour: no I/O, no parsing, no serialisation, no
//! dependencies. Every other brief crate depends on it; it depends on none.
//!
//! ```
//! use brief_core::{Article, Span};
//! let article = Article::from_text("a1", "Rain fell. Rivers rose.");
//! let first = Span::new(0, 10);
//! assert_eq!(article.slice(first), "Rain fell.");
//! ```
#![deny(missing_docs)]

mod article;
mod brief;
mod document;
mod entity;
mod facts;
mod span;

pub use article::{Article, Heading};
pub use brief::{Brief, BriefSentence, Dated, Provenance, Section};
pub use document::{Document, Sentence, Token, TokenKind};
pub use entity::{Entity, EntityKind, NamedEntity};
pub use facts::{Figure, Quote, Speaker};
pub use span::Span;
