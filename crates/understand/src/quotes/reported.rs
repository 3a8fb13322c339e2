//! Reported speech and the attribution of quotes: the frames around a cue.
//!
//! For each cue of a sentence the frame is decided from what stands beside it: a comma or a
//! closing quote just before the speaker means the content came first (`CLAUSE, X said`);
//! "according to" has frames of its own; otherwise the content follows the cue (`X said
//! CLAUSE`) and runs to the end of the clause. See the module doc of `quotes` for the list.

use brief_core::{Document, Quote, Span};

use super::direct::Quoted;
use super::score::{self, Features};
use super::speaker::{left_of, right_of, subject};
use super::{cues, is_ly_adverb, speaker, Sent, WordList, AUXILIARIES};

/// A statement found, with what later steps need to know about it.
pub(super) struct Found {
    pub quote: Quote,
    /// Index of the sentence holding its cue.
    pub sentence: usize,
    /// The frame it was found in.
    pub kind: Kind,
    /// The scorer's features of its context.
    pub features: Features,
}

/// Cues that take a listener before their content: "told reporters (that) …".
const TELL: WordList = WordList::new(&[
    "asked", "asking", "asks", "assured", "informed", "reminded", "tell", "telling", "tells",
    "told", "warned", "warning",
]);

/// Cues whose object is always the listener, never an inverted speaker: in "“…,” Lidia
/// Bersani, told CNN", CNN heard it ("“…,” asked Smith" and "warned Smith" do invert).
const NEVER_INVERTED: WordList =
    WordList::new(&["assured", "informed", "reminded", "tell", "tells", "told"]);

/// Words before a cue that make it a noun or an infinitive, not a finite cue: "the report",
/// "to say". PolNeAR annotates some nominal cues, but most of these occurrences are not
/// attributions.
const NOT_BEFORE_CUE: WordList = WordList::new(&[
    "a", "an", "her", "his", "its", "my", "our", "the", "their", "this", "to", "your",
]);

/// Words that open the subject of a clause: after a listener, "told reporters he …" starts
/// the content at "he".
const CLAUSE_OPENERS: WordList = WordList::new(&[
    "a", "an", "he", "her", "his", "i", "it", "its", "she", "that", "the", "their", "there",
    "these", "they", "this", "those", "we", "what", "whether", "you",
]);

/// True when token `i` opens a clause's subject: a [`CLAUSE_OPENERS`] word, also with a
/// contracted verb ("he's", "they’re").
fn opens_clause(s: &Sent, i: usize) -> bool {
    let word = s.word(i);
    let base = word.split(['\'', '’']).next().unwrap_or(word);
    CLAUSE_OPENERS.contains(base)
}

/// Determiners that open a listener right after a cue of telling ("told the court").
const LISTENER_DETERMINERS: WordList = WordList::new(&[
    "a", "an", "her", "his", "its", "my", "our", "the", "their", "your",
]);

/// Forms of "be" before a passive cue ("was told").
pub(super) const BE_FORMS: WordList =
    WordList::new(&["are", "be", "been", "being", "is", "was", "were"]);

/// Words after a comma that start what is no longer the reported clause: a subordinate
/// clause ("…, while 95 members favored Clinton"). (Relative pronouns and appositives were
/// measured too: cutting there costs as much as it gains.)
const CLAUSE_ENDS: WordList =
    WordList::new(&["although", "but", "despite", "even", "though", "while"]);

/// Relative pronouns that can be the subject of a cue.
const RELATIVES: WordList = WordList::new(&["that", "which", "who"]);

/// The longest sentence that is only an attribution ("Mr. Smith said on Tuesday.").
const SHORT_ATTRIBUTION: usize = 8;

/// How far after a cue a "that" may introduce its content ("said on Tuesday that …").
const THAT_WINDOW: usize = 8;

/// The longest tail after a cue ("said in a statement on Tuesday") that still leaves the
/// content before it.
const SHORT_TAIL: usize = 8;

/// Most tokens of a sentence whose attributions are read (news sentences have well under a
/// hundred).
const MAX_SENTENCE_TOKENS: usize = 400;

