// core/fleet_report.h: what a fleet adds up to: counts per phase, progress, time span, JSON.
//
// Index
//   FleetCounts, fleet_counts   invocations per phase; progress from the counters when a
//                               command has them, else from the invocations
//   FleetRow, fleet_row   one row: code, start, end, duration
//   FleetSpan, fleet_span       requested, first start, last end, the slowest target
//   fleet_sources_text          "list-commands + list-command-invocations": what was pasted
//   fleet_instances_text        "i-1, i-2 and 8 more": a group's instances in a heading
//   fleet_to_json               the `ssmview inspect --json` object for a fleet (kind "fleet")
//
// Call flow: analyze() reads a fleet input into Report::fleet (fleet_reader.h); front ends ask
// these functions and output_groups.h, never recount on their own.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "classify.h"
#include "fleet.h"
#include "output_groups.h"

namespace ssmview {

struct Report;

constexpr std::size_t kPhaseCount = static_cast<std::size_t>(Phase::Unknown) + 1;

struct FleetCounts {
    std::array<std::size_t, kPhaseCount> by_phase{};  // indexed by Phase, over the invocations
    std::size_t invocations = 0;
    std::size_t terminal = 0;
    // Progress: done of total targets. From the first command's counters (CompletedCount of
    // TargetCount) when it has them, else terminal invocations of those listed.
    std::int64_t done = 0, total = 0;
    bool         from_counters = false;
    std::size_t  of(Phase p) const { return by_phase[static_cast<std::size_t>(p)]; }
};
FleetCounts fleet_counts(const Fleet& f);

// One invocation as a row of the fleet: its code (its plugin's, or the first non-zero of several
// steps: what failed) and its times (the first step's start, the last step's end).
struct FleetRow {
    Field<std::int64_t> response_code;
    Timestamp           start, end;
    std::int64_t        duration_ms = -1;  // -1 unless both times are known
};
FleetRow fleet_row(const FleetInvocation& inv);

struct FleetSpan {
    Timestamp    requested;              // the earliest RequestedDateTime
    Timestamp    first_start, last_end;  // over every plugin that started or finished
    std::size_t  slowest = 0;            // index into Fleet::invocations
    std::int64_t slowest_ms = -1;        // -1: no invocation has both a start and an end
};
FleetSpan fleet_span(const Fleet& f);

// Each source once, in the order pasted, joined by " + ".
std::string fleet_sources_text(const Fleet& f);
// The instance ids of `members` (indices into f.invocations), the first `max` of them, then
// "and N more". Ids are as given: a terminal front end sanitizes them.
std::string fleet_instances_text(const Fleet& f, const std::vector<std::size_t>& members, std::size_t max);

// {"kind":"fleet","valid","format","sources","pages","morePages","command","commands","counts",
//  "progress","span","invocations","groups","diagnostics"}; groups of both streams in `mode`.
Json fleet_to_json(const Report& r, GroupMode mode);

}  // namespace ssmview
