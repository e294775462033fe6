// proxy/simulate_logs.h: CloudWatch Logs' JSON protocol as the simulator speaks it: the agent's
// streams of the catalog's commands, growing as they run.
//
// Index
//   kSimLogsPageBytes   a page holds at most this much message text (and at most `limit` events)
//   answer_logs         one request (action + body) at one instant -> Reply
//
// What it answers (botocore logs/2014-03-28 shapes, members in the order AWS sends them):
//   GetLogEvents      logGroupName, logStreamName, startFromHead, nextToken, limit, startTime, endTime
//                     -> {"events":[{timestamp, message, ingestionTime}], nextForwardToken,
//                        nextBackwardToken}. Tokens look like AWS's ("f/<56 digits>/s") and name a
//                     position in one stream. A forward read from the end answers no events and the
//                     very token it was given; the same token later returns what landed since.
//                     Without a token, startFromHead=true reads from the first event, false (the
//                     API's default) the last page.
//   FilterLogEvents   logGroupName, logStreamNamePrefix or logStreamNames, nextToken, limit,
//                     startTime, endTime, interleaved (ignored: always interleaved)
//                     -> {"events":[{logStreamName, timestamp, message, ingestionTime, eventId}],
//                        "searchedLogStreams":[], nextToken only while more remains}, in
//                     (timestamp, stream, position) order.
// and, in the service's shapes (status 400, "__type", x-amzn-ErrorType):
//   ResourceNotFoundException   "The specified log group does not exist." (a group no simulated
//                               command writes to); "The specified log stream does not exist."
//                               (not yet: a stream appears with its first event)
//   InvalidParameterException   "The specified nextToken is invalid."; a body the core's
//                               check_logs_request refuses (the proxy refused it already)
//   UnknownOperationException   another action
// Throttling is simulate_upstream's: Logs requests are numbered with SSM's.
//
// Call flow: simulate_upstream.cpp -> answer_logs -> check_logs_request (core/logs_api.h: the one
// rule for what a Logs request may say, the proxy's too) -> the streams of simulate_uploads.h, each
// at its command's `t` (Runs::touch: reading logs never starts a command) -> simulate_wire.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "simulate_runs.h"
#include "simulate_wire.h"

namespace ssmview::proxy {

constexpr std::size_t kSimLogsPageBytes = 1024 * 1024;  // the API's "up to 1 MB" per answer

Reply answer_logs(std::string_view action, std::string_view body, Runs& runs, std::int64_t now_ms);

}  // namespace ssmview::proxy
