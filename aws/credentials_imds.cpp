// aws/credentials_imds.cpp: the last source, the EC2 instance metadata service, version 2 only.
//
// Index
//   imds_endpoint          AWS_EC2_METADATA_SERVICE_ENDPOINT, else _ENDPOINT_MODE=IPv6, else
//                          http://169.254.169.254
//   imds_send              one request with the short timeouts, retried on no answer or 5xx up to
//                          AWS_METADATA_SERVICE_NUM_ATTEMPTS times
//   credentials_from_imds  PUT /latest/api/token (TTL header) -> GET .../security-credentials/ (role)
//                          -> GET .../security-credentials/<role> (JSON, Code = Success)
//
// Off EC2 nothing answers 169.254.169.254, so "no answer to the token request" means "not on
// EC2" (not configured); anything going wrong after a token was issued is a failure.
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "credentials.h"
#include "ascii.h"
#include "credentials_detail.h"
#include "endpoint.h"

namespace ssmview::aws {
namespace {

constexpr const char* kTokenPath = "/latest/api/token";
constexpr const char* kRolePath = "/latest/meta-data/iam/security-credentials/";

bool valid_role_name(std::string_view role) {
    if (role.empty() || role.size() > 128) return false;
    for (char c : role)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              std::string_view("+=,.@_-").find(c) != std::string_view::npos))
            return false;
    return true;
}

HttpResponse imds_send(const Environment& env, const Endpoint& ep, const HttpRequest& req, const HttpOptions& http,
                       int attempts) {
    HttpResponse r;
    for (int i = 0; i < attempts; ++i) {
        r = env.http(ep, req, http);
        if (r.status != 0 && r.status < 500) break;
    }
    return r;
}

}  // namespace

SourceResult credentials_from_imds(const Environment& env, const CredentialOptions& options) {
    if (ascii_iequals(env_value(env, "AWS_EC2_METADATA_DISABLED"), "true"))
        return detail::not_configured("disabled by AWS_EC2_METADATA_DISABLED");

    Endpoint ep;
    ep.scheme = "http";
    ep.host = "169.254.169.254";
    ep.port = 80;
    if (std::string url = env_value(env, "AWS_EC2_METADATA_SERVICE_ENDPOINT"); !url.empty()) {
        EndpointResult parsed = parse_endpoint_url(url, "AWS_EC2_METADATA_SERVICE_ENDPOINT");
        if (!parsed.ok) return detail::failed(parsed.error);
        ep = parsed.endpoint;
    } else if (ascii_iequals(env_value(env, "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"), "ipv6")) {
        ep.host = "[fd00:ec2::254]";
    }
    HttpOptions http;
    http.connect_timeout_ms = options.imds_timeout_ms;
    http.read_timeout_ms = options.imds_timeout_ms;
    http.max_response_bytes = 64 * 1024;
    if (std::string t = env_value(env, "AWS_METADATA_SERVICE_TIMEOUT"); !t.empty()) {
        char* end = nullptr;
        const double seconds = std::strtod(t.c_str(), &end);
        if (end == t.c_str() || *end != '\0' || !(seconds > 0) || seconds > 60)
            return detail::failed("AWS_METADATA_SERVICE_TIMEOUT must be a number of seconds from 0 to 60");
        http.connect_timeout_ms = http.read_timeout_ms = static_cast<int>(seconds * 1000);
    }
    int attempts = 1;
    if (std::string a = env_value(env, "AWS_METADATA_SERVICE_NUM_ATTEMPTS"); !a.empty()) {
        if (a.size() != 1 || a[0] < '1' || a[0] > '9')
            return detail::failed("AWS_METADATA_SERVICE_NUM_ATTEMPTS must be a whole number from 1 to 9");
        attempts = a[0] - '0';
    }
    const std::string where = "the instance metadata service at " + ep.url();

    HttpRequest token_request;
    token_request.method = "PUT";
    token_request.path = kTokenPath;
    token_request.headers.push_back({"X-aws-ec2-metadata-token-ttl-seconds", "21600"});
    const HttpResponse token = imds_send(env, ep, token_request, http, attempts);
    if (token.status == 0) return detail::not_configured("no answer from " + where + " (not on EC2?): " + token.error);
    if (token.status != 200)
        return detail::failed(where + " refused an IMDSv2 session token (HTTP " + std::to_string(token.status) + ")");
    if (token.body.empty() || token.body.size() > 1024 || token.body.find_first_of("\r\n") != std::string::npos)
        return detail::failed(where + " answered the token request with an unusable token");

    HttpRequest role_request;
    role_request.method = "GET";
    role_request.path = kRolePath;
    role_request.headers.push_back({"X-aws-ec2-metadata-token", token.body});
    const HttpResponse role = imds_send(env, ep, role_request, http, attempts);
    if (role.status == 404) return detail::not_configured("the instance has no IAM role (" + where + " answered HTTP 404)");
    if (role.status == 0) return detail::failed("no answer from " + where + " for the role name: " + role.error);
    if (role.status != 200)
        return detail::failed(where + " answered HTTP " + std::to_string(role.status) + " for the role name");
    std::string name = role.body.substr(0, role.body.find('\n'));
    while (!name.empty() && (name.back() == '\r' || name.back() == ' ')) name.pop_back();
    if (name.empty()) return detail::not_configured("the instance has no IAM role (" + where + " lists none)");
    if (!valid_role_name(name)) return detail::failed(where + " answered with a role name that is not valid");

    HttpRequest creds_request = role_request;
    creds_request.path = std::string(kRolePath) + name;
    const HttpResponse creds = imds_send(env, ep, creds_request, http, attempts);
    if (creds.status == 0) return detail::failed("no answer from " + where + " for the credentials of role " + name + ": " + creds.error);
    if (creds.status != 200)
        return detail::failed(where + " answered HTTP " + std::to_string(creds.status) + " for the credentials of role " + name);
    const nlohmann::json j = nlohmann::json::parse(creds.body, nullptr, false);
    if (j.is_object()) {
        auto code = j.find("Code");
        if (code != j.end() && code->is_string() && code->get<std::string>() != "Success") {
            std::string why = where + " reports " + detail::last_line(code->get<std::string>()) + " for role " + name;
            auto message = j.find("Message");
            if (message != j.end() && message->is_string()) why += ": " + detail::last_line(message->get<std::string>());
            return detail::failed(why);
        }
    }
    Credentials c;
    std::string error;
    if (!parse_credentials_json(creds.body, false, c, error))
        return detail::failed(where + " answered unusable credentials for role " + name + ": " + error);
    c.source = "IMDSv2 (role " + name + ")";
    return detail::found(std::move(c));
}

}  // namespace ssmview::aws
