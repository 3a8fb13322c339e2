//! Section headings: a short noun phrase made of the section's own words.
//!
//! Candidates are runs of one to three adjacent content words in the section's
//! sentences (no stop word, number or punctuation inside). A phrase scores by how
//! often it occurs in the section, how rare its words are in the rest of the
//! article, its length, and whether it is a name (capitalised mid-sentence).

use std::collections::HashMap;

use brief_core::{Article, BriefSentence};

use crate::candidates::Candidate;

/// The heading of the closing, forward-looking section.
pub const CLOSING_HEADING: &str = "What Comes Next";

/// Words that make poor headings on their own.
const WEAK: &[&str] = &[
    "according",
    "added",
    "adding",
    "asked",
    "called",
    "day",
    "days",
    "first",
    "including",
    "last",
    "later",
    "many",
    "new",
    "people",
    "percent",
    "recent",
    "recently",
    "saying",
    "time",
    "times",
    "told",
    "way",
    "week",
    "weeks",
    "well",
    "year",
    "years",
    "month",
    "months",
    "lot",
    "thing",
    "things",
    "around",
    "another",
    "several",
    "whether",
    "however",
    "although",
    "though",
    "because",
    "cnn",
    "reuters",
    "ap",
    "afp",
    "image",
    "caption",
    "copyright",
];

/// In how many candidates each term id occurs.
pub fn document_frequency(candidates: &[Candidate]) -> HashMap<u32, u32> {
    let mut df = HashMap::new();
    for c in candidates {
        for &t in &c.terms {
            *df.entry(t).or_insert(0) += 1;
        }
    }
    df
}

/// The heading for a section showing `shown` (candidate indexes). `used` holds the
/// lower-cased headings of earlier sections, which are not repeated.
pub fn heading_for(
    article: &Article,
    candidates: &[Candidate],
    df: &HashMap<u32, u32>,
    shown: &[usize],
    used: &[String],
) -> String {
    let total = candidates.len().max(1) as f32;
    // phrase (term ids) -> (occurrences, first surface span, is a name)
    let mut phrases: HashMap<Vec<u32>, (u32, (usize, usize), bool)> = HashMap::new();
    for &i in shown {
        let c = &candidates[i];
        let first_word = c.sequence.iter().position(Option::is_some);
        for start in 0..c.sequence.len() {
            for len in 1..=3 {
                let Some(window) = c.sequence.get(start..start + len) else {
                    break;
                };
                let Some(items) = window.iter().copied().collect::<Option<Vec<_>>>() else {
                    break;
                };
                let words: Vec<&str> = items.iter().map(|&(_, s)| article.slice(s)).collect();
                if words
                    .iter()
                    .any(|w| WEAK.contains(&w.to_lowercase().as_str()))
                    || words.iter().any(|w| w.chars().count() < 3)
                {
                    continue;
                }
                let name = Some(start) != first_word
                    && words
                        .iter()
                        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
                let key: Vec<u32> = items.iter().map(|&(t, _)| t).collect();
                let surface = (items[0].1.start, items[len - 1].1.end);
                let entry = phrases.entry(key).or_insert((0, surface, name));
                entry.0 += 1;
                entry.2 |= name;
            }
        }
    }
    let mut best: Option<(f32, String)> = None;
    for (key, (count, (start, end), name)) in phrases {
        let surface = title_case(&article.text[start..end]);
        if used.contains(&surface.to_lowercase()) {
            continue;
        }
        let rarity: f32 = key
            .iter()
            .map(|t| (total / *df.get(t).unwrap_or(&1) as f32).ln_1p())
            .sum::<f32>()
            / key.len() as f32;
        let length_bonus = match key.len() {
            1 => 1.0,
            2 => 1.6,
            _ => 1.7,
        };
        let name_bonus = if name { 1.4 } else { 1.0 };
        let score = count as f32 * rarity * length_bonus * name_bonus;
        let better = match &best {
            None => true,
            Some((s, text)) => score > *s || (score == *s && surface < *text),
        };
        if better {
            best = Some((score, surface));
        }
    }
    best.map(|(_, s)| s)
        .unwrap_or_else(|| fallback(article, candidates, shown))
}

/// When no phrase qualifies: the section's first long word.
fn fallback(article: &Article, candidates: &[Candidate], shown: &[usize]) -> String {
    shown
        .iter()
        .flat_map(|&i| candidates[i].sequence.iter().flatten())
        .map(|&(_, s)| article.slice(s))
        .find(|w| w.chars().count() >= 4)
        .map(title_case)
        .unwrap_or_else(|| "Details".to_string())
}

/// "security guarantees" -> "Security Guarantees"; "U.S." and "iPhone" stay.
pub fn title_case(phrase: &str) -> String {
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
    if !(1..=7).contains(&words.len()) {
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
