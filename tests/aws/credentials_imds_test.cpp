// tests/aws/credentials_imds_test.cpp: IMDSv2 against a loopback stub of the metadata service
// (AWS_EC2_METADATA_SERVICE_ENDPOINT points at it, as the SDKs' own tests do).
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "credentials.h"
#include "fake_env.h"
#include "stub_server.h"

using namespace ssmview::aws;
using ssmview::test::FakeEnv;
using ssmview::test::StubServer;
using Outcome = SourceResult::Outcome;

namespace {

const char* kSecret = "SECRETxSHOULDxNEVERxAPPEAR";

HttpResponse answer(int status, std::string body) {
    HttpResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "text/plain"}};
    r.body = std::move(body);
    return r;
}

// The metadata service: PUT token (TTL header required), then GETs that require the token.
struct Imds {
    std::string role = "ssmview-role";
    std::string credentials = std::string(R"({"Code":"Success","LastUpdated":"2026-01-01T00:00:00Z","Type":"AWS-HMAC",)") +
                              R"("AccessKeyId":"ASIAIMDS","SecretAccessKey":")" + kSecret +
                              R"(","Token":"TOKENxSHOULDxNEVERxAPPEAR","Expiration":"2026-01-01T06:00:00Z"})";
    int token_status = 200;
    int role_status = 200;

    HttpResponse operator()(const HttpRequest& r) const {
        if (r.path == "/latest/api/token") {
            if (r.method != "PUT" || header_value(r.headers, "X-aws-ec2-metadata-token-ttl-seconds") != "21600")
                return answer(400, "");
            return answer(token_status, "TOKEN-123");
        }
        if (header_value(r.headers, "X-aws-ec2-metadata-token") != "TOKEN-123") return answer(401, "");
        if (r.path == "/latest/meta-data/iam/security-credentials/") return answer(role_status, role + "\n");
        if (r.path == "/latest/meta-data/iam/security-credentials/" + role) return answer(200, credentials);
        return answer(404, "");
    }
};

SourceResult from_imds(FakeEnv& fake, const StubServer& stub) {
    fake.vars["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = "http://127.0.0.1:" + std::to_string(stub.port()) + "/";
    return credentials_from_imds(fake.environment(), CredentialOptions{});
}

}  // namespace

TEST_CASE("IMDSv2: token, role, credentials, in that order, each with the token", "[credentials][imds]") {
    Imds imds;
    StubServer stub(std::cref(imds));
    FakeEnv fake;
    const SourceResult r = from_imds(fake, stub);
    REQUIRE(r.outcome == Outcome::Found);
    CHECK(r.credentials.access_key_id == "ASIAIMDS");
    CHECK(r.credentials.session_token == "TOKENxSHOULDxNEVERxAPPEAR");
    CHECK(r.credentials.expires_at_ms == 1767247200000LL);
    CHECK(r.credentials.source == "IMDSv2 (role ssmview-role)");
    const auto requests = stub.requests();
    REQUIRE(requests.size() == 3);
    CHECK(requests[0].method == "PUT");
    CHECK(requests[1].path == "/latest/meta-data/iam/security-credentials/");
    CHECK(requests[2].path == "/latest/meta-data/iam/security-credentials/ssmview-role");
}

TEST_CASE("IMDSv2: AWS_EC2_METADATA_DISABLED=true stops it before any request", "[credentials][imds]") {
    Imds imds;
    StubServer stub(std::cref(imds));
    FakeEnv fake;
    fake.vars["AWS_EC2_METADATA_DISABLED"] = "True";
    const SourceResult r = from_imds(fake, stub);
    CHECK(r.outcome == Outcome::NotConfigured);
    CHECK(r.detail == "disabled by AWS_EC2_METADATA_DISABLED");
    CHECK(stub.requests().empty());
}

