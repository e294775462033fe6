// cli/exit_codes.h: every exit status `ssmview` returns, and how an invocation's ending becomes one.
//
// Index
//   ExitCode              the named statuses
//   ExitCodeRow, kExitCodeTable
//                         code, range, meaning: the rows `ssmview --help` prints and the README's
//                         table shows (a test compares the two)
//   exit_code_for_ending  a terminal invocation -> the status `follow` ends with
//   exit_code_for_fleet   a followed command whose invocations all ended -> 0 or 206
//   exit_code_for_error   a ServiceError that ended fetch/follow -> its status
//   exit_code_for_signal  SIGINT/SIGTERM -> 128 + n, as a shell reports a killed child
//
// Why these numbers: a script that runs `ssmview follow` wants `$?` to be the remote command's own
// status when it ran to an end, so 0..255 belong to the ResponseCode. ssmview's own codes can
// then only avoid the values scripts meet most often: 1 and 2 (generic failure, usage), 64..78
// (BSD sysexits), 124..127 (timeout(1), "cannot execute", "not found"), 128+n (signals, mostly
// 129..143) and 255 (ssh, exit(-1)). The 200s are free of all of them: endings where the command
// did not run to its end are 200..204, a cut output and a fleet's outcome 205..206, ssmview's own
// errors 210..212. A remote script that itself exits 200..212 is indistinguishable; the report
// (or `--json`) says which it was.
#pragma once
#include <cstdint>

#include "report.h"
#include "service_error.h"

namespace ssmview {

enum ExitCode : int {
    kExitOk = 0,                 // inspect/fetch: a valid answer; follow: Success
    kExitInvalid = 1,            // inspect/fetch: errors in the input or answer; follow: Failed
                                 // with a ResponseCode a shell would see as 0 (0, 256, absent)
    kExitUsage = 2,              // bad arguments, unreadable FILE or --token-file
    kExitDeliveryTimedOut = 200, // TimedOut / DeliveryTimedOut: never reached the instance
    kExitUndeliverable = 201,    // Failed / Undeliverable: the instance is not a managed node
    kExitCancelled = 202,        // Cancelled (before or while it ran)
    kExitTerminated = 203,       // Cancelled / Terminated: the instance stopped while it ran
    kExitExecutionTimedOut = 204,// TimedOut / ExecutionTimedOut (or TimedOut without details)
    kExitOutputCut = 205,        // fetch --complete: only the cut output could be had
    kExitFleetNotAllSucceeded = 206, // follow --command-id: some invocation did not end in Success
    kExitCredentials = 210,      // no credentials, region or endpoint could be resolved here
    kExitAwsError = 211,         // AWS or ssmview-proxy answered an error that asking again cannot fix
    kExitCannotConnect = 212,    // nothing answered at the endpoint or proxy URL
};

struct ExitCodeRow {
    const char* code;     // "0", "1-255", "130/143": no spaces (the help text is a two-column list)
    const char* meaning;  // one line
};
// In the order the README's table lists them.
extern const ExitCodeRow kExitCodeTable[15];

// Precondition: r.has_invocation && r.state.terminal.
int exit_code_for_ending(const Report& r);
// Precondition: r.kind == ReportKind::Fleet. 0 when every invocation ended in Success, else 206.
int exit_code_for_fleet(const Report& r);
int exit_code_for_error(const ServiceError& e);
int exit_code_for_signal(int signo);

}  // namespace ssmview