/// Finds the statements whose cue is in sentence `index` and adds them to `out`.
pub(super) fn in_sentence(
    s: &Sent,
    index: usize,
    doc: &Document,
    quoted: &[Quoted],
    out: &mut Vec<Found>,
) {
    // Headlines are written differently ("Trump blasts …"): subheads, and a first sentence
    // that is a paragraph of its own (a title line).
    let alone = index == 0
        && doc
            .sentences
            .get(1)
            .is_some_and(|next| next.paragraph != doc.sentences[0].paragraph);
    let heading = alone || doc.sentences.get(index).is_some_and(|x| x.is_heading);
    let n = s.len();
    // A "sentence" of thousands of tokens is text without full stops (a list, a transcript, a
    // bad page), not a clause to read an attribution from; each cue's frame and readings scan
    // the sentence, so reading one would take time quadratic in its length.
    if !(3..=MAX_SENTENCE_TOKENS).contains(&n) {
        return;
    }
    let body_end = body_end(s);
    let first_in_sentence = out.len();
    if let Some(mut frame) = colon(s, body_end) {
        // A speaker's label opening a paragraph (a transcript) owns the paragraph.
        let paragraph = doc.sentences[index].paragraph;
        let opens_paragraph = index == 0 || doc.sentences[index - 1].paragraph != paragraph;
        let last = doc.sentences[index..]
            .iter()
            .take_while(|x| x.paragraph == paragraph)
            .last();
        if let Some(last) = last.filter(|_| opens_paragraph && !heading) {
            let l = Sent {
                text: s.text,
                toks: &last.tokens,
            };
            let end = self::body_end(&l);
            if end > 0 {
                frame.content.end = frame.content.end.max(l.toks[end - 1].span.end);
            }
        }
        let features = score::context(s, frame.cue.0, &frame, heading);
        out.push(frame.into_found(s, index, features));
    }
    for (c, cue_word) in cues::words_in(s.text, s.toks) {
        // A cue inside a direct quote is the speaker's own words, not an attribution of ours.
        if super::direct::inside(quoted, s.toks[c].span.start) {
            continue;
        }
        let frames = if cue_word.according && s.is_word_eq(c + 1, "to") {
            according(s, c, body_end).into_iter().collect()
        } else if cue_word.cue {
            if (c > 0 && NOT_BEFORE_CUE.has(s, c - 1)) || (!heading && inside_name(s, c)) {
                continue;
            }
            let speakers = &out[first_in_sentence..];
            verb(s, c, body_end, quoted, doc, index, speakers)
        } else {
            continue;
        };
        for frame in frames {
            let features = score::context(s, c, &frame, heading);
            out.push(frame.into_found(s, index, features));
        }
    }
}

/// True when the capitalised cue at token `c` is part of a name ("19-year-old Mohamed Said
/// Ismail Musallam", "CNN's Samira Said, Roba Alhenawi …"): after a capitalised word and
/// before another or a mark, in a sentence not written in title case ("Trump Says Clinton
/// Is Wrong About the Deal", where every word of four letters or more is capitalised).
fn inside_name(s: &Sent, c: usize) -> bool {
    let ends_name = s.is_capitalized(c + 1) || (c + 1 < s.len() && !s.is_word(c + 1));
    c > 0
        && s.is_capitalized(c)
        && s.is_capitalized(c - 1)
        && ends_name
        && (0..s.len())
            .any(|i| s.is_word(i) && !s.is_capitalized(i) && s.word(i).chars().nth(3).is_some())
}

/// Which frame a statement was found in: a feature of the scorer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// "According to X, CLAUSE".
    AccordingFirst,
    /// "CLAUSE, according to X".
    AccordingAfter,
    /// "CLAUSE, said X" / "“QUOTE,” said X".
    Inverted,
    /// "CLAUSE, X said" / "“QUOTE,” X said".
    Postposed,
    /// "“QUOTE.” ¶ X said."
    QuoteBefore,
    /// "X said CLAUSE".
    After,
    /// "…, adding CLAUSE", "… and said CLAUSE": the speaker is the sentence's.
    Inherited,
    /// "X, who said CLAUSE, …".
    Relative,
    /// "Elizabeth Warren: Trump Is a ‘Proven Failure’": a name and a colon (headlines,
    /// transcripts).
    Colon,
}

impl Kind {
    pub(super) fn name(self) -> &'static str {
        match self {
            Kind::AccordingFirst => "according-first",
            Kind::AccordingAfter => "according-after",
            Kind::Inverted => "inverted",
            Kind::Postposed => "postposed",
            Kind::QuoteBefore => "quote-before",
            Kind::After => "after",
            Kind::Inherited => "inherited",
            Kind::Relative => "relative",
            Kind::Colon => "colon",
        }
    }
}

/// A statement in token terms, before it becomes a [`Quote`].
pub(super) struct Frame {
    pub kind: Kind,
    pub content: Span,
    direct: bool,
    pub cue: (usize, usize),
    pub speaker: Option<Span>,
    /// The phrase naming the speaker when the speaker is a relative pronoun ("who").
    named_by: Option<Span>,
}

impl Frame {
    /// A frame whose content comes before its cue.
    fn before(
        kind: Kind,
        (content, direct): (Span, bool),
        cue: (usize, usize),
        speaker: Option<Span>,
    ) -> Self {
        Frame {
            kind,
            content,
            direct,
            cue,
            speaker,
            named_by: None,
        }
    }

    fn into_found(self, s: &Sent, sentence: usize, features: Features) -> Found {
        let cue = Span::new(s.toks[self.cue.0].span.start, s.toks[self.cue.1].span.end);
        Found {
            quote: Quote {
                content: self.content,
                direct: self.direct,
                cue: Some(cue),
                speaker: self.speaker.map(|sp| {
                    let mut found = speaker(s.text, sp);
                    if let Some(name) = self.named_by {
                        found.canonical = speaker(s.text, name).canonical;
                    }
                    found
                }),
            },
            sentence,
            kind: self.kind,
            features,
        }
    }
}

/// Token range to byte span.
fn span(s: &Sent, (a, b): (usize, usize)) -> Span {
    Span::new(s.toks[a].span.start, s.toks[b].span.end)
}

/// One past the last token of the sentence's body: final periods and marks are not content.
fn body_end(s: &Sent) -> usize {
    let mut end = s.len();
    while end > 0
        && [".", "!", "?", "…", ";"]
            .iter()
            .any(|p| s.is_punct(end - 1, p))
    {
        end -= 1;
    }
    end
}

