// tests/proxy/simulate_runs_test.cpp: when simulated commands start, restart, and how fast they play.
//
// Index
//   first mention       a command starts when first named or listed, not when the proxy starts
//   restart             an ended run idle for kRestartAfterIdleMs starts over; polling keeps it
//   speed               speed 2 plays the timeline twice as fast, with wall-clock times that agree
#include <catch2/catch.hpp>

#include <memory>

#include "iso_time.h"
#include "simulate_runs.h"
#include "simulate_walk.h"

using namespace ssmview::proxy;
using ssmview_test::kWalkStartMs;
using Json = nlohmann::ordered_json;

namespace {

const std::string kDeploy = "7c1e2b9a-4f3d-4e8a-9b61-2d5f0c3a8e17";
const std::string kDeployNode = "i-0a3f5c9e71b2d4086";

Json get(SimulatedUpstream& up, const std::string& command, const std::string& instance) {
    auto r = ssmview_test::ask(up, "GetCommandInvocation", ssmview_test::get_body(command, instance));
    return r.status == 200 ? Json::parse(r.body) : Json{{"error", Json::parse(r.body)["__type"]}};
}

}  // namespace

TEST_CASE("a command starts when it is first mentioned, however long the proxy has been running") {
    auto clock = std::make_shared<ManualClock>(kWalkStartMs);
    SimulatedUpstream up(SimulateOptions{0, 1.0}, clock);
    clock->advance(3600000);  // an hour after the proxy started, a newcomer asks
    CHECK(get(up, kDeploy, kDeployNode)["error"] == "InvocationDoesNotExist");
    clock->advance(5000);
    CHECK(get(up, kDeploy, kDeployNode)["Status"] == "Pending");
    clock->advance(10000);
    CHECK(get(up, kDeploy, kDeployNode)["Status"] == "InProgress");
}

TEST_CASE("Runs::mention starts, keeps, and restarts a run after it ended and sat idle") {
    Runs runs;
    const SimCommand& deploy = *find_command(kDeploy);
    std::int64_t t0 = kWalkStartMs;
    const Run& run = runs.mention(deploy, t0);
    CHECK(run.number == 1);
    CHECK(run.requested_ms == t0);
    std::int64_t end = t0 + command_ends_at(deploy);

    // Polled every 5 s until well after the end: the same run, its ending kept.
    for (std::int64_t now = t0; now < end + 300000; now += 5000) CHECK(runs.mention(deploy, now).number == 1);

    // Quiet for a minute after the last poll: the next mention starts run 2 from the beginning.
    std::int64_t quiet = end + 300000 - 5000 + kRestartAfterIdleMs;
    CHECK(runs.mention(deploy, quiet - 1).number == 1);
    CHECK(runs.mention(deploy, quiet - 1 + kRestartAfterIdleMs).number == 2);
    CHECK(run.requested_ms == quiet - 1 + kRestartAfterIdleMs);
}

TEST_CASE("a run that has not ended never restarts, however long it sat idle") {
    Runs runs;
    const SimCommand& deploy = *find_command(kDeploy);
    runs.mention(deploy, kWalkStartMs);
    CHECK(runs.mention(deploy, kWalkStartMs + command_ends_at(deploy) - 1).number == 1);
    // Ended now, but it was mentioned a moment ago: no restart.
    CHECK(runs.mention(deploy, kWalkStartMs + command_ends_at(deploy) + 10).number == 1);
}

TEST_CASE("after a restart a newcomer sees the command move again from InvocationDoesNotExist") {
    auto clock = std::make_shared<ManualClock>(kWalkStartMs);
    SimulatedUpstream up(SimulateOptions{0, 1.0}, clock);
    get(up, kDeploy, kDeployNode);
    clock->advance(50000);  // ended at 38.3 s; asked again before a minute passed: the same run
    CHECK(get(up, kDeploy, kDeployNode)["Status"] == "Success");
    clock->advance(kRestartAfterIdleMs);
    CHECK(get(up, kDeploy, kDeployNode)["error"] == "InvocationDoesNotExist");
    clock->advance(5000);
    Json j = get(up, kDeploy, kDeployNode);
    CHECK(j["Status"] == "Pending");
    CHECK(up.describe()["commands"][0]["run"] == 2);
}

TEST_CASE("speed 2 plays a command twice as fast and reports wall-clock times that agree") {
    auto clock = std::make_shared<ManualClock>(kWalkStartMs);
    SimulatedUpstream up(SimulateOptions{0, 2.0}, clock);
    get(up, kDeploy, kDeployNode);
    const Step& step = find_command(kDeploy)->invocations[0].steps[0];
    clock->set(kWalkStartMs + step.end_ms / 2 - 1);
    CHECK(get(up, kDeploy, kDeployNode)["Status"] == "InProgress");
    clock->set(kWalkStartMs + step.end_ms / 2 + 1);
    Json j = get(up, kDeploy, kDeployNode);
    CHECK(j["Status"] == "Success");
    CHECK(ssmview::parse_timestamp(j["ExecutionStartDateTime"].get<std::string>()).epoch_ms ==
          kWalkStartMs + step.start_ms / 2);
    CHECK(ssmview::parse_duration(j["ExecutionElapsedTime"].get<std::string>()).ms ==
          (step.end_ms - step.start_ms) / 2);
}
