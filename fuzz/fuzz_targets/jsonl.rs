//! Fuzz target: bytes → `read_jsonl`. Never panics, and gives one result per non-blank
//! line of the decoded input (or one error when the input cannot be decoded).
#![no_main]

use brief_read::{decode, read_jsonl};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let results = read_jsonl("fuzz.jsonl", bytes);
    let expected = match decode("fuzz.jsonl", bytes, None) {
        Ok(d) => d.text.lines().filter(|l| !l.trim().is_empty()).count(),
        Err(_) => 1,
    };
    assert_eq!(results.len(), expected, "one result per non-blank line");
    for article in results.iter().flatten() {
        assert!(
            !article.text.trim().is_empty(),
            "an empty article was accepted"
        );
    }
});