/// Labels that a colon follows without anyone speaking ("Editor's note:", "Watch:").
const NOT_SPEAKERS: WordList = WordList::new(&[
    "breaking",
    "correction",
    "editor",
    "editor's",
    "exclusive",
    "note",
    "photo",
    "photos",
    "read",
    "update",
    "video",
    "watch",
]);

/// "Elizabeth Warren: Donald Trump Is a ‘Proven Failure’", "KATE BOULDUAN: Why not debate?":
/// a short capitalised name, a colon, and what they said.
fn colon(s: &Sent, body_end: usize) -> Option<Frame> {
    // A transcript quoted over several paragraphs reopens each with a mark: "\"PENCE: Well, …".
    let first = usize::from(s.is_quote(0));
    let colon = (first + 1..s.len().min(first + 7)).find(|&i| s.is_punct(i, ":"))?;
    let name_ok = (first..colon)
        .all(|i| (s.is_capitalized(i) || s.is_punct(i, ".")) && !NOT_SPEAKERS.has(s, i));
    let start = colon + 1;
    (name_ok && s.is_capitalized(first) && start + 1 < body_end).then(|| Frame {
        kind: Kind::Colon,
        content: span(s, (start, body_end - 1)),
        direct: false,
        cue: (colon, colon),
        speaker: Some(span(s, (first, colon - 1))),
        named_by: None,
    })
}

/// "according to X, CLAUSE" / "CLAUSE, according to X".
fn according(s: &Sent, c: usize, body_end: usize) -> Option<Frame> {
    let source = right_of(s, c + 2);
    let cue = (c, c + 1);
    let speaker = source.map(|np| span(s, np));
    // At the start of the sentence (maybe after a conjunction): the content follows the
    // source's closing comma.
    let leading = c == 0 || (c == 1 && s.is_word(0));
    if leading {
        let after = source.map_or(c + 2, |(_, last)| last + 1);
        let comma = (after..body_end).find(|&i| s.is_punct(i, ","))?;
        let start = comma + 1;
        return (start < body_end).then(|| Frame {
            kind: Kind::AccordingFirst,
            content: span(s, (start, body_end - 1)),
            direct: false,
            cue,
            speaker,
            named_by: None,
        });
    }
    let mut end = c;
    while end > 0 && !s.is_word(end - 1) && !s.is_number(end - 1) && !s.is_quote(end - 1) {
        end -= 1;
    }
    // "Turnout, according to officials, was the lowest in decades": a clause that resumes
    // after the source is one content around the cue.
    let resumes = source.is_some_and(|(_, last)| {
        s.is_punct(last + 1, ",") && (last + 2 < body_end) && s.is_punct(c.saturating_sub(1), ",")
    });
    let end = if resumes { body_end } else { end };
    (end > 0).then(|| Frame {
        kind: Kind::AccordingAfter,
        content: span(s, (0, end - 1)),
        direct: false,
        cue,
        speaker,
        named_by: None,
    })
}

