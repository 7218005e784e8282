#!/usr/bin/env bash
# Start-up benchmark: whole-process wall-clock time, and CPU time (user + system, which a loaded machine
# disturbs less), of a single `run --dry-run` of the Segment job and of `check -q examples`, timed with
# /usr/bin/time, ROUNDS rounds, median of each. With --against DIR,
# a second build (DIR/xsrun, another checkout, e.g. one without the picocli-free fast path) is timed
# too, alternating with this one run by run, so that the load of a shared machine falls on both alike.
#
#   bench/startup.sh [ROUNDS] [--against DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds=15
other=""
while [ $# -gt 0 ]; do
  case "$1" in
    --against) other="$(cd "$2" && pwd)"; shift 2 ;;
    [0-9]*) rounds="$1"; shift ;;
    *) echo "usage: bench/startup.sh [ROUNDS] [--against DIR]" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
builds=("$here")
[ -n "$other" ] && builds+=("$other")
for b in "${builds[@]}"; do "$b/xsrun" --version >/dev/null 2>&1; done  # build the jar and its class-data archive first

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for ((r = 1; r <= rounds; r++)); do
  for i in "${!builds[@]}"; do
    b="${builds[$i]}"
    (cd "$b" && /usr/bin/time -f "%e %U %S" -a -o "$tmp/run.$i" ./xsrun run jobs/segment-track-event --dry-run >/dev/null 2>&1) || true
    (cd "$b" && /usr/bin/time -f "%e %U %S" -a -o "$tmp/check.$i" ./xsrun check -q examples >/dev/null 2>&1) || true
  done
done
wall() { cut -d' ' -f1 "$1"; }
cpu() { awk '{printf "%.2f\n", $2 + $3}' "$1"; }
for i in "${!builds[@]}"; do
  echo "${builds[$i]}"
  for what in run check; do
    label="run jobs/segment-track-event --dry-run"
    [ "$what" = check ] && label="check -q examples"
    printf '  %-40s wall median %s s (%s)\n' "$label" "$(wall "$tmp/$what.$i" | median)" "$(wall "$tmp/$what.$i" | sort -n | tr '\n' ' ')"
    printf '  %-40s CPU  median %s s (%s)\n' "" "$(cpu "$tmp/$what.$i" | median)" "$(cpu "$tmp/$what.$i" | sort -n | tr '\n' ' ')"
  done
done
