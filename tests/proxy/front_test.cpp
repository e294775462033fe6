// tests/proxy/front_test.cpp: the front's decision for a request head, in its order, and what core
// makes of every refusal (the page and the CLI read them with core/service_error.h).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "front.h"
#include "service_error.h"

using namespace ssmview;
using namespace ssmview::proxy;

namespace {

const char* kToken = "0123456789abcdef-token";
const char* kPage = "http://127.0.0.1:8080";

FrontPolicy policy(bool token = false) {
    FrontPolicy p;
    p.allowlist = default_allowlist();
    p.cors.origins = {kPage};
    p.token = make_bearer_token(token ? kToken : "");
    p.max_body_bytes = 1000;
    p.loopback_hosts_only = true;
    return p;
}

RequestHead post(std::string action, std::vector<aws::Header> extra = {}) {
    RequestHead h;
    h.method = "POST";
    h.path = "/";
    h.headers = {{"Host", "127.0.0.1:8787"}, {"Content-Type", "application/x-amz-json-1.1"},
                 {"X-Amz-Target", "AmazonSSM." + action}, {"Content-Length", "80"}};
    h.headers.insert(h.headers.end(), extra.begin(), extra.end());
    return h;
}

RequestHead get(std::string path, std::vector<aws::Header> extra = {}) {
    RequestHead h;
    h.method = "GET";
    h.path = std::move(path);
    h.headers = {{"Host", "localhost:8787"}};
    h.headers.insert(h.headers.end(), extra.begin(), extra.end());
    return h;
}

// What the page and the CLI conclude from a refusal.
ErrorKind kind_of(const FrontDecision& d) {
    return read_service_error(d.answer.status, aws::header_value(d.answer.headers, "x-amzn-ErrorType"), "",
                              d.answer.body, "GetCommandInvocation", "ssm")
        .kind;
}

}  // namespace

TEST_CASE("an allowed request is forwarded with its route and the page's CORS headers") {
    const FrontDecision d = decide(policy(), post("GetCommandInvocation", {{"Origin", kPage}}));
    REQUIRE(d.verdict == FrontVerdict::Forward);
    CHECK(d.route.ok);
    CHECK(d.route.action == "GetCommandInvocation");
    CHECK(d.log_action == "ssm:GetCommandInvocation");
    CHECK(aws::header_value(d.cors, "Access-Control-Allow-Origin") == kPage);
}

TEST_CASE("GET /healthz is answered by the proxy; with a token it needs the token") {
    CHECK(decide(policy(), get("/healthz")).verdict == FrontVerdict::Healthz);
    CHECK(decide(policy(true), get("/healthz")).answer.status == 401);
    CHECK(decide(policy(true), get("/healthz", {{"Authorization", std::string("Bearer ") + kToken}})).verdict ==
          FrontVerdict::Healthz);
}

TEST_CASE("a preflight is answered before the token is asked for") {
    RequestHead h = get("/");
    h.method = "OPTIONS";
    h.headers.push_back({"Origin", kPage});
    h.headers.push_back({"Access-Control-Request-Method", "POST"});
    const FrontDecision d = decide(policy(true), h);
    CHECK(d.verdict == FrontVerdict::Answer);
    CHECK(d.answer.status == 204);
    CHECK(d.log_action == "preflight");
}

TEST_CASE("the refusals, in order: Host, Origin, token, route, size") {
    // All wrong at once: the Host is named first.
    RequestHead all_wrong = post("SendCommand", {{"Origin", "https://evil.example"}, {"Content-Length", "5000"}});
    all_wrong.headers[0].value = "evil.example:8787";
    FrontDecision d = decide(policy(true), all_wrong);
    CHECK(d.answer.status == 403);
    CHECK(nlohmann::json::parse(d.answer.body)["message"] ==
          "ssmview-proxy listens on loopback and answers only requests addressed to it (Host: 127.0.0.1, "
          "localhost or [::1]), not Host: evil.example:8787");
    all_wrong.headers[0].value = "[::1]:8787";
    d = decide(policy(true), all_wrong);
    CHECK(nlohmann::json::parse(d.answer.body)["message"].get<std::string>().find("the origin https://evil.example") == 0);
    CHECK(aws::header_value(d.answer.headers, "Access-Control-Allow-Origin").empty());
    d = decide(policy(true), post("SendCommand", {{"Origin", kPage}}));
    CHECK(d.answer.status == 401);
    CHECK(aws::header_value(d.answer.headers, "Access-Control-Allow-Origin") == kPage);  // the page can read why
    d = decide(policy(true), post("SendCommand", {{"Authorization", std::string("Bearer ") + kToken}}));
    CHECK(d.answer.status == 403);
    CHECK(d.log_action == "AmazonSSM.SendCommand");
    RequestHead big = post("GetCommandInvocation");
    big.headers[3].value = "1001";
    d = decide(policy(), big);
    CHECK(d.answer.status == 413);
    CHECK(nlohmann::json::parse(d.answer.body)["message"] ==
          "the request body (1001 bytes) is larger than ssmview-proxy accepts (--max-body 1000)");
    big.headers[3].value = "1000";
    CHECK(decide(policy(), big).verdict == FrontVerdict::Forward);
}

