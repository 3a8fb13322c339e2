//! Dates as day numbers (days since 1970-01-01), from the forms news prints:
//! publication dates in metadata and explicit dates in running text.

/// Days since 1970-01-01 for a date written as ISO 8601 ("2013-08-02",
/// "2013-08-02T08:13:00Z") or RFC 2822 as feeds write it ("Fri, 02 Aug 2013
/// 08:13:00 GMT"). `None` when no full date can be read: a story's time window
/// is then unknown, never guessed.
pub fn day_number(published: &str) -> Option<i32> {
    let s = published.trim();
    iso_date(s).or_else(|| rfc2822_date(s))
}

fn iso_date(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = digits(&s[0..4])?;
    let month = digits(&s[5..7])?;
    let day = digits(&s[8..10])?;
    days_from_civil(year, month, day)
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn rfc2822_date(s: &str) -> Option<i32> {
    // Optional weekday, then "DD Mon YYYY".
    let rest = match s.find(',') {
        Some(comma) if comma <= 10 => &s[comma + 1..],
        _ => s,
    };
    let mut parts = rest.split_whitespace();
    let day = digits(parts.next()?)?;
    let month_word = parts.next()?.to_ascii_lowercase();
    let month = MONTHS
        .iter()
        .position(|m| month_word.starts_with(m))
        .map(|i| i as u32 + 1)?;
    let year = digits(parts.next()?)?;
    let year = if year < 100 { year + 2000 } else { year };
    days_from_civil(year, month, day)
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Howard Hinnant's days-from-civil, for the proleptic Gregorian calendar.
fn days_from_civil(year: u32, month: u32, day: u32) -> Option<i32> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(1000..=9999).contains(&year) {
        return None;
    }
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    i32::try_from(era * 146_097 + doe - 719_468).ok()
}

/// The ISO date ("2013-08-02") of a day number.
pub fn iso_from_day(day: i32) -> String {
    let z = i64::from(day) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .position(|m| {
            *m == w || (w.len() <= 4 && m.starts_with(&w) && (w.len() == 3 || w == "sept"))
        })
        .map(|i| i as u32 + 1)
}

/// Explicit full dates in running text, with their byte ranges: "March 3, 2015",
/// "3 March 2015", "2015-03-03". Weekdays and dates without a year are not read:
/// they need a reference date to resolve, and a wrong day is worse than none.
pub fn find_dates(text: &str) -> Vec<(usize, usize, i32)> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || c == '-' || c == '.';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, &text[s..]));
    }
    let year = |w: &str| -> Option<u32> {
        let w = w.trim_end_matches('.');
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    let day = |w: &str| -> Option<u32> {
        let w = w.trim_end_matches('.');
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        let ok_suffix = matches!(suffix, "" | "st" | "nd" | "rd" | "th");
        (ok_suffix
            && !digits.is_empty()
            && digits.len() <= 2
            && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (at, w) = words[i];
        if let Some(d) = iso_date(w.trim_end_matches('.')) {
            out.push((at, at + w.trim_end_matches('.').len(), d));
            i += 1;
            continue;
        }
        // "March 3, 2015"
        if let (Some(m), Some(&(_, dw)), Some(&(yat, yw))) =
            (month_of(w), words.get(i + 1), words.get(i + 2))
        {
            if let (Some(d), Some(y)) = (day(dw), year(yw)) {
                if let Some(n) = days_from_civil(y, m, d) {
                    out.push((at, yat + yw.trim_end_matches('.').len(), n));
                    i += 3;
                    continue;
                }
            }
        }
        // "3 March 2015"
        if let (Some(d), Some(&(_, mw)), Some(&(yat, yw))) =
            (day(w), words.get(i + 1), words.get(i + 2))
        {
            if let (Some(m), Some(y)) = (month_of(mw), year(yw)) {
                if let Some(n) = days_from_civil(y, m, d) {
                    out.push((at, yat + yw.trim_end_matches('.').len(), n));
                    i += 3;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_explicit_dates_in_prose() {
        let text = "Talks began on March 3, 2015 in Geneva and ended 4th April 2015. A report dated 2015-05-01 followed; Monday and May 5 are not read.";
        let found: Vec<(&str, String)> = find_dates(text)
            .into_iter()
            .map(|(s, e, d)| (&text[s..e], iso_from_day(d)))
            .collect();
        assert_eq!(
            found,
            [
                ("March 3, 2015", "2015-03-03".to_string()),
                ("4th April 2015", "2015-04-04".to_string()),
                ("2015-05-01", "2015-05-01".to_string()),
            ]
        );
        assert!(find_dates("May I say, 12 people came in 2015.").is_empty());
    }

    #[test]
    fn reads_iso_and_feed_dates_to_the_same_day() {
        let iso = day_number("2013-08-02T08:13:00Z").unwrap();
        assert_eq!(day_number("Fri, 02 Aug 2013 08:13:00 GMT"), Some(iso));
        assert_eq!(day_number("2 August 2013"), Some(iso));
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(iso_from_day(iso), "2013-08-02");
    }

    #[test]
    fn refuses_partial_or_impossible_dates() {
        assert_eq!(day_number("2013"), None);
        assert_eq!(day_number("2013-13-02"), None);
        assert_eq!(day_number("yesterday"), None);
        assert_eq!(day_number(""), None);
    }

    #[test]
    fn day_numbers_round_trip() {
        for day in (-100_000..100_000).step_by(997) {
            assert_eq!(day_number(&iso_from_day(day)), Some(day));
        }
    }
}
