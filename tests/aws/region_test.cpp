// tests/aws/region_test.cpp: the region's order of sources and its validation.
#include <catch2/catch.hpp>

#include "fake_env.h"
#include "region.h"

using namespace ssmview::aws;
using ssmview::test::FakeEnv;

namespace {

RegionResult region(FakeEnv& fake, std::string_view flag = "", std::string_view profile = "") {
    const Environment env = fake.environment();
    return resolve_region(env, flag, load_shared_config(env), select_profile(env, profile));
}

}  // namespace

TEST_CASE("region: the flag, then AWS_REGION, then AWS_DEFAULT_REGION, then the profile", "[region]") {
    FakeEnv fake;
    fake.vars = {{"AWS_CONFIG_FILE", "/c"}, {"AWS_REGION", "eu-west-1"}, {"AWS_DEFAULT_REGION", "eu-west-2"}};
    fake.files = {{"/c", "[default]\nregion = eu-west-3\n[profile dev]\nregion = ap-south-1\n"}};
    RegionResult r = region(fake, "us-west-2");
    CHECK((r.ok && r.region == "us-west-2" && r.source == "--region"));
    r = region(fake);
    CHECK((r.region == "eu-west-1" && r.source == "AWS_REGION"));
    fake.vars.erase("AWS_REGION");
    r = region(fake);
    CHECK((r.region == "eu-west-2" && r.source == "AWS_DEFAULT_REGION"));
    fake.vars.erase("AWS_DEFAULT_REGION");
    r = region(fake);
    CHECK((r.region == "eu-west-3" && r.source == "region in the profile 'default'"));
    fake.vars["AWS_PROFILE"] = "dev";
    r = region(fake);
    CHECK((r.region == "ap-south-1" && r.source == "region in the profile 'dev'"));
    r = region(fake, "", "default");
    CHECK(r.region == "eu-west-3");
}

TEST_CASE("region: none anywhere says where to put one", "[region]") {
    FakeEnv fake;
    fake.vars = {{"HOME", "/home/me"}};
    const RegionResult r = region(fake);
    CHECK_FALSE(r.ok);
    CHECK(r.error == "no AWS region: pass --region, set AWS_REGION, or set region in the profile 'default' of /home/me/.aws/config");
}

TEST_CASE("region: a malformed one is refused, naming where it came from", "[region]") {
    FakeEnv fake;
    fake.vars = {{"AWS_CONFIG_FILE", "/c"}};
    fake.files = {{"/c", "[default]\nregion = us-east-1 # N. Virginia\n"}};
    RegionResult r = region(fake);
    CHECK_FALSE(r.ok);
    CHECK(r.error == "region in the profile 'default': 'us-east-1 # N. Virginia' is not a region name (expected lowercase "
                     "letters, digits and '-', like us-east-1)");
    fake.vars["AWS_REGION"] = "evil.example.com/x";
    r = region(fake);
    CHECK(r.error.rfind("AWS_REGION: 'evil.example.com/x' is not a region name", 0) == 0);
    r = region(fake, "US-EAST-1");
    CHECK(r.error.rfind("--region: 'US-EAST-1' is not a region name", 0) == 0);
    fake.vars.erase("AWS_REGION");
    fake.files["/c"] = "[default\n";
    r = region(fake);
    CHECK(r.error == "no region from --region, AWS_REGION or AWS_DEFAULT_REGION, and the profile cannot be read: "
                     "/c:1: a section header must end with ']'");
}

TEST_CASE("region names: the shapes of every partition pass, anything else does not", "[region]") {
    for (const char* ok : {"us-east-1", "cn-northwest-1", "us-gov-west-1", "us-isob-east-1", "eu-isoe-west-1", "il-central-1"})
        CHECK(valid_region_name(ok));
    for (const char* bad : {"", "us-east-1.", "us east 1", "-us", "us-", "1us", "Us-east-1", "us_east_1",
                            "us-east-1\n", "a.b", "x/y"})
        CHECK_FALSE(valid_region_name(bad));
    CHECK_FALSE(valid_region_name(std::string(65, 'a')));
}
