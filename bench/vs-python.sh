#!/usr/bin/env bash
# Whole-process timing of xsrun against CPython on the same algorithm, runs alternating, medians.
#   bench/vs-python.sh [RUNS]        # bubble sort (n = 4,000) and Fibonacci(32), 5 runs each by default
# XSRUN=/path/to/launcher-or-command overrides ./xsrun (to time another build the same way).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
xsrun=(${XSRUN:-./xsrun})
"${xsrun[@]}" run bench/fibonacci --input n=1 >/dev/null # builds the jar if needed, outside the timings

seconds() { # prints the wall-clock seconds of a command, its output discarded
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null
  e=$(date +%s%N)
  echo "scale=3; ($e - $s) / 1000000000" | bc
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

compare() { # name, xsrun args, python args
  local name=$1 xs=$2 py=$3 x=() p=()
  for _ in $(seq "$runs"); do
    x+=("$(seconds "${xsrun[@]}" run $xs)")
    p+=("$(seconds python3 $py)")
  done
  local mx mp
  mx=$(printf '%s\n' "${x[@]}" | median)
  mp=$(printf '%s\n' "${p[@]}" | median)
  printf '%-28s xsrun %6.2f s   python3 %6.2f s   CPython time / xsrun time = %.2f\n' "$name" "$mx" "$mp" "$(echo "scale=4; $mp / $mx" | bc)"
}
compare "bubble sort, n = 4,000" "bench/bubble-sort" "bench/bubble_sort.py 4000"
compare "fibonacci(32)" "bench/fibonacci --input n=32" "bench/fibonacci.py 32"
