// tests/aws/credentials_chain_test.cpp: the order of the sources, what stops the chain, and the
// message when nothing is found; no secret in any message, whichever source failed.
#include <catch2/catch.hpp>

#include "credentials.h"
#include "fake_env.h"
#include "stub_server.h"

using namespace ssmview::aws;
using ssmview::test::FakeEnv;
using ssmview::test::StubServer;
using ssmview::test::TempDir;

namespace {

const std::string kSecret = "SECRETxSHOULDxNEVERxAPPEAR";
const std::string kToken = "TOKENxSHOULDxNEVERxAPPEAR";

HttpResponse json(std::string body) {
    HttpResponse r;
    r.status = 200;
    r.body = std::move(body);
    return r;
}

std::string creds_json(const std::string& key) {
    return R"({"AccessKeyId":")" + key + R"(","SecretAccessKey":")" + kSecret + R"(","Token":")" + kToken +
           R"(","Expiration":"2026-01-01T06:00:00Z"})";
}

// Every source configured: environment, profile (credentials file), container, IMDS (stubbed).
struct AllSources {
    StubServer container{[](const HttpRequest&) { return json(creds_json("CONTAINER")); }};
    StubServer imds{[](const HttpRequest& r) {
        if (r.method == "PUT") return json("T");
        if (r.path.back() == '/') return json("role");
        return json(creds_json("IMDS"));
    }};
    FakeEnv fake;
    AllSources() {
        fake.vars = {{"AWS_ACCESS_KEY_ID", "ENV"},
                     {"AWS_SECRET_ACCESS_KEY", kSecret},
                     {"AWS_CONFIG_FILE", "/c"},
                     {"AWS_SHARED_CREDENTIALS_FILE", "/k"},
                     {"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + std::to_string(container.port()) + "/"},
                     {"AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:" + std::to_string(imds.port())}};
        fake.files = {{"/k", "[default]\naws_access_key_id = PROFILE\naws_secret_access_key = " + kSecret + "\n"
                             "[dev]\naws_access_key_id = DEV\naws_secret_access_key = " + kSecret + "\n"}};
    }
    CredentialResult resolve(const std::string& profile = "") {
        CredentialOptions o;
        o.profile = profile;
        return resolve_credentials(fake.environment(), o);
    }
};

}  // namespace