TEST_CASE("IMDSv2: nothing listening means not on EC2, found out quickly", "[credentials][imds]") {
    int port = 0;
    {
        StubServer gone([](const HttpRequest&) { return answer(200, ""); });
        port = gone.port();
    }
    FakeEnv fake;
    fake.vars["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = "http://127.0.0.1:" + std::to_string(port);
    const SourceResult r = credentials_from_imds(fake.environment(), CredentialOptions{});
    CHECK(r.outcome == Outcome::NotConfigured);
    CHECK(r.detail == "no answer from the instance metadata service at http://127.0.0.1:" + std::to_string(port) +
                          " (not on EC2?): cannot connect to http://127.0.0.1:" + std::to_string(port) +
                          " (name not resolved, connection refused or network unreachable)");
}

TEST_CASE("IMDSv2: a silent service is given up on after the short timeout", "[credentials][imds]") {
    StubServer slow([](const HttpRequest&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        return answer(200, "late");
    });
    FakeEnv fake;
    fake.vars["AWS_METADATA_SERVICE_TIMEOUT"] = "0.3";
    const auto start = std::chrono::steady_clock::now();
    const SourceResult r = from_imds(fake, slow);
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK(r.outcome == Outcome::NotConfigured);
    CHECK(r.detail.find("went silent while reading the answer (read timeout 300 ms)") != std::string::npos);
    CHECK(took < std::chrono::milliseconds(1200));
}

TEST_CASE("IMDSv2: no role, refused tokens, failed codes and bad settings each say so", "[credentials][imds]") {
    FakeEnv fake;
    {
        Imds imds;
        imds.role_status = 404;
        StubServer stub(std::cref(imds));
        const SourceResult r = from_imds(fake, stub);
        CHECK(r.outcome == Outcome::NotConfigured);
        CHECK(r.detail == "the instance has no IAM role (the instance metadata service at http://127.0.0.1:" +
                              std::to_string(stub.port()) + " answered HTTP 404)");
    }
    {
        Imds imds;
        imds.token_status = 403;
        StubServer stub(std::cref(imds));
        const SourceResult r = from_imds(fake, stub);
        CHECK(r.outcome == Outcome::Failed);
        CHECK(r.detail == "the instance metadata service at http://127.0.0.1:" + std::to_string(stub.port()) +
                              " refused an IMDSv2 session token (HTTP 403)");
    }
    {
        Imds imds;
        imds.credentials = R"({"Code":"AssumeRoleUnauthorizedAccess","Message":"role cannot be assumed"})";
        StubServer stub(std::cref(imds));
        const SourceResult r = from_imds(fake, stub);
        CHECK(r.outcome == Outcome::Failed);
        CHECK(r.detail == "the instance metadata service at http://127.0.0.1:" + std::to_string(stub.port()) +
                              " reports AssumeRoleUnauthorizedAccess for role ssmview-role: role cannot be assumed");
    }
    {
        Imds imds;
        imds.role = "bad/role";
        StubServer stub(std::cref(imds));
        const SourceResult r = from_imds(fake, stub);
        CHECK(r.detail == "the instance metadata service at http://127.0.0.1:" + std::to_string(stub.port()) +
                              " answered with a role name that is not valid");
    }
    fake.vars = {{"AWS_EC2_METADATA_SERVICE_ENDPOINT", "not a url"}};
    CHECK(credentials_from_imds(fake.environment(), CredentialOptions{}).detail ==
          "AWS_EC2_METADATA_SERVICE_ENDPOINT: 'not a url' holds a space or a control character");
    // A password in the endpoint never reaches the message (parse_endpoint_url: every refusal).
    fake.vars = {{"AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://AKID:wJalrXUtnFEMI@127.0.0.1:0"}};
    CHECK(credentials_from_imds(fake.environment(), CredentialOptions{}).detail ==
          "AWS_EC2_METADATA_SERVICE_ENDPOINT: the URL holds user:password@, which ssmview does not send (use "
          "credentials instead)");
    fake.vars = {{"AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://AKID:wJalr/XUtnFEMI@127.0.0.1:0"}};
    CHECK(credentials_from_imds(fake.environment(), CredentialOptions{}).detail ==
          "AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://***@127.0.0.1:0' has a port that is not a number from 1 to 65535");
    fake.vars = {{"AWS_METADATA_SERVICE_TIMEOUT", "soon"}};
    CHECK(credentials_from_imds(fake.environment(), CredentialOptions{}).detail ==
          "AWS_METADATA_SERVICE_TIMEOUT must be a number of seconds from 0 to 60");
}

TEST_CASE("IMDSv2: the default endpoint is 169.254.169.254, or fd00:ec2::254 in IPv6 mode", "[credentials][imds]") {
    FakeEnv fake;
    Environment env = fake.environment();
    std::vector<std::string> urls;
    env.http = [&](const Endpoint& e, const HttpRequest&, const HttpOptions& o) {
        urls.push_back(e.url());
        CHECK(o.connect_timeout_ms == 1000);
        CHECK(o.read_timeout_ms == 1000);
        return HttpResponse{};  // no answer
    };
    credentials_from_imds(env, CredentialOptions{});
    fake.vars["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"] = "IPv6";
    fake.vars["AWS_METADATA_SERVICE_NUM_ATTEMPTS"] = "2";
    credentials_from_imds(env, CredentialOptions{});
    CHECK(urls == std::vector<std::string>{"http://169.254.169.254", "http://[fd00:ec2::254]", "http://[fd00:ec2::254]"});
}
