// tests/aws/credentials_profile_test.cpp: the profile source: static keys from either file,
// credential_process, the AWS CLI v2 for SSO/role profiles, and the order between them.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "credentials.h"
#include "fake_env.h"

using namespace ssmview::aws;
using ssmview::test::FakeEnv;
using ssmview::test::TempDir;
using Outcome = SourceResult::Outcome;

namespace {

SourceResult from_profile(FakeEnv& fake, const std::string& flag = "", CredentialOptions options = {}) {
    const Environment env = fake.environment();
    return credentials_from_profile(env, options, load_shared_config(env), select_profile(env, flag));
}

void with_files(FakeEnv& fake, std::string config, std::string credentials) {
    fake.vars = {{"AWS_CONFIG_FILE", "/c"}, {"AWS_SHARED_CREDENTIALS_FILE", "/k"}};
    fake.files = {{"/c", std::move(config)}, {"/k", std::move(credentials)}};
}

}  // namespace

TEST_CASE("profile: static keys from the credentials file, named by its source", "[credentials][profile]") {
    FakeEnv fake;
    with_files(fake, "", "[default]\naws_access_key_id = AKID\naws_secret_access_key = SECRET\naws_session_token = TOK\n");
    const SourceResult r = from_profile(fake);
    REQUIRE(r.outcome == Outcome::Found);
    CHECK(r.credentials.access_key_id == "AKID");
    CHECK(r.credentials.secret_access_key == "SECRET");
    CHECK(r.credentials.session_token == "TOK");
    CHECK(r.credentials.expires_at_ms == 0);
    CHECK(r.credentials.source == "profile default (credentials file)");
}

TEST_CASE("profile: AWS_PROFILE picks [profile x] in config and [x] in credentials", "[credentials][profile]") {
    FakeEnv fake;
    with_files(fake, "[profile dev]\naws_access_key_id = CFG\naws_secret_access_key = S\n", "");
    fake.vars["AWS_PROFILE"] = "dev";
    SourceResult r = from_profile(fake);
    REQUIRE(r.outcome == Outcome::Found);
    CHECK(r.credentials.access_key_id == "CFG");
    CHECK(r.credentials.source == "profile dev (config file)");

    fake.files["/k"] = "[dev]\naws_access_key_id = CRED\naws_secret_access_key = S\n";
    r = from_profile(fake);
    CHECK(r.credentials.access_key_id == "CRED");  // the credentials file wins
}

TEST_CASE("profile: a named profile that does not exist is a failure; a missing default is not", "[credentials][profile]") {
    FakeEnv fake;
    with_files(fake, "[profile other]\n", "");
    SourceResult r = from_profile(fake, "dev");
    CHECK(r.outcome == Outcome::Failed);
    CHECK(r.detail == "the profile 'dev' (from --profile) is not in /k or /c");
    fake.vars["AWS_PROFILE"] = "typo";
    r = from_profile(fake);
    CHECK(r.detail == "the profile 'typo' (from AWS_PROFILE) is not in /k or /c");
    fake.vars.erase("AWS_PROFILE");
    r = from_profile(fake);
    CHECK(r.outcome == Outcome::NotConfigured);
    CHECK(r.detail == "no [default] profile in /k or /c");
}

TEST_CASE("profile: a profile without credentials passes on; half a key pair fails, naming the file", "[credentials][profile]") {
    FakeEnv fake;
    with_files(fake, "[default]\nregion = us-east-1\n", "");
    SourceResult r = from_profile(fake);
    CHECK(r.outcome == Outcome::NotConfigured);
    CHECK(r.detail == "the profile 'default' has no aws_access_key_id, credential_process, role_arn or sso_session");

    fake.files["/k"] = "[default]\naws_access_key_id = AKID\n";
    r = from_profile(fake);
    CHECK(r.outcome == Outcome::Failed);
    CHECK(r.detail == "aws_access_key_id is set but aws_secret_access_key is not in [default] of /k");

    fake.files["/k"] = "[default]\naws_secret_access_key = SECRETxSHOULDxNEVERxAPPEAR\n";
    r = from_profile(fake);
    CHECK(r.detail == "aws_secret_access_key is set but aws_access_key_id is not in [default] of /k");
}

TEST_CASE("profile: a broken file fails the source with its path and line", "[credentials][profile]") {
    FakeEnv fake;
    with_files(fake, "[profile dev\n", "");
    const SourceResult r = from_profile(fake);
    CHECK(r.outcome == Outcome::Failed);
    CHECK(r.detail == "/c:1: a section header must end with ']'");
}

