// view/links.h: the AWS console and S3 addresses a report can link to (pure string work).
//
// Index
//   s3_console_url          the S3 console page of an object (S3Location: core/output_location.h)
//   cloudwatch_log_group_url the CloudWatch Logs console page of a log group
//
// Why the console: StandardOutputUrl points at a private object, so opening it as given usually
// answers "AccessDenied"; the console page opens with the user's session. Both are offered.
// A region the report does not carry stays out of the URL: the console then uses the user's last
// region, which is better than guessing.
#pragma once
#include <string>
#include <string_view>

#include "output_location.h"  // S3Location, parse_s3_url: the core reads the URL

namespace ssmview {

std::string s3_console_url(const S3Location& loc);
std::string cloudwatch_log_group_url(std::string_view log_group, std::string_view region);

}  // namespace ssmview
