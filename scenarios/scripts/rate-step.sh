#!/usr/bin/env bash
# The load suite at increasing total rates (100 users, 30 s each, default service protection), to find the highest
# rate whose latency assertions (scenarios/src/main/resources/assertions/load.json) all hold.
# Usage: scenarios/scripts/rate-step.sh [output folder] [rates...]   (default rates 100 200 400; about 4.5 minutes each)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-target/lab-runs/rate-step-$(date +%Y%m%d-%H%M%S)}
shift || true
rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(100 200 400)
mkdir -p "$out"
for rate in "${rates[@]}"; do
  echo "== $rate requests/s, $(date +%T), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  if ./lab run --suite load --users 100 --rate "$rate" --duration 30s --out "$out/r$rate" > "$out/r$rate.log" 2>&1; then
    echo "   every assertion held"
  else
    echo "   exit $?: see the verdict table at the end of $out/r$rate.log"
  fi
  LAB_NO_BUILD=1; export LAB_NO_BUILD
done
