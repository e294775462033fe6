// tests/view/fetch_panel_test.cpp: the fetch bar and the Fetch tab, clicked like a person would.
//
// Index
//   first screen with a proxy: its commands offered above the sample; one click follows the
//     running one (its steps listed first, the running step followed)
//   first screen without a proxy: the sample as before, no bar; the Fetch tab says how to start one
//   the Fetch tab: Follow checks the typed ids with core's rules first; List commands; Pick / Follow
//   a multi-step document: the steps are offered, a click follows one by its PluginName
//   the bar: Pause, Resume, Stop, Follow again, Close, Copy live link
//   ids from the proxy's list answers are drawn clipped (a bad proxy can send megabytes)
//   the list's relative times ask for a redraw when their text next changes
#include <string>

#include "fetch_support.h"
#include "view_layout.h"

using namespace ssmview;
using namespace ssmview::test;

namespace {

constexpr const char* kOld = "0b3c6a2e-1111-4c1d-9e8f-0a1b2c3d4e5f";
constexpr const char* kRunning = "7d4e2f10-2222-4a5b-8c9d-1e2f3a4b5c6d";
constexpr const char* kWeb1 = "i-0aaaaaaaaaaaaaaa1";
constexpr const char* kWeb2 = "i-0bbbbbbbbbbbbbbb2";

std::string list_commands_answer() {
    Json old = {{"CommandId", kOld}, {"DocumentName", "AWS-RunShellScript"}, {"Status", "Success"},
                {"RequestedDateTime", 1795686000.0}, {"InstanceIds", {kWeb1}}, {"Comment", "uptime"}};
    Json running = {{"CommandId", kRunning}, {"DocumentName", "Deploy-App"}, {"Status", "InProgress"},
                    {"RequestedDateTime", 1795687100.0}, {"InstanceIds", {kWeb1, kWeb2}}, {"Comment", "release 42"}};
    return Json{{"Commands", {old, running}}}.dump();  // oldest first: the view sorts newest first
}

std::string steps_answer() {
    auto inv = [](const char* instance, const char* status, const char* s1, const char* s2) {
        return Json{{"CommandId", kRunning}, {"InstanceId", instance}, {"Status", status},
                    {"CommandPlugins", {{{"Name", "fetch"}, {"Status", s1}}, {{"Name", "restart"}, {"Status", s2}}}}};
    };
    return Json{{"CommandInvocations", {inv(kWeb1, "Success", "Success", "Success"), inv(kWeb2, "InProgress", "Success", "InProgress")}}}
        .dump();
}

ViewState first_screen() {
    ViewState s;
    view_load_text(s, fixture("success"), LoadSource::Sample, "success");
    s.fetch.page_origin = "http://127.0.0.1:8080";
    s.fetch.page_base_url = "http://127.0.0.1:8080/";
    view_fetch_discover(s);
    return s;
}

// A person clicks what they see once it stopped moving: settle, then click.
ViewActions click(Headless& h, ViewState& s, const std::string& control) {
    const ViewActions before = settle(h, s);
    return merge(before, h.click(s, control));
}

bool drawn(const ViewState& s, const std::string& control) { return view_state_to_json(s)["controls"].contains(control); }

}  // namespace

TEST_CASE("with a proxy, the first screen offers its running command, one click away", "[fetch][panel]") {
    Headless h;
    ViewState s = first_screen();
    const FetchRequest list = only(h.frame(s), "ListCommands");
    CHECK(list.url == kDefaultProxyUrl);
    CHECK(list.body == list_commands_request("", 20, ""));
    view_fetch_answer(s, list.id, 200, "", "", list_commands_answer());
    settle(h, s);
    const Json fj = fetch_json(s);
    CHECK(fj["commands"]["phase"] == "ok");
    CHECK(fj["commands"]["items"][0]["command_id"] == kRunning);  // newest first
    CHECK(fj["commands"]["suggested"] == kRunning);
    CHECK(view_state_to_json(s)["source"] == "sample");  // the sample stays until asked
    REQUIRE(drawn(s, "fetch.bar.follow"));

    // One click: the command's invocations with their steps, then the running one is followed.
    const FetchRequest steps = only(click(h, s, "fetch.bar.follow"), "ListCommandInvocations");
    CHECK(steps.body == list_command_invocations_request(kRunning, "", true, 50, ""));
    CHECK(fetch_json(s)["phase"] == "resolving");
    view_fetch_answer(s, steps.id, 200, "", "", steps_answer());
    const FetchRequest poll = only(settle(h, s), "GetCommandInvocation");
    CHECK(poll.body == get_command_invocation_request(kRunning, kWeb2, "restart"));
    const Json after = fetch_json(s);
    CHECK(after["phase"] == "requesting");
    CHECK(after["target"]["instance_id"] == kWeb2);
    CHECK(after["target"]["plugin_name"] == "restart");
    CHECK(drawn(s, "fetch.bar.pause"));
}

