// proxy/simulate_uploads.h: where the simulated agent puts each step's whole output, and when:
// CloudWatch Logs events while it runs, S3 objects once it ends.
//
// Index
//   kLogUploadEveryMs, kLastLogUploadAfterEndMs, kMaxLogEventBytes   the agent's upload cadence
//   LogEventSpec, log_events   one stream's events: a slice of its text, when it was written, when it landed
//   core_invocation            a catalog step as the core's Invocation (the members that name outputs)
//   SimLogStream, log_streams  every stream the catalog ever writes: group, name, whose output, events
//   log_group_exists           the groups of commands that send output to CloudWatch
//   landed_events              how many of a stream's events have landed at a command's `t`
//   SimObject, s3_objects      every S3 object the catalog ever writes: bucket, key, whose output, ETag
//   s3_bucket_exists           the buckets of commands that send output to S3
//
// Names come from the core, never written here: a stream's group and name are
// invocation_log_output() of the step's Invocation, an object's bucket and key are parse_s3_url()
// of output_url(), the URL GetCommandInvocation returns. So whatever the simulator answers in
// CloudWatchOutputConfig and StandardOutputUrl names exactly what it serves (a test checks it
// through analyze() as well).
//
// Time, on the catalog's axis (ms after the command's RequestedDateTime; simulate_catalog.h):
//   - CloudWatch: while a step runs the agent uploads what was written since its last upload
//     every kLogUploadEveryMs after the step's start, and a last time kLastLogUploadAfterEndMs
//     after the step ends, so the last lines land after the status is terminal. One upload is one
//     event (many lines), split at line ends when over kMaxLogEventBytes. A stream exists from its
//     first event on: an empty stderr never gets one.
//   - S3: each step's stdout and stderr are put at the step's end, and only when not empty.
// Both tables are built once, from the static catalog; answers read slices of the catalog's text.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "invocation.h"
#include "output_location.h"
#include "simulate_catalog.h"

namespace ssmview::proxy {

constexpr std::int64_t kLogUploadEveryMs = 2000;
constexpr std::int64_t kLastLogUploadAfterEndMs = 3000;
// The "up to about 200 KB" per event (CloudWatch's own limit is 256 KiB).
constexpr std::size_t kMaxLogEventBytes = 200 * 1024;

struct LogEventSpec {
    std::int64_t at_ms;        // the timestamp: when its first line was written (after the step's start)
    std::int64_t landed_ms;    // the upload that carried it (after the step's start)
    std::size_t  begin, end;   // its message: text()[begin, end)
};
// Every event of one stream of a step that runs for `duration_ms`, in upload order.
std::vector<LogEventSpec> log_events(const Output& output, std::int64_t duration_ms);

// CommandId, InstanceId, DocumentName, PluginName and CloudWatchOutputConfig, as
// GetCommandInvocation answers them for this step.
Invocation core_invocation(const SimCommand& command, const SimInvocation& inv, std::size_t step);

struct SimLogStream {
    const SimCommand*         command;
    const SimInvocation*      invocation;
    std::size_t               step;
    OutputStream              stream;
    std::string               group, name;
    std::vector<LogEventSpec> events;  // never empty: a stream without events never exists

    std::string_view text() const;                         // the step's whole stdout or stderr
    std::string_view message(const LogEventSpec& e) const;  // its slice of text()
    std::int64_t     step_start_ms() const;                // the step's start on the command's axis
};
const std::vector<SimLogStream>& log_streams();
bool log_group_exists(std::string_view group);
// Events landed at the command's offset `t` (a prefix of events: uploads come in order).
std::size_t landed_events(const SimLogStream& stream, std::int64_t t);

struct SimObject {
    const SimCommand*    command;
    const SimInvocation* invocation;
    std::size_t          step;
    OutputStream         stream;
    std::string          bucket, key;
    std::string          etag;  // quoted, from the content (S3's is opaque to clients)

    std::string_view data() const;         // the step's whole stdout or stderr (never empty)
    std::int64_t     put_at_ms() const;    // the step's end on the command's axis
};
const std::vector<SimObject>& s3_objects();
bool s3_bucket_exists(std::string_view bucket);

}  // namespace ssmview::proxy
