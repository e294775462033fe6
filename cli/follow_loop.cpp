// cli/follow_loop.cpp: signals, the follow clock, waiting and change lines (follow_loop.h).
//
// Index
//   Signals       the handler and its flag
//   FollowClock   now_ms, the test hook
//   wait_until    pselect with the stop signals unblocked only while asleep
//   open_follow   the hook and the connection
//   draw_jitter, LinePrinter
#include "follow_loop.h"

#include <signal.h>
#include <sys/select.h>
#include <time.h>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>

#include "cli_common.h"
#include "exit_codes.h"
#include "follow.h"
#include "iso_time.h"

namespace ssmview {

namespace {

volatile std::sig_atomic_t g_signal = 0;

extern "C" void on_stop_signal(int signo) { g_signal = signo; }

constexpr const char* kIntervalHook = "SSMVIEW_FOLLOW_INTERVAL_MS";

}  // namespace

// ---- Signals ----------------------------------------------------------------------------------

void install_stop_handlers() {
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    // No SA_RESTART: a sleeping wait returns at once. SA_RESETHAND: a second Ctrl+C (say, while a
    // request waits on a slow network) ends the process the ordinary way.
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

int stop_signal() { return static_cast<int>(g_signal); }

// ---- FollowClock ------------------------------------------------------------------------------

std::int64_t FollowClock::now_ms() const {
    const double real = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return static_cast<std::int64_t>(real / real_per_cadence_ms);
}

std::string read_interval_hook(FollowClock& clock) {
    const char* v = std::getenv(kIntervalHook);
    if (!v || !*v) return {};
    char* end = nullptr;
    const long ms = std::strtol(v, &end, 10);
    if (*end != '\0' || ms < 1 || ms > kFollowIntervalMs)
        return std::string(kIntervalHook) + " (a test hook) must be a whole number from 1 to " + std::to_string(kFollowIntervalMs);
    clock.real_per_cadence_ms = static_cast<double>(ms) / static_cast<double>(kFollowIntervalMs);
    return {};
}

// ---- wait_until -------------------------------------------------------------------------------

bool wait_until(const FollowClock& clock, std::int64_t due_ms) {
    sigset_t stops, previous;
    sigemptyset(&stops);
    sigaddset(&stops, SIGINT);
    sigaddset(&stops, SIGTERM);
    for (;;) {
        sigprocmask(SIG_BLOCK, &stops, &previous);
        const std::int64_t left = due_ms - clock.now_ms();
        if (g_signal == 0 && left > 0) {
            const double real_ms = static_cast<double>(left) * clock.real_per_cadence_ms;
            timespec ts{};
            ts.tv_sec = static_cast<time_t>(real_ms / 1000.0);
            ts.tv_nsec = static_cast<long>(std::fmod(real_ms, 1000.0) * 1e6) + 1;
            if (ts.tv_nsec >= 1000000000L) ts.tv_nsec = 999999999L;
            pselect(0, nullptr, nullptr, nullptr, &ts, &previous);
        }
        sigprocmask(SIG_SETMASK, &previous, nullptr);
        if (g_signal != 0) return false;
        if (left <= 0) return true;
    }
}

// ---- open_follow ------------------------------------------------------------------------------

int open_follow(const FetchArgs& args, FollowClock& clock, FetchClient& client) {
    const std::string bad_hook = read_interval_hook(clock);
    if (!bad_hook.empty()) return usage_error(bad_hook);
    const std::string cannot = open_fetch_client(args, client);
    if (!cannot.empty()) {
        std::fprintf(stderr, "ssmview: %s\n", cannot.c_str());
        return kExitCredentials;
    }
    return 0;
}

// ---- draw_jitter, LinePrinter -----------------------------------------------------------------

double draw_jitter(std::mt19937_64& rng) {
    double j = std::generate_canonical<double, 53>(rng);
    return j < 1.0 ? j : std::nextafter(1.0, 0.0);
}

void LinePrinter::print(std::int64_t wall_ms, const std::string& label, const std::string& key, const std::string& text) {
    if (quiet) return;
    if (!key.empty() && key == last_key) return;
    last_key = key;
    std::fprintf(stderr, "ssmview: %s  %-12s %s\n", format_timestamp_utc(wall_ms).c_str(), label.c_str(), text.c_str());
}

}  // namespace ssmview
