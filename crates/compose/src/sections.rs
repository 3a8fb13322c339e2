//! Headed sections: the sentences that are not takeaways, grouped in story order.
//!
//! Articles with subheads are grouped under them; others are cut where adjacent
//! sentences share the fewest words (lexical cohesion, as in TextTiling).
//! Forward-looking sentences ("will", "plans to", "next week") form a closing
//! "What Comes Next" section.

use brief_core::{Article, BriefSentence, Document, Section};

use crate::brief_sentence;
use crate::candidates::Candidate;
use crate::heading::{is_rooted, title_case, Headings, CLOSING_HEADING};

/// Most sentences shown in one section.
const MAX_PER_SECTION: usize = 4;
/// Fewest sections a brief should have, the seed's lower bound.
const MIN_SECTIONS: usize = 3;
/// Most themed sections (the closing section comes on top).
const MAX_THEMED: usize = 5;
/// Most sections of any kind, the seed's upper bound.
pub(crate) const MAX_SECTIONS: usize = 7;
/// Subheads that announce the closing, forward-looking part of an article.
const FORWARD_SUBHEADS: &[&str] = &[
    "next",
    "ahead",
    "future",
    "outlook",
    "coming",
    "what happens",
    "what now",
];

/// The ranked candidates of an article and which of them are takeaways.
pub struct Ranked<'a> {
    pub candidates: &'a [Candidate],
    /// In how many candidates each term id occurs.
    pub df: &'a [u32],
    /// Each candidate's score.
    pub scores: &'a [f32],
    /// The takeaways' candidate indexes.
    pub takeaways: &'a [usize],
}

