//! Reading one number expression: digits or words, scale, currency, range and unit.
//!
//! "$1.2bn", "over 14,000", "two million", "a dozen", "between 10 and 20", "3-5%", "275-foot",
//! "4,500 to 5,000 feet", "430 miles per hour", "35C". What the number is *not* (a year, a date,
//! a score) is decided by the caller, which sees the context.

use crate::sent::{find_lower, Sent, WordList};

/// A number expression found at some token.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Number {
    /// First token: a currency sign or the number itself.
    pub first: usize,
    /// Last token, unit included.
    pub last: usize,
    /// The token holding the number (the first of a range).
    pub core: usize,
    pub value: f64,
    pub upper: Option<f64>,
    pub unit: Option<&'static str>,
    /// What a hyphenated compound says after the number ("61-seat": "seat"), when it is not a
    /// unit: byte range into the sentence text.
    pub compound_noun: Option<(usize, usize)>,
    /// "22-year-old": an age.
    pub age: bool,
    /// Written in words ("two million", "a dozen").
    pub words: bool,
    /// Scaled by a word or suffix ("million", "bn").
    pub scaled: bool,
    /// Digits written like a year: four digits, no separator.
    pub year_like: bool,
}

/// Number words below a hundred.
const SMALL: &[(&str, f64)] = &[
    ("eight", 8.0),
    ("eighteen", 18.0),
    ("eighty", 80.0),
    ("eleven", 11.0),
    ("fifteen", 15.0),
    ("fifty", 50.0),
    ("five", 5.0),
    ("forty", 40.0),
    ("four", 4.0),
    ("fourteen", 14.0),
    ("nine", 9.0),
    ("nineteen", 19.0),
    ("ninety", 90.0),
    ("one", 1.0),
    ("seven", 7.0),
    ("seventeen", 17.0),
    ("seventy", 70.0),
    ("six", 6.0),
    ("sixteen", 16.0),
    ("sixty", 60.0),
    ("ten", 10.0),
    ("thirteen", 13.0),
    ("thirty", 30.0),
    ("three", 3.0),
    ("twelve", 12.0),
    ("twenty", 20.0),
    ("two", 2.0),
];

/// Scale words.
const SCALES: &[(&str, f64)] = &[
    ("billion", 1e9),
    ("bn", 1e9),
    ("hundred", 1e2),
    ("k", 1e3),
    ("m", 1e6),
    ("million", 1e6),
    ("mn", 1e6),
    ("thousand", 1e3),
    ("tn", 1e12),
    ("trillion", 1e12),
];

/// Units of measurement and their normalised names, by the forms news writes them in.
const UNITS: &[(&str, &str)] = &[
    ("%", "%"),
    ("acre", "acres"),
    ("acres", "acres"),
    ("barrel", "barrels"),
    ("barrels", "barrels"),
    ("c", "°C"),
    ("celsius", "°C"),
    ("centimetre", "centimetres"),
    ("centimetres", "centimetres"),
    ("centimeter", "centimetres"),
    ("centimeters", "centimetres"),
    ("centuries", "centuries"),
    ("century", "centuries"),
    ("cm", "centimetres"),
    ("day", "days"),
    ("days", "days"),
    ("decade", "decades"),
    ("decades", "decades"),
    ("degree", "degrees"),
    ("degrees", "degrees"),
    ("dollars", "USD"),
    ("euros", "EUR"),
    ("f", "°F"),
    ("fahrenheit", "°F"),
    ("feet", "feet"),
    ("foot", "feet"),
    ("ft", "feet"),
    ("gallon", "gallons"),
    ("gallons", "gallons"),
    ("gram", "grams"),
    ("grams", "grams"),
    ("hectare", "hectares"),
    ("hectares", "hectares"),
    ("hour", "hours"),
    ("hours", "hours"),
    ("hr", "hours"),
    ("hrs", "hours"),
    ("inch", "inches"),
    ("inches", "inches"),
    ("kg", "kg"),
    ("kilogram", "kg"),
    ("kilograms", "kg"),
    ("kilometer", "kilometres"),
    ("kilometers", "kilometres"),
    ("kilometre", "kilometres"),
    ("kilometres", "kilometres"),
    ("km", "kilometres"),
    ("kph", "km/h"),
    ("lb", "pounds"),
    ("lbs", "pounds"),
    ("liter", "litres"),
    ("liters", "litres"),
    ("litre", "litres"),
    ("litres", "litres"),
    ("meter", "metres"),
    ("meters", "metres"),
    ("metre", "metres"),
    ("metres", "metres"),
    ("mile", "miles"),
    ("miles", "miles"),
    ("millimetre", "mm"),
    ("millimetres", "mm"),
    ("millimeter", "mm"),
    ("millimeters", "mm"),
    ("minute", "minutes"),
    ("minutes", "minutes"),
    ("mm", "mm"),
    ("month", "months"),
    ("months", "months"),
    ("mph", "mph"),
    ("p", "pence"),
    ("pence", "pence"),
    ("percent", "%"),
    ("second", "seconds"),
    ("seconds", "seconds"),
    ("times", "times"),
    ("ton", "tons"),
    ("tonne", "tonnes"),
    ("tonnes", "tonnes"),
    ("tons", "tons"),
    ("week", "weeks"),
    ("weeks", "weeks"),
    ("yard", "yards"),
    ("yards", "yards"),
    ("year", "years"),
    ("years", "years"),
    ("yen", "JPY"),
];

