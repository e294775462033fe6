// aws/credentials_container.cpp: the third source, the ECS / EKS Pod Identity container endpoint.
//
// Index
//   allowed_over_http          the hosts the SDKs accept over plain http (loopback and the
//                              link-local container hosts); any host over https
//   authorization_token        AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (read on every call, it
//                              rotates), else AWS_CONTAINER_AUTHORIZATION_TOKEN
//   credentials_from_container RELATIVE_URI (on 169.254.170.2) before FULL_URI, one GET
//
// Messages name the variable and the host, never the URI's path (it carries a credential id)
// nor the token.
#include "credentials.h"
#include "credentials_detail.h"
#include "endpoint.h"

namespace ssmview::aws {
namespace {

constexpr const char* kEcsHost = "169.254.170.2";

bool allowed_over_http(const std::string& host) {
    return is_loopback_host(host) || host == "169.254.170.2" || host == "169.254.170.23" || host == "[fd00:ec2::23]";
}

// "" on success with `token` set (possibly empty: no token configured); else the failure.
std::string authorization_token(const Environment& env, std::string& token) {
    std::string origin;
    if (std::string file = env_value(env, "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"); !file.empty()) {
        const FileText f = env.read_file(file, 16 * 1024);
        if (f.status == FileText::Status::Missing)
            return "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE names " + file + ", which does not exist";
        if (f.status == FileText::Status::Error)
            return "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE names " + file + ", which cannot be read: " + f.error;
        token = f.text;
        origin = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";
        // The file usually ends with a newline; the token is what is between.
        while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' ')) token.pop_back();
        while (!token.empty() && (token.front() == ' ' || token.front() == '\n')) token.erase(0, 1);
    } else {
        token = env_value(env, "AWS_CONTAINER_AUTHORIZATION_TOKEN");
        origin = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
    }
    for (char c : token) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) return "the token from " + origin + " holds a line break or control character";
    }
    return "";
}

}  // namespace

SourceResult credentials_from_container(const Environment& env, const CredentialOptions& options) {
    const std::string relative = env_value(env, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    const std::string full = env_value(env, "AWS_CONTAINER_CREDENTIALS_FULL_URI");
    if (relative.empty() && full.empty())
        return detail::not_configured("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set");

    Endpoint endpoint;
    HttpRequest request;
    request.method = "GET";
    std::string where;
    if (!relative.empty()) {
        if (relative.front() != '/') return detail::failed("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI must start with '/'");
        endpoint.scheme = "http";
        endpoint.host = kEcsHost;
        endpoint.port = 80;
        const std::size_t q = relative.find('?');
        request.path = relative.substr(0, q);
        if (q != std::string::npos) request.query = relative.substr(q + 1);
        where = "the container endpoint " + std::string(kEcsHost) + " (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)";
    } else {
        UrlParts u;
        std::string error;
        if (!split_url(full, u, error)) return detail::failed("AWS_CONTAINER_CREDENTIALS_FULL_URI " + error);
        if (u.has_userinfo) return detail::failed("AWS_CONTAINER_CREDENTIALS_FULL_URI holds user:password@");
        if (u.scheme == "http" && !allowed_over_http(u.host))
            return detail::failed("AWS_CONTAINER_CREDENTIALS_FULL_URI names the host " + u.host +
                                  ", which is not allowed over http: only loopback addresses, 169.254.170.2, "
                                  "169.254.170.23 and fd00:ec2::23 are (any host over https)");
        endpoint.scheme = u.scheme;
        endpoint.host = u.host;
        endpoint.port = u.port;
        request.path = u.path.empty() ? "/" : u.path;
        request.query = u.query;
        where = "the container endpoint " + endpoint.host_header() + " (AWS_CONTAINER_CREDENTIALS_FULL_URI)";
    }
    std::string token;
    if (std::string problem = authorization_token(env, token); !problem.empty()) return detail::failed(problem);
    if (!token.empty()) request.headers.push_back({"Authorization", token});
    request.headers.push_back({"Accept", "application/json"});

    HttpOptions http;
    http.connect_timeout_ms = options.container_timeout_ms;
    http.read_timeout_ms = options.container_timeout_ms;
    http.max_response_bytes = 64 * 1024;
    const HttpResponse response = env.http(endpoint, request, http);
    if (response.status == 0) return detail::failed("no answer from " + where + ": " + response.error);
    if (response.status != 200) {
        std::string why = where + " answered HTTP " + std::to_string(response.status);
        // Its error document ({"code": ..., "message": ...}) holds no secret, and the status
        // alone rarely says enough ("invalid token", "role not found"); only those two members
        // are quoted, never the body.
        if (std::string said = detail::error_document_summary(response.body); !said.empty()) why += ": " + said;
        return detail::failed(why);
    }
    Credentials c;
    std::string error;
    if (!parse_credentials_json(response.body, false, c, error)) return detail::failed(where + " answered unusable credentials: " + error);
    c.source = "container credentials (" + endpoint.host_header() + ")";
    return detail::found(std::move(c));
}

}  // namespace ssmview::aws
