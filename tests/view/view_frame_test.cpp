// tests/view/view_frame_test.cpp: every bundled sample drawn headless; what state() reports.
//
// Index
//   samples: embedded byte for byte from tests/fixtures/aws-cli/*.json, one per state
//   each sample: phase, terminal, waiter as core classifies it, in both themes, every tab,
//                wrap on and off, UTC and local time; the draw list is not empty
//   state_to_json: fields, output sizes, truncation, diagnostics, ui, controls
//   timers: relative times ask for a redraw when their text next changes, idle frames none
//   settling: a load asks for a couple of frames, then the view goes quiet
//   retired: the document a load replaced waits for view_free_retired
#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "headless.h"
#include "wording.h"

using namespace ssmview;
using test::Headless;

namespace {

struct Expect {
    const char* phase;
    bool        terminal;
    const char* detail;
    const char* waiter;  // what botocore's CommandExecuted waiter does (Cancelling: failure)
};

const std::map<std::string, Expect>& expected() {
    static const std::map<std::string, Expect> m = {
        {"pending", {"pending", false, "", "retry"}},
        {"in_progress", {"in_progress", false, "", "retry"}},
        {"delayed", {"delayed", false, "", "retry"}},
        {"success", {"success", true, "", "success"}},
        {"success_rich", {"success", true, "", "success"}},
        {"truncated", {"success", true, "", "success"}},
        {"windows", {"success", true, "", "success"}},
        {"failed", {"failed", true, "", "failure"}},
        {"undeliverable", {"failed", true, "undeliverable", "failure"}},
        {"terminated", {"cancelled", true, "terminated", "failure"}},
        {"timed_out_delivery", {"timed_out", true, "delivery_timed_out", "failure"}},
        {"timed_out_execution", {"timed_out", true, "execution_timed_out", "failure"}},
        {"cancelled", {"cancelled", true, "", "failure"}},
        {"cancelling", {"cancelling", false, "", "failure"}},
    };
    return m;
}

}  // namespace

TEST_CASE("the samples are the AWS CLI fixtures, byte for byte, one for every state", "[samples]") {
    int count = 0;
    const Sample* samples = view_samples(count);
    REQUIRE(count == static_cast<int>(expected().size()));
    for (int i = 0; i < count; ++i) {
        INFO(samples[i].name);
        CHECK(expected().count(samples[i].name) == 1);
        CHECK(std::string(samples[i].text) == test::fixture(samples[i].name));
        CHECK(view_find_sample(samples[i].name) == &samples[i]);
    }
    CHECK(std::string(samples[0].name) == "pending");  // the order a command lives through
    CHECK(view_find_sample("no such sample") == nullptr);
}

TEST_CASE("every sample draws headless and state() reports its phase and whether it finished", "[frame][samples]") {
    Headless h;
    REQUIRE(h.fonts_ok);
    int count = 0;
    const Sample* samples = view_samples(count);
    for (int i = 0; i < count; ++i) {
        const Expect& e = expected().at(samples[i].name);
        INFO(samples[i].name);
        ViewState s;
        view_load_text(s, samples[i].text, LoadSource::Sample, samples[i].name);
        h.frames(s, 3);
        const Json j = view_state_to_json(s);
        CHECK(j["phase"] == e.phase);
        CHECK(j["terminal"] == e.terminal);
        CHECK(j["detail"] == e.detail);
        CHECK(j["waiter"] == e.waiter);
        CHECK(j["has_invocation"] == true);
        CHECK(j["source"] == "sample");
        CHECK(j["source_name"] == samples[i].name);
        CHECK(j["fields"]["CommandId"] == s.report.invocation.command_id.value);
        CHECK(j["ui"]["tab"] == "output");
        CHECK(j["controls"].contains("status.badge"));
        CHECK(h.stats().vertices > 1000);
    }
}

TEST_CASE("every sample draws in both themes, on every tab, wrapped or not, in UTC and local time", "[frame][samples]") {
    Headless h(900.0f, 700.0f, 1.5f);
    int count = 0;
    const Sample* samples = view_samples(count);
    for (int i = 0; i < count; ++i) {
        INFO(samples[i].name);
        ViewState s;
        view_load_text(s, samples[i].text, LoadSource::Sample, samples[i].name);
        for (ThemeChoice theme : {ThemeChoice::Light, ThemeChoice::Dark}) {
            s.ui.theme = theme;
            for (ViewTab tab : {ViewTab::Output, ViewTab::Diagnostics, ViewTab::Raw, ViewTab::Share, ViewTab::Input}) {
                s.ui.tab = tab;
                s.ui.wrap = !s.ui.wrap;
                s.ui.local_time = !s.ui.local_time;
                s.ui.stream = s.ui.stream == OutputStream::Stdout ? OutputStream::Stderr : OutputStream::Stdout;
                h.frames(s, 2);
                const Json j = view_state_to_json(s);
                CHECK(j["ui"]["tab"] == view_tab_name(tab));
                CHECK(j["ui"]["dark"] == (theme == ThemeChoice::Dark));
                CHECK(h.stats().vertices > 0);
                // Whatever the tab, the summary above it shows the badge.
                CHECK(h.frame_text(s).find(phase_label(s.report.state)) != std::string::npos);
            }
        }
    }
}

TEST_CASE("the theme follows the browser's preference unless the reader chose one", "[frame]") {
    Headless h;
    ViewState s;
    view_load_text(s, test::fixture("success"), LoadSource::Paste);
    h.env.prefers_dark = true;
    h.frame(s);
    CHECK(view_state_to_json(s)["ui"]["dark"] == true);
    const ImVec4 dark_bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    h.env.prefers_dark = false;
    h.frame(s);
    CHECK(view_state_to_json(s)["ui"]["dark"] == false);
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x > dark_bg.x);
    s.ui.theme = ThemeChoice::Dark;
    h.frame(s);
    CHECK(view_state_to_json(s)["ui"]["dark"] == true);
}

