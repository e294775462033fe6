// tests/core/fleet_link_test.cpp: what a share link carries of a fleet, read back as a paste.
//
// Index
//   round trip       every fixture's fleet opens from its link as the same report (fleet_to_json)
//   budget           failures kept first, whole invocations, the JSON within the budget, what was
//                    left out counted per Status and said in the exact sentence
//   masking          outputs, comments and Parameters' names and values
//   the link member  read back, and refused when malformed
//   budgets          next_fleet_link_budget halves down to its floor
// The CLI's and the page's links are compared in tests/cli/fleet_link_test.py and the e2e test
// paste_fleet_shows_targets_and_groups.
#include <catch2/catch.hpp>

#include <algorithm>

#include "data_limits.h"
#include "fleet_link.h"
#include "fleet_report.h"
#include "test_support.h"

using namespace ssmview;
using namespace ssmview_test;

namespace {

RedactOptions no_masking() {
    RedactOptions o;
    o.access_key_ids = o.secret_tokens = false;
    return o;
}

// The report as `inspect --json` prints it, less what says where the text came from.
Json fleet_summary(const Report& r) {
    Json j = fleet_to_json(r, GroupMode::Exact);
    j.erase("format");
    j.erase("sources");
    j.erase("diagnostics");
    return j;
}

// A list-commands page for `n` targets and a list-command-invocations --details page of them:
// every seventh failed (exit 2, one stderr line), the others succeeded with one of three outputs.
std::string generated_fleet(int n, std::size_t output_chars = 40) {
    const std::string id = "5d0a8c2e-1b7f-4e39-9a64-0c3b2f8e7d11";
    std::string t = "{\"Commands\": [{\"CommandId\": \"" + id + "\", \"DocumentName\": \"AWS-RunShellScript\", "
                    "\"Status\": \"Failed\", \"StatusDetails\": \"Failed\", \"TargetCount\": " + std::to_string(n) +
                    ", \"CompletedCount\": " + std::to_string(n) + ", \"ErrorCount\": " + std::to_string((n + 6) / 7) +
                    ", \"DeliveryTimedOutCount\": 0}]}\n{\"CommandInvocations\": [";
    for (int i = 0; i < n; ++i) {
        char instance[32];
        std::snprintf(instance, sizeof instance, "i-%017x", i);
        const bool failed = i % 7 == 0;
        std::string out = "ok " + std::to_string(i % 3) + " ";
        out += std::string(output_chars, static_cast<char>('a' + i % 3));
        if (failed) out = "partial\\n\\n----------ERROR-------\\ndisk full on /dev/xvda" + std::to_string(i);
        if (i) t += ", ";
        t += "{\"CommandId\": \"" + id + "\", \"InstanceId\": \"" + instance + "\", \"Status\": \"" +
             (failed ? "Failed" : "Success") + "\", \"StatusDetails\": \"" + (failed ? "Failed" : "Success") +
             "\", \"CommandPlugins\": [{\"Name\": \"aws:runShellScript\", \"Status\": \"" + (failed ? "Failed" : "Success") +
             "\", \"StatusDetails\": \"" + (failed ? "Failed" : "Success") + "\", \"ResponseCode\": " + (failed ? "2" : "0") +
             ", \"Output\": \"" + out + "\"}]}";
    }
    return t + "]}\n";
}

}  // namespace

// ---- round trip -------------------------------------------------------------------------------

TEST_CASE("a fleet's link opens as the same report, for every fleet fixture", "[fleet_link]") {
    const char* const fixtures[] = {"aws-cli/fleet-deploy.details.json", "aws-cli/fleet-deploy.list-commands.json",
                                    "aws-cli/fleet-steps.details.json", "fleets/deploy.json", "fleets/steps.json"};
    for (const char* name : fixtures) {
        INFO(name);
        const Report before = analyze(read_fixture(name));
        REQUIRE(before.kind == ReportKind::Fleet);
        const FleetLinkDocument doc = fleet_link_document(before.fleet, no_masking(), kMaxLinkDecodedBytes);
        CHECK(doc.carried == before.fleet.invocations.size());
        CHECK_FALSE(doc.dropped.present);
        const Report after = analyze(doc.json);
        REQUIRE(after.kind == ReportKind::Fleet);
        CHECK(fleet_summary(after) == fleet_summary(before));
        CHECK(after.valid() == before.valid());
        CHECK_FALSE(has_code(after, "fleet.link_dropped"));
    }
}

