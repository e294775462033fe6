// tests/view/target_open_test.cpp: a fleet's target opened as its own report, and Back
// (view/target_open.cpp, the targets table's rows and the target bar in view/fleet_panel.cpp),
// driven headless as a person clicks.
//
// Index
//   pasted     a row opens the target at once from the list; Back returns to the same table
//              (sort and filter kept, no new analysis); steps switch; a new paste forgets Back;
//              a target the fleet does not list opens nothing
//   followed   a target of a fleet followed through the proxy asks GetCommandInvocation and shows
//              its answer; Back follows the fleet again
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "fetch_support.h"
#include "fleet_target.h"
#include "headless.h"
#include "ssm_api.h"

using namespace ssmview;
using namespace ssmview::test;

namespace {

std::vector<std::string> rows(const ViewState& s) {
    std::vector<std::string> out;
    const Json j = view_state_to_json(s);
    for (const Json& id : j["fleet"]["rows"]) out.push_back(id.get<std::string>());
    return out;
}

}  // namespace

// ---- pasted ---------------------------------------------------------------------------------------------------------

TEST_CASE("a click on a target's row opens its report from the list; Back returns to the table as it was", "[target]") {
    Headless h(1600.0f, 1000.0f);
    ViewState s;
    view_load_text(s, fixture("fleet-deploy.details"), LoadSource::Paste, "pasted text");
    h.frames(s, 3);
    // Sorted by code, descending (two clicks on its header), and filtered: a place worth keeping.
    float rect[4];
    REQUIRE(view_control_rect(s, "fleet.table", rect));
    const float code_x = rect[0] + rect[2] * (0.22f + 0.16f + 0.2f + 0.04f), header_y = rect[1] + ImGui::GetFontSize() * 0.6f;
    h.click_at(s, code_x, header_y);
    h.frames(s, 2);
    h.click_at(s, code_x, header_y);
    h.frames(s, 2);
    s.ui.fleet.filter = "i-000005a1e0000000";
    h.frames(s, 2);
    const std::vector<std::string> before = rows(s);
    REQUIRE(before.size() == 12);
    REQUIRE(before.front() == "i-000005a1e0000000a");
    h.click(s, "fleet.row.i-000005a1e00000009");
    h.frames(s, 3);
    Json j = view_state_to_json(s);
    CHECK(j["kind"] == "invocation");
    CHECK(j["source"] == "target");
    CHECK(j["source_name"] == "i-000005a1e00000009 \xC2\xB7 aws:runShellScript");
    CHECK(j["phase"] == "failed");
    CHECK(j["fields"]["ResponseCode"] == 100);
    CHECK(j["back"]["active"] == true);
    CHECK(j["back"]["targets"] == 12);
    CHECK(j["back"]["instance_id"] == "i-000005a1e00000009");
    CHECK(j["back"]["step"] == "aws:runShellScript");
    std::string canvas = h.frame_text(s);
    CHECK(canvas.find("< Back to the fleet (12 targets)") != std::string::npos);
    CHECK(canvas.find("As list-command-invocations --details gave it") != std::string::npos);
    const int generation = s.generation;
    h.click(s, "target.back");
    h.frames(s, 3);
    j = view_state_to_json(s);
    CHECK(j["kind"] == "fleet");
    CHECK(j["source"] == "paste");
    CHECK(j["source_name"] == "pasted text");
    CHECK(j["back"]["active"] == false);
    CHECK(s.generation == generation + 1);
    CHECK(rows(s) == before);  // the same sort, the same rows
    canvas = h.frame_text(s);
    CHECK(canvas.find("Back to the fleet") == std::string::npos);
    CHECK(canvas.find("12 of 12 targets finished") != std::string::npos);
}

TEST_CASE("a two-step target opens at the step that failed, and its steps switch in the target bar", "[target]") {
    Headless h(1600.0f, 1000.0f);
    ViewState s;
    view_load_text(s, fixture("fleet-steps.details"), LoadSource::Paste, "pasted text");
    h.frames(s, 3);
    // The first invocation whose step did not succeed, found by the core, clicked by its row.
    std::size_t k = 0;
    while (k < s.report.fleet.invocations.size() && s.report.fleet.invocations[k].state.phase == Phase::Success) ++k;
    REQUIRE(k < s.report.fleet.invocations.size());
    const FleetInvocation inv = s.report.fleet.invocations[k];
    REQUIRE(inv.plugins.size() == 2);
    const std::size_t failed_step = fleet_target_step(inv);
    h.click(s, ("fleet.row." + inv.instance_id.value).c_str());
    h.frames(s, 3);
    CHECK(view_state_to_json(s)["fields"]["PluginName"] == inv.plugins[failed_step].name.value);
    const std::size_t other = 1 - failed_step;
    h.click(s, ("target.step." + inv.plugins[other].name.value).c_str());
    h.frames(s, 3);
    const Json j = view_state_to_json(s);
    CHECK(j["fields"]["PluginName"] == inv.plugins[other].name.value);
    CHECK(j["phase"] == phase_name(inv.plugins[other].state.phase));
    CHECK(j["back"]["step"] == inv.plugins[other].name.value);
    h.click(s, "target.back");
    h.frames(s, 2);
    CHECK(view_state_to_json(s)["kind"] == "fleet");
}