/// Builds the sections from everything but the takeaways; `lists` is the number of
/// list sections (Who Said What, Who's Who) the brief will add to them.
pub fn build(article: &Article, doc: &Document, ranked: &Ranked, lists: usize) -> Vec<Section> {
    let Ranked {
        candidates,
        df,
        scores,
        takeaways,
    } = *ranked;
    let rest: Vec<usize> = (0..candidates.len())
        .filter(|i| !takeaways.contains(i))
        .collect();
    if rest.is_empty() {
        return Vec::new();
    }
    let subhead = |i: usize| {
        candidates[i]
            .under_heading
            .map(|h| article.slice(doc.sentences[h].span))
    };
    let subheaded = rest.iter().any(|&i| subhead(i).is_some());
    let last_subhead = rest.last().and_then(|&i| candidates[i].under_heading);
    let forward_subhead = last_subhead.filter(|&h| {
        let text = article.slice(doc.sentences[h].span).to_lowercase();
        FORWARD_SUBHEADS.iter().any(|f| text.contains(f))
    });
    let mut closing: Vec<usize> = if let Some(h) = forward_subhead {
        rest.iter()
            .copied()
            .filter(|&i| candidates[i].under_heading == Some(h))
            .collect()
    } else {
        // Forward-looking sentences from the last part of the article.
        let from = candidates.len() * 3 / 5;
        rest.iter()
            .copied()
            .filter(|&i| i >= from && looks_ahead(&candidates[i]) && stands_alone(candidates, i))
            .collect()
    };
    closing.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    closing.truncate(MAX_PER_SECTION);
    closing.sort_unstable();
    // Under the article's own closing subhead the sentences run on: keep those that stand.
    keep_standing(candidates, &mut closing);
    if rest.len() - closing.len() < 2 {
        closing.clear();
    }
    let mut body: Vec<usize> = rest
        .iter()
        .copied()
        .filter(|i| !closing.contains(i))
        .collect();
    // Context (history, earlier events) opens the brief, as a reader needs it
    // before the themes. Articles with subheads keep their own structure.
    let background = if subheaded {
        Vec::new()
    } else {
        background(candidates, scores, &body)
    };
    body.retain(|i| !background.contains(i));

    // Seven sections in all at most: the background and closing ones count.
    let max_themed = MAX_THEMED
        .min(MAX_SECTIONS - usize::from(!background.is_empty()) - usize::from(!closing.is_empty()));
    // Three sections at least where the text allows: the closing one counts.
    let min_blocks = if closing.is_empty() { 3 } else { 2 };
    let blocks = if subheaded {
        // A page's subheads may be too few for the seed's sections ("Highlights" over the
        // whole story): the longest parts are cut by cohesion until there are enough.
        let mut blocks = by_subhead(candidates, &body, max_themed);
        while blocks.len() < min_blocks.min(max_themed) {
            let Some((longest, _)) = blocks
                .iter()
                .enumerate()
                .max_by_key(|(k, b)| (b.len(), std::cmp::Reverse(*k)))
            else {
                break;
            };
            let parts = min_blocks - blocks.len() + 1;
            let cut = by_cohesion(candidates, df.len(), &blocks[longest], parts, parts);
            if cut.len() < 2 {
                break;
            }
            blocks.splice(longest..=longest, cut);
        }
        blocks
    } else {
        by_cohesion(candidates, df.len(), &body, min_blocks, max_themed)
    };

    let mut headings = Headings::new(article, doc, candidates, df);
    let mut sections = Vec::new();
    let mut used_headings: Vec<String> = vec![CLOSING_HEADING.to_lowercase()];
    if !background.is_empty() {
        let sentences: Vec<BriefSentence> = background
            .iter()
            .map(|&i| brief_sentence(article, &candidates[i]))
            .collect();
        let phrase = headings.heading_for(&background, &sentences, &used_headings);
        used_headings.push(phrase.to_lowercase());
        // The heading is rooted in its section by a word of the phrase, which "Background"
        // is not: a phrase of short words only ("U.S.") stands alone.
        let heading = if phrase
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.chars().count() > 3)
        {
            format!("{BACKGROUND_PREFIX}{phrase}")
        } else {
            phrase
        };
        used_headings.push(heading.to_lowercase());
        sections.push(Section {
            heading,
            sentences,
            list: false,
        });
    }
    let mut picks: Vec<Vec<usize>> = blocks
        .iter()
        .map(|block| pick(candidates, block, scores))
        .collect();
    // A block none of whose sentences stands alone still makes a section when the
    // brief would otherwise have fewer than the seed's three.
    let mut missing = MIN_SECTIONS.saturating_sub(
        lists
            + sections.len()
            + usize::from(!closing.is_empty())
            + picks.iter().filter(|p| !p.is_empty()).count(),
    );
    for (shown, block) in picks.iter_mut().zip(&blocks) {
        if missing > 0 && shown.is_empty() {
            // Its sentences that stand, if any do; else its best as they are: the seed's
            // three sections come first.
            let best = best(block, scores, block_quota(block.len()));
            let mut standing = best.clone();
            keep_standing(candidates, &mut standing);
            *shown = if standing.is_empty() { best } else { standing };
            missing -= 1;
        }
    }
    for (shown, block) in picks.into_iter().zip(&blocks) {
        if shown.is_empty() {
            continue;
        }
        let sentences: Vec<BriefSentence> = shown
            .iter()
            .map(|&i| brief_sentence(article, &candidates[i]))
            .collect();
        // "Design:" heads as "Design".
        let own_subhead = subhead(block[0])
            .map(|h| title_case(h.trim_end_matches([':', ';', ',', '.', ' '])))
            .filter(|h| {
                // A number alone ("200") names no topic.
                h.contains(char::is_alphabetic)
                    && is_rooted(h, &sentences)
                    && !used_headings.contains(&h.to_lowercase())
            });
        let heading =
            own_subhead.unwrap_or_else(|| headings.heading_for(&shown, &sentences, &used_headings));
        used_headings.push(heading.to_lowercase());
        sections.push(Section {
            heading,
            sentences,
            list: false,
        });
    }
    if !closing.is_empty() {
        sections.push(Section {
            heading: CLOSING_HEADING.to_string(),
            sentences: closing
                .iter()
                .map(|&i| brief_sentence(article, &candidates[i]))
                .collect(),
            list: false,
        });
    }
    sections
}

/// How the opening context section's heading starts.
const BACKGROUND_PREFIX: &str = "Background: ";

