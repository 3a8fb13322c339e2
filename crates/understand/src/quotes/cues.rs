//! The cue lexicon: which words mark an attribution ("said", "according to", "has argued").
//!
//! Learned from PolNeAR train by `tools/build_cue_table.py` (the table is `cue_table.rs`):
//! for every word form that heads a cue there, how often it does so and how often it occurs at
//! all. A form is a cue here when it heads a cue often enough, relative to its occurrences,
//! that taking every occurrence pays (see [`MIN_PRECISION`]); the rules in `reported.rs` then
//! decide each occurrence from its context.

use std::cell::RefCell;
use std::sync::LazyLock;

use brief_core::{Span, Token, TokenKind};

use rustc_hash::FxHashMap;

use super::cue_table::CUES;
use crate::spelling::SpellingCache;

/// The share of its occurrences in which a form must head a cue in train to be proposed. Low:
/// the scorer (`score.rs`) weighs each occurrence in its context, and a form below this is
/// almost never an attribution.
const MIN_PRECISION: f64 = 0.05;

/// How often the lower-case word form heads a cue in train, relative to its occurrences
/// (smoothed: a form seen a handful of times needs more evidence than its raw share), when
/// that is often enough for it to be proposed as a cue.
pub(super) fn prior(lower: &str) -> Option<f64> {
    // Asked for every word of every article: the table's priors, worked out once,
    // behind one hash lookup.
    static PRIORS: LazyLock<FxHashMap<&'static str, f64>> = LazyLock::new(|| {
        CUES.iter()
            .map(|&(form, cue, seen, ..)| (form, f64::from(cue) / (f64::from(seen) + 2.0)))
            .filter(|&(_, p)| p >= MIN_PRECISION)
            .collect()
    });
    PRIORS.get(lower).copied()
}

/// True when the lower-case word form is a cue.
pub(super) fn is_cue(lower: &str) -> bool {
    prior(lower).is_some()
}

/// What a word form may open: the frames of "according to", a cue's, or nothing.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct CueWord {
    pub according: bool,
    pub cue: bool,
}

/// What the word `text[span]`, in any case, may open. Asked of every word of every article,
/// so kept by spelling ([`SpellingCache`]).
pub(super) fn word_at(text: &str, span: Span) -> CueWord {
    CUE_WORDS.with_borrow_mut(|(cache, lower)| cue_word(cache, lower, text, span))
}

/// The words of `tokens` that may open an attribution, with what they may open, in order: one
/// borrow of the cache for a whole sentence.
pub(super) fn words_in(text: &str, tokens: &[Token]) -> Vec<(usize, CueWord)> {
    CUE_WORDS.with_borrow_mut(|(cache, lower)| {
        let mut out = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind == TokenKind::Word {
                let word = cue_word(cache, lower, text, t.span);
                if word.according || word.cue {
                    out.push((i, word));
                }
            }
        }
        out
    })
}

thread_local! {
    static CUE_WORDS: RefCell<(SpellingCache<CueWord>, String)> = RefCell::default();
}

/// What `text[span]` may open, from `cache` when its spelling is there (`lower` is a buffer).
fn cue_word(
    cache: &mut SpellingCache<CueWord>,
    lower: &mut String,
    text: &str,
    span: Span,
) -> CueWord {
    cache.get(text, span, || {
        crate::words::lowercase_into(&text[span.start..span.end], lower);
        CueWord {
            according: lower == "according",
            cue: is_cue(lower),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(CUES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn speech_verbs_are_cues_and_function_words_are_not() {
        for w in [
            "said",
            "says",
            "told",
            "according",
            "argued",
            "wrote",
            "added",
        ] {
            assert!(is_cue(w), "{w}");
        }
        for w in ["the", "to", "has", "that", "a"] {
            assert!(!is_cue(w), "{w}");
        }
    }
}
