//! Publication dates as day numbers, from the forms news sources print.

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

#[cfg(test)]
mod tests {
    use super::*;

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
