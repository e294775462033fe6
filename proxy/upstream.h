// proxy/upstream.h: what the proxy forwards an allowed request to: real AWS, or the simulator.
//
// Index
//   Service        the AWS services the proxy knows (each has its own narrow allowlist)
//   ProxyRequest   an allowed request, already checked: service, action, what to forward
//   Upstream       the one seam between the proxy's front (listening, CORS, tokens, allowlist,
//                  limits, logs) and its back (sign + send to AWS, or answer from the simulator)
//
// Call flow: proxy_server.cpp receives a request -> checks token, origin, size -> routes.cpp maps it
// to a ProxyRequest (or refuses it: nothing reaches any Upstream) -> upstream.send() -> the answer
// goes back unchanged (status, body, x-amzn-RequestId, x-amzn-ErrorType). The front never knows
// which Upstream it talks to; `--simulate` only swaps the object.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "http.h"

namespace ssmview::proxy {

// SSM, CloudWatch Logs (JSON protocol Logs_20140328.*) and S3 (object reads), each with its own
// allowlist in routes.cpp.
enum class Service { Ssm, Logs, S3 };
const char* service_name(Service s);  // "ssm", "logs", "s3"

struct ProxyRequest {
    Service                  service = Service::Ssm;
    std::string              action;   // "GetCommandInvocation" (JSON protocols), "GetObject" (S3)
    aws::HttpRequest         http;     // what to send upstream: method, path, query, the headers
                                       // worth forwarding (Content-Type, X-Amz-Target, Range), body
    std::string              region;   // "" = the proxy's region; S3: the bucket's, from the path
};

struct Upstream {
    virtual ~Upstream() = default;
    // Never throws. A transport failure is status 0 with error set (the front answers 502/504).
    virtual aws::HttpResponse send(const ProxyRequest& request) = 0;
    // For GET /healthz: region, where credentials came from (never a key), endpoints, "simulated".
    virtual nlohmann::json describe() const = 0;
};

}  // namespace ssmview::proxy
