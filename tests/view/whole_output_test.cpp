// tests/view/whole_output_test.cpp: the whole output in the panes: live from CloudWatch Logs
// while a followed command runs, complete from S3 (or the logs) when the answer was cut.
//
// Index
//   live        a followed invocation with CloudWatch output: one GetLogEvents per stream per poll,
//               events fill the pane, a missing stream is "no output yet", the tail is followed
//               only while the reader is at the bottom, a last batch after the end still lands,
//               then it settles and nothing more is sent; a minute of following stays at the pace
//   complete    "Load the complete output" on a cut answer: S3 Range parts with progress, Cancel
//               and Resume, a big object's first part and "Load the rest", the logs when there is
//               no S3 URL; find, copy and download act on what the pane holds
//   errors      AccessDenied names s3:GetObject and s3:ListBucket, or logs:GetLogEvents; an
//               unreachable proxy is retried, then shown
//   share       a link says whether it carries the complete or the cut output, and refuses beyond
//               its limit
//   lifetime    another invocation forgets what was read; late answers are dropped; no proxy, no
//               button
#include <string>

#include "fetch_support.h"
#include "logs_api.h"
#include "share_link.h"
#include "view_model.h"
#include "wording.h"

using namespace ssmview;
using namespace ssmview::test;

namespace {

// The lifecycle's InProgress answer, with its output sent to CloudWatch Logs.
std::string in_progress_with_logs(const std::string& status = "InProgress") {
    Json j;
    for (const ScriptedAnswer& a : lifecycle())
        if (a.status == 200 && Json::parse(a.body)["Status"] == status) j = Json::parse(a.body);
    REQUIRE(!j.is_null());
    j["CloudWatchOutputConfig"] = {{"CloudWatchLogGroupName", "/ssm/deploy"}, {"CloudWatchOutputEnabled", true}};
    return j.dump();
}

std::string stream_name(OutputStream s) { return log_stream_name(kCommand, kInstance, "aws:runShellScript", s); }

std::string events_body(const std::vector<std::string>& messages, const std::string& next_token) {
    Json events = Json::array();
    std::int64_t t = 1764000000000;
    for (const std::string& m : messages) events.push_back({{"timestamp", t++}, {"message", m}, {"ingestionTime", t}});
    return Json{{"events", events}, {"nextForwardToken", next_token}, {"nextBackwardToken", "b/0"}}.dump();
}

// The GetLogEvents request for `stream` among these actions (exactly one).
FetchRequest logs_read(const ViewActions& a, OutputStream stream) {
    std::vector<FetchRequest> found;
    for (const FetchRequest& r : requests_for(a, "GetLogEvents"))
        if (Json::parse(r.body)["logStreamName"] == stream_name(stream)) found.push_back(r);
    INFO("GetLogEvents for " << output_stream_name(stream));
    REQUIRE(found.size() == 1);
    return found.front();
}

// Follows kCommand/kInstance and answers its first poll with `body`.
ViewActions follow_and_answer(Headless& h, ViewState& s, const std::string& body) {
    view_load_text(s, fixture("success"), LoadSource::Sample, "success");
    h.frames(s, 2);
    view_fetch_open_link(s, FetchTarget{kCommand, kInstance, "aws:runShellScript", ""});
    h.frame(s);
    REQUIRE(s.fetch.poll_request != 0);
    view_fetch_answer(s, s.fetch.poll_request, 200, "", "req-1", body);
    return settle(h, s);
}

ViewActions answer(Headless& h, ViewState& s, const FetchRequest& r, int status, const std::string& body,
                   const std::string& type = "", const std::string& range = "") {
    view_fetch_answer(s, r.id, status, type, "req-2", body, range);
    return settle(h, s);
}

Json whole_json(const ViewState& s, const char* stream) { return view_state_to_json(s)["whole"][stream]; }

// The sample cut at 24,000 characters, with a proxy that answered (the first screen's discovery).
void cut_answer_with_proxy(Headless& h, ViewState& s, bool with_s3 = true) {
    Json j = Json::parse(fixture("truncated"));
    if (!with_s3) j["StandardOutputUrl"] = "", j["StandardErrorUrl"] = "";
    view_load_text(s, j.dump(), LoadSource::Paste, "");
    view_fetch_discover(s);
    const FetchRequest list = only(h.frame(s), "ListCommands");
    view_fetch_answer(s, list.id, 200, "", "req-0", R"({"Commands":[]})");
    settle(h, s);
}

std::string numbered_lines(int from, int to) {
    std::string out;
    for (int i = from; i <= to; ++i) out += "line " + std::to_string(i) + " \x1b[32mok\x1b[0m\n";
    return out;
}

std::string content_range(std::size_t from, std::size_t size, std::size_t total) {
    return "bytes " + std::to_string(from) + "-" + std::to_string(from + size - 1) + "/" + std::to_string(total);
}

const char* const kObjectPath =
    "/s3/us-east-1/acme-ssm-output/journal/0c9f51f7-a774-4e7b-8649-c97ef6062077/i-039e8c87c496b98cf/awsrunShellScript/"
    "0.awsrunShellScript/stdout";

}  // namespace