/// The frame of a verb cue at token `c`.
#[allow(clippy::too_many_arguments)]
fn verb(
    s: &Sent,
    c: usize,
    body_end: usize,
    quoted: &[Quoted],
    doc: &Document,
    index: usize,
    earlier: &[Found],
) -> Vec<Frame> {
    // Auxiliaries and adverbs before the verb belong to the cue.
    let mut a = c;
    while a > 0 && (AUXILIARIES.has(s, a - 1) || is_ly_adverb(s, a - 1)) {
        a -= 1;
    }
    let cue_range = (a, c);
    let before = a.checked_sub(1);

    // "Jones, 62, who lives nearby, said …", "“…,” Rep. Jane Doe, Democrat of Ohio, told
    // …": the subject's appositive ends in the comma; the subject opens the sentence or
    // follows the content.
    let appositive_subject = before
        .filter(|&b| s.is_punct(b, ","))
        .and_then(|b| left_of(s, b))
        .filter(|&(first, _)| first == 0 || closes_clause(s, first - 1));
    // "CLAUSE, said X." / "“QUOTE,” said X." (a finite verb: "…, saying" is a participle).
    let participle = s.word(c).ends_with("ing");
    if let Some(b) = before.filter(|&b| {
        closes_clause(s, b)
            && !participle
            && appositive_subject.is_none()
            && !NEVER_INVERTED.has(s, c)
    }) {
        // "…, said China and Russia have …" is no inverted speaker: a clause follows.
        let speaker = right_of(s, c + 1).filter(|np| adverbial(s, np.1 + 1, body_end));
        if let Some(np) = speaker {
            if let Some(content) = content_before(s, b, quoted) {
                let tail = np.1 + 1;
                let frame = Frame::before(Kind::Inverted, content, cue_range, Some(span(s, np)));
                return vec![around(s, frame, tail, true, body_end, quoted)];
            }
        }
    }

    // A participle or a coordinated verb takes the speaker of the sentence:
    // "…, adding that …", "… and said …".
    let inherits = before.is_some_and(|b| {
        (s.is_punct(b, ",") && s.word(c).ends_with("ing"))
            || s.is_word_eq(b, "and")
            || s.is_word_eq(b, "but")
    });
    let np = if inherits {
        earlier
            .last()
            .and_then(|f| f.quote.speaker.as_ref().map(|sp| sp.span))
            .or_else(|| subject(s, c).map(|np| span(s, np)))
            .map(|sp| (sp, None))
    } else {
        before
            .and_then(|b| subject_of(s, b))
            .map(|np| (span(s, np), Some(np)))
    };

    // "CLAUSE, X said." / "“QUOTE,” X said, “MORE.”"
    if let Some((sp, Some((first, _)))) = np {
        // After a closing quote the quote is the content, whatever follows ("“…,” he told
        // a crowd in Berea", "“…,” he said when asked if that …"), unless "that", a colon or
        // a quote opens right after the cue; after a comma only a short adverbial may follow.
        let t = tail(s, c, body_end);
        let after_quote = first > 0 && s.is_quote(first - 1);
        let opens_content = s.is_word_eq(c + 1, "that")
            || s.is_punct(c + 1, ":")
            || s.is_quote(c + 1)
            || that_after_adverbial(s, c, body_end);
        // "“Fox News Sunday,” Pence said his running mate …": a clause right after the cue
        // is its content, so the quote before it is a title, not the statement.
        let clause_follows = !TELL.has(s, c) && !adverbial(s, c + 1, body_end);
        // "…, Wilkin said during his campaign speech to be a national delegate": a long
        // adverbial after the cue is no content either.
        let long_adverbial = t == Tail::Long
            && ["during", "while", "as", "when", "after"]
                .iter()
                .any(|w| s.is_word_eq(c + 1, w));
        // "“…,” she said and quickly hung up": a second predicate, no content.
        let coordinated = s.is_word_eq(c + 1, "and") || s.is_word_eq(c + 1, "but");
        let fits = t == Tail::Short
            || long_adverbial
            || (after_quote && (coordinated || (!opens_content && !clause_follows)));
        if first > 0 && closes_clause(s, first - 1) && fits {
            if let Some(content) = content_before(s, first - 1, quoted) {
                let frame = Frame::before(Kind::Postposed, content, cue_range, Some(sp));
                return vec![around(s, frame, c + 1, false, body_end, quoted)];
            }
        }
        // "X said." after a quote of its own sentence: the quote is the content.
        if first == 0 && t == Tail::Short {
            if let Some(q) = quote_before_sentence(s, quoted) {
                return vec![Frame {
                    kind: Kind::QuoteBefore,
                    content: q.inner,
                    direct: true,
                    cue: cue_range,
                    speaker: Some(sp),
                    named_by: None,
                }];
            }
        }
    }

    // "X said (that) CLAUSE", "X told Y CLAUSE", "X said: “QUOTE”".
    // No subject before the cue: an inverted "Said X: …", or none at all.
    let speaker = np
        .map(|(sp, _)| sp)
        .or_else(|| right_of(s, c + 1).filter(|_| a == 0).map(|np| span(s, np)));
    // "Trump, who said the race was rigged, lost": the relative clause ends at its comma.
    let relative = before.filter(|&b| !inherits && RELATIVES.has(s, b));
    let end = match relative {
        Some(b) if b > 0 && s.is_punct(b - 1, ",") => (c + 1..body_end)
            .find(|&i| s.is_punct(i, ","))
            .unwrap_or(body_end),
        _ => body_end,
    };
    // The relative pronoun is the speaker, named by its antecedent.
    let (speaker, named_by) = match relative {
        Some(b) => (Some(span(s, (b, b))), speaker),
        None => (speaker, None),
    };
    let kind = if relative.is_some() {
        Kind::Relative
    } else if inherits {
        Kind::Inherited
    } else {
        Kind::After
    };
    content_after(s, c, end, quoted, doc, index)
        .map(|(content, direct)| Frame {
            kind,
            content,
            direct,
            cue: cue_range,
            speaker,
            named_by,
        })
        .into_iter()
        .collect()
}

/// The subject of a cue whose preceding token is `b`: a noun phrase, or through a relative
/// pronoun ("Trump, who said …") the phrase it refers to.
fn subject_of(s: &Sent, b: usize) -> Option<(usize, usize)> {
    if RELATIVES.has(s, b) {
        let e = b.checked_sub(1)?;
        let e = if s.is_punct(e, ",") {
            e.checked_sub(1)?
        } else {
            e
        };
        return left_of(s, e);
    }
    // "The candidates, Clinton and Sanders, have promised": when no appositive is stepped
    // over, the phrase before the comma still names the speaker.
    left_of(s, b).or_else(|| {
        s.is_punct(b, ",")
            .then(|| b.checked_sub(1).and_then(|e| left_of(s, e)))
            .flatten()
    })
}

/// True when token `b` ends a clause that a post-posed attribution follows: a comma, a
/// closing quote, a dash.
fn closes_clause(s: &Sent, b: usize) -> bool {
    s.is_punct(b, ",") || s.is_punct(b, "—") || s.is_punct(b, "--") || s.is_quote(b)
}

/// What follows a cue (from token `from`) up to the sentence end or a comma.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tail {
    /// A few words at most: a time, place or manner adverbial ("said on Tuesday").
    Short,
    /// Longer, but no content of its own: no "that", colon or quote opens it.
    Long,
    /// "that", a colon or a quote: the cue's content follows it.
    Content,
}

fn tail(s: &Sent, c: usize, body_end: usize) -> Tail {
    // "told reporters": the listener is part of the attribution.
    let from = listener_end(s, c, body_end);
    // "…, the FBI said it would cooperate": a clause of its own after the cue is its content.
    if !adverbial(s, from, body_end) {
        return Tail::Content;
    }
    let mut i = from;
    while i < body_end {
        if s.is_punct(i, ",") || s.is_punct(i, "—") {
            break;
        }
        if s.is_word_eq(i, "that") || s.is_punct(i, ":") || s.is_quote(i) {
            return Tail::Content;
        }
        i += 1;
    }
    if i - from <= SHORT_TAIL {
        Tail::Short
    } else {
        Tail::Long
    }
}

