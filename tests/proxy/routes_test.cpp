// tests/proxy/routes_test.cpp: the per-service allowlist and the route of a request.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "routes.h"
#include "ssm_api.h"

using namespace ssmview;
using namespace ssmview::proxy;

namespace {

RequestHead ssm_post(std::string target, std::string content_type = "application/x-amz-json-1.1") {
    RequestHead h;
    h.method = "POST";
    h.path = "/";
    h.headers = {{"Host", "127.0.0.1:8787"}, {"Content-Type", std::move(content_type)},
                 {"X-Amz-Target", std::move(target)}};
    return h;
}

std::string message_of(const ProxyAnswer& a) { return nlohmann::json::parse(a.body)["message"]; }

}  // namespace

TEST_CASE("the default allowlist is core's read-only SSM actions, in its order") {
    const Allowlist a = default_allowlist();
    std::vector<std::string> expected(std::begin(kSsmActions), std::end(kSsmActions));
    CHECK(a.actions_of(Service::Ssm) == expected);
    CHECK(a.actions_of(Service::Logs).empty());
    CHECK(a.actions_of(Service::S3).empty());
}

TEST_CASE("service names come from aws/service.h") {
    CHECK(std::string(service_name(Service::Ssm)) == "ssm");
    CHECK(std::string(service_name(Service::Logs)) == "logs");
    CHECK(std::string(service_name(Service::S3)) == "s3");
    CHECK(std::string(service_info(Service::Ssm).json_target_prefix) == "AmazonSSM");
}

TEST_CASE("--allow-action narrows the allowlist, in table order, with or without the service") {
    Allowlist a;
    std::string error;
    REQUIRE(narrow_allowlist({"ListCommands", "ssm:GetCommandInvocation", "ListCommands"}, a, error));
    CHECK(a.actions_of(Service::Ssm) == std::vector<std::string>{"GetCommandInvocation", "ListCommands"});
    REQUIRE(narrow_allowlist({}, a, error));
    CHECK(a.actions_of(Service::Ssm).size() == 3);
}

TEST_CASE("--allow-action cannot widen the allowlist") {
    Allowlist a;
    std::string error;
    CHECK_FALSE(narrow_allowlist({"SendCommand"}, a, error));
    CHECK(error == "--allow-action SendCommand: not one of the read-only actions ssmview-proxy can forward "
                   "(ssm:GetCommandInvocation, ssm:ListCommandInvocations, ssm:ListCommands); the flag narrows "
                   "the allowlist, it cannot widen it");
    CHECK_FALSE(narrow_allowlist({"logs:GetCommandInvocation"}, a, error));
    CHECK_FALSE(narrow_allowlist({"ssm:"}, a, error));
    CHECK_FALSE(narrow_allowlist({"getcommandinvocation"}, a, error));
}

TEST_CASE("an allowed SSM request routes to its action") {
    const Route r = route_request(default_allowlist(), ssm_post("AmazonSSM.GetCommandInvocation"));
    REQUIRE(r.ok);
    CHECK(r.service == Service::Ssm);
    CHECK(r.action == "GetCommandInvocation");
    CHECK(route_request(default_allowlist(), ssm_post("AmazonSSM.ListCommands", "Application/X-Amz-Json-1.1; charset=UTF-8")).ok);
}

TEST_CASE("an action outside the allowlist is refused with 403 AccessDeniedException naming what is allowed") {
    Allowlist narrow;
    std::string error;
    REQUIRE(narrow_allowlist({"GetCommandInvocation"}, narrow, error));
    for (const char* target : {"AmazonSSM.SendCommand", "AmazonSSM.ListCommands", "AmazonSSM.getCommandInvocation",
                               "Logs_20140328.GetLogEvents", "AmazonSSM.", "AmazonSSM", ".GetCommandInvocation",
                               "AmazonSSM.GetCommandInvocation ", "AmazonSSM.Get\nCommandInvocation"}) {
        const Route r = route_request(narrow, ssm_post(target));
        CHECK_FALSE(r.ok);
        CHECK(r.refusal.status == 403);
        CHECK(aws::header_value(r.refusal.headers, "x-amzn-ErrorType") == "AccessDeniedException");
    }
    CHECK(message_of(route_request(narrow, ssm_post("AmazonSSM.SendCommand")).refusal) ==
          "AmazonSSM.SendCommand is not allowed by ssmview-proxy (it forwards only AmazonSSM.GetCommandInvocation); "
          "the request did not reach AWS");
    CHECK(message_of(route_request(narrow, ssm_post("AmazonSSM.Get\nX")).refusal).find("AmazonSSM.Get\\x0AX") == 0);
}

TEST_CASE("requests outside the JSON protocol are refused before the allowlist") {
    RequestHead get = ssm_post("AmazonSSM.GetCommandInvocation");
    get.method = "GET";
    Route r = route_request(default_allowlist(), get);
    CHECK(r.refusal.status == 404);
    CHECK(message_of(r.refusal) == "ssmview-proxy answers POST / (the AWS JSON protocol) and GET /healthz, not GET /");
    RequestHead other = ssm_post("AmazonSSM.GetCommandInvocation");
    other.path = "/x";
    CHECK(route_request(default_allowlist(), other).refusal.status == 404);
    RequestHead no_target = ssm_post("");
    r = route_request(default_allowlist(), no_target);
    CHECK(r.refusal.status == 400);
    CHECK(aws::header_value(r.refusal.headers, "x-amzn-ErrorType") == "UnknownOperationException");
    r = route_request(default_allowlist(), ssm_post("AmazonSSM.GetCommandInvocation", "application/json"));
    CHECK(r.refusal.status == 400);
    CHECK(message_of(r.refusal) ==
          "ssmview-proxy forwards AmazonSSM.* with Content-Type: application/x-amz-json-1.1, not application/json");
    r = route_request(default_allowlist(), ssm_post("AmazonSSM.GetCommandInvocation", ""));
    CHECK(message_of(r.refusal).find(", not none") != std::string::npos);
}

TEST_CASE("make_proxy_request forwards the body and only the protocol's headers, rebuilt from the route") {
    RequestHead h = ssm_post("AmazonSSM.GetCommandInvocation", "application/x-amz-json-1.1; charset=utf-8");
    h.headers.push_back({"Authorization", "Bearer secret-token-0123456789"});
    h.headers.push_back({"Cookie", "a=b"});
    h.headers.push_back({"X-Amz-Target", "AmazonSSM.SendCommand"});  // a second one is never forwarded
    const Route r = route_request(default_allowlist(), h);
    REQUIRE(r.ok);
    const ProxyRequest p = make_proxy_request(r, "{\"CommandId\":\"x\"}");
    CHECK(p.service == Service::Ssm);
    CHECK(p.action == "GetCommandInvocation");
    CHECK(p.http.method == "POST");
    CHECK(p.http.path == "/");
    CHECK(p.http.query.empty());
    CHECK(p.http.body == "{\"CommandId\":\"x\"}");
    REQUIRE(p.http.headers.size() == 2);
    CHECK(aws::header_value(p.http.headers, "Content-Type") == "application/x-amz-json-1.1");
    CHECK(aws::header_value(p.http.headers, "X-Amz-Target") == "AmazonSSM.GetCommandInvocation");
}