TEST_CASE("a send-command answer stays one Command, and times keep their zone", "[fleet_link]") {
    const Report before = analyze(read_fixture("fleets/deploy.json"));
    REQUIRE(!before.fleet.sources.empty());
    const std::string json = fleet_link_document(before.fleet, no_masking(), kMaxLinkDecodedBytes).json;
    const Report after = analyze(json);
    CHECK(fleet_sources_text(after.fleet) == fleet_sources_text(before.fleet));
    for (std::size_t i = 0; i < before.fleet.invocations.size(); ++i) {
        const FleetInvocation& a = before.fleet.invocations[i];
        const FleetInvocation& b = after.fleet.invocations[i];
        CHECK(b.instance_id.value == a.instance_id.value);
        CHECK(b.requested.epoch_ms == a.requested.epoch_ms);
        CHECK(b.requested.offset_minutes == a.requested.offset_minutes);
    }
}

TEST_CASE("format_iso8601_cli writes what the AWS CLI prints and parse_timestamp reads it back", "[fleet_link]") {
    CHECK(format_iso8601_cli(1795183387512, -300) == "2026-11-20T09:03:07.512000-05:00");
    CHECK(format_iso8601_cli(1795183387512, 0) == "2026-11-20T14:03:07.512000+00:00");
    CHECK(format_iso8601_cli(1795183387512, 330) == "2026-11-20T19:33:07.512000+05:30");
    const Timestamp t = parse_timestamp(format_iso8601_cli(1795183387512, -300));
    CHECK(t.valid);
    CHECK(t.epoch_ms == 1795183387512);
    CHECK(t.offset_minutes == -300);
}

// ---- budget -----------------------------------------------------------------------------------

TEST_CASE("a link too small for the fleet keeps the failures first and counts the rest per Status", "[fleet_link]") {
    const Report before = analyze(generated_fleet(700, 300));
    REQUIRE(before.fleet.invocations.size() == 700);
    const std::size_t failed = before.fleet.invocations.size() / 7;  // 0, 7, ..., 693
    const std::size_t budget = 64 * 1024;
    const FleetLinkDocument doc = fleet_link_document(before.fleet, no_masking(), budget);
    CHECK(doc.json.size() <= budget);
    REQUIRE(doc.dropped.present);
    CHECK(doc.carried + static_cast<std::size_t>(doc.dropped.total) == 700);
    REQUIRE(doc.dropped.by_status.size() == 1);  // every failure fit: only successes were left out
    CHECK(doc.dropped.by_status[0].first == "Success");

    const Report after = analyze(doc.json);
    REQUIRE(after.fleet.invocations.size() == doc.carried);
    CHECK(fleet_counts(after.fleet).of(Phase::Failed) == failed);
    // The counters still speak for the whole fleet, and the missing invocations are not taken
    // for a lost page.
    CHECK(fleet_counts(after.fleet).total == 700);
    CHECK_FALSE(has_code(after, "fleet.count_mismatch"));
    CHECK(after.fleet.link_dropped.total == doc.dropped.total);
    const Diagnostic* d = first_with(after, "fleet.link_dropped");
    REQUIRE(d != nullptr);
    CHECK(d->severity == Severity::Warning);
    CHECK(d->message == "This link leaves out " + with_thousands(700 - doc.carried) + " of the fleet's 700 invocations to fit in a link (" +
                            with_thousands(700 - doc.carried) + " Success); those that did not succeed were kept first. The counts and "
                            "groups below are of the " + with_thousands(doc.carried) + " it carries.");
    CHECK(d->message == fleet_link_dropped_text(doc.dropped, doc.carried));
}

