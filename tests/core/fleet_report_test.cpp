// tests/core/fleet_report_test.cpp: counts, progress, span and the fleet's JSON (inspect --json).
#include <catch2/catch.hpp>

#include "fleet_report.h"
#include "test_support.h"

using namespace ssmview;
using namespace ssmview_test;

TEST_CASE("progress counts terminal invocations when no command counters were pasted", "[fleet_report]") {
    const Report r = analyze(read_fixture("aws-cli/fleet-deploy.details.json"));
    const FleetCounts c = fleet_counts(r.fleet);
    CHECK_FALSE(c.from_counters);
    CHECK(c.done == 12);
    CHECK(c.total == 12);
}

TEST_CASE("counters pasted with the invocations give the progress, and a missing page shows as a mismatch", "[fleet_report]") {
    const std::string counters = read_fixture("aws-cli/fleet-deploy.list-commands.json");
    const std::string pages = read_fixture("pasted/fleet-deploy-pages.txt");
    const Report all = analyze(counters + "\n" + pages);
    CHECK(fleet_counts(all.fleet).from_counters);
    CHECK(all.fleet.invocations.size() == 12);
    CHECK_FALSE(has_code(all, "fleet.count_mismatch"));
    const Report two_of_three = analyze(counters + "\n" + pages.substr(0, pages.rfind("user@host:~$ aws")));
    CHECK(has_code(two_of_three, "fleet.more_pages"));
    CHECK_FALSE(has_code(two_of_three, "fleet.count_mismatch"));  // said once, by more_pages
}

TEST_CASE("the span runs from the first plugin start to the last end, and names the slowest target", "[fleet_report]") {
    const Report r = analyze(read_fixture("aws-cli/fleet-deploy.details.json"));
    const FleetSpan s = fleet_span(r.fleet);
    CHECK(format_iso8601_utc(s.requested.epoch_ms) == "2026-11-20T14:03:07.512Z");
    CHECK(format_iso8601_utc(s.first_start.epoch_ms) == "2026-11-20T14:03:08.412Z");
    CHECK(format_iso8601_utc(s.last_end.epoch_ms) == "2026-11-20T14:03:17.192Z");
    CHECK(r.fleet.invocations[s.slowest].instance_id.value == "i-000005a1e00000008");
    CHECK(s.slowest_ms == 8460);
}

TEST_CASE("inspect --json of a fleet: kind fleet, counts, per-instance rows, groups", "[fleet_report]") {
    const Report r = analyze(read_fixture("aws-cli/fleet-deploy.details.json"));
    const Json j = report_to_json(r);
    CHECK(j["kind"] == "fleet");
    CHECK(j["valid"] == true);
    CHECK(j["sources"] == Json::array({"list-command-invocations"}));
    CHECK(j["counts"] == Json::parse(R"({"success": 9, "failed": 2, "timed_out": 1})"));
    CHECK(j["progress"] == Json::parse(R"({"done": 12, "total": 12, "from": "invocations"})"));
    CHECK(j["command"].is_null());
    const Json& row = j["invocations"][9];
    CHECK(row["instanceId"] == "i-000005a1e00000009");
    CHECK(row["instanceName"] == "web-10");
    CHECK(row["phase"] == "failed");
    CHECK(row["terminal"] == true);
    CHECK(row["responseCode"] == 100);
    CHECK(row["durationMs"] == 6730);
    CHECK(row["plugins"][0]["stderr"] == "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4109 (apt-get)\n");
    CHECK(j["groups"].size() == 7 + 3);
    CHECK(j["groups"][0]["stream"] == "stdout");
    CHECK(j["groups"][0]["instances"].size() == 5);
    CHECK_FALSE(j["groups"][0].contains("variants"));
    const Json similar = fleet_to_json(r, GroupMode::Similar);
    CHECK(similar["groups"][1]["variants"] == 3);
}

TEST_CASE("inspect --json of one invocation now says kind invocation, and nothing else changed", "[fleet_report]") {
    const Json j = report_to_json(analyze(read_fixture("aws-cli/success.json")));
    CHECK(j.begin().key() == "kind");
    CHECK(j["kind"] == "invocation");
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"kind", "valid", "format", "invocation", "state", "times", "diagnostics"});
}
