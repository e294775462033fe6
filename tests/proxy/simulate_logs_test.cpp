// tests/proxy/simulate_logs_test.cpp: the simulator's CloudWatch Logs: the agent's streams, growing as commands run.
//
// Index
//   helpers            a simulated proxy on a manual clock; reads with the core's request builders
//                      and reader (logs_api.h), through the proxy's routes
//   streams appear     not before their first upload (ResourceNotFoundException), stderr late
//   growth             the end token comes back unchanged, and later returns what landed since
//   the last batch     lands kLastLogUploadAfterEndMs after the status is terminal
//   events             many lines each, at most 200 KiB, concatenated = the output as written
//   paging             limit, startFromHead, the default last page, tokens of other streams
//   FilterLogEvents    <CommandId>/ reads every stream of a command, merged; nextToken while more
//   errors             missing group, a body the core refuses, another action
//   throttling         Logs requests are numbered (and throttled) with SSM's
//   robustness         mutated bodies and tokens: always an answer in the service's shape
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "logs_api.h"
#include "simulate_logs.h"
#include "simulate_uploads.h"
#include "simulate_walk.h"
#include "ssm_api.h"

using namespace ssmview::proxy;
using ssmview_test::kWalkStartMs;
using Json = nlohmann::ordered_json;

namespace {

const std::string kExport = "c8b4e1f2-7a39-4d6e-b0c5-93f1a2d7e468";
const std::string kExportNode = "i-0c3e9a7f15b2d8064";
const std::string kExportGroup = "/ssmview/simulated/exports";
const std::string kExportOut = kExport + "/" + kExportNode + "/aws-runShellScript/stdout";
const std::string kExportErr = kExport + "/" + kExportNode + "/aws-runShellScript/stderr";
// The export's step starts 5,030 ms after the command; the agent uploads every 2 s of it.
constexpr std::int64_t kExportStart = 5030, kExportEnd = 26900;

const Step& export_step() { return find_command(kExport)->invocations[0].steps[0]; }

struct Sim {
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kWalkStartMs);
    SimulatedUpstream            upstream;
    explicit Sim(int throttle_every = 0) : upstream(SimulateOptions{throttle_every, 1.0}, clock) {}

    void start() { REQUIRE(ssmview_test::ask(upstream, "ListCommands", "{}").status == 200); }
    void at(std::int64_t t_ms) { clock->set(kWalkStartMs + t_ms); }
    ssmview::aws::HttpResponse get(const std::string& group, const std::string& stream, const std::string& token = "") {
        return ssmview_test::ask_logs(upstream, "GetLogEvents", ssmview::get_log_events_request(group, stream, token));
    }
    ssmview::LogEventsPage page(const std::string& group, const std::string& stream, const std::string& token = "") {
        auto r = get(group, stream, token);
        INFO(r.body.substr(0, 500));
        REQUIRE(r.status == 200);
        ssmview::LogEventsPage p = ssmview::read_log_events(r.body);
        REQUIRE(p.ok);
        return p;
    }
    // Every event from the head to the end: pages until the token comes back unchanged.
    std::vector<ssmview::LogEvent> all(const std::string& group, const std::string& stream, std::string* end_token = nullptr) {
        std::vector<ssmview::LogEvent> events;
        std::string token;
        for (int pages = 0; pages < 100; ++pages) {
            ssmview::LogEventsPage p = page(group, stream, token);
            for (auto& e : p.events) events.push_back(std::move(e));
            if (p.next_token == token) break;
            token = p.next_token;
        }
        if (end_token) *end_token = token;
        return events;
    }
};

std::string joined(const std::vector<ssmview::LogEvent>& events) {
    std::string text;
    for (const auto& e : events) text += e.message;
    return text;
}

std::string header(const ssmview::aws::HttpResponse& r, const char* name) {
    return std::string(ssmview::aws::header_value(r.headers, name));
}

}  // namespace

// ---- streams appear -----------------------------------------------------------------------

TEST_CASE("a log stream does not exist before the agent's first upload of it, then it does") {
    Sim sim;
    sim.start();
    sim.at(kExportStart + kLogUploadEveryMs - 1);
    auto before = sim.get(kExportGroup, kExportOut);
    CHECK(before.status == 400);
    CHECK(header(before, "x-amzn-ErrorType") == "ResourceNotFoundException");
    CHECK(before.body == R"({"__type":"ResourceNotFoundException","message":"The specified log stream does not exist."})");
    sim.at(kExportStart + kLogUploadEveryMs);
    auto first = sim.page(kExportGroup, kExportOut);
    CHECK(!first.events.empty());
    CHECK(joined(first.events) == export_step().out.until(kLogUploadEveryMs));
}