TEST_CASE("the successes a link keeps come whole groups first, each invocation whole", "[fleet_link]") {
    const Report before = analyze(generated_fleet(300, 200));
    const FleetLinkDocument doc = fleet_link_document(before.fleet, no_masking(), 48 * 1024);
    REQUIRE(doc.dropped.present);
    const Report after = analyze(doc.json);
    // Each output carried is one of the three the fleet printed, never a cut one.
    for (const FleetInvocation& inv : after.fleet.invocations) {
        REQUIRE(inv.plugins.size() == 1);
        if (inv.state.phase == Phase::Success) CHECK(inv.plugins[0].stdout_text.size() == 205);
    }
    // The successes' three outputs, in the order of their first target: the link carries all of
    // one before any of the next (a prefix of whole groups, then part of one).
    std::vector<std::string> outputs;
    std::vector<std::size_t> had, kept;
    auto tally = [&](const Fleet& f, std::vector<std::size_t>& n) {
        n.assign(outputs.size(), 0);
        for (const FleetInvocation& inv : f.invocations) {
            if (inv.state.phase != Phase::Success) continue;
            std::size_t g = 0;
            while (g < outputs.size() && outputs[g] != inv.plugins[0].output.value) ++g;
            REQUIRE(g < outputs.size());
            ++n[g];
        }
    };
    for (const FleetInvocation& inv : before.fleet.invocations)
        if (inv.state.phase == Phase::Success &&
            std::find(outputs.begin(), outputs.end(), inv.plugins[0].output.value) == outputs.end())
            outputs.push_back(inv.plugins[0].output.value);
    REQUIRE(outputs.size() == 3);
    tally(before.fleet, had);
    tally(after.fleet, kept);
    std::size_t g = 0;
    while (g < 3 && kept[g] == had[g]) ++g;
    REQUIRE(g < 3);  // something was left out
    for (std::size_t later = g + 1; later < 3; ++later) CHECK(kept[later] == 0);
}

TEST_CASE("a budget smaller than the commands' page carries the page and no invocation", "[fleet_link]") {
    const Report before = analyze(generated_fleet(20));
    const FleetLinkDocument doc = fleet_link_document(before.fleet, no_masking(), 10);
    CHECK(doc.carried == 0);
    CHECK(doc.dropped.total == 20);
    const Report after = analyze(doc.json);
    CHECK(after.fleet.commands.size() == 1);
    CHECK(after.fleet.invocations.empty());
    CHECK(has_code(after, "fleet.link_dropped"));
}

// ---- masking ----------------------------------------------------------------------------------

TEST_CASE("a fleet's link masks outputs, comments and Parameters' names and values", "[fleet_link]") {
    const std::string key = "AKIAIOSFODNN7EXAMPLE";
    const std::string text =
        "{\"Commands\": [{\"CommandId\": \"5d0a8c2e-1b7f-4e39-9a64-0c3b2f8e7d11\", \"Comment\": \"rotate " + key +
        "\", \"Parameters\": {\"commands\": [\"echo " + key + "\"], \"hunter2\": [\"x\"]}, \"Status\": \"Success\", "
        "\"StatusDetails\": \"Success\"}]}\n"
        "{\"CommandInvocations\": [{\"CommandId\": \"5d0a8c2e-1b7f-4e39-9a64-0c3b2f8e7d11\", \"InstanceId\": \"i-0123456789abcdef0\", "
        "\"Status\": \"Success\", \"StatusDetails\": \"Success\", \"CommandPlugins\": [{\"Name\": \"aws:runShellScript\", "
        "\"Status\": \"Success\", \"StatusDetails\": \"Success\", \"ResponseCode\": 0, \"Output\": \"key " + key + " pw hunter2\"}]}]}";
    const Report before = analyze(text);
    REQUIRE(before.fleet.invocations.size() == 1);
    RedactOptions masking;
    masking.strings.push_back("hunter2");
    const FleetLinkDocument doc = fleet_link_document(before.fleet, masking, kMaxLinkDecodedBytes);
    CHECK(doc.json.find(key) == std::string::npos);
    CHECK(doc.json.find("hunter2") == std::string::npos);
    CHECK(doc.replacements == 5);  // comment, parameter value, parameter name, output twice
    const Report after = analyze(doc.json);
    CHECK(after.fleet.invocations[0].plugins[0].stdout_text == "key [redacted] pw [redacted]");
    CHECK(after.fleet.commands[0].details["Parameters"].contains("[redacted]"));
}