/// True when what starts at token `i` is no clause: the end of the sentence, a comma or dash,
/// or a time, place or manner adverbial ("on Tuesday", "in a statement", "when asked").
fn adverbial(s: &Sent, i: usize, body_end: usize) -> bool {
    i >= body_end
        || [",", "—", "–", "(", "-"].iter().any(|p| s.is_punct(i, p))
        || ADVERBIAL_STARTS.has(s, i)
        || super::is_time_word(s, i)
        || is_ly_adverb(s, i)
        || span_of_time(s, i)
}

/// True when "that" opens the cue's content after an adverbial ("“Parasite” director Bong
/// Joon Ho said backstage that …", "said on Tuesday that …"): the words after the cue are
/// the statement, and a quotation before it is no content of the cue.
fn that_after_adverbial(s: &Sent, c: usize, body_end: usize) -> bool {
    c + 1 < body_end
        && adverbial(s, c + 1, body_end)
        && (c + 2..body_end.min(c + 1 + THAT_WINDOW))
            .take_while(|&i| s.is_word(i) || s.is_number(i))
            .any(|i| s.is_word_eq(i, "that"))
}

/// Units of a span of time.
const TIME_UNITS: WordList = WordList::new(&[
    "days", "decades", "hours", "minutes", "moments", "month", "months", "week", "weeks", "year",
    "years",
]);

/// Words that place a span of time before or after the telling.
const TIME_SPAN_ENDS: WordList = WordList::new(&["ago", "earlier", "later"]);

/// True when a span of time opens at token `i` ("weeks later", "two days earlier", "a year
/// ago"): when the telling was, not what was told.
fn span_of_time(s: &Sent, i: usize) -> bool {
    (TIME_UNITS.has(s, i) && TIME_SPAN_ENDS.has(s, i + 1))
        || (TIME_UNITS.has(s, i + 1) && TIME_SPAN_ENDS.has(s, i + 2))
}

/// Words that open an adverbial after a cue, or a relative clause after its speaker ("…,”
/// said Sen. Jim Whelan, who represents …").
const ADVERBIAL_STARTS: WordList = WordList::new(&[
    "aboard",
    "about",
    "abroad",
    "across",
    "after",
    "afterward",
    "afterwards",
    "again",
    "already",
    "also",
    "amid",
    "among",
    "around",
    "as",
    "at",
    "backstage",
    "before",
    "behind",
    "beside",
    "by",
    "despite",
    "during",
    "earlier",
    "early",
    "elsewhere",
    "following",
    "from",
    "here",
    "in",
    "inside",
    "last",
    "late",
    "later",
    "now",
    "of",
    "offstage",
    "on",
    "once",
    "onstage",
    "outside",
    "overnight",
    "recently",
    "since",
    "then",
    "there",
    "through",
    "throughout",
    "to",
    "today",
    "tonight",
    "too",
    "toward",
    "towards",
    "twice",
    "under",
    "upon",
    "via",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whose",
    "with",
    "within",
    "without",
    "yesterday",
]);

/// The content that ends at token `b` (a comma or closing quote before the attribution).
/// When a quote closes there, its words, from its opening mark (maybe sentences back);
/// otherwise the clause from the sentence start.
fn content_before(s: &Sent, b: usize, quoted: &[Quoted]) -> Option<(Span, bool)> {
    // The closing mark: at `b`, or just before a comma at `b` (British style: ‘…’, he said).
    let mark = if s.is_quote(b) {
        Some(b)
    } else if b > 0 && s.is_quote(b - 1) {
        Some(b - 1)
    } else {
        None
    };
    if let Some(m) = mark {
        let end = s.toks[m].span.end;
        if let Some(q) = super::direct::ending_at(quoted, end) {
            // Words before the quote in this sentence make it a partial quote, unless it is
            // an utterance of its own run on from text that lost its full stop (a photo
            // caption: "… by Lauren Davis on Wednesday 'I've never beaten her before …,'
            // said Davis"): it opens with a capital right after a word that no cue is.
            let sentence_start = s.toks[0].span.start;
            if q.open.start > sentence_start {
                let first = s.toks.iter().position(|t| t.span.start >= q.open.start)?;
                let run_on = first > 0
                    && s.is_capitalized(first + 1)
                    && s.is_word(first - 1)
                    && !cues::word_at(s.text, s.toks[first - 1].span).cue
                    && !s.is_word_eq(first - 1, "that");
                if first > 0 && !run_on && (0..first).any(|i| s.is_word(i)) {
                    return Some((Span::new(sentence_start, q.end), false));
                }
            }
            return Some((q.inner, true));
        }
    }
    let end = (0..b).rev().find(|&i| !closes_clause(s, i))?;
    // "…, when, in fact, he responded quickly": a cue in a subordinate clause reports
    // nothing before it.
    let subordinate = SUBORDINATORS.has(s, end)
        || (end.saturating_sub(PARENTHETICAL_WORDS)..end)
            .any(|i| SUBORDINATORS.has(s, i) && s.is_punct(i + 1, ","));
    if subordinate {
        return None;
    }
    (end > 0 || s.is_word(0)).then(|| (span(s, (0, end)), false))
}

