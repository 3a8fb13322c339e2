//! Fuzz target: bytes → `read_all` as a feed and as a WARC archive. Never panics;
//! every accepted article has text.
#![no_main]

use brief_read::{read_all, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    for format in [Format::Feed, Format::Warc] {
        let results = read_all("fuzz", bytes, format);
        for article in results.iter().flatten() {
            assert!(!article.text.trim().is_empty(), "an empty article was accepted");
        }
    }
});
