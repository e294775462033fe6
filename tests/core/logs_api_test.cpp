// tests/core/logs_api_test.cpp: CloudWatch Logs bodies, the signing rule, answers (core/logs_api.h).
//
// Index
//   requests             the bodies the page and the CLI send, and that they pass the rule
//   check_logs_request   each member's rule, required members, unknown members, hostile bodies
//   read_log_events      both actions' answers, the end-of-stream token, malformed answers
#include <catch2/catch.hpp>

#include "logs_api.h"
#include "output_location.h"

using namespace ssmview;

namespace {
const std::string kCmd = "0b8f52a2-3a4f-4bd0-9d3e-5f8a0c1d2e3f";
const std::string kStream = kCmd + "/i-0123456789abcdef0/aws-runShellScript/stdout";

std::string why_of(std::string_view action, std::string_view body) {
    const LogsRequestCheck c = check_logs_request(action, body);
    CHECK_FALSE(c.ok);
    CHECK(c.canonical_body.empty());
    return c.why;
}
}  // namespace

// ---- requests -----------------------------------------------------------------------------------

TEST_CASE("the bodies ssmview sends are the ones the rule lets through, unchanged") {
    const std::string get = get_log_events_request("/aws/ssm/AWS-RunShellScript", kStream, "");
    CHECK(get == R"({"logGroupName":"/aws/ssm/AWS-RunShellScript","logStreamName":")" + kStream + R"(","startFromHead":true})");
    const std::string next = get_log_events_request("/aws/ssm/AWS-RunShellScript", kStream, "f/3849/s");
    CHECK(check_logs_request("GetLogEvents", get).canonical_body == get);
    CHECK(check_logs_request("GetLogEvents", next).canonical_body == next);
    const std::string filter = filter_log_events_request("g", kCmd + "/", "tok");
    CHECK(filter == R"({"logGroupName":"g","logStreamNamePrefix":")" + kCmd + R"(/","nextToken":"tok"})");
    CHECK(check_logs_request("FilterLogEvents", filter).canonical_body == filter);
}

// ---- check_logs_request -------------------------------------------------------------------------

TEST_CASE("each member is checked by its rule, and the reason is exact") {
    const std::string g = R"("logGroupName":"/aws/ssm/D",)";
    CHECK(why_of("GetLogEvents", "{" + g + R"("logStreamName":"other/x"})") ==
          "logStreamName: the stream is not <CommandId>/<InstanceId>/<plugin>/stdout|stderr");
    CHECK(why_of("GetLogEvents", R"({"logGroupName":"arn:aws:logs:x","logStreamName":")" + kStream + "\"}") ==
          "logGroupName is not a log group name (1 to 512 characters of A-Z a-z 0-9 _ - / . #)");
    CHECK(why_of("GetLogEvents", "{" + g + R"("logStreamName":")" + kStream + R"(","limit":0})") ==
          "limit is not a whole number from 1 to 10,000");
    CHECK(why_of("GetLogEvents", "{" + g + R"("logStreamName":")" + kStream + R"(","limit":10001})") ==
          "limit is not a whole number from 1 to 10,000");
    CHECK(why_of("GetLogEvents", "{" + g + R"("logStreamName":")" + kStream + R"(","startTime":-1})") ==
          "startTime is not a time in milliseconds since 1970");
    CHECK(why_of("GetLogEvents", "{" + g + R"("logStreamName":")" + kStream + R"(","startFromHead":"yes"})") ==
          "startFromHead is not true or false");
    CHECK(why_of("GetLogEvents", "{" + g + R"("logStreamName":")" + kStream + R"(","nextToken":"a b"})") ==
          "nextToken is not a token (1 to 4,096 printable ASCII characters)");
    CHECK(why_of("FilterLogEvents", "{" + g + R"("logStreamNamePrefix":"i-0123/"})") ==
          "logStreamNamePrefix: the prefix does not start with <CommandId>/");
    CHECK(why_of("FilterLogEvents", "{" + g + R"("logStreamNames":["x"]})") ==
          "logStreamNames: the stream is not <CommandId>/<InstanceId>/<plugin>/stdout|stderr");
    CHECK(why_of("FilterLogEvents", "{" + g + R"("logStreamNames":[]})") ==
          "logStreamNames is not a list of 1 to 100 stream names");
}