TEST_CASE("two Host headers are refused; off loopback any Host is accepted") {
    RequestHead h = post("GetCommandInvocation", {{"host", "127.0.0.1"}});
    CHECK(decide(policy(), h).answer.status == 400);
    FrontPolicy open = policy(true);
    open.loopback_hosts_only = false;
    RequestHead named = post("GetCommandInvocation", {{"Authorization", std::string("Bearer ") + kToken}});
    named.headers[0].value = "proxy.internal.example:8787";
    CHECK(decide(open, named).verdict == FrontVerdict::Forward);
    CHECK(decide(policy(true), named).answer.status == 403);
}

TEST_CASE("loopback Host spellings are accepted") {
    for (const char* host : {"127.0.0.1", "127.0.0.1:8787", "localhost:8787", "LOCALHOST", "localhost.", "[::1]:8787",
                             "127.1.2.3:1"}) {
        RequestHead h = post("GetCommandInvocation");
        h.headers[0].value = host;
        CHECK(decide(policy(), h).verdict == FrontVerdict::Forward);
    }
    RequestHead no_host = post("GetCommandInvocation");
    no_host.headers.erase(no_host.headers.begin());
    CHECK(decide(policy(), no_host).verdict == FrontVerdict::Forward);  // HTTP/1.0 clients
}

TEST_CASE("core reads every refusal of the proxy as a proxy refusal, and AWS errors as AWS's") {
    std::vector<FrontDecision> refusals = {
        decide(policy(), post("SendCommand")),
        decide(policy(), post("GetCommandInvocation", {{"Origin", "https://evil.example"}})),
        decide(policy(true), post("GetCommandInvocation")),
        decide(policy(true), post("GetCommandInvocation", {{"Authorization", "Bearer nope-nope-nope-nope"}})),
        decide(policy(true), post("GetCommandInvocation", {{"Authorization", "Basic x"}})),
    };
    RequestHead big = post("GetCommandInvocation");
    big.headers[3].value = "99999";
    refusals.push_back(decide(policy(), big));
    for (const FrontDecision& d : refusals) {
        INFO(d.answer.body);
        CHECK(d.verdict == FrontVerdict::Answer);
        CHECK(d.answer.body.find(kProxyRefusalMarker) != std::string::npos);
        CHECK(kind_of(d) == ErrorKind::ProxyRefused);
    }
    aws::HttpResponse aws_denied{403, {{"x-amzn-ErrorType", "AccessDeniedException"}}, R"({"__type":"AccessDeniedException","message":"User: arn:aws:iam::1:user/x is not authorized to perform: ssm:GetCommandInvocation"})", ""};
    const ProxyAnswer passed = answer_from_upstream(aws_denied, 5, 1000);
    CHECK(read_service_error(passed.status, aws::header_value(passed.headers, "x-amzn-ErrorType"), "", passed.body, "", "")
              .kind == ErrorKind::AccessDenied);
}

TEST_CASE("answer_from_upstream passes status, body and AWS's headers through, and nothing else") {
    aws::HttpResponse r;
    r.status = 400;
    r.body = R"({"__type":"InvocationDoesNotExist"})";
    r.headers = {{"x-amzn-RequestId", "id-1"}, {"x-amzn-ErrorType", "InvocationDoesNotExist:http://internal/"},
                 {"Content-Type", "application/x-amz-json-1.1"}, {"Set-Cookie", "x=1"}, {"Connection", "close"},
                 {"Content-Length", "36"}};
    const ProxyAnswer a = answer_from_upstream(r, 10, 1000);
    CHECK(a.status == 400);
    CHECK(a.body == r.body);
    CHECK(a.headers.size() == 3);
    CHECK(aws::header_value(a.headers, "x-amzn-RequestId") == "id-1");
    CHECK(aws::header_value(a.headers, "x-amzn-ErrorType") == "InvocationDoesNotExist:http://internal/");
    CHECK(aws::header_value(a.headers, "Content-Type") == "application/x-amz-json-1.1");
}

TEST_CASE("no answer from upstream: 504 after the whole timeout, else 502, in the transport's words") {
    aws::HttpResponse none;
    none.error = "cannot connect to http://127.0.0.1:1 (name not resolved, connection refused or network unreachable)";
    ProxyAnswer a = answer_from_upstream(none, 3, 30000);
    CHECK(a.status == 502);
    CHECK(nlohmann::json::parse(a.body)["message"] == "ssmview-proxy could not reach upstream: " + none.error);
    none.error = "the connection to http://x broke or went silent while reading the answer (read timeout 500 ms)";
    a = answer_from_upstream(none, 500, 500);
    CHECK(a.status == 504);
    CHECK(aws::header_value(a.headers, "x-amzn-ErrorType") == "UpstreamTimeoutException");
    CHECK(answer_from_upstream(none, 499, 500).status == 502);
}
