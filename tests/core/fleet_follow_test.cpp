// tests/core/fleet_follow_test.cpp: following a whole command: the requests, their pace, and the end.
//
// The answers are made here, small and exact, so each rule of core/fleet_follow.h is pinned down
// on its own; tests/proxy/simulate_fleet_test.cpp and tests/cli/follow_fleet_test.py follow the
// simulator's fleets to their ends with the same code.
#include <catch2/catch.hpp>

#include <cstdio>

#include "fleet_follow.h"
#include "ssm_api.h"

using namespace ssmview;

namespace {

const std::string kCommand = "3f1c9a52-7d4e-4b8a-9c61-2e5f8d0b7a14";

std::string commands(const char* status, int target, int completed) {
    return R"({"Commands":[{"CommandId":")" + kCommand + R"(","Status":")" + status + R"(","StatusDetails":")" + status +
           R"(","TargetCount":)" + std::to_string(target) + R"(,"CompletedCount":)" + std::to_string(completed) +
           R"(,"ErrorCount":0,"DeliveryTimedOutCount":0}]})";
}

std::string instance(int i) {
    char id[32];
    std::snprintf(id, sizeof id, "i-%017x", i + 1);
    return id;
}

// Invocations [from, to) of the command, in `status`; a NextToken when `next` is not empty.
std::string page(int from, int to, const char* status, const std::string& next = "") {
    std::string out = R"({"CommandInvocations":[)";
    for (int i = from; i < to; ++i) {
        out += std::string(i > from ? "," : "") + R"({"CommandId":")" + kCommand + R"(","InstanceId":")" + instance(i) +
               R"(","Status":")" + status + R"(","StatusDetails":")" + status +
               R"(","CommandPlugins":[{"Name":"aws:runShellScript","Status":")" + status + R"(","StatusDetails":")" +
               status + R"(","ResponseCode":)" + (std::string(status) == "Success" ? "0" : "-1") + R"(,"Output":"ok\n"}]})";
    }
    out += "]";
    if (!next.empty()) out += R"(,"NextToken":")" + next + R"(")";
    return out + "}";
}

ServiceError error(ErrorKind kind, const char* type, bool retry) {
    ServiceError e;
    e.http_status = 400;
    e.kind = kind;
    e.type = type;
    e.retry = retry;
    return e;
}

}  // namespace

TEST_CASE("a round asks ListCommands, then every page with Details at MaxResults 50, 250 ms apart", "[fleet_follow]") {
    FleetFollow s;
    fleet_follow_start(s, kCommand, 1000);
    CHECK(fleet_follow_due(s, 1000));
    FleetRequest r = fleet_follow_request(s);
    CHECK(std::string(r.action) == "ListCommands");
    CHECK(r.body == list_commands_request(kCommand, 50, ""));
    CHECK_FALSE(fleet_follow_answer(s, commands("InProgress", 120, 0), 1100));
    CHECK(s.next_ms == 1100 + kFleetPageGapMs);
    CHECK_FALSE(fleet_follow_due(s, 1200));

    r = fleet_follow_request(s);
    CHECK(std::string(r.action) == "ListCommandInvocations");
    CHECK(r.body == list_command_invocations_request(kCommand, "", true, 50, ""));
    CHECK_FALSE(fleet_follow_answer(s, page(0, 50, "InProgress", "t2"), 1400));
    CHECK(fleet_follow_request(s).body == list_command_invocations_request(kCommand, "", true, 50, "t2"));
    CHECK_FALSE(fleet_follow_answer(s, page(50, 100, "InProgress", "t3"), 1700));
    CHECK(fleet_follow_answer(s, page(100, 120, "InProgress"), 2000));  // the last page: the round is whole
    CHECK(s.rounds == 1);
    CHECK(s.report.fleet.invocations.size() == 120);
    CHECK(s.end == FleetEnd::Running);
    CHECK(fleet_follow_summary(s.report) == "120 targets: 120 in progress");
}