TEST_CASE("required members: a group always, a stream for GetLogEvents, one stream selector for FilterLogEvents") {
    CHECK(why_of("GetLogEvents", R"({"logStreamName":")" + kStream + "\"}") == "logGroupName is missing");
    CHECK(why_of("GetLogEvents", R"({"logGroupName":"g"})") == "logStreamName is missing");
    CHECK(why_of("FilterLogEvents", R"({"logGroupName":"g"})") ==
          "FilterLogEvents needs logStreamNamePrefix or logStreamNames (one of them)");
    CHECK(why_of("FilterLogEvents", R"({"logGroupName":"g","logStreamNamePrefix":")" + kCmd + R"(/","logStreamNames":[")" +
                                        kStream + "\"]}") ==
          "FilterLogEvents needs logStreamNamePrefix or logStreamNames (one of them)");
}

TEST_CASE("members ssmview does not send are refused, not passed on") {
    const std::string base = R"({"logGroupName":"g","logStreamName":")" + kStream + "\"";
    for (const char* extra : {R"("logGroupIdentifier":"arn:aws:logs:us-east-1:1:log-group:g")", R"("unmask":true)",
                              R"("filterPattern":"ERROR")", R"("logStreamNamePrefix":"x")"}) {
        CHECK(why_of("GetLogEvents", base + "," + extra + "}") ==
              "the body holds a member ssmview does not send with GetLogEvents (only logGroupName, logStreamName, "
              "startFromHead, nextToken, limit, startTime, endTime)");
    }
    CHECK(why_of("FilterLogEvents", R"({"logGroupName":"g","logStreamNamePrefix":")" + kCmd + R"(/","filterPattern":"x"})") ==
          "the body holds a member ssmview does not send with FilterLogEvents (only logGroupName, logStreamNamePrefix "
          "or logStreamNames, interleaved, nextToken, limit, startTime, endTime)");
}

TEST_CASE("hostile bodies get a sentence, never a pass") {
    CHECK(why_of("GetLogEvents", "") == "the body is not a JSON object");
    CHECK(why_of("GetLogEvents", "[1]") == "the body is not a JSON object");
    CHECK(why_of("GetLogEvents", std::string(20000, ' ') + "{}") == "the body is larger than 16 KiB");
    CHECK(why_of("PutLogEvents", "{}") == "the action is not GetLogEvents or FilterLogEvents");
    CHECK(why_of("GetLogEvents", R"({"logGroupName":"g","logStreamName":")" + kStream + R"(","logStreamName":"x"})") ==
          "logStreamName: the stream is not <CommandId>/<InstanceId>/<plugin>/stdout|stderr");
}

TEST_CASE("a duplicate member is checked by its last value, the one AWS would read, and only that is sent") {
    const LogsRequestCheck c =
        check_logs_request("GetLogEvents", R"({"logGroupName":"g","logStreamName":"x","logStreamName":")" + kStream + "\"}");
    REQUIRE(c.ok);
    CHECK(c.canonical_body == R"({"logGroupName":"g","logStreamName":")" + kStream + "\"}");
}

// ---- read_log_events ----------------------------------------------------------------------------

TEST_CASE("GetLogEvents answers give events in order and the forward token") {
    const LogEventsPage p = read_log_events(
        R"({"events":[{"timestamp":1700000000000,"message":"line 1\nline 2\n","ingestionTime":1700000000100},)"
        R"({"timestamp":1700000000500,"message":"\u001b[31mred\u001b[0m\n"}],"nextForwardToken":"f/2/s","nextBackwardToken":"b/0/s"})");
    REQUIRE(p.ok);
    REQUIRE(p.events.size() == 2);
    CHECK(p.events[0].message == "line 1\nline 2\n");
    CHECK(p.events[0].timestamp_ms == 1700000000000);
    CHECK(p.events[1].message == "\x1b[31mred\x1b[0m\n");
    CHECK(p.next_token == "f/2/s");
}

TEST_CASE("FilterLogEvents answers name each event's stream, and the last page has no token") {
    const LogEventsPage p = read_log_events(R"({"events":[{"logStreamName":")" + kStream +
                                            R"(","timestamp":1,"message":"a","eventId":"1"}],"searchedLogStreams":[]})");
    REQUIRE(p.ok);
    REQUIRE(p.events.size() == 1);
    CHECK(p.events[0].stream == kStream);
    CHECK(p.next_token.empty());
}

TEST_CASE("malformed answers are refused with a sentence, and odd events are skipped") {
    CHECK(read_log_events("not json").error == "The CloudWatch Logs answer is not a JSON object.");
    CHECK(read_log_events(R"({"events":{}})").error == "The CloudWatch Logs answer's events is not a list.");
    const LogEventsPage p = read_log_events(R"({"events":[1,{"message":2},{"timestamp":"x","message":"kept"}]})");
    REQUIRE(p.ok);
    REQUIRE(p.events.size() == 1);
    CHECK(p.events[0].message == "kept");
    CHECK(p.events[0].timestamp_ms == 0);
}