// ---- live -------------------------------------------------------------------------------------

TEST_CASE("a followed invocation with CloudWatch output reads one page per stream per poll", "[whole][live]") {
    Headless h;
    ViewState s;
    const ViewActions a = follow_and_answer(h, s, in_progress_with_logs());
    const FetchRequest out = logs_read(a, OutputStream::Stdout);
    const FetchRequest err = logs_read(a, OutputStream::Stderr);
    CHECK(out.url == "http://127.0.0.1:8787");
    CHECK(out.method == "POST");
    CHECK(header(out, "X-Amz-Target") == "Logs_20140328.GetLogEvents");
    CHECK(header(out, "Content-Type") == "application/x-amz-json-1.1");
    CHECK(out.body == get_log_events_request("/ssm/deploy", stream_name(OutputStream::Stdout), ""));
    CHECK(check_logs_request("GetLogEvents", out.body).ok);  // what the proxy will sign
    CHECK(check_logs_request("GetLogEvents", err.body).ok);

    answer(h, s, out, 200, events_body({"step 1\nstep 2\n"}, "f/1"));
    answer(h, s, err, 400, error_body("ResourceNotFoundException", "The specified log stream does not exist."),
           "ResourceNotFoundException");
    const Json j = view_state_to_json(s);
    CHECK(j["whole"]["live"] == true);
    CHECK(j["whole"]["stdout"]["phase"] == "live");
    CHECK(j["whole"]["stdout"]["shown"] == true);
    CHECK(j["whole"]["stdout"]["bytes"] == 14);
    CHECK(j["whole"]["stdout"]["where"] == "/ssm/deploy " + stream_name(OutputStream::Stdout));
    CHECK(j["whole"]["stderr"]["no_stream"] == true);  // no output yet: not an error
    CHECK(j["whole"]["stderr"]["error"].is_null());
    CHECK(j["whole"]["stderr"]["phase"] == "live");
    CHECK(s.model->out[0].doc.text == "step 1\nstep 2\n");
    const std::string words = h.frame_text(s);
    CHECK(words.find("Live from CloudWatch Logs:") != std::string::npos);

    // The next poll reads on from the token.
    h.env.now_ms = s.fetch.follow.next_poll_ms;
    const FetchRequest poll = only(h.frame(s), "GetCommandInvocation");
    const ViewActions b = answer(h, s, poll, 200, in_progress_with_logs());
    CHECK(Json::parse(logs_read(b, OutputStream::Stdout).body)["nextToken"] == "f/1");
    CHECK(Json::parse(logs_read(b, OutputStream::Stderr).body).count("nextToken") == 0);
}

