// fuzz/fuzz_proxy_request.cpp: a request arriving at ssmview-proxy, and the front's decision on it.
//
// Index
//   parse_head               raw bytes -> RequestHead + body (request line, header lines, blank line)
//   policies                 four fronts: loopback or not, token or not (same allowlist, origins)
//   check_error_answer       the one error shape: {"__type","message"}, x-amzn-ErrorType, the marker
//   check_answer_headers     no CR/LF/NUL in any header value (no response splitting)
//   check_forward            what a Forward implies: POST /, an allowed action, an allowed or absent
//                            Origin, the token, a loopback Host, a size within --max-body; and what
//                            check_route_body lets through (Logs: a canonical body that passes
//                            its own check again) and make_proxy_request sends (two headers,
//                            rebuilt, never the client's)
//   check_s3_forward         an S3 read: GET/HEAD under /s3/, a key in the layout, /bucket/key + Range sent
//   check_origin_normalized  normalize_origin is idempotent on whatever Origin came in
//   LLVMFuzzerTestOneInput   parse -> decide (x4 policies) -> checks
//
// Call flow (proxy/proxy_server.cpp in the real server): cpp-httplib parses the request line and
// headers, the server builds a RequestHead, front.cpp's decide() answers (preflight, refusal,
// health) or routes it (routes.cpp), and a routed request becomes a ProxyRequest. The front never
// reads the body to decide; the body feeds check_route_body (CloudWatch Logs: the agent's streams
// only) and make_proxy_request. The parser here is a
// deliberately loose one (any bytes in names and values, LF or CRLF), so decide() sees heads
// cpp-httplib would refuse too: it must hold for everything.
// Seeds: fuzz/corpus/fuzz_proxy_request (preflights, allowed and refused SSM requests, health);
// dictionary: dict/proxy_request.dict.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "check.h"
#include "output_location.h"
#include "percent_encoding.h"
#include "cors.h"
#include "front.h"
#include "routes.h"
#include "service_error.h"

