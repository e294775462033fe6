// cli/cmd_follow.cpp: `ssmview follow`: poll an invocation until it ends, then print the report.
//
// Index
//   Signals        SIGINT/SIGTERM set a flag; waits end at once; a second Ctrl+C kills
//   FollowClock    the cadence's clock, with the test hook SSMVIEW_FOLLOW_INTERVAL_MS
//   wait_until     sleep until a poll is due, or a signal
//   Lines          one stderr line per change: time, what it is, status / error, next poll
//   cmd_follow     the loop; with --stream, the command's output as it arrives (live_output.h)
//
// Call flow:
//   parse_fetch_args -> open_fetch_client -> follow_start (core/follow.h)
//   loop: wait_until(next_poll) -> fetch_invocation -> poll_outcome -> follow_record -> line
//   end:  Terminal -> print_report, exit_code_for_ending   (exit_codes.h)
//         Stop     -> print_service_error, exit_code_for_error
//         signal   -> the last report if any, 128 + signal
// The cadence (5 s, back-off with jitter, no cap, Cancelling followed) is core/follow.h's; this
// file only decides one thing of its own: when nothing has answered at all yet (a mistyped
// --proxy or --endpoint-url, a proxy that is not running), `follow` stops with "cannot connect"
// (212) instead of backing off forever, because a script would otherwise hang silently. Once
// something has answered, losing the connection backs off like throttling, as the page does.
//
// --stream: stdout and stderr carry the command's own output, as `ssh host cmd` would: from
// CloudWatch Logs while it runs (live_output.h, read at each poll), then the rest from S3 or the
// answer once it ended and the logs settled. ssmview's own lines are left out, except why it
// stopped or what is missing. Escapes are kept on a terminal, stripped when piped (--color keeps
// them, --no-color strips them).
//
// Test hook: SSMVIEW_FOLLOW_INTERVAL_MS=N (1..5000) makes the clock run 5000/N times faster, so
// the tests see the real cadence, back-off and jitter, compressed. It is not a user setting.
#include <signal.h>
#include <sys/select.h>
#include <unistd.h>
#include <time.h>

#include <cassert>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "cli_common.h"
#include "commands.h"
#include "exit_codes.h"
#include "fetch_args.h"
#include "fetch_client.h"
#include "follow.h"
#include "inspect_text.h"
#include "iso_time.h"
#include "live_output.h"
#include "report_print.h"

namespace ssmview {

namespace {

// ---- Signals ----------------------------------------------------------------------------------

volatile std::sig_atomic_t g_signal = 0;

extern "C" void on_stop_signal(int signo) { g_signal = signo; }

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

// ---- FollowClock ------------------------------------------------------------------------------

constexpr const char* kIntervalHook = "SSMVIEW_FOLLOW_INTERVAL_MS";

struct FollowClock {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    double real_per_cadence_ms = 1.0;  // 1 unless the test hook shortens the interval

    std::int64_t now_ms() const {
        const double real = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        return static_cast<std::int64_t>(real / real_per_cadence_ms);
    }
};

// "" when the hook is unset or valid; else why it is not.
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

// Returns false when a stop signal arrived. The check and the sleep happen with the signals
// blocked and pselect unblocks them atomically, so a Ctrl+C between the two cannot be missed.
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

// ---- Lines ------------------------------------------------------------------------------------

// One line per change, so a log of a long follow stays short: a state is printed when it differs
// from the previous line's; a back-off is printed each time (its wait grows).
struct LinePrinter {
    std::string last_key;
    bool        quiet = false;  // --stream: stderr is the command's

    // An empty key always prints (and the next state line prints again after it).
    void print(std::int64_t wall_ms, const std::string& label, const std::string& key, const std::string& text) {
        if (quiet) return;
        if (!key.empty() && key == last_key) return;
        last_key = key;
        std::fprintf(stderr, "ssmview: %s  %-12s %s\n", format_timestamp_utc(wall_ms).c_str(), label.c_str(), text.c_str());
    }
};

std::string next_poll_text(const FollowState& s, std::int64_t now_ms) {
    return "next poll in " + format_duration(s.next_poll_ms > now_ms ? s.next_poll_ms - now_ms : 0);
}

std::string status_text(const Report& r) {
    const State& st = r.state;
    std::string t = st.status.empty() ? "(no Status)" : sanitize_for_terminal(st.status);
    if (!st.status_details.empty() && st.status_details != st.status) t += " / " + sanitize_for_terminal(st.status_details);
    if (st.terminal && r.invocation.response_code.present) t += ", ResponseCode " + std::to_string(r.invocation.response_code.value);
    return t;
}

std::string first_error(const Report& r) {
    for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::Error) return d.message + " [" + d.code + "]";
    return "no invocation in the answer";
}

double draw_jitter(std::mt19937_64& rng) {
    double j = std::generate_canonical<double, 53>(rng);
    return j < 1.0 ? j : std::nextafter(1.0, 0.0);
}

}  // namespace

// ---- cmd_follow -------------------------------------------------------------------------------

