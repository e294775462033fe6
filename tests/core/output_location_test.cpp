// tests/core/output_location_test.cpp: the agent's S3 and CloudWatch Logs layout (core/output_location.h).
//
// Index
//   parse_s3_url           path-style, virtual-hosted, legacy dash region, global endpoint, s3://,
//                          China, percent-decoded keys, not S3 at all
//   S3 names               bucket names, keys in and out of the agent's layout
//   log groups             the API's pattern; the default group and the agent's replacement
//   log streams            names from a plugin, names and prefixes checked
//   invocation_log_output  a report's invocation -> group and streams, and when there are none
#include <catch2/catch.hpp>

#include "output_location.h"
#include "report.h"
#include "test_support.h"

using namespace ssmview;
using ssmview_test::read_fixture;

namespace {
const char* const kCmd = "0b8f52a2-3a4f-4bd0-9d3e-5f8a0c1d2e3f";
}

// ---- parse_s3_url -----------------------------------------------------------------------------

TEST_CASE("S3 URLs in every shape give bucket, key and region", "[output_location][s3]") {
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

TEST_CASE("an S3 URL's key is percent-decoded, and a malformed escape stays as written", "[output_location][s3]") {
    CHECK(parse_s3_url("https://s3.us-east-1.amazonaws.com/b/my%20prefix/a%3Ab/stdout").key == "my prefix/a:b/stdout");
    CHECK(parse_s3_url("https://b.s3.us-east-1.amazonaws.com/x%2/y%zz%").key == "x%2/y%zz%");
}

// ---- S3 names -----------------------------------------------------------------------------------

TEST_CASE("bucket names: S3's rules, legacy uppercase and '_' included, nothing that reshapes a URL", "[output_location][s3]") {
    CHECK(s3_bucket_name_ok("acme-ssm-output"));
    CHECK(s3_bucket_name_ok("a.b.c"));
    CHECK(s3_bucket_name_ok("Legacy_Bucket"));
    CHECK_FALSE(s3_bucket_name_ok("ab"));
    CHECK_FALSE(s3_bucket_name_ok("-abc"));
    CHECK_FALSE(s3_bucket_name_ok("abc."));
    CHECK_FALSE(s3_bucket_name_ok("a/b"));
    CHECK_FALSE(s3_bucket_name_ok("a%2Fb"));
    CHECK_FALSE(s3_bucket_name_ok("abc?x"));
    CHECK_FALSE(s3_bucket_name_ok(std::string(256, 'a')));
}

TEST_CASE("S3 keys in the agent's layout pass, and each way out of it is named", "[output_location][s3]") {
    const std::string tail = std::string(kCmd) + "/i-0123456789abcdef0/awsrunShellScript/0.awsrunShellScript/stdout";
    CHECK(s3_output_key_ok(tail));
    CHECK(s3_output_key_ok("journal/" + tail));
    CHECK(s3_output_key_ok("a/b/" + std::string(kCmd) + "/mi-0123456789abcdef0/step/stderr"));
    std::string why;
    CHECK_FALSE(s3_output_key_ok(std::string(kCmd) + "/i-0123456789abcdef0/stdout", &why));
    CHECK(why == "the key is not <prefix>/<CommandId>/<InstanceId>/<plugin>/.../stdout|stderr");
    CHECK_FALSE(s3_output_key_ok("prefix/" + std::string(kCmd) + "/i-0123456789abcdef0/p/secret.txt", &why));
    CHECK(why == "the key does not end in /stdout or /stderr");
    CHECK_FALSE(s3_output_key_ok("other/" + std::string(kCmd) + "/../../etc/i-0123456789abcdef0/p/stdout", &why));
    CHECK(why == "the key holds a \".\" or \"..\" segment");
    CHECK_FALSE(s3_output_key_ok("not-a-uuid/i-0123456789abcdef0/p/q/stdout", &why));
    CHECK_FALSE(s3_output_key_ok(std::string(kCmd) + "/i-0123/p/q/stdout", &why));  // not an instance id
    CHECK_FALSE(s3_output_key_ok("", &why));
    CHECK(why == "an S3 key is 1 to 1,024 bytes");
    CHECK_FALSE(s3_output_key_ok(std::string(1000, 'a') + "/" + tail, &why));
    CHECK_FALSE(s3_output_key_ok("p/" + std::string(kCmd) + "/i-0123456789abcdef0/p\n/stdout", &why));
    CHECK(why == "the key holds a control character");
}

TEST_CASE("the truncated fixture's output URL names a key in the agent's layout", "[output_location][fixture]") {
    const Report r = analyze(read_fixture("aws-cli/truncated.json"));
    const S3Location l = parse_s3_url(r.invocation.standard_output_url.value);
    REQUIRE(l.ok);
    CHECK(s3_bucket_name_ok(l.bucket));
    std::string why;
    CHECK(s3_output_key_ok(l.key, &why));
    CHECK(why.empty());
}

// ---- log groups ---------------------------------------------------------------------------------

TEST_CASE("log group names follow the API's pattern", "[output_location][logs]") {
    CHECK(log_group_name_ok("/aws/ssm/AWS-RunShellScript"));
    CHECK(log_group_name_ok("my.group#1_x-y"));
    CHECK_FALSE(log_group_name_ok(""));
    CHECK_FALSE(log_group_name_ok("a b"));
    CHECK_FALSE(log_group_name_ok("arn:aws:logs:us-east-1:123456789012:log-group:x"));
    CHECK(log_group_name_ok(std::string(512, 'a')));
    CHECK_FALSE(log_group_name_ok(std::string(513, 'a')));
}

TEST_CASE("the default log group is /aws/ssm/ and the document name, other characters as '.'", "[output_location][logs]") {
    CHECK(default_log_group("AWS-RunShellScript") == "/aws/ssm/AWS-RunShellScript");
    CHECK(default_log_group("arn:aws:ssm:us-east-1:123456789012:document/My Doc") ==
          "/aws/ssm/arn.aws.ssm.us-east-1.123456789012.document/My.Doc");
    CHECK(log_group_name_ok(default_log_group("Any \"name\" at all: {x}")));
}

// ---- log streams --------------------------------------------------------------------------------

TEST_CASE("stream names come from the plugin name with ':' and '*' as '-'", "[output_location][logs]") {
    CHECK(log_stream_segment("aws:runShellScript") == "aws-runShellScript");
    CHECK(log_stream_segment("step*1:x") == "step-1-x");
    const std::string s = log_stream_name(kCmd, "i-0123456789abcdef0", "aws:runShellScript", OutputStream::Stdout);
    CHECK(s == std::string(kCmd) + "/i-0123456789abcdef0/aws-runShellScript/stdout");
    CHECK(log_stream_name_ok(s));
    CHECK(log_stream_name_ok(log_stream_name(kCmd, "mi-0123456789abcdef0", "Install:*", OutputStream::Stderr)));
}

TEST_CASE("stream names outside the layout are refused with the reason", "[output_location][logs]") {
    std::string why;
    CHECK_FALSE(log_stream_name_ok("other-app/stream", &why));
    CHECK(why == "the stream is not <CommandId>/<InstanceId>/<plugin>/stdout|stderr");
    CHECK_FALSE(log_stream_name_ok(std::string(kCmd) + "/i-0123456789abcdef0/stdout", &why));
    CHECK_FALSE(log_stream_name_ok(std::string(kCmd) + "/i-0123456789abcdef0/p/log", &why));
    CHECK_FALSE(log_stream_name_ok(std::string(kCmd) + "/i-0123456789abcdef0//stdout", &why));
    CHECK(why == "the stream's plugin segment is empty");
    CHECK_FALSE(log_stream_name_ok(std::string(kCmd) + "/i-0123456789abcdef0/aws:run/stdout", &why));
    CHECK(why == "a log stream name holds no ':' or '*'");
    CHECK_FALSE(log_stream_name_ok(std::string(kCmd) + "/i-0123456789abcdef0/" + std::string(480, 'p') + "/stdout", &why));
    CHECK(why == "a log stream name is at most 512 characters");
}

TEST_CASE("a stream prefix must start with a command id and a slash", "[output_location][logs]") {
    CHECK(log_stream_prefix_ok(std::string(kCmd) + "/"));
    CHECK(log_stream_prefix_ok(std::string(kCmd) + "/i-0123456789abcdef0/"));
    std::string why;
    CHECK_FALSE(log_stream_prefix_ok(kCmd, &why));
    CHECK(why == "the prefix does not start with <CommandId>/");
    CHECK_FALSE(log_stream_prefix_ok("", &why));
    CHECK_FALSE(log_stream_prefix_ok(std::string(kCmd).substr(0, 8), &why));
    CHECK_FALSE(log_stream_prefix_ok(std::string(kCmd) + "/*", &why));
}

// ---- invocation_log_output ----------------------------------------------------------------------

TEST_CASE("an invocation with CloudWatch output names its group and both streams", "[output_location][logs]") {
    const Report r = analyze(std::string(R"({"CommandId": ")") + kCmd + R"(", "InstanceId": "i-0123456789abcdef0",
        "DocumentName": "AWS-RunShellScript", "PluginName": "aws:runShellScript", "Status": "InProgress",
        "CloudWatchOutputConfig": {"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": true}})");
    const LogOutput o = invocation_log_output(r.invocation);
    REQUIRE(o.enabled);
    CHECK(o.group == "/aws/ssm/AWS-RunShellScript");
    CHECK(o.stdout_stream == std::string(kCmd) + "/i-0123456789abcdef0/aws-runShellScript/stdout");
    CHECK(o.stderr_stream == std::string(kCmd) + "/i-0123456789abcdef0/aws-runShellScript/stderr");
}

TEST_CASE("a named log group wins over the default, and disabled output names nothing", "[output_location][logs]") {
    const std::string head = std::string(R"({"CommandId": ")") + kCmd +
                             R"(", "InstanceId": "i-0123456789abcdef0", "DocumentName": "D-x", "PluginName": "step1", )";
    Report r = analyze(head + R"("CloudWatchOutputConfig": {"CloudWatchLogGroupName": "ops", "CloudWatchOutputEnabled": true}})");
    CHECK(invocation_log_output(r.invocation).group == "ops");
    r = analyze(head + R"("CloudWatchOutputConfig": {"CloudWatchLogGroupName": "ops", "CloudWatchOutputEnabled": false}})");
    CHECK_FALSE(invocation_log_output(r.invocation).enabled);
    r = analyze(head + R"("Status": "Success"})");
    CHECK_FALSE(invocation_log_output(r.invocation).enabled);
}
