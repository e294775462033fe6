// core/fleet_reader.h: send-command, list-commands and list-command-invocations output -> Fleet.
//
// Index
//   fleet_source_of   which fleet output a JSON object is, if any (analyze() dispatches on it)
//   read_fleet        the first page, already read, and every page pasted after it
//
// Call flow (from analyze()):
//   read_json (first page) -> fleet_source_of -> read_fleet:
//     per page     the envelope (Command / Commands / CommandInvocations, NextToken, SDK metadata,
//                  a share link's SsmviewLink: fleet_link.h)
//     per object   member_reader.h's typed readers; shown-as-given structures checked by table
//     per plugin   split_plugin_output (plugin_output.h), classify() as for one invocation
//     per state    validate.h's check_state_members with the invocation or command vocabulary
//     across pages duplicates (overlapping pages) dropped with a warning; a trailing NextToken
//   then the next page: after white space or a line of other text (a prompt, the next command),
//   the next JSON object is read as one more page.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

#include "diagnostic.h"
#include "fleet.h"
#include "json_reader.h"

namespace ssmview {

// SendCommand for {"Command": {...}}, ListCommands for {"Commands": [...]}, ListCommandInvocations
// for {"CommandInvocations": [...]}; nothing for any other value.
std::optional<FleetSource> fleet_source_of(const Json& root);

// Reads `first` (a page read_json read at `first_begin`, spent afterwards) and every page after it
// into `out`; returns the offset one past the last page read.
std::size_t read_fleet(std::string_view text, JsonRead& first, std::size_t first_begin, Fleet& out, DiagnosticSink& sink);

}  // namespace ssmview
