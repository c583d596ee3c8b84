#!/usr/bin/env bash
# The HTML audit report in a real browser (issue 4): headless Chromium (Debian's `chromium`,
# installed with apt-get when missing) opens the report, and the rendered DOM is checked.
#   1. samples/: for each seed, report.html#doc=ID is rendered and every removed span of the
#      document is in the DOM with its text, reason and rule, and the kept spans are its clean
#      text; the seeds' removed lines add up to 29; `decruft audit` counts equal summary.json.
#   2. ../shared/bench/noisy-dev (when present): the report renders in under 5 seconds
#      (wall time of a headless screenshot, browser start-up included) and shows both charts.
#   3. 10,000 documents (noisy-dev copied 50 times, when present): render time, reported.
# Screenshots go to bench/out/audit/. With --update-docs the seed 003 screenshot also
# replaces docs/audit-report.png (the README's picture).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
shared=$(cd .. && pwd)/shared
update_docs=0
[ "${1:-}" = --update-docs ] && update_docs=1

if ! command -v chromium >/dev/null; then
  echo "audit_browser: installing chromium"
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null ||
    { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null; } ||
    { echo "audit_browser: cannot install chromium" >&2; exit 2; }
fi
chrome() { # URL ARGS... (stderr is D-Bus noise in a container)
  local url=$1; shift
  timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$work/profile" "$@" "$url" 2>/dev/null
}
now() { date +%s.%N; }

cargo build --release --quiet
bin=$repo/target/release/decruft
out=$repo/bench/out/audit
mkdir -p "$out"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fail=0
check() { # NAME OK(0/1) DETAIL
  if [ "$2" = 1 ]; then printf 'PASS  %-52s %s\n' "$1" "$3"; else printf 'FAIL  %-52s %s\n' "$1" "$3"; fail=1; fi
}

# 1. samples
cd "$work"
"$bin" clean -q "$repo/samples" --out cleaned
"$bin" audit cleaned --json > audit.json
"$bin" audit cleaned --html report.html 2>/dev/null
same=$(python3 - <<'PY'
import json
a = json.load(open("audit.json")); s = json.load(open("cleaned/summary.json"))
ok = all(a[k] == s[k] for k in ("documents", "bytes_in", "bytes_out", "bytes_removed"))
ok = ok and {r: (v["blocks"], v["bytes"]) for r, v in a["reasons"].items()} == \
    {r: (v["blocks"], v["bytes"]) for r, v in s["removed"].items()}
print(1 if ok and not a["summary_json"]["mismatches"] else 0, a["lines_removed"])
PY
)
check "samples: audit counts equal summary.json" "${same% *}" "lines removed ${same#* }"
total=0
for id in $(python3 -c "import json; [print(json.loads(l)['id']) for l in open('cleaned/provenance.jsonl')]"); do
  chrome "file://$work/report.html#doc=$id" --dump-dom > "dom-$id.html"
  if res=$(python3 "$repo/bench/audit/check_dom.py" "dom-$id.html" cleaned "$id"); then ok=1; else ok=0; fi
  n=$(echo "$res" | sed -n 's/^removed-lines //p')
  [ "$id" = 003_2f805031c8afe74d.txt ] && echo "$res" | grep '^  removed' | grep -v whitespace
  total=$((total + n))
  check "samples: DOM of $id holds its removed spans" "$ok" "$n removed lines"
done
check "samples: removed lines in the DOM = 29" "$([ $total = 29 ] && echo 1 || echo 0)" "$total"
chrome "file://$work/report.html#doc=003_2f805031c8afe74d.txt&at=3251" --window-size=1400,1700 \
  --screenshot="$out/samples-003.png" >/dev/null
check "samples: screenshot" "$([ -s "$out/samples-003.png" ] && echo 1 || echo 0)" "bench/out/audit/samples-003.png"
if [ $update_docs = 1 ]; then
  mkdir -p "$repo/docs" && cp "$out/samples-003.png" "$repo/docs/audit-report.png"
  echo "updated docs/audit-report.png"
fi

# 2. noisy-dev, 200 documents
if [ -d "$shared/bench/noisy-dev/docs" ]; then
  "$bin" clean -q "$shared/bench/noisy-dev/docs" --out noisy
  "$bin" audit noisy --html noisy.html 2>/dev/null
  # Browser start-up alone, for reference.
  echo '<!DOCTYPE html><title>x</title>' > blank.html
  t0=$(now); chrome "file://$work/blank.html" --screenshot="$work/blank.png" >/dev/null; t1=$(now)
  t2=$(now); chrome "file://$work/noisy.html" --window-size=1400,1000 --screenshot="$out/noisy-dev.png" >/dev/null; t3=$(now)
  blank=$(echo "$t1 - $t0" | bc -l); wall=$(echo "$t3 - $t2" | bc -l)
  chrome "file://$work/noisy.html" --dump-dom > noisy-dom.html
  charts=$(python3 - <<'PY'
import re
d = open("noisy-dom.html", encoding="utf-8").read()
def rects(id):
    m = re.search(r'<svg id="%s".*?</svg>' % id, d, re.S)
    return len(re.findall(r"<rect ", m.group(0))) if m else 0
rows = len(re.findall(r'<tbody id="rows">(.*?)</tbody>', d, re.S)[0].split("<tr")) - 1
ms = re.search(r'data-render-ms="(\d+)"', d)
print(rects("chart-reasons"), rects("chart-share"), rows, ms.group(1) if ms else "?")
PY
)
  read -r nreasons nbins nrows ms <<< "$charts"
  check "noisy-dev: report renders in < 5 s" "$(echo "$wall < 5" | bc -l)" \
    "$(printf '%.2f s wall (browser start-up alone %.2f s), page ready at %s ms' "$wall" "$blank" "$ms")"
  check "noisy-dev: both charts drawn" "$([ "$nreasons" -ge 1 ] && [ "$nbins" = 10 ] && echo 1 || echo 0)" \
    "$nreasons reason bars, $nbins histogram bars; bench/out/audit/noisy-dev.png"
  check "noisy-dev: document list paginated" "$([ "$nrows" = 100 ] && echo 1 || echo 0)" "$nrows rows on page 1 of 200 documents"

  # 3. 10,000 documents
  mkdir -p big
  for i in $(seq -w 1 50); do mkdir -p "big/c$i" && cp "$shared/bench/noisy-dev/docs/"*.txt "big/c$i/"; done
  "$bin" clean -q big --out bigout
  "$bin" audit bigout --html big.html 2>/dev/null
  size=$(du -m big.html | cut -f1)
  last=$(tail -1 bigout/provenance.jsonl | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
  t4=$(now); chrome "file://$work/big.html#doc=$last" --window-size=1400,1000 --screenshot="$out/10k.png" >/dev/null; t5=$(now)
  chrome "file://$work/big.html#doc=$last" --dump-dom > big-dom.html
  python3 "$repo/bench/audit/check_dom.py" big-dom.html bigout "$last" > big-check.txt && ok=1 || ok=0
  bms=$(sed -n 's/^render-ms //p' big-check.txt)
  check "10,000 documents: report usable (last document renders)" "$ok" \
    "$(printf '%.2f s wall, page ready at %s ms, %s MB' "$(echo "$t5 - $t4" | bc -l)" "$bms" "$size")"
else
  echo "audit_browser: $shared/bench/noisy-dev not found: skipping the noisy-dev and 10k checks"
fi

[ $fail = 0 ] && echo "audit_browser: all passed" || echo "audit_browser: FAILED"
exit $fail
