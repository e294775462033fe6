// view/whole_output.h: the whole output of the shown invocation, read through the proxy: live from
// CloudWatch Logs while it runs, complete from S3 (or the logs) when the answer's text was cut.
//
// Index
//   WholeSource, WholePhase   where a stream's text comes from, and how far reading it got
//   WholeStream               one stream's text so far, its origin, size, the read in flight
//   WholeOutput               both streams, whom they belong to, the live reading's clock
//   kS3PartBytes, kS3ReadAtOnceBytes   how the page reads a big object (parts, then an offer)
//   whole_on_load             a load of another invocation forgets what was read (view_load_text)
//   whole_after_poll          a follow's answer: start or continue the live read of the logs
//   whole_load_complete       "Load the complete output": S3 when the answer names an object,
//                             else the logs; through the proxy that fetched it, else the form's
//   whole_load_rest / whole_cancel / whole_retry
//   whole_can_load            why the action is not offered ("" = it is)
//   whole_proxy_url           where the reads go: the followed proxy, else the form's ("" = none)
//   whole_pane_text           what a pane shows instead of the answer's member (null = the member)
//   whole_on_answer           a read's answer (fetch_follow.cpp's dispatch)
//   whole_frame_end           settling after the end, throttled retries, the timer frames
//   whole_shown_anywhere      a pane holds a whole output (the Share tab offers to carry it)
//   whole_in_share_link       ... and the Share tab's box says to carry it
//   whole_state_json          state()["whole"]
//
// Call flow (the view never does I/O; this is a source beside paste, like fetching):
//   following: on_poll (fetch_follow.cpp) -> whole_after_poll -> GetLogEvents per stream, one page
//   per poll (more for a backlog, core/logs_api.h's pace) -> whole_on_answer appends the events
//   -> the pane (output_panel.cpp) rebuilds its doc when WholeStream.version moves, and keeps
//   following the tail if the reader was at the bottom. The status turns terminal -> reads go on
//   every poll interval until no stream grew for kLogsSettleMs -> Done.
//   the action: whole_load_complete -> S3 GET with Range, part after part (progress, Cancel), up
//   to kS3ReadAtOnceBytes, then "Load the rest"; or GetLogEvents from the head to the end.
// Everything about the data (stream names, the S3 layout and path, the pace, errors and hints) is
// core's (output_location.h, logs_api.h, service_error.h); this file holds the state that ties
// them to the panes.
#pragma once
#include <cstdint>
#include <string>

#include "output_location.h"
#include "service_error.h"

namespace ssmview {

struct ViewState;
struct FetchAnswer;
struct FetchInFlight;

enum class WholeSource { None, Logs, S3 };
const char* whole_source_name(WholeSource s);  // "none", "logs", "s3"

enum class WholePhase {
    None,     // nothing read: the pane shows the answer's member
    Live,     // reading the logs along with a follow (or settling after its end)
    Loading,  // "Load the complete output" in progress
    Partial,  // stopped before the end: cancelled, a follow stopped, or a big object's first part
    Done,     // `text` is the whole output
    Failed,   // the last read failed (error); whatever was read is kept
};
const char* whole_phase_name(WholePhase p);  // "none", "live", "loading", "partial", "done", "failed"

// The page reads a big object in parts of this size (each one a fetch the platform bounds by
// kMaxInputBytes), and at most kS3ReadAtOnceBytes before it asks: the same bound a paste has.
constexpr std::int64_t kS3PartBytes = 16 * 1024 * 1024;
constexpr std::int64_t kS3ReadAtOnceBytes = 32 * 1024 * 1024;

struct WholeStream {
    WholeSource  source = WholeSource::None;
    WholePhase   phase = WholePhase::None;
    std::string  text;               // the bytes so far, as the agent wrote them (ANSI kept)
    std::string  where;              // "s3://bucket/key" or "<group> <stream>"
    S3Location   object;             // S3: the object
    std::int64_t total_bytes = -1;   // S3: the object's size, once an answer said
    std::int64_t read_limit = 0;     // S3: read up to here, then offer the rest
    std::string  log_token;          // Logs: nextForwardToken so far ("" = from the head)
    std::string  sent_token;         // Logs: the token of the read in flight
    int          events = 0;         // Logs: events read
    int          pages = 0;          // Logs: pages read in this round (a backlog reads several)
    bool         no_stream = false;  // Logs: ResourceNotFoundException, no output yet
    bool         cancelled = false;  // Partial because the person cancelled
    int          request = 0;        // the read in flight (0 = none)
    std::int64_t retry_at_ms = 0;    // throttled or failed in passing: read again then (0 = no)
    int          retries = 0;
    ServiceError error;              // when phase == Failed
    int          version = 0;        // bumps whenever `text` changes: the pane rebuilds its doc
};

struct WholeOutput {
    std::string  identity;         // "<CommandId>/<InstanceId>/<PluginName>" it belongs to
    std::string  proxy_url;        // where its reads go (checked)
    std::string  group;            // the log group
    std::string  streams[2];       // the log streams (stdout, stderr)
    bool         live = false;     // the logs are read along with a follow
    std::int64_t ended_ms = 0;     // when the follow saw the end (0 = not yet)
    std::int64_t last_growth_ms = 0;
    std::int64_t next_read_ms = 0; // settling after the end: the next round
    std::int64_t last_round_ms = 0;// when the last round of reads started
    int          rounds = 0;       // live rounds started (tests: the pace)
    int          reads = 0;        // Logs requests sent (tests: the pace)
    WholeStream  s[2];             // indexed by OutputStream
};

void whole_on_load(ViewState& s);
void whole_after_poll(ViewState& s, std::int64_t now_ms);
std::string whole_can_load(const ViewState& s, OutputStream which);
std::string whole_proxy_url(const ViewState& s, std::string* why = nullptr);
void whole_load_complete(ViewState& s, OutputStream which);
void whole_load_rest(ViewState& s, OutputStream which);
void whole_cancel(ViewState& s, OutputStream which);
void whole_retry(ViewState& s, OutputStream which);
const std::string* whole_pane_text(const ViewState& s, OutputStream which);
bool whole_shown_anywhere(const ViewState& s);
// A share link carries the whole output: a pane holds one and the Share tab's box is ticked.
bool whole_in_share_link(const ViewState& s);
void whole_on_answer(ViewState& s, FetchAnswer& a, const FetchInFlight& req, std::int64_t now_ms);  // may take a's body
// Returns the ms until whole_frame_end wants to run again (-1: nothing to wait for).
std::int64_t whole_frame_end(ViewState& s, std::int64_t now_ms);
Json whole_state_json(const WholeOutput& w);

}  // namespace ssmview
