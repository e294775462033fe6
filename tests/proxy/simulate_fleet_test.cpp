// tests/proxy/simulate_fleet_test.cpp: the simulated fleets, paged as SSM pages them and read by the core.
//
// Index
//   helpers          a fresh simulator on a manual clock; every page of ListCommandInvocations
//                    (Details, MaxResults 50) joined as a person pastes them; analyze()
//   the 12 nodes     three distinct outputs, two failures, counters, Targets instead of InstanceIds
//   the 6 nodes      two steps each; one node fails its second step
//   the 2,000 nodes  40 pages of 50, every instance once; each outcome present; grouping exactly
//                    keeps tens of groups apart, grouping while ignoring digits leaves three
//   while running    mid-way, the list and the counters agree with each other
//   opened targets   each step built from the list (core/fleet_target.h) reads as the simulator's
//                    own GetCommandInvocation of it: two paths to one report, compared
//   followed         core/fleet_follow.h's rounds against the simulator, throttling on: the end is
//                    the pasted fleet, at the documented pace
//
// The oracle is the core's fleet reader, not the simulator: the pages go through analyze() like a
// paste, so the simulator's shapes, paging and counters are checked by the reader users rely on.
#include <catch2/catch.hpp>

#include <memory>
#include <set>

#include "fleet_follow.h"
#include "fleet_target.h"
#include "fleet_report.h"
#include "output_groups.h"
#include "report.h"
#include "service_error.h"
#include "simulate_walk.h"
#include "ssm_api.h"

using namespace ssmview::proxy;
using ssmview_test::ask;
using ssmview_test::kWalkStartMs;
using Json = ssmview::Json;

namespace {

const std::string kPatch = "6f1d2c84-3a5b-4e97-8c20-b7e4a9d1f356";
const std::string kBaseline = "b2f8c6a1-4d73-4e09-9a5c-e16d0f7b2c83";
const std::string kWeb = "d93a7e15-0c48-4b6f-a2e9-5f81c6b3d704";

struct Sim {
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kWalkStartMs);
    SimulatedUpstream            upstream{SimulateOptions{0, 1.0}, clock};
    void at(std::int64_t t_ms) { clock->set(kWalkStartMs + t_ms); }

    std::string body(const std::string& action, const std::string& request) {
        auto r = ask(upstream, action, request);
        INFO(r.body.substr(0, 400));
        REQUIRE(r.status == 200);
        return r.body;
    }
    // ListCommands for the command, then every page of its invocations: the text a person has
    // after running both CLI commands (the CLI pages for them; the pages joined by newlines).
    std::string pasted(const std::string& command_id, int* pages = nullptr) {
        std::string text = body("ListCommands", ssmview::list_commands_request(command_id, 50, "")) + "\n";
        std::string token;
        int n = 0;
        do {
            const std::string page =
                body("ListCommandInvocations", ssmview::list_command_invocations_request(command_id, "", true, 50, token));
            text += page + "\n";
            ++n;
            token = Json::parse(page).value("NextToken", "");
        } while (!token.empty());
        if (pages) *pages = n;
        return text;
    }
};

ssmview::Report read_fleet(const std::string& text) {
    ssmview::Report r = ssmview::analyze(text);
    INFO(ssmview::diagnostics_to_json(r.diagnostics).dump(1).substr(0, 2000));
    REQUIRE(r.kind == ssmview::ReportKind::Fleet);
    CHECK(r.valid());
    CHECK(r.count(ssmview::Severity::Warning) == 0);
    return r;
}

std::size_t count(const ssmview::FleetCounts& c, ssmview::Phase p) { return c.of(p); }

}  // namespace

// ---- the 12 nodes ---------------------------------------------------------------------------

TEST_CASE("the 12-node fleet ends with three distinct outputs and two failures") {
    Sim sim;
    sim.body("ListCommands", "{}");
    sim.at(45000);  // every fleet has ended (by 38 s); a run restarts only after 60 s idle
    ssmview::Report r = read_fleet(sim.pasted(kPatch));
    const ssmview::Fleet& f = r.fleet;
    REQUIRE(f.invocations.size() == 12);
    REQUIRE(f.commands.size() == 1);
    CHECK(f.commands[0].target_count.value == 12);
    CHECK(f.commands[0].completed_count.value == 12);
    CHECK(f.commands[0].error_count.value == 2);
    CHECK(f.commands[0].status.value == "Failed");
    CHECK(f.commands[0].instance_ids.empty());  // sent to a tag
    CHECK(f.commands[0].details["Targets"] == Json::parse(R"([{"Key":"tag:Role","Values":["batch"]}])"));

    ssmview::FleetCounts c = ssmview::fleet_counts(f);
    CHECK(count(c, ssmview::Phase::Success) == 10);
    CHECK(count(c, ssmview::Phase::Failed) == 2);
    CHECK(c.done == 12);
    CHECK(c.total == 12);

    auto groups = ssmview::group_outputs(f, ssmview::OutputStream::Stdout, ssmview::GroupMode::Exact);
    REQUIRE(groups.size() == 3);
    CHECK(groups[0].invocations.size() == 7);
    CHECK(groups[1].invocations.size() == 3);
    CHECK(groups[2].invocations.size() == 2);
    CHECK(groups[1].text.find("reboot required") != std::string::npos);
    CHECK(groups[2].text == "Refreshing repository metadata\n");
    auto errors = ssmview::group_outputs(f, ssmview::OutputStream::Stderr, ssmview::GroupMode::Exact);
    REQUIRE(errors.size() == 2);  // the 10 without stderr, and the 2 failures' one text
    CHECK(errors[1].text.find("failed to run commands: exit status 1") != std::string::npos);
}

