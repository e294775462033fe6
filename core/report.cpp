// core/report.cpp: the pipeline behind analyze().
//
// Index
//   Report::valid / count
//   report_kind_name
//   analyze               size -> locate_json -> read_json -> read_invocation -> classify -> validate,
//                         or -> read_fleet for a fleet output, or the text as plain output
#include "report.h"

#include <cstdio>

#include "fleet_reader.h"
#include "input_format.h"
#include "invocation_reader.h"
#include "json_reader.h"
#include "validate.h"

namespace ssmview {

const char* report_kind_name(ReportKind k) {
    switch (k) {
        case ReportKind::Fleet: return "fleet";
        case ReportKind::Plain: return "plain";
        case ReportKind::Invocation: break;
    }
    return "invocation";
}

bool Report::valid() const { return count(Severity::Error) == 0; }

int Report::count(Severity s) const {
    int n = 0;
    for (const auto& d : diagnostics) n += d.severity == s;
    return n;
}

Report analyze_oversized(std::size_t total_bytes) {
    Report r;
    DiagnosticSink sink{std::string_view()};
    char size[32];
    std::snprintf(size, sizeof size, "%.1f MB", static_cast<double>(total_bytes) / 1e6);
    sink.add_unplaced(Severity::Error, "input.too_large",
                      std::string("The input is ") + size + "; ssmview reads at most " +
                          std::to_string(kMaxInputBytes / (1024 * 1024)) +
                          " MiB. GetCommandInvocation output is far smaller: is this the right text?");
    r.diagnostics = sink.take();
    return r;
}

Report analyze(std::string_view text) {
    // Refused before any work: no scan of 100 MB for line numbers either.
    if (text.size() > kMaxInputBytes) return analyze_oversized(text.size());
    Report r;
    DiagnosticSink sink(text);

    const Located located = locate_json(text, sink);
    r.format = located.format;
    if (located.format == InputFormat::Plain) {
        r.kind = ReportKind::Plain;
        r.invocation.standard_output_content.present = true;
        r.invocation.standard_output_content.value = std::string(text.substr(located.begin));
    }
    if (!located.read_json) {
        r.diagnostics = sink.take();
        return r;
    }

    // A fleet page's list elements are read as the JSON is (fleet_reader.h); any other document
    // has no such list and reads as before.
    FleetListReader lists(sink);
    JsonRead json = read_json(text, located.begin, sink, &lists);
    r.json_begin = located.begin;
    r.json_end = json.end;
    // A fleet page cut short is still a fleet when whole elements of its list were read.
    if (json.ok ? fleet_source_of(json.value).has_value() : lists.holds_elements()) {
        r.kind = ReportKind::Fleet;
        r.json_end = read_fleet(text, json, located.begin, lists, r.fleet, sink);
        r.diagnostics = sink.take();
        return r;
    }
    if (json.ok) {
        std::size_t rest = json.end;
        while (rest < text.size() && (text[rest] == ' ' || text[rest] == '\t' || text[rest] == '\r' || text[rest] == '\n')) ++rest;
        if (rest < text.size())
            sink.add(Severity::Info, "input.text_after", "Text after the JSON (a prompt) was skipped.", "", rest);
        r.has_invocation = read_invocation(json, located.begin, r.invocation, sink);
    }
    if (r.has_invocation) {
        r.state = classify(r.invocation);
        validate(r.invocation, r.state, r.times, sink);
    }
    r.diagnostics = sink.take();
    return r;
}

}  // namespace ssmview
