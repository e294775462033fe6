// core/logs_api.h: the CloudWatch Logs requests ssmview sends, the one rule for which of them may
// be signed, and the answers read back.
//
// Index
//   kLogsActions            GetLogEvents, FilterLogEvents: the read-only actions ssmview uses
//   kLogsTargetService      "Logs_20140328" (X-Amz-Target = service + "." + action)
//   kLogsContentType        "application/x-amz-json-1.1"
//   get_log_events_request / filter_log_events_request   compact bodies
//   LogsRequestCheck, check_logs_request   a request body -> allowed (and the exact body to sign)
//                                          or the reason it is not
//   LogEvent, LogEventsPage, read_log_events   an answer of either action -> events and tokens
//   Pace                    kLogsSettleMs, kMaxPagesPerRead, log_page_is_backlog, log_page_at_end:
//                           how often and how far the page and `ssmview follow` read a stream
//
// Call flow: the page and `ssmview follow` build a body here and send it through the proxy (or
// aws/json_api); the proxy calls check_logs_request on every Logs body before it signs anything,
// and forwards the canonical body it returns, so what AWS receives is exactly what was checked
// (a duplicate member or text after the object cannot smuggle a second meaning past the check).
// The simulator reads requests with the same check. Answers are untrusted: read with the core's
// bounded JSON reader; an unreadable answer gives ok=false and a sentence.
//
// The rule (issue: the whole output): only the agent's streams are read. A group must match the
// API's pattern (a name, never an ARN or logGroupIdentifier); GetLogEvents names one stream in the
// layout of core/output_location.h; FilterLogEvents names a prefix "<CommandId>/..." or streams
// in that layout. Any member ssmview does not send (filterPattern, unmask, logGroupIdentifier,
// ...) is refused rather than passed on.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ssmview {

constexpr const char* kLogsActions[] = {"GetLogEvents", "FilterLogEvents"};
constexpr const char* kLogsTargetService = "Logs_20140328";
constexpr const char* kLogsContentType = "application/x-amz-json-1.1";

// The API's largest page (and its default for GetLogEvents).
constexpr int kMaxLogEventsPerPage = 10000;

// startFromHead=true: the output is read from its first line on. `next_token` "" for the first page.
std::string get_log_events_request(std::string_view group, std::string_view stream, std::string_view next_token);
// Every stream under `prefix` ("<CommandId>/"), oldest first.
std::string filter_log_events_request(std::string_view group, std::string_view prefix, std::string_view next_token);

struct LogsRequestCheck {
    bool        ok = false;
    std::string canonical_body;  // when ok: the members checked, re-serialized; forward this
    std::string why;             // when !ok: one sentence, quoting at most a bounded bit of input
};
LogsRequestCheck check_logs_request(std::string_view action, std::string_view body);

struct LogEvent {
    std::int64_t timestamp_ms = 0;
    std::string  message;
    std::string  stream;  // FilterLogEvents only
};

struct LogEventsPage {
    bool                  ok = false;
    std::string           error;       // a sentence when !ok
    std::vector<LogEvent> events;
    std::string           next_token;  // nextForwardToken (GetLogEvents) or nextToken (FilterLogEvents)
};
// GetLogEvents: at the end of the stream the answer carries the token it was given; the caller
// compares. FilterLogEvents: no nextToken on the last page.
LogEventsPage read_log_events(std::string_view body);

// ---- Pace ---------------------------------------------------------------------------------
// Read quotas are per account and region, low, and shared by everyone. Following reads one page
// per stream per poll (the follow cadence, core/follow.h); a second page in the same poll only
// while the stream has a backlog (a page that came back big: a long output followed late), at
// most kMaxPagesPerRead pages. The status can turn terminal before the agent's last batch lands,
// so the output counts as done once no stream has grown for kLogsSettleMs after the end.
constexpr std::int64_t kLogsSettleMs = 5000;
constexpr int          kMaxPagesPerRead = 20;
constexpr std::size_t  kBacklogEvents = 1000;        // a page this full is a backlog (a page holds
constexpr std::size_t  kBacklogBytes = 256 * 1024;   // up to 10,000 events or 1 MB)
bool log_page_is_backlog(const LogEventsPage& page);
// GetLogEvents: the end of the stream for now (the answer gave back `sent_token`, or none).
bool log_page_at_end(const LogEventsPage& page, std::string_view sent_token);

}  // namespace ssmview
