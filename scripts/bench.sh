#!/usr/bin/env bash
# scripts/bench.sh: build and run the core benchmark, natively and in WebAssembly under node.
#
# Index
#   usage        scripts/bench.sh [native|wasm|all] [-- args for the programs, e.g. --quick]
#   native       cmake --preset native, build target bench_core, run build/native/bench/core/bench_core
#   wasm         cmake --preset wasm, build target bench_core_wasm, run it with
#                node --no-experimental-fetch (NODE_PATH=/usr/share/nodejs for em++, see docs/toolchain.md)
#
# Call flow: parse the arguments -> for each selected build: configure (preset) -> build only the
# bench target -> run the program, which prints its figures and its own reproduce command.
# What is measured and the recorded figures: bench/README.md. Run scripts/setup.sh first on a
# fresh machine (it installs libsimdjson-dev, emscripten and the rest).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

which="${1:-all}"
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
case "$which" in
  native|wasm|all) ;;
  *) echo "usage: scripts/bench.sh [native|wasm|all] [-- --quick | --runs-a N | --runs-b N]" >&2; exit 2 ;;
esac

export NODE_PATH=/usr/share/nodejs  # em++ 3.1.6 needs Debian's acorn & co. (docs/toolchain.md, section 3)

if [ "$which" = native ] || [ "$which" = all ]; then
  cmake --preset native
  cmake --build --preset native --target bench_core
  build/native/bench/core/bench_core "$@"
fi

if [ "$which" = wasm ] || [ "$which" = all ]; then
  cmake --preset wasm
  cmake --build --preset wasm --target bench_core_wasm
  node --no-experimental-fetch build/wasm/bench/core/bench_core_wasm.js "$@"
fi
