// core/report.h: the core's single entry point, text in, report out.
//
// Index
//   ReportKind            one invocation, or a fleet (send-command / list-commands / list-command-invocations)
//   Report                format + invocation + state + times (or the fleet) + diagnostics
//   analyze               the pipeline
//   report_to_json        the `ssmview inspect --json` object (also what the web page exposes)
//   diagnostics_to_json   its "diagnostics" array alone (the view's state JSON uses the same)
//
// The limits the pipeline applies are in data_limits.h; what a cut output looks like, and
// output_cut() to ask a report about it, in truncation.h. Both are included here for front ends.
//
// Call flow of analyze():
//   input_format.cpp   locate_json()      BOM, size, binary, YAML/text/table recognition, the JSON's span
//   json_reader.cpp    read_json()        strict JSON with positions, bounded depth, UTF-8 repair
//   invocation_reader  read_invocation()  members -> Invocation (types checked, unknowns kept)
//   classify.cpp       classify()         Status x StatusDetails -> State
//   validate.cpp       validate()         model constraints and cross-member consistency
// or, when the JSON is a fleet output (fleet_source_of):
//   fleet_reader.cpp   read_fleet()       every pasted page -> Fleet, each object classified and checked
// Each stage writes into one DiagnosticSink; a stage that cannot go on stops the pipeline, so a
// Report is always complete and never throws.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "classify.h"
#include "diagnostic.h"
#include "input_format.h"
#include "invocation.h"
#include "iso_time.h"
#include "data_limits.h"
#include "fleet.h"
#include "truncation.h"

namespace ssmview {

// Plain: text that is no CLI document (input.plain); its text is the invocation's
// StandardOutputContent, with nothing else known, so every output feature works on it.
enum class ReportKind { Invocation, Fleet, Plain };
const char* report_kind_name(ReportKind k);  // "invocation", "fleet", "plain"

struct Report {
    ReportKind              kind = ReportKind::Invocation;
    InputFormat             format = InputFormat::Unknown;
    bool                    has_invocation = false;  // a JSON object was read
    Invocation              invocation;
    State                   state;
    Times                   times;
    Fleet                   fleet;                   // kind == Fleet: the pages read (fleet_report.h sums them up)
    std::vector<Diagnostic> diagnostics;
    std::size_t             json_begin = 0, json_end = 0;  // the JSON's byte span in the text (every page, for a fleet)
    bool valid() const;  // no error-severity diagnostic
    int  count(Severity s) const;
};

Report analyze(std::string_view text);
// The report for an input refused for its size alone (front ends that stop reading early use it
// to name the real size without holding it in memory).
Report analyze_oversized(std::size_t total_bytes);

// {"kind":"invocation","valid","format","invocation","state":{...},"diagnostics":[...]} (see
// README "CLI"); for a fleet, fleet_to_json's object with exact grouping.
Json report_to_json(const Report& r);
// [{"severity","code","message","path","line","column"}, ...]: the one writer of diagnostics as
// JSON, for the CLI and the page alike.
Json diagnostics_to_json(const std::vector<Diagnostic>& diagnostics);

}  // namespace ssmview
