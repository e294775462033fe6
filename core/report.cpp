// core/report.cpp: the pipeline behind analyze().
//
// Index
//   Report::valid / count
//   report_kind_name
//   analyze               size -> locate_json -> read_json (or YamlPages) -> read_invocation -> classify
//                         -> validate, or -> read_fleet for a fleet output, or the text as plain output
#include "report.h"

#include <cstdio>
#include <optional>

#include "fleet_reader.h"
#include "input_format.h"
#include "invocation_reader.h"
#include "json_reader.h"
#include "validate.h"
#include "yaml_reader.h"

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
    if (!located.read_json && !located.read_yaml) {
        r.diagnostics = sink.take();
        return r;
    }

    // A fleet page's list elements are read as the page is (fleet_reader.h); any other document
    // has no such list. JSON and YAML give the same pages, so everything after reading is shared.
    FleetListReader lists(sink);
    JsonRead first;
    std::size_t first_begin = located.begin;
    std::optional<YamlPages> yaml;
    std::optional<JsonPages> json_pages;
    if (located.read_yaml) {
        yaml.emplace(text, located, sink, &lists);
        if (!yaml->next(first, first_begin)) {  // nothing but comments, or `---`
            sink.add(Severity::Error, "model.not_object", "The YAML holds no value: paste the whole output.", "", located.begin);
            r.diagnostics = sink.take();
            return r;
        }
    } else {
        first = read_json(text, located.begin, sink, &lists);
        json_pages.emplace(text, first.end, sink, &lists);
    }
    PageSource& more = yaml ? static_cast<PageSource&>(*yaml) : *json_pages;
    r.json_begin = first_begin;
    r.json_end = first.end;
    // A fleet page cut short is still a fleet when whole elements of its list were read.
    if (first.ok ? fleet_source_of(first.value).has_value() : lists.holds_elements()) {
        r.kind = ReportKind::Fleet;
        r.json_end = read_fleet(first, first_begin, lists, more, r.fleet, sink);
        r.diagnostics = sink.take();
        return r;
    }
    if (first.ok) {
        if (yaml) {
            // A yaml-stream of one invocation has one element; another is not read.
            JsonRead extra;
            std::size_t at = 0;
            for (bool said = false; yaml->next(extra, at); said = true)
                if (!said) sink.add(Severity::Info, "input.text_after", "The yaml-stream's next elements were skipped: one invocation is read.", "", at);
        } else {
            std::size_t rest = first.end;
            while (rest < text.size() && (text[rest] == ' ' || text[rest] == '\t' || text[rest] == '\r' || text[rest] == '\n')) ++rest;
            if (rest < text.size())
                sink.add(Severity::Info, "input.text_after", "Text after the JSON (a prompt) was skipped.", "", rest);
        }
        r.has_invocation = read_invocation(first, first_begin, r.invocation, sink);
    }
    if (r.has_invocation) {
        r.state = classify(r.invocation);
        validate(r.invocation, r.state, r.times, sink);
    }
    r.diagnostics = sink.take();
    return r;
}

}  // namespace ssmview
