//! Fuzz target: any UTF-8 text → `Pipeline::brief`. A brief that comes back must pass the
//! faithfulness check and keep its shape; a refusal must be "too short" or "not English",
//! never an internal faithfulness failure.
#![no_main]

use brief::{validate, Article, BriefError, Pipeline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let article = Article::from_text("fuzz", text);
    match Pipeline::default().brief(&article) {
        Ok(brief) => {
            validate(&brief, |id| (id == article.id).then_some(&article))
                .expect("a returned brief is faithful");
            assert!(brief.takeaways.len() <= 6, "too many takeaways");
            assert!(brief.sections.len() <= 7, "too many sections");
            for s in &brief.sections {
                assert!(!s.heading.trim().is_empty(), "empty heading");
                assert!(!s.sentences.is_empty(), "empty section");
            }
        }
        Err(BriefError::Unfaithful { source, .. }) => panic!("unfaithful brief: {source}"),
        Err(_) => {}
    }
});
