// proxy/simulate_runs.h: when each simulated command runs: it starts when first mentioned, and runs again later.
//
// Index
//   kRestartAfterIdleMs   how long an ended run must go unmentioned before it starts over
//   Run                   one run: its RequestedDateTime and how fast its timeline plays
//   Runs                  the registry: mention() starts, restarts and reports a command's run;
//                         touch() reports it without starting anything (CloudWatch Logs and S3 reads)
//
// The decision. A command starts (gets its RequestedDateTime) the first time a request names it
// (GetCommandInvocation, or a list with its CommandId) or a list includes it, not when the proxy
// starts: a newcomer who opens the page minutes after `scripts/run.sh` still sees every command
// move from InvocationDoesNotExist to its ending. Once a run has ended (every invocation terminal)
// and nobody has mentioned the command for kRestartAfterIdleMs, the next mention starts a new run
// with the same ids, so a later visitor sees it move again, while a client that keeps polling a
// finished invocation keeps getting the same finished answer.
//
// Reading a command's output in CloudWatch Logs or S3 is interest in it too, but not a request
// about the command: it never starts or restarts a run (output exists only once SSM was asked),
// and it records the mention, so a run does not start over under a client still reading its logs.
//
// Call flow: simulate_ssm.cpp calls mention() for every command a request looks at, then reads
// the command's position on its timeline with Run::t(now) and turns catalog offsets back into
// wall-clock times with Run::at(offset). Not thread-safe: simulate_upstream holds the lock.
#pragma once
#include <cstdint>
#include <vector>

#include "simulate_catalog.h"

namespace ssmview::proxy {

constexpr std::int64_t kRestartAfterIdleMs = 60'000;

struct Run {
    std::int64_t requested_ms = -1;     // RequestedDateTime, epoch ms; -1: never started
    std::int64_t last_mention_ms = -1;
    int          number = 0;            // 1 for the first run, 2 after the first restart, ...
    double       speed = 1.0;           // 2.0 plays the timeline twice as fast

    std::int64_t t(std::int64_t now_ms) const;        // the catalog offset `now` corresponds to
    std::int64_t at(std::int64_t offset_ms) const;    // the epoch ms of a catalog offset
};

class Runs {
public:
    explicit Runs(double speed = 1.0);
    // Starts the command's run when it has none or its ended run sat idle long enough; records
    // the mention; returns the run (a reference that stays valid).
    const Run& mention(const SimCommand& command, std::int64_t now_ms);
    // The command's current run, with the mention recorded; null when it has never started.
    const Run* touch(const SimCommand& command, std::int64_t now_ms);
    const Run& get(const SimCommand& command) const;

private:
    std::vector<Run> runs_;  // one per catalog() entry
};

}  // namespace ssmview::proxy
