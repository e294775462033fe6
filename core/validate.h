// core/validate.h: what is off about an invocation that parsed.
//
// Index
//   validate    model constraints, Status/StatusDetails agreement, ResponseCode vs state, times,
//               output size limits and the agent's truncation marker
//
// Runs after classify(): several checks depend on the phase. Everything here is a warning or an
// info, never an error: the document parsed, so the report is still shown in full.
//
// The limits it checks are in data_limits.h, the agent's truncation markers in truncation.h.
#pragma once
#include "classify.h"
#include "diagnostic.h"
#include "invocation.h"
#include "iso_time.h"

namespace ssmview {

// Parses the three time members into `times` on the way.
void validate(const Invocation& inv, const State& state, Times& times, DiagnosticSink& sink);

}  // namespace ssmview
