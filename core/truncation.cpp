// core/truncation.cpp: the output members, the agent's markers, and reading a cut back.
//
// Index
//   output_spec, output_member the two members, limits from data_limits.h; a stream's member
//   truncation_marker_at_end
//   output_limit_sentence      the limit written with thousands separators
//   output_cut
#include "truncation.h"

#include <cassert>

#include "data_limits.h"
#include "report.h"

namespace ssmview {

const OutputSpec& output_spec(OutputMember m) {
    static const OutputSpec specs[] = {
        {"StandardOutputContent", "/StandardOutputContent", "StandardOutputUrl", "standard output", kMaxStdoutChars},
        {"StandardErrorContent", "/StandardErrorContent", "StandardErrorUrl", "standard error", kMaxStderrChars},
    };
    return specs[m == OutputMember::StandardOutput ? 0 : 1];
}

const TruncationMarker* truncation_marker_at_end(std::string_view content) {
    while (!content.empty() && (content.back() == '\n' || content.back() == '\r' || content.back() == ' '))
        content.remove_suffix(1);
    for (const TruncationMarker& m : kTruncationMarkers) {
        const std::string_view text = m.text;
        if (content.size() >= text.size() && content.substr(content.size() - text.size()) == text) return &m;
    }
    return nullptr;
}

std::string with_thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string counted(std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

OutputMember output_member(OutputStream s) {
    return s == OutputStream::Stdout ? OutputMember::StandardOutput : OutputMember::StandardError;
}

std::string output_limit_sentence(OutputMember m) {
    const OutputSpec& s = output_spec(m);
    return "GetCommandInvocation returns only the first " + with_thousands(s.limit_chars) + " characters of " + s.stream + ".";
}

OutputCut output_cut(const Report& r, OutputMember m) {
    const std::string_view path = output_spec(m).path;
    OutputCut cut;
    for (const Diagnostic& d : r.diagnostics) {
        if (d.path != path) continue;
        if (d.code == "output.truncated") cut = {CutReason::Marker, &d};
        else if (d.code == "output.at_limit") cut = {CutReason::AtLimit, &d};
        else continue;
        break;
    }
    // validate() reports at most one of the two per member.
    assert(!cut.cut() || cut.finding->severity == Severity::Info);
    return cut;
}

}  // namespace ssmview