/// The sentences that give context: a backward-looking cue or a year before the
/// latest the article mentions, outside the lede and not mostly quotation.
fn background(candidates: &[Candidate], scores: &[f32], body: &[usize]) -> Vec<usize> {
    let latest = candidates
        .iter()
        .filter_map(|c| c.years.map(|(_, last)| last))
        .max();
    let mut picked: Vec<usize> = body
        .iter()
        .copied()
        .filter(|&i| {
            let c = &candidates[i];
            let older_year = latest.zip(c.years).is_some_and(|(l, (first, _))| first < l);
            i >= 2
                && c.quoted < 0.3
                && (older_year || c.backward)
                && !looks_ahead(c)
                && stands_alone(candidates, i)
        })
        .collect();
    picked.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    picked.truncate(MAX_PER_SECTION - 1);
    picked.sort_unstable();
    // Only worth a section when it leaves the themes enough to stand on.
    if picked.len() < 2 || body.len() < picked.len() + 4 {
        picked.clear();
    }
    picked
}

/// Leaves out of a section's sentences (in story order) those that need the sentence before
/// them ([`needed_before`]) where the section does not show it right before, in a chain too
/// ("This …" then "But …" after a sentence left out: both go).
fn keep_standing(candidates: &[Candidate], shown: &mut Vec<usize>) {
    let mut kept: Vec<usize> = Vec::with_capacity(shown.len());
    for &i in shown.iter() {
        let stands = match needed_before(candidates, i) {
            Need::Nothing => true,
            Need::Sentence(before) => kept.last() == Some(&before),
            Need::Impossible => false,
        };
        if stands {
            kept.push(i);
        }
    }
    *shown = kept;
}

fn looks_ahead(c: &Candidate) -> bool {
    c.forward && c.quoted < 0.5
}

/// How many sentences a section shows of a block of `len`: half, two at least, four at most.
fn block_quota(len: usize) -> usize {
    MAX_PER_SECTION.min(len.div_ceil(2).max(2.min(len)))
}

/// The `keep` best sentences of a block, in story order.
fn best(block: &[usize], scores: &[f32], keep: usize) -> Vec<usize> {
    let mut ranked = ranked(block, scores);
    ranked.truncate(keep);
    ranked.sort_unstable();
    ranked
}

/// A block's sentences, best first.
fn ranked(block: &[usize], scores: &[f32]) -> Vec<usize> {
    let mut ranked = block.to_vec();
    ranked.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    ranked
}

/// The best sentences of a block that can stand in a section, in story order.
fn pick(candidates: &[Candidate], block: &[usize], scores: &[f32]) -> Vec<usize> {
    let keep = block_quota(block.len());
    let ranked = ranked(block, scores);
    // A sentence that is all quotation shows only after the one before it, which
    // names who said it ("…,” she said. “…”): alone, nobody would know. So does one
    // that opens by pointing back ("But …", "This …", "Until then, …"): alone, it
    // answers nothing the reader has seen. That one comes along when the section
    // has it; otherwise the next best sentence takes the place. A block none of
    // whose sentences can stand makes no section.
    let mut shown = Vec::with_capacity(keep + 1);
    for &i in &ranked {
        if shown.len() >= keep {
            break;
        }
        match needed_before(candidates, i) {
            Need::Nothing => {}
            Need::Sentence(before) if block.contains(&before) => {
                if !shown.contains(&before) {
                    shown.push(before);
                }
            }
            Need::Sentence(_) | Need::Impossible => continue,
        }
        if !shown.contains(&i) {
            shown.push(i);
        }
    }
    shown.sort_unstable();
    keep_standing(candidates, &mut shown);
    shown
}

/// True for a candidate that needs no sentence before it: the background and closing
/// sections pick from scattered sentences, so they take only those.
fn stands_alone(candidates: &[Candidate], i: usize) -> bool {
    matches!(needed_before(candidates, i), Need::Nothing)
}

/// What a candidate needs shown right before it.
enum Need {
    /// It stands alone.
    Nothing,
    /// This candidate: the sentence naming its speaker, or the one it points back to.
    Sentence(usize),
    /// A sentence it cannot have: the one before it in the text is no candidate.
    Impossible,
}

fn needed_before(candidates: &[Candidate], i: usize) -> Need {
    let c = &candidates[i];
    // A quotation a pronoun attributes ("“We haven't given up,” he said.") is the speech of
    // someone the text named before, as a sentence that points back leans on the one before.
    let points_back = c.dangling || (c.pronoun_speaker && c.quoted >= 0.5);
    if c.quoted < 1.0 && !points_back {
        return Need::Nothing;
    }
    // A bare quotation's speaker is named in its own paragraph.
    match i
        .checked_sub(1)
        .filter(|&b| c.follows_previous && (points_back || candidates[b].paragraph == c.paragraph))
    {
        Some(before) => Need::Sentence(before),
        None => Need::Impossible,
    }
}

