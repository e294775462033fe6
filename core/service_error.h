// core/service_error.h: an AWS error answer, read, and what the person should do about it.
//
// Index
//   kProxyRefusalMarker  the words every refusal by ssmview-proxy itself carries
//   ErrorKind            what the answer means for someone following an invocation
//   ServiceError         type, message, request id, kind, whether to retry, a hint
//   read_service_error   status + x-amzn-ErrorType + body -> ServiceError (awsJson 1.1 shapes)
//   unreachable_error    no HTTP answer at all: the proxy is not running, or the browser refused
//   malformed_answer_error   a 200 answer that is not what the action returns
//   error_kind_name      stable lower_snake names (CLI --json, the page's state JSON, tests)
//   service_error_to_json_fields  {type, message, kind, hint, httpStatus, requestId}: the one JSON
//                        spelling (README "The CLI"), for the CLI's --json and the page's state
//
// Call flow: a front end (the page through the platform's fetch, the CLI through aws/json_api)
// gets an HTTP answer that is not 200 and hands it here; the result is shown as
// "<type>: <message>" with the hint under it, and core/follow.h decides from `kind` whether to
// poll again, back off or stop. The body is untrusted: it is read with the core's bounded JSON
// reader, and anything unreadable still yields a ServiceError that names the HTTP status.
//
// The awsJson 1.1 protocol names the error in the x-amzn-ErrorType header ("Type:uri" — the part
// before ':' counts) or in the body's "__type" ("com.amazonaws.ssm#InvocationDoesNotExist" — the
// part after '#' counts); the message is "message" or "Message". ssmview-proxy's own refusals use
// the same shape, so the page and the CLI show one kind of error.
#pragma once
#include <string>
#include <string_view>

#include "invocation.h"  // Json

namespace ssmview {

// Every refusal of ssmview-proxy's own (allowlist, origin, token, size) says these words in its
// message; that is how a client tells a refusal by the proxy from one by AWS.
constexpr const char* kProxyRefusalMarker = "ssmview-proxy";

enum class ErrorKind {
    NotYet,              // InvocationDoesNotExist: not delivered yet (normal right after send-command)
    Throttled,           // ThrottlingException and its relatives: back off with jitter
    AccessDenied,        // IAM refused: the hint names the action
    ProxyRefused,        // ssmview-proxy's allowlist, origin or token refused the request
    ExpiredCredentials,  // ExpiredTokenException: refresh the credentials the proxy uses
    ClockSkew,           // "Signature expired" / RequestTimeTooSkewed: the signer's clock is off
    BadCredentials,      // UnrecognizedClientException, InvalidSignatureException, ...
    InvalidRequest,      // ValidationException, InvalidCommandId, InvalidInstanceId, InvalidPluginName
    ServerError,         // 5xx and InternalServerError: transient, retry with back-off
    Unreachable,         // no HTTP answer: nothing listens there, or the browser refused (CORS, PNA)
    Unknown,
};
const char* error_kind_name(ErrorKind k);  // "not_yet", "throttled", "access_denied", ...

struct ServiceError {
    int         http_status = 0;  // 0 when there was no HTTP answer
    std::string type;             // "InvocationDoesNotExist" ("" when the answer named none)
    std::string message;          // the service's words, as given ("" when none)
    std::string request_id;       // x-amzn-RequestId, for a support case
    ErrorKind   kind = ErrorKind::Unknown;
    bool        retry = false;    // following should go on (NotYet, Throttled, ServerError, Unreachable)
    std::string hint;             // one or two sentences: what it means, what to do
    bool        via_proxy = true; // Unreachable only: the proxy, or AWS itself (a direct call)
};

// `action` ("GetCommandInvocation") and `service` ("ssm", "logs", "s3") let the hint name the IAM
// action to allow ("ssm:GetCommandInvocation").
ServiceError read_service_error(int http_status, std::string_view error_type_header, std::string_view request_id,
                                std::string_view body, std::string_view action, std::string_view service);

// `detail` is what the transport said ("connection refused", "TypeError: Failed to fetch"),
// `where` the URL that was tried; `via_proxy` false for a direct, signed call (the CLI without
// --proxy), whose hint is about the network and the endpoint rather than starting a proxy.
ServiceError unreachable_error(std::string_view detail, std::string_view where, bool via_proxy = true);

// A 200 answer that is not what `action` returns (not JSON, members missing): `why` is the
// reader's sentence. Titled "Unreadable answer: <why>"; a server error, so following asks again.
ServiceError malformed_answer_error(std::string_view why, std::string_view action, std::string_view service);

// "InvocationDoesNotExist: the invocation does not exist" or the HTTP status when nothing better.
std::string service_error_title(const ServiceError& e);

// The error as JSON members {type, message, kind, hint, httpStatus, requestId}: `ssmview fetch
// --json` nests it under "error", the page's state() under fetch.error (with what only the page
// shows added). One writer, so the two never spell a key differently.
Json service_error_to_json_fields(const ServiceError& e);

}  // namespace ssmview
