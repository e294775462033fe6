// cli/fleet_text.h: what `ssmview inspect` prints for a fleet (send-command, list-commands,
// list-command-invocations output).
//
// Index
//   format_fleet_summary   the command, counts and progress, time span, failures first, then
//                          each distinct output once headed by its instances (clubak -b)
//
// Every number comes from core/fleet_report.h and every group from core/output_groups.h: the
// text and `inspect --json` cannot disagree. Untrusted text passes sanitize_for_terminal.
#pragma once
#include <string>

#include "inspect_text.h"
#include "output_groups.h"
#include "report.h"

namespace ssmview {

std::string format_fleet_summary(const Report& r, const TextStyle& style, GroupMode mode);

}  // namespace ssmview
