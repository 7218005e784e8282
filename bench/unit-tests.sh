#!/usr/bin/env bash
# Whole-process time of `xsrun test` over a generated job: 200 functions x 5 test blocks = 1,000 tests.
# Usage: bench/unit-tests.sh [RUNS]   (run from the repository root; builds target/xsrun.jar first)
# Each run times `./xsrun test DIR` (what users run) and then plain `java -jar target/xsrun.jar test DIR`.
set -euo pipefail
runs=${1:-5}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/function"
printf 'run.job "Bench" {\n  main = {name: "f0", input: {n: 1}}\n}\n' > "$dir/run.xs"
for i in $(seq 0 199); do
  {
    printf 'function "f%d" {\n  input {\n    int n\n  }\n\n  stack {\n' "$i"
    printf '    var $list {\n      value = []\n    }\n\n'
    printf '    for ($input.n) {\n      each as $k {\n        array.push $list {\n          value = $k * %d\n        }\n      }\n    }\n  }\n\n' "$i"
    printf '  response = {count: $list|count, sum: $list|sum, label: "f%d"}\n' "$i"
    for t in 1 2 3 4 5; do
      printf '  test "f%d case %d" {\n    input = {n: %d}\n' "$i" "$t" "$t"
      printf '    expect.to_equal ($response.count) {\n      value = %d\n    }\n\n' "$t"
      printf '    expect.to_start_with ($response.label) {\n      value = "f"\n    }\n  }\n\n'
    done
    printf '}\n'
  } > "$dir/function/f$i.xs"
done
./xsrun test "$dir" > /dev/null   # builds the jar and its class-data archive if needed; checks everything passes
# alternately: the launcher as users run it (class-data archive, C1) and a plain `java -jar`
uptime
for r in $(seq 1 "$runs"); do
  /usr/bin/time -f "./xsrun test:       %e s elapsed, %U s user, %S s system, %M KB" ./xsrun test "$dir" > /dev/null
  /usr/bin/time -f "java -jar ... test: %e s elapsed, %U s user, %S s system, %M KB" java -jar target/xsrun.jar test "$dir" > /dev/null
done