TEST_CASE("live output keeps the tail in view only while the reader is at the bottom", "[whole][live]") {
    Headless h;
    ViewState s;
    ViewActions a = follow_and_answer(h, s, in_progress_with_logs());
    answer(h, s, logs_read(a, OutputStream::Stdout), 200, events_body({numbered_lines(1, 400)}, "f/1"));
    h.frames(s, 3);
    CHECK(view_state_to_json(s)["visible"]["stdout_first_line"].get<int>() > 300);  // at the bottom: the last lines are shown
    CHECK(whole_json(s, "stdout")["at_bottom"] == true);

    // The reader scrolls up: new lines arrive below without moving the view.
    float r[4];
    REQUIRE(view_control_rect(s, "output.pane", r));
    ImGui::GetIO().AddMousePosEvent(r[0] + r[2] / 2, r[1] + r[3] / 2);
    for (int i = 0; i < 6; ++i) {
        ImGui::GetIO().AddMouseWheelEvent(0.0f, 10.0f);
        h.frame(s);
    }
    const int scrolled_to = view_state_to_json(s)["visible"]["stdout_first_line"].get<int>();
    CHECK(scrolled_to < 300);
    CHECK(whole_json(s, "stdout")["at_bottom"] == false);
    h.env.now_ms = s.fetch.follow.next_poll_ms;
    a = answer(h, s, only(h.frame(s), "GetCommandInvocation"), 200, in_progress_with_logs());
    answer(h, s, logs_read(a, OutputStream::Stdout), 200, events_body({numbered_lines(401, 800)}, "f/2"));
    h.frames(s, 3);
    CHECK(view_state_to_json(s)["visible"]["stdout_first_line"] == scrolled_to);
    CHECK(view_state_to_json(s)["fields"]["StandardOutputContent"]["lines"].is_number());
    CHECK(s.model->out[0].doc.lines.count() == 800);
}

TEST_CASE("after the end the logs are read until they settle, a late batch included, then nothing", "[whole][live]") {
    Headless h;
    ViewState s;
    ViewActions a = follow_and_answer(h, s, in_progress_with_logs());
    answer(h, s, logs_read(a, OutputStream::Stdout), 200, events_body({"one\n"}, "f/1"));
    answer(h, s, logs_read(a, OutputStream::Stderr), 200, events_body({}, "e/0"));

    // The status turns terminal; the agent's last batch lands afterwards.
    h.env.now_ms = s.fetch.follow.next_poll_ms;
    a = answer(h, s, only(h.frame(s), "GetCommandInvocation"), 200, in_progress_with_logs("Success"));
    CHECK(fetch_json(s)["phase"] == "done");
    answer(h, s, logs_read(a, OutputStream::Stdout), 200, events_body({}, "f/1"));
    answer(h, s, logs_read(a, OutputStream::Stderr), 200, events_body({}, "e/0"));
    CHECK(whole_json(s, "stdout")["phase"] == "live");  // not settled yet

    const std::int64_t ended = h.env.now_ms;
    h.env.now_ms = ended + kFollowIntervalMs;
    a = h.frame(s);
    answer(h, s, logs_read(a, OutputStream::Stdout), 200, events_body({"two (late)\n"}, "f/2"));
    answer(h, s, logs_read(a, OutputStream::Stderr), 200, events_body({}, "e/0"));
    CHECK(s.model->out[0].doc.text == "one\ntwo (late)\n");
    CHECK(whole_json(s, "stdout")["phase"] == "live");  // it grew: another round

    h.env.now_ms += kFollowIntervalMs;
    a = h.frame(s);
    answer(h, s, logs_read(a, OutputStream::Stdout), 200, events_body({}, "f/2"));
    answer(h, s, logs_read(a, OutputStream::Stderr), 200, events_body({}, "e/0"));
    settle(h, s);
    const Json j = view_state_to_json(s)["whole"];
    CHECK(j["live"] == false);
    CHECK(j["stdout"]["phase"] == "done");
    CHECK(j["stdout"]["shown"] == true);
    CHECK(j["stderr"]["shown"] == false);  // nothing on stderr: the pane shows the answer's member
    CHECK(h.frame_text(s).find("Complete output from CloudWatch Logs:") != std::string::npos);

    h.env.now_ms += 60 * 1000;
    CHECK(h.frames(s, 3).fetches.empty());
}

