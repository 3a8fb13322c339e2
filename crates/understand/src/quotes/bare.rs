//! Quotations no cue introduces: a long stretch in quotation marks that no statement the rules
//! found covers is still someone's statement ("“…” ― Veronica Cruz", a quote whose speaker the
//! paragraph before named). PolNeAR marks them as attributions; the frame rules, which start
//! from a cue, cannot see them.
//!
//! Only long quotations count (short ones are scare quotes, titles and nicknames), and not those
//! a dash introduces (a headline's or a list's quoted title) nor those holding markup. The
//! speaker is taken only where the text names it right after the closing mark ("― Name",
//! "…,” said Name", "…,” Name said"); otherwise it is left unknown rather than guessed.

use brief_core::{Quote, Span};

use super::direct::Quoted;
use super::speaker;

/// Fewest words (as `split_whitespace` counts them) a quotation needs to be a statement alone.
const MIN_WORDS: usize = 8;

/// Verbs of saying that name a speaker beside a quotation ("said Name", "Name told").
pub(crate) const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "asked",
    "asks",
    "explained",
    "explains",
    "continued",
    "continues",
    "recalled",
    "recalls",
    "noted",
    "notes",
    "argued",
    "argues",
    "insisted",
    "insists",
    "declared",
    "declares",
    "stated",
    "states",
    "replied",
    "replies",
    "responded",
    "responds",
    "tweeted",
    "yelled",
    "shouted",
    "remembered",
];

/// Lower-case words a name may hold between its capitalised ones ("Bank of England").
const NAME_JOINERS: &[&str] = &["of", "the", "de", "van", "von"];

/// Most words a speaker's name after a quotation may have.
const MAX_NAME_WORDS: usize = 6;

/// Most words between two quotations of one paragraph for them to be one statement's parts
/// ("“A,” she said, citing the report. “B.”": PolNeAR's content is the whole stretch).
const MAX_WORDS_BETWEEN: usize = 30;

/// Adds, to the statements found, every long quotation none of them overlaps, as a direct
/// statement without a cue. Quotations of one paragraph with only a few words between them
/// are one statement; one that follows a direct statement so closely continues it.
pub(super) fn add(text: &str, quoted: &[Quoted], quotes: &mut Vec<Quote>) {
    // A span overlaps a statement found so far when one that starts before it ends reaches
    // past its start.
    let reach = super::Reach::new(quotes.iter().map(|q| q.content));
    let overlaps_found = |span: Span| reach.end_before(span.end) > span.start;
    // The statements found so far by where they end, to find the one that ends last before
    // a run (the latest listed among equals, as a scan keeping the latest maximum would).
    let mut by_end: Vec<(usize, usize)> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| (q.content.end, i))
        .collect();
    by_end.sort_unstable();
    // The one a run extended last, with its new end: it ends after any run before, so only
    // the latest can end after the statement `by_end` gives.
    let mut extended: Option<(usize, usize)> = None;
    let mut runs: Vec<Run> = Vec::new();
    for q in quoted {
        let content = q.inner;
        if content.is_empty() || content.end > text.len() || overlaps_found(content) {
            continue;
        }
        let words = text[content.start..content.end].split_whitespace().count();
        if let Some(run) = runs.last_mut() {
            let gap = Span::new(run.end, q.open.start);
            if gap.start <= gap.end && close_in_paragraph(text, gap) && !overlaps_found(gap) {
                run.content.end = content.end;
                run.words += words;
                run.end = q.end;
                continue;
            }
        }
        runs.push(Run {
            open: q.open,
            content,
            words,
            end: q.end,
        });
    }
    for Run {
        open,
        content,
        words,
        end,
    } in runs
    {
        let body = &text[content.start..content.end];
        if words < MIN_WORDS
            || body.contains(['<', '>'])
            || body.contains("=\"")
            || after_dash(&text[..open.start])
        {
            continue;
        }
        // A direct statement shortly before, with no other statement between, goes on here.
        let ended = by_end.partition_point(|&(end, _)| end <= open.start);
        let before = ended
            .checked_sub(1)
            .map(|k| by_end[k])
            .max(extended.filter(|&(end, _)| end <= open.start));
        if let Some((end, i)) = before {
            let gap = Span::new(end, open.start);
            if quotes[i].direct && close_in_paragraph(text, gap) {
                quotes[i].content.end = content.end;
                extended = Some((content.end, i));
                continue;
            }
        }
        quotes.push(Quote {
            content,
            direct: true,
            cue: None,
            speaker: named_after(text, end).map(|s| speaker(text, s)),
        });
    }
}

/// Uncovered quotations of one paragraph taken as one statement.
struct Run {
    /// The first one's opening mark.
    open: Span,
    /// From the first one's words to the last one's.
    content: Span,
    /// Their words, the ones between them not counted.
    words: usize,
    /// One past the last one's closing mark.
    end: usize,
}

