//! The HTML reader must never panic and must keep its output well-formed on odd
//! input: truncated tags, unbalanced nesting, stray entities, binary-ish bytes,
//! deep nesting, and every prefix of a realistic page.

use brief_read::html::extract;

fn check(html: &str) {
    let a = extract(html);
    assert!(!a.text.starts_with(char::is_whitespace), "{html:?}");
    assert!(!a.text.ends_with(char::is_whitespace), "{html:?}");
    for h in &a.headings {
        assert_eq!(h.span.get(&a.text), Some(h.text.as_str()), "{html:?}");
    }
}

#[test]
fn odd_inputs_do_not_panic() {
    let cases = [
        "",
        "<",
        ">",
        "<<<>>>",
        "</",
        "</>",
        "<!",
        "<!-",
        "<!--",
        "<!-->",
        "<![CDATA[",
        "<?",
        "&",
        "&#",
        "&#x",
        "&#xFFFFFFFFFF;",
        "&#55296;",
        "&amp",
        "<p",
        "<p class=",
        "<p class=\"",
        "<p class='a>b",
        "<p =x>t</p>",
        "<script>",
        "<script></script",
        "<style>a</style",
        "<title>",
        "<textarea><p>x",
        "<table><td>a<tr><td>b</table></td></tr>",
        "<ul><li>a<li>b</ol></li></ul></ul>",
        "</div></div></p></body></html>",
        "<div><p>unclosed <b>bold <i>both</div> after",
        "<h2>sub</h2><h2></h2><h3>  </h3>",
        "<p>a<br><br><br>b<br></p>",
        "<svg><title>x</title><p>in svg</svg>",
        "<P CLASS=X>UPPER &AMP; &Amp; &amp;</P>",
        "<p>\u{0}\u{1}\u{7f}\u{feff} text</p>",
        "<p>é ü 北京 🎉 &#128512;</p>",
        "<meta charset><meta name=author content><link rel=canonical>",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[[[]]]}</script>",
        "<script type=\"application/ld+json\">{not json</script>",
        "<a href=x><a href=y>nested</a></a>",
        "<template><p>inert</p></template><p>live text here</p>",
    ];
    for case in cases {
        check(case);
    }
}

#[test]
fn deep_nesting_is_bounded() {
    let depth = 100_000;
    let html = format!(
        "{}<p>deep text, deep text.</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    check(&html);
    let html = "<b><i>".repeat(50_000);
    check(&html);
}

#[test]
fn every_prefix_of_a_page() {
    let page = include_str!("../../../tests/data/html/news-basic.html");
    let mut cut = 0;
    while cut < page.len() {
        if page.is_char_boundary(cut) {
            check(&page[..cut]);
        }
        cut += 7;
    }
}
