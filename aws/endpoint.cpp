// aws/endpoint.cpp: URL splitting and validation, partitions, and the endpoint resolution order
// (see endpoint.h).
//
// Index
//   split_url, valid_host, is_loopback_host
//   authority_holds_userinfo, quotable_url
//                          user:password@ is refused first; quoted URLs never show text before an '@'
//   parse_endpoint_url     user info refused, then split_url + the endpoint-specific refusals
//                          (query, fragment)
//   partition_suffix, regional_endpoint
//   truthy                 "true"/"false" settings, case-insensitive; anything else is an error
//   resolve_endpoint       flag -> AWS_ENDPOINT_URL_<SERVICE> -> AWS_ENDPOINT_URL -> services
//                          section -> profile endpoint_url -> regional (FIPS or not)
#include "endpoint.h"
#include "ascii.h"

#include <cassert>

#include "region.h"

namespace ssmview::aws {
namespace {

bool valid_host(const std::string& host) {
    if (host.empty() || host.size() > 253) return false;
    if (host.front() == '[') {
        if (host.size() < 4 || host.back() != ']') return false;
        for (std::size_t i = 1; i + 1 < host.size(); ++i) {
            const char c = host[i];
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':' || c == '.')) return false;
        }
        return host.find(':') != std::string::npos;
    }
    for (char c : host)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_')) return false;
    return host.front() != '.' && host.front() != '-';
}

// Where "scheme://" ends (0 when the text names no scheme): the authority starts there.
std::size_t authority_start(std::string_view url) {
    const std::size_t colon = url.find("://");
    return colon == std::string_view::npos ? 0 : colon + 3;
}

// '@' inside the authority (before the first '/', '?' or '#'): user:password@ as a URL parser
// reads it. Looked for before anything else, so no refusal quotes a password.
bool authority_holds_userinfo(std::string_view url) {
    const std::string_view rest = url.substr(authority_start(url));
    return rest.substr(0, rest.find_first_of("/?#")).find('@') != std::string_view::npos;
}

// The text an error may quote: everything from the authority's start to the last '@' before
// the query or fragment becomes "***". That covers user info the splitter reads as a path, too:
// a secret access key holds '/', and "https://AKID:ab/cd@host" splits as host "akid", port "ab".
std::string quotable_url(std::string_view url) {
    const std::size_t start = authority_start(url);
    const std::string_view rest = url.substr(start);
    const std::size_t at = rest.substr(0, rest.find_first_of("?#")).rfind('@');
    std::string out = at == std::string_view::npos
                          ? std::string(url)
                          : std::string(url.substr(0, start)) + "***" + std::string(rest.substr(at));
    return out.substr(0, 200);
}

enum class Setting { Unset, True, False, Invalid };
Setting truthy(std::string_view v) {
    const std::string l = ascii_lower(v);
    if (l.empty()) return Setting::Unset;
    if (l == "true") return Setting::True;
    if (l == "false") return Setting::False;
    return Setting::Invalid;
}

}  // namespace

