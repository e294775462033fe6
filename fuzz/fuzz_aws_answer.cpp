// fuzz/fuzz_aws_answer.cpp: every reader of what AWS (or a proxy) answers, on arbitrary bytes.
//
// Index
//   Readers                  the first byte picks one; the rest is the body
//   check_service_error      awsJson or S3 XML errors: bounded, printable, a kind and a hint
//   check_log_events         CloudWatch Logs answers: events kept as given, a token or none
//   check_logs_request       the proxy's Logs body rule: a fixed point, and what it passes is in
//                            the agent's layout
//   check_lists              ListCommands / ListCommandInvocations pages
//   check_fleet_follow       a run of answers (split at "\n\x1e\n") fed to core/fleet_follow.h as a
//                            whole command is followed: it stops or goes on, never loops, always
//                            with a reason when it stops, and never asks sooner than its pace
//   LLVMFuzzerTestOneInput   byte 0 -> reader, byte 1 -> HTTP status, bytes 2.. -> body(ies)
//
// Call flow: the page and the CLI hand every answer body to one of these core readers
// (core/service_error.h, core/logs_api.h, core/ssm_api.h) before anything is shown; the proxy
// hands every Logs request body to check_logs_request before it signs. All of it is untrusted
// input. The readers must never crash or hang, must keep their documented bounds (messages cut at
// kMaxErrorMessageBytes, no control characters in them), and what the Logs rule lets through must
// pass it again unchanged and name only the agent's streams.
// Seeds: fuzz/corpus/fuzz_aws_answer (errors in both shapes, Logs pages, list pages, Logs
// requests); dictionary: dict/aws_answer.dict.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "check.h"
#include "data_limits.h"
#include "fleet_follow.h"
#include "invocation.h"  // Json
#include "json_reader.h"
#include "logs_api.h"
#include "output_location.h"
#include "service_error.h"
#include "ssm_api.h"

using namespace ssmview;

namespace {

// ---- check_service_error ----------------------------------------------------------------------

void check_service_error(int status, std::string_view body) {
    for (const char* service : {"ssm", "logs", "s3"}) {
        const ServiceError e = read_service_error(status, "", "", body, "GetObject", service);
        // "…" (3 bytes) may follow a cut message.
        FUZZ_CHECK(e.message.size() <= kMaxErrorMessageBytes + 3, "an error message over its bound");
        for (char c : e.message + e.type)
            FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20, "a control character kept in an error's type or message");
        const bool needs_hint = e.kind == ErrorKind::NotYet || e.kind == ErrorKind::Throttled ||
                                e.kind == ErrorKind::AccessDenied || e.kind == ErrorKind::ExpiredCredentials ||
                                e.kind == ErrorKind::ClockSkew;
        FUZZ_CHECK(!needs_hint || !e.hint.empty(), std::string("an error kind without a hint: ") + error_kind_name(e.kind));
        FUZZ_CHECK(!service_error_title(e).empty(), "an error with no title");
    }
}

// ---- check_log_events -------------------------------------------------------------------------

void check_log_events(std::string_view body) {
    const LogEventsPage p = read_log_events(body);
    if (!p.ok) {
        FUZZ_CHECK(!p.error.empty() && p.events.empty(), "a refused Logs answer without a sentence, or with events");
        return;
    }
    // Every event kept is one the body holds as a string. The reader repairs an invalid byte into
    // U+FFFD (3 bytes), so the messages are at most three times the body, never more.
    std::size_t total = 0;
    for (const LogEvent& e : p.events) total += e.message.size();
    FUZZ_CHECK(total <= 3 * body.size(), "events longer than the answer that carried them could hold");
    Json j;
    FUZZ_CHECK(read_json_object(body, kMaxInputBytes, j), "a Logs page read from something that is not an object");
}

// ---- check_logs_request -----------------------------------------------------------------------

