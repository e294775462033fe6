// aws/endpoint.h: where a service is reached, following the AWS endpoint conventions.
//
// Index
//   UrlParts, split_url  "scheme://host[:port]/path?query" -> parts (the one URL splitter of aws/)
//   is_loopback_host     "localhost", 127.0.0.0/8, [::1]
//   parse_endpoint_url   "https://host[:port][/base]" -> Endpoint, with a clear error otherwise
//   partition_suffix     region -> DNS suffix ("amazonaws.com", "amazonaws.com.cn", ...)
//   regional_endpoint    service + region (+ FIPS) -> the AWS hostname
//   EndpointOptions      --endpoint-url and a FIPS override
//   resolve_endpoint     the whole order, below
//
// Order (the AWS SDKs' "service-specific endpoints"):
//   1. --endpoint-url
//   2. AWS_ENDPOINT_URL_<SERVICE> (AWS_ENDPOINT_URL_SSM, _CLOUDWATCH_LOGS, _S3: ServiceInfo)
//   3. AWS_ENDPOINT_URL
//   4. the profile's `services` section (`ssm =\n  endpoint_url = ...`)
//   5. the profile's `endpoint_url`
//   6. the regional endpoint: https://<prefix>[-fips].<region>.<partition suffix>
// 2-5 are skipped when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true (or the profile's
// ignore_configured_endpoint_urls = true). FIPS comes from EndpointOptions::fips, else
// AWS_USE_FIPS_ENDPOINT, else the profile's use_fips_endpoint. Endpoint::source names the step.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "environment.h"
#include "http.h"
#include "service.h"
#include "shared_config.h"

namespace ssmview::aws {

struct UrlParts {
    std::string scheme;  // lowercased: "http" / "https" (others are refused)
    std::string host;    // lowercased; an IPv6 literal keeps its brackets: "[::1]"
    int         port = 0;  // the scheme's default when the URL names none
    std::string path;    // "" or "/..." as written (still percent-encoded)
    std::string query;   // after '?', "" when none
    bool        has_query = false, has_fragment = false, has_userinfo = false;
};
// False with `error` ("has no host", "port 99999 is out of range") when the text is not an
// absolute http(s) URL or holds whitespace or control characters.
bool split_url(std::string_view url, UrlParts& out, std::string& error);

bool is_loopback_host(std::string_view host);

struct EndpointResult {
    bool        ok = false;
    Endpoint    endpoint;
    std::string error;  // "AWS_ENDPOINT_URL_SSM: 'ftp://x' is not an http or https URL"
};

// Accepts http and https, a host name or IPv4 address or [IPv6], an optional port 1..65535 and
// an optional base path; refuses user:password@, query strings, fragments and whitespace.
// `source` prefixes the error and goes into Endpoint::source. User info is refused before any
// other check, and an error that quotes the URL shows "***" for the text before its last '@', so
// no message carries a password (a secret key with '/' in it ends the authority early).
EndpointResult parse_endpoint_url(std::string_view url, std::string_view source);

// "amazonaws.com" (aws, us-gov), "amazonaws.com.cn" (cn-*), "c2s.ic.gov" (us-iso-*),
// "sc2s.sgov.gov" (us-isob-*), "cloud.adc-e.uk" (eu-isoe-*), "csp.hci.ic.gov" (us-isof-*).
std::string partition_suffix(std::string_view region);

// The AWS endpoint for the service in the region, FIPS or not. Precondition: valid_region_name.
Endpoint regional_endpoint(const ServiceInfo& service, std::string_view region, bool fips);

struct EndpointOptions {
    std::string         endpoint_url;  // --endpoint-url ("" = none)
    std::optional<bool> fips;          // a flag; nullopt = AWS_USE_FIPS_ENDPOINT / profile
};

EndpointResult resolve_endpoint(const Environment& env, const ServiceInfo& service,
                                std::string_view region, const EndpointOptions& options,
                                const SharedConfig& config, const ProfileSelection& profile);

}  // namespace ssmview::aws
