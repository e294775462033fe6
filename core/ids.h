// core/ids.h: the API model's rules for the identifiers a person types or a link carries.
//
// Index
//   word_char        \w as the model's patterns mean it (ASCII letters, digits, '_')
//   command_id_ok    36 characters (a UUID as the service issues it)
//   uuid_shaped      8-4-4-4-12 hexadecimal digits: how every CommandId the service issues looks
//   kInstanceIdPattern, instance_id_ok   (^i-(\w{8}|\w{17})$)|(^mi-\w{17}$)
//   plugin_name_ok   4 (the model's minimum) to 1024 bytes (ssmview's bound), no control characters
//
// One home for these patterns: input_format.cpp recognizes text output by uuid_shaped, validate.cpp
// warns about a report's ids with them, fetch_link.cpp refuses a live link with them, the fetch
// panel and the CLI check what a person typed before anything is sent; validate.cpp's DocumentName
// check reads word_char, and the proxy's simulated SSM validates requests with them. The patterns
// are the model's (botocore ssm/2014-11-06 service-2.json); the lengths come from data_limits.h.
#pragma once
#include <string_view>

namespace ssmview {

bool word_char(char c);
bool command_id_ok(std::string_view id);
// Stricter than the model (which only bounds the length): input_format.cpp recognizes `--output
// text` by it, and the proxy's simulated SSM answers InvalidCommandId for anything else, as SSM does.
bool uuid_shaped(std::string_view id);

// The model's InstanceId pattern, as the service quotes it in a ValidationException (the proxy's
// simulated SSM quotes it from here); instance_id_ok implements it.
constexpr const char* kInstanceIdPattern = "(^i-(\\w{8}|\\w{17})$)|(^mi-\\w{17}$)";
bool instance_id_ok(std::string_view id);
bool plugin_name_ok(std::string_view name);

}  // namespace ssmview