bool split_url(std::string_view url, UrlParts& out, std::string& error) {
    out = UrlParts{};
    for (char c : url) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f) {
            error = "holds a space or a control character";
            return false;
        }
    }
    const std::size_t colon = url.find("://");
    if (colon == std::string_view::npos) {
        error = "is not an absolute URL (expected http://host or https://host)";
        return false;
    }
    out.scheme = ascii_lower(url.substr(0, colon));
    if (out.scheme != "http" && out.scheme != "https") {
        error = "is not an http or https URL";
        return false;
    }
    std::string_view rest = url.substr(colon + 3);
    const std::size_t auth_end = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, auth_end);
    rest = auth_end == std::string_view::npos ? std::string_view() : rest.substr(auth_end);
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
        out.has_userinfo = true;
        authority = authority.substr(at + 1);
    }
    std::string_view host, port;
    if (!authority.empty() && authority.front() == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) {
            error = "has an IPv6 address without its closing ']'";
            return false;
        }
        host = authority.substr(0, close + 1);
        std::string_view after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') {
                error = "has text after the IPv6 address";
                return false;
            }
            port = after.substr(1);
            if (port.empty()) {
                error = "has ':' but no port number";
                return false;
            }
        }
    } else {
        const std::size_t c = authority.find(':');
        host = authority.substr(0, c);
        if (c != std::string_view::npos) {
            port = authority.substr(c + 1);
            if (port.empty()) {
                error = "has ':' but no port number";
                return false;
            }
        }
    }
    out.host = ascii_lower(host);
    if (out.host.empty()) {
        error = "has no host";
        return false;
    }
    if (!valid_host(out.host)) {
        error = "has an invalid host name";
        return false;
    }
    out.port = out.scheme == "https" ? 443 : 80;
    if (!port.empty()) {
        long value = 0;
        for (char c : port) {
            if (c < '0' || c > '9' || value > 65535) {
                error = "has a port that is not a number from 1 to 65535";
                return false;
            }
            value = value * 10 + (c - '0');
        }
        if (value < 1 || value > 65535) {
            error = "has a port that is not a number from 1 to 65535";
            return false;
        }
        out.port = static_cast<int>(value);
    }
    const std::size_t hash = rest.find('#');
    if (hash != std::string_view::npos) {
        out.has_fragment = true;
        rest = rest.substr(0, hash);
    }
    const std::size_t q = rest.find('?');
    if (q != std::string_view::npos) {
        out.has_query = true;
        out.query = std::string(rest.substr(q + 1));
        rest = rest.substr(0, q);
    }
    out.path = std::string(rest);
    return true;
}

bool is_loopback_host(std::string_view host) {
    if (host == "localhost" || host == "[::1]") return true;
    // 127.0.0.0/8 written as a dotted quad.
    if (host.substr(0, 4) != "127.") return false;
    int parts = 0, digits = 0, value = 0;
    for (char c : host) {
        if (c == '.') {
            if (digits == 0 || value > 255) return false;
            ++parts;
            digits = value = 0;
        } else if (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            if (++digits > 3) return false;
        } else {
            return false;
        }
    }
    return parts == 3 && digits > 0 && value <= 255;
}

EndpointResult parse_endpoint_url(std::string_view url, std::string_view source) {
    EndpointResult r;
    UrlParts u;
    std::string error;
    if (url.empty()) {
        r.error = std::string(source) + ": the URL is empty";
        return r;
    }
    // Refused before any message quotes the URL: the password must not reach stderr or a log.
    if (authority_holds_userinfo(url)) {
        r.error = std::string(source) + ": the URL holds user:password@, which ssmview does not send (use credentials instead)";
        return r;
    }
    const std::string prefix = std::string(source) + ": '" + quotable_url(url) + "' ";
    if (!split_url(url, u, error)) {
        r.error = prefix + error;
        return r;
    }
    assert(!u.has_userinfo);  // split_url's authority is the one authority_holds_userinfo looked at
    if (u.has_query || u.has_fragment) {
        r.error = prefix + "has a query string or fragment; an endpoint URL is scheme://host[:port][/path]";
        return r;
    }
    r.ok = true;
    r.endpoint.scheme = u.scheme;
    r.endpoint.host = u.host;
    r.endpoint.port = u.port;
    while (!u.path.empty() && u.path.back() == '/') u.path.pop_back();
    r.endpoint.base_path = u.path;
    r.endpoint.source = std::string(source);
    return r;
}

std::string partition_suffix(std::string_view region) {
    if (region.substr(0, 3) == "cn-") return "amazonaws.com.cn";
    if (region.substr(0, 8) == "us-isob-") return "sc2s.sgov.gov";
    if (region.substr(0, 8) == "us-isof-") return "csp.hci.ic.gov";
    if (region.substr(0, 7) == "us-iso-") return "c2s.ic.gov";
    if (region.substr(0, 8) == "eu-isoe-") return "cloud.adc-e.uk";
    return "amazonaws.com";  // aws and aws-us-gov
}

