#!/usr/bin/env bash
# Runs the Spark driver in local mode (pyspark from PyPI in a venv this script creates; Java 17
# on the machine) on noisy-dev plus syndicated copies (or the samples when ../shared is not
# there), and checks the union of the shard outputs equals one `decruft clean --dedup corpus`.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=${SPARK_VENV:-bench/.venv-spark}
if [ ! -x "$venv/bin/spark-submit" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check pyspark
fi
cargo build --release --quiet
bin=$PWD/target/release/decruft
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
mkdir -p "$w/c/orig" "$w/c/zcopies"
if [ -d ../shared/bench/noisy-dev ]; then
  cp ../shared/bench/noisy-dev/docs/*.txt "$w/c/orig/"
  python3 bench/syndicated/make_corpus.py "$w/c" ../shared/bench/noisy-dev/docs >/dev/null
else
  cp samples/*.txt "$w/c/orig/"
fi
"$bin" clean -q "$w/c" --out "$w/single" --dedup corpus
PYSPARK_PYTHON="$venv/bin/python" "$venv/bin/spark-submit" --master 'local[2]' \
  --conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false \
  examples/spark/decruft_spark.py --decruft "$bin" --input "$w/c" --work "$w/work" --out "$w/spark" \
  --shards 3 --buckets 2 2> "$w/spark.log" || { tail -30 "$w/spark.log"; exit 1; }
mkdir -p "$w/union"
for d in "$w"/spark/shard-*; do (cd "$d" && find . -name '*.txt' -exec cp --parents {} "$w/union/" \;); done
(cd "$w/single" && find . -name '*.txt' | sort | xargs sha256sum) > "$w/a"
(cd "$w/union" && find . -name '*.txt' | sort | xargs sha256sum) > "$w/b"
diff "$w/a" "$w/b" >/dev/null || { echo "spark: clean texts differ from the single run"; exit 1; }
diff <(sort "$w/single/provenance.jsonl") <(cat "$w"/spark/shard-*/provenance.jsonl | sort) >/dev/null \
  || { echo "spark: provenance differs from the single run"; exit 1; }
echo "spark local mode: $(wc -l < "$w/a") clean texts and their provenance equal the single run"
