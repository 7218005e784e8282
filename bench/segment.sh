#!/usr/bin/env bash
# Benchmark: N track events from a file through xsrun's batch mode and through Segment's own Java
# library (analytics-java 3.5.4, default settings), each as a whole process against the same local
# stand-in of Segment's API, alternating, ROUNDS rounds after one untimed warm-up round of each; prints
# the median time, events/s and peak memory (RSS) of each, and checks that every event arrived exactly
# once (by messageId).
#
#   bench/segment.sh [N] [--rounds R] [--faults] [--seed S]
#
# --faults runs xsrun alone against a stand-in that answers 10% of requests 500, 5% 429 with
# Retry-After: 1 and drops 5% of connections, and checks that every event still arrives exactly once
# and xsrun exits 0 (--seed picks which requests fail). Everything listens on 127.0.0.1 only. Needs
# Java 17, Maven and /usr/bin/time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n=20000
rounds=3
faults=0
seed=42
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --faults) faults=1; shift ;;
    --seed) seed="$2"; shift 2 ;;
    [0-9]*) n="$1"; shift ;;
    *) echo "usage: bench/segment.sh [N] [--rounds R] [--faults] [--seed S]" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

work="$(mktemp -d)"
standin_pid=""
cleanup() {
  if [ -n "$standin_pid" ]; then kill "$standin_pid" 2>/dev/null || true; wait "$standin_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "bench: building xsrun and the bench tools..." >&2
"$here/xsrun" --version >/dev/null
(cd "$here/bench/segment" && mvn -B -q -DskipTests package) >"$work/mvn.log" 2>&1 || { cat "$work/mvn.log" >&2; exit 2; }
bench_jar="$here/bench/segment/target/segment-bench.jar"

events="$work/events.jsonl"
awk -v n="$n" 'BEGIN {
  for (i = 1; i <= n; i++)
    printf "{\"user_id\":\"user_%d\",\"event\":\"Video Watched\",\"properties\":{\"video_id\":\"vid_%d\",\"video_title\":\"Getting Started with XanoScript\",\"duration_seconds\":%d,\"percent_watched\":%d,\"quality\":\"1080p\"},\"context\":{\"page_url\":\"/tutorials/getting-started\",\"referrer\":\"https://www.google.com\"},\"timestamp\":\"2026-11-%02dT%02d:%02d:%02d.000Z\"}\n", i, i % 997, 60 + i % 600, i % 101, 1 + i % 28, i % 24, i % 60, (i * 7) % 60
}' >"$events"

java -XX:+UseSerialGC -cp "$bench_jar" dev.xsrun.bench.StandIn --port-file "$work/port" --seed "$seed" $([ "$faults" = 1 ] && echo --faults) \
  >"$work/standin.log" 2>&1 &
standin_pid=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || { cat "$work/standin.log" >&2; echo "bench: the stand-in did not start" >&2; exit 1; }
port="$(cat "$work/port")"

# One request to the stand-in over bash's /dev/tcp: METHOD PATH; prints the body.
standin() {
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf '%s %s HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n' "$1" "$2" >&3
  sed '1,/^\r$/d' <&3
  exec 3<&- 3>&-
}
stat() { grep -o "\"$1\":[0-9]*" <<<"$2" | cut -d: -f2; }

# Checks the stand-in's counts after a run: every event once, none twice.
check() {
  local stats distinct dups
  stats="$(standin GET /stats)"
  distinct="$(stat distinct "$stats")"
  dups="$(stat duplicates "$stats")"
  if [ "$distinct" != "$n" ] || [ "$dups" != 0 ]; then
    echo "bench: $1 delivered $distinct distinct messageIds of $n, $dups duplicates: $stats" >&2
    return 1
  fi
  echo "$stats"
}

run_xsrun() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$here/xsrun" run "$here/jobs/segment-track-event" --inputs "$events" \
    --env segment_write_key=bench-write-key --route "https://api.segment.io=http://127.0.0.1:$port" "$@" \
    >"$work/xsrun.out" 2>"$work/xsrun.err"
}