// ---- the 6 nodes ----------------------------------------------------------------------------

TEST_CASE("the two-step fleet lists both steps of every node; the 4th node fails applyBaseline") {
    Sim sim;
    sim.body("ListCommands", "{}");
    sim.at(45000);  // every fleet has ended (by 38 s); a run restarts only after 60 s idle
    ssmview::Report r = read_fleet(sim.pasted(kBaseline));
    REQUIRE(r.fleet.invocations.size() == 6);
    int failed = 0;
    for (const auto& inv : r.fleet.invocations) {
        REQUIRE(inv.plugins.size() == 2);
        CHECK(inv.plugins[0].name.value == "checkAgent");
        CHECK(inv.plugins[1].name.value == "applyBaseline");
        CHECK(inv.plugins[0].state.phase == ssmview::Phase::Success);
        if (inv.status.value == "Failed") {
            ++failed;
            CHECK(inv.plugins[1].response_code.value == 3);
            CHECK(inv.plugins[1].stderr_text.find("tcp_tw_recycle") != std::string::npos);
        }
    }
    CHECK(failed == 1);
}

// ---- opened targets -------------------------------------------------------------------------

// What the page shows at once when a target is opened, and what GetCommandInvocation then answers,
// must tell the same story: state, code, times, and (below the list's 2,500 characters) the output.
TEST_CASE("every step opened from the list reads as the service's GetCommandInvocation of it") {
    Sim sim;
    sim.body("ListCommands", "{}");
    sim.at(45000);  // every fleet has ended (by 38 s); a run restarts only after 60 s idle
    int steps = 0;
    for (const std::string& command : {kPatch, kBaseline}) {
        const ssmview::Report fleet = read_fleet(sim.pasted(command));
        for (const ssmview::FleetInvocation& inv : fleet.fleet.invocations) {
            for (std::size_t k = 0; k < inv.plugins.size(); ++k) {
                const ssmview::FleetPlugin& p = inv.plugins[k];
                INFO(inv.instance_id.value << " " << p.name.value);
                const ssmview::Report opened = ssmview::analyze(ssmview::fleet_target_answer(inv, k));
                const ssmview::Report asked = ssmview::analyze(sim.body(
                    "GetCommandInvocation",
                    ssmview::get_command_invocation_request(command, inv.instance_id.value, p.name.value)));
                REQUIRE(opened.has_invocation);
                REQUIRE(asked.has_invocation);
                CHECK(opened.valid());
                CHECK(opened.state.phase == asked.state.phase);
                CHECK(opened.state.detail == asked.state.detail);
                CHECK(opened.state.status == asked.state.status);
                CHECK(opened.invocation.response_code.value == asked.invocation.response_code.value);
                CHECK(opened.invocation.plugin_name.value == asked.invocation.plugin_name.value);
                CHECK(opened.times.start.epoch_ms == asked.times.start.epoch_ms);
                CHECK(opened.times.end.epoch_ms == asked.times.end.epoch_ms);
                CHECK(opened.times.elapsed.ms == asked.times.elapsed.ms);
                CHECK(opened.invocation.standard_output_content.value == asked.invocation.standard_output_content.value);
                CHECK(opened.invocation.standard_error_content.value == asked.invocation.standard_error_content.value);
                ++steps;
            }
        }
    }
    CHECK(steps == 12 + 6 * 2);
}

// ---- the 2,000 nodes ------------------------------------------------------------------------

