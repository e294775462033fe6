// cli/follow_loop.h: what both follow loops share (one invocation: cmd_follow.cpp; a whole command:
// cmd_follow_fleet.cpp): stop signals, the clock and its test hook, waiting, jitter, change lines.
//
// Index
//   install_stop_handlers, stop_signal   SIGINT/SIGTERM set a flag; waits end at once; a second
//                                        Ctrl+C kills
//   FollowClock, read_interval_hook      the cadence's clock, with the test hook
//                                        SSMVIEW_FOLLOW_INTERVAL_MS
//   wait_until                           sleep until a poll is due, or a signal
//   open_follow                          the start both share: the hook, then the connection
//   draw_jitter                          a number in [0, 1) for core/follow.h's back-off
//   LinePrinter                          one stderr line per change: time, what it is, the text
//
// Test hook: SSMVIEW_FOLLOW_INTERVAL_MS=N (1..5000) makes the clock run 5000/N times faster, so
// the tests see the real cadence, back-off and jitter, compressed. It is not a user setting.
#pragma once
#include <chrono>
#include <cstdint>
#include <random>
#include <string>

#include "fetch_args.h"
#include "fetch_client.h"

namespace ssmview {

void install_stop_handlers();
int  stop_signal();  // 0, or the SIGINT/SIGTERM that arrived

struct FollowClock {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    double real_per_cadence_ms = 1.0;  // 1 unless the test hook shortens the interval
    std::int64_t now_ms() const;
};

// "" when the hook is unset or valid; else why it is not (a usage error).
std::string read_interval_hook(FollowClock& clock);

// Returns false when a stop signal arrived. The check and the sleep happen with the signals
// blocked and pselect unblocks them atomically, so a Ctrl+C between the two cannot be missed.
bool wait_until(const FollowClock& clock, std::int64_t due_ms);

// Reads the test hook into `clock`, then connects `client` as `args` say. 0 when ready; else the
// exit status, the reason already printed (a bad hook: usage, 2; no credentials, region or
// endpoint: 210).
int open_follow(const FetchArgs& args, FollowClock& clock, FetchClient& client);

double draw_jitter(std::mt19937_64& rng);

// One line per change, so a log of a long follow stays short: a state is printed when it differs
// from the previous line's; an empty key (a back-off, whose wait grows) always prints.
struct LinePrinter {
    std::string last_key;
    bool        quiet = false;  // --stream: stderr is the command's
    void print(std::int64_t wall_ms, const std::string& label, const std::string& key, const std::string& text);
};

}  // namespace ssmview
