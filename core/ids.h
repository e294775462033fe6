// core/ids.h: the API model's rules for the identifiers a person types or a link carries.
//
// Index
//   command_id_ok    36 characters (a UUID as the service issues it)
//   instance_id_ok   (^i-(\w{8}|\w{17})$)|(^mi-\w{17}$)
//   plugin_name_ok   4 to 128 characters, nothing that cannot be sent in JSON
//
// One home for these patterns: validate.cpp warns about a report's ids with them, fetch_link.cpp
// refuses a live link with them, and the fetch panel and the CLI check what a person typed before
// anything is sent. The patterns are the model's (botocore ssm/2014-11-06 service-2.json).
#pragma once
#include <string_view>

namespace ssmview {

bool command_id_ok(std::string_view id);
bool instance_id_ok(std::string_view id);
bool plugin_name_ok(std::string_view name);

}  // namespace ssmview