Endpoint regional_endpoint(const ServiceInfo& service, std::string_view region, bool fips) {
    assert(valid_region_name(region));
    Endpoint e;
    e.scheme = "https";
    e.port = 443;
    // In AWS GovCloud (US) the SSM and Logs endpoints are FIPS endpoints already (endpoints.json
    // gives their FIPS variant the standard hostname).
    const bool fips_label = fips && !(service.govcloud_standard_is_fips && region.substr(0, 7) == "us-gov-");
    e.host = std::string(service.endpoint_prefix) + (fips_label ? "-fips." : ".") + std::string(region) + "." +
             partition_suffix(region);
    e.source = fips ? "regional endpoint (FIPS)" : "regional endpoint";
    return e;
}

EndpointResult resolve_endpoint(const Environment& env, const ServiceInfo& service, std::string_view region,
                                const EndpointOptions& options, const SharedConfig& config,
                                const ProfileSelection& profile) {
    EndpointResult r;
    if (!options.endpoint_url.empty()) return parse_endpoint_url(options.endpoint_url, "--endpoint-url");

    const std::optional<ConfigSection> p = config.error.empty() ? config.profile(profile.name) : std::nullopt;
    auto profile_value = [&](const char* key) -> std::string {
        if (!p) return "";
        const std::string* v = p->get(key);
        return v ? *v : "";
    };

    // Configured endpoints (environment and config file), unless switched off.
    Setting ignore = truthy(env_value(env, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"));
    if (ignore == Setting::Invalid) {
        r.error = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS must be true or false";
        return r;
    }
    if (ignore == Setting::Unset) {
        ignore = truthy(profile_value("ignore_configured_endpoint_urls"));
        if (ignore == Setting::Invalid) {
            r.error = "ignore_configured_endpoint_urls in the profile '" + profile.name + "' must be true or false";
            return r;
        }
    }
    if (ignore != Setting::True) {
        const std::string specific = std::string("AWS_ENDPOINT_URL_") + service.env_suffix;
        if (std::string v = env_value(env, specific); !v.empty()) return parse_endpoint_url(v, specific);
        if (std::string v = env_value(env, "AWS_ENDPOINT_URL"); !v.empty()) return parse_endpoint_url(v, "AWS_ENDPOINT_URL");
        if (std::string services = profile_value("services"); !services.empty()) {
            const ConfigSection* s = config.services(services);
            if (!s) {
                r.error = "the profile '" + profile.name + "' names services '" + services +
                          "', but the config file has no [services " + services + "] section";
                return r;
            }
            if (auto sub = s->nested.find(service.config_key); sub != s->nested.end()) {
                if (auto url = sub->second.find("endpoint_url"); url != sub->second.end())
                    return parse_endpoint_url(url->second, "[services " + services + "] " + service.config_key +
                                                               " endpoint_url");
            }
        }
        if (std::string v = profile_value("endpoint_url"); !v.empty())
            return parse_endpoint_url(v, "endpoint_url in the profile '" + profile.name + "'");
    }

    bool fips = false;
    if (options.fips) {
        fips = *options.fips;
    } else {
        Setting s = truthy(env_value(env, "AWS_USE_FIPS_ENDPOINT"));
        if (s == Setting::Invalid) {
            r.error = "AWS_USE_FIPS_ENDPOINT must be true or false";
            return r;
        }
        if (s == Setting::Unset) {
            s = truthy(profile_value("use_fips_endpoint"));
            if (s == Setting::Invalid) {
                r.error = "use_fips_endpoint in the profile '" + profile.name + "' must be true or false";
                return r;
            }
        }
        fips = s == Setting::True;
    }
    if (region.substr(0, 5) == "fips-" || (region.size() > 5 && region.substr(region.size() - 5) == "-fips")) {
        r.error = "the region '" + std::string(region) +
                  "' is a FIPS pseudo-region: use the real region with AWS_USE_FIPS_ENDPOINT=true instead";
        return r;
    }
    if (!valid_region_name(region)) {
        r.error = "cannot build the " + std::string(service.id) + " endpoint: the region '" +
                  std::string(region.substr(0, 64)) + "' is not a valid region name";
        return r;
    }
    r.ok = true;
    r.endpoint = regional_endpoint(service, region, fips);
    return r;
}

}  // namespace ssmview::aws
