#!/usr/bin/env bash
# Throughput of an authenticated Web API request against the bare Javalin JSON endpoint (/lab/health) of
# the same emulator process, measured in one run with the same load tool (wrk).
#
#   benchmarks/scripts/http-ratio.sh [user-upn] [duration-seconds]
#
# Environment:
#   LAB_BENCH_PATH   API path after /api/data/v9.2/ (default: sensei_projects(<IT Project 1>)); use %20 for spaces
#   LAB_BENCH_DATA   an existing data directory to serve (default: a fresh one with the demo dataset)
#   LAB_BENCH_PORT   port (default 5599)
#   LAB_BENCH_NAME   name of the result file target/bench-<name>.json (default: http-ratio)
# Prints both req/s figures, mean and p99 latencies and the ratio; writes target/bench-<name>.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
user="${1:-admin@contoso.test}"; duration="${2:-20}"; port="${LAB_BENCH_PORT:-5599}"; name="${LAB_BENCH_NAME:-http-ratio}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
log="$(mktemp)"
if [ -n "${LAB_BENCH_DATA:-}" ]; then data="$LAB_BENCH_DATA"; fresh=""; else data="$(mktemp -d)"; fresh="$data"; fi
"$root/lab" serve --dataset demo --data-dir "$data" --port "$port" > "$log" 2>&1 & pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; [ -n "$fresh" ] && rm -rf "$fresh"; rm -f "$log"' EXIT
until grep -q "listening on" "$log" 2>/dev/null; do sleep 0.5; kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }; done
base="http://127.0.0.1:$port"
token=$(curl -s -X POST "$base/common/oauth2/v2.0/token" -d grant_type=password -d "username=$user" -d password=demo \
        -d "scope=$base/.default" | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])')
default_project=$(python3 -c 'import uuid; print(uuid.uuid3(uuid.UUID("7d0f3a52-1c55-4c0e-9b0e-5e3b8f1a2c64"), "sensei_project:IT Project 1"))')
api="$base/api/data/v9.2/${LAB_BENCH_PATH:-sensei_projects($default_project)}"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$api")
[ "$status" = 200 ] || { echo "GET $api as $user answered $status" >&2; curl -s -H "Authorization: Bearer $token" "$api" | head -c 500 >&2; exit 1; }
run() { wrk -t2 -c32 --latency "$@" ; }
echo "warm-up (JIT) 15 s each..." >&2
run -d15s "$base/lab/health" >/dev/null; run -d15s -H "Authorization: Bearer $token" "$api" >/dev/null
bare=$(run -d"${duration}s" "$base/lab/health"); web=$(run -d"${duration}s" -H "Authorization: Bearer $token" "$api")
rps() { awk '/Requests\/sec/ {print $2}'; }; p99() { awk '/ 99%/ {print $2}'; }; mean() { awk '/Latency/ && !/Distribution/ {print $2; exit}'; }
b=$(echo "$bare" | rps); w=$(echo "$web" | rps)
ratio=$(python3 -c "print(round($w/$b, 3))")
echo "bare Javalin JSON : $b req/s (mean $(echo "$bare" | mean), p99 $(echo "$bare" | p99))"
echo "API request       : $w req/s (mean $(echo "$web" | mean), p99 $(echo "$web" | p99)) as $user"
echo "path              : ${api#$base}"
echo "ratio             : $ratio"
mkdir -p "$root/target"
printf '{"tool":"wrk -t2 -c32 -d%ss","user":"%s","path":"%s","bare_rps":%s,"api_rps":%s,"api_mean":"%s","api_p99":"%s","ratio":%s}\n' \
  "$duration" "$user" "${api#$base}" "$b" "$w" "$(echo "$web" | mean)" "$(echo "$web" | p99)" "$ratio" > "$root/target/bench-$name.json"
