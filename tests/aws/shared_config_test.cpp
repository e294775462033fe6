// tests/aws/shared_config_test.cpp: which files, which profile, and the merged view.
#include <catch2/catch.hpp>

#include "fake_env.h"
#include "shared_config.h"

using namespace ssmview::aws;
using ssmview::test::FakeEnv;

TEST_CASE("the files are ~/.aws/config and ~/.aws/credentials unless AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE say otherwise", "[shared_config]") {
    FakeEnv fake;
    fake.vars = {{"HOME", "/home/me"}};
    fake.files = {{"/home/me/.aws/config", "[default]\nregion = us-east-1\n"}};
    SharedConfig s = load_shared_config(fake.environment());
    CHECK(s.config_path == "/home/me/.aws/config");
    CHECK(s.credentials_path == "/home/me/.aws/credentials");
    CHECK(s.config_found);
    CHECK_FALSE(s.credentials_found);  // missing is normal
    CHECK(s.error == "");

    fake.vars["AWS_CONFIG_FILE"] = "~/elsewhere/cfg";
    fake.vars["AWS_SHARED_CREDENTIALS_FILE"] = "/etc/creds";
    s = load_shared_config(fake.environment());
    CHECK(s.config_path == "/home/me/elsewhere/cfg");
    CHECK(s.credentials_path == "/etc/creds");
    CHECK_FALSE(s.config_found);
}

TEST_CASE("a file that cannot be parsed is an error naming its path and line; warnings are kept", "[shared_config]") {
    FakeEnv fake;
    fake.vars = {{"AWS_CONFIG_FILE", "/c"}, {"AWS_SHARED_CREDENTIALS_FILE", "/k"}};
    fake.files = {{"/c", "[dev]\n"}, {"/k", "[p]\nbroken\n"}};
    const SharedConfig s = load_shared_config(fake.environment());
    CHECK(s.error == "/k:2: expected 'key = value' (this line has no '=')");
    REQUIRE(s.warnings.size() == 1);
    CHECK(s.warnings[0] == "/c:1: warning: section [dev] is ignored: in the config file a profile is written [profile dev]");
}

TEST_CASE("a file that exists but cannot be read is an error", "[shared_config]") {
    FakeEnv fake;
    fake.vars = {{"AWS_CONFIG_FILE", "/"}, {"AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/k"}};
    fake.real_files = true;
    const SharedConfig s = load_shared_config(fake.environment());
    CHECK(s.error == "/: cannot be read: Is a directory");
}

TEST_CASE("profile selection: --profile, then AWS_PROFILE, then default", "[shared_config]") {
    FakeEnv fake;
    ProfileSelection p = select_profile(fake.environment(), "");
    CHECK((p.name == "default" && p.source == "default" && !p.named));
    fake.vars["AWS_PROFILE"] = "env";
    p = select_profile(fake.environment(), "");
    CHECK((p.name == "env" && p.source == "AWS_PROFILE" && p.named));
    p = select_profile(fake.environment(), "flag");
    CHECK((p.name == "flag" && p.source == "--profile" && p.named));
}

TEST_CASE("the merged profile: config keys overlaid by the credentials file's", "[shared_config]") {
    FakeEnv fake;
    fake.vars = {{"AWS_CONFIG_FILE", "/c"}, {"AWS_SHARED_CREDENTIALS_FILE", "/k"}};
    fake.files = {{"/c", "[profile dev]\nregion = eu-west-1\naws_access_key_id = FROM_CONFIG\ns3 =\n  a = 1\n"},
                  {"/k", "[dev]\naws_access_key_id = FROM_CREDENTIALS\n[only]\nregion = x\n"}};
    const SharedConfig s = load_shared_config(fake.environment());
    const auto dev = s.profile("dev");
    REQUIRE(dev);
    CHECK(*dev->get("region") == "eu-west-1");
    CHECK(*dev->get("aws_access_key_id") == "FROM_CREDENTIALS");
    CHECK(dev->nested.at("s3").at("a") == "1");
    REQUIRE(s.profile("only"));
    CHECK(*s.profile("only")->get("region") == "x");
    CHECK_FALSE(s.profile("none"));
}