int cmd_follow(const std::vector<std::string>& args) {
    FetchArgs a;
    const std::string bad = parse_fetch_args(FetchCommand::Follow, args, a);
    if (!bad.empty()) return usage_error(bad);
    FollowClock clock;
    const std::string bad_hook = read_interval_hook(clock);
    if (!bad_hook.empty()) return usage_error(bad_hook);
    FetchClient client;
    const std::string cannot = open_fetch_client(a, client);
    if (!cannot.empty()) {
        std::fprintf(stderr, "ssmview: %s\n", cannot.c_str());
        return kExitCredentials;
    }
    if (!a.stream)
        std::fprintf(stderr, "ssmview: following %s on %s%s through %s\n", a.target.command_id.c_str(),
                     a.target.instance_id.c_str(),
                     a.target.plugin_name.empty() ? "" : (", step " + sanitize_for_terminal(a.target.plugin_name)).c_str(),
                     describe_fetch_client(client).c_str());

    install_stop_handlers();
    std::mt19937_64 rng{std::random_device{}()};
    FollowState s;
    follow_start(s, clock.now_ms());
    LinePrinter lines;
    lines.quiet = a.stream;
    LiveOutput live;
    const auto strip = [&a](std::FILE* f) { return a.output.no_colour || (!a.color && !isatty(fileno(f))); };
    Report last_report;
    bool have_report = false, ever_answered = false;
    ServiceError stop_error;

    while (!s.done) {
        if (!wait_until(clock, s.next_poll_ms)) break;
        const FetchAnswer answer = fetch_invocation(client, a.target);
        if (answer.kind == FetchAnswer::Kind::NoCredentials) {
            std::fprintf(stderr, "ssmview: %s\n", answer.credentials_error.c_str());
            return kExitCredentials;
        }
        const std::int64_t now = clock.now_ms();
        const std::int64_t wall = client.env.now_ms();
        if (answer.kind == FetchAnswer::Kind::Report) {
            ever_answered = true;
            const PollOutcome o = poll_outcome(answer.report);
            follow_record(s, o, now, draw_jitter(rng));
            if (o == PollOutcome::BackOff) {
                lines.print(wall, "bad_answer", "", first_error(answer.report) + "; backing off, " + next_poll_text(s, now));
            } else {
                const char* phase = phase_name(answer.report.state.phase);
                const std::string text = status_text(answer.report);
                lines.print(wall, phase, std::string(phase) + "|" + text, s.done ? text : text + "; " + next_poll_text(s, now));
            }
            last_report = answer.report;
            have_report = true;
            if (a.stream && o != PollOutcome::BackOff) {
                if (!live.started) live_start(live, answer.report, strip(stdout), strip(stderr));
                live_pump(live, client, now);
            }
            continue;
        }
        const ServiceError& e = answer.error;
        if (e.http_status != 0) ever_answered = true;
        PollOutcome o = poll_outcome(e);
        if (e.kind == ErrorKind::Unreachable && !ever_answered) o = PollOutcome::Stop;
        follow_record(s, o, now, draw_jitter(rng));
        const std::string title = sanitize_for_terminal(service_error_title(e));
        if (o == PollOutcome::Stop) {
            stop_error = e;
        } else if (o == PollOutcome::BackOff) {
            lines.print(wall, error_kind_name(e.kind), "", title + "; backing off, " + next_poll_text(s, now));
        } else {
            lines.print(wall, error_kind_name(e.kind), std::string("error|") + e.type, title + "; " + next_poll_text(s, now));
        }
    }

    // A stop signal during the last request loses to the ending that request brought.
    if (!s.done) {
        assert(g_signal != 0);
        const int signo = static_cast<int>(g_signal);
        std::fprintf(stderr, "ssmview: stopped by %s after %d poll(s)%s\n", signo == SIGINT ? "Ctrl+C (SIGINT)" : "SIGTERM",
                     s.polls, a.stream ? "" : have_report ? "; the last answer:" : "; no invocation was received");
        if (have_report && !a.stream) print_report(last_report, kFetchedInputName, a.output);
        return exit_code_for_signal(signo);
    }
    if (s.last == PollOutcome::Stop) {
        print_service_error(stop_error, a.output);
        return exit_code_for_error(stop_error);
    }
    assert(s.last == PollOutcome::Terminal && have_report);
    if (a.stream) {
        // The last batch of logs can land after the status turned terminal: read at the same
        // cadence until no stream has grown for kLogsSettleMs, then take the rest from S3.
        const std::int64_t ended = clock.now_ms();
        while (live.started && !live_settled(live, ended, clock.now_ms())) {
            if (!wait_until(clock, clock.now_ms() + kFollowIntervalMs)) return exit_code_for_signal(static_cast<int>(g_signal));
            live_pump(live, client, clock.now_ms());
        }
        live_finish(live, client, last_report);
        return exit_code_for_ending(last_report);
    }
    print_report(last_report, kFetchedInputName, a.output);
    return exit_code_for_ending(last_report);
}

}  // namespace ssmview
