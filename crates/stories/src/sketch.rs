//! Near-duplicate detection: MinHash sketches of word shingles.
//!
//! Two versions of one wire story (a changed lede, other boilerplate, a correction
//! appended) share most of their four-word shingles; two reports of one event by
//! different writers share few. The sketch estimates the Jaccard similarity of the
//! shingle sets from [`HASHES`] minimum hashes, in constant space per article.

/// Hash functions in a sketch: the estimate's standard error is about
/// `sqrt(J(1-J)/HASHES)`, under 0.045 at J = 0.5.
pub const HASHES: usize = 128;

/// Words per shingle.
const SHINGLE: usize = 4;
/// log2 of [`HASHES`].
const HASH_BITS: u32 = 7;
const _: () = assert!(1 << HASH_BITS == HASHES);

/// Fills each empty bin from the next filled bin to its right (wrapping), mixed
/// with the distance so that borrowed values differ from their source.
fn densify(mins: &mut [u32; HASHES], filled: &[bool; HASHES]) {
    let source = *mins;
    for (j, slot) in mins.iter_mut().enumerate() {
        if filled[j] {
            continue;
        }
        let mut distance = 1;
        while !filled[(j + distance) % HASHES] {
            distance += 1;
        }
        let borrowed = source[(j + distance) % HASHES];
        *slot = (mix(u64::from(borrowed) ^ ((distance as u64) << 32)) >> 32) as u32;
    }
}

/// A MinHash sketch of an article's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sketch {
    mins: Box<[u32; HASHES]>,
    /// Shingles seen; 0 for a text too short to sketch.
    shingles: u32,
}

impl Sketch {
    /// The sketch of `text`'s word shingles (case and punctuation ignored).
    ///
    /// One-permutation hashing: each shingle is hashed once, its top bits pick
    /// one of [`HASHES`] bins and the bin keeps its smallest value; bins no
    /// shingle reached borrow from the next filled bin (rotation densification),
    /// so two texts with the same shingles always get the same sketch.
    pub fn of_text(text: &str) -> Sketch {
        let mut mins = Box::new([u32::MAX; HASHES]);
        let mut filled = [false; HASHES];
        let mut window = [0u64; SHINGLE];
        let mut words = 0usize;
        let mut shingles = 0u32;
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            window[words % SHINGLE] = word_hash(word);
            words += 1;
            if words < SHINGLE {
                continue;
            }
            // Order matters within a shingle: combine from the oldest word.
            let mut h = 0xcbf2_9ce4_8422_2325u64;
            for k in 0..SHINGLE {
                h = mix(h ^ window[(words + k) % SHINGLE]);
            }
            shingles = shingles.saturating_add(1);
            let bin = (h >> (64 - HASH_BITS)) as usize;
            mins[bin] = mins[bin].min(h as u32);
            filled[bin] = true;
        }
        if shingles > 0 {
            densify(&mut mins, &filled);
        }
        Sketch { mins, shingles }
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets, in [0, 1].
    /// A text too short to sketch resembles nothing.
    pub fn similarity(&self, other: &Sketch) -> f32 {
        if self.shingles == 0 || other.shingles == 0 {
            return 0.0;
        }
        let same = self
            .mins
            .iter()
            .zip(other.mins.iter())
            .filter(|(a, b)| a == b)
            .count();
        same as f32 / HASHES as f32
    }

    /// Shingles in the sketched text.
    pub fn shingles(&self) -> u32 {
        self.shingles
    }

    /// Fixed-size bytes for storage: the shingle count, then the minimums (little endian).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + 4 * HASHES);
        out.extend_from_slice(&self.shingles.to_le_bytes());
        for m in self.mins.iter() {
            out.extend_from_slice(&m.to_le_bytes());
        }
        out
    }

    /// Reads [`Sketch::to_bytes`]'s output; `None` when the length is wrong.
    pub fn from_bytes(bytes: &[u8]) -> Option<Sketch> {
        if bytes.len() != 4 + 4 * HASHES {
            return None;
        }
        let word = |i: usize| u32::from_le_bytes(bytes[i * 4..i * 4 + 4].try_into().unwrap());
        let mut mins = Box::new([0u32; HASHES]);
        for (i, m) in mins.iter_mut().enumerate() {
            *m = word(i + 1);
        }
        Some(Sketch {
            mins,
            shingles: word(0),
        })
    }
}

fn word_hash(word: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for c in word.chars().flat_map(char::to_lowercase) {
        h = (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// SplitMix64's finaliser: a cheap bijection with good avalanche.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The city council voted on Tuesday to build a flood barrier along the \
        river, after two winters of flooding damaged more than 400 homes. The barrier will cost \
        $120 million and take three years to build, the mayor said. Residents who lost homes \
        in the floods said the vote came too late. Work is due to start in the spring, and the \
        council will borrow most of the money from the state.";

    #[test]
    fn identical_texts_are_identical_and_case_is_ignored() {
        let a = Sketch::of_text(STORY);
        assert_eq!(a.similarity(&Sketch::of_text(STORY)), 1.0);
        assert_eq!(a.similarity(&Sketch::of_text(&STORY.to_uppercase())), 1.0);
    }

    #[test]
    fn an_appended_correction_stays_near_and_another_story_does_not() {
        let a = Sketch::of_text(STORY);
        let corrected = format!("{STORY} Correction: an earlier version misstated the cost.");
        assert!(a.similarity(&Sketch::of_text(&corrected)) > 0.7);
        let other = Sketch::of_text(
            "The football club sacked its manager on Sunday after a run of eight defeats, \
             and said a successor would be named within a week. Fans had called for the change.",
        );
        assert!(a.similarity(&other) < 0.1);
    }

    #[test]
    fn short_texts_resemble_nothing() {
        let short = Sketch::of_text("Three words only");
        assert_eq!(short.shingles(), 0);
        assert_eq!(short.similarity(&short), 0.0);
    }

    #[test]
    fn bytes_round_trip() {
        let a = Sketch::of_text(STORY);
        assert_eq!(Sketch::from_bytes(&a.to_bytes()), Some(a));
        assert_eq!(Sketch::from_bytes(&[1, 2, 3]), None);
    }
}
