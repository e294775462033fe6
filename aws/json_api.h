// aws/json_api.h: one call of an AWS JSON-protocol API (SSM, CloudWatch Logs), and its errors.
//
// Index
//   json_api_request   service + action + body -> the POST (Content-Type, X-Amz-Target)
//   JsonApiSigning     credentials + region + time, when the call is signed
//   json_api_call      build, sign (or not: calling through ssmview-proxy), send
//   AwsError           an error answer: __type without its namespace, message, request id
//   json_api_error     HttpResponse -> AwsError (also reads x-amzn-ErrorType)
//
// Call flow: the CLI's fetch/follow calls json_api_call(endpoint, kSsm, "GetCommandInvocation",
// body, &signing) against AWS, or with signing = nullptr against a proxy; then json_api_error on
// any status other than 200. The request is exactly what the AWS CLI sends:
//   POST <base_path>/   Content-Type: application/x-amz-json-1.1   X-Amz-Target: AmazonSSM.<Action>
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

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

// signing == nullptr sends the request unsigned. Never throws; transport failures are status 0.
HttpResponse json_api_call(const Endpoint& endpoint, const ServiceInfo& service,
                           std::string_view action, std::string body, const JsonApiSigning* signing,
                           const HttpOptions& options = {});

struct AwsError {
    std::string type;        // "InvocationDoesNotExist" (from "com.amazonaws.ssm#InvocationDoesNotExist")
    std::string message;     // "message" or "Message" member; "" when none
    std::string request_id;  // x-amzn-RequestId
};
// For a non-2xx answer. When the body is not an AWS error document, type is "" and message
// says what came back ("HTTP 502 with a text/html body").
AwsError json_api_error(const HttpResponse& response);

}  // namespace ssmview::aws
