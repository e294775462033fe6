// view/links.h: the AWS console and S3 addresses a report can link to (pure string work).
//
// Index
//   S3Location              bucket, key and region read from an S3 URL
//   parse_s3_url            the URL shapes StandardOutputUrl takes (path-style, virtual-hosted, s3://)
//   s3_console_url          the S3 console page of that object
//   cloudwatch_log_group_url the CloudWatch Logs console page of a log group
//
// Why the console: StandardOutputUrl points at a private object, so opening it as given usually
// answers "AccessDenied"; the console page opens with the user's session. Both are offered.
// A region the report does not carry stays out of the URL: the console then uses the user's last
// region, which is better than guessing.
#pragma once
#include <string>
#include <string_view>

namespace ssmview {

struct S3Location {
    bool        ok = false;
    std::string bucket, key, region;  // region "" when the URL does not say
};

S3Location  parse_s3_url(std::string_view url);
std::string s3_console_url(const S3Location& loc);
std::string cloudwatch_log_group_url(std::string_view log_group, std::string_view region);

}  // namespace ssmview
