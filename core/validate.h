// core/validate.h: what is off about an invocation that parsed.
//
// Index
//   validate    model constraints, Status/StatusDetails agreement, ResponseCode vs state, times,
//               output size limits and the agent's truncation marker
//
// Runs after classify(): several checks depend on the phase. Everything here is a warning or an
// info, never an error: the document parsed, so the report is still shown in full.
#pragma once
#include "classify.h"
#include "diagnostic.h"
#include "invocation.h"
#include "report.h"

namespace ssmview {

// Parses the three time members into `times` on the way.
void validate(const Invocation& inv, const State& state, Times& times, DiagnosticSink& sink);

// Characters (code points) in a UTF-8 string: the unit of the model's length constraints.
std::size_t utf8_length(std::string_view s);

constexpr std::size_t kMaxStdoutChars = 24000;
constexpr std::size_t kMaxStderrChars = 8000;
constexpr const char* kTruncationMarker = "---Output truncated---";

}  // namespace ssmview
