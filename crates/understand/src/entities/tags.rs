//! BIO tags over the four entity kinds, and the Viterbi search over them.
//!
//! Tag 0 is `O`; `1 + k` is `B-` and `5 + k` is `I-` of [`EntityKind::ALL`]`[k]`.
//! An `I-` tag may only follow a `B-` or `I-` of its own kind: the search never
//! considers the other paths, so every decoded sequence reads as whole entities.

use std::ops::Add;

use brief_core::EntityKind;

/// Number of tags: O, B-×4, I-×4.
pub(crate) const N_TAGS: usize = 9;

/// The `O` tag (outside any entity).
pub(crate) const OUTSIDE: u8 = 0;

/// The index of the "previous tag" row used at the start of a sentence.
pub(crate) const START: usize = N_TAGS;

/// Transition weights: row `prev` (or [`START`]), column `tag`.
pub(crate) type Transitions<S> = [[S; N_TAGS]; N_TAGS + 1];

/// `B-kind`.
pub(crate) fn begin(kind: EntityKind) -> u8 {
    1 + kind_index(kind)
}

/// `I-kind`.
pub(crate) fn inside(kind: EntityKind) -> u8 {
    5 + kind_index(kind)
}

fn kind_index(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Location => 2,
        EntityKind::Misc => 3,
    }
}

/// The kind of a `B-` or `I-` tag and whether it begins an entity; `None` for `O`.
pub(crate) fn kind_of(tag: u8) -> Option<(EntityKind, bool)> {
    match tag {
        1..=4 => Some((EntityKind::ALL[usize::from(tag - 1)], true)),
        5..=8 => Some((EntityKind::ALL[usize::from(tag - 5)], false)),
        _ => None,
    }
}

/// May `tag` follow `prev` (a tag, or [`START`])?
#[inline]
pub(crate) fn allowed(prev: usize, tag: usize) -> bool {
    tag < 5 || prev == tag || prev + 4 == tag
}

/// A score the search can add and compare: integer weights at run time, floats in training.
pub(crate) trait Score: Copy + PartialOrd + Add<Output = Self> {
    /// Below every reachable score.
    const FLOOR: Self;
}

impl Score for i64 {
    const FLOOR: Self = i64::MIN / 4;
}

impl Score for f32 {
    const FLOOR: Self = -1e30;
}

/// Reusable buffers for [`viterbi`].
pub(crate) struct Lattice<S> {
    back: Vec<[u8; N_TAGS]>,
    current: [S; N_TAGS],
}

impl<S: Score> Default for Lattice<S> {
    fn default() -> Self {
        Lattice {
            back: Vec::new(),
            current: [S::FLOOR; N_TAGS],
        }
    }
}

