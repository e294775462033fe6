// tests/view/links_test.cpp: S3 and CloudWatch console links (view/links.h).
//
// Index
//   the truncated fixture's StandardOutputUrl in the S3 console (parse_s3_url's shapes:
//   tests/core/output_location_test.cpp)
//   s3_console_url, cloudwatch_log_group_url (the console's "$252F" escaping)
// (The agent's truncation markers are the core's: tests/core/truncation_test.cpp.)
#include <catch2/catch.hpp>

#include "headless.h"
#include "links.h"
#include "report.h"

using namespace ssmview;

TEST_CASE("the truncated fixture's output URL opens in the S3 console of its region", "[links][fixture]") {
    const Report r = analyze(test::fixture("truncated"));
    const S3Location l = parse_s3_url(r.invocation.standard_output_url.value);
    REQUIRE(l.ok);
    CHECK(l.bucket == "acme-ssm-output");
    CHECK(l.region == "us-east-1");
    const std::string url = s3_console_url(l);
    CHECK(url.rfind("https://s3.console.aws.amazon.com/s3/object/acme-ssm-output?region=us-east-1&prefix=journal%2F", 0) == 0);
    CHECK(url.find("%2Fstdout") != std::string::npos);
}

TEST_CASE("CloudWatch log group links use the console's double escaping", "[links]") {
    CHECK(cloudwatch_log_group_url("/aws/ssm/AWS-RunShellScript", "us-east-1") ==
          "https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/"
          "$252Faws$252Fssm$252FAWS-RunShellScript");
    CHECK(cloudwatch_log_group_url("group", "") == "https://console.aws.amazon.com/cloudwatch/home#logsV2:log-groups/log-group/group");
}
