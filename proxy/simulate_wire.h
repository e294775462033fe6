// proxy/simulate_wire.h: how SSM writes its answers on the wire, so the simulator's bytes look like AWS's.
//
// Index
//   wire_json        compact JSON as AWS's JSON services send it (raw UTF-8, control characters as
//                    \u00XX, floats in Java's Double.toString form: 1.541761816338E9)
//   java_double      that float form on its own
//   epoch_seconds    a time for the list APIs (RequestedDateTime, ExpiresAfter, ...): a JSON float
//   (a time for GetCommandInvocation, ExecutionStartDateTime/EndDateTime, is core/iso_time.h's
//   format_iso8601_utc: "2026-11-20T14:03:07.512Z")
//   uuid_from        a version-4-shaped UUID from a 64-bit seed (request ids; deterministic)
//   fingerprint      16 hex digits of FNV-1a: what ties a paging token to the query or stream
//                    that issued it (SSM's NextToken, CloudWatch Logs' tokens)
//   Reply            what simulate_ssm answers: HTTP status, body, error type ("" for success)
//   error_reply      an awsJson 1.1 error: {"__type":T[,"message":M]}, status 400 unless told
//   to_http          a Reply as the HTTP answer the proxy's front passes through unchanged
//
// Where the forms come from. SSM is a Java service behind the awsJson 1.1 protocol: the list APIs'
// `timestamp` members are epoch seconds written by Java (a ListCommandInvocations body quoted in
// aws/aws-cli#3707 has "RequestedDateTime":1.541761816338E9, members in alphabetical order),
// GetCommandInvocation's times are `StringDateTime` strings (ISO-8601 UTC, milliseconds) and its
// elapsed time a java.time.Duration string, as tests/fixtures/README.md describes. Error bodies
// name the error in "__type"; the model's memberless errors (InvocationDoesNotExist,
// InvalidPluginName, InvalidCommandId) come without a message, which is why the AWS CLI prints
// "An error occurred (InvocationDoesNotExist) when calling the GetCommandInvocation operation: ".
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "http.h"

namespace ssmview::proxy {

using WireJson = nlohmann::ordered_json;  // members stay in the order the simulator writes them

std::string wire_json(const WireJson& value);
std::string java_double(double value);  // finite values only
WireJson    epoch_seconds(std::int64_t epoch_ms);
std::string uuid_from(std::uint64_t seed);
std::string fingerprint(std::string_view text);

struct Reply {
    int         status = 200;
    std::string body;
    std::string error_type;  // "" for a successful answer
};

Reply error_reply(std::string_view type, std::string_view message = {}, int status = 400);

// Content-Type application/x-amz-json-1.1, x-amzn-RequestId, and x-amzn-ErrorType on errors.
aws::HttpResponse to_http(const Reply& reply, std::string_view request_id);

}  // namespace ssmview::proxy
