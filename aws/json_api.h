// aws/json_api.h: one call of an AWS JSON-protocol API (SSM, CloudWatch Logs), and its errors.
//
// Index
//   json_api_request   service + action + body -> the POST (Content-Type, X-Amz-Target)
//   JsonApiSigning     credentials + region + time, when the call is signed
//   json_api_call      build, add the caller's headers, sign (or not: calling through
//                      ssmview-proxy), send
//
// Call flow: the CLI's fetch/follow (cli/fetch_client.cpp) calls json_api_call(endpoint, kSsm,
// "GetCommandInvocation", body, &signing, options) against AWS, or with signing = nullptr and the
// proxy's bearer token as an extra Authorization header against a proxy. An answer other than
// 200 is read by core/service_error.h (read_service_error), the one reader of AWS error
// documents, shared with the page. The request is exactly what the AWS CLI sends:
//   POST <base_path>/   Content-Type: application/x-amz-json-1.1   X-Amz-Target: AmazonSSM.<Action>
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "http.h"
#include "service.h"
#include "sigv4.h"

namespace ssmview::aws {

// Precondition: service has a JSON protocol (json_target_prefix non-empty).
HttpRequest json_api_request(const ServiceInfo& service, std::string_view action, std::string body);

struct JsonApiSigning {
    Credentials  credentials;
    std::string  region;
    std::int64_t now_ms = 0;
};

// signing == nullptr sends the request unsigned; otherwise it is signed with the service's signing
// name and rules (ServiceInfo::signing_name, s3_signing). `extra_headers` are added before
// signing, so a signed call signs them too; an Authorization header among them is only for an
// unsigned call (the signature is the Authorization of a signed one). Never throws; transport
// failures are status 0.
HttpResponse json_api_call(const Endpoint& endpoint, const ServiceInfo& service,
                           std::string_view action, std::string body, const JsonApiSigning* signing,
                           const HttpOptions& options = {}, const std::vector<Header>& extra_headers = {});

}  // namespace ssmview::aws