TEST_CASE("stderr's stream appears late: only with the upload after its first line (12.4 s into the step)") {
    Sim sim;
    sim.start();
    sim.at(kExportStart + 14000 - 1);
    CHECK(sim.all(kExportGroup, kExportOut).size() > 10);
    CHECK(sim.get(kExportGroup, kExportErr).status == 400);
    sim.at(kExportStart + 14000);
    auto err = sim.all(kExportGroup, kExportErr);
    REQUIRE(err.size() == 1);  // two lines, one event
    CHECK(err[0].message == "warning: order 104233: price missing, exported with total 0.00\n"
                            "warning: order 104871: price missing, exported with total 0.00\n");
    CHECK(err[0].timestamp_ms == kWalkStartMs + kExportStart + 12400);  // when its first line was written
}

TEST_CASE("a step without stderr never gets a stderr stream, even long after it ended") {
    Sim sim;
    sim.start();
    sim.at(120000);
    const std::string two_steps = "a6e3f0b9-15d4-4c8a-9f27-8b0d2e6c4a91/i-0d5b9f1e3a7c2e864/";
    CHECK(!sim.all("/aws/ssm/ssmview-InstallAndVerify", two_steps + "installPackages/stdout").empty());
    CHECK(sim.get("/aws/ssm/ssmview-InstallAndVerify", two_steps + "installPackages/stderr").status == 400);
}

// ---- growth -------------------------------------------------------------------------------

TEST_CASE("at the end of a stream the same token comes back with no events; later it returns what landed since") {
    Sim sim;
    sim.start();
    sim.at(kExportStart + 4000);
    std::string end;
    const std::string first = joined(sim.all(kExportGroup, kExportOut, &end));
    CHECK(first == export_step().out.until(4000));
    ssmview::LogEventsPage again = sim.page(kExportGroup, kExportOut, end);
    CHECK(again.events.empty());
    CHECK(again.next_token == end);

    sim.at(kExportStart + 5999);  // no upload in between: still nothing new
    CHECK(sim.page(kExportGroup, kExportOut, end).events.empty());
    sim.at(kExportStart + 6000);
    ssmview::LogEventsPage later = sim.page(kExportGroup, kExportOut, end);
    CHECK(!later.events.empty());
    CHECK(later.next_token != end);
    CHECK(first + joined(later.events) == export_step().out.until(6000));
}

// ---- the last batch -----------------------------------------------------------------------

TEST_CASE("the last batch lands 3 s after the status turns terminal") {
    Sim sim;
    const std::string body = ssmview_test::get_body(kExport, kExportNode);
    sim.start();
    sim.at(kExportEnd);
    auto status = Json::parse(ssmview_test::ask(sim.upstream, "GetCommandInvocation", body).body);
    CHECK(status["Status"] == "Success");
    const std::string whole(export_step().out.text());
    std::string end;
    const std::string at_end = joined(sim.all(kExportGroup, kExportOut, &end));
    CHECK(at_end == export_step().out.until(20000));  // the last periodic upload
    CHECK(at_end.size() < whole.size());
    sim.at(kExportEnd + kLastLogUploadAfterEndMs - 1);
    CHECK(sim.page(kExportGroup, kExportOut, end).events.empty());
    sim.at(kExportEnd + kLastLogUploadAfterEndMs);
    ssmview::LogEventsPage last = sim.page(kExportGroup, kExportOut, end);
    REQUIRE(last.events.size() == 1);
    CHECK(at_end + last.events[0].message == whole);
    CHECK(last.events[0].message.find(" bytes echoed;") != std::string::npos);
    // Its ingestionTime is after ExecutionEndDateTime.
    auto raw = Json::parse(sim.get(kExportGroup, kExportOut, end).body);
    CHECK(raw["events"][0]["ingestionTime"] == kWalkStartMs + kExportEnd + kLastLogUploadAfterEndMs);
    CHECK(status["ExecutionEndDateTime"] == "2026-11-20T14:00:26.900Z");
}

// ---- events -------------------------------------------------------------------------------

