#!/usr/bin/env bash
# Measures issue 2's acceptance items on the shared data (needs ../shared) and fails if one
# does not hold:
#   1. seeds: exact 5/5 with score.py
#   2. noisy-dev: removal F1 >= 0.98 and content lines kept >= 0.998
#   3. verify passes on 1, 2 and a folder of hostile files (random bytes, invalid UTF-8, CRLF,
#      BOM, a 50 MB single line, an empty file), and fails after one output byte is changed
#   4. --jobs 1 and --jobs 2 give identical output folders (diff -r)
# Also reports the independent multilingual widget set (tests/fixtures/widgets).
set -uo pipefail
cd "$(dirname "$0")/.."
shared=../shared
[ -d "$shared/bench" ] || { echo "acceptance: $shared not found" >&2; exit 2; }
cargo build --release --quiet || exit 2
bin=$PWD/target/release/decruft
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
check() { # NAME CONDITION(0/1) DETAIL
  if [ "$2" = 1 ]; then printf 'PASS  %-44s %s\n' "$1" "$3"; else printf 'FAIL  %-44s %s\n' "$1" "$3"; fail=1; fi
}
ge() { [ "$(echo "$1 >= $2" | bc -l)" = 1 ] && echo 1 || echo 0; }

# 1. seeds
"$bin" clean -q "$shared/seeds/docs" --out "$work/seeds"
s=$(python3 "$shared/bench/score.py" noisy --gold "$shared/seeds/gold" --pred "$work/seeds")
exact=$(echo "$s" | sed -n 's/.*exact \([0-9]*\) .*/\1/p')
check "seeds exact" "$([ "$exact" = 5 ] && echo 1 || echo 0)" "$exact/5"

# 2. noisy-dev
"$bin" clean -q "$shared/bench/noisy-dev/docs" --out "$work/noisy"
s=$(python3 "$shared/bench/score.py" noisy --gold "$shared/bench/noisy-dev/gold" --pred "$work/noisy")
f1=$(echo "$s" | sed -n 's/.*F1 \([0-9.]*\).*/\1/p')
kept=$(echo "$s" | sed -n 's/^content lines kept.*= \([0-9.]*\)$/\1/p')
check "noisy-dev removal F1 >= 0.98" "$(ge "$f1" 0.98)" "$f1"
check "noisy-dev content lines kept >= 0.998" "$(ge "$kept" 0.998)" "$kept"

# independent multilingual widgets (reported, and held to the same bars)
"$bin" clean -q tests/fixtures/widgets/docs --out "$work/widgets"
s=$(python3 "$shared/bench/score.py" noisy --gold tests/fixtures/widgets/gold --pred "$work/widgets")
wf1=$(echo "$s" | sed -n 's/.*F1 \([0-9.]*\).*/\1/p')
wkept=$(echo "$s" | sed -n 's/^content lines kept.*= \([0-9.]*\)$/\1/p')
check "widgets (en/fr/de/es) removal F1 >= 0.98" "$(ge "$wf1" 0.98)" "$wf1"
check "widgets content lines kept >= 0.998" "$(ge "$wkept" 0.998)" "$wkept"

# 3. verify
for d in seeds noisy; do
  "$bin" verify -q "$work/$d" >/dev/null 2>&1
  check "verify $d" "$([ $? = 0 ] && echo 1 || echo 0)" ""
done
h="$work/hostile"; mkdir -p "$h"
head -c 100000 /dev/urandom > "$h/random.bin"
printf 'Headline\nCaf\xe9 au lait \xff\xfe.\nShare on Facebook\n' > "$h/invalid-utf8.txt"
printf 'Headline\r\n\r\nBody.\r\n\r\n\r\nLeave a Reply\r\n' > "$h/crlf.txt"
printf '\xef\xbb\xbfHeadline\nBody.\nAdvertisement\n' > "$h/bom.txt"
: > "$h/empty.txt"
python3 -c "import sys; sys.stdout.write('word ' * 10_000_000)" > "$h/single-line-50mb.txt"
"$bin" clean -q "$h" --out "$work/hostile-out"
rc=$?
check "hostile folder: exit 1 (bad files reported)" "$([ $rc = 1 ] && echo 1 || echo 0)" "exit $rc"
n=$(python3 -c "import json; s=json.load(open('$work/hostile-out/summary.json')); print(s['documents'], s['failed'])")
check "hostile folder: 4 cleaned, 2 failed" "$([ "$n" = "4 2" ] && echo 1 || echo 0)" "$n"
"$bin" verify -q "$work/hostile-out" >/dev/null 2>&1
check "verify hostile folder" "$([ $? = 0 ] && echo 1 || echo 0)" ""
python3 - "$work/noisy/dev-0003-4861.txt" <<'PY'
import sys
p = sys.argv[1]; b = bytearray(open(p, 'rb').read()); b[5] ^= 0x01; open(p, 'wb').write(bytes(b))
PY
out=$("$bin" verify -q "$work/noisy" 2>&1); rc=$?
check "verify fails after one changed byte" "$([ $rc = 1 ] && echo 1 || echo 0)" "$(echo "$out" | head -1)"

# 4. determinism
"$bin" clean -q "$shared/bench/noisy-dev/docs" --out "$work/j1" --jobs 1
"$bin" clean -q "$shared/bench/noisy-dev/docs" --out "$work/j2" --jobs 2
diff -r "$work/j1" "$work/j2" >/dev/null
check "diff -r --jobs 1 vs --jobs 2" "$([ $? = 0 ] && echo 1 || echo 0)" ""

[ $fail = 0 ] && echo "acceptance: all passed" || echo "acceptance: FAILED"
exit $fail
