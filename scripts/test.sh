#!/usr/bin/env bash
# scripts/test.sh: every test, on a fresh Debian 12 machine too (README's test command).
#
#   1. scripts/setup.sh            packages, Dear ImGui sources, npm packages (skipped when present)
#   2. native preset               core + cli + view unit tests, CLI contract, fixture reproduction
#   3. wasm preset                 the core's tests under node, then the site in headless Chromium
#
# Native first: the browser tests use the native `ssmview` CLI to cross-check share links.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NODE_PATH=/usr/share/nodejs   # Debian's em++ needs it (docs/toolchain.md, section 3)

bash scripts/setup.sh

cmake --preset native
cmake --build --preset native
ctest --preset native

cmake --preset wasm
cmake --build --preset wasm
ctest --preset wasm
