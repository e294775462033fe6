// core/command_state.cpp: a command's Status and StatusDetails, and its counters.
//
// Index
//   Vocabulary       the model's CommandStatus enum; the API reference's command StatusDetails
//   Lookups          tolerant (normalize_status_word) and exact
//   classify_command phase from Status (else from the details), terminal, explanation
//   check_counters
#include "command_state.h"

#include <cassert>

namespace ssmview {

// ---- Vocabulary -----------------------------------------------------------------------------

namespace {

constexpr unsigned bit(Phase p) { return 1u << static_cast<unsigned>(p); }

// CommandStatus (botocore ssm/2014-11-06 service-2.json), in model order.
struct CommandStatusWord { const char* spelling; Phase phase; };
const CommandStatusWord kCommandStatuses[] = {
    {"Pending", Phase::Pending},     {"InProgress", Phase::InProgress}, {"Success", Phase::Success},
    {"Cancelled", Phase::Cancelled}, {"Failed", Phase::Failed},         {"TimedOut", Phase::TimedOut},
    {"Cancelling", Phase::Cancelling},
};

// Command.StatusDetails as the API reference lists them. `phase` is what the word says alone (it
// stands in for an absent Status); `with` the Status phases it may accompany. Incomplete means
// every target was tried and some did not succeed, yet too few failed for Failed: the service
// reports it under Success or Failed. A delivery time-out of the whole command is reported under
// TimedOut (older answers: Failed).
struct CommandDetailWord { const char* spelling; Phase phase; unsigned with; const char* explanation; };
const CommandDetailWord kCommandDetails[] = {
    {"Pending", Phase::Pending, bit(Phase::Pending), "The command has not been sent to any target yet."},
    {"In Progress", Phase::InProgress, bit(Phase::InProgress) | bit(Phase::Cancelling),
     "The command was sent to at least one target and has not reached a terminal state on every target."},
    {"Success", Phase::Success, bit(Phase::Success),
     "The command ran on every target and succeeded everywhere. This is a terminal state."},
    {"Delivery Timed Out", Phase::TimedOut, bit(Phase::TimedOut) | bit(Phase::Failed),
     "The command was not delivered to targets before the delivery timeout expired. This is a terminal state."},
    {"Execution Timed Out", Phase::TimedOut, bit(Phase::TimedOut) | bit(Phase::Failed),
     "The command started on targets but did not finish before the execution timeout expired. This is a terminal state."},
    {"Failed", Phase::Failed, bit(Phase::Failed),
     "The command failed on enough targets to exceed MaxErrors, or on all of them. This is a terminal state."},
    {"Incomplete", Phase::Failed, bit(Phase::Failed) | bit(Phase::Success),
     "The command was tried on every target; some did not succeed, but too few failed for the command to be Failed. "
     "This is a terminal state."},
    {"Cancelled", Phase::Cancelled, bit(Phase::Cancelled), "The command was cancelled before it completed. This is a terminal state."},
    {"Cancelling", Phase::Cancelling, bit(Phase::Cancelling), "A cancel request was sent and the command is stopping on its targets."},
    {"Rate Exceeded", Phase::Failed, bit(Phase::Failed),
     "The number of targets exceeded the account's limit for pending invocations; the system cancelled the command "
     "before it ran anywhere. This is a terminal state."},
    {"Access Denied", Phase::Failed, bit(Phase::Failed),
     "The caller may not run the document on the targets (IAM, or the targets' resource policy); nothing ran. "
     "This is a terminal state."},
    {"No Instances In Tag", Phase::Failed, bit(Phase::Failed),
     "The command's tag targets matched no managed node; nothing ran. This is a terminal state."},
};

const char* phase_explanation(Phase p) {
    switch (p) {
        case Phase::Pending: return "The command has not been sent to any target yet.";
        case Phase::InProgress: return "The command is running on its targets; some have not finished.";
        case Phase::Success: return "The command succeeded on its targets. This is a terminal state.";
        case Phase::Failed: return "The command did not succeed on its targets. This is a terminal state.";
        case Phase::TimedOut: return "The command timed out on its targets. This is a terminal state.";
        case Phase::Cancelled: return "The command was cancelled. This is a terminal state.";
        case Phase::Cancelling: return "A cancel request was sent and the command is stopping on its targets.";
        case Phase::Delayed:  // not a command status
        case Phase::Unknown: break;
    }
    return "This state is not one the API documents for a command; it is shown as given.";
}

// ---- Lookups --------------------------------------------------------------------------------

const CommandStatusWord* find_status(std::string_view status) {
    const std::string key = normalize_status_word(status);
    for (const auto& s : kCommandStatuses)
        if (key == normalize_status_word(s.spelling)) return &s;
    return nullptr;
}

const CommandDetailWord* find_detail(std::string_view details) {
    const std::string key = normalize_status_word(details);
    for (const auto& d : kCommandDetails)
        if (key == normalize_status_word(d.spelling)) return &d;
    return nullptr;
}

}  // namespace

bool command_status_is_canonical(std::string_view status) {
    for (const auto& s : kCommandStatuses)
        if (status == s.spelling) return true;
    return false;
}

bool command_details_known(std::string_view details) { return find_detail(details) != nullptr; }

bool command_status_and_details_agree(Phase phase, std::string_view details) {
    const CommandDetailWord* d = find_detail(details);
    return !d || phase == Phase::Unknown || (d->with & bit(phase)) != 0;
}

std::string command_status_vocabulary() {
    std::string out;
    for (const auto& s : kCommandStatuses) out += std::string(out.empty() ? "" : ", ") + s.spelling;
    return out;
}

// ---- classify_command -----------------------------------------------------------------------

CommandState classify_command(const FleetCommand& c) {
    CommandState st;
    const CommandDetailWord* d = c.status_details.present ? find_detail(c.status_details.value) : nullptr;
    if (c.status.present) {
        const CommandStatusWord* s = find_status(c.status.value);
        st.phase = s ? s->phase : Phase::Unknown;
    } else if (d) {
        st.phase = d->phase;
    }
    st.terminal = phase_is_terminal(st.phase);
    // The details explain the state when they fit it (they are more precise: "No Instances In Tag").
    st.explanation = d && (st.phase == Phase::Unknown ? false : (d->with & bit(st.phase)) != 0) ? d->explanation
                                                                                                 : phase_explanation(st.phase);
    assert(!st.explanation.empty());
    return st;
}

// ---- check_counters -------------------------------------------------------------------------

std::string check_counters(const FleetCommand& c) {
    const auto n = [](const Field<std::int64_t>& f) { return std::to_string(f.value); };
    for (const Field<std::int64_t>* f : {&c.target_count, &c.completed_count, &c.error_count, &c.delivery_timed_out_count})
        if (f->present && f->value < 0) return "A counter is negative (" + n(*f) + ").";
    if (c.target_count.present && c.completed_count.present && c.completed_count.value > c.target_count.value)
        return "CompletedCount " + n(c.completed_count) + " is more than TargetCount " + n(c.target_count) + ".";
    if (c.completed_count.present && c.error_count.present) {
        const std::int64_t timed_out = c.delivery_timed_out_count.present ? c.delivery_timed_out_count.value : 0;
        if (c.error_count.value + timed_out > c.completed_count.value)
            return "ErrorCount " + n(c.error_count) + (c.delivery_timed_out_count.present ? " plus DeliveryTimedOutCount " + n(c.delivery_timed_out_count) : "") +
                   " is more than CompletedCount " + n(c.completed_count) + " (both count targets in a terminal state).";
    }
    return {};
}

}  // namespace ssmview
