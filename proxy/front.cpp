// proxy/front.cpp: see front.h.
//
// Index
//   make_front_policy
//   Host check            the authority's host part must be loopback
//   decide                the seven steps of front.h
//   answer_from_upstream  pass-through, or 502/504
#include "front.h"

#include <cctype>
#include <cstdlib>

#include "ascii.h"
#include "endpoint.h"  // is_loopback_host
#include "request_limits.h"

namespace ssmview::proxy {

FrontPolicy make_front_policy(const ProxyConfig& config) {
    FrontPolicy p;
    p.allowlist = config.allowlist;
    p.cors.origins = config.allow_origins;
    p.token = make_bearer_token(config.token);
    p.max_body_bytes = config.max_body_bytes;
    p.loopback_hosts_only = config.listen_is_loopback();
    return p;
}

// ---- Host check -------------------------------------------------------------------------------

namespace {

// "127.0.0.1:8787" -> "127.0.0.1", "[::1]:8787" -> "[::1]", "LocalHost." -> "localhost".
std::string host_part(std::string_view authority) {
    std::string h;
    if (!authority.empty() && authority.front() == '[') {
        const std::size_t close = authority.find(']');
        h = std::string(authority.substr(0, close == std::string_view::npos ? std::string_view::npos : close + 1));
    } else {
        h = std::string(authority.substr(0, authority.find(':')));
    }
    h = ascii_lower(h);
    if (!h.empty() && h.back() == '.') h.pop_back();  // "localhost." is localhost
    return h;
}

FrontDecision answer(ProxyAnswer a, std::string log_action) {
    FrontDecision d;
    d.answer = std::move(a);
    d.log_action = std::move(log_action);
    return d;
}

void add_headers(ProxyAnswer& a, const std::vector<aws::Header>& headers) {
    a.headers.insert(a.headers.end(), headers.begin(), headers.end());
}

}  // namespace

// ---- decide -----------------------------------------------------------------------------------

FrontDecision decide(const FrontPolicy& policy, const RequestHead& head) {
    // The action as the log names it: the X-Amz-Target asked for until the route names it.
    const std::string_view target = aws::header_value(head.headers, "X-Amz-Target");
    std::string log_action = target.empty() ? std::string("-") : quoted_input(target);

    // 1. Preflights: answered here, before the token (browsers send no credentials on them).
    if (is_preflight(head)) return answer(answer_preflight(policy.cors, head), "preflight");

    // 2. Host: one (RFC 9112 says a second one makes the request invalid: two parsers could
    // each read another), and, listening on loopback, a loopback one.
    int hosts = 0;
    for (const aws::Header& h : head.headers) hosts += ascii_iequals(h.name, "host");
    if (hosts > 1) {
        return answer(aws_json_error(errors::kBadRequest, "ssmview-proxy refuses a request with more than one Host header"),
                      log_action);
    }
    if (policy.loopback_hosts_only) {
        const std::string_view host = aws::header_value(head.headers, "Host");
        if (!host.empty() && !aws::is_loopback_host(host_part(host))) {
            return answer(aws_json_error(errors::kAccessDenied,
                                         "ssmview-proxy listens on loopback and answers only requests addressed to it "
                                         "(Host: 127.0.0.1, localhost or [::1]), not Host: " + quoted_input(host)),
                          log_action);
        }
    }

    // 3. Origin.
    const std::string_view origin = aws::header_value(head.headers, "Origin");
    if (!origin.empty() && !origin_allowed(policy.cors, origin)) return answer(origin_refusal(origin), log_action);
    const std::vector<aws::Header> cors = cors_headers(policy.cors, head);

    // 4. Token.
    const AuthResult auth = check_bearer(policy.token, aws::header_value(head.headers, "Authorization"));
    if (auth != AuthResult::NotRequired && auth != AuthResult::Accepted) {
        FrontDecision d = answer(auth_refusal(auth), log_action);
        add_headers(d.answer, cors);
        return d;
    }

    // 5. Health.
    if (head.path == "/healthz" && (head.method == "GET" || head.method == "HEAD")) {
        FrontDecision d;
        d.verdict = FrontVerdict::Healthz;
        d.cors = cors;
        d.log_action = "healthz";
        return d;
    }

    // 6. Route.
    Route route = route_request(policy.allowlist, head);
    if (!route.ok) {
        FrontDecision d = answer(std::move(route.refusal), log_action);
        add_headers(d.answer, cors);
        return d;
    }
    log_action = std::string(service_name(route.service)) + ":" + route.action;

    // 7. Declared size. (cpp-httplib refuses a malformed Content-Length before we get here.)
    const std::string_view length = aws::header_value(head.headers, "Content-Length");
    if (!length.empty()) {
        const unsigned long long n = std::strtoull(std::string(length).c_str(), nullptr, 10);
        if (n > policy.max_body_bytes) {
            FrontDecision d = answer(body_refusal(static_cast<std::size_t>(n), policy.max_body_bytes), log_action);
            add_headers(d.answer, cors);
            return d;
        }
    }

    FrontDecision d;
    d.verdict = FrontVerdict::Forward;
    d.route = std::move(route);
    d.cors = cors;
    d.log_action = std::move(log_action);
    return d;
}

// ---- answer_from_upstream ---------------------------------------------------------------------

ProxyAnswer answer_from_upstream(aws::HttpResponse response, long long elapsed_ms, int timeout_ms) {
    if (response.status == 0) {
        const bool timed_out = elapsed_ms >= timeout_ms;
        return aws_json_error(timed_out ? errors::kUpstreamTimeout : errors::kUpstreamUnreachable,
                              std::string(timed_out ? "ssmview-proxy got no answer from upstream in time: "
                                                    : "ssmview-proxy could not reach upstream: ") +
                                  quoted_input(response.error, 512));
    }
    ProxyAnswer a;
    a.status = response.status;
    a.body = std::move(response.body);
    for (const char* name : {"Content-Type", "x-amzn-RequestId", "x-amzn-ErrorType",
                             // S3 object reads: the part, the version of the object, its request id
                             "Content-Range", "Accept-Ranges", "ETag", "Last-Modified", "x-amz-request-id"}) {
        const std::string_view v = aws::header_value(response.headers, name);
        if (!v.empty()) a.headers.push_back({name, std::string(v)});
    }
    return a;
}

}  // namespace ssmview::proxy
