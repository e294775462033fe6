#!/usr/bin/env bash
# scripts/test.sh: every test, on a fresh Debian 12 machine too (README's test command).
#
#   1. scripts/setup.sh            packages, Dear ImGui sources, npm packages (skipped when present)
#   2. native preset               core + cli + view unit tests, CLI contract, fixture reproduction
#   3. native-asan preset          the same tests built with AddressSanitizer + UBSan (Debug); any
#                                  sanitizer report, leaks included, fails its test (less
#                                  fixtures_reproduce and the fakes' self-tests, which run no
#                                  binary built here)
#   4. fuzz smoke                  scripts/fuzz.sh --smoke: every fuzz_* target for 5 s on its
#                                  committed seeds (clang-14, libFuzzer, ASan + UBSan)
#   5. wasm preset                 the core's tests under node, then the site in headless Chromium
#
# Native first: the browser tests use the native `ssmview` CLI to cross-check share links.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NODE_PATH=/usr/share/nodejs   # Debian's em++ needs it (docs/toolchain.md, section 3)

bash scripts/setup.sh

cmake --preset native
cmake --build --preset native
ctest --preset native

# UBSan only prints by default; halt_on_error makes undefined behaviour fail the test that ran it.
# fixtures_reproduce runs only /usr/bin/aws and Python (scripts/make_fixtures.sh --check), and the
# *_self_test and fake_aws_cli ones only Python and the AWS CLI (tests/support), no binary built here, so the sanitizers have
# nothing to watch in them: the native run above covers them.
cmake --preset native-asan
cmake --build --preset native-asan
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --preset native-asan -E '^(fixtures_reproduce|fake_aws_self_test|fake_aws_cli|ssm_stub_self_test)$'

bash scripts/fuzz.sh --smoke

cmake --preset wasm
cmake --build --preset wasm
ctest --preset wasm