TEST_CASE("a minute of following reads the logs no more often than the pace allows", "[whole][live]") {
    Headless h;
    ViewState s;
    ViewActions a = follow_and_answer(h, s, in_progress_with_logs());
    const std::int64_t start = h.env.now_ms;
    int reads = 0, polls = 1;
    std::string token = "f/0";
    for (int step = 0; h.env.now_ms - start < 60 * 1000 && step < 1000; ++step) {
        for (const FetchRequest& r : a.fetches) {
            if (r.action == "GetLogEvents") {
                ++reads;
                view_fetch_answer(s, r.id, 200, "", "r", events_body({"tick\n"}, token = token + "x"));
            } else if (r.action == "GetCommandInvocation") {
                ++polls;
                view_fetch_answer(s, r.id, 200, "", "r", in_progress_with_logs());
            }
        }
        h.env.now_ms += 250;
        a = h.frame(s);
    }
    INFO("polls " << polls << ", reads " << reads);
    CHECK(polls <= 60 / 5 + 1);
    CHECK(reads <= 2 * polls);  // one page per stream per poll: no backlog here
    CHECK(reads >= 2 * (polls - 1));
    CHECK(view_state_to_json(s)["whole"]["logs_reads"] == reads);
}

TEST_CASE("a backlog reads more pages in one poll, up to the cap", "[whole][live]") {
    Headless h;
    ViewState s;
    ViewActions a = follow_and_answer(h, s, in_progress_with_logs());
    FetchRequest r = logs_read(a, OutputStream::Stdout);
    const std::vector<std::string> big(kBacklogEvents, "x\n");
    int pages = 0;
    for (;;) {
        view_fetch_answer(s, r.id, 200, "", "r", events_body(big, "f/" + std::to_string(++pages)));
        a = h.frame(s);
        const std::vector<FetchRequest> next = requests_for(a, "GetLogEvents");
        if (next.empty()) break;
        REQUIRE(next.size() == 1);
        r = next.front();
        REQUIRE(pages < 100);
    }
    CHECK(pages == kMaxPagesPerRead);
}

// ---- complete --------------------------------------------------------------------------------

