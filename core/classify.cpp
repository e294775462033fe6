// core/classify.cpp: Status x StatusDetails -> phase, detail, terminal, waiter, prose.
//
// Index
//   Vocabulary                 the one table of Status words and the one table of StatusDetails words:
//                              spellings, phase, detail, waiter, and which Status each detail goes with
//   Words                      normalize_status_word, lookups (tables' keys normalized once),
//                              status_vocabulary
//   Agreement                  StatusDetails vs Status, compared as Phase and Detail, never as strings
//   Waiter                     botocore's CommandExecuted acceptors (exact comparison of Status)
//   Explanations               what each state means (after the API reference), ResponseCode meanings
//   classify
//
// validate.cpp asks the questions below (known? spelled as documented? agrees?) and writes the
// diagnostics; it holds no word list of its own.
#include "classify.h"
#include "ascii.h"

#include <array>
#include <cassert>
#include <cctype>

namespace ssmview {

// ---- Vocabulary -----------------------------------------------------------------------------

namespace {

constexpr unsigned bit(Phase p) { return 1u << static_cast<unsigned>(p); }

// The model's CommandInvocationStatus enum, in model order, with what botocore's CommandExecuted
// waiter (ssm/2014-11-06/waiters-2.json) does on each: its acceptors compare Status exactly.
struct StatusWord { const char* spelling; Phase phase; Waiter waiter; };
const StatusWord kStatuses[] = {
    {"Pending", Phase::Pending, Waiter::Retry},        {"InProgress", Phase::InProgress, Waiter::Retry},
    {"Delayed", Phase::Delayed, Waiter::Retry},        {"Success", Phase::Success, Waiter::Success},
    {"Cancelled", Phase::Cancelled, Waiter::Failure},  {"TimedOut", Phase::TimedOut, Waiter::Failure},
    {"Failed", Phase::Failed, Waiter::Failure},        {"Cancelling", Phase::Cancelling, Waiter::Failure},
};

// The StatusDetails the API reference documents. `spelling` is the service's; `documented` the
// reference's, where it differs. `phase` is what the word says on its own (it stands in for an
// absent Status), `detail` what it adds, `with` the Status phases it may accompany:
//   - Undeliverable and Terminated invocations are reported under Failed (Terminated also under
//     Cancelled, which is what the system did);
//   - an execution time-out is reported as Failed by some agents, and as TimedOut by the service;
//   - while a cancel is in flight the details may still say the plugin is running.
struct DetailWord { const char* spelling; const char* documented; Phase phase; Detail detail; unsigned with; };
const DetailWord kDetails[] = {
    {"Pending", nullptr, Phase::Pending, Detail::None, bit(Phase::Pending)},
    {"InProgress", "In Progress", Phase::InProgress, Detail::None, bit(Phase::InProgress) | bit(Phase::Cancelling)},
    {"Delayed", nullptr, Phase::Delayed, Detail::None, bit(Phase::Delayed)},
    {"Success", nullptr, Phase::Success, Detail::None, bit(Phase::Success)},
    {"DeliveryTimedOut", "Delivery Timed Out", Phase::TimedOut, Detail::DeliveryTimedOut, bit(Phase::TimedOut)},
    {"ExecutionTimedOut", "Execution Timed Out", Phase::TimedOut, Detail::ExecutionTimedOut,
     bit(Phase::TimedOut) | bit(Phase::Failed)},
    {"Failed", nullptr, Phase::Failed, Detail::None, bit(Phase::Failed)},
    {"Cancelled", "Canceled", Phase::Cancelled, Detail::None, bit(Phase::Cancelled)},
    {"Cancelling", nullptr, Phase::Cancelling, Detail::None, bit(Phase::Cancelling)},
    {"Undeliverable", nullptr, Phase::Failed, Detail::Undeliverable, bit(Phase::Failed)},
    {"Terminated", nullptr, Phase::Cancelled, Detail::Terminated, bit(Phase::Failed) | bit(Phase::Cancelled)},
};

}  // namespace

// ---- Words ----------------------------------------------------------------------------------

std::string normalize_status_word(std::string_view word) {
    std::string key;
    key.reserve(word.size());
    for (char c : word) {
        if (c == ' ' || c == '-' || c == '_' || c == '\t') continue;
        key += ascii_lower(c);
    }
    // The API writes "Cancelled"; the US spelling shows up in hand-written text.
    if (key == "canceled") key = "cancelled";
    if (key == "canceling") key = "cancelling";
    return key;
}

namespace {

// Each table's spellings, normalized once (on the first lookup), in table order: a lookup then
// normalizes only the word it is asked about.
template <typename Word, std::size_t N>
std::array<std::string, N> normalized_spellings(const Word (&table)[N]) {
    std::array<std::string, N> keys;
    for (std::size_t i = 0; i < N; ++i) {
        keys[i] = normalize_status_word(table[i].spelling);
        for (std::size_t j = 0; j < i; ++j) assert(keys[j] != keys[i]);  // one entry per key
    }
    return keys;
}

// Tolerant lookups: case, spaces, '-', '_' and the US spelling do not matter.
const StatusWord* find_status(std::string_view status) {
    static const auto keys = normalized_spellings(kStatuses);
    const std::string key = normalize_status_word(status);
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (key == keys[i]) return &kStatuses[i];
    return nullptr;
}

const DetailWord* find_detail(std::string_view details) {
    static const auto keys = normalized_spellings(kDetails);
    const std::string key = normalize_status_word(details);
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (key == keys[i]) return &kDetails[i];
    return nullptr;
}

}  // namespace

Phase status_phase(std::string_view status) {
    const StatusWord* s = find_status(status);
    return s ? s->phase : Phase::Unknown;
}

bool status_is_canonical(std::string_view status) {
    for (const auto& s : kStatuses)
        if (status == s.spelling) return true;
    return false;
}

bool status_details_known(std::string_view details) { return find_detail(details) != nullptr; }

bool status_details_spelled_as_documented(std::string_view details) {
    for (const auto& d : kDetails)
        if (details == d.spelling || (d.documented && details == d.documented)) return true;
    return false;
}

std::string status_vocabulary() {
    std::string out;
    for (const auto& s : kStatuses) out += std::string(out.empty() ? "" : ", ") + s.spelling;
    return out;
}

// ---- Agreement ------------------------------------------------------------------------------

namespace {
bool agree(Phase phase, const DetailWord& d) { return phase == Phase::Unknown || (d.with & bit(phase)) != 0; }
}  // namespace

bool status_and_details_agree(Phase phase, std::string_view details) {
    const DetailWord* d = find_detail(details);
    return !d || agree(phase, *d);  // unknown details are reported on their own, not as a contradiction
}

// ---- Waiter ---------------------------------------------------------------------------------

namespace {

// No acceptor matching means "retry" (until the waiter's 20 attempts run out).
Waiter waiter_for(const Field<std::string>& status) {
    if (!status.present) return Waiter::Retry;
    for (const auto& s : kStatuses)
        if (status.value == s.spelling) return s.waiter;
    return Waiter::Retry;
}

// ---- Explanations ---------------------------------------------------------------------------

const char* explain(Phase phase, Detail detail) {
    switch (detail) {
        case Detail::DeliveryTimedOut:
            return "The command never reached the managed node: the delivery timeout expired first, so nothing ran there. "
                   "Delivery time-outs do not count against the parent command's MaxErrors limit. This is a terminal state.";
        case Detail::ExecutionTimedOut:
            return "The command started on the managed node but did not finish before the execution timeout expired, so it was "
                   "stopped. Execution time-outs count as failures against the parent command's MaxErrors limit. This is a terminal state.";
        case Detail::Undeliverable:
            return "The command could not be delivered to the managed node: the node may not exist, may be stopped, or may not be "
                   "reachable (SSM Agent not running, no network path, missing permissions). Undeliverable invocations do not count "
                   "against MaxErrors. This is a terminal state.";
        case Detail::Terminated:
            return "The parent command exceeded its MaxErrors limit, so the system cancelled this invocation before it ran. "
                   "This is a terminal state.";
        case Detail::None: break;
    }
    switch (phase) {
        case Phase::Pending:
            return "The command has not yet been delivered to the managed node (or the node has not picked it up). Nothing has run yet.";
        case Phase::InProgress:
            return "The command was delivered to the managed node and is running. It has not finished: ask again to see how it ends.";
        case Phase::Delayed:
            return "The system tried to send the command to the managed node but could not, and will try again. Nothing has run yet.";
        case Phase::Success:
            return "The command ran on the managed node and completed successfully. This is a terminal state.";
        case Phase::Failed:
            return "The command ran on the managed node but did not succeed; for a script, it exited with a non-zero code. "
                   "This is a terminal state.";
        case Phase::TimedOut:
            return "The command timed out before it completed. This is a terminal state.";
        case Phase::Cancelled:
            return "The command was cancelled before it completed. This is a terminal state.";
        case Phase::Cancelling:
            return "A cancel request was sent and the invocation is stopping; it has not ended yet. Note that "
                   "`aws ssm wait command-executed` stops waiting here and reports a failure.";
        case Phase::Unknown:
            return "This state is not one the API documents; it is shown as given. Whether the command has ended cannot be told.";
    }
    return "";
}

std::string response_code_meaning(const Field<std::int64_t>& code) {
    if (!code.present) return {};
    const std::int64_t c = code.value;
    const std::string n = std::to_string(c);
    switch (c) {
        case -1: return "-1: the plugin has not started on the managed node, or its result has not been received.";
        case 0: return "0: the script exited successfully.";
        case 1: return "1: the script failed (a general error).";
        case 2: return "2: the script failed; shells use 2 for misuse of a built-in.";
        case 126: return "126: a command was found but could not be executed (permissions?).";
        case 127: return "127: a command was not found (PATH, or a missing program).";
        case 130: return "130: the script was interrupted (SIGINT).";
        case 137: return "137: the script was killed (SIGKILL): out of memory, or stopped at a time-out.";
        case 143: return "143: the script was terminated (SIGTERM).";
        case 194: return "194: the script asked SSM Agent to reboot the node (Linux exit code 194).";
        case 3010: return "3010: the script asked SSM Agent to reboot the node (Windows exit code 3010).";
        default: break;
    }
    if (c > 128 && c < 160) return n + ": the script ended on signal " + std::to_string(c - 128) + ".";
    if (c < 0) return n + ": a negative exit code (on Windows, an error code such as an HRESULT).";
    return n + ": the script exited with this non-zero code, which means failure.";
}

}  // namespace

// ---- classify -------------------------------------------------------------------------------

State classify(const Field<std::string>& status, const Field<std::string>& status_details,
               const Field<std::int64_t>& response_code) {
    State st;
    st.status = status.present ? status.value : std::string();
    st.status_details = status_details.present ? status_details.value : std::string();
    const DetailWord* d = status_details.present ? find_detail(status_details.value) : nullptr;
    if (status.present) st.phase = status_phase(status.value);
    else if (d) st.phase = d->phase;  // no Status: StatusDetails stands in
    // A detail that contradicts the phase (Success with "Undeliverable") is not used to explain it.
    if (d && agree(st.phase, *d)) st.detail = d->detail;
    st.terminal = phase_is_terminal(st.phase);
    st.waiter = waiter_for(status);
    st.explanation = explain(st.phase, st.detail);
    st.response_code_meaning = response_code_meaning(response_code);
    return st;
}

State classify(const Invocation& inv) { return classify(inv.status, inv.status_details, inv.response_code); }

bool phase_is_terminal(Phase p) {
    return p == Phase::Success || p == Phase::Failed || p == Phase::TimedOut || p == Phase::Cancelled;
}

const char* phase_name(Phase p) {
    switch (p) {
        case Phase::Pending: return "pending";
        case Phase::InProgress: return "in_progress";
        case Phase::Delayed: return "delayed";
        case Phase::Success: return "success";
        case Phase::Failed: return "failed";
        case Phase::TimedOut: return "timed_out";
        case Phase::Cancelled: return "cancelled";
        case Phase::Cancelling: return "cancelling";
        case Phase::Unknown: return "unknown";
    }
    return "unknown";
}

const char* detail_name(Detail d) {
    switch (d) {
        case Detail::None: return "";
        case Detail::DeliveryTimedOut: return "delivery_timed_out";
        case Detail::ExecutionTimedOut: return "execution_timed_out";
        case Detail::Undeliverable: return "undeliverable";
        case Detail::Terminated: return "terminated";
    }
    return "";
}

const char* waiter_name(Waiter w) {
    switch (w) {
        case Waiter::Retry: return "retry";
        case Waiter::Success: return "success";
        case Waiter::Failure: return "failure";
    }
    return "retry";
}

}  // namespace ssmview