/// Words that open a subordinate clause a cue inside cannot report out of. Not "as" ("…, as
/// he said," reports what comes before it), unlike the list of `bounds.rs`, which ends a
/// leading clause at its comma.
const SUBORDINATORS: WordList = WordList::new(&[
    "after", "although", "because", "before", "if", "since", "though", "unless", "until", "when",
    "whereas", "while",
]);

/// Most words of an aside between a subordinator and its clause ("when, in fact, he …").
const PARENTHETICAL_WORDS: usize = 3;

/// A post-posed attribution: content before, maybe resumed after the tail
/// ("“QUOTE,” X said, “MORE.”", "CLAUSE, X said, CLAUSE").
fn around(
    s: &Sent,
    mut frame: Frame,
    tail: usize,
    inverted: bool,
    body_end: usize,
    quoted: &[Quoted],
) -> Frame {
    let resume = (tail..body_end.min(tail + SHORT_TAIL + 1)).find(|&i| s.is_punct(i, ","));
    if let Some(comma) = resume {
        let next = comma + 1;
        // "said Ann Lewis, a longtime adviser": an appositive of the speaker, not content.
        // "…,” he said, arguing that …": a participle starts an attribution of its own.
        // "…,” Carson said on NBC, but he said …": a clause of its own; "…, the agency said in
        // a report, and those in the bottom fifth paid …" goes on with the content.
        let conjunction = ["and", "but", "or"].iter().any(|w| s.is_word_eq(next, w));
        let new_clause = s.is_word(next) && s.word(next).ends_with("ing")
            || (conjunction
                && (next + 1..body_end.min(next + SAYING_WINDOW)).any(|i| saying(s, i)));
        // After an inverted speaker ("…,” said Ann Lewis, …") only a quote resumes the content:
        // anything else is the speaker's appositive ("president of the academy").
        // A quote resumes only as a quote ("“…,” she said, in a message to …" is no content).
        let appositive = (inverted || frame.direct) && !s.is_quote(next);
        // "told a crowd in Berea, Ohio on Tuesday": a place name continues the adverbial.
        let place = s.is_capitalized(next) && !super::speaker::PRONOUNS.has(s, next) && {
            let after = next + 1;
            after >= body_end || adverbial(s, after, body_end)
        };
        if next < body_end && !appositive && !new_clause && !place {
            let end = s
                .is_quote(next)
                .then(|| super::direct::opening_at(quoted, s.toks[next].span.start))
                .flatten()
                .map_or(s.toks[body_end - 1].span.end, |q| q.inner.end);
            frame.content = Span::new(frame.content.start, end.max(frame.content.end));
        }
    }
    frame
}

/// How many tokens after a conjunction a verb of saying makes it open an attribution of its
/// own ("…, but he later said …").
const SAYING_WINDOW: usize = 6;

/// True for a verb of saying at token `i` ("said", "added").
fn saying(s: &Sent, i: usize) -> bool {
    s.is_word(i)
        && super::SAYING
            .iter()
            .any(|w| s.word(i).eq_ignore_ascii_case(w))
}

/// The quote that ends just before this sentence ("“…” ¶ X said." split by the segmenter).
/// Only in the same paragraph, only for a sentence that is no more than the attribution, and
/// only for a quote that opens a sentence of its own: one that ends a longer sentence ("…
/// argued that the station violated an order “directing the facility …” ¶ Cornell spoke with
/// reporter Tricia Macke.") is that sentence's.
fn quote_before_sentence<'q>(s: &Sent, quoted: &'q [Quoted]) -> Option<&'q Quoted> {
    let start = s.toks[0].span.start;
    if s.len() > SHORT_ATTRIBUTION {
        return None;
    }
    // Only the last quote to end before the sentence can be right before it: any earlier
    // one has that quote between.
    let k = quoted.partition_point(|q| q.end <= start);
    k.checked_sub(1).map(|k| &quoted[k]).filter(|q| {
        let gap = &s.text[q.end..start];
        gap.trim().is_empty() && !gap.contains('\n') && opens_sentence(s.text, q.open.start)
    })
}

/// True when byte `at` opens a sentence: only spaces, and before them the start of the
/// text, a line break or a sentence's closing mark (possibly inside a closing quote), come
/// before it.
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t']);
    let before = before.trim_end_matches(['"', '”', '’', '\'', ')']);
    before.is_empty() || before.ends_with(['\n', '.', '!', '?', ':'])
}