TEST_CASE("state() reports fields, output sizes, truncation and the UI choices", "[frame][json]") {
    Headless h;
    ViewState s;
    view_load_text(s, test::fixture("truncated"), LoadSource::File, "truncated.json");
    h.frames(s, 2);
    Json j = view_state_to_json(s);
    CHECK(j["source"] == "file");
    CHECK(j["format"] == "json");
    CHECK(j["valid"] == s.report.valid());
    CHECK(j["fields"]["StandardOutputContent"]["chars"] == 24000);
    CHECK(j["fields"]["StandardOutputContent"]["truncated"] == true);
    CHECK(j["fields"]["StandardErrorContent"]["truncated"] == false);
    CHECK(j["fields"]["CloudWatchOutputConfig"]["CloudWatchLogGroupName"] == "/ssm/run-command/journal");
    CHECK(j["controls"].contains("output.truncated_banner"));
    CHECK(j["controls"].contains("output.truncated_link"));
    CHECK(j["controls"].contains("header.link.CloudWatchLogGroupName"));
    CHECK(j["times"]["elapsed"].is_string());
    CHECK(j["ui"]["time_zone"] == "utc");
    CHECK(j["ui"]["wrap"] == false);
    CHECK(j["ui"]["find"]["query"] == "");
    CHECK(j["share"]["link_length"] == 0);
    CHECK(j["generation"] == 1);

    s.ui.find_query = "GET";
    s.ui.wrap = true;
    s.ui.local_time = true;
    h.frame(s);
    j = view_state_to_json(s);
    CHECK(j["ui"]["find"]["matches"].get<int>() > 10);
    CHECK(j["ui"]["find"]["current"] == 0);
    CHECK(j["ui"]["wrap"] == true);
    CHECK(j["ui"]["time_zone"] == "local");
}

TEST_CASE("stderr is shown first when stdout is empty and stderr is not", "[frame]") {
    ViewState s;
    view_load_text(s, test::fixture("success"), LoadSource::Paste);
    CHECK(view_state_to_json(s)["ui"]["stream"] == "stdout");
    view_load_text(s, R"({"CommandId":"c","Status":"Failed","StandardOutputContent":"","StandardErrorContent":"boom"})", LoadSource::Paste);
    CHECK(view_state_to_json(s)["ui"]["stream"] == "stderr");
}

TEST_CASE("relative times ask for a redraw when their text next changes, not every frame", "[frame][timers]") {
    Headless h;
    ViewState s;
    view_load_text(s, test::fixture("success"), LoadSource::Paste);
    h.frames(s, 3);
    // The fixture ran days before the harness's clock: "N days ago" changes at the next day.
    const ViewActions a = h.frame(s);
    CHECK_FALSE(a.wants_more_frames);
    CHECK(a.redraw_after_ms > 60 * 60 * 1000);
    CHECK(a.redraw_after_ms <= 24 * 60 * 60 * 1000 + 50);
    // Twenty seconds after the start: the seconds tick.
    h.env.now_ms = s.report.times.start.epoch_ms + 20000;
    CHECK(h.frame(s).redraw_after_ms <= 1050);
}

TEST_CASE("a load asks for a few settling frames, then an idle view asks for none", "[frame][idle]") {
    Headless h;
    ViewState s;
    view_load_text(s, test::fixture("pending"), LoadSource::Paste);  // no times: no timers
    CHECK(h.frame(s).wants_more_frames);
    int more = 0;
    for (int i = 0; i < 10; ++i) more += h.frame(s).wants_more_frames ? 1 : 0;
    CHECK(more <= 2);
    const ViewActions idle = h.frame(s);
    CHECK_FALSE(idle.wants_more_frames);
    CHECK(idle.redraw_after_ms == -1);
}

TEST_CASE("a load keeps the document it replaced aside until view_free_retired, and frames draw the new one", "[frame][load]") {
    Headless h;
    ViewState s;
    view_load_text(s, test::fixture("failed"), LoadSource::Paste);
    const std::string failed_text = s.text;
    view_load_text(s, test::fixture("success"), LoadSource::Paste);
    CHECK(s.retired.text == failed_text);
    CHECK(s.retired.report.state.phase == Phase::Failed);
    REQUIRE(s.retired.model != nullptr);
    CHECK(s.retired.model != s.model);
    h.frames(s, 2);  // drawing never reads the retired document
    CHECK(view_state_to_json(s)["phase"] == "success");

    // A load while one is still kept replaces it: at most one document waits.
    view_load_text(s, test::fixture("pending"), LoadSource::Paste);
    CHECK(s.retired.report.state.phase == Phase::Success);
    view_free_retired(s);
    CHECK(s.retired.text.empty());
    CHECK(s.retired.model == nullptr);
    CHECK_FALSE(s.retired.report.has_invocation);
    CHECK(view_state_to_json(s)["phase"] == "pending");
}

TEST_CASE("before anything is loaded the view shows the Load tab with its samples", "[frame]") {
    Headless h;
    ViewState s;
    h.frames(s, 2);
    const Json j = view_state_to_json(s);
    CHECK(j["ui"]["tab"] == "input");
    CHECK(j["has_invocation"] == false);
    CHECK(j["controls"].contains("input.paste_area"));
    CHECK(j["controls"].contains("input.sample.success"));
}
