// core/classify.h: what state an invocation is in, and what that means.
//
// Index
//   Phase, Detail, Waiter     the classification's vocabulary
//   State                     the result: status as given, phase, detail, terminal, waiter, prose
//   classify                  Status x StatusDetails -> State
//   normalize_status_word     "Delivery Timed Out" / "DeliveryTimedOut" / "deliverytimedout" -> one key
//   status_phase ... status_vocabulary   questions about the words (validate.cpp asks them)
//   phase_name, detail_name, waiter_name     stable lower_snake names (CLI --json, view, tests)
//
// Status drives the phase; StatusDetails refines it (detail) and stands in when Status is absent.
// `waiter` answers "what would `aws ssm wait command-executed` do": it is computed the way the
// botocore waiter does it, by exact comparison of Status, so a differently-cased "SUCCESS" makes
// the real waiter keep polling; validation warns about that.
#pragma once
#include <string>
#include <string_view>

#include "invocation.h"

namespace ssmview {

enum class Phase { Pending, InProgress, Delayed, Success, Failed, TimedOut, Cancelled, Cancelling, Unknown };
enum class Detail { None, DeliveryTimedOut, ExecutionTimedOut, Undeliverable, Terminated };
enum class Waiter { Retry, Success, Failure };

struct State {
    std::string status;          // as given ("" when absent)
    std::string status_details;  // as given ("" when absent)
    Phase       phase = Phase::Unknown;
    Detail      detail = Detail::None;
    bool        terminal = false;
    Waiter      waiter = Waiter::Retry;
    std::string explanation;     // one paragraph: what the state means, from the API documentation
    std::string response_code_meaning;  // "" when ResponseCode is absent
};

State classify(const Invocation& inv);
// The same from the three members alone: a fleet's invocations and plugins (fleet_reader.cpp).
State classify(const Field<std::string>& status, const Field<std::string>& status_details,
               const Field<std::int64_t>& response_code);

// Case-insensitive key with spaces, '-' and '_' removed; "canceled" folds into "cancelled".
std::string normalize_status_word(std::string_view word);

// Known words, from the one vocabulary table in classify.cpp. status_phase returns Unknown for an
// unknown Status.
Phase       status_phase(std::string_view status);          // tolerant: uses normalize_status_word
bool        status_is_canonical(std::string_view status);    // exactly one of the model's enum values
bool        status_details_known(std::string_view details);  // tolerant
// Exactly as the service or the API reference writes it ("DeliveryTimedOut", "Delivery Timed Out").
bool        status_details_spelled_as_documented(std::string_view details);
// True when the details fit a Status of this phase; also for unknown details and an unknown phase
// (those are reported on their own).
bool        status_and_details_agree(Phase phase, std::string_view details);
std::string status_vocabulary();  // "Pending, InProgress, Delayed, Success, Cancelled, TimedOut, Failed, Cancelling"

const char* phase_name(Phase p);    // "pending", "in_progress", ... "unknown"
const char* detail_name(Detail d);  // "" for None, "delivery_timed_out", ...
const char* waiter_name(Waiter w);  // "retry", "success", "failure"
bool        phase_is_terminal(Phase p);

}  // namespace ssmview