/// The content after a cue ending at token `c`: a quote opening there, else the clause to the
/// end of the sentence, stopping before a new attribution (", according to") or a subordinate
/// clause.
fn content_after(
    s: &Sent,
    c: usize,
    body_end: usize,
    quoted: &[Quoted],
    doc: &Document,
    index: usize,
) -> Option<(Span, bool)> {
    // "…, TMZ reported; Flay was …": a semicolon closes the cue's clause, so nothing after it
    // is its content.
    if s.is_punct(c + 1, ";") {
        return None;
    }
    // "told reporters (that)": the listener is not content. A listener up to the end leaves no
    // content after the cue ("…, Emwazi told the Kuwaiti newspaper al Qabas."), unless a quote
    // follows a colon.
    let mut k = listener_end(s, c, body_end);
    // "said on Tuesday that …", "said in a statement: …": the content starts after "that"
    // or the colon.
    // Only across an adverbial: in "said he had heard that account", "that" is no conjunction.
    let opens = |i: usize| s.is_word_eq(i, "that") || s.is_punct(i, ":");
    // PolNeAR's content of "said that CLAUSE" takes in the "that".
    let mut that = None;
    if let Some(t) = (k..body_end.min(k + THAT_WINDOW))
        .take_while(|&i| s.is_word(i) || s.is_number(i) || s.is_punct(i, ",") || s.is_punct(i, ":"))
        .find(|&i| opens(i))
        .filter(|&t| t == k || adverbial(s, k, body_end) || TELL.has(s, c))
    {
        // "said that day that …", "told him during that meeting that …": a "that" before an
        // occasion points at it; the next one opens the content.
        let t = if s.is_word_eq(t, "that") && OCCASIONS.has(s, t + 1) && s.is_word_eq(t + 2, "that")
        {
            t + 2
        } else {
            t
        };
        k = t + 1;
        that = s.is_word_eq(t, "that").then_some(t);
    }
    // "said Saturday an unspecified number of Americans were arrested": the day is when it
    // was said, not what.
    if that.is_none() && DAYS.has(s, k) && k + 1 < body_end && s.is_word(k + 1) {
        k += 1;
        if PARTS_OF_DAY.has(s, k) && k + 1 < body_end {
            k += 1;
        }
    }
    while k < body_end && (s.is_punct(k, ":") || s.is_punct(k, ",") || s.is_punct(k, "—")) {
        k += 1;
    }
    if k >= body_end {
        // "He said:" closing the sentence: the quote that follows is the content.
        let after = s.toks[s.len() - 1].span.end;
        let next = doc.sentences.get(index + 1)?;
        return super::direct::opening_from(quoted, after)
            .first()
            .filter(|q| q.open.start <= next.span.start)
            .filter(|_| s.word(s.len() - 1) == ":")
            .map(|q| (q.inner, true));
    }
    // "told Fox News, “…”", "wrote to his followers: “…”": a quote opening after a comma or
    // colon a few words on is the content when it runs to the end of the sentence.
    // Not across a cue of its own ("Asked about it, Lane said: “…”").
    let opening = (k + 1..body_end.min(k + SHORT_TAIL))
        .take_while(|&j| {
            let cue = s.is_word(j - 1) && cues::word_at(s.text, s.toks[j - 1].span).cue;
            !s.is_quote(j - 1) && !cue
        })
        .find(|&i| s.is_quote(i) && (s.is_punct(i - 1, ",") || s.is_punct(i - 1, ":")));
    if let Some(q) = opening.and_then(|i| super::direct::opening_at(quoted, s.toks[i].span.start)) {
        if q.end >= s.toks[body_end - 1].span.end {
            return Some((q.inner, true));
        }
    }
    if s.is_quote(k) {
        if let Some(q) = super::direct::opening_at(quoted, s.toks[k].span.start) {
            let quote_runs_to_end = q.end >= s.toks[body_end - 1].span.end;
            if quote_runs_to_end {
                return Some((q.inner, true));
            }
        }
    }
    let end = clause_end(s, k, body_end);
    if end <= k {
        return None;
    }
    let mut content = span(s, (that.unwrap_or(k), end - 1));
    // A quote that opens in the clause and closes sentences later ("said he is “weak on
    // illegal immigration. Weak like a baby.”"): PolNeAR's content runs to its end.
    let sentence_end = s.toks[s.len() - 1].span.end;
    if let Some(q) = super::direct::opening_from(quoted, content.start)
        .iter()
        .take_while(|q| q.open.start < content.end)
        .find(|q| q.end > sentence_end)
    {
        content.end = q.end;
    }
    Some((content, false))
}

/// Occasions of a statement that "that" points at after a cue ("said that day that …").
const OCCASIONS: WordList = WordList::new(&[
    "afternoon",
    "call",
    "conversation",
    "day",
    "evening",
    "interview",
    "meeting",
    "moment",
    "month",
    "morning",
    "night",
    "session",
    "speech",
    "time",
    "week",
    "year",
]);

/// Days a statement is made on, right after its cue ("said Tuesday", "told reporters
/// yesterday").
const DAYS: WordList = WordList::new(&[
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "today",
    "tonight",
    "tuesday",
    "wednesday",
    "yesterday",
]);

/// Parts of a day after its name ("said Tuesday night").
const PARTS_OF_DAY: WordList = WordList::new(&["afternoon", "evening", "morning", "night"]);

/// Most words of a listener ("the Daily Camera newspaper", "Eva Merkacheva and Andrey
/// Babushkin").
const MAX_LISTENER_WORDS: usize = 6;

