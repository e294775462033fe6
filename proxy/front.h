// proxy/front.h: the proxy's decision about one request, made from its head alone.
//
// Index
//   FrontPolicy           what the decision depends on: allowlist, origins, token digest, limits
//   make_front_policy     ProxyConfig -> FrontPolicy
//   FrontVerdict          answer now / health / forward
//   FrontDecision         the verdict, its answer or route, the CORS headers, the log's action
//   decide                RequestHead -> FrontDecision (pure: no I/O; the fuzz target calls it)
//   answer_from_upstream  what an Upstream returned -> the answer (passed through, or 502/504)
//
// Call flow of decide(), in order; the first refusal wins and nothing is forwarded:
//   1. a CORS preflight is answered here (cors.cpp), never forwarded or signed
//   2. listening on loopback, the Host header must name loopback (DNS rebinding: a page whose
//      name re-resolves to 127.0.0.1 would otherwise be "same origin" and send no Origin on GETs)
//   3. an Origin that is present and not configured -> 403
//   4. the bearer token, when one is configured (auth.cpp) -> 401
//   5. GET /healthz -> Healthz (healthz.cpp builds it; it never touches AWS)
//   6. the route (routes.cpp): protocol, X-Amz-Target, allowlist -> 400/403/404
//   7. a declared Content-Length above --max-body -> 413 (a chunked body is bounded while read)
// proxy_server.cpp then reads the body of a Forward, sends it to the Upstream and writes
// answer_from_upstream(...) with the decision's CORS headers.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "auth.h"
#include "cors.h"
#include "exchange.h"
#include "proxy_config.h"
#include "routes.h"

namespace ssmview::proxy {

struct FrontPolicy {
    Allowlist   allowlist;
    CorsPolicy  cors;
    BearerToken token;
    std::size_t max_body_bytes = 64 * 1024;
    bool        loopback_hosts_only = true;  // listening on loopback: check the Host header
};
FrontPolicy make_front_policy(const ProxyConfig& config);

enum class FrontVerdict { Answer, Healthz, Forward };

struct FrontDecision {
    FrontVerdict             verdict = FrontVerdict::Answer;
    ProxyAnswer              answer;      // Answer: complete, CORS headers included
    Route                    route;       // Forward: ok
    std::vector<aws::Header> cors;        // Healthz, Forward: to add to the answer
    std::string              log_action;  // "ssm:GetCommandInvocation" (routed), "AmazonSSM.SendCommand"
                                          // (the target refused, quoted_input), "preflight",
                                          // "healthz", "-" (no target)
};

FrontDecision decide(const FrontPolicy& policy, const RequestHead& head);

// Status, body, Content-Type, x-amzn-RequestId and x-amzn-ErrorType (and S3's Content-Range, Accept-Ranges,
// ETag, Last-Modified, x-amz-request-id) pass through unchanged. No
// HTTP answer at all (status 0) becomes 504 UpstreamTimeoutException when the call lasted the whole
// --upstream-timeout (`elapsed_ms` >= `timeout_ms`: the transport's Read error is the same for a
// silent and a broken connection, the clock is not), else 502 UpstreamUnreachableException; both
// carry the transport's sentence, which names the endpoint.
// `response` is taken by value: move it in, and its body is moved on.
ProxyAnswer answer_from_upstream(aws::HttpResponse response, long long elapsed_ms, int timeout_ms);

}  // namespace ssmview::proxy
