//! Training the tagger: an averaged structured perceptron over the BIO lattice.
//!
//! Each sentence is decoded with the current weights (the same Viterbi search as
//! at run time); when the best path differs from the gold one, the features of the
//! tokens whose tags differ move toward the gold tag and away from the predicted
//! one, and so do the differing transitions. The weights returned are the average
//! over every step, which generalises far better than the last ones. The order of
//! sentences is shuffled per epoch with a fixed seed, so training is reproducible.
//!
//! Gold entities come as byte spans over the text; every token of ours that
//! overlaps an entity takes its label (`B-` for the first, `I-` after). CoNLL-style
//! tokens joined by spaces are never merged by our tokenizer, only split ("'s" into
//! "'" and "s"), so gold boundaries always fall on our token boundaries.

use brief_core::{Article, Entity, Token};

use super::features::{self, DocFeatures};
use super::model::Model;
use super::tags::{begin, inside, viterbi, Lattice, Transitions, N_TAGS, OUTSIDE, START};

/// A text with its gold entities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotated {
    /// The text (for CoNLL data, the tokens joined by single spaces).
    pub text: String,
    /// Its entities, as byte spans into `text`.
    pub entities: Vec<Entity>,
}

/// How to train.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// The weight table has `2^bits` rows.
    pub bits: u32,
    /// Seed of the per-epoch shuffle.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            bits: 17,
            seed: 0x0062_7269_6566,
        }
    }
}

/// One training sentence: feature rows ([`features::TEMPLATES`] per token) and gold tags.
struct Example {
    features: Vec<u32>,
    tags: Vec<u8>,
}

/// Gold tags of `tokens` from entity spans.
fn gold_tags(tokens: &[Token], entities: &[Entity]) -> Vec<u8> {
    let mut tags = vec![OUTSIDE; tokens.len()];
    for e in entities {
        let mut first = true;
        for (t, tag) in tokens.iter().zip(tags.iter_mut()) {
            if t.span.start < e.span.end && e.span.start < t.span.end {
                *tag = if first { begin(e.kind) } else { inside(e.kind) };
                first = false;
            }
        }
    }
    tags
}

fn examples(data: &[Annotated], bits: u32) -> Vec<Example> {
    let mut out = Vec::new();
    for a in data {
        let doc = crate::understand(&Article::from_text("", a.text.as_str()));
        let doc_features = DocFeatures::new(&a.text, &doc);
        for (i, s) in doc.sentences.iter().enumerate() {
            let mut features = Vec::with_capacity(s.tokens.len() * features::TEMPLATES);
            doc_features.sentence(i, bits, |rows| features.extend_from_slice(rows));
            out.push(Example {
                features,
                tags: gold_tags(&s.tokens, &a.entities),
            });
        }
    }
    out
}

/// Perceptron weights with the running sums needed for averaging: the average
/// of `w` over `c` steps is `w - acc / c`, where each update `d` at step `c` adds
/// `c * d` to `acc` (Daumé's trick: no per-step copy of the weights).
struct Averaged {
    w: Vec<f32>,
    acc: Vec<f64>,
}

impl Averaged {
    fn new(n: usize) -> Self {
        Averaged {
            w: vec![0.0; n],
            acc: vec![0.0; n],
        }
    }

    #[inline]
    fn update(&mut self, i: usize, delta: f32, step: f64) {
        self.w[i] += delta;
        self.acc[i] += step * f64::from(delta);
    }

    fn average(&self, steps: f64) -> Vec<f32> {
        self.w
            .iter()
            .zip(&self.acc)
            .map(|(&w, &a)| (f64::from(w) - a / steps) as f32)
            .collect()
    }
}