/// Where the listener after the cue at token `c` ends: the token after the cue when the cue
/// is no cue of telling or "that" follows it, else the end of a name or names ("told NBC
/// News", "told Eva Merkacheva and Andrey Babushkin he …"), a determiner's phrase ("told the
/// Daily Camera newspaper she …"; a passive cue takes no determiner: "was told the plant
/// would close"), or a few lower-case words ("told reporters"), which a capital ends: "told
/// reporters Trump was wrong" opens its clause at "Trump". A clause's opening word ("he",
/// "the") ends any of them.
fn listener_end(s: &Sent, c: usize, body_end: usize) -> usize {
    let k = c + 1;
    if !TELL.has(s, c) || s.is_word_eq(k, "that") {
        return k;
    }
    let passive = c > 0 && BE_FORMS.has(s, c - 1);
    let word = |j: usize| j < body_end && j - k < MAX_LISTENER_WORDS && s.is_word(j);
    let mut j = k;
    let determiner = !passive && LISTENER_DETERMINERS.has(s, j);
    if determiner {
        j += 1;
    }
    let name_start = j;
    let mut possessive = false;
    // `d` lower-case words from `from` that describe a name ("newspaper", "executives"),
    // none opening a clause.
    let describing = |from: usize, d: usize| {
        (from..from + d).all(|x| word(x) && !s.is_capitalized(x) && !opens_clause(s, x))
    };
    loop {
        while word(j)
            && (s.is_capitalized(j)
                || (j > name_start && s.is_word_eq(j, "and") && s.is_capitalized(j + 1)))
        {
            let name = s.word(j);
            possessive |= name.ends_with("'s") || name.ends_with("’s");
            j += 1;
        }
        // "French newspaper Liberation", "CNN affiliate KGO": a name, a word or two that
        // describe, and the name they describe.
        let describer =
            (1..=2).find(|&d| describing(j, d) && word(j + d) && s.is_capitalized(j + d));
        match describer {
            Some(d) if j > name_start => j += d,
            _ => break,
        }
    }
    let named = j > name_start;
    // "the Daily Camera newspaper", "NBC's Today show": a name inside a phrase.
    if named && !determiner && !possessive {
        // "told WeWork executives he wants …": the name describes the listeners a clause
        // follows.
        let described =
            (1..=2).find(|&d| describing(j, d) && j + d < body_end && opens_clause(s, j + d));
        return j + described.unwrap_or(0);
    }
    let lower_start = j;
    while word(j) && j - lower_start < 3 && !s.is_capitalized(j) && !opens_clause(s, j) {
        j += 1;
    }
    j
}

/// Where the content starting at `k` ends: before a new attribution or a subordinate clause
/// (", according to", ", adding that", ", while …", "… and swears …", a semicolon), else at the
/// end of the sentence.
fn clause_end(s: &Sent, k: usize, body_end: usize) -> usize {
    let mut lower = String::new();
    for i in k + 1..body_end {
        if s.is_punct(i, ";") {
            return i;
        }
        if s.is_punct(i - 1, ",") && s.is_word(i) {
            crate::words::lowercase_into(s.word(i), &mut lower);
            if lower == "according"
                || (lower.ends_with("ing") && cues::is_cue(&lower))
                || CLAUSE_ENDS.contains(&lower)
            {
                return i - 1;
            }
        }
        if s.is_word_eq(i, "and") || s.is_word_eq(i, "but") {
            let mut v = i + 1;
            while v < body_end && (AUXILIARIES.has(s, v) || is_ly_adverb(s, v)) {
                v += 1;
            }
            if s.is_word(v) && cues::word_at(s.text, s.toks[v].span).cue && !s.is_capitalized(v) {
                return if s.is_punct(i - 1, ",") { i - 1 } else { i };
            }
        }
    }
    body_end
}

/// Quotes with no attribution of their own that continue an attributed direct quote — the
/// next sentence or paragraph opens with a quote ("“…,” she said. “…”") — extend its content,
/// as PolNeAR annotates them (one statement over all parts).
pub(super) fn continue_quotes(doc: &Document, quoted: &[Quoted], found: &mut [Found]) {
    let ends_quoted = |end: usize| {
        quoted.binary_search_by_key(&end, |x| x.end).is_ok()
            || quoted.binary_search_by_key(&end, |x| x.inner.end).is_ok()
    };
    // Whether some content covers a quote: one starting at or before it reaches its end. A
    // content extended below reaches only the end of the quote it takes in, before which no
    // later quote lies, so the contents as found answer for all.
    let reach = super::Reach::new(found.iter().map(|f| f.quote.content));
    let covered = |q: &Quoted| reach.end_before(q.inner.start + 1) >= q.inner.end;
    // The attributed quotes a continuation may extend — a direct one, or a partial one whose
    // content ends with the quote ("Teachers are “…,” she said.") — by end, taken in as the
    // quotes advance; the one ending last (the later on a tie) is the one just before.
    let mut takers: Vec<usize> = (0..found.len())
        .filter(|&i| found[i].quote.direct || ends_quoted(found[i].quote.content.end))
        .collect();
    takers.sort_unstable_by_key(|&i| (found[i].quote.content.end, i));
    let mut next = 0;
    let mut previous: Option<usize> = None;
    for q in quoted {
        if covered(q) {
            continue;
        }
        let qs = doc.sentence_from(q.open.start);
        if doc
            .sentences
            .get(qs)
            .is_none_or(|s| s.span.start != q.open.start)
        {
            continue;
        }
        while let Some(&i) = takers.get(next) {
            if found[i].quote.content.end > q.open.start {
                break;
            }
            let key = |k: usize| (found[k].quote.content.end, k);
            if previous.is_none_or(|p| key(i) >= key(p)) {
                previous = Some(i);
            }
            next += 1;
        }
        if let Some(f) = previous.map(|p| &mut found[p]) {
            let last = doc
                .sentences
                .partition_point(|s| s.span.start < f.quote.content.end)
                .checked_sub(1)
                .unwrap_or(f.sentence);
            if qs == last.max(f.sentence) + 1 {
                f.quote.content.end = q.inner.end;
            }
        }
    }
}
