// bench/core/bench_wasm.cpp: `bench_core_wasm`, ssmview::analyze() in WebAssembly under node,
// next to JavaScript's JSON.parse in the same node process.
//
// Index
//   JS side (EM_JS)   js_prepare          decode the document's UTF-8 bytes (in wasm memory) into a JS
//                                         string once, untimed, and check JSON.parse reads it
//                     js_json_parse_block  time `count` JSON.parse runs with performance.now
//                     js_encode_block      time `count` TextEncoder.encodeInto runs (JS string -> the
//                                         UTF-8 bytes in wasm memory: what a page pays before analyze)
//                     js_node_version, js_loadavg
//   Options           --quick, --runs-a N, --runs-b N, --runs-c N (the fleet)
//   Sanity            analyze() once per input and check it read what the generator wrote
//   Contenders        ours (timed in C++ with emscripten_get_now, i.e. performance.now), the anchor
//                     JSON.parse, and the encodeInto cost (information)
//   main
//
// Call flow: node runs bench_core_wasm.js -> main -> make_maximal_invocation /
// make_large_invocation (the same generator and bytes as natively) -> js_prepare -> measure()
// alternates blocks of analyze() and of JSON.parse (bench_measure.h) -> print_table().
// Both parsers read the same document: ours its UTF-8 bytes in wasm memory, JSON.parse the JS
// string those bytes decode to (JSON.parse only takes strings). Run it with
//   node --no-experimental-fetch bench_core_wasm.js
// (node 20's fetch would otherwise try to fetch the .wasm path, see docs/toolchain.md, section 3).
// A program, not a test: it is never registered with CTest.
#include <emscripten.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "bench_inputs.h"
#include "bench_measure.h"
#include "output_groups.h"
#include "report.h"

#ifndef SSMVIEW_SOURCE_DIR
#define SSMVIEW_SOURCE_DIR "."
#endif
#ifndef SSMVIEW_BUILD_TYPE
#define SSMVIEW_BUILD_TYPE "unknown"
#endif

namespace sb = ssmview::bench;

// ---- JS side (EM_JS) ------------------------------------------------------------------------
// EM_JS bodies reach JS as one line: every statement ends in a semicolon.

// Returns 1 when JSON.parse reads the document and finds `status` in it (a fleet: `invocations`
// CommandInvocations).
EM_JS(int, js_prepare, (int id, const char* bytes, int length, const char* status, int invocations), {
    if (!globalThis.ssmviewBench) globalThis.ssmviewBench = { text: [], sink: 0 };
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const text = decoder.decode(HEAPU8.subarray(bytes, bytes + length));
    globalThis.ssmviewBench.text[id] = text;
    const expected = decoder.decode(HEAPU8.subarray(status, status + HEAPU8.subarray(status).indexOf(0)));
    const o = JSON.parse(text);
    if (invocations > 0) return Array.isArray(o.CommandInvocations) && o.CommandInvocations.length === invocations ? 1 : 0;
    return o.Status === expected ? 1 : 0;
});

EM_JS(void, js_json_parse_block, (int id, int count, double* seconds), {
    const text = globalThis.ssmviewBench.text[id];
    let sink = 0;
    for (let i = 0; i < count; ++i) {
        const t0 = performance.now();
        const o = JSON.parse(text);
        const t1 = performance.now();
        sink += (o.StandardOutputContent || o.CommandInvocations).length;
        HEAPF64[(seconds >> 3) + i] = (t1 - t0) / 1000;
    }
    globalThis.ssmviewBench.sink += sink;
});

EM_JS(void, js_encode_block, (int id, int count, char* buffer, int capacity, double* seconds), {
    const text = globalThis.ssmviewBench.text[id];
    const encoder = new TextEncoder();
    let sink = 0;
    for (let i = 0; i < count; ++i) {
        const t0 = performance.now();
        const r = encoder.encodeInto(text, HEAPU8.subarray(buffer, buffer + capacity));
        const t1 = performance.now();
        sink += r.written;
        HEAPF64[(seconds >> 3) + i] = (t1 - t0) / 1000;
    }
    globalThis.ssmviewBench.sink += sink;
});