/// Units that only make sense glued to the digits or as a symbol ("35C", "10m"), never as a
/// free-standing word ("C", "p", "m" alone are something else).
const GLUED_ONLY: WordList = WordList::new(&["c", "f", "m", "p"]);

/// Units of money and proportion: the noun after them is what they count ("a $10,000 fine").
pub(super) fn is_money_or_share(unit: &str) -> bool {
    matches!(unit, "%" | "USD" | "GBP" | "EUR" | "JPY" | "pence")
}

fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    find_lower(table, word, |(w, _)| w).map(|i| table[i].1)
}

/// The value of a number word of [`SMALL`], in any case. Nearly every word of an article
/// is asked, so words that cannot be one (by length, first and last letter) are not searched.
fn small(word: &str) -> Option<f64> {
    let bytes = word.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return None;
    };
    let letter = |b: u8| usize::from((b | 0x20).wrapping_sub(b'a'));
    let could_be = SMALL_SHAPES
        .get(bytes.len())
        .and_then(|by_first| by_first.get(letter(first)))
        .is_some_and(|lasts| letter(last) < 26 && lasts & (1 << letter(last)) != 0);
    could_be.then(|| lookup(SMALL, word)).flatten()
}

/// Longest word of [`SMALL`], in bytes.
const SMALL_LONGEST: usize = 9;

/// By length and first letter, the last letters (bit 0 for "a") the words of [`SMALL`] so
/// spelled end in: "the", "that" and "said" are turned away with three loads.
const SMALL_SHAPES: [[u32; 26]; SMALL_LONGEST + 1] = {
    let mut shapes = [[0u32; 26]; SMALL_LONGEST + 1];
    let mut k = 0;
    while k < SMALL.len() {
        let word = SMALL[k].0.as_bytes();
        let (first, last) = (word[0] - b'a', word[word.len() - 1] - b'a');
        shapes[word.len()][first as usize] |= 1 << last;
        k += 1;
    }
    shapes
};

/// Whether a number in words may start at `word`: "a", "an", "half", or a number word
/// before any hyphen ("twenty-five", "three-year"). Every number [`words`] reads, and
/// every compound the last branch of [`core`] reads, starts so.
fn may_start_words(word: &str) -> bool {
    let head = &word[..word.bytes().position(|b| b == b'-').unwrap_or(word.len())];
    ["a", "an", "half"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
        || small(head).is_some()
}

fn currency(sign: &str) -> Option<&'static str> {
    Some(match sign {
        "$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        _ => return None,
    })
}

/// The value of written digits: "14,000" 14000, "3.5" 3.5. None for anything else.
fn digits(text: &str) -> Option<f64> {
    let clean: String = text.chars().filter(|&c| c != ',').collect();
    if clean.is_empty() || !clean.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    clean.parse().ok()
}

/// A word number below a thousand and the tokens it takes: "twenty-five", "five hundred".
fn small_words(s: &Sent, i: usize) -> Option<(f64, usize)> {
    if !s.is_word(i) {
        return None;
    }
    let w = s.word(i);
    // "twenty-five": every part a number word. The first part is tested before any
    // splitting: nearly every word of an article comes here, and nearly none is one.
    let head = w.bytes().position(|b| b == b'-').unwrap_or(w.len());
    let mut value = small(&w[..head])?;
    for part in w[head..].split('-').skip(1) {
        value += small(part)?;
    }
    let mut last = i;
    if s.is_word_eq(i + 1, "hundred") {
        value *= 100.0;
        last = i + 1;
        // "two hundred and fifty"
        if s.is_word_eq(last + 1, "and") {
            if let Some((rest, end)) = small_words(s, last + 2) {
                value += rest;
                last = end;
            }
        }
    }
    Some((value, last))
}

