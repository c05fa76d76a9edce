#!/usr/bin/env bash
# Throughput of an authenticated, security-checked Web API request against a separate bare Javalin process
# answering the same bytes (BareJsonServer), with the same load tool (wrk), in alternating rounds of one run
# after a warm-up of both. Service protection, the cost model and the metrics stay on; the limits are raised
# so that the limiter runs on every request without refusing any (a refused request would not be comparable).
#
#   benchmarks/scripts/http-ratio.sh [user-upn] [round-seconds] [rounds]
#
# Environment:
#   LAB_BENCH_PATH        API path after /api/data/v9.2/ (default: sensei_projects(<IT Project 1>)); use %20 for spaces
#   LAB_BENCH_DATA        an existing data directory to serve (default: a fresh one with the demo dataset)
#   LAB_BENCH_SERVE_OPTS  extra serve options (default: very high service protection limits; e.g. "--service-protection off")
#   LAB_BENCH_NAME        name of the result file target/bench-<name>.json (default: http-ratio)
# Ports are free ones picked at start. Prints both req/s figures per round, their medians, mean and p99
# latencies and the ratio of the medians; writes target/bench-<name>.json. Both servers stop at the end
# (and by themselves after an hour at most).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
user="${1:-blue@contoso.test}"; duration="${2:-10}"; rounds="${3:-3}"; name="${LAB_BENCH_NAME:-http-ratio}"
serve_opts="${LAB_BENCH_SERVE_OPTS:---sp-requests 2000000000 --sp-execution-ms 9000000000000 --sp-concurrency 100000}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
bench_jar="$root/benchmarks/target/benchmarks.jar"
[ -f "$bench_jar" ] || (cd "$root" && mvn -q -B -ntp -DskipTests -pl benchmarks -am package)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port="$(free_port)"; bare_port="$(free_port)"
log="$(mktemp)"; bare_log="$(mktemp)"; body="$(mktemp)"
if [ -n "${LAB_BENCH_DATA:-}" ]; then data="$LAB_BENCH_DATA"; fresh=""; else data="$(mktemp -d)"; fresh="$data"; fi
# shellcheck disable=SC2086
"$root/lab" serve --dataset demo --data-dir "$data" --port "$port" $serve_opts > "$log" 2>&1 & pid=$!
bare_pid=""
trap 'kill $pid ${bare_pid} 2>/dev/null || true; wait $pid ${bare_pid} 2>/dev/null || true; [ -n "$fresh" ] && rm -rf "$fresh"; rm -f "$log" "$bare_log" "$body"' EXIT
until grep -q "listening on" "$log" 2>/dev/null; do sleep 0.5; kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }; done
base="http://127.0.0.1:$port"
token=$(curl -s -X POST "$base/common/oauth2/v2.0/token" -d grant_type=password -d "username=$user" -d password=demo \
        -d "scope=$base/.default" | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])')
default_project=$(python3 -c 'import uuid; print(uuid.uuid3(uuid.UUID("7d0f3a52-1c55-4c0e-9b0e-5e3b8f1a2c64"), "sensei_project:IT Project 1"))')
api="$base/api/data/v9.2/${LAB_BENCH_PATH:-sensei_projects($default_project)}"
status=$(curl -s -o "$body" -w '%{http_code}' -H "Authorization: Bearer $token" "$api")
[ "$status" = 200 ] || { echo "GET $api as $user answered $status" >&2; head -c 500 "$body" >&2; exit 1; }
java -cp "$bench_jar" io.ppmlab.benchmarks.http.BareJsonServer "$bare_port" "$body" 3600 > "$bare_log" 2>&1 & bare_pid=$!
until grep -q "listening on" "$bare_log" 2>/dev/null; do sleep 0.3; kill -0 $bare_pid 2>/dev/null || { cat "$bare_log"; exit 1; }; done
bare_url="http://127.0.0.1:$bare_port/row"
run() { wrk -t2 -c32 --latency "$@" ; }
check() { if echo "$1" | grep -q "Non-2xx"; then echo "$2 answered non-2xx responses:" >&2; echo "$1" >&2; exit 1; fi; }
rps() { awk '/Requests\/sec/ {print $2}'; }; p99() { awk '/ 99%/ {print $2}'; }; mean() { awk '/Latency/ && !/Distribution/ {print $2; exit}'; }
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "warm-up (JIT) 15 s each..." >&2
run -d15s "$bare_url" >/dev/null; out=$(run -d15s -H "Authorization: Bearer $token" "$api"); check "$out" "warm-up API"
bare_rps=(); api_rps=(); web=""; bare=""
for i in $(seq 1 "$rounds"); do
  bare=$(run -d"${duration}s" "$bare_url"); check "$bare" bare
  web=$(run -d"${duration}s" -H "Authorization: Bearer $token" "$api"); check "$web" API
  bare_rps+=("$(echo "$bare" | rps)"); api_rps+=("$(echo "$web" | rps)")
  echo "round $i: bare $(echo "$bare" | rps) req/s, API $(echo "$web" | rps) req/s" >&2
done
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"
median() { python3 -c 'import sys,statistics; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }
b=$(median "${bare_rps[@]}"); w=$(median "${api_rps[@]}")
ratio=$(python3 -c "print(round($w/$b, 3))")
# each API round runs right after its bare round: their ratio cancels most of the drift of a shared machine
round_ratio=$(python3 -c 'import sys,statistics; n=len(sys.argv)//2; a=sys.argv[1:n+1]; b=sys.argv[n+1:]; print(round(statistics.median(float(x)/float(y) for x,y in zip(b,a)),3))' "${bare_rps[@]}" "${api_rps[@]}")
echo "bare Javalin JSON : $b req/s median of ${bare_rps[*]} (last: mean $(echo "$bare" | mean), p99 $(echo "$bare" | p99))"
echo "API request       : $w req/s median of ${api_rps[*]} (last: mean $(echo "$web" | mean), p99 $(echo "$web" | p99)) as $user"
echo "path              : ${api#$base} ($(wc -c < "$body") bytes)"
echo "serve options     : $serve_opts"
echo "ratio             : $ratio of the medians; $round_ratio median of the per-round ratios   (load average at end: $load_end)"
mkdir -p "$root/target"
printf '{"tool":"wrk -t2 -c32 -d%ss x %s alternating rounds","user":"%s","path":"%s","bodyBytes":%s,"serveOptions":"%s","bare_rps":%s,"api_rps":%s,"bareRounds":[%s],"apiRounds":[%s],"ratio":%s,"roundRatioMedian":%s,"loadAverageEnd":"%s"}\n' \
  "$duration" "$rounds" "$user" "${api#$base}" "$(wc -c < "$body")" "$serve_opts" "$b" "$w" "$(IFS=,; echo "${bare_rps[*]}")" "$(IFS=,; echo "${api_rps[*]}")" "$ratio" "$round_ratio" "$load_end" > "$root/target/bench-$name.json"