TEST_CASE("a paste while a target is open is a new document: Back is gone", "[target]") {
    Headless h(1600.0f, 1000.0f);
    ViewState s;
    view_load_text(s, fixture("fleet-deploy.details"), LoadSource::Paste, "pasted text");
    h.frames(s, 3);
    h.click(s, "fleet.row.i-000005a1e00000000");
    h.frames(s, 3);
    REQUIRE(s.back.active);
    view_load_text(s, fixture("failed"), LoadSource::Paste, "pasted text");
    h.frames(s, 2);
    CHECK_FALSE(s.back.active);
    CHECK(h.frame_text(s).find("Back to the fleet") == std::string::npos);
    view_go_back(s);  // nothing to go back to: nothing happens
    CHECK(view_state_to_json(s)["phase"] == "failed");
    view_open_target(s, 0, 0);  // no fleet shown: nothing to open
    CHECK(view_state_to_json(s)["phase"] == "failed");
}

TEST_CASE("a target the fleet does not list is not opened", "[target]") {
    Headless h(1600.0f, 1000.0f);
    ViewState s;
    view_load_text(s, fixture("fleet-deploy.details"), LoadSource::Paste, "pasted text");
    const int generation = s.generation;
    view_open_target(s, 12, 0);
    CHECK(s.generation == generation);
    CHECK(s.report.kind == ReportKind::Fleet);
    CHECK_FALSE(s.back.active);
    view_load_text(s, fixture("fleet-deploy.list-commands"), LoadSource::Paste, "no invocations");
    view_open_target(s, 0, 0);
    CHECK_FALSE(s.back.active);
}

// ---- followed -------------------------------------------------------------------------------------------------------

TEST_CASE("a target of a followed fleet is asked of the proxy; Back follows the fleet again", "[target][fetch]") {
    Headless h(1600.0f, 1000.0f);
    ViewState s;
    view_fetch_open_link(s, FetchTarget{kCommand, "", "", ""});
    const std::string command = std::string(R"({"Commands":[{"CommandId":")") + kCommand +
                                R"(","Status":"Success","StatusDetails":"Success","TargetCount":1,"CompletedCount":1,"ErrorCount":0,"DeliveryTimedOutCount":0}]})";
    const std::string page = std::string(R"({"CommandInvocations":[{"CommandId":")") + kCommand + R"(","InstanceId":")" +
                             kInstance + R"(","Status":"Success","StatusDetails":"Success","CommandPlugins":[{"Name":"aws:runShellScript","Status":"Success","StatusDetails":"Success","ResponseCode":0,"Output":"short\n"}]}]})";
    only(h.frame(s), "ListCommands");
    view_fetch_answer(s, s.fetch.poll_request, 200, "", "req-1", command);
    settle(h, s);
    h.env.now_ms = s.fetch.follow.next_poll_ms;
    only(h.frame(s), "ListCommandInvocations");
    view_fetch_answer(s, s.fetch.poll_request, 200, "", "req-2", page);
    settle(h, s);
    REQUIRE(s.report.kind == ReportKind::Fleet);
    REQUIRE(fetch_json(s)["phase"] == "done");

    const FetchRequest get = only(h.click(s, std::string("fleet.row.") + kInstance), "GetCommandInvocation");
    CHECK(get.body == get_command_invocation_request(kCommand, kInstance, "aws:runShellScript"));
    Json j = view_state_to_json(s);
    CHECK(j["source"] == "target");  // the list's answer, until the proxy's comes
    CHECK(j["back"]["refollow"] == true);
    std::string full = fixture("success");
    full.replace(full.find("\"CommandId\": \"") + 14, 36, kCommand);
    view_fetch_answer(s, s.fetch.poll_request, 200, "", "req-3", full);
    settle(h, s);
    j = view_state_to_json(s);
    CHECK(j["source"] == "fetch");
    CHECK(j["back"]["active"] == true);
    CHECK(j["fetch"]["phase"] == "done");
    CHECK(h.frame_text(s).find("GetCommandInvocation's own answer, fetched through the proxy.") != std::string::npos);

    const ViewActions back = h.click(s, "target.back");
    j = view_state_to_json(s);
    CHECK(j["kind"] == "fleet");
    CHECK(j["back"]["active"] == false);
    CHECK(j["fetch"]["fleet"]["end"] == "running");
    only(back, "ListCommands");  // the fleet is followed again from where it is now
}
