// tests/aws/credentials_container_test.cpp: the container credentials endpoint (ECS, EKS Pod
// Identity), against a loopback stub and, for the link-local host, a recording HTTP fake.
#include <catch2/catch.hpp>

#include "credentials.h"
#include "fake_env.h"
#include "stub_server.h"

using namespace ssmview::aws;
using ssmview::test::FakeEnv;
using ssmview::test::StubServer;
using ssmview::test::TempDir;
using Outcome = SourceResult::Outcome;

namespace {

const char* kSecret = "SECRETxSHOULDxNEVERxAPPEAR";

HttpResponse json(int status, std::string body) {
    HttpResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "application/json"}};
    r.body = std::move(body);
    return r;
}

std::string credentials_body() {
    return std::string(R"({"AccessKeyId":"ASIACONTAINER","SecretAccessKey":")") + kSecret +
           R"(","Token":"TOKENxSHOULDxNEVERxAPPEAR","Expiration":"2026-01-01T06:00:00Z","RoleArn":"arn:aws:iam::1:role/r"})";
}

}  // namespace

TEST_CASE("container: FULL_URI on loopback with the token from AWS_CONTAINER_AUTHORIZATION_TOKEN", "[credentials][container]") {
    StubServer stub([](const HttpRequest& r) {
        if (header_value(r.headers, "Authorization") != "Bearer abc") return json(401, R"({"code":"Unauthorized"})");
        return json(200, credentials_body());
    });
    FakeEnv fake;
    fake.vars = {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + std::to_string(stub.port()) + "/v1/creds?id=7"},
                 {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "Bearer abc"}};
    const SourceResult r = credentials_from_container(fake.environment(), CredentialOptions{});
    REQUIRE(r.outcome == Outcome::Found);
    CHECK(r.credentials.access_key_id == "ASIACONTAINER");
    CHECK(r.credentials.session_token == "TOKENxSHOULDxNEVERxAPPEAR");
    CHECK(r.credentials.expires_at_ms == 1767247200000LL);
    CHECK(r.credentials.source == "container credentials (127.0.0.1:" + std::to_string(stub.port()) + ")");
    const auto requests = stub.requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].method == "GET");
    CHECK(requests[0].path == "/v1/creds");
    CHECK(requests[0].query == "id=7");
}

TEST_CASE("container: the token file wins over the variable and is read each time", "[credentials][container]") {
    std::string expected = "from-file-1";
    StubServer stub([&](const HttpRequest& r) {
        if (header_value(r.headers, "Authorization") != expected) return json(403, R"({"code":"AccessDenied","message":"bad token"})");
        return json(200, credentials_body());
    });
    TempDir dir;
    const std::string file = dir.write("token", "from-file-1\n");
    FakeEnv fake;
    fake.real_files = true;
    fake.vars = {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://localhost:" + std::to_string(stub.port()) + "/"},
                 {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "from-variable"},
                 {"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", file}};
    CHECK(credentials_from_container(fake.environment(), CredentialOptions{}).outcome == Outcome::Found);
    dir.write("token", "from-file-2");
    expected = "from-file-2";
    CHECK(credentials_from_container(fake.environment(), CredentialOptions{}).outcome == Outcome::Found);

    expected = "something else";
    const SourceResult r = credentials_from_container(fake.environment(), CredentialOptions{});
    CHECK(r.outcome == Outcome::Failed);
    CHECK(r.detail == "the container endpoint localhost:" + std::to_string(stub.port()) +
                          " (AWS_CONTAINER_CREDENTIALS_FULL_URI) answered HTTP 403: AccessDenied: bad token");
}

TEST_CASE("container: RELATIVE_URI goes to 169.254.170.2 and wins over FULL_URI", "[credentials][container]") {
    FakeEnv fake;
    fake.vars = {{"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/uuid-1?x=1"},
                 {"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/never"}};
    Environment env = fake.environment();
    std::vector<std::pair<Endpoint, HttpRequest>> seen;
    env.http = [&](const Endpoint& e, const HttpRequest& r, const HttpOptions& o) {
        seen.emplace_back(e, r);
        CHECK(o.connect_timeout_ms == 2000);
        return json(200, credentials_body());
    };
    const SourceResult r = credentials_from_container(env, CredentialOptions{});
    REQUIRE(r.outcome == Outcome::Found);
    CHECK(r.credentials.source == "container credentials (169.254.170.2)");
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].first.url() == "http://169.254.170.2");
    CHECK(seen[0].second.path == "/v2/credentials/uuid-1");
    CHECK(seen[0].second.query == "x=1");
    CHECK(header_value(seen[0].second.headers, "Authorization").empty());
}

