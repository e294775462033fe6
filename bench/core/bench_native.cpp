// bench/core/bench_native.cpp: `bench_core`, the native benchmark of ssmview::analyze().
//
// Index
//   Options        --quick, --runs-a N, --runs-b N, --runs-c N (measured runs for inputs (a), (b), (c))
//   Environment    compiler, simdjson implementation, date, load average: what the figures depend on
//   Sanity         analyze() once per input and check it read what the generator wrote
//   Contenders     ours: analyze() = locate + parse + read members + classify + validate; for the
//                  fleet (c), analyze() and group_outputs() exact and similar, as a paste does
//                  anchor: simdjson::dom::parser::parse (simdjson 3.0.1, Debian), parser reused
//                  second reference: nlohmann::json::parse (3.11.2), non-throwing
//   main
//
// Call flow: main -> make_maximal_invocation / make_large_invocation (bench_inputs.cpp) ->
// sanity() -> for each input: contenders() -> measure() -> print_table() (bench_measure.h).
// All three parsers read the same bytes: the std::string the generator built (simdjson reads a
// padded copy made once, untimed, because its API requires SIMDJSON_PADDING readable bytes past
// the end; handing it the std::string would make it copy on every run).
// A program, not a test: it is never registered with CTest.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <simdjson.h>

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

