// core/validate.h: what is off about an invocation that parsed.
//
// Index
//   validate    model constraints, Status/StatusDetails agreement, ResponseCode vs state, times,
//               output size limits and the agent's truncation marker
//   StateMembers, check_state_members   the state checks alone, for a fleet's objects too
//
// Runs after classify(): several checks depend on the phase. Everything here is a warning or an
// info, never an error: the document parsed, so the report is still shown in full.
//
// The limits it checks are in data_limits.h, the agent's truncation markers in truncation.h.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "classify.h"
#include "diagnostic.h"
#include "invocation.h"
#include "iso_time.h"

namespace ssmview {

// Parses the three time members into `times` on the way.
void validate(const Invocation& inv, const State& state, Times& times, DiagnosticSink& sink);

// The state checks of validate() for any object with a Status, StatusDetails and perhaps a
// ResponseCode: a single invocation, or a fleet's invocations, plugins and commands (each with
// its own vocabulary). `base` is the object's JSON pointer ("" for a single invocation, whose
// status.missing stays unplaced); the members' paths are written under it.
struct StateMembers {
    StateMembers(const Field<std::string>& s, const Field<std::string>& d) : status(s), details(d) {}
    const Field<std::string>& status;
    const Field<std::string>& details;
    const Field<std::int64_t>* response_code = nullptr;
    bool        has_output = false;
    std::string_view base;  // must outlive the call
    std::size_t object_offset = 0;
    // The vocabulary: classify.h's for invocations and plugins (the default), command_state.h's for commands.
    std::string (*vocabulary)() = status_vocabulary;  // called only for a finding
    bool (*canonical)(std::string_view) = status_is_canonical;
    bool (*details_known)(std::string_view) = status_details_known;
    bool (*details_spelled)(std::string_view) = status_details_spelled_as_documented;  // null: not checked
    bool (*agree)(Phase, std::string_view) = status_and_details_agree;
};
void check_state_members(const StateMembers& m, const State& state, DiagnosticSink& sink);

}  // namespace ssmview
