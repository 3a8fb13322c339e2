//! Charts drawn by the server as inline SVG: a story's timeline (its articles
//! over time, one row per outlet, with the dated events of the text) and its
//! coverage (which outlets carry which takeaway). Every text is escaped.

use std::collections::BTreeMap;
use std::fmt::Write;

use brief::{Article, Brief};
use brief_render::escape;

/// Outlet rows drawn; the rest share one row.
const MAX_ROWS: usize = 8;
const ROW: f64 = 22.0;
const LABEL: f64 = 150.0;
const WIDTH: f64 = 640.0;

fn outlet_of(article: &Article) -> String {
    article
        .outlet
        .clone()
        .unwrap_or_else(|| "unknown outlet".to_string())
}

/// The outlets in order of how many articles they have (ties by name), at most
/// [`MAX_ROWS`]; others map to "other outlets".
fn rows(articles: &[&Article]) -> (Vec<String>, impl Fn(&str) -> usize) {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for a in articles {
        *counts.entry(outlet_of(a)).or_default() += 1;
    }
    let mut order: Vec<(String, usize)> = counts.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut names: Vec<String> = order.into_iter().map(|(n, _)| n).collect();
    if names.len() > MAX_ROWS {
        names.truncate(MAX_ROWS - 1);
        names.push("other outlets".to_string());
    }
    let lookup = names.clone();
    (names, move |outlet: &str| {
        lookup
            .iter()
            .position(|n| n == outlet)
            .unwrap_or(lookup.len() - 1)
    })
}

/// The timeline chart, or an empty string when fewer than two days are known.
pub fn timeline(brief: &Brief, articles: &[&Article]) -> String {
    let day = |a: &Article| a.published.as_deref().and_then(brief::dates::day_number);
    let event_days: Vec<(i32, &str)> = brief
        .timeline
        .iter()
        .filter_map(|e| brief::dates::day_number(&e.date).map(|d| (d, e.sentence.text.as_str())))
        .collect();
    let dated: Vec<&Article> = articles
        .iter()
        .copied()
        .filter(|a| day(a).is_some())
        .collect();
    let all_days: Vec<i32> = dated
        .iter()
        .filter_map(|a| day(a))
        .chain(event_days.iter().map(|e| e.0))
        .collect();
    let (Some(&first), Some(&last)) = (all_days.iter().min(), all_days.iter().max()) else {
        return String::new();
    };
    if first == last {
        return String::new();
    }
    let (names, row_of) = rows(&dated);
    let height = ROW * (names.len() as f64 + 2.0) + 10.0;
    let x = |d: i32| {
        LABEL + (WIDTH - LABEL - 20.0) * f64::from(d - first) / f64::from(last - first) + 10.0
    };
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"Timeline: articles by outlet over time, and dated events\">"
    );
    let _ = write!(
        svg,
        "<text x=\"4\" y=\"{}\" class=\"lbl\">events</text>",
        ROW - 6.0
    );
    for (d, text) in &event_days {
        let _ = write!(
            svg,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"8\" height=\"8\" transform=\"rotate(45 {:.1} {:.1})\" class=\"ev\"><title>{}: {}</title></rect>",
            x(*d) - 4.0,
            ROW - 14.0,
            x(*d),
            ROW - 10.0,
            escape(&brief::dates::iso_from_day(*d)),
            escape(text)
        );
    }
    for (i, name) in names.iter().enumerate() {
        let y = ROW * (i as f64 + 2.0);
        let label: String = name.chars().take(22).collect();
        let _ = write!(
            svg,
            "<text x=\"4\" y=\"{:.1}\" class=\"lbl\">{}</text><line x1=\"{LABEL}\" x2=\"{}\" y1=\"{:.1}\" y2=\"{:.1}\" class=\"row\"/>",
            y - 6.0,
            escape(&label),
            WIDTH - 4.0,
            y - 10.0,
            y - 10.0
        );
    }
    for a in &dated {
        let d = day(a).expect("dated");
        let y = ROW * (row_of(&outlet_of(a)) as f64 + 2.0) - 10.0;
        let _ = write!(
            svg,
            "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"5\" class=\"art\"><title>{} — {}: {}</title></circle>",
            x(d),
            escape(&brief::dates::iso_from_day(d)),
            escape(&outlet_of(a)),
            escape(a.title.as_deref().unwrap_or(&a.id))
        );
    }
    let axis_y = height - 4.0;
    for (d, anchor) in [(first, "start"), (last, "end")] {
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{axis_y:.1}\" text-anchor=\"{anchor}\" class=\"lbl\">{}</text>",
            x(d),
            brief::dates::iso_from_day(d)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The coverage chart: a row per takeaway, a column per outlet, a filled cell
/// where one of the outlet's articles carries the takeaway word for word.
/// Empty when the story has a single outlet.
pub fn coverage(brief: &Brief, articles: &[&Article]) -> String {
    let (names, column_of) = rows(articles);
    if names.len() < 2 || brief.takeaways.is_empty() {
        return String::new();
    }
    let cell = 26.0;
    let top = 90.0;
    let left = 40.0;
    let width = left + cell * names.len() as f64 + 10.0;
    let height = top + cell * brief.takeaways.len() as f64 + 6.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" style=\"max-width:{width}px\" role=\"img\" aria-label=\"Coverage: which outlets carry which takeaway\">"
    );
    for (j, name) in names.iter().enumerate() {
        let cx = left + cell * (j as f64 + 0.5);
        let label: String = name.chars().take(16).collect();
        let _ = write!(
            svg,
            "<text transform=\"translate({cx:.1} {:.1}) rotate(-50)\" class=\"lbl\">{}</text>",
            top - 6.0,
            escape(&label)
        );
    }
    for (i, takeaway) in brief.takeaways.iter().enumerate() {
        let y = top + cell * i as f64;
        let _ = write!(
            svg,
            "<text x=\"4\" y=\"{:.1}\" class=\"lbl\">T{}</text>",
            y + 17.0,
            i + 1
        );
        let carriers: Vec<usize> = takeaway
            .sources
            .iter()
            .filter_map(|p| articles.iter().find(|a| a.id == p.article))
            .map(|a| column_of(&outlet_of(a)))
            .collect();
        for (j, name) in names.iter().enumerate() {
            let on = carriers.contains(&j);
            let _ = write!(
                svg,
                "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" class=\"{}\"><title>T{}: {} — {}</title></rect>",
                left + cell * j as f64 + 2.0,
                cell - 4.0,
                cell - 4.0,
                if on { "on" } else { "off" },
                i + 1,
                escape(name),
                if on { "carries it" } else { "does not carry it" }
            );
        }
    }
    svg.push_str("</svg>");
    svg
}