TEST_CASE("without a proxy, the first screen is the sample as before; the Fetch tab says how to start one", "[fetch][panel]") {
    Headless h;
    ViewState s = first_screen();
    const FetchRequest list = only(h.frame(s), "ListCommands");
    view_fetch_failed(s, list.id, "TypeError: Failed to fetch");
    settle(h, s);
    CHECK(view_state_to_json(s)["source"] == "sample");
    CHECK(view_state_to_json(s)["ui"]["tab"] == "output");
    CHECK_FALSE(drawn(s, "fetch.bar"));
    CHECK(fetch_json(s)["commands"]["error"]["kind"] == "unreachable");
    click(h, s, "tab.fetch");
    settle(h, s);
    CHECK(view_state_to_json(s)["ui"]["tab"] == "fetch");
    CHECK(drawn(s, "fetch.how_to_start"));
    CHECK(drawn(s, "fetch.proxy_url"));
}

TEST_CASE("the Fetch tab's Follow checks the typed ids with core's rules before sending", "[fetch][panel]") {
    Headless h;
    ViewState s = first_screen();
    s.ui.tab = ViewTab::Fetch;
    h.frame(s);
    s.fetch.command_id = "1234";
    s.fetch.instance_id = kWeb1;
    ViewActions a = click(h, s, "fetch.follow");
    CHECK(requests_for(a, "GetCommandInvocation").empty());
    CHECK(fetch_json(s)["form"]["error"] == check_fetch_target(FetchTarget{"1234", kWeb1, "", ""}));
    s.fetch.command_id = std::string("  ") + kOld + " \n";  // pasted with white space around it
    a = click(h, s, "fetch.follow");
    CHECK(only(a, "GetCommandInvocation").body == get_command_invocation_request(kOld, kWeb1, ""));
    CHECK(fetch_json(s)["form"]["error"] == "");
    s.fetch.proxy_url = "ftp://example.com";
    a = click(h, s, "fetch.follow");
    CHECK(a.fetches.empty());
    CHECK(fetch_json(s)["form"]["error"] == check_proxy_url("ftp://example.com"));
}

// The Fetch tab over a loaded sample, after List commands was clicked and the proxy answered.
static void show_listed_commands(Headless& h, ViewState& s) {
    view_load_text(s, fixture("success"), LoadSource::Sample, "success");
    s.ui.tab = ViewTab::Fetch;
    const FetchRequest list = only(click(h, s, "fetch.list_commands"), "ListCommands");
    view_fetch_answer(s, list.id, 200, "", "", list_commands_answer());
    settle(h, s);
}

TEST_CASE("List commands fills the table; Pick fills the ids and lists the steps; a step click follows it", "[fetch][panel]") {
    Headless h;
    ViewState s;
    show_listed_commands(h, s);
    REQUIRE(drawn(s, "fetch.command.0.pick"));
    const FetchRequest steps = only(click(h, s, "fetch.command.0.pick"), "ListCommandInvocations");
    CHECK(fetch_json(s)["form"]["command_id"] == kRunning);
    CHECK(fetch_json(s)["form"]["instance_id"] == kWeb1);
    CHECK(fetch_json(s)["phase"] == "idle");  // Pick only fills in
    view_fetch_answer(s, steps.id, 200, "", "", steps_answer());
    const ViewActions settled = settle(h, s);
    CHECK(settled.fetches.empty());
    CHECK(fetch_json(s)["steps"]["instances"].size() == 2);
    REQUIRE(drawn(s, "fetch.step.0.1"));
    const FetchRequest poll = only(click(h, s, "fetch.step.0.1"), "GetCommandInvocation");
    CHECK(poll.body == get_command_invocation_request(kRunning, kWeb1, "restart"));
}

