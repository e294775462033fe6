// tests/core/follow_test.cpp: the polling cadence shared by the page and `ssmview follow`.
#include <catch2/catch.hpp>

#include "follow.h"
#include "test_support.h"

using namespace ssmview;

TEST_CASE("a running invocation is polled every 5 seconds, with no cap", "[follow]") {
    FollowState s;
    follow_start(s, 1000);
    CHECK(follow_due(s, 1000));
    std::int64_t now = 1000;
    for (int i = 0; i < 100; ++i) {  // 500 s: far past the CLI waiter's 100-second cap
        REQUIRE(follow_due(s, now));
        follow_record(s, PollOutcome::Running, now, 0.5);
        CHECK(s.next_poll_ms == now + 5000);
        CHECK_FALSE(follow_due(s, now + 4999));
        now += 5000;
    }
    CHECK_FALSE(s.done);
    CHECK(s.polls == 100);
}

TEST_CASE("InvocationDoesNotExist means not yet: the normal cadence", "[follow]") {
    FollowState s;
    follow_start(s, 0);
    const ServiceError e = read_service_error(400, "InvocationDoesNotExist", "", "", "GetCommandInvocation", "ssm");
    follow_record(s, poll_outcome(e), 0, 0.9);
    CHECK(s.next_poll_ms == 5000);
    CHECK_FALSE(s.done);
}

TEST_CASE("throttling backs off 5, 10, 20, 40, 60, 60 seconds with equal jitter", "[follow]") {
    CHECK(follow_backoff_ms(1) == 5000);
    CHECK(follow_backoff_ms(2) == 10000);
    CHECK(follow_backoff_ms(3) == 20000);
    CHECK(follow_backoff_ms(4) == 40000);
    CHECK(follow_backoff_ms(5) == 60000);
    CHECK(follow_backoff_ms(50) == 60000);
    FollowState s;
    follow_start(s, 0);
    follow_record(s, PollOutcome::BackOff, 0, 0.0);
    CHECK(s.next_poll_ms == 2500);  // half fixed, half jitter
    follow_record(s, PollOutcome::BackOff, 0, 0.999);
    CHECK(s.next_poll_ms >= 9990);
    CHECK(s.next_poll_ms < 10000);
    follow_record(s, PollOutcome::Running, 0, 0.0);  // an answer resets the streak
    CHECK(s.backoff_streak == 0);
    CHECK(s.next_poll_ms == 5000);
}

TEST_CASE("a terminal state or an error retrying cannot fix ends following", "[follow]") {
    FollowState s;
    follow_start(s, 0);
    follow_record(s, PollOutcome::Terminal, 0, 0.0);
    CHECK(s.done);
    CHECK_FALSE(follow_due(s, 1000000));
    CHECK(follow_seconds_left(s, 0) == 0);
    const ServiceError denied = read_service_error(400, "AccessDeniedException", "", "", "GetCommandInvocation", "ssm");
    CHECK(poll_outcome(denied) == PollOutcome::Stop);
    const ServiceError gone = unreachable_error("connection refused", "http://127.0.0.1:8787");
    CHECK(poll_outcome(gone) == PollOutcome::BackOff);
}

TEST_CASE("Cancelling is followed to its end, unlike the CLI waiter", "[follow]") {
    const Report r = analyze(ssmview_test::read_fixture("aws-cli/cancelling.json"));
    REQUIRE(r.state.phase == Phase::Cancelling);
    CHECK(r.state.waiter == Waiter::Failure);  // the waiter would give up here
    CHECK(poll_outcome(r) == PollOutcome::Running);
    CHECK(poll_outcome(analyze(ssmview_test::read_fixture("aws-cli/success.json"))) == PollOutcome::Terminal);
    CHECK(poll_outcome(analyze(ssmview_test::read_fixture("aws-cli/in_progress.json"))) == PollOutcome::Running);
    CHECK(poll_outcome(analyze("{not json")) == PollOutcome::BackOff);
}

TEST_CASE("pause holds polls; resume polls at once; the countdown rounds up", "[follow]") {
    FollowState s;
    follow_start(s, 0);
    follow_record(s, PollOutcome::Running, 0, 0.0);
    CHECK(follow_seconds_left(s, 0) == 5);
    CHECK(follow_seconds_left(s, 1) == 5);
    CHECK(follow_seconds_left(s, 1000) == 4);
    CHECK(follow_seconds_left(s, 4001) == 1);
    follow_pause(s);
    CHECK_FALSE(follow_due(s, 6000));
    CHECK(follow_seconds_left(s, 1000) == 0);
    follow_resume(s, 7000);
    CHECK(follow_due(s, 7000));
}