TEST_CASE("Load the complete output reads the S3 object in Range parts, with progress, to the end", "[whole][s3]") {
    Headless h;
    ViewState s;
    cut_answer_with_proxy(h, s);
    CHECK(whole_json(s, "stdout")["can_load"] == "");
    CHECK(h.frame_text(s).find("Load the complete output") != std::string::npos);
    ViewActions a = h.click(s, "output.load_complete");
    FetchRequest get = only(a, "GetObject");
    CHECK(get.method == "GET");
    CHECK(get.url == std::string("http://127.0.0.1:8787") + kObjectPath);
    CHECK(get.body.empty());
    CHECK(header(get, "Range") == "bytes=0-" + std::to_string(kS3PartBytes - 1));

    // 20 MB: two parts. The first one is shown while the second loads.
    const std::string object = numbered_lines(1, 20 * 1000 * 1000 / 20);
    const std::size_t total = object.size();
    REQUIRE(total > static_cast<std::size_t>(kS3PartBytes));
    const std::size_t part = static_cast<std::size_t>(kS3PartBytes);
    a = answer(h, s, get, 206, object.substr(0, part), "", content_range(0, part, total));
    Json w = whole_json(s, "stdout");
    CHECK(w["phase"] == "loading");
    CHECK(w["bytes"] == part);
    CHECK(w["total_bytes"] == total);
    CHECK(w["shown"] == true);
    float r[4];
    CHECK(view_control_rect(s, "output.whole_progress", r));
    CHECK(view_control_rect(s, "output.whole_cancel", r));
    get = only(a, "GetObject");
    CHECK(header(get, "Range") == "bytes=" + std::to_string(part) + "-" + std::to_string(total - 1));
    answer(h, s, get, 206, object.substr(part), "", content_range(part, total - part, total));

    w = whole_json(s, "stdout");
    CHECK(w["phase"] == "done");
    CHECK(w["bytes"] == total);
    CHECK(w["where"] == "s3://acme-ssm-output/journal/0c9f51f7-a774-4e7b-8649-c97ef6062077/i-039e8c87c496b98cf/"
                        "awsrunShellScript/0.awsrunShellScript/stdout");
    const std::string words = h.frame_text(s);
    CHECK(words.find("Complete output from S3:") != std::string::npos);
    CHECK(words.find("MB (" ) != std::string::npos);
    CHECK(words.find("The whole output is in S3:") == std::string::npos);  // the truncation banner is gone
    CHECK(s.model->out[0].doc.lines.count() == 1000000);

    // Find, copy and download act on the complete text.
    s.ui.find_query = "line 999999 ";
    h.frames(s, 2);
    CHECK(view_state_to_json(s)["ui"]["find"]["matches"] == 1);
    ViewActions copy = h.click(s, "output.copy_all");
    CHECK(copy.copy_text.size() < total);  // escapes removed
    CHECK(copy.copy_text.substr(copy.copy_text.size() - 16) == "line 1000000 ok\n");
    ViewActions dl = h.click(s, "output.download");
    CHECK(dl.download_data == object);  // the bytes as S3 holds them
}

TEST_CASE("Cancel keeps what was read and drops the answer in flight; Resume reads on from there", "[whole][s3]") {
    Headless h;
    ViewState s;
    cut_answer_with_proxy(h, s);
    ViewActions a = h.click(s, "output.load_complete");
    const std::string object = numbered_lines(1, 1100000);
    const std::size_t part = static_cast<std::size_t>(kS3PartBytes);
    a = answer(h, s, only(a, "GetObject"), 206, object.substr(0, part), "", content_range(0, part, object.size()));
    const FetchRequest second = only(a, "GetObject");
    a = h.click(s, "output.whole_cancel");
    // The part in flight (up to 16 MB) is aborted, not read to its end for nothing.
    CHECK(a.cancel_fetches == std::vector<int>{second.id});
    CHECK(a.fetches.empty());
    Json w = whole_json(s, "stdout");
    CHECK(w["phase"] == "partial");
    CHECK(w["cancelled"] == true);
    CHECK(w["bytes"] == part);
    CHECK(h.frame_text(s).find("Loading cancelled:") != std::string::npos);
    // The answer to the cancelled read arrives anyway (the abort came too late): ignored. So is
    // the failure the abort brings.
    answer(h, s, second, 206, object.substr(part), "", content_range(part, object.size() - part, object.size()));
    CHECK(whole_json(s, "stdout")["bytes"] == part);
    view_fetch_failed(s, second.id, "AbortError: The user aborted a request.");
    h.frames(s, 1);
    CHECK(whole_json(s, "stdout")["phase"] == "partial");
    CHECK(whole_json(s, "stdout")["error"].is_null());

    a = h.click(s, "output.whole_rest");  // "Resume"
    const FetchRequest resumed = only(a, "GetObject");
    CHECK(header(resumed, "Range") == "bytes=" + std::to_string(part) + "-" + std::to_string(object.size() - 1));
    answer(h, s, resumed, 206, object.substr(part), "", content_range(part, object.size() - part, object.size()));
    CHECK(whole_json(s, "stdout")["phase"] == "done");
    CHECK(s.whole.s[0].text == object);
}

