// tests/proxy/simulate_upstream_test.cpp: the simulated Upstream: throttling pattern, headers, /healthz, threads.
//
// Index
//   throttling     requests 10, 20, 30, ... answer ThrottlingException and change nothing
//   headers        Content-Type, x-amzn-RequestId (UUID-shaped, per request), x-amzn-ErrorType
//   services       anything but SSM is refused in the awsJson shape
//   describe       what /healthz shows: simulated, the rule, every command
//   threads        concurrent requests are all answered and counted once
#include <catch2/catch.hpp>

#include <atomic>
#include <set>
#include <thread>

#include "ids.h"
#include "simulate_walk.h"
#include "ssm_api.h"

using namespace ssmview::proxy;
using ssmview_test::kWalkStartMs;

namespace {

std::string header(const ssmview::aws::HttpResponse& r, const char* name) {
    return std::string(ssmview::aws::header_value(r.headers, name));
}

}  // namespace

TEST_CASE("is_throttled: every Nth request, counting from 1; 0 turns it off") {
    CHECK(!is_throttled(1, 10));
    CHECK(!is_throttled(9, 10));
    CHECK(is_throttled(10, 10));
    CHECK(!is_throttled(11, 10));
    CHECK(is_throttled(20, 10));
    CHECK(is_throttled(3, 3));
    for (std::uint64_t n = 1; n < 100; ++n) CHECK(!is_throttled(n, 0));
    CHECK(kDefaultThrottleEvery == 10);
}

TEST_CASE("by default requests 10, 20, 30 answer ThrottlingException in SSM's shape, whatever they ask") {
    auto clock = std::make_shared<ManualClock>(kWalkStartMs);
    SimulatedUpstream up(SimulateOptions{}, clock);
    for (int n = 1; n <= 30; ++n) {
        auto r = ssmview_test::ask(up, n % 2 ? "ListCommands" : "ListCommandInvocations", "{}");
        INFO("request " << n);
        if (n % 10 == 0) {
            CHECK(r.status == 400);
            CHECK(header(r, "x-amzn-ErrorType") == "ThrottlingException");
            CHECK(r.body == R"({"__type":"ThrottlingException","message":"Rate exceeded"})");
        } else {
            CHECK(r.status == 200);
        }
    }
}

TEST_CASE("a throttled request starts no command") {
    auto clock = std::make_shared<ManualClock>(kWalkStartMs);
    SimulatedUpstream up(SimulateOptions{1, 1.0}, clock);  // every request throttled
    auto r = ssmview_test::ask(up, "ListCommands", "{}");
    CHECK(header(r, "x-amzn-ErrorType") == "ThrottlingException");
    const nlohmann::json described = up.describe();  // a named value: the loop reads into it
    for (const auto& c : described["commands"]) CHECK(c["run"] == 0);
}

TEST_CASE("answers carry the JSON 1.1 content type and a distinct UUID-shaped request id") {
    auto clock = std::make_shared<ManualClock>(kWalkStartMs);
    SimulatedUpstream up(SimulateOptions{0, 1.0}, clock);
    std::set<std::string> ids;
    for (int n = 0; n < 20; ++n) {
        auto r = ssmview_test::ask(up, "ListCommands", "{}");
        CHECK(header(r, "Content-Type") == ssmview::kSsmContentType);
        std::string id = header(r, "x-amzn-RequestId");
        CHECK(ssmview::command_id_ok(id));  // 36 characters, as AWS's request ids
        ids.insert(id);
        CHECK(header(r, "x-amzn-ErrorType").empty());
    }
    CHECK(ids.size() == 20);
}

TEST_CASE("each service is answered in its own shape: SSM and Logs in awsJson, S3 in XML") {
    auto clock = std::make_shared<ManualClock>(kWalkStartMs);
    SimulatedUpstream up(SimulateOptions{0, 1.0}, clock);
    auto logs = ssmview_test::ask_logs(up, "GetLogEvents",
                                       R"({"logGroupName":"/aws/ssm/nope","logStreamName":"c8b4e1f2-7a39-4d6e-b0c5-93f1a2d7e468/i-0c3e9a7f15b2d8064/x/stdout"})");
    CHECK(logs.status == 400);
    CHECK(header(logs, "Content-Type") == ssmview::kSsmContentType);
    CHECK(header(logs, "x-amzn-ErrorType") == "ResourceNotFoundException");
    auto s3 = ssmview_test::ask_s3(up, "GET", "ssmview-sim-output",
                                   "exports/c8b4e1f2-7a39-4d6e-b0c5-93f1a2d7e468/i-0c3e9a7f15b2d8064/a/stdout");
    CHECK(s3.status == 403);
    CHECK(header(s3, "Content-Type") == "application/xml");
    CHECK(s3.body.find("<Code>AccessDenied</Code>") != std::string::npos);
    CHECK(header(s3, "x-amzn-ErrorType").empty());
}

TEST_CASE("describe() tells /healthz it is simulated, the throttling rule, and every command to try") {
    SimulatedUpstream up;
    auto d = up.describe();
    CHECK(d["upstream"] == "simulated");
    CHECK(d["throttling"] == "requests 10, 20, 30, ... answer ThrottlingException");
    REQUIRE(d["commands"].size() == catalog().size());
    for (std::size_t i = 0; i < catalog().size(); ++i) {
        CHECK(d["commands"][i]["CommandId"] == catalog()[i].command_id);
        CHECK(d["commands"][i]["InstanceCount"] == catalog()[i].invocations.size());
        CHECK(d["commands"][i]["InstanceIds"].size() == std::min<std::size_t>(12, catalog()[i].invocations.size()));
        CHECK(d["commands"][i]["InstanceIds"][0] == catalog()[i].invocations[0].instance_id);
        CHECK(!d["commands"][i]["story"].get<std::string>().empty());
    }
    CHECK(d["commands"][5]["PluginNames"] == nlohmann::json::array({"installPackages", "verifyService"}));
    CHECK(d["commands"][0]["CloudWatchLogGroupName"] == "/ssmview/simulated/deploy");
    CHECK(d["commands"][0]["OutputS3"] == "s3://ssmview-sim-output/deploy/");
    CHECK(d["commands"][8]["CloudWatchLogGroupName"] == "/aws/ssm/AWS-RunShellScript");  // the default group
    CHECK(!d["commands"][1].contains("CloudWatchLogGroupName"));
    CHECK(!d["commands"][1].contains("OutputS3"));
    CHECK(SimulatedUpstream(SimulateOptions{0, 1.0}).describe()["throttling"] == "off");
}

TEST_CASE("concurrent requests are each answered, and the throttling count stays exact") {
    SimulatedUpstream up(SimulateOptions{10, 1.0});
    std::atomic<int> ok{0}, throttled{0}, other{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 50; ++i) {
                auto r = ssmview_test::ask(up, "ListCommandInvocations", R"({"Details":true})");
                if (r.status == 200)
                    ++ok;
                else if (header(r, "x-amzn-ErrorType") == "ThrottlingException")
                    ++throttled;
                else
                    ++other;
            }
        });
    for (auto& t : threads) t.join();
    CHECK(throttled == 20);
    CHECK(ok == 180);
    CHECK(other == 0);
}
