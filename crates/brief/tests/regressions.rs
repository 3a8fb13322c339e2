//! Regressions: headings of more than seven words from punctuation-heavy subheads and a
//! repeated fallback heading (found by the property tests), and a quotation shown apart
//! from the sentence that says who spoke it.

use brief::{Article, Pipeline};

#[test]
fn subhead_headings_have_at_most_seven_words() {
    let text = "The council approved the new flood barrier on Tuesday. Engineers said work on the barrier would start soon. Residents welcomed the barrier at a meeting.\n\nFlood barrier - - - - - - plans\n\nThe flood barrier plans were published on Monday. The plans show four steel gates across the river. Critics said the barrier plans cost too much money.";
    let article = Article::from_text("a", text);
    let brief = Pipeline::default().brief(&article).unwrap();
    for s in &brief.sections {
        let words = s.heading.split_whitespace().count();
        assert!(
            (1..=7).contains(&words),
            "heading {:?} has {words} words",
            s.heading
        );
    }
}

#[test]
fn fallback_headings_are_not_repeated() {
    let text = "“We will win this fight,” she said. “Nobody can stop us now,” he said. “The river is rising fast,” she said. “Our homes are under water,” he said. “The council did nothing at all,” she said. “We asked them for help,” he said. “They never came to see us,” she said. “Now it is too late,” he said. “Everything we owned is gone,” she said. “We have to start again,” he said.";
    let article = Article::from_text("a", text);
    let brief = Pipeline::default().brief(&article).unwrap();
    let mut headings: Vec<String> = brief
        .sections
        .iter()
        .map(|s| s.heading.to_lowercase())
        .collect();
    headings.sort();
    headings.dedup();
    assert_eq!(headings.len(), brief.sections.len(), "repeated headings");
}

/// A sentence that is all quotation continues the one before, which names the speaker:
/// shown without it, nobody would know who spoke. The shipped example's council leader
/// is quoted that way, her first sentence a takeaway.
#[test]
fn a_quotation_is_not_shown_without_the_sentence_naming_its_speaker() {
    let text = include_str!("../../../examples/flood-barrier.txt");
    let article =
        brief::read::read_document("a", text.as_bytes(), brief::read::Format::Text).unwrap();
    let brief = Pipeline::default().brief(&article).unwrap();
    let attribution = "said council leader Maria Delgado";
    let continuation = "This barrier is the single most important thing";
    assert!(
        brief.takeaways.iter().any(|t| t.text.contains(attribution)),
        "the example's premise: the attribution is a takeaway"
    );
    for section in &brief.sections {
        for (k, sentence) in section.sentences.iter().enumerate() {
            if sentence.text.contains(continuation) {
                assert!(
                    k > 0 && section.sentences[k - 1].text.contains(attribution),
                    "{:?} shown without its speaker in {:?}",
                    sentence.text,
                    section.heading
                );
            }
        }
    }
}
