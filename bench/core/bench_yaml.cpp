// bench/core/bench_yaml.cpp: `bench_yaml`, ssmview::analyze() on --output yaml, natively.
//
// Index
//   Options       --quick, --runs-a N, --runs-b N, --runs-c N (as bench_core)
//   to_yaml       the benchmark's JSON documents as YAML, written by libyaml's emitter the way the
//                 AWS CLI's ruamel.yaml writes them (block style, 80 columns, double quotes with
//                 escapes where a string needs them, keys in the JSON's order)
//   Contenders    ours: analyze() of the YAML (for the fleet, plus grouping, as bench_core)
//                 anchor: libyaml's event parse of the same bytes, nothing built (the floor any
//                 reader on libyaml stands on)
//                 2nd reference: analyze() of the JSON twin
//   main
//
// Call flow: main -> make_* (bench_inputs.cpp) -> to_yaml (untimed) -> sanity: both twins read
// the same invocation or fleet -> measure() -> print_table() (bench_measure.h).
// A program, not a test: it is never registered with CTest.
#include <yaml.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_inputs.h"
#include "bench_measure.h"
#include "output_groups.h"
#include "report.h"

namespace sb = ssmview::bench;

namespace {

// ---- to_yaml ----------------------------------------------------------------------------------

int write_out(void* data, unsigned char* buffer, size_t size) {
    static_cast<std::string*>(data)->append(reinterpret_cast<const char*>(buffer), size);
    return 1;
}

void emit(yaml_emitter_t& e, const ssmview::Json& v) {
    yaml_event_t ev;
    if (v.is_object()) {
        yaml_mapping_start_event_initialize(&ev, nullptr, nullptr, 1, YAML_BLOCK_MAPPING_STYLE);
        yaml_emitter_emit(&e, &ev);
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string& k = it.key();
            yaml_scalar_event_initialize(&ev, nullptr, nullptr, reinterpret_cast<const yaml_char_t*>(k.data()), static_cast<int>(k.size()), 1,
                                         1, YAML_PLAIN_SCALAR_STYLE);
            yaml_emitter_emit(&e, &ev);
            emit(e, it.value());
        }
        yaml_mapping_end_event_initialize(&ev);
        yaml_emitter_emit(&e, &ev);
    } else if (v.is_array()) {
        yaml_sequence_start_event_initialize(&ev, nullptr, nullptr, 1, YAML_BLOCK_SEQUENCE_STYLE);
        yaml_emitter_emit(&e, &ev);
        for (const auto& item : v) emit(e, item);
        yaml_sequence_end_event_initialize(&ev);
        yaml_emitter_emit(&e, &ev);
    } else {
        // Strings are quoted (a plain `1` or `yes` would change type); numbers and booleans plain.
        const bool text = v.is_string();
        const std::string s = text ? v.get<std::string>() : v.dump();
        yaml_scalar_event_initialize(&ev, nullptr, nullptr, reinterpret_cast<const yaml_char_t*>(s.data()), static_cast<int>(s.size()), 1, 1,
                                     text ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE);
        yaml_emitter_emit(&e, &ev);
    }
}

std::string to_yaml(const std::string& json) {
    const ssmview::Json doc = ssmview::Json::parse(json);
    std::string out;
    yaml_emitter_t e;
    yaml_emitter_initialize(&e);
    yaml_emitter_set_output(&e, write_out, &out);
    yaml_emitter_set_width(&e, 80);
    yaml_emitter_set_unicode(&e, 1);
    yaml_event_t ev;
    yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
    yaml_emitter_emit(&e, &ev);
    yaml_document_start_event_initialize(&ev, nullptr, nullptr, nullptr, 1);
    yaml_emitter_emit(&e, &ev);
    emit(e, doc);
    yaml_document_end_event_initialize(&ev, 1);
    yaml_emitter_emit(&e, &ev);
    yaml_stream_end_event_initialize(&ev);
    yaml_emitter_emit(&e, &ev);
    yaml_emitter_delete(&e);
    return out;
}

// ---- Contenders -------------------------------------------------------------------------------


volatile std::size_t g_sink = 0;

std::size_t libyaml_events(const std::string& text) {
    yaml_parser_t p;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    std::size_t n = 0;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) break;
        const bool end = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        ++n;
        if (end) break;
    }
    yaml_parser_delete(&p);
    return n;
}

std::size_t analyzed(std::string_view text, bool fleet) {
    const ssmview::Report r = ssmview::analyze(text);
    if (!fleet) return r.diagnostics.size() + r.invocation.standard_output_content.value.size();
    const auto exact = ssmview::group_outputs(r.fleet, ssmview::OutputStream::Stdout, ssmview::GroupMode::Exact);
    const auto similar = ssmview::group_outputs(r.fleet, ssmview::OutputStream::Stdout, ssmview::GroupMode::Similar);
    return r.fleet.invocations.size() + exact.size() + similar.size();
}

bool run_input(const sb::BenchInput& json_in, const sb::Plan& plan) {
    sb::BenchInput in = json_in;
    in.json = to_yaml(json_in.json);  // print_table's MB/s and header count the YAML's bytes
    in.label += " as YAML";
    const bool fleet = in.invocations > 0;
    // Sanity: the twins read alike, and the YAML with no error.
    const ssmview::Report y = ssmview::analyze(in.json), j = ssmview::analyze(json_in.json);
    if (!y.valid() || y.format != ssmview::InputFormat::Yaml ||
        (fleet ? y.fleet.invocations.size() != j.fleet.invocations.size()
               : y.invocation.standard_output_content.value != j.invocation.standard_output_content.value)) {
        std::fprintf(stderr, "bench_yaml: %s does not read as its JSON twin\n", in.label.c_str());
        return false;
    }
    sb::print_input_header(in, plan, "YAML");
    const std::string yaml = in.json, json = json_in.json;
    std::vector<sb::Contender> contenders;
    contenders.push_back({fleet ? "analyze YAML + group exact and similar (ours)" : "ssmview::analyze of the YAML (ours)",
                          sb::timed([yaml, fleet] { g_sink = g_sink + analyzed(yaml, fleet); }), {}});
    contenders.push_back({"libyaml yaml_parser_parse, events only (anchor)", sb::timed([yaml] { g_sink = g_sink + libyaml_events(yaml); }), {}});
    contenders.push_back({"ours on the JSON twin (2nd reference)", sb::timed([json, fleet] { g_sink = g_sink + analyzed(json, fleet); }), {}});
    sb::measure(contenders, plan);
    sb::print_table(in, contenders);
    std::printf("  RATIO ours on YAML / ours on JSON = %.2f (the JSON twin is %s bytes)\n",
                sb::median(contenders[0].seconds) / sb::median(contenders[2].seconds), sb::with_commas(json.size()).c_str());
    return true;
}

}  // namespace

// ---- main -------------------------------------------------------------------------------------

int main(int argc, char** argv) {
    sb::Options o;
    if (!sb::parse_options(argc, argv, o)) {
        std::fprintf(stderr, "usage: bench_yaml [--quick] [--runs-a N] [--runs-b N] [--runs-c N]\n");
        return 2;
    }
    std::printf("bench_yaml: ssmview::analyze on AWS CLI --output yaml, libyaml %s\n", yaml_get_version_string());
    bool ok = run_input(sb::make_maximal_invocation(), o.a);
    ok = run_input(sb::make_large_invocation(), o.b) && ok;
    ok = run_input(sb::make_fleet(), o.c) && ok;
    return ok ? 0 : 1;
}
