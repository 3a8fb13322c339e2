"""Generates the reference fixtures for crates/eval/tests/rouge_reference.rs.

Requires rouge-score 0.1.2 and nltk (the Porter stemmer rouge-score uses).
Run from the repository root:

    python crates/eval/tests/data/make_rouge_fixtures.py \
        --dev /work/shared/data/cnndm/dev.jsonl

It writes, next to this script:
  porter_stems.json  [word, NLTK PorterStemmer().stem(word)] pairs: words from
                     the dev articles (every Porter suffix represented) plus
                     hand-picked edge cases.
  rouge_cases.json   {"tokenize": [...], "scores": [...]}: rouge-score's
                     tokens for odd texts, and P/R/F of rouge1/2/L/Lsum for
                     200 dev (highlights, lead-3) pairs plus edge cases.

With --dev-pairs OUT it instead writes every dev record's (highlights,
lead-3) pair and rouge-score's F-measures to OUT (one JSON object a line) and
prints the corpus means, for the ignored `dev_corpus_agreement` test; that
output is not committed:

    ROUGE_DEV_PAIRS=/tmp/dev_pairs.jsonl cargo test -p brief-eval --release \
        --test rouge_reference -- --ignored --nocapture
"""

import argparse
import json
import os
import random
import re

from nltk.stem import porter
from rouge_score import rouge_scorer, tokenize, tokenizers

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]

# Suffixes the Porter rules look at; the word list samples words ending in each.
SUFFIXES = """
ational tional enci anci izer bli alli entli eli ousli ization ation ator alism
iveness fulness ousness aliti iviti biliti fulli logi icate ative alize iciti
ical ful ness al ance ence er ic able ible ant ement ment ent sion tion ou ism
ate iti ous ive ize sses ies ied eed ed ing ly y e ll s ss at bl iz ely ily
""".split()

EDGE_WORDS = """
generously generous dying lying tying skies sky news proceed exceed succeed
proceeded exceeding succeeds innings inning outings outing cannings canning
howe howes ties pies dies lies cries spies flies tries tried died cried spied
flied caresses ponies caress cats feed agreed plastered bled motoring sing
conflated troubled sized hopping tanned falling hissing fizzed failing filing
happy enjoy toy by say sayings syzygy yyyy yes yield relational conditional
rational valenci hesitanci digitizer conformabli radicalli differentli vileli
analogousli vietnamization predication operator feudalism decisiveness
hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative
formalize electriciti electrical hopeful goodness revival allowance inference
airliner gyroscopic adjustable defensible irritant replacement adjustment
dependent adoption homologou communism activate angulariti homologous effective
bowdlerize probate rate cease controll roll generalizations oscillators
hopelessly fully carefully actually really finally beautifully analogically
archaeology theology biology apology etymologies ideologies a an as is it be
the and was has this that with from they have were their been said would
about there 1990s 2015 3d 10th 100m mp3 x86 covid19 aaaa abcd zzzz eeee
ieee ooze agreement agreements agreeable disagreed eed ied ies ing ed sess
skiing skis taxis axes boxes buses gases quizzes wizardry anyway always
mississippi possibilities responsibilities organizational internationalization
""".split()

# Strings outside rouge-score's token alphabet, for stem() on any &str.
ODD_WORDS = [
    "", "A", "Ab", "ABC", "Running", "HOPPING", "İstanbul", "İİİİ", "KELVIN",
    "naïve", "café", "façade", "Übermensch", "straße", "ΣΊΣΥΦΟΣ", "ǅemal",
    "日本語", "🙂🙂🙂🙂", "a*ding", "x*d", "ab*ded", "it's", "co-op", "y", "yy",
    "yyy", "ayyy", "e-mail", "naïvely", "résumés", "\u00e9tudiants",
]

TOKENIZE_TEXTS = [
    "The quick brown fox jumps over the lazy dog.",
    "Running runners ran; they're RUNNING!",
    "U.S.-led coalition's 2nd strike, 10:30 a.m. (GMT) -- 50% of 1,000",
    "İSTANBUL, Türkiye — naïve café owners' résumés",
    "KELVIN sign: 273K, Kelvin",
    "Σίσυφος ΣΊΣΥΦΟΣ, 日本語のテキスト, emoji 🙂 here",
    "tabs\tand\nnewlines\r\nand   spaces",
    "",
    "!!! ... ???",
    "dying lying skies news proceeded generously",
]


def lead3(article):
    """First three sentences by a fixed, simple splitter, one per line."""
    sentences = re.split(r"(?<=[.!?])\s+", article.strip())
    return "\n".join(s.strip() for s in sentences[:3] if s.strip())


def score_case(scorer, target, prediction, use_stemmer):
    scores = scorer.score(target, prediction)
    case = {"target": target, "prediction": prediction, "use_stemmer": use_stemmer}
    for t in TYPES:
        s = scores[t]
        case[t] = [float(s.precision), float(s.recall), float(s.fmeasure)]
    return case