TEST_CASE("chain: environment, then profile, then container, then IMDSv2", "[credentials][chain]") {
    AllSources all;
    CredentialResult r = all.resolve();
    REQUIRE(r.ok);
    CHECK(r.credentials.access_key_id == "ENV");
    CHECK(r.tried == std::vector<std::string>{"environment: found"});

    all.fake.vars.erase("AWS_ACCESS_KEY_ID");
    all.fake.vars.erase("AWS_SECRET_ACCESS_KEY");
    r = all.resolve();
    CHECK(r.credentials.access_key_id == "PROFILE");
    CHECK(r.credentials.source == "profile default (credentials file)");

    all.fake.files.erase("/k");
    r = all.resolve();
    CHECK(r.credentials.access_key_id == "CONTAINER");

    all.fake.vars.erase("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    r = all.resolve();
    CHECK(r.credentials.access_key_id == "IMDS");
    CHECK(r.tried == std::vector<std::string>{
                         "environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set",
                         "profile default: no [default] profile in /k or /c",
                         "container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set",
                         "IMDSv2: found"});
}

TEST_CASE("chain: AWS_PROFILE does not beat environment keys; --profile does", "[credentials][chain]") {
    AllSources all;
    all.fake.vars["AWS_PROFILE"] = "dev";
    CHECK(all.resolve().credentials.access_key_id == "ENV");
    const CredentialResult r = all.resolve("dev");
    CHECK(r.credentials.access_key_id == "DEV");
    CHECK(r.tried == std::vector<std::string>{"environment: skipped, --profile was given", "profile dev: found"});
}

TEST_CASE("chain: a configured source that fails ends the chain with its error", "[credentials][chain]") {
    AllSources all;
    all.fake.vars.erase("AWS_SECRET_ACCESS_KEY");
    CredentialResult r = all.resolve();
    CHECK_FALSE(r.ok);
    CHECK(r.error == "AWS credentials from environment failed: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");

    all.fake.vars.erase("AWS_ACCESS_KEY_ID");
    all.fake.files["/k"] = "[default]\ncredential_process = /nonexistent/helper\n";
    r = all.resolve();
    CHECK(r.error == "AWS credentials from profile default failed: could not run credential_process "
                     "'/nonexistent/helper': No such file or directory");
    CHECK(r.tried.size() == 2);  // the container was not asked
    CHECK(all.container.requests().empty());
}

TEST_CASE("chain: credentials that have already expired are a failure, with the time", "[credentials][chain]") {
    AllSources all;
    all.fake.vars["AWS_CREDENTIAL_EXPIRATION"] = "2025-12-31T23:00:00Z";  // the fake clock says 2026-01-01
    const CredentialResult r = all.resolve();
    CHECK_FALSE(r.ok);
    CHECK(r.error == "AWS credentials from environment failed: the credentials it returned expired at "
                     "2025-12-31 23:00:00.000 UTC");
}

TEST_CASE("chain: nothing anywhere gives one message listing every source and why", "[credentials][chain]") {
    FakeEnv fake;
    fake.vars = {{"HOME", "/home/me"}, {"AWS_EC2_METADATA_DISABLED", "true"}};
    const CredentialResult r = resolve_credentials(fake.environment(), CredentialOptions{});
    CHECK_FALSE(r.ok);
    CHECK(r.error == "no AWS credentials found. Tried, in order: "
                     "environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set; "
                     "profile default: no [default] profile in /home/me/.aws/credentials or /home/me/.aws/config; "
                     "container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set; "
                     "IMDSv2: disabled by AWS_EC2_METADATA_DISABLED");
}

TEST_CASE("chain: no failure message, from any source, holds the secret or the token", "[credentials][chain][secrets]") {
    TempDir dir;
    const std::string leaky = dir.write("leaky.sh", "#!/bin/sh\necho '" + creds_json("A") + "'\necho 'oops' >&2\nexit 1\n", true);
    const std::string noversion = dir.write("nov.sh", "#!/bin/sh\necho '" + creds_json("A") + "'\n", true);
    StubServer bad_container([](const HttpRequest&) {
        HttpResponse r;
        r.status = 500;
        r.body = creds_json("A");  // a broken endpoint that sends the credentials with an error status
        return r;
    });
    StubServer bad_imds([](const HttpRequest& r) {
        if (r.method == "PUT") return json(kToken);
        if (r.path.back() == '/') return json("role");
        return json(R"({"Code":"Failure","Message":"no","SecretAccessKey":")" + kSecret + "\"}");
    });
    std::vector<std::function<void(FakeEnv&)>> setups = {
        [](FakeEnv& f) { f.vars = {{"AWS_SECRET_ACCESS_KEY", kSecret}}; },
        [](FakeEnv& f) { f.vars = {{"AWS_ACCESS_KEY_ID", "A"}, {"AWS_SECRET_ACCESS_KEY", kSecret + " "}, {"AWS_SESSION_TOKEN", kToken}}; },
        [](FakeEnv& f) { f.vars = {{"AWS_ACCESS_KEY_ID", "A"}, {"AWS_SECRET_ACCESS_KEY", kSecret}, {"AWS_SESSION_TOKEN", kToken + "\n"}}; },
        [](FakeEnv& f) {
            f.vars = {{"AWS_SHARED_CREDENTIALS_FILE", "/k"}};
            f.files = {{"/k", "[default]\naws_secret_access_key " + kSecret + "\n"}};
        },
        [](FakeEnv& f) {
            f.vars = {{"AWS_SHARED_CREDENTIALS_FILE", "/k"}};
            f.files = {{"/k", "[default]\naws_secret_access_key = " + kSecret + "\naws_session_token = " + kToken + "\n"}};
        },
        [&](FakeEnv& f) {
            f.vars = {{"AWS_SHARED_CREDENTIALS_FILE", "/k"}};
            f.files = {{"/k", "[default]\ncredential_process = " + leaky + " --secret " + kSecret + "\n"}};
        },
        [&](FakeEnv& f) {
            f.vars = {{"AWS_SHARED_CREDENTIALS_FILE", "/k"}};
            f.files = {{"/k", "[default]\ncredential_process = " + noversion + "\n"}};
        },
        [&](FakeEnv& f) {
            f.vars = {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + std::to_string(bad_container.port()) + "/"},
                      {"AWS_CONTAINER_AUTHORIZATION_TOKEN", kToken}};
        },
        [&](FakeEnv& f) {
            f.vars = {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://10.0.0.1/" + kSecret},
                      {"AWS_CONTAINER_AUTHORIZATION_TOKEN", kToken}};
        },
        [&](FakeEnv& f) {
            f.vars = {{"AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:" + std::to_string(bad_imds.port())}};
        },
    };
    int failures = 0;
    for (std::size_t i = 0; i < setups.size(); ++i) {
        INFO("setup " << i);
        FakeEnv fake;
        setups[i](fake);
        if (!fake.vars.count("AWS_EC2_METADATA_SERVICE_ENDPOINT")) fake.vars["AWS_EC2_METADATA_DISABLED"] = "true";
        const CredentialResult r = resolve_credentials(fake.environment(), CredentialOptions{});
        CHECK_FALSE(r.ok);
        failures += !r.ok;
        INFO(r.error);
        CHECK(r.error.find("SHOULDxNEVER") == std::string::npos);
        for (const std::string& line : r.tried) CHECK(line.find("SHOULDxNEVER") == std::string::npos);
    }
    CHECK(failures == static_cast<int>(setups.size()));
}
