//! Attribution scores as `peers/score_brief.py quotes` computes them, over PolNeAR's brat
//! standoff annotation.
//!
//! A predicted statement matches a gold one when their content spans overlap by at least half
//! of the longer span. Precision counts the predictions that match some gold statement, recall
//! the gold statements some prediction matches; the speaker of a matched gold statement that
//! has a Source is right when the first matching prediction (in prediction order) has a
//! speaker span overlapping it. Offsets are characters, as in the `.ann` files.

/// A character range, end exclusive.
pub type Range = (usize, usize);

/// One attribution of a `.ann` file: its Content and, when annotated, its Source and Cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The content span (for a discontinuous one: its first start to its last end).
    pub content: Range,
    /// The source span.
    pub source: Option<Range>,
    /// The cue span.
    pub cue: Option<Range>,
}

/// The attributions of a brat `.ann` file: every `E` line with a Content, in file order.
/// Malformed lines are skipped, as the reference scorer skips them.
pub fn parse_ann(ann: &str) -> Vec<Attribution> {
    let mut spans = std::collections::HashMap::new();
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let mut parts = line.split('\t');
        let (Some(id), Some(body)) = (parts.next(), parts.next()) else {
            continue;
        };
        // "Content 12 40;52 80": the first start and the last end.
        let mut fields = body.split(' ');
        let _kind = fields.next();
        let rest: Vec<&str> = fields.collect();
        let start = rest.first().and_then(|s| s.parse::<usize>().ok());
        let end = rest[1.min(rest.len())..]
            .join(" ")
            .rsplit(';')
            .next()
            .and_then(|last| {
                last.rsplit(' ')
                    .next()
                    .and_then(|e| e.parse::<usize>().ok())
            });
        if let (Some(s), Some(e)) = (start, end) {
            spans.insert(id.to_string(), (s, e));
        }
    }
    let mut out = Vec::new();
    for line in ann.lines().filter(|l| l.starts_with('E')) {
        let Some(body) = line.split('\t').nth(1) else {
            continue;
        };
        let role = |name: &str| {
            body.split(' ')
                .filter_map(|x| x.split_once(':'))
                .rfind(|(r, _)| *r == name)
                .and_then(|(_, id)| spans.get(id).copied())
        };
        if let Some(content) = role("Content") {
            out.push(Attribution {
                content,
                source: role("Source"),
                cue: role("Cue"),
            });
        }
    }
    out
}

/// Characters two ranges share.
pub fn overlap(x: Range, y: Range) -> usize {
    x.1.min(y.1).saturating_sub(x.0.max(y.0))
}

/// True when two ranges overlap by at least half of the longer one.
pub fn matches(x: Range, y: Range) -> bool {
    let longer = (x.1.saturating_sub(x.0)).max(y.1.saturating_sub(y.0));
    longer > 0 && 2 * overlap(x, y) >= longer
}

/// A predicted statement: content and speaker ranges, in characters.
#[derive(Clone, Copy, Debug)]
pub struct Predicted {
    /// The content.
    pub content: Range,
    /// The speaker, if any.
    pub speaker: Option<Range>,
}

/// Counts summed over documents.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    /// Predictions.
    pub predicted: usize,
    /// Predictions that match some gold statement.
    pub predicted_matched: usize,
    /// Gold statements.
    pub gold: usize,
    /// Gold statements some prediction matches.
    pub gold_matched: usize,
    /// Matched gold statements that have a Source.
    pub speaker_total: usize,
    /// … whose first matching prediction has an overlapping speaker.
    pub speaker_right: usize,
}

impl Counts {
    /// Adds one document's predictions (in output order) against its gold.
    pub fn add(&mut self, predicted: &[Predicted], gold: &[Attribution]) {
        self.predicted += predicted.len();
        self.gold += gold.len();
        self.predicted_matched += predicted
            .iter()
            .filter(|p| gold.iter().any(|g| matches(p.content, g.content)))
            .count();
        for g in gold {
            let Some(first) = predicted.iter().find(|p| matches(p.content, g.content)) else {
                continue;
            };
            self.gold_matched += 1;
            if let Some(source) = g.source {
                self.speaker_total += 1;
                if first.speaker.is_some_and(|s| overlap(s, source) > 0) {
                    self.speaker_right += 1;
                }
            }
        }
    }

    /// Content precision.
    pub fn precision(&self) -> f64 {
        self.predicted_matched as f64 / self.predicted.max(1) as f64
    }

    /// Content recall.
    pub fn recall(&self) -> f64 {
        self.gold_matched as f64 / self.gold.max(1) as f64
    }

    /// Content F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        2.0 * p * r / (p + r).max(1e-9)
    }

    /// Share of matched statements whose speaker is right.
    pub fn speaker_accuracy(&self) -> f64 {
        self.speaker_right as f64 / self.speaker_total.max(1) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANN: &str = "T1\tSource 0 5\tTrump\nT2\tCue 6 10\tsaid\n\
        T3\tContent 11 20;30 40\tthe deal\nT4\tAttribution 6 10\tsaid\n\
        E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n\
        T5\tContent 50 60\tx\nT6\tCue 61 65\tsaid\nE2\tAttribution:T6 Cue:T6 Content:T5\n";

    #[test]
    fn discontinuous_content_and_missing_source() {
        let a = parse_ann(ANN);
        assert_eq!(
            a,
            [
                Attribution {
                    content: (11, 40),
                    source: Some((0, 5)),
                    cue: Some((6, 10))
                },
                Attribution {
                    content: (50, 60),
                    source: None,
                    cue: Some((61, 65))
                }
            ]
        );
    }

    #[test]
    fn half_of_the_longer_span() {
        assert!(matches((0, 10), (5, 10)));
        assert!(!matches((0, 10), (6, 10)));
        assert!(!matches((0, 0), (0, 0)));
    }

    #[test]
    fn counts_follow_the_reference_scorer() {
        let gold = parse_ann(ANN);
        let mut c = Counts::default();
        c.add(
            &[
                Predicted {
                    content: (12, 40),
                    speaker: Some((3, 8)),
                },
                Predicted {
                    content: (90, 99),
                    speaker: None,
                },
            ],
            &gold,
        );
        assert_eq!(
            (c.predicted_matched, c.gold_matched, c.speaker_right),
            (1, 1, 1)
        );
        assert!((c.f1() - 0.5).abs() < 1e-9);
    }
}