/// True when `gap` stays within a paragraph and holds at most [`MAX_WORDS_BETWEEN`] words.
fn close_in_paragraph(text: &str, gap: Span) -> bool {
    let between = &text[gap.start..gap.end];
    !between.contains('\n') && between.split_whitespace().count() <= MAX_WORDS_BETWEEN
}

/// True when `before` ends with a dash and optional spaces, within its last three characters.
fn after_dash(before: &str) -> bool {
    before
        .chars()
        .rev()
        .take(3)
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| matches!(c, '―' | '—' | '–' | '-'))
}

/// The speaker the text names right after a quotation's closing mark (`at`): "― Name",
/// "said Name", "Name said" or "he said".
fn named_after(text: &str, at: usize) -> Option<Span> {
    let rest = text.get(at..)?;
    let skipped = rest.len() - rest.trim_start().len();
    let after_space = at + skipped;
    let words = Words::new(text, after_space);
    // "― Name"
    let trimmed = rest.trim_start();
    if let Some(dash) = trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, '―' | '—' | '–' | '-'))
    {
        let from = after_space + trimmed.find(|c: char| c != dash).unwrap_or(trimmed.len());
        return name_at(text, from);
    }
    // "said Name" (after an optional comma)
    let mut words = words.skip_comma();
    let (first, after_first) = words.next_word()?;
    if SAYING.contains(&first.to_ascii_lowercase().as_str()) {
        return name_at(text, after_first);
    }
    // "Name said", "he said"
    let start = after_first - first.len();
    let name = if matches!(first, "He" | "he" | "She" | "she" | "They" | "they") {
        Some(Span::new(start, after_first))
    } else {
        name_at(text, start)
    }?;
    let (verb, _) = Words::new(text, name.end).next_word()?;
    SAYING
        .contains(&verb.to_ascii_lowercase().as_str())
        .then_some(name)
}

/// A capitalised name starting at byte `from` (after spaces): capitalised words, with
/// [`NAME_JOINERS`] between them, at most [`MAX_NAME_WORDS`].
fn name_at(text: &str, from: usize) -> Option<Span> {
    let mut words = Words::new(text, from);
    let mut span: Option<Span> = None;
    for _ in 0..MAX_NAME_WORDS {
        let Some((word, end)) = words.next_word() else {
            break;
        };
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if capitalised {
            span = Some(Span::new(span.map_or(end - word.len(), |s| s.start), end));
        } else if span.is_none() || !NAME_JOINERS.contains(&word) {
            break;
        }
    }
    span
}

/// Words of the text from a byte on: runs of letters, digits and the marks inside names
/// ("O’Neill", "Jean-Paul", "Jr."), spaces skipped, anything else ending the walk.
struct Words<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Words<'t> {
    fn new(text: &'t str, at: usize) -> Self {
        Words { text, at }
    }

    /// Steps over spaces and one comma.
    fn skip_comma(mut self) -> Self {
        let rest = &self.text[self.at..];
        let trimmed = rest.trim_start();
        self.at += rest.len() - trimmed.len();
        if trimmed.starts_with(',') {
            self.at += 1;
        }
        self
    }

    /// The next word and the byte after it; none when something other than a word comes
    /// next.
    fn next_word(&mut self) -> Option<(&'t str, usize)> {
        let rest = &self.text[self.at..];
        let trimmed = rest.trim_start();
        let start = self.at + rest.len() - trimmed.len();
        let len = trimmed
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-')))
            .unwrap_or(trimmed.len());
        let mut word = trimmed[..len].trim_end_matches('-');
        // A final period ends the sentence, except after an abbreviation ("Mr.", "J.").
        if let Some(stem) = word.strip_suffix('.') {
            if stem.chars().count() > 3 || stem.contains('.') {
                word = stem.trim_end_matches('.');
            }
        }
        if word.is_empty() || !word.chars().next().is_some_and(char::is_alphanumeric) {
            return None;
        }
        self.at = start + word.len();
        Some((word, self.at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str, after: &str) -> Option<String> {
        let at = text.find(after).expect("marker") + after.len();
        named_after(text, at).map(|s| text[s.start..s.end].to_string())
    }

    #[test]
    fn speakers_named_after_the_closing_mark() {
        assert_eq!(
            named("“It is over.” ― Veronica Cruz “As a", "”"),
            Some("Veronica Cruz".into())
        );
        assert_eq!(
            named("“It is over,” said Bank of England governor", "”"),
            Some("Bank of England".into())
        );
        assert_eq!(
            named("“It is over,” Mr. Smith told reporters.", "”"),
            Some("Mr. Smith".into())
        );
        assert_eq!(named("“It is over,” she said.", "”"), Some("she".into()));
        assert_eq!(named("“It is over,” the report went on.", "”"), None);
        assert_eq!(named("“It is over.” Then came the vote.", "”"), None);
    }

    #[test]
    fn a_dash_before_the_opening_mark_is_found_within_three_characters() {
        assert!(after_dash("Headlines — "));
        assert!(after_dash("x―"));
        assert!(!after_dash("He said: "));
        assert!(!after_dash("- and then "));
    }
}
