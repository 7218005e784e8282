#!/usr/bin/env bash
# Whole-process timings of the database benchmarks (see bench/README.md). Usage: bench/db/run.sh [PG_URL]
set -u
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
t() { /usr/bin/time -f "%e s, CPU %U user + %S sys, %M KB max RSS" "$@"; }
for k in 1 2 3; do
  echo "== insert 100,000 in one db.transaction + 10,000 indexed lookups, round $k"
  echo -n "xsrun (embedded SQLite file): "; t ./xsrun run bench/db/insert-lookup --db "$tmp/x$k.db" 2>&1 | tr '\n' ' '; echo
  echo -n "python3 sqlite3:              "; t python3 bench/db/insert_lookup.py "$tmp/p$k.db" 2>&1 | tr '\n' ' '; echo
done
echo "== db.bulk.add of 100,000 rows"
echo -n "embedded SQLite file: "; t ./xsrun run bench/db/bulk --db "$tmp/bulk.db" 2>&1 | tr '\n' ' '; echo
if [ -n "${1:-}" ]; then
  ./xsrun db reset --job bench/db/bulk --db "$1" 2>/dev/null
  echo -n "PostgreSQL:           "; t ./xsrun run bench/db/bulk --db "$1" 2>&1 | tr '\n' ' '; echo
fi
echo "== start-up cost of the database: one job, one query, vs the same job without it"
mkdir -p "$tmp/one/table" "$tmp/none"
cp bench/db/bulk/table/item.xs "$tmp/one/table/"
printf 'run.job "One" {\n  main = {name: "f", input: {}}\n}\n---\nfunction "f" {\n  input {\n  }\n  stack {\n    db.query "item" { return = {type: "count"} } as $n\n  }\n  response = $n\n}\n' > "$tmp/one/run.xs"
printf 'run.job "None" {\n  main = {name: "f", input: {}}\n}\n---\nfunction "f" {\n  input {\n  }\n  stack {\n    var $n { value = 0 }\n  }\n  response = $n\n}\n' > "$tmp/none/run.xs"
./xsrun run "$tmp/one" >/dev/null 2>&1
for k in 1 2 3; do
  echo -n "no database: "; t ./xsrun run "$tmp/none" 2>&1 | tr '\n' ' '; echo
  echo -n "one query:   "; t ./xsrun run "$tmp/one" 2>&1 | tr '\n' ' '; echo
done
rm -rf "$tmp"
