// proxy/simulate_runs.cpp: starting and restarting the simulated commands' runs.
//
// Index
//   Run::t, Run::at     wall clock <-> catalog offsets (scaled by speed)
//   Runs::mention       first mention starts; an ended run idle for kRestartAfterIdleMs restarts
//   Runs::touch         the run as it is, the mention recorded
#include "simulate_runs.h"

#include <cassert>
#include <cmath>

namespace ssmview::proxy {

std::int64_t Run::t(std::int64_t now_ms) const {
    assert(requested_ms >= 0);
    return static_cast<std::int64_t>(std::floor(static_cast<double>(now_ms - requested_ms) * speed));
}

std::int64_t Run::at(std::int64_t offset_ms) const {
    assert(requested_ms >= 0);
    return requested_ms + static_cast<std::int64_t>(std::llround(static_cast<double>(offset_ms) / speed));
}

Runs::Runs(double speed) : runs_(catalog().size()) {
    assert(speed > 0);
    for (Run& r : runs_) r.speed = speed;  // each run keeps its own copy
}

const Run& Runs::mention(const SimCommand& command, std::int64_t now_ms) {
    Run& run = runs_[command_index(command)];
    bool never = run.requested_ms < 0;
    bool ended_and_idle = !never && run.t(now_ms) >= command_ends_at(command) &&
                          now_ms - run.last_mention_ms >= kRestartAfterIdleMs;
    if (never || ended_and_idle) {
        run.requested_ms = now_ms;
        ++run.number;
    }
    run.last_mention_ms = now_ms;
    return run;
}

const Run* Runs::touch(const SimCommand& command, std::int64_t now_ms) {
    Run& run = runs_[command_index(command)];
    if (run.requested_ms < 0) return nullptr;
    run.last_mention_ms = now_ms;
    return &run;
}

const Run& Runs::get(const SimCommand& command) const { return runs_[command_index(command)]; }

}  // namespace ssmview::proxy
