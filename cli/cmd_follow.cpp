// cli/cmd_follow.cpp: `ssmview follow`: poll an invocation until it ends, then print the report.
//
// Index
//   Lines          what a change line says: status / error, next poll (follow_loop.h prints it)
//   cmd_follow     the loop; with --stream, the command's output as it arrives (live_output.h)
// (Signals, the clock and its test hook, waiting: follow_loop.h. Without --instance-id, the
// whole command: cmd_follow_fleet.cpp.)
//
// Call flow:
//   parse_fetch_args -> (fleet: cmd_follow_fleet) -> open_fetch_client -> follow_start (core/follow.h)
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
#include <signal.h>
#include <unistd.h>

#include <cassert>
#include <cstdio>
#include <random>
#include <string>

#include "cli_common.h"
#include "commands.h"
#include "exit_codes.h"
#include "fetch_args.h"
#include "fetch_client.h"
#include "follow.h"
#include "follow_loop.h"
#include "inspect_text.h"
#include "iso_time.h"
#include "live_output.h"
#include "report_print.h"

namespace ssmview {

namespace {

// ---- Lines ------------------------------------------------------------------------------------

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

}  // namespace

// ---- cmd_follow -------------------------------------------------------------------------------

int cmd_follow(const std::vector<std::string>& args) {
    FetchArgs a;
    const std::string bad = parse_fetch_args(FetchCommand::Follow, args, a);
    if (!bad.empty()) return usage_error(bad);
    if (a.fleet) return cmd_follow_fleet(a);
    FollowClock clock;
    FetchClient client;
    if (const int status = open_follow(a, clock, client)) return status;
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
        assert(stop_signal() != 0);
        const int signo = stop_signal();
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
            if (!wait_until(clock, clock.now_ms() + kFollowIntervalMs)) return exit_code_for_signal(stop_signal());
            live_pump(live, client, clock.now_ms());
        }
        live_finish(live, client, last_report);
        return exit_code_for_ending(last_report);
    }
    print_report(last_report, kFetchedInputName, a.output);
    return exit_code_for_ending(last_report);
}

}  // namespace ssmview
