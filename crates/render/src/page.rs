//! A brief as Markdown (seed-shaped) or as one self-contained HTML page.

use std::fmt::Write;

use brief::{Article, Brief, BriefSentence};

/// `# Title`, `## Key Takeaways` bullets, then one `## Heading` per section.
pub fn markdown(brief: &Brief) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", brief.title);
    if let Some(since) = &brief.since {
        let _ = writeln!(
            out,
            "*New since {since}: only what the earlier reports did not say.*\n"
        );
    }
    let _ = writeln!(out, "## Key Takeaways\n");
    for t in &brief.takeaways {
        let _ = writeln!(out, "- {}", t.text);
    }
    for section in &brief.sections {
        let _ = writeln!(out, "\n## {}\n", section.heading);
        if section.list {
            for s in &section.sentences {
                let _ = writeln!(out, "- {}", s.text);
            }
        } else {
            for (k, s) in section.sentences.iter().enumerate() {
                if k > 0 {
                    out.push_str(paragraph_break(&section.sentences[k - 1], " ", "\n\n"));
                }
                out.push_str(&s.text);
            }
            out.push('\n');
        }
    }
    if show_timeline(brief) {
        let _ = writeln!(out, "\n## {TIMELINE_HEADING}\n");
        for event in &brief.timeline {
            let _ = writeln!(out, "- **{}** — {}", event.date, event.sentence.text);
        }
    }
    out
}

/// What goes between a section's sentence and the next: `same` when it ends on a full stop,
/// a question or exclamation mark (maybe inside a closing quote or bracket), else `new`, a
/// new paragraph. A sentence the source left unfinished ("… at the Oscars on Feb. 9", a
/// line its page set apart) would otherwise run on into the next, which no mark may be
/// added to close: a brief shows the source's words only.
fn paragraph_break<'a>(before: &BriefSentence, same: &'a str, new: &'a str) -> &'a str {
    let text = before
        .text
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    if text.ends_with(['.', '!', '?', '…']) {
        same
    } else {
        new
    }
}

/// The heading the timeline is shown under.
const TIMELINE_HEADING: &str = "Timeline";

