// core/command_state.h: what state a whole command is in (send-command, list-commands).
//
// Index
//   classify_command               Status x StatusDetails of a Command -> CommandState
//   command_status_is_canonical    exactly one of the model's CommandStatus values
//   command_details_known / _agree the API reference's StatusDetails words for a command
//   command_status_vocabulary      "Pending, InProgress, Success, Cancelled, Failed, TimedOut, Cancelling"
//   CounterFinding, check_counters TargetCount >= CompletedCount >= ErrorCount + DeliveryTimedOutCount
//
// A command's vocabulary is not an invocation's: CommandStatus has no Delayed, and its details add
// Incomplete, Rate Exceeded, Access Denied and No Instances In Tag (all terminal). Words are
// compared with classify.h's normalize_status_word, so "Delivery Timed Out" and "DeliveryTimedOut"
// are one word, and phases are classify.h's Phase. fleet_reader.cpp writes the diagnostics.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "fleet.h"

namespace ssmview {

CommandState classify_command(const FleetCommand& c);

bool        command_status_is_canonical(std::string_view status);
bool        command_details_known(std::string_view details);
bool        command_status_and_details_agree(Phase phase, std::string_view details);
std::string command_status_vocabulary();

// The counters' documented relations: CompletedCount counts every target in a terminal state,
// ErrorCount those Failed or Execution Timed Out, DeliveryTimedOutCount those Delivery Timed Out.
// So completed <= target and errors + delivery time-outs <= completed. Returns "" when they hold
// (or a counter is absent), else the sentence that says which relation is broken.
std::string check_counters(const FleetCommand& c);

}  // namespace ssmview
