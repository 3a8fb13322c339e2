//! `brief train ner`: trains the entity tagger from BIO-tagged JSONL and writes
//! the model file that `crates/understand` compiles in. `brief train background`:
//! counts the background document frequencies `crates/stories` compiles in. `brief train
//! word-classes`: the verbs, adjectives and adverbs `crates/compose` builds headings with.
//!
//! The training set holds every document of the chosen datasets twice: whole (the
//! lines of a `doc_id` joined by blank lines) and line by line. Measured on dev, the
//! per-line score is the same as with lines alone and the whole-document score
//! is 0.2–0.3 F1 points higher.
//!
//! Deterministic: the same data and options give the same bytes (fixed shuffle
//! seed, one thread). With `--dev`, the averaged model is scored on the dev lines
//! after every epoch, to choose the epoch count (dev only: never tune on held-out data).

use std::fs;
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use brief::entities::{self, TrainOptions};
use brief::{understand, Article, EntityKind};
use brief_stories::{DocumentFrequencies, Profile};

use crate::eval::ner::{
    annotated_documents, load_gold, print_table, recognize_all, recognize_documents, score,
};
use crate::eval::read_records;
use crate::Outcome;

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// The named-entity tagger (CoNLL types PER, ORG, LOC, MISC).
    Ner(NerArgs),
    /// The background document frequencies of story assignment, from articles
    /// (see crates/stories/models/README.md).
    Background(BackgroundArgs),
    /// The word classes headings are built with (verbs, adjectives, adverbs), from
    /// part-of-speech-tagged text (crates/understand/src/word_classes.rs).
    WordClasses(WordClassesArgs),
}

#[derive(clap::Args, Debug)]
pub struct WordClassesArgs {
    /// CoNLL-2003 columns "word POS chunk entity" (../shared/data/ner/conll2003/eng.train.txt).
    #[arg(long)]
    pub data: PathBuf,
    /// Where to write the Rust table (crates/understand/src/word_classes.rs).
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(clap::Args, Debug)]
pub struct BackgroundArgs {
    /// Article JSONL with an `article` (CNN/DailyMail) or `text` field (e.g.
    /// ../shared/data/cnndm/dev.jsonl).
    #[arg(long)]
    pub data: PathBuf,
    /// Where to write the table (crates/stories/models/background.bin).
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(clap::Args, Debug)]
pub struct NerArgs {
    /// Training JSONL `{"id","dataset","tokens","tags"}` (e.g. ../shared/data/ner/train.jsonl).
    #[arg(long)]
    pub data: PathBuf,
    /// Where to write the model.
    #[arg(long)]
    pub out: PathBuf,
    /// Train on lines of these datasets only (comma-separated).
    #[arg(
        long,
        default_value = "conll2003-train,wnut17-train",
        value_delimiter = ','
    )]
    pub datasets: Vec<String>,
    /// Passes over the training data.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    pub epochs: usize,
    /// The weight table has 2^BITS rows.
    #[arg(long, default_value_t = TrainOptions::default().bits, value_parser = clap::value_parser!(u32).range(8..=24))]
    pub bits: u32,
    /// Score this dev JSONL after every epoch.
    #[arg(long)]
    pub dev: Option<PathBuf>,
}

/// The CoNLL kind of a gold type: CoNLL's own, or WNUT-17's mapped onto them.
/// WNUT's social-media text (measured on dev) lifts CoNLL testa a little and
/// WikiGold by about 3 F1 points: it shows names in other contexts than Reuters
/// sport and markets. `group` (bands, teams, parties) is an organisation in CoNLL;
/// products and creative works are CoNLL's MISC.
fn conll_kind(label: &str) -> Option<EntityKind> {
    EntityKind::from_conll(label).or(match label {
        "person" => Some(EntityKind::Person),
        "location" => Some(EntityKind::Location),
        "corporation" | "group" => Some(EntityKind::Organization),
        "product" | "creative-work" => Some(EntityKind::Misc),
        _ => None,
    })
}

pub fn run(cmd: Command) -> Result<Outcome> {
    match cmd {
        Command::Ner(args) => ner(args),
        Command::Background(args) => background(args),
        Command::WordClasses(args) => word_classes(args),
    }
}