TEST_CASE("a very large object is read to kS3ReadAtOnceBytes, then the rest is offered", "[whole][s3]") {
    Headless h;
    ViewState s;
    cut_answer_with_proxy(h, s);
    ViewActions a = h.click(s, "output.load_complete");
    const std::size_t total = static_cast<std::size_t>(kS3ReadAtOnceBytes) + 1000;
    const std::string chunk(static_cast<std::size_t>(kS3PartBytes), 'a');
    std::size_t from = 0;
    while (from < static_cast<std::size_t>(kS3ReadAtOnceBytes)) {
        a = answer(h, s, only(a, "GetObject"), 206, chunk, "", content_range(from, chunk.size(), total));
        from += chunk.size();
    }
    CHECK(requests_for(a, "GetObject").empty());
    Json w = whole_json(s, "stdout");
    CHECK(w["phase"] == "partial");
    CHECK(w["cancelled"] == false);
    CHECK(h.frame_text(s).find("The first part of the complete output, from S3:") != std::string::npos);
    a = h.click(s, "output.whole_rest");  // "Load the rest"
    const FetchRequest rest = only(a, "GetObject");
    CHECK(header(rest, "Range") == "bytes=" + std::to_string(kS3ReadAtOnceBytes) + "-" + std::to_string(total - 1));
    answer(h, s, rest, 206, std::string(1000, 'b'), "", content_range(from, 1000, total));
    CHECK(whole_json(s, "stdout")["phase"] == "done");
}

TEST_CASE("without an S3 URL the complete output is read from CloudWatch Logs to the end of the stream", "[whole][logs]") {
    Headless h;
    ViewState s;
    cut_answer_with_proxy(h, s, false);
    ViewActions a = h.click(s, "output.load_complete");
    FetchRequest r = only(a, "GetLogEvents");
    const Json body = Json::parse(r.body);
    CHECK(body["logGroupName"] == "/ssm/run-command/journal");
    CHECK(body["logStreamName"] ==
          log_stream_name("0c9f51f7-a774-4e7b-8649-c97ef6062077", "i-039e8c87c496b98cf", "aws:runShellScript", OutputStream::Stdout));
    a = answer(h, s, r, 200, events_body({numbered_lines(1, 3000)}, "f/1"));
    r = only(a, "GetLogEvents");
    CHECK(Json::parse(r.body)["nextToken"] == "f/1");
    a = answer(h, s, r, 200, events_body({numbered_lines(3001, 3002)}, "f/2"));
    r = only(a, "GetLogEvents");
    answer(h, s, r, 200, events_body({}, "f/2"));  // the token came back: the end
    const Json w = whole_json(s, "stdout");
    CHECK(w["phase"] == "done");
    CHECK(w["source"] == "logs");
    CHECK(w["events"] == 2);
    CHECK(s.whole.s[0].text == numbered_lines(1, 3002));
}

// ---- errors ------------------------------------------------------------------------------------

TEST_CASE("S3 AccessDenied names s3:GetObject and s3:ListBucket; Try again starts over", "[whole][errors]") {
    Headless h;
    ViewState s;
    cut_answer_with_proxy(h, s);
    ViewActions a = h.click(s, "output.load_complete");
    const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied"
                            "</Message><RequestId>R1</RequestId></Error>";
    answer(h, s, only(a, "GetObject"), 403, xml);
    const Json w = whole_json(s, "stdout");
    CHECK(w["phase"] == "failed");
    CHECK(w["error"]["type"] == "AccessDenied");
    const std::string hint = w["error"]["hint"];
    CHECK(hint.find("s3:GetObject") != std::string::npos);
    CHECK(hint.find("s3:ListBucket") != std::string::npos);
    const std::string words = h.frame_text(s);
    CHECK(words.find("Could not read the output from S3:") != std::string::npos);
    CHECK(words.find("s3:GetObject") != std::string::npos);
    CHECK(whole_json(s, "stdout")["shown"] == false);  // the cut text stays on screen
    a = h.click(s, "output.whole_retry");
    CHECK(header(only(a, "GetObject"), "Range") == "bytes=0-" + std::to_string(kS3PartBytes - 1));
}

