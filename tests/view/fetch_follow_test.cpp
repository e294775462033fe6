// tests/view/fetch_follow_test.cpp: following an invocation: requests, answers, cadence, stopping.
//
// Index
//   the request: SSM JSON protocol to the proxy, the steps asked for when no PluginName is given
//   a whole lifecycle: InvocationDoesNotExist -> Pending -> InProgress -> Success, then silence
//   answers are loads like a paste (LoadSource::Fetch); the same answer again does not reload;
//     later answers keep the person's tab
//   the countdown: one frame when the shown second changes, nothing in between
//   throttling backs off with the platform's jitter; an unreachable proxy backs off too
//   pause / resume / stop; another load stops the follow (one that is done stays done); the
//     paused/done/stopped flags are the phase; stale and unknown answers are ignored
//   a 200 answer that is no invocation backs off and says so
#include <string>

#include "fetch_support.h"
#include "view_model.h"

using namespace ssmview;
using namespace ssmview::test;

namespace {

const FetchTarget kTarget{kCommand, kInstance, "", ""};

// A sample on screen, then a live link: the follow starts with the next frame.
ViewState following(Headless& h, ViewActions* first = nullptr) {
    ViewState s;
    view_load_text(s, fixture("success"), LoadSource::Sample, "success");
    h.frames(s, 2);
    view_fetch_open_link(s, kTarget);
    const ViewActions a = h.frame(s);
    if (first) *first = a;
    return s;
}

// Answers the poll in flight with `ans` and draws until the view settles.
ViewActions answer_poll(Headless& h, ViewState& s, const ScriptedAnswer& ans) {
    REQUIRE(s.fetch.poll_request != 0);
    view_fetch_answer(s, s.fetch.poll_request, ans.status, ans.error_type, "req-1", ans.body);
    return settle(h, s);
}

// Jumps the clock to the next poll and draws one frame: returns the poll it sends.
FetchRequest next_poll(Headless& h, ViewState& s) {
    h.env.now_ms = s.fetch.follow.next_poll_ms;
    return only(h.frame(s), "GetCommandInvocation");
}

bool no_countdown_frames(const ViewActions& a) {
    // Whatever else asks for a frame (relative times of a six-day-old invocation) waits hours.
    return a.redraw_after_ms < 0 || a.redraw_after_ms > 60 * 1000;
}

}  // namespace