/// The timeline is shown as a section when the brief has room for one more
/// (seven at most) and it holds more than one day.
fn show_timeline(brief: &Brief) -> bool {
    brief.sections.len() < 7
        && brief
            .timeline
            .first()
            .zip(brief.timeline.last())
            .is_some_and(|(a, b)| a.date != b.date)
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:17px/1.55 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}\
h1{font-size:1.7rem;line-height:1.2}h2{font:600 1.1rem system-ui,sans-serif;margin-top:2rem;border-bottom:1px solid #ddd}\
.s{cursor:pointer;border-radius:3px}.s:hover,.s.on{background:#fff3b0}\
#src{position:sticky;bottom:0;background:#f6f6f6;border-top:2px solid #c90;padding:.6rem 1rem;font:15px/1.4 system-ui,sans-serif;display:none}\
#src mark{background:#fff3b0}#src small{color:#666;display:block}";

/// The page's script (shown source passages); public so a server can allow it by hash.
pub const PAGE_SCRIPT: &str = "document.addEventListener('click',function(e){var s=e.target.closest('.s');if(!s)return;\
document.querySelectorAll('.s.on').forEach(function(x){x.classList.remove('on')});s.classList.add('on');\
var p=document.getElementById('src');var t=document.getElementById(s.dataset.src);p.innerHTML=t.innerHTML;p.style.display='block';});";

/// A standalone page: each sentence shows its source passage on hover (title) and
/// on click (a panel with the passage, the sentence highlighted).
pub fn html(brief: &Brief, articles: &[&Article]) -> String {
    html_page(brief, articles, &PageParts::default())
}

/// Server-made HTML placed around a brief on a page. Its maker escapes every
/// text it puts in; the brief's own text is escaped here.
#[derive(Clone, Copy, Debug, Default)]
pub struct PageParts<'a> {
    /// Extra CSS.
    pub style: &'a str,
    /// Markup before the title (navigation).
    pub before: &'a str,
    /// Markup after the takeaways (charts, filters).
    pub after_takeaways: &'a str,
    /// Markup at the end of the body.
    pub after: &'a str,
    /// An extra script, run after the page's own.
    pub script: &'a str,
}

/// [`html`] with extra parts around the brief.
pub fn html_page(brief: &Brief, articles: &[&Article], parts: &PageParts<'_>) -> String {
    let find = |id: &str| articles.iter().copied().find(|a| a.id == id);
    let mut sources = String::new();
    let mut counter = 0usize;
    let mut sentence = |s: &BriefSentence, out: &mut String| {
        counter += 1;
        let id = format!("src{counter}");
        // The longest source is the statement itself: a Who Said What line also
        // cites the speaker's name, which may stand elsewhere in the article.
        let longest = s.sources.iter().max_by_key(|p| p.span.len());
        let shown = longest.and_then(|p| find(&p.article).map(|a| (a, p)));
        let (before, quoted, after) = shown
            .map(|(a, p)| passage(a, p.span.start, p.span.end))
            .unwrap_or_default();
        let origin = shown.map_or(String::new(), |(a, _)| match &a.outlet {
            Some(outlet) => format!("{} ({outlet})", a.id),
            None => a.id.clone(),
        });
        let _ = write!(
            sources,
            "<template id=\"{id}\"><small>Source: {} — {}</small>{}<mark>{}</mark>{}</template>",
            escape(&origin),
            escape(
                &s.sources
                    .iter()
                    .map(|p| format!("{} bytes {}–{}", p.article, p.span.start, p.span.end))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            escape(&before),
            escape(&quoted),
            escape(&after)
        );
        let _ = write!(
            out,
            "<span class=\"s\" data-src=\"{id}\" title=\"{}\">{}</span> ",
            escape(&quoted),
            escape(&s.text)
        );
    };
    let mut body = String::new();
    let _ = writeln!(body, "<h1>{}</h1>", escape(&brief.title));
    if let Some(since) = &brief.since {
        let _ = writeln!(
            body,
            "<p class=\"since\">New since {}: only what the earlier reports did not say.</p>",
            escape(since)
        );
    }
    body.push_str("<h2>Key Takeaways</h2>\n<ul>");
    for t in &brief.takeaways {
        body.push_str("<li>");
        sentence(t, &mut body);
        body.push_str("</li>");
    }
    body.push_str("</ul>\n");
    body.push_str(parts.after_takeaways);
    for section in &brief.sections {
        let _ = writeln!(body, "<h2>{}</h2>", escape(&section.heading));
        if section.list {
            body.push_str("<ul class=\"list\">");
            for s in &section.sentences {
                body.push_str("<li>");
                sentence(s, &mut body);
                body.push_str("</li>");
            }
            body.push_str("</ul>\n");
        } else {
            body.push_str("<p>");
            for (k, s) in section.sentences.iter().enumerate() {
                if k > 0 {
                    body.push_str(paragraph_break(&section.sentences[k - 1], "", "</p>\n<p>"));
                }
                sentence(s, &mut body);
            }
            body.push_str("</p>\n");
        }
    }
    if !brief.timeline.is_empty() {
        let _ = writeln!(body, "<h2>{TIMELINE_HEADING}</h2>");
        body.push_str("<ul class=\"timeline\">");
        for event in &brief.timeline {
            let _ = write!(body, "<li><time>{}</time> ", escape(&event.date));
            sentence(&event.sentence, &mut body);
            body.push_str("</li>");
        }
        body.push_str("</ul>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{}</title><style>{STYLE}{}</style></head>\
<body>\n{}{body}{}<div id=\"src\" aria-live=\"polite\"></div>{sources}<script>{PAGE_SCRIPT}</script>{}</body></html>\n",
        escape(&brief.title),
        parts.style,
        parts.before,
        parts.after,
        if parts.script.is_empty() { String::new() } else { format!("<script>{}</script>", parts.script) },
    )
}

/// The source sentence with up to 200 bytes of context either side, split at the span.
fn passage(article: &Article, start: usize, end: usize) -> (String, String, String) {
    let text = &article.text;
    let mut from = start.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + 200).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    (
        format!("…{}", &text[from..start]),
        text[start..end].to_string(),
        format!("{}…", &text[end..to]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief::Section;

    fn said(text: &str) -> BriefSentence {
        BriefSentence {
            text: text.into(),
            sources: Vec::new(),
        }
    }

    #[test]
    fn an_unfinished_sentence_ends_its_paragraph() {
        let brief = Brief {
            title: "SAG awards".into(),
            takeaways: vec![said("Parasite won.")],
            sections: vec![Section {
                heading: "Oscars".into(),
                sentences: vec![
                    said("He said the Oscars were on Feb. 9"),
                    said("Phoenix won, as “Joker” star."),
                    said("Pitt said: “It was a stretch.”"),
                    said("Dern won too."),
                ],
                list: false,
            }],
            ..Brief::default()
        };
        let md = markdown(&brief);
        assert!(
            md.contains("on Feb. 9\n\nPhoenix won, as “Joker” star. Pitt said: “It was a stretch.” Dern won too.\n"),
            "{md}"
        );
        let page = html(&brief, &[]);
        assert_eq!(page.matches("<p>").count(), 2, "{page}");
    }
}
