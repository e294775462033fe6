// cli/cmd_follow_fleet.cpp: `ssmview follow --command-id ID` without --instance-id: every invocation of a command.
//
// Index
//   Lines              one stderr line per change of the counts: the command's phase, the counts,
//                      when the next round starts; back-offs always
//   cmd_follow_fleet   the loop over core/fleet_follow.h's requests; the grouped report at the end
//
// Call flow:
//   cmd_follow (parse_fetch_args: no --instance-id) -> cmd_follow_fleet -> open_fetch_client
//   loop: wait_until(s.next_ms) -> fleet_follow_request -> call_ssm
//         -> fleet_follow_answer (a whole round: a line) | fleet_follow_error (a back-off: a line)
//   end:  Ended   -> print_report (the fleet, as `inspect` prints it), exit_code_for_fleet (0 / 206)
//         Stopped -> print_service_error and exit_code_for_error, or the reason and 211
//         signal  -> the last whole round's report, if any, and 128 + signal
// The pace is core/fleet_follow.h's (pages 250 ms apart, rounds every max(5 s, pages x 0.5 s),
// pages read again only when the counters move or every 30 s, back-off on throttling). As for
// one invocation, nothing having answered at all yet (a wrong --proxy or endpoint) stops with 212.
#include <cassert>
#include <csignal>
#include <cstdio>
#include <random>
#include <string>

#include "cli_common.h"
#include "commands.h"
#include "exit_codes.h"
#include "fetch_args.h"
#include "fetch_client.h"
#include "fleet_follow.h"
#include "follow_loop.h"
#include "inspect_text.h"
#include "iso_time.h"
#include "report_print.h"

namespace ssmview {

namespace {

constexpr const char* kListedInputName = "<ListCommandInvocations>";

// ---- Lines ------------------------------------------------------------------------------------

std::string wait_text(const FleetFollow& s, std::int64_t now_ms) {
    return "next round in " + format_duration(s.next_ms > now_ms ? s.next_ms - now_ms : 0);
}

const char* command_phase(const FleetFollow& s) {
    for (const FleetCommand& c : s.report.fleet.commands)
        if (c.command_id.value == s.command_id) return phase_name(c.state.phase);
    return "listed";
}

}  // namespace

// ---- cmd_follow_fleet -------------------------------------------------------------------------

int cmd_follow_fleet(const FetchArgs& a) {
    assert(a.fleet);
    FollowClock clock;
    FetchClient client;
    if (const int status = open_follow(a, clock, client)) return status;
    std::fprintf(stderr, "ssmview: following every invocation of %s through %s\n", a.target.command_id.c_str(),
                 describe_fetch_client(client).c_str());

    install_stop_handlers();
    std::mt19937_64 rng{std::random_device{}()};
    FleetFollow s;
    fleet_follow_start(s, a.target.command_id, clock.now_ms());
    LinePrinter lines;
    bool ever_answered = false;

    while (s.end == FleetEnd::Running) {
        if (!wait_until(clock, s.next_ms)) break;
        const FleetRequest request = fleet_follow_request(s);
        const SsmAnswer answer = call_ssm(client, request.action, request.body);
        if (answer.kind == SsmAnswer::Kind::NoCredentials) {
            std::fprintf(stderr, "ssmview: %s\n", answer.credentials_error.c_str());
            return kExitCredentials;
        }
        const std::int64_t now = clock.now_ms();
        const std::int64_t wall = client.env.now_ms();
        if (answer.kind == SsmAnswer::Kind::Body) {
            ever_answered = true;
            if (fleet_follow_answer(s, answer.body, now)) {
                const std::string counts = sanitize_for_terminal(fleet_follow_summary(s.report));
                const char* phase = command_phase(s);
                lines.print(wall, phase, std::string(phase) + "|" + counts,
                            s.end == FleetEnd::Running ? counts + "; " + wait_text(s, now) : counts);
            }
            continue;
        }
        const ServiceError& e = answer.error;
        if (e.http_status != 0) ever_answered = true;
        if (e.kind == ErrorKind::Unreachable && !ever_answered) {
            s.end = FleetEnd::Stopped;
            s.stop_error = e;
            break;
        }
        fleet_follow_error(s, e, now, draw_jitter(rng));
        if (s.end == FleetEnd::Running)
            lines.print(wall, error_kind_name(e.kind), "",
                        sanitize_for_terminal(service_error_title(e)) + " (" + request.action + "); backing off, next request in " +
                            format_duration(s.next_ms > now ? s.next_ms - now : 0));
    }

    // A stop signal during the last request loses to the ending that request brought.
    if (s.end == FleetEnd::Running) {
        const int signo = stop_signal();
        assert(signo != 0);
        std::fprintf(stderr, "ssmview: stopped by %s after %d request(s)%s\n", signo == SIGINT ? "Ctrl+C (SIGINT)" : "SIGTERM",
                     s.requests, s.rounds > 0 ? "; the last whole round:" : "; no whole round was read");
        if (s.rounds > 0) print_report(s.report, kListedInputName, a.output);
        return exit_code_for_signal(signo);
    }
    if (s.end == FleetEnd::Stopped) {
        if (!s.stop_reason.empty()) {
            std::fprintf(stderr, "ssmview: %s\n", sanitize_for_terminal(s.stop_reason).c_str());
            return kExitAwsError;
        }
        print_service_error(s.stop_error, a.output);
        return exit_code_for_error(s.stop_error);
    }
    print_report(s.report, kListedInputName, a.output);
    return exit_code_for_fleet(s.report);
}

}  // namespace ssmview