TEST_CASE("rounds start at most every max(5 s, pages x 500 ms): 40 pages every 20 s", "[fleet_follow]") {
    FleetFollow s;
    fleet_follow_start(s, kCommand, 0);
    fleet_follow_answer(s, commands("InProgress", 2000, 0), 100);
    std::int64_t t = 100;
    for (int p = 0; p < 40; ++p) {
        t += kFleetPageGapMs;
        fleet_follow_answer(s, page(p * 50, p * 50 + 50, "InProgress", p < 39 ? "t" + std::to_string(p + 1) : ""), t);
    }
    CHECK(s.rounds == 1);
    CHECK(s.last_pages == 40);
    CHECK(s.next_ms == 20000);  // the round started at 0
    // A small fleet: the CLI waiter's 5 s.
    FleetFollow small;
    fleet_follow_start(small, kCommand, 0);
    fleet_follow_answer(small, commands("InProgress", 3, 0), 100);
    fleet_follow_answer(small, page(0, 3, "InProgress"), 400);
    CHECK(small.next_ms == kFollowIntervalMs);
}

TEST_CASE("unchanged counters skip the pages; moved counters, or 30 s, read them again", "[fleet_follow]") {
    FleetFollow s;
    fleet_follow_start(s, kCommand, 0);
    fleet_follow_answer(s, commands("InProgress", 3, 1), 0);
    fleet_follow_answer(s, page(0, 3, "InProgress"), 250);
    REQUIRE(s.rounds == 1);
    // Same counters 5 s later: the round is the one ListCommands request.
    CHECK(fleet_follow_answer(s, commands("InProgress", 3, 1), 5000));
    CHECK(s.rounds == 2);
    CHECK(s.report.fleet.invocations.size() == 3);  // the last pages, read again by analyze()
    CHECK(std::string(fleet_follow_request(s).action) == "ListCommands");
    // The counters moved: the pages are read.
    CHECK_FALSE(fleet_follow_answer(s, commands("InProgress", 3, 2), 10000));
    CHECK(std::string(fleet_follow_request(s).action) == "ListCommandInvocations");
    fleet_follow_answer(s, page(0, 3, "InProgress"), 10250);
    // Unchanged but 30 s after the last read: read again (Pending -> InProgress moves no counter).
    CHECK(fleet_follow_answer(s, commands("InProgress", 3, 2), 20000));
    CHECK_FALSE(fleet_follow_answer(s, commands("InProgress", 3, 2), 10250 + kFleetRereadMs));
    CHECK(std::string(fleet_follow_request(s).action) == "ListCommandInvocations");
}

TEST_CASE("a throttled page is asked again after a back-off, the pages read so far kept", "[fleet_follow]") {
    FleetFollow s;
    fleet_follow_start(s, kCommand, 0);
    fleet_follow_answer(s, commands("InProgress", 100, 0), 0);
    fleet_follow_answer(s, page(0, 50, "InProgress", "t2"), 250);
    fleet_follow_error(s, error(ErrorKind::Throttled, "ThrottlingException", true), 500, 0.0);
    CHECK(s.end == FleetEnd::Running);
    CHECK(s.next_ms == 500 + follow_backoff_ms(1) / 2);  // equal jitter, jitter 0
    CHECK(fleet_follow_request(s).body == list_command_invocations_request(kCommand, "", true, 50, "t2"));
    fleet_follow_error(s, error(ErrorKind::Throttled, "ThrottlingException", true), 3000, 0.999);
    CHECK(s.next_ms > 3000 + follow_backoff_ms(2) / 2);
    CHECK(fleet_follow_answer(s, page(50, 100, "InProgress"), 9000));
    CHECK(s.report.fleet.invocations.size() == 100);
    // A throttled round leaves at least the waiter's 5 s before the next.
    CHECK(s.next_ms == 9000 + kFollowIntervalMs);
}

TEST_CASE("an expired NextToken starts the pages over", "[fleet_follow]") {
    FleetFollow s;
    fleet_follow_start(s, kCommand, 0);
    fleet_follow_answer(s, commands("InProgress", 100, 0), 0);
    fleet_follow_answer(s, page(0, 50, "InProgress", "t2"), 250);
    fleet_follow_error(s, error(ErrorKind::InvalidRequest, "InvalidNextToken", false), 500, 0.5);
    CHECK(s.end == FleetEnd::Running);
    CHECK(s.pages == 0);
    CHECK(fleet_follow_request(s).body == list_command_invocations_request(kCommand, "", true, 50, ""));
}