fn by_subhead(candidates: &[Candidate], body: &[usize], max_themed: usize) -> Vec<Vec<usize>> {
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    let mut current_heading = None;
    for &i in body {
        if blocks.is_empty() || candidates[i].under_heading != current_heading {
            current_heading = candidates[i].under_heading;
            blocks.push(Vec::new());
        }
        blocks.last_mut().expect("pushed above").push(i);
    }
    merge_small(blocks, max_themed)
}

/// Cuts `body` into contiguous blocks at the weakest links between neighbours:
/// about one block per four sentences, at least `min_blocks` when there are
/// sentences enough, at most `max_themed`.
fn by_cohesion(
    candidates: &[Candidate],
    vocabulary: usize,
    body: &[usize],
    min_blocks: usize,
    max_themed: usize,
) -> Vec<Vec<usize>> {
    let n = body.len();
    // Long articles get blocks of two sentences or more; short ones may have singles.
    let min_block = if n >= 8 { 2 } else { 1 };
    let wanted = (n / 4)
        .clamp(min_blocks.min(max_themed), max_themed)
        .min(n / min_block);
    if wanted <= 1 {
        return vec![body.to_vec()];
    }
    // Gap g lies between body[g-1] and body[g]; lower cohesion = better cut.
    // Cohesion is the cosine of the term sets of two sentences either side,
    // counted with a stamp per term instead of building sets.
    let window = 2;
    let mut stamp = vec![0usize; vocabulary];
    let mut gaps: Vec<(usize, f32)> = (1..n)
        .map(|g| {
            let mut left = 0usize;
            for &i in &body[g.saturating_sub(window)..g] {
                for &t in &candidates[i].terms {
                    if stamp[t as usize] != g {
                        stamp[t as usize] = g;
                        left += 1;
                    }
                }
            }
            let (mut right, mut shared) = (0usize, 0usize);
            for &i in &body[g..(g + window).min(n)] {
                for &t in &candidates[i].terms {
                    match stamp[t as usize] {
                        s if s == g => {
                            shared += 1;
                            stamp[t as usize] = usize::MAX - g;
                            right += 1;
                        }
                        s if s == usize::MAX - g => {}
                        _ => {
                            stamp[t as usize] = usize::MAX - g;
                            right += 1;
                        }
                    }
                }
            }
            let mut cohesion = if left == 0 || right == 0 {
                0.0
            } else {
                shared as f32 / ((left * right) as f32).sqrt()
            };
            if candidates[body[g]].paragraph != candidates[body[g - 1]].paragraph {
                cohesion -= 0.05;
            }
            // A sentence that points back ("But …", "This …") belongs with the one it
            // follows: no section starts with it.
            if candidates[body[g]].dangling && body[g - 1] + 1 == body[g] {
                cohesion += 1.0;
            }
            (g, cohesion)
        })
        .collect();
    gaps.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let mut cuts: Vec<usize> = Vec::new();
    for (g, _) in gaps {
        if cuts.len() + 1 >= wanted {
            break;
        }
        let too_close =
            cuts.iter().any(|&c| c.abs_diff(g) < min_block) || g < min_block || n - g < min_block;
        if !too_close {
            cuts.push(g);
        }
    }
    cuts.sort_unstable();
    let mut blocks = Vec::new();
    let mut from = 0;
    for c in cuts.into_iter().chain(std::iter::once(n)) {
        blocks.push(body[from..c].to_vec());
        from = c;
    }
    blocks
}

/// Merges the smallest neighbouring blocks until at most `max` remain.
fn merge_small(mut blocks: Vec<Vec<usize>>, max: usize) -> Vec<Vec<usize>> {
    while blocks.len() > max {
        let (smallest, _) = blocks
            .iter()
            .enumerate()
            .map(|(i, b)| (i, b.len()))
            .min_by_key(|&(_, len)| len)
            .expect("more than max blocks");
        let block = blocks.remove(smallest);
        let into = if smallest == 0 { 0 } else { smallest - 1 };
        if smallest == 0 {
            let mut merged = block;
            merged.append(&mut blocks[0]);
            blocks[0] = merged;
        } else {
            blocks[into].extend(block);
        }
    }
    blocks
}