void check_logs_request(std::string_view body) {
    for (const char* action : {"GetLogEvents", "FilterLogEvents"}) {
        const LogsRequestCheck c = ssmview::check_logs_request(action, body);
        if (!c.ok) {
            FUZZ_CHECK(!c.why.empty() && c.canonical_body.empty(), "a refusal without a reason, or with a body");
            for (char ch : c.why) FUZZ_CHECK(static_cast<unsigned char>(ch) >= 0x20, "a control character in a reason");
            continue;
        }
        const LogsRequestCheck again = ssmview::check_logs_request(action, c.canonical_body);
        FUZZ_CHECK(again.ok && again.canonical_body == c.canonical_body, "the canonical body does not pass its own rule");
        Json j;
        FUZZ_CHECK(read_json_object(c.canonical_body, kMaxInputBytes, j), "the canonical body is not an object");
        FUZZ_CHECK(j.contains("logGroupName") && log_group_name_ok(j["logGroupName"].get<std::string>()), "a group outside the rule");
        if (j.contains("logStreamName"))
            FUZZ_CHECK(log_stream_name_ok(j["logStreamName"].get<std::string>()), "a stream outside the layout");
        if (j.contains("logStreamNamePrefix"))
            FUZZ_CHECK(log_stream_prefix_ok(j["logStreamNamePrefix"].get<std::string>()), "a prefix outside the layout");
        for (const char* key : {"logGroupIdentifier", "filterPattern", "unmask"})
            FUZZ_CHECK(!j.contains(key), std::string("a member the rule refuses passed: ") + key);
    }
}

// ---- check_lists ------------------------------------------------------------------------------

void check_lists(std::string_view body) {
    std::vector<CommandSummary> commands;
    const ListRead a = read_list_commands(body, commands);
    FUZZ_CHECK(a.ok || (!a.error.empty() && commands.empty()), "a refused ListCommands page without a sentence");
    std::vector<InvocationSummary> invocations;
    const ListRead b = read_list_command_invocations(body, invocations);
    FUZZ_CHECK(b.ok || (!b.error.empty() && invocations.empty()), "a refused ListCommandInvocations page without a sentence");
}

// ---- check_fleet_follow -----------------------------------------------------------------------

void check_fleet_follow(std::string_view body, int status) {
    FleetFollow s;
    fleet_follow_start(s, "3f1c9a52-7d4e-4b8a-9c61-2e5f8d0b7a14", 0);
    std::int64_t now = 0;
    int answers = 0;
    for (std::size_t at = 0; at <= body.size() && s.end == FleetEnd::Running && answers < 8; ++answers) {
        const std::size_t cut = std::min(body.find("\n\x1e\n", at), body.size());
        const std::string_view answer = body.substr(at, cut - at);
        at = cut + 3;
        FUZZ_CHECK(s.next_ms >= now, "a request due before the last answer");
        now = s.next_ms;
        const FleetRequest req = fleet_follow_request(s);
        FUZZ_CHECK(std::string_view(req.action) == "ListCommands" || std::string_view(req.action) == "ListCommandInvocations",
                   "a request outside the two list actions");
        if (status == 200 || answers % 2 == 0) {
            fleet_follow_answer(s, answer, now + 100);
        } else {
            fleet_follow_error(s, read_service_error(status, "", "", answer, req.action, "ssm"), now + 100, 0.5);
        }
        if (s.end == FleetEnd::Running) FUZZ_CHECK(s.next_ms >= now + 100, "a next request sooner than the answer");
    }
    if (s.end == FleetEnd::Stopped)
        FUZZ_CHECK(!s.stop_reason.empty() || !s.stop_error.type.empty() || s.stop_error.http_status != 0,
                   "stopped without a reason");
    if (s.end == FleetEnd::Ended) FUZZ_CHECK(s.report.kind == ReportKind::Fleet, "ended without a fleet report");
}

}  // namespace

// ---- LLVMFuzzerTestOneInput -------------------------------------------------------------------

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::string_view body(reinterpret_cast<const char*>(data) + 2, size - 2);
    const int status = 200 + data[1] * 2;  // 200..710: every class a client meets, and beyond
    switch (data[0] % 5) {
        case 0: check_service_error(status, body); break;
        case 1: check_log_events(body); break;
        case 2: check_logs_request(body); break;
        case 3: check_lists(body); break;
        case 4: check_fleet_follow(body, status); break;
    }
    return 0;
}
