// core/fleet_follow.h: following every invocation of one command: which request next, when, and when to stop.
//
// Index
//   kFleetPageSize, kFleetPageGapMs, kFleetMsPerPage, kFleetRereadMs
//                          the pace (one home: the page and `ssmview follow --command-id` both use it)
//   FleetRequest           the action and JSON body of the next request
//   FleetFollow            where the current round is, the last whole round's Report, back-off
//   fleet_follow_start     the first round is due now
//   fleet_follow_request   what to send next; fleet_follow_due: whether it is time
//   fleet_follow_answer    a 200 answer: on to the next page, or the round is whole (report fresh)
//   fleet_follow_error     an error answer: ask the same again later, start the pages over, or stop
//   fleet_follow_seconds_left   the countdown a person sees
//
// A round. ListCommands for the command (its Status and counters), then ListCommandInvocations
// with Details at MaxResults 50, following NextToken to the last page. The answers are joined as
// a person pastes them and read by analyze() (core/fleet_reader), so a followed fleet reads
// exactly like a pasted one: fetching is a source beside paste, not a second path.
//
// The pace. SSM throttles its list actions per account and region without publishing the rates,
// and asks clients to back off on ThrottlingException; its own console and the CLI's paginator do
// not pace at all. Following a large fleet for minutes must leave room for everything else the
// account does, so:
//   - pages of one round are kFleetPageGapMs apart (at most 4 requests a second);
//   - a round starts at most every max(kFollowIntervalMs, pages x kFleetMsPerPage): a 2,000-target
//     command (40 pages) is read whole every 20 s, 2 requests a second on average;
//   - the pages are read again only when the counters moved, the last read listed fewer
//     invocations than targets, or kFleetRereadMs passed (Pending -> InProgress moves no counter);
//     otherwise a round is the one ListCommands request;
//   - a throttled or failed request is asked again after follow.h's back-off with jitter, the
//     round's progress kept, and the next round waits at least kFollowIntervalMs after it ends;
//     an expired NextToken starts the pages over.
// It ends when the command is terminal and so is every one of its TargetCount invocations.
//
// Call flow (the caller owns the clock, the network and the jitter):
//   fleet_follow_start -> loop { wait until next_ms; send fleet_follow_request;
//   200 -> fleet_follow_answer (true: round whole, s.report fresh) | error -> fleet_follow_error }
//   until s.done
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "follow.h"  // kFollowIntervalMs, follow_backoff_ms, poll_outcome
#include "report.h"
#include "service_error.h"

namespace ssmview {

constexpr int          kFleetPageSize = 50;      // MaxResults: the API's largest page
constexpr std::int64_t kFleetPageGapMs = 250;    // between two requests of one round
constexpr std::int64_t kFleetMsPerPage = 500;    // a round starts at most every pages x this
constexpr std::int64_t kFleetRereadMs = 30000;   // the pages are read at least this often

struct FleetRequest {
    const char* action = "";  // "ListCommands" or "ListCommandInvocations"
    std::string body;         // ssm_api.h's request body
};

enum class FleetEnd {
    Running,  // not done
    Ended,    // the command and every invocation are terminal
    Stopped,  // an error asking again cannot fix (stop_error), or the command is not there
};

struct FleetFollow {
    std::string  command_id;
    // The round in progress.
    bool         reading_pages = false;  // false: ListCommands is next
    std::string  next_token;             // the next page's token ("" = the first page)
    std::string  commands_text;          // this round's ListCommands answer
    std::string  pages_text;             // this round's pages so far, joined by newlines
    int          pages = 0;              // pages read this round
    std::int64_t round_started_ms = 0;
    bool         backed_off = false;     // this round was throttled or failed at least once
    // The last whole round.
    std::string  last_counters;          // the command's Status and counters, to skip unchanged pages
    std::string  last_pages_text;        // its pages (reused by a round that skips them)
    int          last_pages = 0;
    std::int64_t last_pages_ms = -1;     // when its pages were read (-1 = never)
    Report       report;                 // analyze() of the last whole round
    std::string  report_commands_text;   // the ListCommands answer `report` was read with
    bool         changed = false;        // the last whole round's text differs from the one before
                                         // (an unchanged round is not analyzed, or loaded, again)
    int          rounds = 0;             // whole rounds read
    // When to ask, and why not yet.
    std::int64_t next_ms = 0;
    int          backoff_streak = 0;
    int          requests = 0;           // sent (answers and errors)
    FleetEnd     end = FleetEnd::Running;
    ServiceError stop_error;             // end == Stopped because of an error
    std::string  stop_reason;            // end == Stopped: a sentence
};

void         fleet_follow_start(FleetFollow& s, std::string_view command_id, std::int64_t now_ms);
FleetRequest fleet_follow_request(const FleetFollow& s);
bool         fleet_follow_due(const FleetFollow& s, std::int64_t now_ms);
// Returns true when this answer completed a round (s.report, s.rounds updated; s.end may change).
bool         fleet_follow_answer(FleetFollow& s, std::string_view body, std::int64_t now_ms);
void         fleet_follow_error(FleetFollow& s, const ServiceError& e, std::int64_t now_ms, double jitter);
int          fleet_follow_seconds_left(const FleetFollow& s, std::int64_t now_ms);

// The round's counts in one line: "2,000 targets: 1,866 success, 76 failed, 58 in progress".
std::string  fleet_follow_summary(const Report& r);

}  // namespace ssmview
