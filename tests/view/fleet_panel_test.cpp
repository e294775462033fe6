// tests/view/fleet_panel_test.cpp: a pasted fleet in the view (view/fleet_panel.cpp), driven
// headless: the summary, the targets table (sort by a header click, filter by typing), and the
// grouped outputs (stream, similar grouping, two groups compared), checked against core's own
// counts, groups and line diff.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "fleet_report.h"
#include "headless.h"
#include "line_diff.h"
#include "output_groups.h"
#include "truncation.h"

using namespace ssmview;
using test::Headless;

namespace {

std::vector<std::string> rows(const ViewState& s) {
    std::vector<std::string> out;
    const Json j = view_state_to_json(s);  // held: a range-for over j["fleet"]["rows"] of a temporary would dangle
    for (const Json& id : j["fleet"]["rows"]) out.push_back(id.get<std::string>());
    return out;
}

ViewState loaded(Headless& h, const std::string& fixture = "fleet-deploy.details") {
    ViewState s;
    view_load_text(s, test::fixture(fixture), LoadSource::Paste, "pasted text");
    h.frames(s, 3);
    return s;
}

}  // namespace

TEST_CASE("a pasted fleet opens on its targets, with core's counts and the progress", "[fleet]") {
    Headless h(1600.0f, 1000.0f);
    ViewState s = loaded(h);
    const Json j = view_state_to_json(s);
    CHECK(j["kind"] == "fleet");
    CHECK(j["ui"]["tab"] == "output");
    CHECK(j["fleet"]["view"] == "targets");
    CHECK(j["fleet"]["invocations"] == 12);
    CHECK(j["fleet"]["done"] == 12);
    CHECK(j["fleet"]["total"] == 12);
    CHECK(rows(s).size() == 12);
    CHECK(rows(s).front() == "i-000005a1e00000000");
    const std::string canvas = h.frame_text(s);
    for (const char* words : {"Fleet: list-command-invocations, 12 invocations", "12 of 12 targets finished", "9 success",
                              "2 failed", "1 timed_out", "web-10", "Slowest"})
        CHECK(canvas.find(words) != std::string::npos);
}

TEST_CASE("a click on the Code header sorts by code; a second click reverses", "[fleet]") {
    Headless h(1600.0f, 1000.0f);
    ViewState s = loaded(h);
    float rect[4];
    REQUIRE(view_control_rect(s, "fleet.table", rect));
    // The header row is the table's first line; Code is the 4th of 6 columns (weights .22 .16 .2 .08 ...).
    const float code_x = rect[0] + rect[2] * (0.22f + 0.16f + 0.2f + 0.04f), header_y = rect[1] + ImGui::GetFontSize() * 0.6f;
    h.click_at(s, code_x, header_y);
    h.frames(s, 2);
    CHECK(s.ui.fleet.sort == FleetColumn::Code);
    CHECK(s.ui.fleet.ascending);
    CHECK(rows(s).front() == "i-000005a1e0000000b");  // -1: never delivered
    h.click_at(s, code_x, header_y);
    h.frames(s, 2);
    CHECK_FALSE(s.ui.fleet.ascending);
    const std::vector<std::string> desc = rows(s);
    CHECK(std::vector<std::string>(desc.begin(), desc.begin() + 2) ==
          std::vector<std::string>{"i-000005a1e0000000a", "i-000005a1e00000009"});  // code 100, stable order reversed
}

TEST_CASE("typing in the filter keeps the rows whose id, name, status or code match", "[fleet]") {
    Headless h(1600.0f, 1000.0f);
    ViewState s = loaded(h);
    h.click(s, "fleet.filter");
    h.type(s, "FAILED");
    h.frames(s, 2);
    CHECK(s.ui.fleet.filter == "FAILED");
    CHECK(rows(s) == std::vector<std::string>{"i-000005a1e00000009", "i-000005a1e0000000a"});
    h.click(s, "fleet.heading");  // away from the field: an active InputText owns its text
    s.ui.fleet.filter = "web-12";
    h.frames(s, 2);
    CHECK(rows(s) == std::vector<std::string>{"i-000005a1e0000000b"});
    s.ui.fleet.filter = "100";
    h.frames(s, 2);
    CHECK(rows(s).size() == 2);
}

