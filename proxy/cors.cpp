// proxy/cors.cpp: see cors.h.
//
// Index
//   Vocabulary         methods, request headers a page may send, response headers it may read
//   normalize_origin
//   origin_allowed, origin_refusal, is_preflight
//   answer_preflight   origin -> method -> headers -> grants (+ Private Network Access)
//   cors_headers
#include "cors.h"

#include "ascii.h"
#include "endpoint.h"  // aws::split_url

namespace ssmview::proxy {

namespace {

// ---- Vocabulary -------------------------------------------------------------------------------

constexpr const char* kAllowedMethods = "GET, POST";
// What a page (or an AWS SDK in a browser) sends to the JSON protocol and, next, to S3 object
// reads. The proxy forwards only what routes.cpp rebuilds; the rest is accepted and dropped.
constexpr const char* kAllowedRequestHeaders[] = {
    "authorization", "content-type", "range", "x-amz-target", "x-amz-user-agent", "amz-sdk-invocation-id",
    "amz-sdk-request", "accept"};
// The page reads S3 answers too: which part came back (content-range), and ids for a support case.
constexpr const char* kExposedHeaders = "x-amzn-requestid, x-amzn-errortype, content-range, etag, x-amz-request-id";
// How long a browser may reuse a preflight's answer (Chromium caps it at 2 h).
constexpr const char* kPreflightMaxAgeSeconds = "600";

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool allowed_request_header(std::string_view name) {
    const std::string n = ascii_lower(trim(name));
    for (const char* h : kAllowedRequestHeaders)
        if (n == h) return true;
    return false;
}

}  // namespace

// ---- normalize_origin -------------------------------------------------------------------------

bool normalize_origin(std::string_view text, std::string& out, std::string& error) {
    const std::string quoted = "--allow-origin " + quoted_input(text);
    if (text == "null") {
        out = "null";
        return true;
    }
    if (text == "*") {
        error = quoted + ": a wildcard would let every web site act with this proxy's AWS credentials; name the "
                         "page's origin (scheme://host:port)";
        return false;
    }
    const std::string lower = ascii_lower(text);
    if (lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0) {
        error = quoted + ": an origin is http://host[:port] or https://host[:port]";
        return false;
    }
    // aws/'s one URL splitter reads scheme, host and port (and checks the host's characters, an
    // IPv6 literal's brackets and the port's range); what it refuses is said in origin words.
    aws::UrlParts u;
    std::string why;
    if (!aws::split_url(text, u, why)) {
        const std::string_view after_scheme = std::string_view(lower).substr(lower.find("://") + 3);
        if (why.find("space") != std::string::npos)
            error = quoted + ": an origin is scheme://host[:port], without a path, query, user or spaces";
        else if (why.find("port") != std::string::npos)
            error = quoted + ": the port must be a number from 1 to 65535";
        else if (after_scheme.empty() || after_scheme == "/")
            error = quoted + ": the origin has no host";
        else
            error = quoted + ": the origin's host is malformed (write IPv6 addresses in brackets)";
        return false;
    }
    if (u.has_userinfo || u.has_query || u.has_fragment || (!u.path.empty() && u.path != "/")) {
        error = quoted + ": an origin is scheme://host[:port], without a path, query, user or spaces";
        return false;
    }
    // Browsers serialize an origin without its scheme's default port.
    out = u.scheme + "://" + u.host;
    if (u.port != (u.scheme == "https" ? 443 : 80)) out += ":" + std::to_string(u.port);
    return true;
}

// ---- origin_allowed, origin_refusal, is_preflight ---------------------------------------------

bool origin_allowed(const CorsPolicy& policy, std::string_view origin) {
    for (const std::string& o : policy.origins)
        if (o == origin) return true;
    return false;
}

ProxyAnswer origin_refusal(std::string_view origin) {
    return aws_json_error(errors::kAccessDenied,
                          "the origin " + quoted_input(origin) + " is not allowed by ssmview-proxy: start it with "
                          "--allow-origin " + quoted_input(origin) + " to let that page use it");
}

bool is_preflight(const RequestHead& head) {
    return head.method == "OPTIONS" && !aws::header_value(head.headers, "Origin").empty() &&
           !aws::header_value(head.headers, "Access-Control-Request-Method").empty();
}

// ---- answer_preflight -------------------------------------------------------------------------

ProxyAnswer answer_preflight(const CorsPolicy& policy, const RequestHead& head) {
    const std::string_view origin = aws::header_value(head.headers, "Origin");
    ProxyAnswer a;
    if (!origin_allowed(policy, origin)) {
        a = origin_refusal(origin);
    } else {
        const std::string_view method = aws::header_value(head.headers, "Access-Control-Request-Method");
        std::string refused_header;
        std::string_view requested = aws::header_value(head.headers, "Access-Control-Request-Headers");
        while (!requested.empty() && refused_header.empty()) {
            const std::size_t comma = requested.find(',');
            const std::string_view name = trim(requested.substr(0, comma));
            if (!name.empty() && !allowed_request_header(name)) refused_header = std::string(name);
            requested = comma == std::string_view::npos ? std::string_view() : requested.substr(comma + 1);
        }
        if (method != "GET" && method != "POST") {
            a = aws_json_error(errors::kAccessDenied, "ssmview-proxy answers GET and POST, not " + quoted_input(method, 16));
        } else if (!refused_header.empty()) {
            a = aws_json_error(errors::kAccessDenied,
                               "ssmview-proxy does not accept the request header " + quoted_input(refused_header));
        } else {
            a.status = 204;
            a.headers.push_back({"Access-Control-Allow-Origin", std::string(origin)});
            a.headers.push_back({"Access-Control-Allow-Methods", kAllowedMethods});
            std::string list;
            for (const char* h : kAllowedRequestHeaders) list += (list.empty() ? "" : ", ") + std::string(h);
            a.headers.push_back({"Access-Control-Allow-Headers", list});
            a.headers.push_back({"Access-Control-Max-Age", kPreflightMaxAgeSeconds});
            if (ascii_lower(trim(aws::header_value(head.headers, "Access-Control-Request-Private-Network"))) == "true")
                a.headers.push_back({"Access-Control-Allow-Private-Network", "true"});
        }
    }
    a.headers.push_back({"Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers, "
                                 "Access-Control-Request-Private-Network"});
    return a;
}

// ---- cors_headers -----------------------------------------------------------------------------

std::vector<aws::Header> cors_headers(const CorsPolicy& policy, const RequestHead& head) {
    std::vector<aws::Header> out;
    const std::string_view origin = aws::header_value(head.headers, "Origin");
    if (!origin.empty() && origin_allowed(policy, origin)) {
        out.push_back({"Access-Control-Allow-Origin", std::string(origin)});
        out.push_back({"Access-Control-Expose-Headers", kExposedHeaders});
    }
    // Always: a cache between must not serve one origin's answer (with or without the grant) to
    // another.
    out.push_back({"Vary", "Origin"});
    return out;
}

}  // namespace ssmview::proxy