TEST_CASE("one event holds many lines, at most 200 KiB, and the messages concatenated are the output as written") {
    Sim sim;
    sim.start();
    sim.at(120000);
    auto events = sim.all(kExportGroup, kExportOut);
    CHECK(events.size() > 20);
    std::size_t most_lines = 0;
    for (const auto& e : events) {
        CHECK(e.message.size() <= kMaxLogEventBytes);
        CHECK(e.message.back() == '\n');  // split at line ends
        most_lines = std::max<std::size_t>(most_lines, std::count(e.message.begin(), e.message.end(), '\n'));
    }
    CHECK(most_lines > 5000);
    CHECK(joined(events) == export_step().out.text());
    for (std::size_t i = 1; i < events.size(); ++i) CHECK(events[i - 1].timestamp_ms <= events[i].timestamp_ms);

    // ANSI escapes and multi-byte text are kept (the deploy).
    const std::string deploy = "7c1e2b9a-4f3d-4e8a-9b61-2d5f0c3a8e17/i-0a3f5c9e71b2d4086/aws-runShellScript/stdout";
    const std::string text = joined(sim.all("/ssmview/simulated/deploy", deploy));
    CHECK(text == find_command("7c1e2b9a-4f3d-4e8a-9b61-2d5f0c3a8e17")->invocations[0].steps[0].out.text());
    CHECK(text.find("\x1b[1;34m==>") != std::string::npos);
}

// ---- paging -------------------------------------------------------------------------------

TEST_CASE("limit pages one event at a time; without startFromHead the answer is the last page") {
    Sim sim;
    sim.start();
    sim.at(120000);
    const auto all = sim.all(kExportGroup, kExportOut);
    std::string token;
    std::string text;
    for (std::size_t i = 0; i < all.size(); ++i) {
        Json req = Json::parse(ssmview::get_log_events_request(kExportGroup, kExportOut, token));
        req["limit"] = 1;
        auto r = ssmview_test::ask_logs(sim.upstream, "GetLogEvents", req.dump());
        ssmview::LogEventsPage p = ssmview::read_log_events(r.body);
        REQUIRE(p.events.size() == 1);
        text += p.events[0].message;
        token = p.next_token;
    }
    CHECK(text == joined(all));

    Json tail = {{"logGroupName", kExportGroup}, {"logStreamName", kExportOut}, {"limit", 2}};
    ssmview::LogEventsPage last = ssmview::read_log_events(ssmview_test::ask_logs(sim.upstream, "GetLogEvents", tail.dump()).body);
    REQUIRE(last.events.size() == 2);
    CHECK(last.events[0].message == all[all.size() - 2].message);
    CHECK(last.events[1].message == all.back().message);
}

TEST_CASE("a page holds at most 1 MB of messages; the next one continues where it stopped") {
    Sim sim;
    sim.start();
    sim.at(120000);
    ssmview::LogEventsPage first = sim.page(kExportGroup, kExportOut);
    std::size_t bytes = 0;
    for (const auto& e : first.events) bytes += e.message.size();
    CHECK(bytes <= kSimLogsPageBytes);
    CHECK(bytes + kMaxLogEventBytes > kSimLogsPageBytes);  // full: one more event would not fit
}

TEST_CASE("a token made up, or issued for another stream, is InvalidParameterException") {
    Sim sim;
    sim.start();
    sim.at(120000);
    std::string end;
    sim.all(kExportGroup, kExportErr, &end);
    for (const std::string& token : {std::string("f/00000000000000000000000000000000000000000000000000000001/s"), end,
                                     std::string("not-a-token")}) {
        auto r = sim.get(kExportGroup, kExportOut, token);
        INFO(token);
        CHECK(r.status == 400);
        CHECK(r.body == R"({"__type":"InvalidParameterException","message":"The specified nextToken is invalid."})");
    }
}

// ---- FilterLogEvents ----------------------------------------------------------------------