TEST_CASE("the outputs view draws core's groups, per stream, exact or similar", "[fleet]") {
    Headless h(1600.0f, 1000.0f);
    ViewState s = loaded(h);
    h.click(s, "fleet.outputs");
    h.frames(s, 2);
    CHECK(view_state_to_json(s)["fleet"]["view"] == "outputs");
    const auto exact = group_outputs(s.report.fleet, OutputStream::Stdout, GroupMode::Exact);
    CHECK(view_state_to_json(s)["fleet"]["groups"] == exact.size());
    std::string canvas = h.frame_text(s);
    CHECK(canvas.find("5 instances: i-000005a1e00000000, i-000005a1e00000001, i-000005a1e00000002, i-000005a1e00000003, "
                      "i-000005a1e00000004") != std::string::npos);
    CHECK(canvas.find("Restarting web.service") != std::string::npos);
    CHECK(canvas.find("1 instance: i-000005a1e00000008 (cut by the agent)") != std::string::npos);
    CHECK(canvas.find("... 47 more lines") != std::string::npos);

    h.click(s, "fleet.similar");
    h.frames(s, 2);
    CHECK(s.ui.fleet.similar);
    CHECK(view_state_to_json(s)["fleet"]["groups"] == group_outputs(s.report.fleet, OutputStream::Stdout, GroupMode::Similar).size());
    canvas = h.frame_text(s);
    CHECK(canvas.find("3 instances: i-000005a1e00000005, i-000005a1e00000006, i-000005a1e00000007 (3 variants)") != std::string::npos);

    h.click(s, "fleet.stderr");
    h.frames(s, 2);
    CHECK(s.ui.stream == OutputStream::Stderr);
    canvas = h.frame_text(s);
    CHECK(canvas.find("E: Could not get lock /var/lib/dpkg/lock-frontend") != std::string::npos);
    CHECK(canvas.find("(no output)") != std::string::npos);
}

TEST_CASE("two groups picked with Compare show core's line diff of their texts; other groups forget the pick", "[fleet]") {
    Headless h(1600.0f, 1000.0f);
    ViewState s = loaded(h);
    h.click(s, "fleet.outputs");
    h.frames(s, 2);
    h.click(s, "fleet.compare.0");
    h.frames(s, 2);
    CHECK(s.ui.fleet.compare_from == 0);
    CHECK(h.frame_text(s).find("Picked: compare with...") != std::string::npos);
    h.click(s, "fleet.compare.1");
    h.frames(s, 2);
    const std::vector<OutputGroup> groups = group_outputs(s.report.fleet, OutputStream::Stdout, GroupMode::Exact);
    const LineDiff d = line_diff(groups[0].text, groups[1].text);
    REQUIRE(d.removed + d.added > 0);
    const Json compare = view_state_to_json(s)["fleet"]["compare"];
    CHECK(compare["from"] == 0);
    CHECK(compare["to"] == 1);
    CHECK(compare["removed"] == d.removed);
    CHECK(compare["added"] == d.added);
    CHECK(compare["lines"] == d.lines.size());
    CHECK(compare["gave_up"] == false);
    std::string canvas = h.frame_text(s);
    CHECK(canvas.find("Group 1 against group 2: " + counted(d.removed, "line", "lines") + " removed, " +
                      std::to_string(d.added) + " added") != std::string::npos);
    for (const DiffLine& l : d.lines)
        if (l.op != DiffOp::Same) {
            CHECK(canvas.find(std::string(l.op == DiffOp::Removed ? "- " : "+ ") + std::string(l.text)) != std::string::npos);
            break;
        }
    h.click(s, "fleet.diff.close");
    h.frames(s, 2);
    CHECK(s.ui.fleet.compare_from == -1);
    CHECK(s.ui.fleet.compare_to == -1);
    // A pick, then the other grouping: the indexes named other groups, so the pick is dropped.
    h.click(s, "fleet.compare.1");
    h.frames(s, 2);
    h.click(s, "fleet.similar");
    h.frames(s, 2);
    CHECK(s.ui.fleet.compare_from == -1);
}

