//! Section headings: a short noun phrase made of the section's own words.
//!
//! Candidates are runs of one to three adjacent content words in the section's
//! sentences (no stop word, number or punctuation inside). A phrase scores by how
//! often it occurs in the section, how rare its words are in the rest of the
//! article, its length, and whether it is a name (capitalised mid-sentence).

use brief_core::{Article, BriefSentence};
use brief_understand::words::is_stop_word;
use rustc_hash::FxHashMap;

use crate::candidates::Candidate;
use crate::rank::per_count;

/// The heading of the closing, forward-looking section.
pub const CLOSING_HEADING: &str = "What Comes Next";

/// Words that make poor headings.
pub(crate) const WEAK: &[&str] = &[
    "according",
    "added",
    "adding",
    "afp",
    "although",
    "another",
    "ap",
    "around",
    "asked",
    "because",
    "called",
    "caption",
    "cnn",
    "copyright",
    "day",
    "days",
    "first",
    "however",
    "image",
    "including",
    "last",
    "later",
    "lot",
    "many",
    "month",
    "months",
    "new",
    "people",
    "percent",
    "recent",
    "recently",
    "reuters",
    "saying",
    "several",
    "thing",
    "things",
    "though",
    "time",
    "times",
    "told",
    "way",
    "week",
    "weeks",
    "well",
    "whether",
    "year",
    "years",
];

/// Phrase key: up to three term ids, padded.
type Key = [u32; 3];
const PAD: u32 = u32::MAX;

struct Phrase {
    count: u32,
    len: usize,
    surface: (usize, usize),
    name: bool,
}

/// How rare each term is across the article's candidates, `ln(1 + n / df)`:
/// worked out once per brief, read for every phrase of every section.
pub fn rarities(candidates: usize, df: &[u32]) -> Vec<f32> {
    let total = candidates.max(1) as f32;
    per_count(df, |d| (total / d.max(1) as f32).ln_1p())
}

/// The heading for a section showing `shown` (candidate indexes) as `sentences`.
/// `used` holds the lower-cased headings of earlier sections, which are not
/// repeated; a heading must be rooted in the words the section shows.
pub fn heading_for(
    article: &Article,
    candidates: &[Candidate],
    rarity: &[f32],
    shown: &[usize],
    sentences: &[BriefSentence],
    used: &[String],
) -> String {
    let mut phrases: FxHashMap<Key, Phrase> =
        FxHashMap::with_capacity_and_hasher(256, Default::default());
    for &i in shown {
        let sequence = &candidates[i].sequence;
        let first_word = sequence.iter().position(Option::is_some);
        for start in 0..sequence.len() {
            let Some(first) = sequence[start] else {
                continue;
            };
            // A heading is a noun phrase: it does not start with an adverb...
            if first.adverb {
                continue;
            }
            let mut key = [PAD; 3];
            key[0] = first.term;
            let mut name = Some(start) != first_word && first.capitalised;
            for len in 1..=3 {
                let Some(&Some(last)) = sequence.get(start + len - 1) else {
                    break;
                };
                if len > 1 {
                    key[len - 1] = last.term;
                    name &= last.capitalised;
                }
                // ...nor end in a past participle or an adverb; and a lone short
                // word ("Hon", "Sen") is an abbreviation, not a topic.
                if last.weak_end || (len == 1 && first.short) {
                    continue;
                }
                let entry = phrases.entry(key).or_insert(Phrase {
                    count: 0,
                    len,
                    surface: (first.span.start, last.span.end),
                    name,
                });
                entry.count += 1;
                entry.name |= name;
            }
        }
    }
    let mut ranked: Vec<(f32, &Key, &Phrase)> = phrases
        .iter()
        .map(|(key, p)| {
            let rarity: f32 = key[..p.len]
                .iter()
                .map(|&t| rarity[t as usize])
                .sum::<f32>()
                / p.len as f32;
            let length_bonus = match p.len {
                1 => 1.0,
                2 => 1.7,
                _ => 1.8,
            };
            let name_bonus = if p.name { 1.2 } else { 1.0 };
            (p.count as f32 * rarity * length_bonus * name_bonus, key, p)
        })
        .collect();
    // Only the best few are ever looked at: partition instead of sorting all.
    let order = |a: &(f32, &Key, &Phrase), b: &(f32, &Key, &Phrase)| {
        b.0.total_cmp(&a.0).then(a.2.surface.cmp(&b.2.surface))
    };
    const FEW: usize = 8;
    let unused = |list: &[(f32, &Key, &Phrase)]| {
        list.iter()
            .map(|(_, _, p)| title_case(&article.text[p.surface.0..p.surface.1]))
            .find(|h| !used.contains(&h.to_lowercase()) && is_rooted(h, sentences))
    };
    let split = ranked.len().min(FEW);
    if ranked.len() > FEW {
        ranked.select_nth_unstable_by(FEW, order);
    }
    let (best, rest) = ranked.split_at_mut(split);
    best.sort_unstable_by(order);
    unused(best)
        .or_else(|| {
            rest.sort_unstable_by(order);
            unused(rest)
        })
        .unwrap_or_else(|| fallback(sentences, used))
}

