// tests/view/fetch_support.h: playing the platform's part for the fetch tests.
//
// Index
//   kCommand, kInstance        the ids of the lifecycle sequence (tests/fixtures/sequences)
//   lifecycle                  the scripted answers: InvocationDoesNotExist, Pending, InProgress,
//                              InProgress, Success (exact API bodies, made by make_fixtures.sh)
//   error_body                 an awsJson 1.1 error body
//   requests_for / only        the FetchRequests of one action in a frame's ViewActions
//   header                     a request header by name ("" when absent)
//   settle                     frames until the view stops asking for more (a load settles)
//   fetch_json                 view_state_to_json(s)["fetch"]
//
// The tests answer each FetchRequest the way wasm/platform_fetch.cpp does: view_fetch_answer
// with status, x-amzn-ErrorType, x-amzn-RequestId and body, or view_fetch_failed, then draw.
#pragma once
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "fetch_ops.h"
#include "headless.h"

namespace ssmview::test {

constexpr const char* kCommand = "f8b443e0-ec46-492c-8b0a-6428e7d07fe6";
constexpr const char* kInstance = "i-0f6e9dfe67458e033";

struct ScriptedAnswer {
    int         status = 200;
    std::string error_type;  // the __type of an error answer
    std::string body;
};

// tests/fixtures/sequences/lifecycle.json: {"sequence": [ {"error": {...}} | invocation, ... ]}.
inline std::vector<ScriptedAnswer> lifecycle() {
    const Json j = Json::parse(read_file(std::string(SSMVIEW_FIXTURES) + "/sequences/lifecycle.json"));
    REQUIRE(j.at("CommandId") == kCommand);
    REQUIRE(j.at("InstanceId") == kInstance);
    std::vector<ScriptedAnswer> out;
    for (const Json& step : j.at("sequence")) {
        ScriptedAnswer a;
        if (step.contains("error")) {
            a.status = 400;
            a.error_type = step["error"].at("__type").get<std::string>();
            a.body = step["error"].dump();
        } else {
            a.body = step.dump();
        }
        out.push_back(a);
    }
    REQUIRE(out.size() >= 3);
    return out;
}

inline std::string error_body(const std::string& type, const std::string& message) {
    return Json{{"__type", type}, {"message", message}}.dump();
}

inline std::vector<FetchRequest> requests_for(const ViewActions& a, const std::string& action) {
    std::vector<FetchRequest> out;
    for (const FetchRequest& r : a.fetches)
        if (r.action == action) out.push_back(r);
    return out;
}

// The one request of `action` in these actions (FAILs unless there is exactly one).
inline FetchRequest only(const ViewActions& a, const std::string& action) {
    const std::vector<FetchRequest> v = requests_for(a, action);
    INFO("requests of " << action);
    REQUIRE(v.size() == 1);
    return v.front();
}

inline std::string header(const FetchRequest& r, const std::string& name) {
    for (const FetchHeader& h : r.headers)
        if (h.name == name) return h.value;
    return {};
}

// Draws until a frame no longer asks for another (at most 8); returns all their actions merged.
inline ViewActions settle(Headless& h, ViewState& s) {
    ViewActions all;
    for (int i = 0; i < 8; ++i) {
        const ViewActions a = h.frame(s);
        all = merge(all, a);
        if (!a.wants_more_frames) return all;
    }
    FAIL("the view kept asking for frames");
    return all;
}

inline Json fetch_json(const ViewState& s) { return view_state_to_json(s)["fetch"]; }

}  // namespace ssmview::test
