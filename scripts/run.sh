#!/usr/bin/env bash
# scripts/run.sh: build the viewer and serve it on http://127.0.0.1:8080/ (README's run command).
#
#   1. scripts/setup.sh      packages, Dear ImGui sources, npm packages (skipped when present)
#   2. wasm preset           em++ builds dist/ (index.html, ssmview.js, ssmview.wasm, font)
#   3. a static server       python3's http.server on loopback only, serving dist/
#
# The page opens with a sample invocation loaded; paste your own `aws ssm get-command-invocation`
# output anywhere on it. PORT=9000 scripts/run.sh serves elsewhere.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NODE_PATH=/usr/share/nodejs

bash scripts/setup.sh
cmake --preset wasm >/dev/null
cmake --build --preset wasm --target site

port="${PORT:-8080}"
echo
echo "ssmview is served on http://127.0.0.1:${port}/   (Ctrl+C stops it)"
echo "  single-file build (works from disk): $(pwd)/dist/ssmview-single.html"
exec /usr/bin/python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
