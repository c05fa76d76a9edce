#!/usr/bin/env bash
# The load suite with service protection on (limits raised so nothing is refused) and off, interleaved
# on, off, off, on, so that a drift of the machine falls equally on both. Limits organisation, 100 users, 30 s each.
# Usage: scenarios/scripts/limiter-abba.sh [output folder]   (about 17 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-target/lab-runs/limiter-abba-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"
on=(--serve-arg=--sp-requests=100000000 --serve-arg=--sp-execution-ms=100000000000 --serve-arg=--sp-concurrency=100000)
off=(--serve-arg=--service-protection=off)
i=0
for mode in on off off on; do
  i=$((i + 1))
  if [ "$mode" = on ]; then args=("${on[@]}"); else args=("${off[@]}"); fi
  echo "== run $i, limiter $mode, $(date +%T), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  # a run whose latency assertions fail exits 1; the figures are still written
  ./lab run --suite load --users 100 --duration 30s --out "$out/$i-$mode" "${args[@]}" > "$out/$i-$mode.log" 2>&1 || true
  LAB_NO_BUILD=1; export LAB_NO_BUILD # built once, by the first run
done
echo "results: $out/{1-on,2-off,3-off,4-on}/results.json (run.cpu, requests[].count)"
