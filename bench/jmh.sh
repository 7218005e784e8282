#!/usr/bin/env bash
# Runs the JMH benchmarks (interpreter statements/s on algorithm jobs, check files/s).
#   bench/jmh.sh                 # everything
#   bench/jmh.sh InterpreterBench -p job=bench/bubble-sort:{"n":300}
# Extra arguments go to JMH (see: bench/jmh.sh -h).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
exec java -cp "$cp" org.openjdk.jmh.Main "${@:-dev.xsrun.bench}"
