#!/usr/bin/env bash
# scripts/setup.sh: make a fresh Debian 12 (bookworm) machine ready to build, run and test ssmview.
#
# Index
#   1. Debian packages      toolchains, header-only libraries, Chromium, the real AWS CLI v2
#   2. Dear ImGui sources   from Debian's source package (trixie: 1.90.1), into third_party/ (git-ignored)
#      libyaml sources      from Debian's source package (0.2.5, as libyaml-dev), for the wasm build
#   3. npm packages         playwright-core (drives Debian's Chromium), into node_modules/ (git-ignored);
#                           Debian's `npm` only when no `npm` command exists; needs Node >= 20
#
# Usage: scripts/setup.sh [--no-npm]
#   --no-npm   skip step 3 (no npm, no Node version check): for scripts/run.sh, which builds and
#              serves but never runs the browser tests. SSMVIEW_SETUP_NO_NPM=1 does the same.
#
# Safe to re-run: each step checks first and does nothing when its result is already there,
# so the README's run and test commands can call it every time. Must run as root (or with sudo
# available) on a machine that reaches Debian's archive and the npm registry, nothing else.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

with_npm=1
[ "${SSMVIEW_SETUP_NO_NPM:-}" = 1 ] && with_npm=0
for arg in "$@"; do
  case "$arg" in
    --no-npm) with_npm=0 ;;
    *) printf '[setup] unknown argument %s (usage: scripts/setup.sh [--no-npm])\n' "$arg" >&2; exit 2 ;;
  esac
done

log() { printf '[setup] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# ---- 1. Debian packages --------------------------------------------------------------------
packages=(
  build-essential cmake ninja-build pkg-config      # native build
  emscripten                                        # em++ 3.1.6: the WebAssembly build
  nlohmann-json3-dev catch2                         # JSON, unit tests (Catch2 v2)
  libyaml-dev                                       # AWS CLI --output yaml / yaml-stream (core/yaml_reader.cpp)
  libcpp-httplib-dev libssl-dev zlib1g-dev          # proxy HTTP + SigV4 crypto, share-link deflate
  libsimdjson-dev                                   # benchmark anchor
  awscli python3-botocore                           # real AWS CLI v2 (fixtures) and the SSM API model
  chromium chromium-driver                          # headless browser tests
  fonts-dejavu-core python3-fonttools               # the viewer's monospace font, subset at build time
  fonts-noto-cjk fonts-noto-color-emoji fonts-noto-core  # what the browser draws other scripts with (view/fonts.h)
  dpkg-dev xz-utils ca-certificates                 # `apt-get source` for Dear ImGui and libyaml
  wrk curl                                          # loopback load generator, and the anchor of the S3 benchmark
  brotli                                            # dist/'s precompressed .br files (gzip is in every install)
  clang-14 libclang-rt-14-dev                       # libFuzzer + sanitizer runtimes (fuzz preset)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q
  as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# ---- 2. Dear ImGui 1.90.1 and libyaml 0.2.5 from Debian's source packages ------------------
# libimgui-dev ships no sources (it cannot be linked into WebAssembly), and bookworm's 1.86 lacks
# the input event queue, so take trixie's source package (docs/toolchain.md, section 2).
# libyaml-dev is a native library too; the wasm build compiles the source package's C files
# (cmake/deps.cmake). trixie's libyaml is upstream 0.2.5, the same release as bookworm's
# libyaml-dev, so both builds read YAML with the same code. Never committed: third_party/ is ignored.
enable_trixie_sources() {
  local src_list=/etc/apt/sources.list.d/ssmview-trixie-src.sources
  if ! grep -rqs 'Suites: trixie' /etc/apt/sources.list.d/ 2>/dev/null || [ ! -f "$src_list" ]; then
    log "enabling Debian trixie source packages (deb-src only: no binaries change)"
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      | as_root tee "$src_list" >/dev/null
    as_root apt-get update -q
  fi
  mkdir -p "$here/third_party/download"
}
# fetch_source PACKAGE ORIG-GLOB DIR MARKER: unpack PACKAGE/trixie's upstream tarball so that
# DIR/MARKER exists.
fetch_source() {
  local package=$1 orig=$2 dir=$3 marker=$4
  [ -f "$dir/$marker" ] && return 0
  enable_trixie_sources
  ( cd "$here/third_party/download" && apt-get source --download-only "$package/trixie" )
  local tarball
  tarball=$(ls "$here"/third_party/download/$orig | head -n 1)
  log "unpacking $(basename "$tarball")"
  tar -C "$here/third_party" -xf "$tarball"
  test -f "$dir/$marker" || { log "$package sources not found in $dir after unpacking"; exit 1; }
}
fetch_source imgui 'imgui_1.90.1*.orig.tar.*' "$here/third_party/imgui-1.90.1" imgui.cpp
fetch_source libyaml 'libyaml_0.2.5.orig.tar.*' "$here/third_party/libyaml-0.2.5" src/parser.c

# ---- 3. npm packages -------------------------------------------------------------------------
# package-lock.json pins versions; `npm ci` never downloads a browser (playwright-core has none).
# Debian 12 ships Node 18 (emscripten pulls it in) and no npm; a machine may instead have a newer
# nodejs that bundles npm itself. Debian's `npm` is installed only when no `npm` command exists,
# so an installed nodejs is never replaced (its package conflicts with Debian's npm).
# playwright-core refuses Node older than its `engines` (read from package-lock.json, its one
# home here), so an old Node fails this step with one sentence rather than later, in every
# browser test.
if [ "$with_npm" = 1 ]; then
  if ! command -v npm >/dev/null 2>&1; then
    log "installing Debian's npm (no npm command found)"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -q
    as_root apt-get install -y -q --no-install-recommends npm
  fi
  node_need=$(node -e '
    const lock = require(process.argv[1]);
    const m = /^>=\s*(\d+)/.exec(lock.packages["node_modules/playwright-core"].engines.node);
    console.log(m[1]);' "$here/package-lock.json")
  node_have=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$node_have" -lt "$node_need" ]; then
    log "Node.js $(node --version) is too old: the browser tests need Node >= $node_need because playwright-core, which drives Chromium for them, refuses older versions (install Node >= $node_need, or run scripts/setup.sh --no-npm to build and run without the browser tests)."
    exit 1
  fi
  if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
    log "installing npm packages"
    if [ -f "$here/package-lock.json" ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
  fi
fi
log "ready"