TEST_CASE("container: plain http only to loopback and the container hosts; https anywhere", "[credentials][container]") {
    FakeEnv fake;
    Environment env = fake.environment();
    int calls = 0;
    env.http = [&](const Endpoint&, const HttpRequest&, const HttpOptions&) {
        ++calls;
        return json(200, credentials_body());
    };
    for (const char* ok : {"http://127.0.0.1/c", "http://127.9.8.7:99/c", "http://localhost/c", "http://[::1]:8/c",
                           "http://169.254.170.2/c", "http://169.254.170.23/c", "http://[fd00:ec2::23]/c",
                           "https://creds.example.com/c"}) {
        INFO(ok);
        fake.vars = {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", ok}};
        CHECK(credentials_from_container(env, CredentialOptions{}).outcome == Outcome::Found);
    }
    CHECK(calls == 8);
    fake.vars = {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.169.254/latest"}};
    SourceResult r = credentials_from_container(env, CredentialOptions{});
    CHECK(r.outcome == Outcome::Failed);
    CHECK(r.detail == "AWS_CONTAINER_CREDENTIALS_FULL_URI names the host 169.254.169.254, which is not allowed over http: "
                      "only loopback addresses, 169.254.170.2, 169.254.170.23 and fd00:ec2::23 are (any host over https)");
    fake.vars = {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://128.0.0.1/"}};
    CHECK(credentials_from_container(env, CredentialOptions{}).outcome == Outcome::Failed);
    fake.vars = {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "ftp://127.0.0.1/"}};
    CHECK(credentials_from_container(env, CredentialOptions{}).detail ==
          "AWS_CONTAINER_CREDENTIALS_FULL_URI is not an http or https URL");
    fake.vars = {{"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "v2/x"}};
    CHECK(credentials_from_container(env, CredentialOptions{}).detail ==
          "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI must start with '/'");
    CHECK(calls == 8);  // none of the refused ones was asked
}

TEST_CASE("container: not configured, unreachable, bad answers and bad tokens each say so", "[credentials][container]") {
    FakeEnv fake;
    SourceResult r = credentials_from_container(fake.environment(), CredentialOptions{});
    CHECK(r.outcome == Outcome::NotConfigured);
    CHECK(r.detail == "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set");

    int port = 0;
    {
        StubServer closed([](const HttpRequest&) { return json(200, "{}"); });
        port = closed.port();
    }  // now nothing listens there
    fake.vars = {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + std::to_string(port) + "/secret-path"}};
    r = credentials_from_container(fake.environment(), CredentialOptions{});
    CHECK(r.outcome == Outcome::Failed);
    CHECK(r.detail == "no answer from the container endpoint 127.0.0.1:" + std::to_string(port) +
                          " (AWS_CONTAINER_CREDENTIALS_FULL_URI): cannot connect to http://127.0.0.1:" + std::to_string(port) +
                          " (name not resolved, connection refused or network unreachable)");
    CHECK(r.detail.find("secret-path") == std::string::npos);

    StubServer stub([](const HttpRequest& r) {
        if (r.path == "/nosecret") return json(200, R"({"AccessKeyId":"A","Token":"T"})");
        return json(200, "<html>");
    });
    fake.vars = {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + std::to_string(stub.port()) + "/nosecret"}};
    r = credentials_from_container(fake.environment(), CredentialOptions{});
    CHECK(r.detail == "the container endpoint 127.0.0.1:" + std::to_string(stub.port()) +
                          " (AWS_CONTAINER_CREDENTIALS_FULL_URI) answered unusable credentials: the JSON has no SecretAccessKey");
    fake.vars["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = "http://127.0.0.1:" + std::to_string(stub.port()) + "/html";
    r = credentials_from_container(fake.environment(), CredentialOptions{});
    CHECK(r.detail.find("answered unusable credentials: the answer is not valid JSON") != std::string::npos);

    fake.vars["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "abc\r\nX-Injected: 1";
    r = credentials_from_container(fake.environment(), CredentialOptions{});
    CHECK(r.detail == "the token from AWS_CONTAINER_AUTHORIZATION_TOKEN holds a line break or control character");
    fake.vars.erase("AWS_CONTAINER_AUTHORIZATION_TOKEN");
    fake.vars["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] = "/nonexistent/token";
    r = credentials_from_container(fake.environment(), CredentialOptions{});
    CHECK(r.detail == "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE names /nonexistent/token, which does not exist");
}
