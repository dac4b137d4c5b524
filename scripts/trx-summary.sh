#!/usr/bin/env bash
# Sum the <Counters> of every .trx file under a directory (recursively).
#   scripts/trx-summary.sh DIR
# Prints one line: "FILES TOTAL PASSED FAILED SKIPPED"
#   FAILED  = failed + error + timeout + aborted
#   SKIPPED = total - passed - FAILED                 (xUnit's [Fact(Skip=...)], inconclusive, not runnable)
# Plain bash + grep/sed/awk; no python needed.
set -uo pipefail
dir="${1:?usage: trx-summary.sh DIR}"

files=0 total=0 passed=0 failed=0 skipped=0
attr() { # element attribute-name -> value or 0
  local v
  v="$(printf '%s' "$1" | sed -n "s/.*[[:space:]]$2=\"\\([0-9]*\\)\".*/\\1/p")"
  echo "${v:-0}"
}
while IFS= read -r -d '' trx; do
  files=$((files + 1))
  # the element may span lines: join the file, then cut out the first <Counters .../>
  counters="$(tr '\r\n' '  ' <"$trx" | grep -o '<Counters[^>]*>' | head -n 1)"
  [ -n "$counters" ] || continue
  # the TRX writer leaves notExecuted at 0 for skipped tests (it only lowers "executed"),
  # so skipped = whatever was neither passed nor failed
  t=$(attr "$counters" total) p=$(attr "$counters" passed)
  f=$(($(attr "$counters" failed) + $(attr "$counters" error) + $(attr "$counters" timeout) + $(attr "$counters" aborted)))
  total=$((total + t)) passed=$((passed + p)) failed=$((failed + f))
  [ $((t - p - f)) -gt 0 ] && skipped=$((skipped + t - p - f))
done < <(find "$dir" -type f -name '*.trx' -print0 2>/dev/null)

echo "$files $total $passed $failed $skipped"