/// Fewest lower-case occurrences a word needs in the tagged text to get a class.
const MIN_CLASS_OCCURRENCES: u32 = 2;
/// Share of a word's lower-case occurrences that must be a verb, an adjective or an adverb
/// for the word to get a class: no noun, as a heading's last word must be ("higher" is an
/// adjective 80% of the time and an adverb the rest, never a noun).
const MIN_CLASS_SHARE: f64 = 0.95;

/// The class of a Penn Treebank tag: verb, adjective or adverb (or particle), else none.
fn word_class(tag: &str) -> Option<char> {
    match tag.get(..2) {
        Some("VB") => Some('V'),
        Some("JJ") => Some('J'),
        // Particles ("away", "off") stand as adverbs do.
        Some("RB" | "RP") => Some('R'),
        _ => None,
    }
}

/// Class names in the order [`word_class`] numbers them.
const CLASS_NAMES: [&str; 3] = ["Verb", "Adjective", "Adverb"];

/// The classed words of CoNLL columns "word POS …", sorted, each with its class (an index of
/// [`CLASS_NAMES`]), and the number of tagged lines read.
fn classed_words(text: &str) -> (usize, Vec<(&str, usize)>) {
    // Per lower-case word: its occurrences, and those of each class.
    let mut counts: std::collections::BTreeMap<&str, (u32, [u32; 3])> = Default::default();
    let mut lines = 0usize;
    for line in text.lines() {
        let mut columns = line.split_whitespace();
        let (Some(word), Some(tag)) = (columns.next(), columns.next()) else {
            continue;
        };
        lines += 1;
        // Words in lower case only: a capital may be a name's ("Will", "Hope").
        if !word.starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        let entry = counts.entry(word).or_default();
        entry.0 += 1;
        if let Some(class) = word_class(tag) {
            entry.1["VJR".find(class).expect("a known class")] += 1;
        }
    }
    let classed = counts
        .into_iter()
        .filter(|(word, (total, by_class))| {
            *total >= MIN_CLASS_OCCURRENCES
                && !word.contains(['"', '\\'])
                && f64::from(by_class.iter().sum::<u32>()) >= MIN_CLASS_SHARE * f64::from(*total)
        })
        .map(|(word, (_, by_class))| {
            // The most frequent of the three classes, the first of a tie.
            let k = (0..3).fold(0, |best, k| {
                if by_class[k] > by_class[best] {
                    k
                } else {
                    best
                }
            });
            (word, k)
        })
        .collect();
    (lines, classed)
}

fn word_classes(args: WordClassesArgs) -> Result<Outcome> {
    let text = fs::read_to_string(&args.data)
        .with_context(|| format!("cannot read {}", args.data.display()))?;
    let (lines, words) = classed_words(&text);
    if lines == 0 {
        anyhow::bail!("{}: no tagged words", args.data.display());
    }
    let mut rows = String::new();
    let mut classed = [0usize; 3];
    for (word, k) in words {
        classed[k] += 1;
        let class = CLASS_NAMES[k];
        rows.push_str(&format!("    (\"{word}\", WordClass::{class}),\n"));
    }
    let source = format!(
        "//! Word classes of lower-case words: compose's headings are noun phrases (no verb, none\n\
         //! ending in an adjective or adverb), and a role is no verb's object.\n\
         //!\n\
         //! Generated by `brief train word-classes --data ../shared/data/ner/conll2003/eng.train.txt\n\
         //! --out crates/understand/src/word_classes.rs` from the part-of-speech column of CoNLL-2003\n\
         //! eng.train: a word seen at least {MIN_CLASS_OCCURRENCES} times in lower case whose tags are a\n\
         //! verb's, an adjective's or an adverb's (VB*, JJ*, RB*) {:.0}% of the time or more, in the class\n\
         //! it has most often. Do not edit by hand.\n\n\
         /// What a word is, where the text says so plainly.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq)]\n\
         pub enum WordClass {{\n    Verb,\n    Adjective,\n    Adverb,\n}}\n\n\
         /// Words and their classes, sorted by word.\n\
         pub const WORD_CLASSES: &[(&str, WordClass)] = &[\n{rows}];\n\n\
         /// The class of a lower-case word.\n\
         pub fn class_of(lower: &str) -> Option<WordClass> {{\n    \
         WORD_CLASSES\n        .binary_search_by(|(word, _)| (*word).cmp(lower))\n        .ok()\n        .map(|at| WORD_CLASSES[at].1)\n}}\n",
        MIN_CLASS_SHARE * 100.0
    );
    fs::write(&args.out, source).with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "{lines} tagged words; {} verbs, {} adjectives, {} adverbs; wrote {}",
        classed[0],
        classed[1],
        classed[2],
        args.out.display()
    );
    Ok(Outcome::Success)
}

