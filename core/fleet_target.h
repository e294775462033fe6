// core/fleet_target.h: one target of a fleet, opened as the single-invocation report.
//
// Index
//   fleet_target_step     the step a target opens at: the first that did not succeed, else the first
//   fleet_target_answer   what GetCommandInvocation would answer for that instance and step, as far
//                         as the pasted list told it (the step's `Output`, split back into stdout
//                         and stderr by fleet_reader)
//   fleet_target_name     "i-0abc123 · runTests": what the report is called while it is open
//   fleet_target_note     one sentence on where the report came from and what it may lack
//
// Call flow: a front end (the page's targets table, `ssmview inspect --instance-id`) ->
// fleet_target_answer -> analyze(), so an opened target is read, validated and classified exactly
// as a pasted get-command-invocation is: one path, not a second reader. Through the proxy the page
// then asks GetCommandInvocation itself, which answers with up to 24,000 and 8,000 characters;
// the answer built here is what is known until then, or all there is for a paste.
#pragma once
#include <cstddef>
#include <string>

#include "fleet.h"

namespace ssmview {

// Index into inv.plugins; 0 when it has none (the answer then carries no step).
std::size_t fleet_target_step(const FleetInvocation& inv);
// A GetCommandInvocation answer, printed as the AWS CLI prints one (4-space JSON, the API's member
// order). Members the list did not give are left out, so analyze() says what is missing instead
// of reading an empty output: a list without --details carries no output at all.
std::string fleet_target_answer(const FleetInvocation& inv, std::size_t step);
std::string fleet_target_name(const FleetInvocation& inv, std::size_t step);
std::string fleet_target_note(const FleetInvocation& inv, std::size_t step);

}  // namespace ssmview