TEST_CASE("profile: credential_process runs (after credentials-file keys, before config-file keys)", "[credentials][profile]") {
    TempDir dir;
    const std::string script = dir.write("helper.sh",
        "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"PROC\", \"SecretAccessKey\": \"S\", "
        "\"SessionToken\": \"T\", \"Expiration\": \"2026-01-01T01:00:00Z\"}'\n", true);
    FakeEnv fake;
    with_files(fake, "[default]\ncredential_process = " + script +
                                  "\naws_access_key_id = CFG\naws_secret_access_key = S\n", "");
    SourceResult r = from_profile(fake);
    REQUIRE(r.outcome == Outcome::Found);
    CHECK(r.credentials.access_key_id == "PROC");
    CHECK(r.credentials.session_token == "T");
    CHECK(r.credentials.expires_at_ms == 1767229200000LL);
    CHECK(r.credentials.source == "profile default (credential_process)");

    fake.files["/k"] = "[default]\naws_access_key_id = CRED\naws_secret_access_key = S\n";
    r = from_profile(fake);
    CHECK(r.credentials.access_key_id == "CRED");
}

TEST_CASE("profile: SSO and role profiles go to the AWS CLI with the same files and profile", "[credentials][profile]") {
    TempDir dir;
    const std::string record = dir.path() + "/record";
    const std::string fake_cli = dir.write("aws",
        "#!/bin/sh\n"
        "echo \"$@\" > " + record + "\n"
        "echo \"$AWS_CONFIG_FILE $AWS_SHARED_CREDENTIALS_FILE $HOME\" >> " + record + "\n"
        "echo '{\"Version\": 1, \"AccessKeyId\": \"CLI\", \"SecretAccessKey\": \"S\", \"SessionToken\": \"T\", "
        "\"Expiration\": \"2026-01-01T00:30:00+00:00\"}'\n", true);
    CredentialOptions options;
    options.aws_cli = fake_cli;
    for (const char* key : {"role_arn = arn:aws:iam::111122223333:role/R\nsource_profile = base",
                            "sso_session = corp", "sso_start_url = https://x.awsapps.com/start",
                            "web_identity_token_file = /t"}) {
        INFO(key);
        // Static keys in the same profile do not win over a role: botocore's order.
        FakeEnv fake;
        with_files(fake, std::string("[profile dev]\n") + key + "\n",
                   "[dev]\naws_access_key_id = STATIC\naws_secret_access_key = S\n");
        fake.vars["HOME"] = "/home/me";
        const SourceResult r = from_profile(fake, "dev", options);
        REQUIRE(r.outcome == Outcome::Found);
        CHECK(r.credentials.access_key_id == "CLI");
        CHECK(r.credentials.expires_at_ms == 1767227400000LL);
        CHECK(r.credentials.source == "profile dev (AWS CLI v2)");
        std::ifstream in(record);
        std::stringstream got;
        got << in.rdbuf();
        CHECK(got.str() == "configure export-credentials --profile dev --format process\n/c /k /home/me\n");
    }
}

TEST_CASE("profile: without the AWS CLI an SSO profile fails and says what to install", "[credentials][profile]") {
    FakeEnv fake;
    with_files(fake, "[profile dev]\nsso_session = corp\n", "");
    CredentialOptions options;
    options.aws_cli = "/nonexistent/bin/aws";
    const SourceResult r = from_profile(fake, "dev", options);
    CHECK(r.outcome == Outcome::Failed);
    CHECK(r.detail == "could not run the AWS CLI (/nonexistent/bin/aws): No such file or directory. The profile uses "
                      "sso_session, which ssmview resolves through the AWS CLI v2: install it (Debian package awscli) "
                      "or give the profile static keys or a credential_process");
}

TEST_CASE("profile: the real AWS CLI v2 exports a static profile, and explains an SSO profile with no login", "[credentials][profile][aws-cli]") {
    TempDir dir;
    const std::string config = dir.write("config",
        "[profile st]\nregion = us-east-1\n"
        "[profile sso]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = R\n"
        "[sso-session corp]\nsso_start_url = https://corp.example.com/start\nsso_region = us-east-1\n");
    const std::string credentials = dir.write("credentials", "[st]\naws_access_key_id = AKIDST\naws_secret_access_key = SECRETST\n");
    FakeEnv fake;
    fake.real_files = true;
    fake.vars = {{"AWS_CONFIG_FILE", config}, {"AWS_SHARED_CREDENTIALS_FILE", credentials}, {"HOME", dir.path()}};
    const Environment env = fake.environment();
    const SharedConfig shared = load_shared_config(env);
    REQUIRE(shared.error == "");

    SourceResult r = credentials_from_aws_cli(env, CredentialOptions{}, shared, "st", "a test");
    REQUIRE(r.outcome == Outcome::Found);
    CHECK(r.credentials.access_key_id == "AKIDST");
    CHECK(r.credentials.secret_access_key == "SECRETST");
    CHECK(r.credentials.expires_at_ms == 0);

    r = credentials_from_profile(env, CredentialOptions{}, shared, select_profile(env, "sso"));
    CHECK(r.outcome == Outcome::Failed);
    CHECK(r.detail == "the AWS CLI (/usr/bin/aws) exited with status 255 (its error output is not repeated here, since it may hold secrets: run it yourself to see it)");
}
