// tests/view/links_test.cpp: S3 and CloudWatch console links (view/links.h).
//
// Index
//   parse_s3_url: path-style, virtual-hosted, legacy dash region, global endpoint, s3://, China,
//                 not S3 at all; the truncated fixture's StandardOutputUrl
//   s3_console_url, cloudwatch_log_group_url (the console's "$252F" escaping)
// (The agent's truncation markers are the core's: tests/core/truncation_test.cpp.)
#include <catch2/catch.hpp>

#include "headless.h"
#include "links.h"
#include "report.h"

using namespace ssmview;

TEST_CASE("S3 URLs in every shape give bucket, key and region", "[links]") {
    S3Location l = parse_s3_url("https://s3.us-east-2.amazonaws.com/my-bucket/prefix/cmd/i-1/awsrunShellScript/0.awsrunShellScript/stdout");
    CHECK(l.ok);
    CHECK(l.bucket == "my-bucket");
    CHECK(l.key == "prefix/cmd/i-1/awsrunShellScript/0.awsrunShellScript/stdout");
    CHECK(l.region == "us-east-2");
    l = parse_s3_url("https://my-bucket.s3.eu-west-1.amazonaws.com/a/b?x=1");
    CHECK(l.bucket == "my-bucket");
    CHECK(l.key == "a/b");
    CHECK(l.region == "eu-west-1");
    l = parse_s3_url("https://s3-ap-southeast-2.amazonaws.com/b/k");
    CHECK(l.region == "ap-southeast-2");
    l = parse_s3_url("https://s3.amazonaws.com/b/k");
    CHECK(l.ok);
    CHECK(l.region.empty());
    l = parse_s3_url("https://b.s3.amazonaws.com/k");
    CHECK(l.bucket == "b");
    CHECK(l.region.empty());
    l = parse_s3_url("s3://bucket/some/key");
    CHECK(l.bucket == "bucket");
    CHECK(l.key == "some/key");
    l = parse_s3_url("https://s3.cn-north-1.amazonaws.com.cn/b/k");
    CHECK(l.region == "cn-north-1");
    CHECK_FALSE(parse_s3_url("https://example.com/b/k").ok);
    CHECK_FALSE(parse_s3_url("").ok);
    CHECK_FALSE(parse_s3_url("not a url").ok);
}

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
