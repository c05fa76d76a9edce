#!/usr/bin/env bash
# The load suite with one emulator switch on and off, interleaved so that a drift of the machine falls equally on both:
# abba runs on, off, off, on; baab runs off, on, on, off. Run both orders before reading a difference (the first and last
# runs of a sequence are slower on this machine, whatever their setting). Limits organisation, 100 users, 30 s each.
#   limiter: service protection on (limits raised so nothing is refused) vs --service-protection off
#   metrics: per-request metrics on vs --metrics off (service protection on, limits raised, in both)
# Usage: scenarios/scripts/on-off.sh limiter|metrics [abba|baab] [output folder]   (about 17 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/../.."
switch=${1:?usage: on-off.sh limiter|metrics [abba|baab] [output folder]}
order=${2:-abba}
out=${3:-target/lab-runs/$switch-$order-$(date +%Y%m%d-%H%M%S)}
raised=(--serve-arg=--sp-requests=100000000 --serve-arg=--sp-execution-ms=100000000000 --serve-arg=--sp-concurrency=100000)
case "$switch" in
  limiter) on=("${raised[@]}"); off=(--serve-arg=--service-protection=off) ;;
  metrics) on=("${raised[@]}"); off=("${raised[@]}" --serve-arg=--metrics=off) ;;
  *) echo "unknown switch '$switch': limiter or metrics" >&2; exit 2 ;;
esac
case "$order" in
  abba) modes=(on off off on) ;;
  baab) modes=(off on on off) ;;
  *) echo "unknown order '$order': abba or baab" >&2; exit 2 ;;
esac
mkdir -p "$out"
i=0
for mode in "${modes[@]}"; do
  i=$((i + 1))
  if [ "$mode" = on ]; then args=("${on[@]}"); else args=("${off[@]}"); fi
  echo "== run $i, $switch $mode, $(date +%T), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  # a run whose latency assertions fail exits 1; the figures are still written
  ./lab run --suite load --users 100 --duration 30s --out "$out/$i-$mode" "${args[@]}" > "$out/$i-$mode.log" 2>&1 || true
  LAB_NO_BUILD=1; export LAB_NO_BUILD # built once, by the first run
done
echo "results: $out/<run>-<on|off>/results.json (run.cpu, requests[].count)"
