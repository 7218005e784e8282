#!/usr/bin/env bash
# Latency from a one-character didChange on a 1,000-line file to its publishDiagnostics, for any
# language server started as a command that speaks LSP on stdio.
#   bench/lsp-latency.sh                                   # xsrun lsp (built by ./xsrun)
#   bench/lsp-latency.sh -- node /path/to/server.mjs --stdio  # another server, same file and edits
# Options before -- go to the driver: --lines N, --warmup N, --edits N.
set -euo pipefail
cd "$(dirname "$0")/.."
./xsrun --version >/dev/null   # builds target/xsrun.jar when the sources changed
mvn -q -B -o -DskipTests test-compile >/dev/null
cp="target/test-classes:target/xsrun.jar"
if [[ " $* " != *" -- "* ]]; then
  set -- "$@" -- "$PWD/xsrun" lsp
fi
exec java -cp "$cp" dev.xsrun.bench.LspLatency "$@"