def read_dev(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_list(path, items):
    """A JSON list with one item a line, so diffs stay readable."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(x, ensure_ascii=False) for x in items))
        f.write("\n]\n")


def make_stems(records):
    stemmer = porter.PorterStemmer()
    vocab = sorted(
        {
            tok
            for r in records
            for tok in tokenize.tokenize(r["article"], None)
        }
    )
    rng = random.Random(20240601)
    words = []
    seen = set()

    def add(w):
        if w not in seen:
            seen.add(w)
            words.append(w)

    for w in EDGE_WORDS + ODD_WORDS:
        add(w)
    for suffix in SUFFIXES:
        ending = [w for w in vocab if w.endswith(suffix) and w not in seen]
        for w in rng.sample(ending, min(20, len(ending))):
            add(w)
    rest = [w for w in vocab if w not in seen]
    for w in rng.sample(rest, max(0, 2200 - len(words))):
        add(w)
    return [[w, stemmer.stem(w)] for w in words]


def edge_pairs():
    long_text = " ".join(["the cat sat on the mat"] * 20)
    return [
        ("", "anything at all"),
        ("something here", ""),
        ("", ""),
        ("same text here.", "same text here."),
        ("The cat sat on the mat.", "The cat sat on the mat."),
        ("!!! ...", "??? ,,,"),
        ("words here", "..."),
        ("the the the the", "the the"),
        ("the cat the cat the cat", "cat the cat the"),
        ("a b c d", "a b\nc d\na"),
        ("first line\n\nthird line\n", "\nthird line\n\nfirst line"),
        ("one\n\n\ntwo three\n \n", "two\nthree one\n\n"),
        ("police said the man was arrested\nhe was charged",
         "the man was arrested by police\npolice said he was charged\nhe was"),
        ("İstanbul café naïve résumé", "istanbul cafe naive resume"),
        ("Σίσυφος 日本語 🙂 emoji", "emoji 🙂 日本語"),
        ("KELVIN 273K", "kelvin 273k"),
        ("running runners ran quickly", "run runner running quick"),
        ("generously dying lying skies news", "generous die lie sky news"),
        ("U.S. officials said on Tuesday\r\nthat 1,000 troops",
         "US officials said Tuesday that 1000 troops"),
        (long_text, long_text.replace("mat", "hat")),
        ("x y z\nx y z\nx y z", "x\ny\nz\nx y z"),
        ("a b a b a b", "b a b a"),
        ("tabs\tand\ttext", "tabs and text"),
    ]


def make_cases(records):
    stemmed = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    plain = rouge_scorer.RougeScorer(TYPES, use_stemmer=False)
    scores = []
    for i, r in enumerate(records[::4][:200]):
        target = "\n".join(r["highlights"])
        prediction = lead3(r["article"])
        scores.append(score_case(stemmed, target, prediction, True))
        if i % 10 == 0:
            scores.append(score_case(plain, target, prediction, False))
    for target, prediction in edge_pairs():
        scores.append(score_case(stemmed, target, prediction, True))
        scores.append(score_case(plain, target, prediction, False))

    tok_stem = tokenizers.DefaultTokenizer(use_stemmer=True)
    tok_plain = tokenizers.DefaultTokenizer(use_stemmer=False)
    tokenized = []
    for text in TOKENIZE_TEXTS:
        tokenized.append({"text": text, "stem": True, "tokens": tok_stem.tokenize(text)})
        tokenized.append({"text": text, "stem": False, "tokens": tok_plain.tokenize(text)})
    return {"tokenize": tokenized, "scores": scores}


def write_dev_pairs(records, out):
    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    sums = {t: 0.0 for t in TYPES}
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            target = "\n".join(r["highlights"])
            prediction = lead3(r["article"])
            scores = scorer.score(target, prediction)
            row = {"target": target, "prediction": prediction}
            for t in TYPES:
                row[t] = scores[t].fmeasure
                sums[t] += scores[t].fmeasure
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    n = len(records)
    print(f"records: {n}")
    for t in TYPES:
        print(f"python mean {t} F1: {sums[t] / n:.10f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dev", required=True, help="cnndm dev.jsonl")
    parser.add_argument("--dev-pairs", help="write all dev pairs + scores here")
    args = parser.parse_args()
    records = read_dev(args.dev)
    if args.dev_pairs:
        write_dev_pairs(records, args.dev_pairs)
        return
    write_list(os.path.join(HERE, "porter_stems.json"), make_stems(records))
    cases = make_cases(records)
    with open(os.path.join(HERE, "rouge_cases.json"), "w", encoding="utf-8") as f:
        f.write('{"tokenize": [\n')
        f.write(",\n".join(json.dumps(x, ensure_ascii=False) for x in cases["tokenize"]))
        f.write('\n],\n"scores": [\n')
        f.write(",\n".join(json.dumps(x, ensure_ascii=False) for x in cases["scores"]))
        f.write("\n]}\n")


if __name__ == "__main__":
    main()
