//! Fuzz target: any UTF-8 text → `understand`. Sentences must be trimmed, non-empty,
//! ordered, non-overlapping spans on character boundaries, and tokens likewise inside them.
#![no_main]

use brief_core::Article;
use brief_understand::understand;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let article = Article::from_text("fuzz", text);
    let doc = understand(&article);
    let mut previous_end = 0;
    let mut previous_paragraph = 0;
    for s in &doc.sentences {
        let body = s.span.get(text).expect("sentence span on char boundaries");
        assert!(!body.is_empty(), "empty sentence");
        assert_eq!(body.trim(), body, "untrimmed sentence");
        assert!(previous_end <= s.span.start, "overlapping sentences");
        assert!(
            previous_paragraph <= s.paragraph,
            "paragraph index went down"
        );
        previous_end = s.span.end;
        previous_paragraph = s.paragraph;
        let mut token_end = s.span.start;
        for t in &s.tokens {
            assert!(s.span.contains(t.span), "token outside its sentence");
            assert!(token_end <= t.span.start, "overlapping tokens");
            token_end = t.span.end;
            let word = t.span.get(text).expect("token span on char boundaries");
            assert!(!word.is_empty() && !word.chars().any(char::is_whitespace));
        }
    }
});
