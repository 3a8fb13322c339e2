#!/usr/bin/env bash
# brief beside the peers in ../shared/peers, on the same dev data, one process each,
# measured in the same run. Quality by each side's scorer, throughput by each
# side's own timing of its work (peers exclude interpreter start; brief excludes
# process start and file reading).
#
#   PEERS_VENV=/path/to/venv bash bench/compare.sh [sum] [ext] [ner]
#
# The venv comes from `PEERS_VENV=... bash ../shared/peers/setup.sh` (about 2 minutes).
# BRIEF_DATA points at the data directory (default ../shared/data).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PEERS_VENV:?set PEERS_VENV to the peers venv (see ../shared/peers/setup.sh)}"
DATA="${BRIEF_DATA:-../shared/data}"
PEERS="$(cd ../shared/peers && pwd)"
PY="$PEERS_VENV/bin/python"
OUT="${BENCH_OUT:-$(mktemp -d)}"
mkdir -p "$OUT"
PARTS="${*:-sum ext ner}"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0

cargo build --release --quiet
BRIEF="${CARGO_TARGET_DIR:-target}/release/brief"

field() { # field NAME LINE -> value of NAME=value in LINE
  sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" <<<"$2"
}

for part in $PARTS; do
  case $part in
  sum)
    echo "== Summaries: CNN/DM dev, 3 sentences, ROUGE F1 x100 (rouge-score definition), articles/s"
    printf "%-14s %7s %7s %7s %12s %10s\n" tool R1 R2 RLsum articles/s "vs lexrank"
    lex_rate=""
    for m in lexrank lead3 textrank; do
      line=$("$PY" "$PEERS/summarize.py" --method $m --sentences 3 "$DATA/cnndm/dev.jsonl" -o "$OUT/sum.$m.jsonl")
      score=$("$PY" "$PEERS/rouge.py" "$OUT/sum.$m.jsonl" "$DATA/cnndm/dev.jsonl")
      rate=$(field articles_per_s "$line")
      [ $m = lexrank ] && lex_rate=$rate
      printf "%-14s %7s %7s %7s %12s %10s\n" "sumy $m" "$(field R1 "$score")" "$(field R2 "$score")" \
        "$(field RLsum "$score")" "$rate" "$(awk -v a="$rate" -v b="$lex_rate" 'BEGIN{printf "%.1fx", a/b}')"
    done
    ours=$("$BRIEF" eval summaries --data "$DATA/cnndm/dev.jsonl" --takeaways 3 --out "$OUT/sum.brief.jsonl")
    row=$(grep '^brief ' <<<"$ours")
    read -r _ r1 r2 _ rlsum rate <<<"$row"
    printf "%-14s %7s %7s %7s %12s %10s\n" brief "$r1" "$r2" "$rlsum" "$rate" \
      "$(awk -v a="$rate" -v b="$lex_rate" 'BEGIN{printf "%.0fx", a/b}')"
    # The brief with facts (issue 3's speed bar), same run, same ratio.
    facts_rate=$(sed -n 's/^with facts.*: \([0-9]*\) articles\/s$/\1/p' <<<"$ours")
    printf "%-14s %7s %7s %7s %12s %10s\n" "brief+facts" - - - "$facts_rate" \
      "$(awk -v a="$facts_rate" -v b="$lex_rate" 'BEGIN{printf "%.0fx", a/b}')"
    # The acceptance scorer on brief's own JSON, as a cross-check of brief's numbers.
    "$PY" "$PEERS/score_brief.py" rouge "$OUT/sum.brief.jsonl" "$DATA/cnndm/dev.jsonl" | sed 's/^/score_brief: /'
    grep '^faithful' <<<"$ours"
    ;;
  ext)
    echo "== Extraction: extraction/dev, F1 (4-gram shingles; snippets for trafilatura-eval), pages/s"
    for t in trafilatura readability; do
      line=$("$PY" "$PEERS/extract.py" --tool $t "$DATA/extraction/dev.jsonl" --data-root "$DATA" -o "$OUT/ext.$t.jsonl" 2>/dev/null)
      echo "$t: $line"
      "$PY" "$PEERS/extract_eval.py" "$OUT/ext.$t.jsonl" "$DATA/extraction/dev.jsonl" --data-root "$DATA" \
        --by-dataset --ngram 4 --n-bootstrap 0 | sed "s/^/  $t /"
    done
    echo "brief:"
    "$BRIEF" eval extraction --data "$DATA/extraction/dev.jsonl" | sed 's/^/  /'
    ;;
  ner)
    echo "== NER: ner/dev, entity-level typed P/R/F1 (exact span), words/s, one process"
    "$PY" "$PEERS/ner.py" "$DATA/ner/dev.jsonl" -o "$OUT/ner.spacy.jsonl" | sed 's/^/spaCy: /'
    "$PY" "$PEERS/ner_eval.py" "$OUT/ner.spacy.jsonl" "$DATA/ner/dev.jsonl" --by-dataset | sed 's/^/  spaCy /'
    echo "brief:"
    "$BRIEF" eval ner --data "$DATA/ner/dev.jsonl" --repeat 3 --out "$OUT/ner.brief.jsonl" | sed 's/^/  /'
    # The acceptance scorer on `brief entities` output, as a cross-check of brief's numbers.
    "$PY" -c 'import json,sys
for l in open(sys.argv[1]):
    r = json.loads(l)
    print(json.dumps({"id": r["id"], "text": r["text"]}))' "$DATA/ner/dev.jsonl" >"$OUT/ner.input.jsonl"
    "$BRIEF" entities --scheme conll "$OUT/ner.input.jsonl" >"$OUT/ner.entities.jsonl"
    "$PY" "$PEERS/score_brief.py" ner "$OUT/ner.entities.jsonl" "$DATA/ner/dev.jsonl" | sed 's/^/score_brief (all lines): /'
    ;;
  *) echo "unknown part $part (sum, ext, ner)" >&2; exit 2 ;;
  esac
done
echo "(outputs in $OUT)"