/// A number written in words, with its scales: "two million", "a dozen", "half a dozen",
/// "three hundred thousand".
fn words(s: &Sent, i: usize) -> Option<(f64, usize)> {
    let article = s.is_word_eq(i, "a") || s.is_word_eq(i, "an");
    let half_a = s.is_word_eq(i, "half") && (s.is_word_eq(i + 1, "a") || s.is_word_eq(i + 1, "an"));
    let (mut value, mut last) = if half_a && s.is_word_eq(i + 2, "dozen") {
        (6.0, i + 2)
    } else if half_a
        && s.is_word(i + 2)
        && (lookup(UNITS, s.word(i + 2)).is_some() || lookup(SCALES, s.word(i + 2)).is_some())
        && !GLUED_ONLY.contains(s.word(i + 2))
    {
        // "half a second", "half a million": the unit or scale follows.
        (0.5, i + 1)
    } else if article {
        // "a dozen", "a million": only with a scale.
        let next = i + 1;
        if s.is_word_eq(next, "dozen") {
            (12.0, next)
        } else if s.is_word(next) && lookup(SCALES, s.word(next)).is_some_and(|v| v >= 100.0) {
            (lookup(SCALES, s.word(next))?, next)
        } else {
            return None;
        }
    } else {
        small_words(s, i)?
    };
    if s.is_word_eq(last + 1, "dozen") {
        value *= 12.0;
        last += 1;
    }
    while s.is_word(last + 1) {
        match lookup(SCALES, s.word(last + 1)) {
            Some(scale) if scale >= 1e3 && s.word(last + 1).len() > 2 => {
                value *= scale;
                last += 1;
            }
            _ => break,
        }
    }
    Some((value, last))
}