// ---- the link member --------------------------------------------------------------------------

TEST_CASE("a malformed SsmviewLink member is reported and counts nothing", "[fleet_link]") {
    const std::string page = "{\"CommandInvocations\": [], \"SsmviewLink\": ";
    SECTION("not an object") {
        const Report r = analyze(page + "[1]}");
        CHECK(has_code(r, "model.wrong_type"));
        CHECK_FALSE(r.fleet.link_dropped.present);
    }
    SECTION("a negative count") {
        const Report r = analyze(page + "{\"DroppedInvocations\": {\"Success\": -4, \"Failed\": 2}}}");
        CHECK(has_code(r, "model.wrong_type"));
        CHECK(r.fleet.link_dropped.total == 2);
        REQUIRE(first_with(r, "fleet.link_dropped") != nullptr);
        CHECK(first_with(r, "fleet.link_dropped")->message.find("leaves out 2 of the fleet's 2 invocations") != std::string::npos);
    }
    SECTION("an unknown member") {
        const Report r = analyze(page + "{\"Version\": 2}}");
        CHECK(has_code(r, "model.unknown_member"));
        CHECK_FALSE(r.fleet.link_dropped.present);
    }
    SECTION("only in a page of invocations") {
        const Report r = analyze("{\"Commands\": [], \"SsmviewLink\": {\"DroppedInvocations\": {\"Success\": 3}}}");
        CHECK(has_code(r, "model.unknown_member"));
        CHECK_FALSE(r.fleet.link_dropped.present);
    }
}

// ---- budgets ----------------------------------------------------------------------------------

TEST_CASE("each next budget is half the JSON that did not fit, down to the floor", "[fleet_link]") {
    CHECK(next_fleet_link_budget(kMaxLinkDecodedBytes) == kMaxLinkDecodedBytes / 2);
    CHECK(next_fleet_link_budget(2 * kMinFleetLinkJsonBytes) == kMinFleetLinkJsonBytes);
    CHECK(next_fleet_link_budget(2 * kMinFleetLinkJsonBytes - 2) == 0);
    CHECK(next_fleet_link_budget(0) == 0);
}

TEST_CASE("records made once give, at every budget, the document made from scratch", "[fleet_link]") {
    std::string text = "{\"CommandInvocations\": [";
    for (int i = 0; i < 60; ++i) {
        const char* status = i % 4 == 0 ? "Failed" : "Success";
        text += std::string(i ? "," : "") + R"({"CommandId": "5d0a8c2e-1b7f-4e39-9a64-0c3b2f8e7d11", "InstanceId": "i-)" +
                std::to_string(10000000 + i) + R"(", "Status": ")" + status + R"(", "CommandPlugins": [{"Name": "s", "Status": ")" +
                status + R"(", "Output": ")" + std::string(3000, static_cast<char>('a' + i % 7)) + R"( AKIAIOSFODNN7EXAMPLE"}]})";
    }
    const Report r = analyze(text + "]}");
    REQUIRE(r.fleet.invocations.size() == 60);
    RedactOptions masking;  // access key ids and secret-looking tokens, the defaults
    const FleetLinkRecords records = fleet_link_records(r.fleet, masking);
    CHECK(records.replacements == 60);
    for (std::size_t budget : {std::size_t{1} << 20, std::size_t{100000}, std::size_t{30000}, std::size_t{10}}) {
        INFO(budget);
        const FleetLinkDocument once = fleet_link_document(r.fleet, records, budget);
        const FleetLinkDocument fresh = fleet_link_document(r.fleet, masking, budget);
        CHECK(once.json == fresh.json);
        CHECK(once.carried == fresh.carried);
        CHECK(once.dropped.total == fresh.dropped.total);
        CHECK(once.replacements == fresh.replacements);
    }
}
