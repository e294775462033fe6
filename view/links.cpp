// view/links.cpp: URL parsing and building (see links.h).
//
// Index
//   parse_s3_url (host_region helper), s3_console_url, cloudwatch_log_group_url
//   (percent-encoding: core/percent_encoding.h)
//
// Call flow: header_panel.cpp and output_panel.cpp build links while drawing; the click puts the
// URL into ViewActions.open_url and the platform opens it in a new tab.
#include "links.h"

#include "percent_encoding.h"

namespace ssmview {

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

// "s3.us-east-2", "s3-us-west-1", "s3", "s3.dualstack.eu-west-1" -> region ("" for plain s3).
std::string host_region(std::string_view label) {
    if (starts_with(label, "s3.dualstack.")) return std::string(label.substr(13));
    if (starts_with(label, "s3.") || starts_with(label, "s3-")) return std::string(label.substr(3));
    return {};
}

}  // namespace

S3Location parse_s3_url(std::string_view url) {
    S3Location loc;
    if (starts_with(url, "s3://")) {
        std::string_view rest = url.substr(5);
        const std::size_t slash = rest.find('/');
        loc.bucket = std::string(rest.substr(0, slash));
        loc.key = slash == std::string_view::npos ? std::string() : std::string(rest.substr(slash + 1));
        loc.ok = !loc.bucket.empty();
        return loc;
    }
    std::string_view rest;
    if (starts_with(url, "https://")) rest = url.substr(8);
    else if (starts_with(url, "http://")) rest = url.substr(7);
    else return loc;
    const std::size_t slash = rest.find('/');
    std::string_view host = rest.substr(0, slash);
    std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    const std::size_t q = path.find_first_of("?#");
    if (q != std::string_view::npos) path = path.substr(0, q);
    std::string_view base;
    if (ends_with(host, ".amazonaws.com")) base = host.substr(0, host.size() - 14);
    else if (ends_with(host, ".amazonaws.com.cn")) base = host.substr(0, host.size() - 17);
    else return loc;
    if (starts_with(base, "s3") && (base.size() == 2 || base[2] == '.' || base[2] == '-')) {
        // Path style: https://s3.REGION.amazonaws.com/BUCKET/KEY
        const std::size_t s = path.find('/');
        loc.bucket = std::string(path.substr(0, s));
        loc.key = s == std::string_view::npos ? std::string() : std::string(path.substr(s + 1));
        loc.region = host_region(base);
    } else {
        // Virtual-hosted style: https://BUCKET.s3.REGION.amazonaws.com/KEY
        const std::size_t at = base.find(".s3");
        if (at == std::string_view::npos) return loc;
        loc.bucket = std::string(base.substr(0, at));
        loc.region = host_region(base.substr(at + 1));
        loc.key = std::string(path);
    }
    loc.ok = !loc.bucket.empty();
    return loc;
}

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