TEST_CASE("the bar's Pause, Resume, Stop, Follow again and Close act on the follow", "[fetch][panel]") {
    Headless h;
    ViewState s;
    view_load_text(s, fixture("success"), LoadSource::Sample, "success");
    view_fetch_open_link(s, FetchTarget{kCommand, kInstance, "", ""});
    h.frame(s);
    view_fetch_answer(s, s.fetch.poll_request, 200, "", "", lifecycle()[2].body);
    settle(h, s);
    REQUIRE(drawn(s, "fetch.bar.next"));
    click(h, s, "fetch.bar.pause");
    CHECK(fetch_json(s)["phase"] == "paused");
    ViewActions a = click(h, s, "fetch.bar.resume");
    CHECK(requests_for(a, "GetCommandInvocation").size() == 1);
    click(h, s, "fetch.bar.stop");
    CHECK(fetch_json(s)["phase"] == "stopped");
    a = click(h, s, "fetch.bar.again");
    CHECK(requests_for(a, "GetCommandInvocation").size() == 1);
    CHECK(fetch_json(s)["phase"] == "requesting");
    click(h, s, "fetch.bar.stop");
    click(h, s, "fetch.bar.close");
    settle(h, s);
    CHECK(fetch_json(s)["phase"] == "idle");
    CHECK_FALSE(drawn(s, "fetch.bar"));
}

TEST_CASE("Copy live link copies the #fetch link of what is followed", "[fetch][panel][link]") {
    Headless h;
    ViewState s;
    view_load_text(s, fixture("success"), LoadSource::Sample, "success");
    s.fetch.page_base_url = "https://viewer.example/ssm/";
    view_fetch_open_link(s, FetchTarget{kCommand, kInstance, "", ""});
    h.frame(s);
    const ViewActions a = click(h, s, "fetch.bar.live_link");
    CHECK(a.copy_text == make_fetch_link("https://viewer.example/ssm/", FetchTarget{kCommand, kInstance, "", ""}));
    CHECK(is_fetch_link(a.copy_text));
}

// The frame's text from `marker` on: the CommandId field above the lists holds a picked id as
// given (it is an editable field, and the user may want to see what the proxy sent).
static std::string from_marker(const std::string& text, const char* marker) {
    const std::size_t at = text.find(marker);
    REQUIRE(at != std::string::npos);
    return text.substr(at);
}

TEST_CASE("ids in the proxy's list answers are drawn clipped, however long they are", "[fetch][panel]") {
    Headless h;
    ViewState s;
    view_load_text(s, fixture("success"), LoadSource::Sample, "success");
    s.ui.tab = ViewTab::Fetch;
    const std::string huge_command(100000, 'c');
    const std::string huge_instance(100000, 'i');
    const std::string too_long_c(kClipValue + 1, 'c'), too_long_i(kClipValue + 1, 'i');
    const FetchRequest list = only(click(h, s, "fetch.list_commands"), "ListCommands");
    const Json command = {{"CommandId", huge_command}, {"DocumentName", "AWS-RunShellScript"}, {"Status", "InProgress"},
                          {"InstanceIds", {kWeb1}}};
    view_fetch_answer(s, list.id, 200, "", "", Json{{"Commands", {command}}}.dump());
    settle(h, s);
    REQUIRE(fetch_json(s)["commands"]["count"] == 1);  // read whole: Follow and Pick use the id as given
    std::string text = from_marker(h.frame_text(s), "As listed");
    CHECK(text.find(std::string(kClipValue, 'c')) != std::string::npos);
    CHECK(text.find(too_long_c) == std::string::npos);

    const FetchRequest steps = only(click(h, s, "fetch.command.0.pick"), "ListCommandInvocations");
    text = from_marker(h.frame_text(s), "Listing the invocations of");
    CHECK(text.find(std::string(kClipValue, 'c')) != std::string::npos);
    CHECK(text.find(too_long_c) == std::string::npos);
    const Json inv = {{"CommandId", huge_command}, {"InstanceId", huge_instance}, {"Status", "InProgress"}};
    view_fetch_answer(s, steps.id, 200, "", "", Json{{"CommandInvocations", {inv}}}.dump());
    settle(h, s);
    REQUIRE(fetch_json(s)["steps"]["instances"].size() == 1);
    text = from_marker(h.frame_text(s), "Instances and steps");
    CHECK(text.find(std::string(kClipValue, 'i')) != std::string::npos);
    CHECK(text.find(too_long_i) == std::string::npos);
}

TEST_CASE("the Fetch tab's relative times ask for a frame when their text next changes", "[fetch][panel]") {
    Headless h;
    ViewState s;
    show_listed_commands(h, s);
    REQUIRE(fetch_json(s)["commands"]["phase"] == "ok");
    // "As listed 0 seconds ago" becomes "1 second ago" within a second: without a frame then, it
    // would say "0 seconds" until something else drew (the summary's times wait hours).
    const ViewActions a = h.frame(s);
    CHECK(a.redraw_after_ms >= 0);
    CHECK(a.redraw_after_ms <= 1000 + kRelativeTimeSlackMs);
}
