// tests/proxy/routes_test.cpp: the per-service allowlist and the route of a request.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "logs_api.h"
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

TEST_CASE("the default allowlist is core's read-only SSM and Logs actions and S3 object reads, in order") {
    const Allowlist a = default_allowlist();
    std::vector<std::string> ssm(std::begin(kSsmActions), std::end(kSsmActions));
    std::vector<std::string> logs(std::begin(kLogsActions), std::end(kLogsActions));
    CHECK(a.actions_of(Service::Ssm) == ssm);
    CHECK(a.actions_of(Service::Logs) == logs);
    CHECK(a.actions_of(Service::S3) == std::vector<std::string>{"GetObject", "HeadObject"});
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
                   "(ssm:GetCommandInvocation, ssm:ListCommandInvocations, ssm:ListCommands, logs:GetLogEvents, "
                   "logs:FilterLogEvents, s3:GetObject, s3:HeadObject); the flag narrows the allowlist, it cannot "
                   "widen it");
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
    CHECK(message_of(r.refusal) == "ssmview-proxy answers POST / (the AWS JSON protocols), GET /s3/... and GET /healthz, not GET /");
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

// ---- CloudWatch Logs --------------------------------------------------------------------------

namespace {
const std::string kStream = "0b8f52a2-3a4f-4bd0-9d3e-5f8a0c1d2e3f/i-0123456789abcdef0/aws-runShellScript/stdout";
}

TEST_CASE("a Logs read routes to its action, and --allow-action narrows it like SSM's") {
    const Route r = route_request(default_allowlist(), ssm_post("Logs_20140328.GetLogEvents"));
    REQUIRE(r.ok);
    CHECK(r.service == Service::Logs);
    CHECK(r.action == "GetLogEvents");
    Allowlist narrow;
    std::string error;
    REQUIRE(narrow_allowlist({"logs:FilterLogEvents"}, narrow, error));
    CHECK_FALSE(route_request(narrow, ssm_post("Logs_20140328.GetLogEvents")).ok);
    CHECK(route_request(narrow, ssm_post("Logs_20140328.FilterLogEvents")).ok);
    for (const char* other : {"Logs_20140328.PutLogEvents", "Logs_20140328.DescribeLogGroups",
                              "Logs_20140328.StartQuery", "Logs_20140328.DeleteLogGroup"})
        CHECK(route_request(default_allowlist(), ssm_post(other)).refusal.status == 403);
}

TEST_CASE("a Logs body is forwarded as the canonical body of what was checked") {
    const Route r = route_request(default_allowlist(), ssm_post("Logs_20140328.GetLogEvents"));
    REQUIRE(r.ok);
    // Duplicate members keep the last value (as the SDKs read them); what is signed says only that.
    const BodyCheck c = check_route_body(r, "{\"logStreamName\":\"x\",\"logGroupName\":\"/aws/ssm/AWS-RunShellScript\","
                                            "\"logStreamName\":\"" + kStream + "\",\"startFromHead\":true} trailing");
    REQUIRE(c.ok);
    CHECK(c.body == "{\"logStreamName\":\"" + kStream + "\",\"logGroupName\":\"/aws/ssm/AWS-RunShellScript\",\"startFromHead\":true}");
    const ProxyRequest p = make_proxy_request(r, c.body);
    CHECK(aws::header_value(p.http.headers, "X-Amz-Target") == "Logs_20140328.GetLogEvents");
}

TEST_CASE("a Logs body outside the agent's streams is refused with 403 naming why") {
    const Route r = route_request(default_allowlist(), ssm_post("Logs_20140328.GetLogEvents"));
    REQUIRE(r.ok);
    const BodyCheck c = check_route_body(r, "{\"logGroupName\":\"app\",\"logStreamName\":\"web-1/access\"}");
    REQUIRE_FALSE(c.ok);
    CHECK(c.refusal.status == 403);
    CHECK(aws::header_value(c.refusal.headers, "x-amzn-ErrorType") == "AccessDeniedException");
    CHECK(message_of(c.refusal) ==
          "ssmview-proxy signs only CloudWatch Logs reads of the SSM agent's output streams "
          "(<CommandId>/<InstanceId>/<plugin>/stdout|stderr): logStreamName: the stream is not "
          "<CommandId>/<InstanceId>/<plugin>/stdout|stderr; the request did not reach AWS");
}

TEST_CASE("SSM bodies pass check_route_body unchanged") {
    const Route r = route_request(default_allowlist(), ssm_post("AmazonSSM.GetCommandInvocation"));
    const BodyCheck c = check_route_body(r, "{\"CommandId\": \"x\" }");
    CHECK(c.ok);
    CHECK(c.body == "{\"CommandId\": \"x\" }");
}

// ---- S3 ---------------------------------------------------------------------------------------

namespace {
const std::string kKey = "journal/0b8f52a2-3a4f-4bd0-9d3e-5f8a0c1d2e3f/i-0123456789abcdef0/awsrunShellScript/0.awsrunShellScript/stdout";

RequestHead s3_get(std::string path, std::string method = "GET") {
    RequestHead h;
    h.method = std::move(method);
    h.path = std::move(path);
    h.headers = {{"Host", "127.0.0.1:8787"}};
    return h;
}
}  // namespace