TEST_CASE("FilterLogEvents with <CommandId>/ reads every stream of the command, merged in time order") {
    Sim sim;
    sim.start();
    sim.at(120000);
    std::vector<ssmview::LogEvent> events;
    std::set<std::string> ids;
    std::string token;
    int pages = 0;
    for (; pages < 100; ++pages) {
        Json req = Json::parse(ssmview::filter_log_events_request(kExportGroup, kExport + "/", token));
        req["limit"] = 4;  // 4 events of at most 200 KiB: never cut by the 1 MB bound
        auto r = ssmview_test::ask_logs(sim.upstream, "FilterLogEvents", req.dump());
        REQUIRE(r.status == 200);
        const Json raw = Json::parse(r.body);
        CHECK(raw["searchedLogStreams"] == Json::array());
        for (const Json& e : raw["events"]) CHECK(ids.insert(e["eventId"].get<std::string>()).second);
        ssmview::LogEventsPage p = ssmview::read_log_events(r.body);
        CHECK(p.events.size() <= 4);
        for (auto& e : p.events) events.push_back(std::move(e));
        if (p.next_token.empty()) break;
        CHECK(p.events.size() == 4);  // nextToken only while more remains
        token = p.next_token;
    }
    CHECK(pages > 3);
    std::string out, err;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (i) CHECK(events[i - 1].timestamp_ms <= events[i].timestamp_ms);
        CHECK((events[i].stream == kExportOut || events[i].stream == kExportErr));
        (events[i].stream == kExportOut ? out : err) += events[i].message;
    }
    CHECK(out == export_step().out.text());
    CHECK(err == export_step().err.text());

    // A token continues only the query that issued it.
    Json other = Json::parse(ssmview::filter_log_events_request(kExportGroup, kExportOut, ""));
    other["limit"] = 1;
    const std::string foreign = ssmview::read_log_events(ssmview_test::ask_logs(sim.upstream, "FilterLogEvents", other.dump()).body).next_token;
    REQUIRE(!foreign.empty());
    auto r = ssmview_test::ask_logs(sim.upstream, "FilterLogEvents", ssmview::filter_log_events_request(kExportGroup, kExport + "/", foreign));
    CHECK(r.body == R"({"__type":"InvalidParameterException","message":"The specified nextToken is invalid."})");
}

TEST_CASE("FilterLogEvents reads only what has landed, and nothing of a command that never started") {
    Sim sim;
    auto none = Json::parse(ssmview_test::ask_logs(sim.upstream, "FilterLogEvents",
                                                   ssmview::filter_log_events_request(kExportGroup, kExport + "/", "")).body);
    CHECK(none["events"] == Json::array());
    CHECK(!none.contains("nextToken"));
    sim.start();
    sim.at(kExportStart + 14000);
    std::string out, err, token;
    for (int pages = 0; pages < 100; ++pages) {
        auto some = ssmview::read_log_events(ssmview_test::ask_logs(
            sim.upstream, "FilterLogEvents", ssmview::filter_log_events_request(kExportGroup, kExport + "/", token)).body);
        for (const auto& e : some.events) (e.stream == kExportOut ? out : err) += e.message;
        if (some.next_token.empty()) break;
        token = some.next_token;
    }
    CHECK(out == export_step().out.until(14000));
    CHECK(err == export_step().err.until(14000));
}

// ---- errors -------------------------------------------------------------------------------

TEST_CASE("a group no simulated command writes to does not exist; the commands' groups exist before any run") {
    Sim sim;
    auto missing = sim.get("/aws/ssm/AWS-RunPowerShellScript", "2f9a4c61-d83e-4b05-a7c2-e15b9f8d3064/mi-0c5e8f1a2b3d4e5f6/aws-runPowerShellScript/stdout");
    CHECK(missing.status == 400);
    CHECK(missing.body == R"({"__type":"ResourceNotFoundException","message":"The specified log group does not exist."})");
    // Before any SSM request: the group is there, the stream is not, and reading started nothing.
    CHECK(sim.get(kExportGroup, kExportOut).body ==
          R"({"__type":"ResourceNotFoundException","message":"The specified log stream does not exist."})");
    const Json described = sim.upstream.describe();
    for (const auto& c : described["commands"]) CHECK(c["run"] == 0);
}

TEST_CASE("a body the core's rule refuses is InvalidParameterException naming why; another action is unknown") {
    Sim sim;
    ProxyRequest r;
    r.service = Service::Logs;
    r.action = "FilterLogEvents";
    r.http.body = R"({"logGroupName":"/ssmview/simulated/exports","logStreamNamePrefix":")" + kExport +
                  R"(/","filterPattern":"ERROR"})";
    auto refused = sim.upstream.send(r);
    CHECK(refused.status == 400);
    CHECK(header(refused, "x-amzn-ErrorType") == "InvalidParameterException");
    CHECK(Json::parse(refused.body)["message"] ==
          "The request is not one ssmview sends: the body holds a member ssmview does not send with FilterLogEvents "
          "(only logGroupName, logStreamNamePrefix or logStreamNames, interleaved, nextToken, limit, startTime, endTime).");
    r.action = "DescribeLogStreams";
    r.http.body = "{}";
    auto unknown = sim.upstream.send(r);
    CHECK(unknown.body ==
          R"({"__type":"UnknownOperationException","message":"ssmview-proxy --simulate does not simulate the DescribeLogStreams action."})");
}