TEST_CASE("it ends when the command and every listed invocation are terminal, and all are listed", "[fleet_follow]") {
    FleetFollow s;
    fleet_follow_start(s, kCommand, 0);
    // The counters say Success but a page still shows one InProgress: not the end.
    fleet_follow_answer(s, commands("Success", 2, 2), 0);
    fleet_follow_answer(s, page(0, 1, "Success") , 250);
    CHECK(s.end == FleetEnd::Running);  // 1 of 2 listed
    fleet_follow_answer(s, commands("Success", 2, 2), 10000);
    fleet_follow_answer(s, page(0, 2, "Success"), 10250);
    CHECK(s.end == FleetEnd::Ended);
    CHECK(fleet_follow_summary(s.report) == "2 targets: 2 success");
}

TEST_CASE("a command ListCommands does not list, an error that asking again cannot fix, a looping token: it stops", "[fleet_follow]") {
    FleetFollow missing;
    fleet_follow_start(missing, kCommand, 0);
    fleet_follow_answer(missing, R"({"Commands":[]})", 0);
    CHECK(missing.end == FleetEnd::Stopped);
    CHECK(missing.stop_reason == "ListCommands lists no command " + kCommand +
                                     " here: check the CommandId and the region (SSM lists commands for 30 days)");

    FleetFollow denied;
    fleet_follow_start(denied, kCommand, 0);
    fleet_follow_error(denied, error(ErrorKind::AccessDenied, "AccessDeniedException", false), 0, 0.5);
    CHECK(denied.end == FleetEnd::Stopped);
    CHECK(denied.stop_error.type == "AccessDeniedException");

    FleetFollow loop;
    fleet_follow_start(loop, kCommand, 0);
    fleet_follow_answer(loop, commands("InProgress", 100, 0), 0);
    fleet_follow_answer(loop, page(0, 50, "InProgress", "same"), 250);
    fleet_follow_answer(loop, page(0, 50, "InProgress", "same"), 500);
    CHECK(loop.end == FleetEnd::Stopped);
    CHECK(loop.stop_reason == "ListCommandInvocations kept answering NextToken after 2 pages; stopped rather than loop");

    FleetFollow garbage;
    fleet_follow_start(garbage, kCommand, 0);
    fleet_follow_answer(garbage, "<html>", 0);
    CHECK(garbage.stop_reason == "ListCommands answered something that is not a list of commands");
}

// Found by fuzz_aws_answer (check_fleet_follow): each answer alone is a readable page, but text
// after a page's object (here a NUL byte, which read_json_object does not look at) makes the
// round's joined text binary, and analyze() reads no command from it. It once hit an assertion.
TEST_CASE("pages that cannot be read together stop the follow with the reason, not an assertion", "[fleet_follow]") {
    FleetFollow s;
    fleet_follow_start(s, kCommand, 0);
    fleet_follow_answer(s, commands("InProgress", 1, 0), 0);
    CHECK_FALSE(fleet_follow_answer(s, page(0, 1, "InProgress") + std::string(1, '\0'), 250));
    CHECK(s.end == FleetEnd::Stopped);
    CHECK(s.stop_reason.rfind("the answers of this round could not be read together", 0) == 0);
}

TEST_CASE("a round that changed nothing is not read again: the last report stands", "[fleet_follow]") {
    FleetFollow s;
    fleet_follow_start(s, kCommand, 0);
    fleet_follow_answer(s, commands("InProgress", 3, 1), 0);
    fleet_follow_answer(s, page(0, 3, "InProgress"), 250);
    CHECK(s.changed);
    CHECK(fleet_follow_answer(s, commands("InProgress", 3, 1), 5000));  // same counters: pages skipped
    CHECK_FALSE(s.changed);
    CHECK(s.rounds == 2);
    CHECK(s.report.fleet.invocations.size() == 3);
    // Read again 30 s later, the same pages: still unchanged.
    fleet_follow_answer(s, commands("InProgress", 3, 1), 40000);
    fleet_follow_answer(s, page(0, 3, "InProgress"), 40250);
    CHECK_FALSE(s.changed);
    // One invocation moved: changed.
    fleet_follow_answer(s, commands("InProgress", 3, 2), 60000);
    fleet_follow_answer(s, page(0, 3, "Success"), 60250);
    CHECK(s.changed);
    CHECK(fleet_follow_summary(s.report) == "3 targets: 3 success");
}