EM_JS(void, js_node_version, (char* buffer, int capacity), {
    const r = new TextEncoder().encodeInto(process.version + " (V8 " + process.versions.v8 + ")",
                                           HEAPU8.subarray(buffer, buffer + capacity - 1));
    HEAPU8[buffer + r.written] = 0;
});

EM_JS(void, js_loadavg, (double* out), {
    const l = require("os").loadavg();
    for (let i = 0; i < 3; ++i) HEAPF64[(out >> 3) + i] = l[i];
});

namespace {

// ---- Options --------------------------------------------------------------------------------

// Options and parse_options: bench_measure.h (the same flags for both programs).

std::string load_average() {
    double l[3] = {0, 0, 0};
    js_loadavg(l);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f %.2f %.2f", l[0], l[1], l[2]);
    return buf;
}

void print_environment(int argc, char** argv) {
    char node[96];
    js_node_version(node, sizeof node);
    char date[32];
    const std::time_t now = std::time(nullptr);
    std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
    std::printf("bench_core_wasm (WebAssembly under node): ssmview::analyze() vs JSON.parse in the same process\n");
    std::printf("  date %s; em++ %d.%d.%d; node %s\n", date, __EMSCRIPTEN_major__, __EMSCRIPTEN_minor__,
                __EMSCRIPTEN_tiny__, node);
    std::printf("  build type %s%s; load average before: %s\n", SSMVIEW_BUILD_TYPE,
                std::string(SSMVIEW_BUILD_TYPE) == "Release" ? "" : " (NOT Release: the figures mean little)",
                load_average().c_str());
    std::printf("  reproduce: cd %s && cmake --preset wasm && cmake --build --preset wasm --target bench_core_wasm && "
                "node --no-experimental-fetch build/wasm/bench/core/bench_core_wasm.js",
                SSMVIEW_SOURCE_DIR);
    for (int i = 1; i < argc; ++i) std::printf(" %s", argv[i]);
    std::printf("\n       (or: scripts/bench.sh wasm%s", argc > 1 ? " --" : "");
    for (int i = 1; i < argc; ++i) std::printf(" %s", argv[i]);
    std::printf(")\n");
    std::printf("  MB/s = JSON bytes (UTF-8) / 1e6 / median seconds per run; ours/this > 1 means ours is slower\n");
}

// ---- Sanity ---------------------------------------------------------------------------------

bool sanity(int id, const sb::BenchInput& in) {
    if (in.invocations > 0) {
        const ssmview::Report r = ssmview::analyze(in.json);
        const auto similar = ssmview::group_outputs(r.fleet, ssmview::OutputStream::Stdout, ssmview::GroupMode::Similar);
        bool ok = r.kind == ssmview::ReportKind::Fleet && r.valid() && r.fleet.invocations.size() == in.invocations &&
                  similar.size() == in.similar_groups;
        std::printf("  %s: ours reads %zu invocations, %zu stdout groups ignoring digits\n", in.label.c_str(),
                    r.fleet.invocations.size(), similar.size());
        ok = js_prepare(id, in.json.data(), static_cast<int>(in.json.size()), "", static_cast<int>(in.invocations)) == 1 && ok;
        if (!ok) std::printf("  SANITY CHECK FAILED: the fleet was not read as generated\n");
        return ok;
    }
    const ssmview::Report r = ssmview::analyze(in.json);
    const auto& out = r.invocation.standard_output_content;
    bool ok = r.format == ssmview::InputFormat::Json && r.has_invocation && r.valid() &&
              r.invocation.status.value == in.status && out.present && ssmview::utf8_length(out.value) == in.stdout_chars &&
              r.invocation.standard_error_content.value.size() == in.stderr_bytes;
    std::printf("  %s: ours reports format %s, phase %s, diagnostics:", in.label.c_str(),
                ssmview::input_format_name(r.format), ssmview::phase_name(r.state.phase));
    for (const auto& d : r.diagnostics) std::printf(" %s", d.code.c_str());
    std::printf("%s\n", r.diagnostics.empty() ? " none" : "");
    ok = js_prepare(id, in.json.data(), static_cast<int>(in.json.size()), in.status.c_str(), 0) == 1 && ok;
    if (!ok) std::printf("  SANITY CHECK FAILED: a parser did not read the generated document as generated\n");
    return ok;
}

// ---- Contenders -----------------------------------------------------------------------------

volatile std::size_t g_sink = 0;

void run_input(int id, const sb::BenchInput& in, const sb::Plan& plan) {
    sb::print_input_header(in, plan);
    const std::string_view text = in.json;
    auto encoded = std::make_shared<std::vector<char>>(in.json.size() + 16);
    std::vector<sb::Contender> contenders;
    const bool fleet = in.invocations > 0;
    contenders.push_back({fleet ? "analyze + group exact and similar (ours, wasm)" : "ssmview::analyze (ours, wasm)",
                          [text, fleet](int count, double* seconds) {
                              for (int i = 0; i < count; ++i) {
                                  const double t0 = emscripten_get_now();
                                  {
                                      const ssmview::Report r = ssmview::analyze(text);
                                      g_sink = g_sink + r.diagnostics.size() + r.invocation.standard_output_content.value.size();
                                      if (fleet) {
                                          // What a pasted fleet costs before its first frame.
                                          const auto e = ssmview::group_outputs(r.fleet, ssmview::OutputStream::Stdout, ssmview::GroupMode::Exact);
                                          const auto s = ssmview::group_outputs(r.fleet, ssmview::OutputStream::Stdout, ssmview::GroupMode::Similar);
                                          g_sink = g_sink + e.size() + s.size();
                                      }
                                  }
                                  seconds[i] = (emscripten_get_now() - t0) / 1000.0;
                              }
                          }, {}});
    contenders.push_back({"JSON.parse (anchor, same node process)",
                          [id](int count, double* seconds) { js_json_parse_block(id, count, seconds); }, {}});
    contenders.push_back({"(info) TextEncoder.encodeInto to wasm memory", [id, encoded](int count, double* seconds) {
                              js_encode_block(id, count, encoded->data(), static_cast<int>(encoded->size()), seconds);
                          }, {}});
    sb::measure(contenders, plan);
    sb::print_table(in, contenders);
    const double ours = sb::median(contenders[0].seconds), anchor = sb::median(contenders[1].seconds),
                 encode = sb::median(contenders[2].seconds);
    std::printf("  RATIO (encodeInto + ours)/JSON.parse = %.2f  (a page holding the text as a JS string)\n",
                (encode + ours) / anchor);
}

}  // namespace

// ---- main -----------------------------------------------------------------------------------

int main(int argc, char** argv) {
    sb::Options o;
    if (!sb::parse_options(argc, argv, o)) {
        std::fprintf(stderr, "usage: node --no-experimental-fetch bench_core_wasm.js [--quick] [--runs-a N] [--runs-b N] [--runs-c N]\n");
        return 2;
    }
    print_environment(argc, argv);
    const sb::BenchInput inputs[] = {sb::make_maximal_invocation(), sb::make_large_invocation(), sb::make_fleet()};
    for (int i = 0; i < 3; ++i)
        if (!sanity(i, inputs[i])) return 1;
    run_input(0, inputs[0], o.a);
    run_input(1, inputs[1], o.b);
    run_input(2, inputs[2], o.c);
    std::printf("\n  load average after: %s\n", load_average().c_str());
    return 0;
}
