#!/usr/bin/env bash
# Throughput of an authenticated Web API read against the bare Javalin JSON endpoint of the same
# emulator process, measured in one run with the same load tool (wrk), on the demo dataset.
#   benchmarks/scripts/http-ratio.sh [user-upn] [duration-seconds]
# Prints both req/s figures, p99 latencies and the ratio; writes target/http-ratio.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
user="${1:-admin@contoso.test}"; duration="${2:-20}"; port="${LAB_BENCH_PORT:-5599}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
data="$(mktemp -d)"; trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
"$root/lab" serve --dataset demo --data-dir "$data" --port "$port" > "$data.log" 2>&1 & pid=$!
until grep -q "listening on" "$data.log" 2>/dev/null; do sleep 0.5; kill -0 $pid || { cat "$data.log"; exit 1; }; done
base="http://127.0.0.1:$port"
token=$(curl -s -X POST "$base/common/oauth2/v2.0/token" -d grant_type=password -d "username=$user" -d password=demo \
        -d "scope=$base/.default" | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])')
project=$(python3 -c 'import uuid; print(uuid.uuid3(uuid.UUID("7d0f3a52-1c55-4c0e-9b0e-5e3b8f1a2c64"), "sensei_project:IT Project 1"))')
api="$base/api/data/v9.2/sensei_projects($project)"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$api")
[ "$status" = 200 ] || { echo "GET $api as $user answered $status" >&2; exit 1; }
run() { wrk -t2 -c32 -d"${duration}s" --latency "$@" ; }
echo "warm-up (JIT) 15 s each..." >&2
run -d15s "$base/lab/health" >/dev/null; run -d15s -H "Authorization: Bearer $token" "$api" >/dev/null
bare=$(run "$base/lab/health"); web=$(run -H "Authorization: Bearer $token" "$api")
rps() { awk '/Requests\/sec/ {print $2}'; }; p99() { awk '/ 99%/ {print $2}'; }
b=$(echo "$bare" | rps); w=$(echo "$web" | rps)
ratio=$(python3 -c "print(round($w/$b, 3))")
echo "bare Javalin JSON  : $b req/s (p99 $(echo "$bare" | p99))"
echo "GET sensei_projects: $w req/s (p99 $(echo "$web" | p99)) as $user"
echo "ratio              : $ratio"
mkdir -p "$root/target"
printf '{"tool":"wrk -t2 -c32 -d%ss","user":"%s","bare_rps":%s,"api_rps":%s,"ratio":%s}\n' "$duration" "$user" "$b" "$w" "$ratio" > "$root/target/http-ratio.json"
