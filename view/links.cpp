// view/links.cpp: URL parsing and building (see links.h).
//
// Index
//   s3_console_url, cloudwatch_log_group_url (S3 URLs are read by core/output_location.h)
//   (percent-encoding: core/percent_encoding.h)
//
// Call flow: header_panel.cpp and output_panel.cpp build links while drawing; the click puts the
// URL into ViewActions.open_url and the platform opens it in a new tab.
#include "links.h"

#include "percent_encoding.h"

namespace ssmview {

std::string s3_console_url(const S3Location& loc) {
    std::string u = "https://s3.console.aws.amazon.com/s3/object/" + percent_encode(loc.bucket) + "?";
    if (!loc.region.empty()) u += "region=" + percent_encode(loc.region) + "&";
    u += "prefix=" + percent_encode(loc.key);
    return u;
}

std::string cloudwatch_log_group_url(std::string_view log_group, std::string_view region) {
    // The console's fragment escapes twice and writes '%' as '$': "/aws/ssm" -> "$252Faws$252Fssm".
    std::string twice = percent_encode(percent_encode(log_group));
    for (char& c : twice)
        if (c == '%') c = '$';
    std::string u = "https://console.aws.amazon.com/cloudwatch/home";
    if (!region.empty()) u += "?region=" + percent_encode(region);
    return u + "#logsV2:log-groups/log-group/" + twice;
}

}  // namespace ssmview