/// What a token glued to digits says after them: "1.2bn", "120mph", "275-foot", "3-year-old".
enum Suffix {
    Scale(f64),
    Unit(&'static str),
    Age,
    Noun,
    /// "1990s", "20th", "2pm": not a figure.
    Not,
}

fn suffix(rest: &str, currency: bool) -> Suffix {
    let lower = rest.to_ascii_lowercase();
    if let Some(compound) = lower.strip_prefix('-') {
        if compound.ends_with("-old") {
            return Suffix::Age;
        }
        return match lookup(UNITS, compound) {
            Some(u) if !GLUED_ONLY.contains(compound) => Suffix::Unit(u),
            _ => Suffix::Noun,
        };
    }
    if matches!(
        lower.as_str(),
        "st" | "nd" | "rd" | "th" | "s" | "am" | "pm"
    ) {
        return Suffix::Not;
    }
    if let Some(scale) = lookup(SCALES, &lower) {
        // "10m" is ten million after a currency sign, ten metres otherwise.
        if lower == "m" && !currency {
            return Suffix::Unit("metres");
        }
        return Suffix::Scale(scale);
    }
    match lookup(UNITS, &lower) {
        // "35C" and "35F" are temperatures only in capitals.
        Some(u) if !((lower == "c" || lower == "f") && rest.chars().all(char::is_lowercase)) => {
            Suffix::Unit(u)
        }
        _ => Suffix::Not,
    }
}

/// The number core at token `i` (after any currency sign): value, last token, scaled,
/// unit or compound from a glued suffix, written in words.
struct Core {
    value: f64,
    last: usize,
    upper: Option<f64>,
    scaled: bool,
    unit: Option<&'static str>,
    compound_noun: Option<(usize, usize)>,
    age: bool,
    words: bool,
    year_like: bool,
}

fn core(s: &Sent, i: usize, currency: bool) -> Option<Core> {
    let mut c = Core {
        value: 0.0,
        last: i,
        upper: None,
        scaled: false,
        unit: None,
        compound_noun: None,
        age: false,
        words: false,
        year_like: false,
    };
    let w = s.word(i);
    if s.is_number(i) {
        // "10:30" is a time, "2014/15" a season, "3-5" a range, "2-1" a score.
        if w.contains(':') || w.contains('/') {
            return None;
        }
        if let Some((a, b)) = w.split_once(['-', '–']) {
            let (a, b) = (digits(a)?, digits(b)?);
            if a >= b {
                return None;
            }
            c.value = a;
            c.upper = Some(b);
        } else {
            c.value = digits(w)?;
            c.year_like = w.len() == 4 && !w.contains(['.', ',']);
        }
    } else if w.starts_with(|ch: char| ch.is_ascii_digit()) {
        let split = w
            .find(|ch: char| !(ch.is_ascii_digit() || ch == ',' || ch == '.'))
            .unwrap_or(w.len());
        let (num, rest) = w.split_at(split);
        // "1.2bn." keeps no trailing period in the number.
        c.value = digits(num.trim_end_matches('.'))?;
        let start = s.toks[i].span.start + split;
        // "£1.2bn." at the end of a sentence: the tokenizer keeps the period.
        let rest = rest.strip_suffix('.').unwrap_or(rest);
        // "4.3m passengers" is millions; "a 10m wall" metres.
        let millions = rest == "m"
            && s.is_word(i + 1)
            && super::looks_plural(s.word(i + 1))
            && !s.is_capitalized(i + 1);
        match suffix(rest, currency || millions) {
            Suffix::Scale(scale) => {
                c.value *= scale;
                c.scaled = true;
            }
            Suffix::Unit(u) => c.unit = Some(u),
            Suffix::Age => {
                c.age = true;
                c.unit = Some("years");
            }
            Suffix::Noun => c.compound_noun = Some((start + 1, s.toks[i].span.end)),
            Suffix::Not => return None,
        }
    } else if !may_start_words(w) {
        // Nearly every word of an article ends here: neither branch below can read it.
        return None;
    } else if let Some((value, last)) = words(s, i) {
        c.value = value;
        c.last = last;
        c.words = true;
    } else {
        // "three-year": a number word with a compound.
        let hyphen = w.bytes().position(|b| b == b'-')?;
        let (head, rest) = (&w[..hyphen], &w[hyphen + 1..]);
        c.value = small(head)?;
        c.words = true;
        let start = s.toks[i].span.start + head.len();
        match suffix(&w[head.len()..], currency) {
            Suffix::Unit(u) => c.unit = Some(u),
            Suffix::Age => {
                c.age = true;
                c.unit = Some("years");
            }
            // "two-thirds" is a fraction, not a count of thirds.
            Suffix::Noun if !rest.ends_with("thirds") && !rest.ends_with("quarters") => {
                c.compound_noun = Some((start + 1, s.toks[i].span.end));
            }
            _ => return None,
        }
    }
    // A scale word after digits: "2 million", "$5 bn", "3.2 million-year-old".
    if !c.words && !c.scaled && c.unit.is_none() && c.compound_noun.is_none() {
        let next = c.last + 1;
        if s.is_word(next) {
            let nw = s.word(next);
            let (scale_word, compound) = match nw.split_once('-') {
                Some((a, b)) => (a, Some(b)),
                None => (nw, None),
            };
            let short_ok = currency || scale_word.len() > 2;
            if let Some(scale) = lookup(SCALES, scale_word).filter(|_| short_ok) {
                c.value *= scale;
                c.upper = c.upper.map(|u| u * scale);
                c.scaled = true;
                c.last = next;
                if compound.is_some_and(|x| x.ends_with("old")) {
                    c.age = true;
                    c.unit = Some("years");
                }
            }
        }
    }
    Some(c)
}

/// Reads the number expression whose first token is `i`: a currency sign or a number.
pub(super) fn read(s: &Sent, i: usize) -> Option<Number> {
    let mut currency_unit = None;
    let mut core_at = i;
    if !s.is_word(i) && !s.is_number(i) {
        currency_unit = currency(s.word(i));
        currency_unit?;
        core_at = i + 1;
        if core_at >= s.len() {
            return None;
        }
    }
    let c = core(s, core_at, currency_unit.is_some())?;
    let mut n = Number {
        first: i,
        last: c.last,
        core: core_at,
        value: c.value,
        upper: c.upper,
        unit: currency_unit.or(c.unit),
        compound_noun: c.compound_noun,
        age: c.age,
        words: c.words,
        scaled: c.scaled,
        year_like: c.year_like && currency_unit.is_none(),
    };
    if n.unit.is_none() && n.compound_noun.is_none() {
        unit_after(s, &mut n);
    }
    // A range: "10 to 20", "$755,000 to $5.75 million", "4,500 to 5,000 feet", "between 57%
    // and 73%" (the caller checks "between" for "and").
    let joiner = n.last + 1;
    let joins = s.is_word_eq(joiner, "to")
        || s.is_punct(joiner, "-")
        || s.is_punct(joiner, "–")
        || (s.is_word_eq(joiner, "and") && i > 0 && s.is_word_eq(i - 1, "between"));
    if n.upper.is_none() && n.compound_noun.is_none() && joins {
        let mut second = joiner + 1;
        let same_currency =
            currency_unit.is_some() && second < s.len() && s.word(second) == s.word(i);
        if same_currency {
            second += 1;
        }
        if second < s.len() && (currency_unit.is_none() || same_currency) {
            if let Some(c2) = core(s, second, currency_unit.is_some()) {
                let mut top = Number {
                    first: second,
                    last: c2.last,
                    core: second,
                    value: c2.value,
                    upper: None,
                    unit: c2.unit,
                    compound_noun: c2.compound_noun,
                    age: c2.age,
                    words: c2.words,
                    scaled: c2.scaled,
                    year_like: false,
                };
                if top.unit.is_none() {
                    unit_after(s, &mut top);
                }
                let mut low = n.value;
                // "10 to 20 million": the scale of the top applies to the bottom too.
                if c2.scaled && !n.scaled {
                    let raw_top = c2.value / scale_of(s, c2.last).unwrap_or(1.0);
                    if low < raw_top {
                        low *= c2.value / raw_top;
                    }
                }
                let units_agree = n.unit.is_none() || top.unit.is_none() || n.unit == top.unit;
                if low < top.value
                    && c2.upper.is_none()
                    && c2.words == n.words
                    && top.compound_noun.is_none()
                    && units_agree
                {
                    n.value = low;
                    n.upper = Some(top.value);
                    n.last = top.last;
                    n.unit = n.unit.or(top.unit);
                    n.age |= top.age;
                    n.scaled |= top.scaled;
                    // "from 2009 to 2012" is a span of years.
                    let top_year = second == c2.last
                        && s.word(second).len() == 4
                        && !s.word(second).contains(['.', ',']);
                    n.year_like &= top_year;
                }
            }
        }
    }
    Some(n)
}

/// The scale a token carries as a word ("million"), if any.
fn scale_of(s: &Sent, i: usize) -> Option<f64> {
    let w = s.word(i);
    let word = w.split('-').next().unwrap_or(w);
    lookup(SCALES, word).or_else(|| {
        let split = w.find(|c: char| c.is_ascii_alphabetic())?;
        lookup(SCALES, &w[split..])
    })
}

/// A unit after the number: "%", "percent", "per cent", "percentage points", "miles per
/// hour", "degrees Celsius", "year-old", or a unit word.
fn unit_after(s: &Sent, n: &mut Number) {
    let next = n.last + 1;
    if next >= s.len() {
        return;
    }
    if s.is_punct(next, "%") {
        n.unit = Some("%");
        n.last = next;
        return;
    }
    if s.is_punct(next, "°") && s.is_word(next + 1) {
        if let Some(u) = lookup(UNITS, s.word(next + 1)).filter(|u| u.starts_with('°')) {
            n.unit = Some(u);
            n.last = next + 1;
        }
        return;
    }
    if !s.is_word(next) {
        return;
    }
    if s.is_word_eq(next, "per") && s.is_word_eq(next + 1, "cent") {
        n.unit = Some("%");
        n.last = next + 1;
        return;
    }
    if s.is_word_eq(next, "percentage") && s.is_word(next + 1) {
        if s.word(next + 1).to_ascii_lowercase().starts_with("point") {
            n.unit = Some("percentage points");
            n.last = next + 1;
        }
        return;
    }
    if s.is_word_eq(next, "year-old") || s.is_word_eq(next, "years-old") {
        n.unit = Some("years");
        n.age = true;
        n.last = next;
        return;
    }
    let w = s.word(next);
    if GLUED_ONLY.contains(w) {
        return;
    }
    if let Some(u) = lookup(UNITS, w) {
        n.unit = Some(u);
        n.last = next;
        // "miles per hour", "kilometres per hour"
        if s.is_word_eq(next + 1, "per") && s.is_word_eq(next + 2, "hour") {
            match u {
                "miles" => n.unit = Some("mph"),
                "kilometres" => n.unit = Some("km/h"),
                _ => return,
            }
            n.last = next + 2;
        }
        if u == "degrees" && s.is_word(next + 1) {
            if let Some(t) = lookup(UNITS, s.word(next + 1)).filter(|u| u.starts_with('°')) {
                n.unit = Some(t);
                n.last = next + 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::Span;

    fn read_text(text: &str) -> Option<(f64, Option<f64>, Option<&'static str>, String)> {
        let toks = crate::tokenize(text, Span::new(0, text.len()));
        let s = Sent { text, toks: &toks };
        let n = read(&s, 0)?;
        let covered = &text[toks[n.first].span.start..toks[n.last].span.end];
        Some((n.value, n.upper, n.unit, covered.to_string()))
    }

    #[test]
    fn words_that_start_no_number_are_turned_away_early() {
        for w in ["a", "An", "HALF", "twenty-five", "three-year", "Seven"] {
            assert!(may_start_words(w), "{w}");
        }
        // "half-time": "half" starts a number only alone ("half a dozen").
        for w in ["the", "said", "half-time", "-five", "at", "twentyfive"] {
            assert!(!may_start_words(w), "{w}");
        }
        assert_eq!(read_text("Half a dozen eggs").map(|r| r.0), Some(6.0));
        assert_eq!(read_text("an hour").map(|r| r.0), None);
    }

    #[test]
    fn small_number_words_pass_the_quick_test() {
        // The length and first letters `small` checks before searching.
        for (w, v) in SMALL {
            assert_eq!(small(w), Some(*v), "{w}");
            assert_eq!(small(&w.to_uppercase()), Some(*v), "{w}");
        }
        for w in [
            "the",
            "once",
            "Tens",
            "thirty-one",
            "éight",
            "a",
            "",
            "there",
            "sixtyone",
            "é",
            "ONES",
        ] {
            assert_eq!(small(w), None, "{w}");
        }
    }

    #[test]
    fn digits_words_scales_and_currencies() {
        assert_eq!(
            read_text("14,000 civilians"),
            Some((14000.0, None, None, "14,000".into()))
        );
        assert_eq!(
            read_text("$1.2bn deal"),
            Some((1.2e9, None, Some("USD"), "$1.2bn".into()))
        );
        assert_eq!(
            read_text("£5 million"),
            Some((5e6, None, Some("GBP"), "£5 million".into()))
        );
        assert_eq!(
            read_text("two million"),
            Some((2e6, None, None, "two million".into()))
        );
        assert_eq!(
            read_text("a dozen eggs"),
            Some((12.0, None, None, "a dozen".into()))
        );
        assert_eq!(
            read_text("half a dozen"),
            Some((6.0, None, None, "half a dozen".into()))
        );
        assert_eq!(read_text("Twenty-five people").map(|r| r.0), Some(25.0));
        assert_eq!(read_text("a year ago"), None);
    }

    #[test]
    fn ranges_and_units() {
        assert_eq!(
            read_text("3-5% more"),
            Some((3.0, Some(5.0), Some("%"), "3-5%".into()))
        );
        assert_eq!(
            read_text("4,500 to 5,000 feet"),
            Some((
                4500.0,
                Some(5000.0),
                Some("feet"),
                "4,500 to 5,000 feet".into()
            ))
        );
        assert_eq!(
            read_text("10 to 20 million"),
            Some((10e6, Some(20e6), None, "10 to 20 million".into()))
        );
        assert_eq!(
            read_text("430 miles per hour").map(|r| r.2),
            Some(Some("mph"))
        );
        assert_eq!(read_text("4.1 per cent").map(|r| r.2), Some(Some("%")));
        assert_eq!(read_text("35C in London").map(|r| r.2), Some(Some("°C")));
        assert_eq!(
            read_text("275-foot building").map(|r| r.2),
            Some(Some("feet"))
        );
    }

    #[test]
    fn not_numbers_of_things() {
        assert_eq!(read_text("2-1 win"), None);
        assert_eq!(read_text("10:30 a.m."), None);
        assert_eq!(read_text("1990s"), None);
        assert_eq!(read_text("20th century"), None);
        assert_eq!(read_text("2pm"), None);
        assert_eq!(read_text("two-thirds of them"), None);
    }
}
