// cli/exit_codes.cpp: see exit_codes.h.
//
// Index
//   kExitCodeTable        the documented rows
//   exit_code_for_ending  StatusDetails first (it names the kind of ending), then the phase
//   exit_code_for_error   unreachable -> 212, anything else -> 211
//   exit_code_for_signal
#include "exit_codes.h"

#include <cassert>

namespace ssmview {

const ExitCodeRow kExitCodeTable[15] = {
    {"0", "inspect/fetch: a valid input or answer; follow: the invocation ended in Success"},
    {"1-255", "follow: the invocation ran and Failed: its ResponseCode as a shell sees it (code & 255, so -1 is 255)"},
    {"1", "inspect/fetch: the input or the answer has errors; follow: Failed with a ResponseCode that would read as 0 (0, 256, none)"},
    {"2", "usage: unknown or missing arguments, an unreadable FILE or --token-file"},
    {"130/143", "follow was interrupted (Ctrl+C, SIGTERM): 128 + the signal, as a shell reports it"},
    {"200", "follow: delivery timed out (TimedOut / DeliveryTimedOut): the command never reached the instance"},
    {"201", "follow: undeliverable (Failed / Undeliverable): the instance is not a managed node"},
    {"202", "follow: cancelled (Cancelled), before or while it ran"},
    {"203", "follow: terminated (Cancelled / Terminated): the instance stopped while it ran"},
    {"204", "follow: execution timed out (TimedOut / ExecutionTimedOut, or TimedOut without details)"},
    {"205", "fetch --complete: only the cut output could be had (no S3 object or log stream holds the rest; stderr says why)"},
    {"206", "follow --command-id (no --instance-id): the command ended and at least one invocation did not end in Success (the report lists those first)"},
    {"210", "no credentials, region or endpoint could be resolved (the message names each source tried)"},
    {"211", "AWS or ssmview-proxy answered with an error (follow: one that asking again cannot fix, e.g. AccessDeniedException; follow --command-id: the command is not listed)"},
    {"212", "cannot connect: nothing answered at the endpoint or proxy URL (follow: at its first poll; later it backs off)"},
};

int exit_code_for_ending(const Report& r) {
    assert(r.has_invocation && r.state.terminal);
    switch (r.state.detail) {
        case Detail::DeliveryTimedOut: return kExitDeliveryTimedOut;
        case Detail::Undeliverable: return kExitUndeliverable;
        case Detail::Terminated: return kExitTerminated;
        case Detail::ExecutionTimedOut: return kExitExecutionTimedOut;
        case Detail::None: break;
    }
    switch (r.state.phase) {
        case Phase::Success: return kExitOk;
        case Phase::Cancelled: return kExitCancelled;
        case Phase::TimedOut: return kExitExecutionTimedOut;
        case Phase::Failed: {
            // A shell sees exit(n) as n & 255; a failure must never read as success.
            if (!r.invocation.response_code.present) return kExitInvalid;
            const int low = static_cast<int>(r.invocation.response_code.value & 0xFF);
            return low == 0 ? kExitInvalid : low;
        }
        case Phase::Pending:
        case Phase::InProgress:
        case Phase::Delayed:
        case Phase::Cancelling:
        case Phase::Unknown: break;
    }
    assert(false && "exit_code_for_ending needs a terminal state");
    return kExitInvalid;
}

int exit_code_for_fleet(const Report& r) {
    assert(r.kind == ReportKind::Fleet);
    for (const FleetInvocation& inv : r.fleet.invocations)
        if (inv.state.phase != Phase::Success) return kExitFleetNotAllSucceeded;
    return kExitOk;
}

int exit_code_for_error(const ServiceError& e) {
    return e.kind == ErrorKind::Unreachable ? kExitCannotConnect : kExitAwsError;
}

int exit_code_for_signal(int signo) { return 128 + signo; }

}  // namespace ssmview