TEST_CASE("an S3 read of the agent's output routes with its region, bucket, key and Range") {
    RequestHead h = s3_get("/s3/us-east-2/acme-out/" + kKey);
    h.headers.push_back({"Range", "bytes=0-1023"});
    const Route r = route_request(default_allowlist(), h);
    REQUIRE(r.ok);
    CHECK(r.service == Service::S3);
    CHECK(r.action == "GetObject");
    CHECK(r.region == "us-east-2");
    CHECK(r.bucket == "acme-out");
    CHECK(r.key == kKey);
    const ProxyRequest p = make_proxy_request(r, "");
    CHECK(p.region == "us-east-2");
    CHECK(p.http.method == "GET");
    CHECK(p.http.path == "/acme-out/" + kKey);
    CHECK(p.http.headers.size() == 1);
    CHECK(aws::header_value(p.http.headers, "Range") == "bytes=0-1023");
    CHECK(route_request(default_allowlist(), s3_get("/s3/us-east-2/acme-out/" + kKey, "HEAD")).action == "HeadObject");
}

TEST_CASE("an S3 key is decoded from the path and encoded again by the proxy, once") {
    const std::string key = "my%20prefix/0b8f52a2-3a4f-4bd0-9d3e-5f8a0c1d2e3f/i-0123456789abcdef0/step%3A1/stdout";
    const Route r = route_request(default_allowlist(), s3_get("/s3/eu-west-1/acme-out/" + key));
    REQUIRE(r.ok);
    CHECK(r.key == "my prefix/0b8f52a2-3a4f-4bd0-9d3e-5f8a0c1d2e3f/i-0123456789abcdef0/step:1/stdout");
    CHECK(make_proxy_request(r, "").http.path ==
          "/acme-out/my%20prefix/0b8f52a2-3a4f-4bd0-9d3e-5f8a0c1d2e3f/i-0123456789abcdef0/step%3A1/stdout");
}

TEST_CASE("S3 reads outside the agent's layout are refused with 403 naming why") {
    const std::string head = "ssmview-proxy reads only S3 objects of the SSM agent's output "
                             "(GET /s3/<region>/<bucket>/<prefix>/<CommandId>/<InstanceId>/<plugin>/.../stdout|stderr): ";
    const std::string tail = "; the request did not reach AWS";
    const auto why = [&](RequestHead h) {
        const Route r = route_request(default_allowlist(), h);
        CHECK_FALSE(r.ok);
        CHECK(r.refusal.status == 403);
        return message_of(r.refusal);
    };
    CHECK(why(s3_get("/s3/us-east-2/acme-out/secrets/db.env")) == head + "the key does not end in /stdout or /stderr" + tail);
    CHECK(why(s3_get("/s3/us-east-2/acme-out/x/stdout")) ==
          head + "the key is not <prefix>/<CommandId>/<InstanceId>/<plugin>/.../stdout|stderr" + tail);
    CHECK(why(s3_get("/s3/us-east-2/acme-out")) == head + "the path does not name a region, a bucket and a key" + tail);
    CHECK(why(s3_get("/s3/not a region/acme-out/" + kKey)) == head + "the region is not a region name" + tail);
    CHECK(why(s3_get("/s3/us-east-2/a%2Fb/" + kKey)) == head + "the bucket is not a bucket name" + tail);
    CHECK(why(s3_get("/s3/us-east-2/acme-out/" + kKey + "%0")) == head + "the key holds a malformed %-escape" + tail);
    CHECK(why(s3_get("/s3/us-east-2/acme-out/" + kKey + "%00")) == head + "the key holds a malformed %-escape" + tail);
    CHECK(why(s3_get("/s3/us-east-2/acme-out/journal/..%2F../" + kKey)) == head + "the key holds a \".\" or \"..\" segment" + tail);
    RequestHead acl = s3_get("/s3/us-east-2/acme-out/" + kKey);
    acl.query = "acl";
    CHECK(why(acl) == head + "a query string asks for another S3 API" + tail);
    acl.query = "x-id=GetObject";
    CHECK(route_request(default_allowlist(), acl).ok);
}

TEST_CASE("S3 writes are not routed, and --allow-bucket and --allow-action narrow reads") {
    for (const char* m : {"PUT", "POST", "DELETE", "OPTIONS"})
        CHECK(route_request(default_allowlist(), s3_get("/s3/us-east-2/acme-out/" + kKey, m)).refusal.status == 404);
    Allowlist only;
    std::string error;
    REQUIRE(narrow_allowlist({"s3:HeadObject"}, only, error));
    only.buckets = {"acme-out"};
    CHECK(route_request(only, s3_get("/s3/us-east-2/acme-out/" + kKey, "HEAD")).ok);
    CHECK(message_of(route_request(only, s3_get("/s3/us-east-2/acme-out/" + kKey)).refusal).find("s3:GetObject is not allowed") !=
          std::string::npos);
    CHECK(message_of(route_request(only, s3_get("/s3/us-east-2/other-out/" + kKey, "HEAD")).refusal)
              .find("the bucket is not one of --allow-bucket") != std::string::npos);
}