TEST_CASE("Logs AccessDenied names logs:GetLogEvents and ends live reading of that stream", "[whole][errors]") {
    Headless h;
    ViewState s;
    const ViewActions a = follow_and_answer(h, s, in_progress_with_logs());
    answer(h, s, logs_read(a, OutputStream::Stdout), 400,
           error_body("AccessDeniedException", "User is not authorized to perform: logs:GetLogEvents"), "AccessDeniedException");
    const Json w = whole_json(s, "stdout");
    CHECK(w["phase"] == "failed");
    CHECK(w["error"]["kind"] == "access_denied");
    CHECK(w["error"]["hint"].get<std::string>().find("logs:GetLogEvents") != std::string::npos);
}

TEST_CASE("a 200 answer that is no log page stops that stream with core's unreadable-answer error", "[whole][errors]") {
    Headless h;
    ViewState s;
    const ViewActions a = follow_and_answer(h, s, in_progress_with_logs());
    answer(h, s, logs_read(a, OutputStream::Stdout), 200, "<html>a captive portal</html>");
    const Json w = whole_json(s, "stdout");
    CHECK(w["phase"] == "failed");
    CHECK(w["error"]["title"].get<std::string>().rfind("Unreadable answer: ", 0) == 0);
    CHECK(w["error"]["hint"].get<std::string>().find("logs:GetLogEvents") != std::string::npos);
    CHECK(whole_json(s, "stderr")["phase"] == "live");  // the other stream reads on
}

TEST_CASE("an unreachable proxy is tried again after a back-off, then shown with its hint", "[whole][errors]") {
    Headless h;
    ViewState s;
    cut_answer_with_proxy(h, s);
    ViewActions a = h.click(s, "output.load_complete");
    for (int attempt = 0; attempt <= 4; ++attempt) {
        const FetchRequest r = only(a, "GetObject");
        view_fetch_failed(s, r.id, "TypeError: Failed to fetch");
        a = settle(h, s);
        if (attempt == 4) break;
        CHECK(whole_json(s, "stdout")["phase"] == "loading");
        CHECK(requests_for(a, "GetObject").empty());  // not at once
        CHECK(a.redraw_after_ms > 0);
        h.env.now_ms += a.redraw_after_ms;
        a = h.frame(s);
    }
    const Json w = whole_json(s, "stdout");
    CHECK(w["phase"] == "failed");
    CHECK(w["error"]["kind"] == "unreachable");
}

// ---- share ---------------------------------------------------------------------------------------

TEST_CASE("a share link says whether it carries the complete or the cut output", "[whole][share]") {
    Headless h;
    ViewState s;
    cut_answer_with_proxy(h, s);
    CHECK(view_state_to_json(s)["share"]["carries_stdout"] ==
          "Standard output: the link carries the output cut, as GetCommandInvocation returned it. " +
              output_limit_sentence(OutputMember::StandardOutput));
    ViewActions a = h.click(s, "output.load_complete");
    const std::string object = numbered_lines(1, 5000);
    answer(h, s, only(a, "GetObject"), 206, object, "", content_range(0, object.size(), object.size()));
    Json share = view_state_to_json(s)["share"];
    CHECK(share["whole"] == true);
    REQUIRE(object.size() == 108893);
    CHECK(share["carries_stdout"] == "Standard output: the link carries the complete output (108.9 kB (108,893 bytes), from S3).");
    s.ui.tab = ViewTab::Share;
    a = h.click(s, "share.copy_link");
    REQUIRE(a.request_share_link);
    const Report shared = analyze(a.share_json);
    CHECK(shared.invocation.standard_output_content.value == object);
    CHECK_FALSE(output_cut(shared, OutputMember::StandardOutput).cut());

    // Unticked: the cut output, as the answer had it.
    s.ui.share_whole = false;
    h.frames(s, 2);  // the words above the button changed: it moved
    a = h.click(s, "share.copy_link");
    CHECK(analyze(a.share_json).invocation.standard_output_content.value ==
          s.report.invocation.standard_output_content.value);
    CHECK(view_state_to_json(s)["share"]["carries_stdout"].get<std::string>().find("cut") != std::string::npos);
}

