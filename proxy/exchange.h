// proxy/exchange.h: what arrives at the proxy and what goes back, and the one error shape.
//
// Index
//   RequestHead       an incoming request without its body: method, path, query, headers, peer
//   ProxyAnswer       a complete answer the front writes back: status, headers, body
//   ErrorTypes        the proxy's own error names (each with its HTTP status)
//   aws_json_error    {"__type": "...", "message": "..."} + x-amzn-ErrorType: the ONLY error shape
//   quoted_input      request input made safe to quote in a message or a log line
//
// Call flow: proxy_server.cpp turns what cpp-httplib parsed into a RequestHead; front.cpp decides
// from it alone (nothing about a request's fate depends on its body, only the body's size) and
// returns either a ProxyAnswer (preflight, refusal, health) or a route to forward. Every error the
// proxy writes itself, and every error the real Upstream synthesizes (no credentials), is built by
// aws_json_error, so the page and the CLI read one kind of error whatever refused the request:
// AWS, the proxy's allowlist, its CORS policy, its token or its limits. core/service_error.h
// reads them, and tells a refusal by the proxy from one by AWS by its status (401/403/413) and
// its message naming "ssmview-proxy" (core's kProxyRefusalMarker): every message the proxy
// writes names it (tests/proxy/front_test.cpp checks each refusal).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "http.h"

namespace ssmview::proxy {

struct RequestHead {
    std::string              method;       // "POST", as received (cpp-httplib checks the grammar)
    std::string              path;         // "/", without the query
    std::string              query;        // without '?', "" when none
    std::vector<aws::Header> headers;      // as received, in order; names keep their case (read
                                           // them with aws::header_value: case-insensitive)
    std::string              remote_addr;  // "127.0.0.1": for the access log only
};

struct ProxyAnswer {
    int                      status = 200;
    std::vector<aws::Header> headers;  // Content-Length is written by the server, never here
    std::string              body;
};

// The proxy's own error names. Status and name go together, so each lives here once.
struct ErrorType {
    int         status;
    const char* name;
};
namespace errors {
// The request asks for something the allowlist does not hold, or comes from an origin or Host the
// proxy does not serve.
constexpr ErrorType kAccessDenied{403, "AccessDeniedException"};
// A bearer token is required and is missing or wrong.
constexpr ErrorType kUnauthorized{401, "UnauthorizedException"};
// The body is larger than --max-body.
constexpr ErrorType kTooLarge{413, "RequestEntityTooLargeException"};
// The request (head and body) did not arrive within --request-timeout.
constexpr ErrorType kRequestTimeout{408, "RequestTimeoutException"};
// Not the SSM JSON protocol (wrong path, method, Content-Type, or no X-Amz-Target).
constexpr ErrorType kUnknownOperation{400, "UnknownOperationException"};
constexpr ErrorType kNotFound{404, "UnknownOperationException"};
// Malformed HTTP that cpp-httplib refused before the front saw it (bad request line, header,
// a request line over 8,192 bytes, an unreadable Range header).
constexpr ErrorType kBadRequest{400, "BadRequestException"};
constexpr ErrorType kUriTooLong{414, "BadRequestException"};
constexpr ErrorType kBadRange{416, "BadRequestException"};
// Upstream did not answer in time / could not be reached.
constexpr ErrorType kUpstreamTimeout{504, "UpstreamTimeoutException"};
constexpr ErrorType kUpstreamUnreachable{502, "UpstreamUnreachableException"};
// No usable AWS credentials (the message names every source tried). 503, not 4xx: the request was
// fine, the proxy cannot serve it until its credentials are fixed, and a client that retries
// (the page following a command) recovers by itself after `aws sso login`.
constexpr ErrorType kCredentialsUnavailable{503, "CredentialsUnavailableException"};
// A bug: an exception escaped a handler. The message never carries the exception's text.
constexpr ErrorType kInternal{500, "InternalFailure"};
}  // namespace errors

// The awsJson 1.1 error answer: Content-Type application/x-amz-json-1.1, x-amzn-ErrorType, and
// the compact body {"__type":"<name>","message":"<message>"} (message JSON-escaped, UTF-8 kept).
ProxyAnswer aws_json_error(const ErrorType& type, std::string_view message);

// Request input (an origin, an action, a path) as it may appear in an error message or a log
// line: printable ASCII kept, every other byte written as \xHH, cut after `max_bytes` input bytes
// with "..." appended. So a client can neither forge log lines (CR/LF) nor flood them.
constexpr std::size_t kMaxQuotedInput = 128;
std::string quoted_input(std::string_view input, std::size_t max_bytes = kMaxQuotedInput);

}  // namespace ssmview::proxy
