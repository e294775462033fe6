// core/follow.cpp: see follow.h.
//
// Index
//   poll_outcome        Report / ServiceError -> PollOutcome
//   follow_backoff_ms   5 s, 10 s, 20 s, 40 s, 60 s, 60 s, ...
//   follow_*            the state machine
#include "follow.h"

#include <cassert>

namespace ssmview {

const char* poll_outcome_name(PollOutcome o) {
    switch (o) {
        case PollOutcome::Running: return "running";
        case PollOutcome::Terminal: return "terminal";
        case PollOutcome::NotYet: return "not_yet";
        case PollOutcome::BackOff: return "back_off";
        case PollOutcome::Stop: return "stop";
    }
    return "stop";
}

// A fetched answer that is no readable invocation cannot become one by asking again at once, but
// the service may have answered mid-deploy; treat it like a server error (back off) rather than
// stopping a long follow on one bad answer.
PollOutcome poll_outcome(const Report& fetched) {
    if (!fetched.has_invocation || !fetched.valid()) return PollOutcome::BackOff;
    return fetched.state.terminal ? PollOutcome::Terminal : PollOutcome::Running;
}

PollOutcome poll_outcome(const ServiceError& error) {
    if (error.kind == ErrorKind::NotYet) return PollOutcome::NotYet;
    return error.retry ? PollOutcome::BackOff : PollOutcome::Stop;
}

std::int64_t follow_backoff_ms(int streak) {
    assert(streak >= 1);
    std::int64_t d = kFollowBackoffBaseMs;
    for (int i = 1; i < streak && d < kFollowBackoffMaxMs; ++i) d *= 2;
    return d < kFollowBackoffMaxMs ? d : kFollowBackoffMaxMs;
}

// "Equal jitter": half the delay fixed, half random, so many followers that were throttled
// together spread out, yet none comes back sooner than half the delay.
std::int64_t follow_backoff_wait_ms(int streak, double jitter) {
    assert(jitter >= 0.0 && jitter < 1.0);
    const std::int64_t d = follow_backoff_ms(streak);
    return d / 2 + static_cast<std::int64_t>(static_cast<double>(d / 2) * jitter);
}

void follow_start(FollowState& s, std::int64_t now_ms) {
    s = FollowState{};
    s.next_poll_ms = now_ms;
}

void follow_record(FollowState& s, PollOutcome outcome, std::int64_t now_ms, double jitter) {
    assert(jitter >= 0.0 && jitter < 1.0);
    ++s.polls;
    s.last = outcome;
    switch (outcome) {
        case PollOutcome::Terminal:
        case PollOutcome::Stop:
            s.done = true;
            return;
        case PollOutcome::Running:
        case PollOutcome::NotYet:
            s.backoff_streak = 0;
            s.next_poll_ms = now_ms + kFollowIntervalMs;
            return;
        case PollOutcome::BackOff: {
            ++s.backoff_streak;
            s.next_poll_ms = now_ms + follow_backoff_wait_ms(s.backoff_streak, jitter);
            return;
        }
    }
}

void follow_pause(FollowState& s) { s.paused = true; }

void follow_resume(FollowState& s, std::int64_t now_ms) {
    s.paused = false;
    if (!s.done) s.next_poll_ms = now_ms;
}

bool follow_due(const FollowState& s, std::int64_t now_ms) { return !s.done && !s.paused && now_ms >= s.next_poll_ms; }

int follow_seconds_left(const FollowState& s, std::int64_t now_ms) {
    if (s.done || s.paused || now_ms >= s.next_poll_ms) return 0;
    return static_cast<int>((s.next_poll_ms - now_ms + 999) / 1000);
}

}  // namespace ssmview