TEST_CASE("Logs answers carry the JSON 1.1 content type and a request id, like SSM's") {
    Sim sim;
    sim.start();
    sim.at(120000);
    auto r = sim.get(kExportGroup, kExportErr);
    CHECK(header(r, "Content-Type") == ssmview::kLogsContentType);
    CHECK(header(r, "x-amzn-RequestId").size() == 36);
    CHECK(header(r, "x-amzn-ErrorType").empty());
}

// ---- throttling ---------------------------------------------------------------------------

TEST_CASE("Logs requests are numbered with SSM's: the same every-Nth rule throttles both") {
    Sim sim(3);
    CHECK(ssmview_test::ask(sim.upstream, "ListCommands", "{}").status == 200);  // 1
    sim.at(120000);
    CHECK(sim.get(kExportGroup, kExportErr).status == 200);  // 2
    auto throttled = sim.get(kExportGroup, kExportErr);      // 3
    CHECK(throttled.status == 400);
    CHECK(header(throttled, "x-amzn-ErrorType") == "ThrottlingException");
    CHECK(throttled.body == R"({"__type":"ThrottlingException","message":"Rate exceeded"})");
    CHECK(sim.get(kExportGroup, kExportErr).status == 200);  // 4: retrying at once is answered
    CHECK(ssmview_test::ask(sim.upstream, "ListCommands", "{}").status == 200);  // 5
    CHECK(sim.get(kExportGroup, kExportErr).status == 400);  // 6
    // S3 reads are not numbered: they neither count nor get throttled.
    const std::string key = "exports/" + kExport + "/" + kExportNode + "/awsrunShellScript/0.awsrunShellScript/stdout";
    for (int i = 0; i < 5; ++i) CHECK(ssmview_test::ask_s3(sim.upstream, "HEAD", "ssmview-sim-output", key).status == 200);
    CHECK(sim.get(kExportGroup, kExportErr).status == 200);  // 7
}

// ---- robustness ---------------------------------------------------------------------------

TEST_CASE("mutated Logs bodies and tokens always get an answer in the service's shape, never a crash") {
    Sim sim;
    sim.start();
    sim.at(20000);
    std::string end;
    sim.all(kExportGroup, kExportOut, &end);
    Json filter = Json::parse(ssmview::filter_log_events_request(kExportGroup, kExport + "/", ""));
    filter["limit"] = 2;
    const std::string filter_token = ssmview::read_log_events(
        ssmview_test::ask_logs(sim.upstream, "FilterLogEvents", filter.dump()).body).next_token;
    const std::vector<std::pair<std::string, std::string>> seeds = {
        {"GetLogEvents", ssmview::get_log_events_request(kExportGroup, kExportOut, end)},
        {"GetLogEvents", R"({"logGroupName":"/ssmview/simulated/exports","logStreamName":")" + kExportErr +
                             R"(","limit":3,"startTime":0,"endTime":99999999999999})"},
        {"FilterLogEvents", ssmview::filter_log_events_request(kExportGroup, kExport + "/", filter_token)},
        {"FilterLogEvents", R"({"logGroupName":"/ssmview/simulated/exports","logStreamNames":[")" + kExportOut + R"("]})"},
    };
    const std::set<std::string> known = {"ResourceNotFoundException", "InvalidParameterException"};
    const std::string noise = "{}[]\":,0123456789-./fbs \\u00\xff\x01\n";
    std::uint64_t state = 7;
    auto next = [&state] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::size_t>(state >> 33);
    };
    for (int i = 0; i < 3000; ++i) {
        const auto& seed = seeds[next() % seeds.size()];
        std::string body = seed.second;
        const int edits = 1 + static_cast<int>(next() % 3);
        for (int e = 0; e < edits && !body.empty(); ++e) {
            const std::size_t at = next() % body.size();
            switch (next() % 3) {
                case 0: body[at] = noise[next() % noise.size()]; break;
                case 1: body.insert(at, 1, noise[next() % noise.size()]); break;
                default: body.erase(at, 1 + next() % 4); break;
            }
        }
        ProxyRequest r;  // straight to the simulator: bodies the proxy would refuse included
        r.service = Service::Logs;
        r.action = seed.first;
        r.http.body = body;
        const auto a = sim.upstream.send(r);
        INFO(body);
        REQUIRE((a.status == 200 || a.status == 400));
        const Json j = Json::parse(a.body);
        REQUIRE(j.is_object());
        if (a.status == 400) CHECK(known.count(j["__type"].get<std::string>()) == 1);
    }
}
