// proxy/routes.h: which requests the proxy forwards, per service, and what it forwards of them.
//
// Index
//   ServiceRoutes      one service's protocol and its read-only actions (the table per service)
//   service_routes     the table: SSM, CloudWatch Logs (S3 object reads join it next)
//   service_info       Service -> aws::ServiceInfo; service_name (upstream.h) is its id
//   Allowlist          the (service, action) pairs this run forwards: the defaults, or narrower
//   narrow_allowlist   --allow-action values -> an Allowlist, refusing anything not read-only
//   Route              a request the allowlist holds: service + action, or the refusal
//   route_request      RequestHead -> Route (pure: no I/O, no body; the fuzz target calls it)
//   check_route_body   Route + body -> the body to sign, or the refusal (Logs: the agent's streams only)
//   make_proxy_request Route + body -> the ProxyRequest an Upstream receives
//
// Call flow: front.cpp calls route_request after CORS and the token passed; a refusal is written
// back and nothing reaches any Upstream. Once the body is read, proxy_server.cpp calls
// check_route_body (Logs bodies must name the agent's streams) and an accepted route becomes a
// ProxyRequest in make_proxy_request, which copies only the headers the protocol needs (never
// Authorization, Cookie, Origin or Host: the upstream is fixed by configuration, never taken from
// the request).
//
// The JSON protocols as the AWS CLI speaks them:
//   POST /   Content-Type: application/x-amz-json-1.1   X-Amz-Target: AmazonSSM.<Action>
//                                                        X-Amz-Target: Logs_20140328.<Action>
// Names come from aws/service.h (target prefix, content type) and the read-only actions from
// core/ssm_api.h (kSsmActions) and core/logs_api.h (kLogsActions), each in one place. S3 (REST:
// GET /bucket/key) has a second matcher beside the X-Amz-Target one:
//   GET|HEAD /s3/<region>/<bucket>/<key>    [Range: bytes=...]
// which is where the AWS CLI sends `aws --endpoint-url http://127.0.0.1:8787/s3/<region> s3api
// get-object ...` (path-style under the endpoint's path). Only keys in the agent's layout
// (core/output_location.h s3_output_key_ok) and, with --allow-bucket, the listed buckets pass;
// the proxy signs for the region in the path.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "exchange.h"
#include "service.h"
#include "upstream.h"

namespace ssmview::proxy {

struct ServiceRoutes {
    Service                  service;
    const aws::ServiceInfo*  info;               // names: target prefix, content type, signing
    std::vector<std::string> read_only_actions;  // the default allowlist, in the model's spelling
};
const std::vector<ServiceRoutes>& service_routes();
// The aws/service.h entry of a Service (names, signing rules).
const aws::ServiceInfo& service_info(Service s);

struct AllowedAction {
    Service     service;
    std::string action;
};

struct Allowlist {
    std::vector<AllowedAction> actions;
    std::vector<std::string>   buckets;  // --allow-bucket: S3 reads only from these ("" list = any bucket)
    bool allows(Service service, std::string_view action) const;
    std::vector<std::string> actions_of(Service service) const;  // in table order
};

// Every read-only action of every service in the table.
Allowlist default_allowlist();

// `names` are --allow-action values, "GetCommandInvocation" or "ssm:GetCommandInvocation". Empty:
// the defaults. Otherwise the allowlist is exactly the names given; each must be one of the
// read-only actions (so the flag narrows, never widens). Returns false with `error`.
bool narrow_allowlist(const std::vector<std::string>& names, Allowlist& out, std::string& error);

struct Route {
    bool        ok = false;
    Service     service = Service::Ssm;
    std::string action;   // "GetCommandInvocation", "GetObject"
    ProxyAnswer refusal;  // when !ok: 400/403/404 in awsJson shape
    // S3 only, checked: the bucket's region, the bucket, the key (decoded), the Range header as sent.
    std::string region, bucket, key, range;
};

Route route_request(const Allowlist& allowlist, const RequestHead& head);

// What the body of a routed request may say. SSM's read actions pass unchanged. CloudWatch Logs
// requests must read the agent's streams (core/logs_api.h check_logs_request): the refusal is a
// 403 AccessDeniedException naming why; the accepted body is the canonical one, re-serialized
// from what was checked, and is what gets signed.
struct BodyCheck {
    bool        ok = false;
    std::string body;     // when ok: what to forward
    ProxyAnswer refusal;  // when !ok
};
BodyCheck check_route_body(const Route& route, std::string body);

// Precondition (asserted): route.ok. Headers are rebuilt from the route (what was validated), never
// copied from the request.
ProxyRequest make_proxy_request(const Route& route, std::string body);

}  // namespace ssmview::proxy
