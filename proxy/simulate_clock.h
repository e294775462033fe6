// proxy/simulate_clock.h: the time the simulated SSM lives in, injectable so tests are fast and exact.
//
// Index
//   Clock          what the simulator asks: milliseconds since the Unix epoch, UTC
//   SystemClock    the real time (ssmview-proxy --simulate)
//   ManualClock    a time tests set and advance by hand (thread-safe)
//
// Call flow: simulate_upstream.cpp reads clock.now_ms() once per request and hands that one value
// down (simulate_runs -> simulate_catalog -> simulate_ssm), so a single answer never mixes two
// instants. Nothing in the simulator sleeps or reads the time any other way: with a ManualClock a
// test walks a command through its whole life in microseconds, and the same instant always gives
// the same bytes.
#pragma once
#include <atomic>
#include <cstdint>

namespace ssmview::proxy {

struct Clock {
    virtual ~Clock() = default;
    virtual std::int64_t now_ms() const = 0;
};

struct SystemClock final : Clock {
    std::int64_t now_ms() const override;
};

struct ManualClock final : Clock {
    explicit ManualClock(std::int64_t start_ms) : now_(start_ms) {}
    std::int64_t now_ms() const override { return now_.load(); }
    void set(std::int64_t ms) { now_.store(ms); }
    void advance(std::int64_t ms) { now_.fetch_add(ms); }

private:
    std::atomic<std::int64_t> now_;
};

}  // namespace ssmview::proxy
