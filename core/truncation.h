// core/truncation.h: how an output was cut, by whom, and how the core says so.
//
// Index
//   OutputMember, OutputSpec        the two output members: name, JSON pointer, limit, the stream
//   output_member                   the member a stream (core/output_location.h) is returned in
//   TruncationMarker, kTruncationMarkers   every suffix the SSM agent appends when it cuts
//   kPluginOutputErrorTitle         the line between stdout and stderr in a plugin's `Output`
//   truncation_marker_at_end        the marker an output ends in (trailing blanks ignored), or null
//   output_limit_sentence           "GetCommandInvocation returns only the first 24,000 characters of ..."
//   with_thousands                  24000 -> "24,000": how limits are written in sentences
//   counted                         (3, "page", "pages") -> "3 pages": a count in a sentence
//   CutReason, OutputCut, output_cut   for a Report and a member: whether and why it was cut
//
// Call flow: validate.cpp's output check asks truncation_marker_at_end() and compares the length
// with OutputSpec::limit_chars, and reports output.truncated or output.at_limit at the member's
// path. Front ends never repeat that test: they call output_cut(report, member), which reads
// those diagnostics back, so `ssmview inspect --json` and the page's banner cannot disagree.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "diagnostic.h"
#include "output_location.h"

namespace ssmview {

struct Report;

enum class OutputMember { StandardOutput, StandardError };

struct OutputSpec {
    const char* content;      // "StandardOutputContent"
    const char* path;         // "/StandardOutputContent" (where its diagnostics are placed)
    const char* url;          // "StandardOutputUrl"
    const char* stream;       // "standard output", for sentences
    std::size_t limit_chars;  // kMaxStdoutChars / kMaxStderrChars
};
const OutputSpec& output_spec(OutputMember m);
OutputMember output_member(OutputStream s);

// The agent (amazon-ssm-agent) cuts in two places:
//   - iohandler.TruncateOutput, which joins stdout and stderr into a plugin's `Output`, appends
//     "\n---Output truncated---" to a cut stdout and "\n---Error truncated----" (four dashes at the
//     end) to a cut stderr;
//   - older agents' pluginutil.StringPrefix replaced the end of a cut StandardOutput or
//     StandardError with OutputTruncatedSuffix, "--output truncated--", on both streams.
// Any of them, at the end of either member, means the text was cut.
struct TruncationMarker {
    const char* text;    // as the agent writes it, without the line break before it
    const char* stream;  // "stdout", "stderr" or "both": where the agent writes it
};
inline constexpr TruncationMarker kTruncationMarkers[] = {
    {"---Output truncated---", "stdout"},
    {"---Error truncated----", "stderr"},
    {"--output truncated--", "both"},
};

// In a plugin's `Output` (list-command-invocations --details, kMaxPluginOutputChars), stderr
// follows this title (the proxy's simulated SSM writes it; the fleet view will read it).
constexpr const char* kPluginOutputErrorTitle = "\n----------ERROR-------\n";

// The marker `content` ends in, once trailing spaces and line breaks are set aside; null when none.
const TruncationMarker* truncation_marker_at_end(std::string_view content);

// "GetCommandInvocation returns only the first 24,000 characters of standard output."
std::string output_limit_sentence(OutputMember m);
std::string with_thousands(std::size_t n);
std::string counted(std::size_t n, const char* one, const char* many);

enum class CutReason { None, Marker, AtLimit };  // output.truncated, output.at_limit

struct OutputCut {
    CutReason         reason = CutReason::None;
    const Diagnostic* finding = nullptr;  // the output.truncated / output.at_limit diagnostic, in the report
    bool cut() const { return reason != CutReason::None; }
};
// Whether and why the member was cut, read from the report's diagnostics (the finding points into
// r.diagnostics: it lives as long as the report).
OutputCut output_cut(const Report& r, OutputMember m);

}  // namespace ssmview
