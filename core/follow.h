// core/follow.h: when to ask again while following an invocation, and when to stop.
//
// Index
//   kFollowIntervalMs, kFollowBackoff*   the cadence (one home: the page and the CLI both use it)
//   PollOutcome                          what the last poll said, reduced to what scheduling needs
//   poll_outcome                         a Report or a ServiceError -> PollOutcome
//   FollowState                          polls so far, back-off streak, next time, done, paused
//   follow_start / follow_record / follow_pause / follow_resume
//   follow_seconds_left                  the countdown a person sees
//   follow_backoff_ms, follow_backoff_wait_ms   the back-off delay, and with its equal jitter
//
// Call flow (page and `ssmview follow` alike):
//   follow_start(s, now) -> poll at s.next_poll_ms -> answer -> poll_outcome(report | error)
//   -> follow_record(s, outcome, now, jitter) -> s.done ? stop : wait until s.next_poll_ms
// The cadence is the CLI waiter's (`aws ssm wait command-executed`: a poll every 5 seconds, from
// botocore's waiters-2.json), with two differences people asked for: no 100-second cap, and
// Cancelling is followed to its end instead of giving up. InvocationDoesNotExist means "not yet".
// Throttling, server errors and an unreachable proxy back off exponentially with jitter; errors a
// retry cannot fix (access denied, bad or expired credentials, a malformed request) stop.
// `jitter` is a number in [0, 1) the caller draws, so this file stays deterministic and testable.
#pragma once
#include <cstdint>
#include <string>

#include "report.h"
#include "service_error.h"

namespace ssmview {

constexpr std::int64_t kFollowIntervalMs = 5000;      // the waiter's delay
constexpr std::int64_t kFollowBackoffBaseMs = 5000;   // first back-off, doubled per repeat
constexpr std::int64_t kFollowBackoffMaxMs = 60000;   // the longest wait between two polls

enum class PollOutcome {
    Running,    // an invocation that has not reached a terminal state (Cancelling included)
    Terminal,   // Success, Failed, TimedOut, Cancelled, ...: following ends
    NotYet,     // InvocationDoesNotExist: poll again at the normal cadence
    BackOff,    // throttled, server error, unreachable: poll again later, longer each time
    Stop,       // an error that polling again cannot fix
};
const char* poll_outcome_name(PollOutcome o);  // "running", "terminal", "not_yet", "back_off", "stop"

PollOutcome poll_outcome(const Report& fetched);
PollOutcome poll_outcome(const ServiceError& error);

struct FollowState {
    int          polls = 0;          // answers recorded
    int          backoff_streak = 0; // consecutive BackOff outcomes
    std::int64_t next_poll_ms = 0;   // when to poll next (meaningless once done)
    bool         done = false;       // Terminal or Stop recorded
    bool         paused = false;     // a person paused it: no poll until resumed
    PollOutcome  last = PollOutcome::Running;
};

void follow_start(FollowState& s, std::int64_t now_ms);  // the first poll is due now
void follow_record(FollowState& s, PollOutcome outcome, std::int64_t now_ms, double jitter);
void follow_pause(FollowState& s);
void follow_resume(FollowState& s, std::int64_t now_ms);  // polls now
bool follow_due(const FollowState& s, std::int64_t now_ms);
// Whole seconds until the next poll, rounded up (the countdown); 0 when due, done or paused.
int  follow_seconds_left(const FollowState& s, std::int64_t now_ms);
// The delay a BackOff waits after `streak` BackOffs in a row (1 = the first), before jitter.
std::int64_t follow_backoff_ms(int streak);
// That delay with "equal jitter" (`jitter` in [0, 1)): half fixed, half random. Every back-off
// waits this long, one invocation's (follow_record) and a whole command's (fleet_follow.h).
std::int64_t follow_backoff_wait_ms(int streak, double jitter);

}  // namespace ssmview