/// When no phrase qualifies: the section's first capitalised long word not yet
/// used, else its first long word.
fn fallback(sentences: &[BriefSentence], used: &[String]) -> String {
    let words = || {
        sentences
            .iter()
            .flat_map(|s| s.text.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() >= 4 && !is_stop_word(&w.to_lowercase()))
    };
    let fresh = |w: &&str| !used.contains(&w.to_lowercase());
    let single = words()
        .skip(1)
        .find(|w| w.chars().next().is_some_and(char::is_uppercase) && fresh(w))
        .or_else(|| words().find(fresh))
        .map(title_case);
    // Every long word already heads a section: two neighbouring words will not.
    single.unwrap_or_else(|| {
        let all: Vec<&str> = sentences
            .iter()
            .flat_map(|s| s.text.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect();
        all.windows(2)
            .map(|pair| title_case(&pair.join(" ")))
            .find(|h| !used.contains(&h.to_lowercase()))
            .or_else(|| all.first().map(|w| title_case(w)))
            .unwrap_or_else(|| "More".to_string())
    })
}

/// "security guarantees" -> "Security Guarantees"; "U.S." and "iPhone" stay;
/// "HOW TO USE A CANNER" -> "How to Use a Canner".
pub fn title_case(phrase: &str) -> String {
    // A subhead set in capitals ("HOW TO USE A CANNER") reads as shouting: soften it.
    let letters = phrase.chars().filter(|c| c.is_alphabetic()).count();
    let shouted = letters > 3
        && !phrase.chars().any(char::is_lowercase)
        && phrase.split_whitespace().count() > 1;
    if shouted {
        return phrase
            .split_whitespace()
            .enumerate()
            .map(|(i, w)| {
                let lower = w.to_lowercase();
                if i > 0
                    && matches!(
                        lower.as_str(),
                        "a" | "an"
                            | "the"
                            | "of"
                            | "and"
                            | "or"
                            | "to"
                            | "in"
                            | "on"
                            | "for"
                            | "at"
                            | "by"
                    )
                {
                    lower
                } else {
                    let mut chars = lower.chars();
                    chars
                        .next()
                        .map(|f| f.to_uppercase().chain(chars).collect())
                        .unwrap_or_default()
                }
            })
            .collect::<Vec<String>>()
            .join(" ");
    }
    phrase
        .split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) if first.is_lowercase() && !chars.clone().any(char::is_uppercase) => {
                    first.to_uppercase().chain(chars).collect()
                }
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words of a heading that must be found in its section (as the acceptance check
/// reads it): longer than three letters and not a function word.
const HEADING_STOP: &[&str] = &[
    "the", "and", "for", "with", "from", "that", "this", "what", "next", "comes", "into", "over",
    "after",
];

/// True when a heading is 1–7 words and some content word of it (its first five
/// letters) occurs in the section's sentences: a heading drawn from its section.
pub fn is_rooted(heading: &str, sentences: &[BriefSentence]) -> bool {
    let words: Vec<String> = heading
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // Seven words at most, however they are counted (punctuation-padded subheads).
    if !(1..=7).contains(&words.len()) || heading.split_whitespace().count() > 7 {
        return false;
    }
    let content: Vec<&String> = words
        .iter()
        .filter(|w| w.chars().count() > 3 && !HEADING_STOP.contains(&w.as_str()))
        .collect();
    if content.is_empty() {
        return true;
    }
    let body: String = sentences
        .iter()
        .map(|s| s.text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    content.iter().any(|w| {
        let prefix: String = w.chars().take(5).collect();
        body.contains(&prefix)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_softens_capitals() {
        assert_eq!(title_case("security guarantees"), "Security Guarantees");
        assert_eq!(
            title_case("HOW TO USE A WATER BATH CANNER"),
            "How to Use a Water Bath Canner"
        );
        assert_eq!(title_case("U.S. talks"), "U.S. Talks");
        assert_eq!(title_case("NATO"), "NATO");
        assert_eq!(title_case("iPhone sales"), "iPhone Sales");
    }
}