TEST_CASE("without --details the outputs view says how to get outputs, in core's words", "[fleet]") {
    Headless h(1600.0f, 1000.0f);
    ViewState s = loaded(h, "fleet-deploy.no-details");
    s.ui.fleet.view = FleetView::Outputs;
    h.frames(s, 2);
    CHECK(h.frame_text(s).find("only with --details") != std::string::npos);
    CHECK(view_state_to_json(s)["fleet"]["groups"] == 0);
}

TEST_CASE("ten thousand targets: only the rows in view are laid out", "[fleet][large]") {
    Json page = Json::object();
    Json invs = Json::array();
    for (int i = 0; i < 10000; ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "i-0%016x", i);
        invs.push_back({{"CommandId", "3f1c9a52-7d4e-4b8a-9c61-2e5f8d0b7a14"}, {"InstanceId", id}, {"Status", i % 7 ? "Success" : "Failed"},
                        {"CommandPlugins", Json::array({{{"Name", "aws:runShellScript"}, {"Status", i % 7 ? "Success" : "Failed"},
                                                          {"ResponseCode", i % 7 ? 0 : 1}, {"Output", i % 7 ? "ok\n" : "boom\n"}}})}});
    }
    page["CommandInvocations"] = std::move(invs);
    Headless h(1600.0f, 1000.0f);
    ViewState s;
    view_load_text(s, page.dump(4), LoadSource::Paste, "big");
    REQUIRE(s.report.fleet.invocations.size() == 10000);
    h.frames(s, 3);
    const int vertices_10k = h.stats().vertices;
    CHECK(rows(s).size() == 10000);
    // Large counts are written as the CLI writes them, with thousands separators.
    const std::string canvas = h.frame_text(s);
    CHECK(canvas.find("Fleet: list-command-invocations, 10,000 invocations") != std::string::npos);
    CHECK(canvas.find("10,000 of 10,000 targets finished") != std::string::npos);
    CHECK(canvas.find("8,571 success") != std::string::npos);
    CHECK(canvas.find("Targets (10,000)") != std::string::npos);
    CHECK(canvas.find("10,000 of 10,000") != std::string::npos);
    ViewState small;
    Json few = page;
    few["CommandInvocations"].erase(few["CommandInvocations"].begin() + 40, few["CommandInvocations"].end());
    view_load_text(small, few.dump(4), LoadSource::Paste, "small");
    h.frames(small, 3);
    // The table draws what fits: 10,000 rows cost about what 40 do (the scrollbar differs).
    CHECK(vertices_10k < h.stats().vertices * 2);
}

TEST_CASE("the sort in the view's state is the table's from its first frame, and across pastes", "[fleet]") {
    Headless h(1600.0f, 1000.0f);
    ViewState s;
    view_load_text(s, test::fixture("fleet-deploy.details"), LoadSource::Paste, "pasted text");
    s.ui.fleet.sort = FleetColumn::Code;  // before the table exists: ImGui's default must not win
    s.ui.fleet.ascending = false;
    h.frames(s, 3);
    CHECK(s.ui.fleet.sort == FleetColumn::Code);
    CHECK_FALSE(s.ui.fleet.ascending);
    CHECK(rows(s).front() == "i-000005a1e0000000a");  // code 100 first
    // Set while a table is shown (ImGui keeps its own copy): a new paste shows the state's sort.
    s.ui.fleet.sort = FleetColumn::Instance;
    s.ui.fleet.ascending = true;
    view_load_text(s, test::fixture("fleet-deploy.details"), LoadSource::Paste, "pasted text");
    h.frames(s, 3);
    CHECK(s.ui.fleet.sort == FleetColumn::Instance);
    CHECK(s.ui.fleet.ascending);
    CHECK(rows(s).front() == "i-000005a1e00000000");
}
