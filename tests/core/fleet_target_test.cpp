// tests/core/fleet_target_test.cpp: one target of a pasted fleet as a GetCommandInvocation answer.
//
// Index
//   the answer       read by analyze() as a pasted get-command-invocation: valid, the step's state
//   which step       the first that did not succeed, else the first
//   cut outputs      the list's 2,500-character cut reads as the agent's truncation
//   no --details     no output member at all (not an empty one), and the note says why
//   note and name    exact sentences (the page shows them)
// The simulator's own GetCommandInvocation is compared with these answers step by step in
// tests/proxy/simulate_fleet_test.cpp.
#include <catch2/catch.hpp>

#include "fleet_target.h"
#include "test_support.h"

using namespace ssmview;
using namespace ssmview_test;

TEST_CASE("every target of a pasted list opens as a valid invocation in its step's state", "[fleet_target]") {
    const Report fleet = analyze(read_fixture("aws-cli/fleet-deploy.details.json"));
    REQUIRE(fleet.fleet.invocations.size() == 12);
    for (const FleetInvocation& inv : fleet.fleet.invocations) {
        INFO(inv.instance_id.value);
        const std::size_t step = fleet_target_step(inv);
        const Report r = analyze(fleet_target_answer(inv, step));
        REQUIRE(r.has_invocation);
        CHECK(r.kind == ReportKind::Invocation);
        CHECK(r.valid());
        CHECK(r.state.phase == inv.plugins[step].state.phase);
        CHECK(r.state.detail == inv.plugins[step].state.detail);
        CHECK(r.invocation.instance_id.value == inv.instance_id.value);
        CHECK(r.invocation.command_id.value == inv.command_id.value);
        CHECK(r.invocation.standard_output_content.value == inv.plugins[step].stdout_text);
        CHECK(r.invocation.standard_error_content.value == inv.plugins[step].stderr_text);
        CHECK(r.times.start.epoch_ms == inv.plugins[step].start.epoch_ms);
    }
}

TEST_CASE("a failed target keeps its code, stderr and times", "[fleet_target]") {
    const Report fleet = analyze(read_fixture("aws-cli/fleet-deploy.details.json"));
    const FleetInvocation& inv = fleet.fleet.invocations[9];
    const Report r = analyze(fleet_target_answer(inv, 0));
    CHECK(r.state.phase == Phase::Failed);
    CHECK(r.invocation.response_code.value == 100);
    CHECK_FALSE(r.invocation.standard_error_content.value.empty());
    CHECK(r.times.elapsed.valid);
    CHECK(r.times.elapsed.ms == r.times.end.epoch_ms - r.times.start.epoch_ms);
}

TEST_CASE("a target opens at its first step that did not succeed, else at its first", "[fleet_target]") {
    const Report steps = analyze(read_fixture("aws-cli/fleet-steps.details.json"));
    for (const FleetInvocation& inv : steps.fleet.invocations) {
        const std::size_t k = fleet_target_step(inv);
        if (inv.state.phase == Phase::Success) CHECK(k == 0);
        for (std::size_t i = 0; i < k; ++i) CHECK(inv.plugins[i].state.phase == Phase::Success);
        const Report r = analyze(fleet_target_answer(inv, k));
        CHECK(r.invocation.plugin_name.value == inv.plugins[k].name.value);
    }
}

TEST_CASE("an Output the list cut at 2,500 characters reads as cut by the agent", "[fleet_target]") {
    const Report fleet = analyze(read_fixture("aws-cli/fleet-deploy.details.json"));
    const FleetInvocation& inv = fleet.fleet.invocations[8];
    REQUIRE(inv.plugins[0].stdout_cut);
    const Report r = analyze(fleet_target_answer(inv, 0));
    CHECK(has_code(r, "output.truncated"));
    CHECK(fleet_target_note(inv, 0) ==
          "As list-command-invocations --details gave it: the step's Output holds at most 2,500 characters of stdout "
          "and stderr together. GetCommandInvocation returns up to 24,000 and 8,000.");
}

TEST_CASE("without --details a target has no output members, and the note says the list carried none", "[fleet_target]") {
    const Report fleet = analyze(read_fixture("aws-cli/fleet-deploy.no-details.json"));
    REQUIRE_FALSE(fleet.fleet.invocations.empty());
    const FleetInvocation& inv = fleet.fleet.invocations[0];
    const std::string answer = fleet_target_answer(inv, fleet_target_step(inv));
    CHECK(answer.find("StandardOutputContent") == std::string::npos);
    const Report r = analyze(answer);
    CHECK(r.state.phase == inv.state.phase);
    CHECK(fleet_target_note(inv, 0) ==
          "As list-command-invocations gave it: without --details the list carries no output. Fetch the invocation "
          "(GetCommandInvocation) to read it.");
    CHECK(fleet_target_name(inv, 0) == inv.instance_id.value);
}

TEST_CASE("a step split at the agent's ERROR line says so, and the name carries the step", "[fleet_target]") {
    const Report fleet = analyze(read_fixture("aws-cli/fleet-deploy.details.json"));
    const FleetInvocation& inv = fleet.fleet.invocations[9];
    REQUIRE(inv.plugins[0].split);
    CHECK(fleet_target_note(inv, 0) ==
          "As list-command-invocations --details gave it: the step's Output holds at most 2,500 characters of stdout "
          "and stderr together, split back at the agent's ERROR line. GetCommandInvocation returns up to 24,000 and "
          "8,000.");
    CHECK(fleet_target_name(inv, 0) == "i-000005a1e00000009 \xC2\xB7 aws:runShellScript");
}
