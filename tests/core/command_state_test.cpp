// tests/core/command_state_test.cpp: a command's Status vocabulary and its counters.
#include <catch2/catch.hpp>

#include "command_state.h"

using namespace ssmview;

namespace {
FleetCommand with(const char* status, const char* details) {
    FleetCommand c;
    if (status) c.status = {true, status, 0};
    if (details) c.status_details = {true, details, 0};
    return c;
}
Field<std::int64_t> n(std::int64_t v) { return {true, v, 0}; }
}  // namespace

TEST_CASE("every CommandStatus of the model has its phase, and Cancelling is not terminal", "[command_state]") {
    CHECK(classify_command(with("Pending", nullptr)).phase == Phase::Pending);
    CHECK(classify_command(with("InProgress", nullptr)).phase == Phase::InProgress);
    CHECK(classify_command(with("Success", nullptr)).phase == Phase::Success);
    CHECK(classify_command(with("Cancelled", nullptr)).phase == Phase::Cancelled);
    CHECK(classify_command(with("Failed", nullptr)).phase == Phase::Failed);
    CHECK(classify_command(with("TimedOut", nullptr)).phase == Phase::TimedOut);
    const CommandState cancelling = classify_command(with("Cancelling", nullptr));
    CHECK(cancelling.phase == Phase::Cancelling);
    CHECK_FALSE(cancelling.terminal);
    CHECK(command_status_vocabulary() == "Pending, InProgress, Success, Cancelled, Failed, TimedOut, Cancelling");
}

TEST_CASE("Delayed is an invocation's status, not a command's", "[command_state]") {
    CHECK(classify_command(with("Delayed", nullptr)).phase == Phase::Unknown);
    CHECK_FALSE(command_status_is_canonical("Delayed"));
}

TEST_CASE("the command-only details are known, terminal, and explain the state", "[command_state]") {
    for (const char* d : {"Incomplete", "Rate Exceeded", "Access Denied", "No Instances In Tag"}) {
        INFO(d);
        CHECK(command_details_known(d));
        const CommandState st = classify_command(with(nullptr, d));  // no Status: the details stand in
        CHECK(st.terminal);
    }
    CHECK(classify_command(with("Failed", "No Instances In Tag")).explanation ==
          "The command's tag targets matched no managed node; nothing ran. This is a terminal state.");
    CHECK(command_details_known("NoInstancesInTag"));  // the service's spelling, tolerantly
}

TEST_CASE("details that do not fit the status are a contradiction; Incomplete fits Success and Failed", "[command_state]") {
    CHECK_FALSE(command_status_and_details_agree(Phase::InProgress, "Success"));
    CHECK(command_status_and_details_agree(Phase::Success, "Incomplete"));
    CHECK(command_status_and_details_agree(Phase::Failed, "Incomplete"));
    CHECK(command_status_and_details_agree(Phase::Cancelling, "In Progress"));
}

TEST_CASE("counters: completed <= target and errors + delivery time-outs <= completed", "[command_state]") {
    FleetCommand c;
    c.target_count = n(12);
    c.completed_count = n(12);
    c.error_count = n(2);
    c.delivery_timed_out_count = n(1);
    CHECK(check_counters(c).empty());
    c.completed_count = n(13);
    CHECK(check_counters(c) == "CompletedCount 13 is more than TargetCount 12.");
    c.completed_count = n(2);
    CHECK(check_counters(c) ==
          "ErrorCount 2 plus DeliveryTimedOutCount 1 is more than CompletedCount 2 (both count targets in a terminal state).");
    c.completed_count = n(3);
    CHECK(check_counters(c).empty());
}

TEST_CASE("a negative counter is reported before any relation", "[command_state]") {
    FleetCommand c;
    c.target_count = n(-1);
    c.completed_count = n(0);
    CHECK(check_counters(c) == "A counter is negative (-1).");
}
