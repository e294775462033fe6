// tests/aws/credentials_env_test.cpp: the environment source.
#include <catch2/catch.hpp>

#include "credentials.h"
#include "fake_env.h"

using namespace ssmview::aws;
using ssmview::test::FakeEnv;
using Outcome = SourceResult::Outcome;

TEST_CASE("environment: both keys give credentials, with the session token and expiration", "[credentials][env]") {
    FakeEnv fake;
    fake.vars = {{"AWS_ACCESS_KEY_ID", "AKID"},
                 {"AWS_SECRET_ACCESS_KEY", "SECRET"},
                 {"AWS_SESSION_TOKEN", "TOKEN"},
                 {"AWS_CREDENTIAL_EXPIRATION", "2026-01-01T01:00:00Z"}};
    const SourceResult r = credentials_from_environment(fake.environment());
    REQUIRE(r.outcome == Outcome::Found);
    CHECK(r.credentials.access_key_id == "AKID");
    CHECK(r.credentials.secret_access_key == "SECRET");
    CHECK(r.credentials.session_token == "TOKEN");
    CHECK(r.credentials.expires_at_ms == 1767229200000LL);
    CHECK(r.credentials.source == "environment");
}

TEST_CASE("environment: AWS_SECURITY_TOKEN is the token's old name", "[credentials][env]") {
    FakeEnv fake;
    fake.vars = {{"AWS_ACCESS_KEY_ID", "AKID"}, {"AWS_SECRET_ACCESS_KEY", "S"}, {"AWS_SECURITY_TOKEN", "OLD"}};
    CHECK(credentials_from_environment(fake.environment()).credentials.session_token == "OLD");
    fake.vars["AWS_SESSION_TOKEN"] = "NEW";
    CHECK(credentials_from_environment(fake.environment()).credentials.session_token == "NEW");
}

TEST_CASE("environment: nothing set is 'not configured'; half a pair or bad text is a failure", "[credentials][env]") {
    FakeEnv fake;
    SourceResult r = credentials_from_environment(fake.environment());
    CHECK(r.outcome == Outcome::NotConfigured);
    CHECK(r.detail == "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set");

    fake.vars = {{"AWS_ACCESS_KEY_ID", "AKID"}, {"AWS_SECRET_ACCESS_KEY", ""}};  // empty counts as unset
    r = credentials_from_environment(fake.environment());
    CHECK(r.outcome == Outcome::Failed);
    CHECK(r.detail == "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");

    fake.vars = {{"AWS_SECRET_ACCESS_KEY", "SECRETxSHOULDxNEVERxAPPEAR"}};
    r = credentials_from_environment(fake.environment());
    CHECK(r.outcome == Outcome::Failed);
    CHECK(r.detail == "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not");

    fake.vars = {{"AWS_ACCESS_KEY_ID", "AKID"}, {"AWS_SECRET_ACCESS_KEY", "SECRET WITH SPACE"}};
    r = credentials_from_environment(fake.environment());
    CHECK(r.outcome == Outcome::Failed);
    CHECK(r.detail == "the secret access key holds a space or a control character (from AWS_ACCESS_KEY_ID / "
                      "AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN)");

    fake.vars = {{"AWS_ACCESS_KEY_ID", "AKID"}, {"AWS_SECRET_ACCESS_KEY", "S"}, {"AWS_CREDENTIAL_EXPIRATION", "soon"}};
    r = credentials_from_environment(fake.environment());
    CHECK(r.outcome == Outcome::Failed);
    CHECK(r.detail == "AWS_CREDENTIAL_EXPIRATION is not an ISO-8601 time");
}
