#!/usr/bin/env bash
# Compares Entente's exchange-model outcomes with Decide's expected figures (written by
# scripts/decide-oracle.sh) and prints, per file, the largest difference on the 0–100 scale
# after round 1 and after the last round.
#
#   scripts/decide-compare.sh EXPECTED.json FILE...
#
# ENTENTE (default .build/release/entente) is the binary to compare.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 EXPECTED.json FILE..." >&2
  exit 64
fi
expected=$1
shift
entente=${ENTENTE:-.build/release/entente}
for file in "$@"; do
  rounds=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rounds"])' "$expected")
  "$entente" exchange "$file" --rounds "$rounds" --json | python3 -c '
import json, sys
expected = json.load(open(sys.argv[1]))["files"][sys.argv[2].rsplit("/", 1)[-1]]
ours = json.load(sys.stdin)
def largest(round_index):
    if round_index >= len(ours["rounds"]):
        mine = {i["id"]: i["final"] for i in ours["issues"]}
    else:
        mine = ours["rounds"][round_index]["outcomes"]
    theirs = expected["rounds"][round_index]
    worst = (0.0, "")
    for issue, value in theirs.items():
        entry = next(i for i in ours["issues"] if i["id"] == issue)
        width = (entry["high"] - entry["low"]) or 100
        worst = max(worst, (abs(mine[issue] - value) / width * 100, issue))
    return worst
first, last = largest(0), largest(len(expected["rounds"]) - 1)
name, count = sys.argv[2].rsplit("/", 1)[-1], len(expected["rounds"])
print("%s: largest difference after round 1 %.2g (%s), after round %d %.2g (%s); exact ties in Decide: %d"
      % (name, first[0], first[1], count, last[0], last[1], expected["ties"]))
' "$expected" "$file"
done
