#!/usr/bin/env bash
# Corpus dedup on ../shared/bench/noisy-dev plus syndicated copies of every 7th article
# (paragraphs reordered, those of 20+ words reworded by one synonym, shorter ones changed in
# case or punctuation, chrome added: a lexicon-known share bar and breadcrumb, and a partner
# line no lexicon has, which learned chrome must catch). Checks: every planted copy removed with the right
# duplicate_of; content lines kept on noisy-dev >= 0.998 with --dedup corpus; 1, 2 and 4
# shards through index/merge/clean and --jobs 1/2 give the single run's bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
cargo build --release --quiet
bin=$PWD/target/release/decruft
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
mkdir -p "$w/c/orig" "$w/c/zcopies"
cp "$shared/bench/noisy-dev/docs/"*.txt "$w/c/orig/"
python3 bench/syndicated/make_corpus.py "$w/c" "$shared/bench/noisy-dev/docs"
"$bin" clean -q "$w/c" --out "$w/single" --dedup corpus
python3 bench/syndicated/check_planted.py "$w/c" "$w/single"
copies=$(ls "$w/c/zcopies" | wc -l)
chrome=$(grep -o '"rule":"learned_chrome"' "$w/single/provenance.jsonl" | wc -l)
echo "learned chrome: the partner line removed from $chrome of $copies copies"
[ "$chrome" = "$copies" ]
kept=$(python3 "$shared/bench/score.py" noisy --gold "$shared/bench/noisy-dev/gold" --pred "$w/single/orig" | sed -n 's/^content lines kept.*= \([0-9.]*\)$/\1/p')
echo "noisy-dev content lines kept with --dedup corpus: $kept"
[ "$(echo "$kept >= 0.998" | bc -l)" = 1 ]
for n in 1 2 4; do
  idx=(); decs=(); union="$w/union-$n"; mkdir -p "$union"
  for ((i = 0; i < n; i++)); do "$bin" index "$w/c" --shard "$i/$n" --out "$w/idx-$n-$i" 2>/dev/null; idx+=("$w/idx-$n-$i"); done
  for k in 0 1 2; do "$bin" merge "${idx[@]}" --bucket "$k/3" --out "$w/dec-$n-$k" 2>/dev/null; decs+=("$w/dec-$n-$k"); done
  for ((i = 0; i < n; i++)); do
    "$bin" clean -q "$w/c" --shard "$i/$n" --decisions "${decs[@]}" --out "$w/out-$n-$i"
    (cd "$w/out-$n-$i" && find . -name '*.txt' -exec cp --parents {} "$union/" \;)
    cat "$w/out-$n-$i/provenance.jsonl"
  done | sort > "$union.prov"
  (cd "$w/single" && find . -name '*.txt' | sort | xargs sha256sum) > "$w/single.sums"
  (cd "$union" && find . -name '*.txt' | sort | xargs sha256sum) > "$union.sums"
  diff -q "$w/single.sums" "$union.sums" >/dev/null && diff -q <(sort "$w/single/provenance.jsonl") "$union.prov" >/dev/null
  echo "$n shards: identical to the single run"
done
"$bin" clean -q "$w/c" --out "$w/j1" --dedup corpus --jobs 1
"$bin" clean -q "$w/c" --out "$w/j2" --dedup corpus --jobs 2
diff -r "$w/j1" "$w/j2" >/dev/null && echo "--jobs 1 and --jobs 2: identical"
echo "syndicated: all passed"