TEST_CASE("a share link refuses, with the reason, to carry more than its limit", "[whole][share]") {
    Headless h;
    ViewState s;
    cut_answer_with_proxy(h, s);
    ViewActions a = h.click(s, "output.load_complete");
    const std::size_t total = kMaxLinkDecodedBytes + 1000;
    const std::string line(99, 'z');
    std::string object;
    while (object.size() < total) object += line + "\n";
    std::size_t from = 0;
    while (from < object.size()) {
        const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(kS3PartBytes), object.size() - from);
        a = answer(h, s, only(a, "GetObject"), 206, object.substr(from, n), "", content_range(from, n, object.size()));
        from += n;
    }
    REQUIRE(whole_json(s, "stdout")["phase"] == "done");
    s.ui.tab = ViewTab::Share;
    a = h.click(s, "share.copy_link");
    CHECK_FALSE(a.request_share_link);
    const std::string error = view_state_to_json(s)["share"]["error"];
    CHECK(error.rfind("The report is too large for a link: ", 0) == 0);
    CHECK(error.find("too large for a link") != std::string::npos);
    CHECK(error.find(std::to_string(kMaxLinkDecodedBytes / 1024) + " KiB") != std::string::npos);
    CHECK(h.frame_text(s).find("too large for a link") != std::string::npos);
}

TEST_CASE("sizes are said in decimal units with the exact count", "[whole][share]") {
    CHECK(bytes_text(1) == "1 byte");
    CHECK(bytes_text(812) == "812 bytes");
    CHECK(bytes_text(108893) == "108.9 kB (108,893 bytes)");
    CHECK(bytes_text(10485760) == "10.5 MB (10,485,760 bytes)");
    CHECK(bytes_text(3000000000) == "3.0 GB (3,000,000,000 bytes)");
}

// ---- lifetime ------------------------------------------------------------------------------------

TEST_CASE("another invocation forgets what was read, and a late answer is dropped", "[whole][lifetime]") {
    Headless h;
    ViewState s;
    cut_answer_with_proxy(h, s);
    const FetchRequest get = only(h.click(s, "output.load_complete"), "GetObject");
    view_load_text(s, fixture("success"), LoadSource::Paste, "");
    answer(h, s, get, 206, "late", "", content_range(0, 4, 4));
    const Json w = whole_json(s, "stdout");
    CHECK(w["phase"] == "none");
    CHECK(w["bytes"] == 0);
}

TEST_CASE("with no proxy running, Load says how to start one and the console links stay", "[whole][lifetime]") {
    Headless h;
    ViewState s;
    view_load_text(s, fixture("truncated"), LoadSource::Paste, "");
    h.frames(s, 3);
    CHECK(whole_json(s, "stdout")["can_load"] == "");
    CHECK(h.frame_text(s).find("through ssmview-proxy at http://127.0.0.1:8787") != std::string::npos);
    ViewActions a = h.click(s, "output.load_complete");
    for (int attempt = 0; attempt <= 4; ++attempt) {
        view_fetch_failed(s, only(a, "GetObject").id, "TypeError: Failed to fetch");
        a = settle(h, s);
        if (attempt == 4) break;
        h.env.now_ms += a.redraw_after_ms;
        a = h.frame(s);
    }
    const Json w = whole_json(s, "stdout");
    CHECK(w["phase"] == "failed");
    CHECK(w["error"]["hint"].get<std::string>().find("bash scripts/run.sh") != std::string::npos);
    float r[4];
    h.frames(s, 2);
    CHECK(view_control_rect(s, "output.truncated_link", r));  // the S3 link and its console link stay
    CHECK(view_control_rect(s, "output.whole_retry", r));
    // An output that was not cut offers nothing.
    CHECK(whole_json(s, "stderr")["can_load"] == "The output was not cut: the answer holds all of it.");
}
