#!/usr/bin/env bash
# scripts/fuzz.sh: build the `fuzz` preset and run every fuzz_* target, one after the other.
#
# Index
#   usage        scripts/fuzz.sh [SECONDS] [--smoke] [--runs N] [--only NAME]... [--build-dir DIR] [-- libFuzzer flags]
#   setup        scripts/setup.sh, only when clang-14, libFuzzer or Dear ImGui's sources are missing
#   build        cmake --preset fuzz -B DIR, cmake --build DIR (clang-14, ASan + UBSan + libFuzzer)
#   discover     every executable DIR/fuzz/fuzz_*: a target added with ssmview_fuzz_target() joins
#                with no edit here
#   run          one libFuzzer process per target (no -jobs, no -fork: one core), seeded with a
#                copy of fuzz/corpus/<target>/ and, when built with one, DIR/fuzz/<target>.dict
#   report       per target: executions, exec/s, new coverage units, and what it found
#
# Modes:
#   scripts/fuzz.sh [SECONDS]      SECONDS per target (default 60) on DIR/fuzz-corpus/<target>, a
#                                  working corpus that keeps growing from run to run
#   scripts/fuzz.sh --smoke        5 s per target on a fresh copy of the committed seeds (CI: every
#                                  seed runs once, then a few seconds of mutation); SECONDS overrides
#   scripts/fuzz.sh --runs N       N executions per target instead of a time (bench/README.md's
#                                  figures: --runs 10000000)
# Anything a target finds (a crash, a broken FUZZ_CHECK, a leak, a timeout, running out of memory)
# makes it exit non-zero; libFuzzer writes the input to DIR/artifacts/<target>/ and this script
# says so, keeps going with the other targets, and exits 1 at the end. Reproduce one with
# `DIR/fuzz/<target> DIR/artifacts/<target>/<file>`. Logs: DIR/fuzz-logs/<target>.log.
# DIR defaults to build/fuzz (the preset's binaryDir).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

usage() {
  echo "usage: scripts/fuzz.sh [SECONDS] [--smoke] [--runs N] [--only NAME]... [--build-dir DIR] [-- libFuzzer flags]" >&2
  exit 2
}

seconds="" runs="" smoke=0 build=build/fuzz only=() extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1 ;;
    --runs) [ $# -ge 2 ] || usage; runs="$2"; shift ;;
    --only) [ $# -ge 2 ] || usage; only+=("$2"); shift ;;
    --build-dir) [ $# -ge 2 ] || usage; build="$2"; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) usage ;;
    *) [[ "$1" =~ ^[0-9]+$ ]] || usage; seconds="$1" ;;
  esac
  shift
done
[ -n "$seconds" ] || seconds=$([ "$smoke" = 1 ] && echo 5 || echo 60)

log() { printf '[fuzz] %s\n' "$*" >&2; }

# ---- setup ----------------------------------------------------------------------------------
fuzzer_rt=$(ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a 2>/dev/null | head -n 1 || true)
if ! command -v clang++-14 >/dev/null || [ -z "$fuzzer_rt" ] || [ ! -f third_party/imgui-1.90.1/imgui.cpp ]; then
  log "clang-14, libFuzzer or Dear ImGui's sources missing: running scripts/setup.sh"
  bash scripts/setup.sh
fi

# ---- build ----------------------------------------------------------------------------------
cmake --preset fuzz -B "$build" >/dev/null
cmake --build "$build" -j2

# ---- discover -------------------------------------------------------------------------------
targets=()
while IFS= read -r exe; do
  name=$(basename "$exe")
  if [ ${#only[@]} -gt 0 ]; then
    keep=0; for o in "${only[@]}"; do [ "$o" = "$name" ] && keep=1; done
    [ "$keep" = 1 ] || continue
  fi
  targets+=("$name")
done < <(find "$build/fuzz" -maxdepth 1 -type f -name 'fuzz_*' ! -name '*.*' -perm -u+x | sort)
[ ${#targets[@]} -gt 0 ] || { log "no fuzz_* targets in $build/fuzz (--only: ${only[*]:-none})"; exit 1; }

# ---- run ------------------------------------------------------------------------------------
# Sanitizer reports must fail the run; leaks are checked by libFuzzer itself (-detect_leaks).
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
mkdir -p "$build/fuzz-logs"
if [ -n "$runs" ]; then budget=(-runs="$runs"); what="$runs executions"; else budget=(-max_total_time="$seconds"); what="${seconds} s"; fi
summary=()
found=0
for t in "${targets[@]}"; do
  seeds="fuzz/corpus/$t"
  if [ "$smoke" = 1 ]; then work="$build/fuzz-smoke/$t"; rm -rf "$work"; else work="$build/fuzz-corpus/$t"; fi
  mkdir -p "$work" "$build/artifacts/$t"
  if [ -d "$seeds" ]; then cp -rn "$seeds"/. "$work"/; else log "$t has no committed seeds in $seeds: starting from nothing"; fi
  args=("${budget[@]}" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t/")
  [ -f "$build/fuzz/$t.dict" ] && args+=(-dict="$build/fuzz/$t.dict")
  logfile="$build/fuzz-logs/$t.log"
  log "$t: $what on $work$([ -f "$build/fuzz/$t.dict" ] && echo " with $t.dict")"
  before=$(ls "$build/artifacts/$t" | wc -l)
  status=0
  "$build/fuzz/$t" "${args[@]}" "${extra[@]}" "$work" >"$logfile" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logfile" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$logfile" | tail -n 1)
  added=$(sed -n 's/^stat::new_units_added: *//p' "$logfile" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]*' "$logfile" | tail -n 1 | cut -d' ' -f2)
  corpus=$(ls "$work" | wc -l)
  if [ "$status" = 0 ]; then
    result="nothing found"
  else
    found=1
    artifact=$(ls -t "$build/artifacts/$t" | head -n 1)
    kind=$(grep -m1 -oE 'ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer): [a-zA-Z-]+|fuzz invariant broken|runtime error' "$logfile" || echo "exit $status")
    result="FOUND ($kind): $build/artifacts/$t/${artifact:-?} (log $logfile)"
    [ "$(ls "$build/artifacts/$t" | wc -l)" -gt "$before" ] || result="$result [no new artifact]"
    log "$t: $result"; tail -n 30 "$logfile" >&2
  fi
  summary+=("$(printf '%-24s %12s execs %9s exec/s  cov %6s  +%s units  corpus %5s  %s' "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${added:-?}" "$corpus" "$result")")
done

# ---- report ---------------------------------------------------------------------------------
printf '\nscripts/fuzz.sh: %s per target, %s\n' "$what" "$(clang++-14 --version | head -n 1)"
printf '%s\n' "${summary[@]}"
exit "$found"
