// tests/view/fetch_errors_test.cpp: AWS and proxy errors while following, as the page shows them.
//
// Index
//   every error kind the issue names: what state() reports is core's read_service_error of the
//     same answer (one home for the words), for the action that was asked, and whether following
//     goes on (back off / not yet) or stops
//   x-amzn-ErrorType without a body; the request id kept for a support case
//   an unreachable proxy: core's unreachable_error for the URL that was tried
//   the list panels report their own errors without touching the follow
#include <string>

#include "fetch_support.h"

using namespace ssmview;
using namespace ssmview::test;

namespace {

ViewState following(Headless& h) {
    ViewState s;
    view_load_text(s, fixture("success"), LoadSource::Sample, "success");
    view_fetch_open_link(s, FetchTarget{kCommand, kInstance, "", ""});
    h.frame(s);
    REQUIRE(s.fetch.poll_request != 0);
    return s;
}

struct Case {
    const char* name;
    int         status;
    const char* header_type;
    const char* type;
    const char* message;
    const char* kind;
    bool        goes_on;
};

const Case kCases[] = {
    {"not delivered yet", 400, "", "InvocationDoesNotExist", "", "not_yet", true},
    {"IAM refuses", 400, "", "AccessDeniedException",
     "User: arn:aws:iam::111122223333:user/dev is not authorized to perform: ssm:GetCommandInvocation", "access_denied", false},
    {"expired token", 400, "", "ExpiredTokenException", "The security token included in the request is expired",
     "expired_credentials", false},
    {"throttled", 400, "", "ThrottlingException", "Rate exceeded", "throttled", true},
    {"clock skew", 400, "", "InvalidSignatureException",
     "Signature expired: 20261126T090000Z is now earlier than 20261126T095500Z (20261126T100000Z - 5 min.)", "clock_skew", false},
    {"the proxy's allowlist", 403, "", "AccessDeniedException", "SendCommand is not allowed by ssmview-proxy (allowlist)",
     "proxy_refused", false},
    {"a server error", 500, "", "InternalServerError", "", "server_error", true},
    {"bad ids", 400, "", "InvalidInstanceId", "", "invalid_request", false},
    {"type in the header only", 400, "UnrecognizedClientException:http://internal.amazon.com/coral/com.amazon.coral.service/", "", "",
     "bad_credentials", false},
};

}  // namespace

TEST_CASE("each AWS error shows core's type, message and hint, and following goes on or stops as core says", "[fetch][errors]") {
    for (const Case& c : kCases) {
        INFO(c.name);
        Headless h;
        ViewState s = following(h);
        const std::string body = *c.type ? error_body(c.type, c.message) : std::string();
        view_fetch_answer(s, s.fetch.poll_request, c.status, c.header_type, "7f0e-request-id", body);
        settle(h, s);
        const Json fj = fetch_json(s);
        // The same answer read by core, for the action that was asked.
        const ServiceError e = read_service_error(c.status, c.header_type, "7f0e-request-id", body, "GetCommandInvocation", "ssm");
        CHECK(fj["error"]["kind"] == c.kind);
        CHECK(fj["error"]["kind"] == error_kind_name(e.kind));
        CHECK(fj["error"]["title"] == service_error_title(e));
        CHECK(fj["error"]["type"] == e.type);
        CHECK(fj["error"]["message"] == e.message);
        CHECK(fj["error"]["hint"] == e.hint);
        CHECK(fj["error"]["requestId"] == "7f0e-request-id");
        CHECK(fj["error"]["httpStatus"] == c.status);
        CHECK(!fj["error"]["hint"].get<std::string>().empty());
        // The members the CLI's --json prints are core's one writer's, spelled the same.
        Json shared = fj["error"];
        shared.erase("title");
        shared.erase("retry");
        CHECK(shared == service_error_to_json_fields(e));
        CHECK(fj["phase"] == (c.goes_on ? "waiting" : "stopped"));
        CHECK(fj["done"] == !c.goes_on);
        // A stop is quiet: nothing is sent and no countdown runs, however long we wait.
        if (!c.goes_on) {
            h.env.now_ms += 10 * 60 * 1000;
            const ViewActions later = h.frames(s, 2);
            CHECK(later.fetches.empty());
            CHECK((later.redraw_after_ms < 0 || later.redraw_after_ms > 60 * 1000));
        }
    }
}

TEST_CASE("an access refusal names the IAM action of the call that was refused", "[fetch][errors]") {
    Headless h;
    ViewState s = following(h);
    view_fetch_answer(s, s.fetch.poll_request, 400, "", "", error_body("AccessDeniedException", "no"));
    settle(h, s);
    const std::string hint = fetch_json(s)["error"]["hint"];
    CHECK(hint.find("ssm:GetCommandInvocation") != std::string::npos);
    // The steps list asked ListCommandInvocations: its refusal names that action.
    view_fetch_answer(s, s.fetch.steps.request_id, 400, "", "", error_body("AccessDeniedException", "no"));
    settle(h, s);
    const Json steps = fetch_json(s)["steps"];
    CHECK(steps["phase"] == "failed");
    CHECK(steps["error"]["hint"].get<std::string>().find("ssm:ListCommandInvocations") != std::string::npos);
}

TEST_CASE("an unreachable proxy is core's unreachable error for the URL that was tried", "[fetch][errors]") {
    Headless h;
    ViewState s = following(h);
    view_fetch_failed(s, s.fetch.poll_request, "TypeError: Failed to fetch");
    settle(h, s);
    const ServiceError e = unreachable_error("TypeError: Failed to fetch", "http://127.0.0.1:8787");
    const Json fj = fetch_json(s);
    CHECK(fj["error"]["title"] == service_error_title(e));
    CHECK(fj["error"]["hint"] == e.hint);
    CHECK(fj["error"]["hint"].get<std::string>().find("scripts/run.sh") != std::string::npos);
    CHECK(fj["error"]["hint"].get<std::string>().find("local network access") != std::string::npos);
}

TEST_CASE("a list that fails reports its error and leaves the follow alone", "[fetch][errors]") {
    Headless h;
    ViewState s = following(h);
    view_fetch_discover(s);
    const FetchRequest list = only(h.frame(s), "ListCommands");
    view_fetch_failed(s, list.id, "TypeError: Failed to fetch");
    settle(h, s);
    Json fj = fetch_json(s);
    CHECK(fj["commands"]["phase"] == "failed");
    CHECK(fj["commands"]["error"]["kind"] == "unreachable");
    CHECK(fj["error"].is_null());
    CHECK(fj["phase"] == "requesting");
    // A list answer that is not a list: core's sentence.
    view_fetch_discover(s);
    const FetchRequest again = only(h.frame(s), "ListCommands");
    view_fetch_answer(s, again.id, 200, "", "", "{\"Commands\":{}}");
    settle(h, s);
    fj = fetch_json(s);
    std::vector<CommandSummary> ignored;
    CHECK(fj["commands"]["error"]["title"] == read_list_commands("{\"Commands\":{}}", ignored).error);
}
