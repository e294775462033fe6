// tests/aws/json_api_test.cpp: one JSON-protocol call as the AWS CLI makes it, signed or not;
// the stub re-derives the signature from what arrived, so what is signed is what was sent.
#include <catch2/catch.hpp>

#include <algorithm>

#include "json_api.h"
#include "stub_server.h"

using namespace ssmview::aws;
using ssmview::test::StubServer;

namespace {

HttpResponse ok() {
    HttpResponse r;
    r.status = 200;
    r.body = "{}";
    return r;
}

// The signature a server computes from the request it received: its Host header, its path, its
// headers but the ones a client adds after signing.
std::string server_side_signature(const HttpRequest& received, const Credentials& c, const SigningScope& s) {
    Endpoint as_received;
    as_received.scheme = "http";
    as_received.port = 80;  // so that host_header() is the received Host value, unchanged
    as_received.host = std::string(header_value(received.headers, "Host"));
    HttpRequest r = received;
    r.headers.erase(std::remove_if(r.headers.begin(), r.headers.end(),
                                   [](const Header& h) {
                                       return h.name == "Authorization" || h.name == "Host" || h.name == "Content-Length" ||
                                              h.name == "Accept" || h.name == "Accept-Encoding" || h.name == "Connection";
                                   }),
                    r.headers.end());
    return sigv4_parts(r, as_received, c, s, signing_rules(s)).signature;
}

}  // namespace

TEST_CASE("json_api_request: POST / with the JSON 1.1 content type and the service's target", "[json_api]") {
    HttpRequest r = json_api_request(kSsm, "GetCommandInvocation", R"({"CommandId":"c"})");
    CHECK(r.method == "POST");
    CHECK(r.path == "/");
    CHECK(r.query == "");
    CHECK(header_value(r.headers, "Content-Type") == "application/x-amz-json-1.1");
    CHECK(header_value(r.headers, "X-Amz-Target") == "AmazonSSM.GetCommandInvocation");
    CHECK(r.body == R"({"CommandId":"c"})");
    r = json_api_request(kLogs, "GetLogEvents", "{}");
    CHECK(header_value(r.headers, "X-Amz-Target") == "Logs_20140328.GetLogEvents");
}

TEST_CASE("json_api_call: unsigned for a proxy, signed for AWS, and the signature matches what arrived", "[json_api]") {
    StubServer stub([](const HttpRequest&) { return ok(); });
    Endpoint e = stub.endpoint();
    e.base_path = "/ssm";

    HttpResponse a = json_api_call(e, kSsm, "ListCommands", "{}", nullptr);
    CHECK(a.status == 200);
    JsonApiSigning signing;
    signing.credentials.access_key_id = "AKID";
    signing.credentials.secret_access_key = "SECRET";
    signing.credentials.session_token = "TOKEN";
    signing.region = "eu-west-1";
    signing.now_ms = 1767225600000LL;
    a = json_api_call(e, kSsm, "GetCommandInvocation", R"({"CommandId":"c","InstanceId":"i"})", &signing);
    CHECK(a.status == 200);

    const auto got = stub.requests();
    REQUIRE(got.size() == 2);
    CHECK(header_value(got[0].headers, "Authorization").empty());
    CHECK(header_value(got[0].headers, "X-Amz-Date").empty());
    CHECK(header_value(got[0].headers, "X-Amz-Target") == "AmazonSSM.ListCommands");
    CHECK(got[0].path == "/ssm/");

    const std::string_view auth = header_value(got[1].headers, "Authorization");
    CHECK(auth.rfind("AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/ssm/aws4_request, "
                     "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=",
                     0) == 0);
    CHECK(header_value(got[1].headers, "X-Amz-Security-Token") == "TOKEN");
    SigningScope s;
    s.region = "eu-west-1";
    s.service = "ssm";
    s.now_ms = signing.now_ms;
    const std::string expected = server_side_signature(got[1], signing.credentials, s);
    CHECK(auth.substr(auth.size() - 64) == expected);
}

TEST_CASE("json_api_call: the caller's headers are sent, unsigned as given, signed with the rest", "[json_api]") {
    StubServer stub([](const HttpRequest&) { return ok(); });
    const Endpoint e = stub.endpoint();

    // Through a proxy: the bearer token is the Authorization header, and nothing else is added.
    HttpResponse a = json_api_call(e, kSsm, "GetCommandInvocation", "{}", nullptr, HttpOptions{},
                                   {{"Authorization", "Bearer tok-123"}});
    CHECK(a.status == 200);
    JsonApiSigning signing;
    signing.credentials.access_key_id = "AKID";
    signing.credentials.secret_access_key = "SECRET";
    signing.region = "us-east-1";
    signing.now_ms = 1767225600000LL;
    a = json_api_call(e, kSsm, "GetCommandInvocation", "{}", &signing, HttpOptions{}, {{"X-Ssmview-Test", "1"}});
    CHECK(a.status == 200);

    const auto got = stub.requests();
    REQUIRE(got.size() == 2);
    CHECK(header_value(got[0].headers, "Authorization") == "Bearer tok-123");
    CHECK(header_value(got[0].headers, "X-Amz-Date").empty());
    CHECK(header_value(got[0].headers, "X-Amz-Target") == "AmazonSSM.GetCommandInvocation");

    CHECK(header_value(got[1].headers, "X-Ssmview-Test") == "1");
    const std::string_view auth = header_value(got[1].headers, "Authorization");
    CHECK(auth.find("SignedHeaders=content-type;host;x-amz-date;x-amz-target;x-ssmview-test, ") != std::string_view::npos);
    SigningScope s;
    s.region = "us-east-1";
    s.service = "ssm";
    s.now_ms = signing.now_ms;
    CHECK(auth.substr(auth.size() - 64) == server_side_signature(got[1], signing.credentials, s));
}