/// The best tag sequence for `emissions` (one score per tag per token) under
/// `transitions`, written to `out`.
pub(crate) fn viterbi<S: Score>(
    emissions: &[[S; N_TAGS]],
    transitions: &Transitions<S>,
    lattice: &mut Lattice<S>,
    out: &mut Vec<u8>,
) {
    out.clear();
    let Some(first) = emissions.first() else {
        return;
    };
    lattice.back.clear();
    lattice.back.resize(emissions.len(), [0; N_TAGS]);
    let cur = &mut lattice.current;
    for tag in 0..N_TAGS {
        cur[tag] = if allowed(START, tag) {
            transitions[START][tag] + first[tag]
        } else {
            S::FLOOR
        };
    }
    // Column by column: each tag's scores from every previous tag, contiguous.
    let mut into = [[S::FLOOR; N_TAGS]; N_TAGS];
    for (p, row) in transitions.iter().take(N_TAGS).enumerate() {
        for (tag, &t) in row.iter().enumerate() {
            into[tag][p] = t;
        }
    }
    // The lowest and highest transition into `O` and the `B-` tags (which any tag may
    // precede): a previous tag that scores less than the best one by more than their
    // difference is no tag's best predecessor.
    let (mut low, mut high) = (into[0][0], into[0][0]);
    for &t in into[..5].iter().flatten() {
        if t < low {
            low = t;
        }
        if t > high {
            high = t;
        }
    }
    for (emission, back) in emissions.iter().zip(&mut lattice.back).skip(1) {
        let prev = *cur;
        // The best previous tag and the runner-up's score (a tie makes the runner-up as good).
        let (mut top, mut runner) = (0, S::FLOOR);
        for (p, &score) in prev.iter().enumerate().skip(1) {
            if score > prev[top] {
                runner = prev[top];
                top = p;
            } else if score > runner {
                runner = score;
            }
        }
        // The tags [`allowed`] after each tag, in ascending order as a plain scan
        // would try them (the first best wins a tie): `O` and `B-` after any tag,
        // `I-kind` after `B-kind` or `I-kind` only.
        if runner + high < prev[top] + low {
            // One previous tag stands so far above the rest (on most tokens of running
            // text, one does) that it is every `O` and `B-` tag's best predecessor.
            for tag in 0..5 {
                cur[tag] = prev[top] + into[tag][top] + emission[tag];
                back[tag] = top as u8;
            }
        } else {
            for tag in 0..5 {
                let mut best = S::FLOOR;
                let mut arg = 0u8;
                for (p, (&score, &t)) in prev.iter().zip(&into[tag]).enumerate() {
                    let s = score + t;
                    if s > best {
                        best = s;
                        arg = p as u8;
                    }
                }
                cur[tag] = best + emission[tag];
                back[tag] = arg;
            }
        }
        for tag in 5..N_TAGS {
            let mut best = S::FLOOR;
            let mut arg = 0u8;
            for p in [tag - 4, tag] {
                let s = prev[p] + into[tag][p];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            cur[tag] = best + emission[tag];
            back[tag] = arg;
        }
    }
    let mut tag = 0u8;
    for t in 1..N_TAGS {
        if cur[t] > cur[usize::from(tag)] {
            tag = t as u8;
        }
    }
    out.resize(emissions.len(), OUTSIDE);
    for i in (0..emissions.len()).rev() {
        out[i] = tag;
        tag = lattice.back[i][usize::from(tag)];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for kind in EntityKind::ALL {
            assert_eq!(kind_of(begin(kind)), Some((kind, true)));
            assert_eq!(kind_of(inside(kind)), Some((kind, false)));
        }
        assert_eq!(kind_of(OUTSIDE), None);
    }

    #[test]
    fn inside_never_starts_an_entity() {
        // Emissions prefer I-PER everywhere, but I-PER cannot open a sentence or follow O.
        let ip = usize::from(inside(EntityKind::Person));
        let bp = usize::from(begin(EntityKind::Person));
        let mut e = [[0i64; N_TAGS]; 3];
        for row in &mut e {
            row[ip] = 10;
            row[bp] = 5;
        }
        let t = [[0i64; N_TAGS]; N_TAGS + 1];
        let mut out = Vec::new();
        viterbi(&e, &t, &mut Lattice::default(), &mut out);
        assert_eq!(out, [bp as u8, ip as u8, ip as u8]);
    }

    #[test]
    fn transitions_break_ties() {
        let mut e = [[0i64; N_TAGS]; 2];
        e[0][usize::from(begin(EntityKind::Location))] = 3;
        let mut t = [[0i64; N_TAGS]; N_TAGS + 1];
        t[usize::from(begin(EntityKind::Location))][usize::from(inside(EntityKind::Location))] = 1;
        let mut out = Vec::new();
        viterbi(&e, &t, &mut Lattice::default(), &mut out);
        assert_eq!(
            out,
            [begin(EntityKind::Location), inside(EntityKind::Location)]
        );
    }

    /// The search as a plain scan of every allowed predecessor, first best winning a tie.
    fn scan(emissions: &[[i64; N_TAGS]], t: &Transitions<i64>) -> Vec<u8> {
        let mut cur = [i64::FLOOR; N_TAGS];
        for tag in 0..N_TAGS {
            if allowed(START, tag) {
                cur[tag] = t[START][tag] + emissions[0][tag];
            }
        }
        let mut back = vec![[0u8; N_TAGS]; emissions.len()];
        for (i, emission) in emissions.iter().enumerate().skip(1) {
            let prev = cur;
            for tag in 0..N_TAGS {
                let (mut best, mut arg) = (i64::FLOOR, 0);
                for p in (0..N_TAGS).filter(|&p| allowed(p, tag)) {
                    if prev[p] + t[p][tag] > best {
                        best = prev[p] + t[p][tag];
                        arg = p as u8;
                    }
                }
                cur[tag] = best + emission[tag];
                back[i][tag] = arg;
            }
        }
        let mut tag = (0..N_TAGS).fold(0, |b, k| if cur[k] > cur[b] { k } else { b }) as u8;
        let mut out = vec![0u8; emissions.len()];
        for i in (0..emissions.len()).rev() {
            out[i] = tag;
            tag = back[i][usize::from(tag)];
        }
        out
    }

    #[test]
    fn the_search_decodes_as_a_plain_scan_does_ties_included() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |range: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % (2 * range + 1)) as i64 - range as i64
        };
        // Narrow scores tie often; wide emissions over narrow transitions leave one
        // predecessor standing, as running text does.
        for (transitions, emissions) in [(2, 2), (5, 1000), (1000, 5), (30, 60)] {
            for _ in 0..200 {
                let mut t = [[0i64; N_TAGS]; N_TAGS + 1];
                t.iter_mut().flatten().for_each(|v| *v = next(transitions));
                let len = 1 + (next(6) + 6) as usize;
                let mut e = vec![[0i64; N_TAGS]; len];
                e.iter_mut().flatten().for_each(|v| *v = next(emissions));
                let mut out = Vec::new();
                viterbi(&e, &t, &mut Lattice::default(), &mut out);
                assert_eq!(out, scan(&e, &t), "{t:?} {e:?}");
            }
        }
    }

    #[test]
    fn the_search_finds_the_best_allowed_path() {
        // Against every allowed path of four tokens, on pseudo-random scores.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 41) as i64 - 20
        };
        for _ in 0..20 {
            let mut t = [[0i64; N_TAGS]; N_TAGS + 1];
            t.iter_mut().flatten().for_each(|v| *v = next());
            let mut e = [[0i64; N_TAGS]; 4];
            e.iter_mut().flatten().for_each(|v| *v = next());
            let score = |path: &[usize]| -> Option<i64> {
                let mut prev = START;
                let mut total = 0;
                for (i, &tag) in path.iter().enumerate() {
                    if !allowed(prev, tag) {
                        return None;
                    }
                    total += t[prev][tag] + e[i][tag];
                    prev = tag;
                }
                Some(total)
            };
            let mut best = i64::MIN;
            for code in 0..N_TAGS.pow(4) {
                let path: Vec<usize> = (0..4).map(|i| code / N_TAGS.pow(i) % N_TAGS).collect();
                best = best.max(score(&path).unwrap_or(i64::MIN));
            }
            let mut out = Vec::new();
            viterbi(&e, &t, &mut Lattice::default(), &mut out);
            let found: Vec<usize> = out.iter().map(|&t| usize::from(t)).collect();
            assert_eq!(score(&found), Some(best));
        }
    }
}