namespace {

using namespace ssmview;
using namespace ssmview::proxy;

constexpr const char* kToken = "fuzz-token-0123456789";
constexpr std::size_t kMaxBody = 4096;

// ---- parse_head -------------------------------------------------------------------------------

std::string_view next_line(std::string_view& rest) {
    const std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

void parse_head(std::string_view in, RequestHead& head, std::string& body) {
    std::string_view line = next_line(in);
    const std::size_t sp1 = line.find(' ');
    head.method = std::string(line.substr(0, sp1));
    std::string_view target = sp1 == std::string_view::npos ? std::string_view() : line.substr(sp1 + 1);
    target = target.substr(0, target.find(' '));
    const std::size_t q = target.find('?');
    head.path = std::string(target.substr(0, q));
    if (q != std::string_view::npos) head.query = std::string(target.substr(q + 1));
    while (!in.empty()) {
        line = next_line(in);
        if (line.empty()) break;
        const std::size_t colon = line.find(':');
        std::string_view value = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        head.headers.push_back({std::string(line.substr(0, colon)), std::string(value)});
    }
    body = std::string(in);
    head.remote_addr = "127.0.0.1";
}

// ---- policies ---------------------------------------------------------------------------------

FrontPolicy make_policy(bool loopback, bool token) {
    FrontPolicy p;
    p.allowlist = default_allowlist();
    p.cors.origins = {"http://127.0.0.1:8080", "https://ssmview.example.org"};
    p.token = make_bearer_token(token ? kToken : "");
    p.max_body_bytes = kMaxBody;
    p.loopback_hosts_only = loopback;
    return p;
}

// ---- checks -----------------------------------------------------------------------------------

void check_answer_headers(const std::vector<aws::Header>& headers) {
    for (const aws::Header& h : headers) {
        FUZZ_CHECK(!h.name.empty(), "an answer header without a name");
        for (char c : h.name + h.value)
            FUZZ_CHECK(c != '\r' && c != '\n' && c != '\0', "a CR, LF or NUL in answer header " + h.name);
    }
}

void check_error_answer(const ProxyAnswer& a) {
    nlohmann::json j = nlohmann::json::parse(a.body, nullptr, false);
    FUZZ_CHECK(j.is_object() && j.size() == 2 && j.contains("__type") && j.contains("message") &&
                   j["__type"].is_string() && j["message"].is_string(),
               "an error answer that is not {\"__type\",\"message\"}: " + a.body);
    const std::string type = j["__type"];
    const std::string message = j["message"];
    FUZZ_CHECK(aws::header_value(a.headers, "x-amzn-ErrorType") == type, "x-amzn-ErrorType differs from __type");
    FUZZ_CHECK(aws::header_value(a.headers, "Content-Type") == "application/x-amz-json-1.1", "error without the awsJson type");
    FUZZ_CHECK(message.find(kProxyRefusalMarker) != std::string::npos, "a refusal that does not name ssmview-proxy: " + message);
    for (char c : message)
        FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F,
                   "request input quoted unescaped in a message: " + message);
    if (a.status == 401 || a.status == 403 || a.status == 413) {
        const ServiceError e = read_service_error(a.status, type, "", a.body, "", "");
        FUZZ_CHECK(e.kind == ErrorKind::ProxyRefused, "core does not read this refusal as the proxy's: " + message);
    }
}

// An S3 read: GET or HEAD under /s3/, a key in the agent's layout, and what is sent is exactly
// method + /bucket/encoded-key + at most a Range header.
void check_s3_forward(const RequestHead& head, const Route& route) {
    FUZZ_CHECK((head.method == "GET" && route.action == "GetObject") || (head.method == "HEAD" && route.action == "HeadObject"),
               "an S3 route for " + head.method);
    FUZZ_CHECK(head.path.rfind("/s3/", 0) == 0, "an S3 route outside /s3/: " + head.path);
    FUZZ_CHECK(s3_output_key_ok(route.key) && s3_bucket_name_ok(route.bucket), "an S3 key or bucket outside the layout");
    const ProxyRequest p = make_proxy_request(route, "");
    FUZZ_CHECK(p.http.method == head.method && p.http.body.empty() && p.http.query.empty(), "the S3 request line");
    FUZZ_CHECK(p.http.path == "/" + route.bucket + "/" + percent_encode(route.key, true), "the S3 path is not bucket/key");
    FUZZ_CHECK(p.http.headers.size() <= 1 && aws::header_value(p.http.headers, "Authorization").empty(),
               "S3 forwards a header other than Range");
    FUZZ_CHECK(p.region == route.region, "S3 signed for another region than the path's");
}

void check_forward(const FrontPolicy& policy, const RequestHead& head, const FrontDecision& d, const std::string& body) {
    FUZZ_CHECK(d.route.ok, "a Forward without a route");
    FUZZ_CHECK(policy.allowlist.allows(d.route.service, d.route.action), "forwarding an action outside the allowlist");
    if (d.route.service == Service::S3) {
        check_s3_forward(head, d.route);
    } else {
        FUZZ_CHECK(head.method == "POST" && head.path == "/", "forwarding " + head.method + " " + head.path);
        FUZZ_CHECK(aws::header_value(head.headers, "X-Amz-Target") ==
                       std::string(service_info(d.route.service).json_target_prefix) + "." + d.route.action,
                   "the routed action is not the request's X-Amz-Target");
    }
    const std::string_view origin = aws::header_value(head.headers, "Origin");
    FUZZ_CHECK(origin.empty() || origin_allowed(policy.cors, origin), "forwarding for an origin not allowed");
    FUZZ_CHECK(!policy.token.required || check_bearer(policy.token, aws::header_value(head.headers, "Authorization")) ==
                                             AuthResult::Accepted,
               "forwarding without the token");
    const std::string_view length = aws::header_value(head.headers, "Content-Length");
    FUZZ_CHECK(length.empty() || std::strtoull(std::string(length).c_str(), nullptr, 10) <= kMaxBody,
               "forwarding a declared body over --max-body");
    if (d.route.service == Service::S3) return;
    const BodyCheck checked = check_route_body(d.route, body);
    if (!checked.ok) {
        FUZZ_CHECK(d.route.service == Service::Logs, "an SSM body refused");
        check_error_answer(checked.refusal);
        return;
    }
    if (d.route.service == Service::Logs) {
        // What is signed passes the rule again, unchanged: the check is a fixed point.
        const BodyCheck again = check_route_body(d.route, checked.body);
        FUZZ_CHECK(again.ok && again.body == checked.body, "the canonical Logs body does not pass its own check");
    }
    const ProxyRequest p = make_proxy_request(d.route, checked.body);
    FUZZ_CHECK(p.http.method == "POST" && p.http.path == "/" && p.http.query.empty(), "the forwarded request line");
    FUZZ_CHECK(p.http.headers.size() == 2 && aws::header_value(p.http.headers, "Authorization").empty(),
               "the forwarded headers are not exactly Content-Type and X-Amz-Target");
    FUZZ_CHECK(d.route.service == Service::Logs || p.http.body == body, "an SSM body changed on the way");
}

void check_origin_normalized(const RequestHead& head) {
    const std::string_view origin = aws::header_value(head.headers, "Origin");
    std::string once, twice, error;
    if (!normalize_origin(origin, once, error)) {
        FUZZ_CHECK(!error.empty(), "an origin refused without a reason");
        return;
    }
    FUZZ_CHECK(normalize_origin(once, twice, error) && twice == once, "normalize_origin is not idempotent: " + once);
}

void check_decision(const FrontPolicy& policy, const RequestHead& head, const std::string& body) {
    const FrontDecision d = decide(policy, head);
    for (char c : d.log_action)
        FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F,
                   "a log action with a control byte");
    const std::string_view origin = aws::header_value(head.headers, "Origin");
    const bool allowed_origin = !origin.empty() && origin_allowed(policy.cors, origin);
    switch (d.verdict) {
        case FrontVerdict::Answer:
            check_answer_headers(d.answer.headers);
            FUZZ_CHECK(d.answer.status == 204 || (d.answer.status >= 400 && d.answer.status <= 599),
                       "an answer with status " + std::to_string(d.answer.status));
            if (d.answer.status >= 400) check_error_answer(d.answer);
            if (d.answer.status == 204)
                FUZZ_CHECK(is_preflight(head) && allowed_origin, "a preflight granted to an origin not allowed");
            if (!aws::header_value(d.answer.headers, "Access-Control-Allow-Origin").empty())
                FUZZ_CHECK(allowed_origin && aws::header_value(d.answer.headers, "Access-Control-Allow-Origin") == origin,
                           "a CORS grant for another origin");
            break;
        case FrontVerdict::Healthz:
            FUZZ_CHECK(head.path == "/healthz" && (head.method == "GET" || head.method == "HEAD"), "health for " + head.path);
            break;
        case FrontVerdict::Forward: check_forward(policy, head, d, body); break;
    }
    check_answer_headers(d.cors);
    FUZZ_CHECK(aws::header_value(d.cors, "Access-Control-Allow-Origin").empty() || allowed_origin,
               "CORS headers grant an origin not allowed");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 64 * 1024) return 0;  // a real head is bounded by the server (32 KiB) long before
    RequestHead head;
    std::string body;
    parse_head(std::string_view(reinterpret_cast<const char*>(data), size), head, body);
    static const FrontPolicy policies[] = {make_policy(true, false), make_policy(true, true), make_policy(false, true),
                                           make_policy(false, false)};
    for (const FrontPolicy& p : policies) check_decision(p, head, body);
    check_origin_normalized(head);
    return 0;
}