/// Trains a model on `data`, calling `on_epoch(epoch, &model)` with the averaged
/// model after each pass (to watch a development score).
pub fn train(
    data: &[Annotated],
    options: &TrainOptions,
    mut on_epoch: impl FnMut(usize, &Model),
) -> Model {
    let examples = examples(data, options.bits);
    let rows = 1usize << options.bits;
    let mut emission = Averaged::new(rows * N_TAGS);
    let mut transition = Averaged::new((N_TAGS + 1) * N_TAGS);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = options.seed | 1;
    let mut step = 1.0f64;
    let mut lattice = Lattice::<f32>::default();
    let mut emissions: Vec<[f32; N_TAGS]> = Vec::new();
    let mut predicted = Vec::new();
    let mut model = quantise(
        &emission.average(step),
        &transition.average(step),
        options.bits,
    );
    for epoch in 1..=options.epochs {
        shuffle(&mut order, &mut rng);
        for &k in &order {
            let ex = &examples[k];
            emissions.clear();
            for feats in ex.features.chunks_exact(features::TEMPLATES) {
                let mut acc = [0f32; N_TAGS];
                for &f in feats {
                    let row = &emission.w[f as usize * N_TAGS..][..N_TAGS];
                    for (a, &w) in acc.iter_mut().zip(row) {
                        *a += w;
                    }
                }
                emissions.push(acc);
            }
            let mut t: Transitions<f32> = [[0.0; N_TAGS]; N_TAGS + 1];
            for (p, row) in t.iter_mut().enumerate() {
                row.copy_from_slice(&transition.w[p * N_TAGS..][..N_TAGS]);
            }
            viterbi(&emissions, &t, &mut lattice, &mut predicted);
            if predicted != ex.tags {
                let mut prev_gold = START;
                let mut prev_pred = START;
                for (i, (&g, &p)) in ex.tags.iter().zip(&predicted).enumerate() {
                    let (g, p) = (usize::from(g), usize::from(p));
                    if g != p {
                        let feats = &ex.features[i * features::TEMPLATES..][..features::TEMPLATES];
                        for &f in feats {
                            emission.update(f as usize * N_TAGS + g, 1.0, step);
                            emission.update(f as usize * N_TAGS + p, -1.0, step);
                        }
                    }
                    if (prev_gold, g) != (prev_pred, p) {
                        transition.update(prev_gold * N_TAGS + g, 1.0, step);
                        transition.update(prev_pred * N_TAGS + p, -1.0, step);
                    }
                    prev_gold = g;
                    prev_pred = p;
                }
            }
            step += 1.0;
        }
        model = quantise(
            &emission.average(step),
            &transition.average(step),
            options.bits,
        );
        on_epoch(epoch, &model);
    }
    model
}

/// Float weights to the integer model: one scale for all, so that the largest
/// weight fills an i16; transitions keep the same scale in i32.
fn quantise(emission: &[f32], transition: &[f32], bits: u32) -> Model {
    let max = emission
        .iter()
        .chain(transition)
        .fold(0f32, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 { 32767.0 / max } else { 1.0 };
    let rows = emission
        .chunks_exact(N_TAGS)
        .map(|r| {
            let mut q = [0i16; N_TAGS];
            for (q, &w) in q.iter_mut().zip(r) {
                *q = (w * scale).round() as i16;
            }
            q
        })
        .collect();
    let mut t = [[0i32; N_TAGS]; N_TAGS + 1];
    for (p, row) in t.iter_mut().enumerate() {
        for (tag, v) in row.iter_mut().enumerate() {
            *v = (transition[p * N_TAGS + tag] * scale).round() as i32;
        }
    }
    Model::new(bits, rows, t)
}

/// Fisher–Yates with xorshift64: the same seed gives the same order everywhere.
fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::{EntityKind, Span};

    fn annotated(text: &str, names: &[(&str, EntityKind)]) -> Annotated {
        let entities = names
            .iter()
            .map(|&(name, kind)| {
                let start = text.find(name).expect("name in text");
                Entity {
                    span: Span::new(start, start + name.len()),
                    kind,
                }
            })
            .collect();
        Annotated {
            text: text.to_string(),
            entities,
        }
    }

    #[test]
    fn gold_spans_become_bio_tags_on_our_tokens() {
        let text = "AT&T 's chief met Jo Lee .";
        let tokens = crate::tokenize(text, Span::new(0, text.len()));
        let a = annotated(
            text,
            &[
                ("AT&T", EntityKind::Organization),
                ("Jo Lee", EntityKind::Person),
            ],
        );
        let tags = gold_tags(&tokens, &a.entities);
        let (bo, io) = (
            begin(EntityKind::Organization),
            inside(EntityKind::Organization),
        );
        let (bp, ip) = (begin(EntityKind::Person), inside(EntityKind::Person));
        // "AT&T" is three tokens of ours, "'s" two.
        assert_eq!(
            tags,
            [bo, io, io, OUTSIDE, OUTSIDE, OUTSIDE, OUTSIDE, bp, ip, OUTSIDE]
        );
    }

    #[test]
    fn learns_a_toy_set_and_is_reproducible() {
        use EntityKind::*;
        let data = vec![
            annotated(
                "Anna Berg visited Oslo .",
                &[("Anna Berg", Person), ("Oslo", Location)],
            ),
            annotated(
                "Karl Holm left Bergen .",
                &[("Karl Holm", Person), ("Bergen", Location)],
            ),
            annotated(
                "Acme Corp hired Anna Berg .",
                &[("Acme Corp", Organization), ("Anna Berg", Person)],
            ),
        ];
        let options = TrainOptions {
            epochs: 5,
            bits: 12,
            seed: 7,
        };
        let a = train(&data, &options, |_, _| {});
        let b = train(&data, &options, |_, _| {});
        assert_eq!(a, b);
        let text = "Karl Holm visited Oslo .";
        let doc = crate::understand(&Article::from_text("t", text));
        let got: Vec<(&str, EntityKind)> = a
            .recognize(text, &doc)
            .iter()
            .map(|e| (&text[e.span.start..e.span.end], e.kind))
            .collect();
        assert_eq!(got, [("Karl Holm", Person), ("Oslo", Location)]);
    }
}