TEST_CASE("the 2,000-node fleet pages 50 at a time, every instance once, and groups by likeness") {
    Sim sim;
    sim.body("ListCommands", "{}");
    sim.at(45000);  // every fleet has ended (by 38 s); a run restarts only after 60 s idle
    int pages = 0;
    ssmview::Report r = read_fleet(sim.pasted(kWeb, &pages));
    CHECK(pages == 40);
    const ssmview::Fleet& f = r.fleet;
    REQUIRE(f.invocations.size() == 2000);
    std::set<std::string> ids;
    for (const auto& inv : f.invocations) ids.insert(inv.instance_id.value);
    CHECK(ids.size() == 2000);
    CHECK(f.commands[0].target_count.value == 2000);
    CHECK(f.commands[0].completed_count.value == 2000);
    CHECK(f.commands[0].max_concurrency.value == "250");

    ssmview::FleetCounts c = ssmview::fleet_counts(f);
    CHECK(c.terminal == 2000);
    std::size_t delivery = 0, undeliverable = 0, execution = 0;
    for (const auto& inv : f.invocations) {
        if (inv.status_details.value == "DeliveryTimedOut") ++delivery;
        if (inv.status_details.value == "Undeliverable") ++undeliverable;
        if (inv.status_details.value == "ExecutionTimedOut") ++execution;
    }
    // The README's numbers (Simulated SSM), which the made fleet must keep.
    CHECK(delivery == 33);
    CHECK(undeliverable == 8);
    CHECK(execution == 17);
    CHECK(static_cast<std::int64_t>(delivery) == f.commands[0].delivery_timed_out_count.value);
    CHECK(count(c, ssmview::Phase::Failed) == 76 + 8);
    CHECK(count(c, ssmview::Phase::Success) == 1866);
    CHECK(f.commands[0].error_count.value == 76 + 8 + 17);

    auto exact = ssmview::group_outputs(f, ssmview::OutputStream::Stdout, ssmview::GroupMode::Exact);
    auto similar = ssmview::group_outputs(f, ssmview::OutputStream::Stdout, ssmview::GroupMode::Similar);
    CHECK(exact.size() > 30);
    // Current release, previous release, curl failures ("web.service: active" alone), the
    // execution time-outs, and the undelivered ones (no output).
    CHECK(similar.size() == 5);
    CHECK(similar[0].variants > 30);
    CHECK(similar[0].text.find("release 2026.11.4\n") != std::string::npos);
}

// ---- while running --------------------------------------------------------------------------

TEST_CASE("mid-way through the 2,000-node fleet, the counters agree with the listed invocations") {
    Sim sim;
    sim.body("ListCommands", "{}");
    for (std::int64_t t : {1000, 3000, 12000, 24000, 36500}) {
        sim.at(t);
        INFO("t = " << t);
        ssmview::Report r = read_fleet(sim.pasted(kWeb));
        ssmview::FleetCounts c = ssmview::fleet_counts(r.fleet);
        CHECK(r.fleet.commands[0].completed_count.value == static_cast<std::int64_t>(c.terminal));
        CHECK(r.fleet.commands[0].status.value == (t < 3500 ? "Pending" : "InProgress"));
        if (t >= 3200) CHECK(r.fleet.invocations.size() == 2000);
        if (t < 2500) CHECK(r.fleet.invocations.empty());
    }
}

// ---- followed -------------------------------------------------------------------------------

TEST_CASE("following the 2,000-node fleet with the core's rounds, throttled every 10th request, ends at "
          "the same fleet a paste of the end reads, at no more than 4 requests a second") {
    auto clock = std::make_shared<ManualClock>(kWalkStartMs);
    SimulatedUpstream upstream{SimulateOptions{}, clock};  // the default: every 10th request throttled
    ssmview::FleetFollow s;
    ssmview::fleet_follow_start(s, kWeb, 0);
    std::vector<std::int64_t> sent;
    int throttled = 0;
    while (s.end == ssmview::FleetEnd::Running) {
        REQUIRE(sent.size() < 2000);
        clock->set(kWalkStartMs + s.next_ms);
        sent.push_back(s.next_ms);
        const ssmview::FleetRequest req = ssmview::fleet_follow_request(s);
        auto r = ask(upstream, req.action, req.body);
        const std::int64_t now = s.next_ms + 150;  // each answer takes 150 ms
        if (r.status == 200) {
            ssmview::fleet_follow_answer(s, r.body, now);
        } else {
            ssmview::ServiceError e = ssmview::read_service_error(r.status, "ThrottlingException", "", r.body, req.action, "ssm");
            REQUIRE(e.kind == ssmview::ErrorKind::Throttled);
            ++throttled;
            ssmview::fleet_follow_error(s, e, now, 0.5);
        }
    }
    REQUIRE(s.end == ssmview::FleetEnd::Ended);
    CHECK(throttled > 0);
    CHECK(s.report.fleet.invocations.size() == 2000);
    CHECK(ssmview::fleet_follow_summary(s.report) == "2,000 targets: 1,866 success, 84 failed, 50 timed out");
    // The pace: never 5 requests within one second.
    for (std::size_t i = 4; i < sent.size(); ++i) CHECK(sent[i] - sent[i - 4] >= 1000);

    // The same instant, pasted: the fleet is the same, instance for instance.
    Sim paste;
    paste.body("ListCommands", "{}");
    paste.at(45000);
    ssmview::Report pasted = read_fleet(paste.pasted(kWeb));
    REQUIRE(pasted.fleet.invocations.size() == s.report.fleet.invocations.size());
    for (std::size_t i = 0; i < pasted.fleet.invocations.size(); ++i) {
        CHECK(pasted.fleet.invocations[i].instance_id.value == s.report.fleet.invocations[i].instance_id.value);
        CHECK(pasted.fleet.invocations[i].status.value == s.report.fleet.invocations[i].status.value);
    }
}