/// Profiles each article as the engine does and counts the documents carrying
/// each term; writes the compact table (non-zero slots only).
fn background(args: BackgroundArgs) -> Result<Outcome> {
    let started = Instant::now();
    #[derive(serde::Deserialize)]
    struct Record {
        #[serde(alias = "text")]
        article: String,
    }
    let mut frequencies = DocumentFrequencies::default();
    for (n, record) in read_records::<Record>(&args.data, "an article record", None)?
        .into_iter()
        .enumerate()
    {
        let article = Article::from_text(format!("b{n}"), record.article);
        frequencies.add(&Profile::new(&article, &understand(&article)));
    }
    let bytes = frequencies.to_compact_bytes();
    fs::write(&args.out, &bytes).with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "{} articles; wrote {} ({} bytes) in {:.1} s",
        frequencies.documents(),
        args.out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(Outcome::Success)
}

fn ner(args: NerArgs) -> Result<Outcome> {
    let started = Instant::now();
    let mut data = Vec::new();
    for dataset in &args.datasets {
        let gold = load_gold(&args.data, Some(dataset), None)?;
        // Each document once whole (articles come whole) and each line once alone
        // (JSONL lines come alone): the document-level feature learns both.
        data.extend(annotated_documents(&gold, conll_kind));
        data.extend(gold.iter().map(|g| g.annotated(conll_kind)));
    }
    let dev = match &args.dev {
        Some(path) => load_gold(path, None, None)?,
        None => Vec::new(),
    };
    let dev_articles: Vec<Article> = dev
        .iter()
        .map(|g| Article::from_text(g.id.clone(), g.text.clone()))
        .collect();
    let entities: usize = data.iter().map(|a| a.entities.len()).sum();
    eprintln!(
        "training on {} lines, {entities} entities ({})",
        data.len(),
        args.datasets.join(", ")
    );
    let options = TrainOptions {
        epochs: args.epochs,
        bits: args.bits,
        ..TrainOptions::default()
    };
    let model = entities::train(&data, &options, |epoch, model| {
        eprintln!("epoch {epoch} ({:.0} s)", started.elapsed().as_secs_f64());
        // The dev scores of each epoch are progress, written beside it on stderr.
        if !dev.is_empty() {
            let err = &mut io::stderr();
            let _ = print_table(err, &score(&dev, &recognize_all(&dev_articles, model)));
            let _ = writeln!(err, "by document:");
            let _ = print_table(err, &score(&dev, &recognize_documents(&dev, model)));
        }
    });
    let bytes = model.to_bytes();
    fs::write(&args.out, &bytes).with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "wrote {} ({:.2} MB) in {:.0} s",
        args.out.display(),
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_gets_its_most_frequent_class_when_it_is_almost_never_a_noun() {
        let tagged = "\
higher JJR I-NP O
higher JJR I-NP O
higher RBR I-ADVP O
back RB I-ADVP O
back NN I-NP O
away RP I-PRT O
away RP I-PRT O
said VBD I-VP O
said VBD I-VP O
once RB I-ADVP O
Will NNP I-NP I-PER
will MD I-VP O
will MD I-VP O
";
        let (lines, words) = classed_words(tagged);
        assert_eq!(lines, 13);
        // "back" is a noun half the time, "once" is seen once, "will" is a modal (no class),
        // and a capitalised word may be a name.
        assert_eq!(
            words
                .iter()
                .map(|&(w, k)| (w, CLASS_NAMES[k]))
                .collect::<Vec<_>>(),
            [
                ("away", "Adverb"),
                ("higher", "Adjective"),
                ("said", "Verb")
            ]
        );
    }
}