namespace {

// ---- Options --------------------------------------------------------------------------------

// Options and parse_options: bench_measure.h (the same flags for both programs).

// ---- Environment ----------------------------------------------------------------------------

std::string today() {
    char buf[32];
    const std::time_t now = std::time(nullptr);
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
    return buf;
}

std::string load_average() {
    std::ifstream f("/proc/loadavg");
    std::string a, b, c;
    if (!(f >> a >> b >> c)) return "unknown";
    return a + " " + b + " " + c;
}

void print_environment(int argc, char** argv) {
    std::printf("bench_core (native): ssmview::analyze() vs simdjson DOM parse vs nlohmann::json::parse\n");
    std::printf("  date %s; compiler %s; simdjson %d.%d.%d (implementation: %s); nlohmann::json %d.%d.%d\n", today().c_str(),
#if defined(__clang__)
                "clang " __clang_version__,
#else
                "GCC " __VERSION__,
#endif
                int(simdjson::SIMDJSON_VERSION_MAJOR), int(simdjson::SIMDJSON_VERSION_MINOR),
                int(simdjson::SIMDJSON_VERSION_REVISION), simdjson::get_active_implementation()->name().c_str(), NLOHMANN_JSON_VERSION_MAJOR,
                NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH);
    std::printf("  build type %s%s; load average before: %s\n", SSMVIEW_BUILD_TYPE,
                std::string(SSMVIEW_BUILD_TYPE) == "Release" ? "" : " (NOT Release: the figures mean little)",
                load_average().c_str());
    std::printf("  reproduce: cd %s && cmake --preset native && cmake --build --preset native --target bench_core && "
                "build/native/bench/core/bench_core",
                SSMVIEW_SOURCE_DIR);
    for (int i = 1; i < argc; ++i) std::printf(" %s", argv[i]);
    std::printf("\n       (or: scripts/bench.sh native%s", argc > 1 ? " --" : "");
    for (int i = 1; i < argc; ++i) std::printf(" %s", argv[i]);
    std::printf(")\n");
    std::printf("  this run: %s", argv[0]);
    for (int i = 1; i < argc; ++i) std::printf(" %s", argv[i]);
    std::printf("\n  MB/s = JSON bytes / 1e6 / median seconds per run; ours/this > 1 means ours is slower\n");
}

// ---- Sanity ---------------------------------------------------------------------------------

// (c): ours reads every invocation, valid, and groups them as the generator made them.
bool sanity_fleet(const sb::BenchInput& in) {
    const ssmview::Report r = ssmview::analyze(in.json);
    const auto similar = ssmview::group_outputs(r.fleet, ssmview::OutputStream::Stdout, ssmview::GroupMode::Similar);
    const auto exact = ssmview::group_outputs(r.fleet, ssmview::OutputStream::Stdout, ssmview::GroupMode::Exact);
    bool ok = r.kind == ssmview::ReportKind::Fleet && r.valid() && r.fleet.invocations.size() == in.invocations &&
              similar.size() == in.similar_groups;
    std::printf("  %s: ours reads %zu invocations, %zu stdout groups exactly, %zu ignoring digits; diagnostics:",
                in.label.c_str(), r.fleet.invocations.size(), exact.size(), similar.size());
    for (const auto& d : r.diagnostics) std::printf(" %s", d.code.c_str());
    std::printf("\n");
    simdjson::dom::parser parser;
    const simdjson::padded_string padded(in.json);
    simdjson::dom::array list;
    ok = ok && !parser.parse(padded)["CommandInvocations"].get(list) && list.size() == in.invocations;
    if (!ok) std::printf("  SANITY CHECK FAILED: the fleet was not read as generated\n");
    return ok;
}

bool sanity(const sb::BenchInput& in) {
    if (in.invocations > 0) return sanity_fleet(in);
    const ssmview::Report r = ssmview::analyze(in.json);
    const auto& out = r.invocation.standard_output_content;
    bool ok = r.format == ssmview::InputFormat::Json && r.has_invocation && r.valid() &&
              r.invocation.status.value == in.status && out.present && ssmview::utf8_length(out.value) == in.stdout_chars &&
              r.invocation.standard_error_content.value.size() == in.stderr_bytes;
    std::printf("  %s: ours reports format %s, phase %s, diagnostics:", in.label.c_str(), ssmview::input_format_name(r.format),
                ssmview::phase_name(r.state.phase));
    for (const auto& d : r.diagnostics) std::printf(" %s", d.code.c_str());
    std::printf("%s\n", r.diagnostics.empty() ? " none" : "");

    simdjson::dom::parser parser;
    const simdjson::padded_string padded(in.json);
    std::string_view status;
    ok = ok && !parser.parse(padded)["Status"].get(status) && status == in.status;
    const auto j = nlohmann::json::parse(in.json.begin(), in.json.end(), nullptr, false);
    ok = ok && !j.is_discarded() && j["Status"] == in.status;
    if (!ok) std::printf("  SANITY CHECK FAILED: a parser did not read the generated document as generated\n");
    return ok;
}

// ---- Contenders -----------------------------------------------------------------------------


volatile std::size_t g_sink = 0;  // results flow here so no run can be optimized away

void run_input(const sb::BenchInput& in, const sb::Plan& plan) {
    sb::print_input_header(in, plan);
    auto parser = std::make_shared<simdjson::dom::parser>();
    auto padded = std::make_shared<simdjson::padded_string>(in.json);
    const std::string_view text = in.json;
    std::vector<sb::Contender> contenders;
    if (in.invocations > 0) {
        // A fleet: what the page does before its first frame (read, then group stdout both ways).
        contenders.push_back({"analyze + group exact and similar (ours)", sb::timed([text] {
                                  const ssmview::Report r = ssmview::analyze(text);
                                  const auto exact = ssmview::group_outputs(r.fleet, ssmview::OutputStream::Stdout, ssmview::GroupMode::Exact);
                                  const auto similar = ssmview::group_outputs(r.fleet, ssmview::OutputStream::Stdout, ssmview::GroupMode::Similar);
                                  g_sink = g_sink + r.fleet.invocations.size() + exact.size() + similar.size();
                              }), {}});
    } else {
        contenders.push_back({"ssmview::analyze (ours)", sb::timed([text] {
                                  const ssmview::Report r = ssmview::analyze(text);
                                  g_sink = g_sink + r.diagnostics.size() + r.invocation.standard_output_content.value.size();
                              }), {}});
    }
    contenders.push_back({"simdjson dom::parser::parse (anchor)", sb::timed([parser, padded] {
                              auto doc = parser->parse(*padded);
                              g_sink = g_sink + (doc.error() ? 0u : 1u);
                          }), {}});
    contenders.push_back({"nlohmann::json::parse (2nd reference)", sb::timed([text] {
                              const auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
                              g_sink = g_sink + j.size();
                          }), {}});
    sb::measure(contenders, plan);
    sb::print_table(in, contenders);
    std::printf("  RATIO ours/nlohmann = %.2f\n", sb::median(contenders[0].seconds) / sb::median(contenders[2].seconds));
}

}  // namespace

// ---- main -----------------------------------------------------------------------------------

int main(int argc, char** argv) {
    sb::Options o;
    if (!sb::parse_options(argc, argv, o)) {
        std::fprintf(stderr, "usage: bench_core [--quick] [--runs-a N] [--runs-b N] [--runs-c N]\n");
        return 2;
    }
    print_environment(argc, argv);
    const sb::BenchInput inputs[] = {sb::make_maximal_invocation(), sb::make_large_invocation(), sb::make_fleet()};
    for (const auto& in : inputs)
        if (!sanity(in)) return 1;
    run_input(inputs[0], o.a);
    run_input(inputs[1], o.b);
    run_input(inputs[2], o.c);
    std::printf("\n  load average after: %s\n", load_average().c_str());
    return 0;
}