TEST_CASE("following sends GetCommandInvocation to the proxy in the SSM JSON protocol", "[fetch][follow]") {
    Headless h;
    ViewActions a;
    ViewState s = following(h, &a);
    const FetchRequest poll = only(a, "GetCommandInvocation");
    CHECK(poll.url == "http://127.0.0.1:8787");
    CHECK(header(poll, "Content-Type") == "application/x-amz-json-1.1");
    CHECK(header(poll, "X-Amz-Target") == "AmazonSSM.GetCommandInvocation");
    CHECK(header(poll, "Authorization").empty());
    CHECK(poll.body == std::string(R"({"CommandId":")") + kCommand + R"(","InstanceId":")" + kInstance + R"("})");
    // No PluginName given: the steps are asked for too, so a multi-step document can be picked.
    const FetchRequest steps = only(a, "ListCommandInvocations");
    CHECK(header(steps, "X-Amz-Target") == "AmazonSSM.ListCommandInvocations");
    CHECK(steps.body == list_command_invocations_request(kCommand, kInstance, true, 50, ""));
    CHECK(poll.id != steps.id);
    const Json fj = fetch_json(s);
    CHECK(fj["phase"] == "requesting");
    CHECK(fj["target"]["command_id"] == kCommand);
    CHECK(fj["in_flight"] == 2);
}

TEST_CASE("a lifecycle is followed from InvocationDoesNotExist to Success, then nothing more is sent", "[fetch][follow]") {
    Headless h;
    ViewState s = following(h);
    const std::vector<ScriptedAnswer> script = lifecycle();
    for (std::size_t i = 0; i < script.size(); ++i) {
        INFO("answer " << i);
        if (i > 0) next_poll(h, s);
        answer_poll(h, s, script[i]);
        const Json j = view_state_to_json(s);
        const Json& fj = j["fetch"];
        CHECK(fj["polls"] == static_cast<int>(i + 1));
        if (script[i].status != 200) {
            CHECK(fj["error"]["type"] == "InvocationDoesNotExist");
            CHECK(fj["error"]["kind"] == "not_yet");
            CHECK(fj["last_outcome"] == "not_yet");
            CHECK(fj["phase"] == "waiting");
            CHECK(fj["next_poll_s"] == 5);
            CHECK(j["source"] == "sample");  // nothing to show yet: the sample stays
        } else {
            CHECK(j["source"] == "fetch");
            CHECK(j["source_name"] == "http://127.0.0.1:8787");
            CHECK(j["status"] == Json::parse(script[i].body)["Status"]);
            CHECK(fj["error"].is_null());
        }
    }
    Json fj = fetch_json(s);
    CHECK(fj["phase"] == "done");
    CHECK(fj["done"] == true);
    CHECK(fj["last_outcome"] == "terminal");
    CHECK(view_state_to_json(s)["phase"] == "success");
    // Done: a minute later nothing is sent and no countdown frame is asked for.
    h.env.now_ms += 60 * 1000;
    const ViewActions later = h.frames(s, 3);
    CHECK(later.fetches.empty());
    CHECK(no_countdown_frames(later));
}

TEST_CASE("a fetched answer is a load like a paste; the same answer again does not reload", "[fetch][follow]") {
    Headless h;
    ViewState s = following(h);
    const std::string body = read_file(std::string(SSMVIEW_FIXTURES) + "/invocations/in_progress.json");
    answer_poll(h, s, {200, "", body});
    CHECK(s.source == LoadSource::Fetch);
    CHECK(s.text == body);
    // The same analysis as a paste of the same text.
    ViewState pasted;
    view_load_text(pasted, body, LoadSource::Paste);
    CHECK(view_state_to_json(s)["fields"] == view_state_to_json(pasted)["fields"]);
    CHECK(view_state_to_json(s)["diagnostics"] == view_state_to_json(pasted)["diagnostics"]);
    const int gen = s.generation;
    next_poll(h, s);
    answer_poll(h, s, {200, "", body});
    CHECK(s.generation == gen);
    CHECK(fetch_json(s)["polls"] == 2);
    CHECK(fetch_json(s)["phase"] == "waiting");
}

TEST_CASE("the first answer opens the output; later answers keep the tab the person chose", "[fetch][follow]") {
    Headless h;
    ViewState s = following(h);
    s.ui.tab = ViewTab::Fetch;
    const std::vector<ScriptedAnswer> script = lifecycle();
    answer_poll(h, s, script[1]);  // the first poll, answered Pending
    CHECK(s.ui.tab == ViewTab::Output);
    s.ui.tab = ViewTab::Raw;
    next_poll(h, s);
    answer_poll(h, s, script[2]);
    CHECK(s.ui.tab == ViewTab::Raw);
    CHECK(view_state_to_json(s)["status"] == "InProgress");
}

TEST_CASE("while waiting, the view asks for one frame each time the countdown changes, and nothing else", "[fetch][follow]") {
    Headless h;
    ViewState s = following(h);
    const ViewActions a = answer_poll(h, s, lifecycle()[0]);
    CHECK_FALSE(a.wants_more_frames);
    CHECK(a.fetches.empty());
    int left = fetch_json(s)["next_poll_s"];
    CHECK(left == 5);
    int tick = a.redraw_after_ms;
    for (int second = 0; second < 4; ++second) {
        INFO("second " << second << ", tick " << tick);
        REQUIRE(tick > 0);
        REQUIRE(tick <= 1000);
        // One millisecond early the number has not changed yet; at the tick it has.
        const std::int64_t last = s.fetch.now_ms;
        h.env.now_ms = last + tick - 1;
        ViewActions b = h.frame(s);
        CHECK(fetch_json(s)["next_poll_s"] == left);
        CHECK(b.redraw_after_ms == 1);
        CHECK(b.fetches.empty());
        h.env.now_ms = last + tick;
        b = h.frame(s);
        CHECK(fetch_json(s)["next_poll_s"] == left - 1);
        CHECK(b.redraw_after_ms == 1000);
        CHECK_FALSE(b.wants_more_frames);
        CHECK(b.fetches.empty());
        left -= 1;
        tick = b.redraw_after_ms;
    }
    // At zero the poll leaves, and nothing is timed while it is in flight (its answer wakes us).
    h.env.now_ms = s.fetch.follow.next_poll_ms;
    const ViewActions c = h.frame(s);
    CHECK(requests_for(c, "GetCommandInvocation").size() == 1);
    CHECK(no_countdown_frames(c));
    CHECK(fetch_json(s)["phase"] == "requesting");
    CHECK(fetch_json(s)["next_poll_s"].is_null());
}

TEST_CASE("throttling backs off exponentially, with the jitter the platform draws", "[fetch][follow][errors]") {
    Headless h;
    ViewState s = following(h);
    const ScriptedAnswer throttled{400, "ThrottlingException", error_body("ThrottlingException", "Rate exceeded")};
    // Equal jitter over the 5 s base: half fixed, half scaled by ViewEnv.random.
    h.env.random = 0.0;
    std::int64_t at = h.env.now_ms;  // the frame that handles the answer
    answer_poll(h, s, throttled);
    Json fj = fetch_json(s);
    CHECK(fj["error"]["kind"] == "throttled");
    CHECK(fj["error"]["title"] == "ThrottlingException: Rate exceeded");
    CHECK(fj["backoff_streak"] == 1);
    CHECK(s.fetch.follow.next_poll_ms - at == 2500);
    next_poll(h, s);
    h.env.random = 0.5;
    at = h.env.now_ms;
    answer_poll(h, s, throttled);
    CHECK(fetch_json(s)["backoff_streak"] == 2);
    CHECK(s.fetch.follow.next_poll_ms - at == 5000 + 2500);
    // A normal answer ends the streak: back to the 5 s cadence.
    next_poll(h, s);
    at = h.env.now_ms;
    answer_poll(h, s, lifecycle()[2]);
    fj = fetch_json(s);
    CHECK(fj["backoff_streak"] == 0);
    CHECK(fj["error"].is_null());
    CHECK(s.fetch.follow.next_poll_ms - at == 5000);
}

TEST_CASE("an unreachable proxy backs off and keeps trying", "[fetch][follow][errors]") {
    Headless h;
    ViewState s = following(h);
    h.env.random = 0.0;
    view_fetch_failed(s, s.fetch.poll_request, "TypeError: Failed to fetch");
    settle(h, s);
    const Json fj = fetch_json(s);
    CHECK(fj["phase"] == "waiting");
    CHECK(fj["error"]["kind"] == "unreachable");
    CHECK(fj["error"]["title"] == "Cannot reach the proxy: TypeError: Failed to fetch (http://127.0.0.1:8787)");
    CHECK(fj["backoff_streak"] == 1);
    CHECK(next_poll(h, s).url == "http://127.0.0.1:8787");
}

TEST_CASE("pause sends nothing and draws no countdown; resume polls at once", "[fetch][follow]") {
    Headless h;
    ViewState s = following(h);
    answer_poll(h, s, lifecycle()[1]);
    fetch_pause(s.fetch);
    ViewActions a = h.frame(s);
    CHECK(fetch_json(s)["phase"] == "paused");
    CHECK(fetch_json(s)["next_poll_s"].is_null());
    h.env.now_ms += 120 * 1000;
    a = h.frames(s, 3);
    CHECK(a.fetches.empty());
    CHECK(no_countdown_frames(a));
    fetch_resume(s.fetch);
    a = h.frame(s);
    CHECK(requests_for(a, "GetCommandInvocation").size() == 1);
    CHECK(fetch_json(s)["phase"] == "requesting");
}

TEST_CASE("Stop ends the follow, and the answer of the poll in flight is dropped", "[fetch][follow]") {
    Headless h;
    ViewState s = following(h);
    const int poll = s.fetch.poll_request;
    fetch_stop(s.fetch);
    view_fetch_answer(s, poll, 200, "", "", lifecycle()[2].body);
    settle(h, s);
    CHECK(s.source == LoadSource::Sample);
    const Json fj = fetch_json(s);
    CHECK(fj["phase"] == "stopped");
    CHECK(fj["polls"] == 0);
    h.env.now_ms += 60 * 1000;
    CHECK(h.frames(s, 2).fetches.empty());
}

TEST_CASE("loading something else stops the follow; a late answer does not replace it", "[fetch][follow]") {
    Headless h;
    ViewState s = following(h);
    answer_poll(h, s, lifecycle()[1]);
    next_poll(h, s);
    const int poll = s.fetch.poll_request;
    view_load_text(s, fixture("failed"), LoadSource::Paste, "pasted");
    h.frame(s);
    view_fetch_answer(s, poll, 200, "", "", lifecycle()[2].body);
    settle(h, s);
    CHECK(s.source == LoadSource::Paste);
    CHECK(view_state_to_json(s)["phase"] == "failed");
    const Json fj = fetch_json(s);
    CHECK(fj["phase"] == "stopped");
    CHECK(fj["stop_reason"] == "Stopped: another invocation was loaded.");
}

TEST_CASE("loading something else after the follow is done leaves it done, not stopped", "[fetch][follow]") {
    Headless h;
    ViewState s = following(h);
    const std::vector<ScriptedAnswer> script = lifecycle();
    for (std::size_t i = 0; i < script.size(); ++i) {
        if (i > 0) next_poll(h, s);
        answer_poll(h, s, script[i]);
    }
    REQUIRE(fetch_json(s)["phase"] == "done");
    view_load_text(s, fixture("failed"), LoadSource::Paste, "pasted");
    settle(h, s);
    const Json fj = fetch_json(s);
    CHECK(fj["phase"] == "done");
    CHECK(fj["done"] == true);
    CHECK(fj["stopped"] == false);
    CHECK(fj["stop_reason"] == "");
    CHECK(fj["last_outcome"] == "terminal");
}

TEST_CASE("the state's paused, done and stopped flags always agree with its phase", "[fetch][follow]") {
    Headless h;
    ViewState s = following(h);
    answer_poll(h, s, lifecycle()[1]);
    auto flags = [&](const char* phase, bool paused, bool done, bool stopped) {
        const Json fj = fetch_json(s);
        INFO("phase " << phase);
        CHECK(fj["phase"] == phase);
        CHECK(fj["paused"] == paused);
        CHECK(fj["done"] == done);
        CHECK(fj["stopped"] == stopped);
    };
    flags("waiting", false, false, false);
    fetch_pause(s.fetch);
    h.frame(s);
    flags("paused", true, false, false);
    fetch_stop(s.fetch);  // Stop while paused: stopped, no longer paused
    h.frame(s);
    flags("stopped", false, true, true);
}

TEST_CASE("answers to unknown or superseded requests are ignored", "[fetch][follow]") {
    Headless h;
    ViewState s = following(h);
    const int first = s.fetch.poll_request;
    view_fetch_answer(s, 9999, 200, "", "", lifecycle()[1].body);  // never sent
    h.frame(s);
    CHECK(s.source == LoadSource::Sample);
    // Following again supersedes the first poll: its answer no longer counts.
    view_fetch_open_link(s, kTarget);
    h.frame(s);
    CHECK(s.fetch.poll_request != first);
    view_fetch_answer(s, first, 200, "", "", lifecycle()[1].body);
    h.frame(s);
    CHECK(s.source == LoadSource::Sample);
    CHECK(fetch_json(s)["polls"] == 0);
    answer_poll(h, s, lifecycle()[1]);
    CHECK(s.source == LoadSource::Fetch);
}

TEST_CASE("a 200 answer that is no invocation backs off and says so", "[fetch][follow][errors]") {
    Headless h;
    ViewState s = following(h);
    answer_poll(h, s, {200, "", "<html>502 Bad Gateway</html>"});
    const Json fj = fetch_json(s);
    CHECK(fj["last_outcome"] == "back_off");
    CHECK(fj["phase"] == "waiting");
    CHECK(fj["answer_problem"] == "The proxy answered, but not with an invocation (see Diagnostics); asking again later.");
    CHECK(view_state_to_json(s)["has_invocation"] == false);
}

TEST_CASE("a CommandId alone follows the whole command: list rounds, each whole round loaded as a fleet", "[fetch][follow][fleet]") {
    Headless h;
    ViewState s;
    view_load_text(s, fixture("success"), LoadSource::Sample, "success");
    h.frames(s, 2);
    view_fetch_open_link(s, FetchTarget{kCommand, "", "", ""});
    // Round 1: ListCommands, then the pages with Details at MaxResults 50.
    FetchRequest r = only(h.frame(s), "ListCommands");
    CHECK(r.body == list_commands_request(kCommand, 50, ""));
    CHECK(fetch_json(s)["fleet"]["end"] == "running");
    const std::string command = std::string(R"({"Commands":[{"CommandId":")") + kCommand +
                                R"(","Status":"InProgress","StatusDetails":"InProgress","TargetCount":2,"CompletedCount":1,"ErrorCount":0,"DeliveryTimedOutCount":0}]})";
    auto invocation = [](const char* instance, const char* status) {
        return std::string(R"({"CommandId":")") + kCommand + R"(","InstanceId":")" + instance + R"(","Status":")" + status +
               R"(","StatusDetails":")" + status + R"(","CommandPlugins":[{"Name":"aws:runShellScript","Status":")" + status +
               R"(","ResponseCode":0,"Output":"ok\n"}]})";
    };
    view_fetch_answer(s, s.fetch.poll_request, 200, "", "req-1", command);
    settle(h, s);
    h.env.now_ms = s.fetch.follow.next_poll_ms;
    r = only(h.frame(s), "ListCommandInvocations");
    CHECK(r.body == list_command_invocations_request(kCommand, "", true, 50, ""));
    view_fetch_answer(s, s.fetch.poll_request, 200, "", "req-2",
                      R"({"CommandInvocations":[)" + invocation("i-0a1b2c3d4e5f60718", "Success") + R"(],"NextToken":"t2"})");
    settle(h, s);
    CHECK(view_state_to_json(s)["source"] == "sample");  // half a round shows nothing yet
    h.env.now_ms = s.fetch.follow.next_poll_ms;
    r = only(h.frame(s), "ListCommandInvocations");
    CHECK(r.body == list_command_invocations_request(kCommand, "", true, 50, "t2"));
    view_fetch_answer(s, s.fetch.poll_request, 200, "", "req-3",
                      R"({"CommandInvocations":[)" + invocation("i-0a1b2c3d4e5f60719", "InProgress") + "]}");
    settle(h, s);
    Json j = view_state_to_json(s);
    CHECK(j["source"] == "fetch");
    CHECK(s.report.kind == ReportKind::Fleet);
    CHECK(s.report.fleet.invocations.size() == 2);
    // The round's report comes from fleet_follow, not from a second analysis: it must be that of
    // the text shown, diagnostics and their places included.
    CHECK(report_to_json(s.report) == report_to_json(analyze(s.text)));
    CHECK(j["fetch"]["phase"] == "waiting");
    CHECK(j["fetch"]["polls"] == 3);
    CHECK(j["fetch"]["fleet"]["rounds"] == 1);
    CHECK(j["fetch"]["fleet"]["summary"] == "2 targets: 1 in progress, 1 success");
    CHECK(j["fetch"]["live_link"] == "");  // a live link names one invocation
    // A throttled ListCommands backs off; then the round that sees everything ended ends it.
    h.env.now_ms = s.fetch.follow.next_poll_ms;
    only(h.frame(s), "ListCommands");
    view_fetch_answer(s, s.fetch.poll_request, 400, "ThrottlingException", "req-4", R"({"__type":"ThrottlingException"})");
    settle(h, s);
    CHECK(fetch_json(s)["error"]["kind"] == "throttled");
    CHECK(fetch_json(s)["backoff_streak"] == 1);
    h.env.now_ms = s.fetch.follow.next_poll_ms;
    only(h.frame(s), "ListCommands");
    std::string ended = command;
    ended.replace(ended.find("\"InProgress\",\"StatusDetails\":\"InProgress\""), 41, "\"Success\",\"StatusDetails\":\"Success\"");
    ended.replace(ended.find("\"CompletedCount\":1"), 18, "\"CompletedCount\":2");
    view_fetch_answer(s, s.fetch.poll_request, 200, "", "req-5", ended);
    settle(h, s);
    h.env.now_ms = s.fetch.follow.next_poll_ms;
    only(h.frame(s), "ListCommandInvocations");
    view_fetch_answer(s, s.fetch.poll_request, 200, "", "req-6",
                      R"({"CommandInvocations":[)" + invocation("i-0a1b2c3d4e5f60718", "Success") + "," +
                          invocation("i-0a1b2c3d4e5f60719", "Success") + "]}");
    settle(h, s);
    j = view_state_to_json(s);
    CHECK(j["fetch"]["phase"] == "done");
    CHECK(j["fetch"]["fleet"]["end"] == "ended");
    CHECK(j["fetch"]["fleet"]["summary"] == "2 targets: 2 success");
    h.env.now_ms += 60 * 1000;
    CHECK(h.frames(s, 3).fetches.empty());
}
