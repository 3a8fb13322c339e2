//! Scoring for brief's benchmarks: the numbers `brief eval` prints.
//!
//! - [`rouge`]: ROUGE-1/2/L/Lsum F1 exactly as Google's `rouge-score` package computes
//!   them (its tokenizer, NLTK's Porter stemmer, Lsum over newline-separated sentences).
//! - [`extraction`]: main-text extraction scores the way the article-extraction
//!   benchmark computes them (multisets of word 4-gram shingles), and trafilatura's
//!   snippet inclusion/exclusion rule.
//! - [`attribution`]: attribution (quote) scores as `peers/score_brief.py quotes` computes
//!   them over PolNeAR's brat annotation.
//!
//! - [`clusters`]: B-cubed and pairwise scores of a clustering (stories against gold).
//!
//! It is *not* for producing briefs and knows nothing of the pipeline's types
//! except through plain strings: scorers take text in and give numbers out.

pub mod attribution;
pub mod clusters;
pub mod extraction;
pub mod porter;
pub mod rouge;
