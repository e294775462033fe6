// proxy/healthz.h: GET /healthz, what the proxy would do, without touching AWS.
//
// Index
//   healthz_json     config + Upstream::describe() -> the health document
//   healthz_answer   the same as a 200 application/json answer, not cached
//
// The document (members in this order):
//   {"status": "ok", "proxy": "ssmview-proxy", "version": "0.1.0", "simulated": false,
//    "listen": "127.0.0.1:8787", "token_required": false,
//    "allowed_origins": ["http://127.0.0.1:8080", ...],
//    "allowlist": {"ssm": ["GetCommandInvocation", ...]},
//    "limits": {"max_body_bytes": ..., "request_timeout_ms": ..., "idle_timeout_ms": ...,
//               "upstream_timeout_ms": ..., "max_connections": ...},
//    "upstream": <Upstream::describe(): for AWS (forward.cpp) "upstream": "aws", region and its
//                source, endpoints, credentials {resolved, source | error, tried}; for --simulate
//                (simulate_upstream.cpp) "upstream": "simulated", the commands>}
// "simulated" is --simulate itself (ProxyConfig), the one place that says which upstream runs.
// Nothing in it is secret: no key, no token (only whether one is required), no credentials. The
// upstream describes what it has already resolved; describe() never resolves or sends anything.
// When a token is configured, /healthz requires it like every other request (front.cpp).
#pragma once
#include <nlohmann/json.hpp>

#include "exchange.h"
#include "proxy_config.h"
#include "upstream.h"

namespace ssmview::proxy {

nlohmann::ordered_json healthz_json(const ProxyConfig& config, const nlohmann::json& upstream_description);
ProxyAnswer healthz_answer(const ProxyConfig& config, const Upstream& upstream);

}  // namespace ssmview::proxy