run_analytics_java() {
  /usr/bin/time -f "%e %M" -o "$work/time" java -cp "$bench_jar" dev.xsrun.bench.AnalyticsJavaSend "$events" \
    "http://127.0.0.1:$port" >/dev/null 2>"$work/aj.err"
}

if [ "$faults" = 1 ]; then
  echo "bench: $n events through xsrun batch mode into a stand-in that fails 10% (500), throttles 5% (429, Retry-After: 1) and drops 5% of connections"
  standin POST /reset >/dev/null
  status=0
  run_xsrun --report "$work/report.jsonl" || status=$?
  read -r secs rss <"$work/time"
  grep '^xsrun: ' "$work/xsrun.err" | tail -1
  stats="$(standin GET /stats)"
  echo "stand-in: $stats"
  delivered="$(grep -c '"status":"delivered"' "$work/report.jsonl" || true)"
  echo "xsrun exit $status in $secs s, peak RSS $((rss / 1024)) MB; report: $delivered of $n lines delivered"
  if [ "$status" = 0 ] && check xsrun >/dev/null && [ "$delivered" = "$n" ]; then
    echo "OK: every event arrived exactly once by messageId, nothing lost, exit 0"
  else
    echo "FAILED"
    exit 1
  fi
  exit 0
fi

echo "bench: $n events, $rounds rounds, alternating; whole process each; $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
# One untimed round first: the stand-in is a JVM too, and while it is cold its own JIT compiler takes
# CPU from whichever tool runs first (always xsrun), on the same two cores.
standin POST /reset >/dev/null
run_xsrun || { cat "$work/xsrun.err" >&2; echo "bench: xsrun failed" >&2; exit 1; }
standin POST /reset >/dev/null
run_analytics_java || { cat "$work/aj.err" >&2; echo "bench: analytics-java failed" >&2; exit 1; }
echo "warm-up round (not counted): done"
xs_times=(); xs_rss=(); aj_times=(); aj_rss=()
for round in $(seq 1 "$rounds"); do
  standin POST /reset >/dev/null
  run_xsrun || { cat "$work/xsrun.err" >&2; echo "bench: xsrun failed" >&2; exit 1; }
  read -r secs rss <"$work/time"
  check xsrun >/dev/null
  xs_times+=("$secs"); xs_rss+=("$rss")
  echo "round $round: xsrun          $secs s, peak RSS $((rss / 1024)) MB"

  standin POST /reset >/dev/null
  run_analytics_java || { cat "$work/aj.err" >&2; echo "bench: analytics-java failed" >&2; exit 1; }
  read -r secs rss <"$work/time"
  check analytics-java >/dev/null
  aj_times+=("$secs"); aj_rss+=("$rss")
  echo "round $round: analytics-java $secs s, peak RSS $((rss / 1024)) MB"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
xs_t="$(median "${xs_times[@]}")"; aj_t="$(median "${aj_times[@]}")"
xs_m="$(median "${xs_rss[@]}")"; aj_m="$(median "${aj_rss[@]}")"
echo
printf '%-28s %10s %12s %14s\n' "median of $rounds" "time (s)" "events/s" "peak RSS (MB)"
printf '%-28s %10.2f %12.0f %14.0f\n' "xsrun batch mode" "$xs_t" "$(awk -v n="$n" -v t="$xs_t" 'BEGIN {print n / t}')" "$(awk -v m="$xs_m" 'BEGIN {print m / 1024}')"
printf '%-28s %10.2f %12.0f %14.0f\n' "analytics-java 3.5.4" "$aj_t" "$(awk -v n="$n" -v t="$aj_t" 'BEGIN {print n / t}')" "$(awk -v m="$aj_m" 'BEGIN {print m / 1024}')"
awk -v a="$aj_t" -v x="$xs_t" 'BEGIN {printf "xsrun takes %.2f of analytics-java'"'"'s time (%.1fx faster)\n", x / a, a / x}'
