// aws/sigv4.h: AWS Signature Version 4, header-signed (the Authorization header form).
//
// Index
//   Credentials           access key, secret, session token, expiry, and where they came from
//   SigningScope          region, service, time, and whether S3's rules apply
//   SigningRules          the three switches S3 flips (derived from SigningScope::s3)
//   SignedParts           every intermediate value, for tests, fuzzing and debugging
//   sigv4_sign            sign an HttpRequest in place (the one entry point for callers)
//   sigv4_parts           compute without changing the request
//   sigv4_canonical_request, sigv4_string_to_sign, sigv4_signature, sigv4_amz_date
//                         the pieces, exposed for the AWS test suite and the fuzz target
//   sha256_hex, hmac_sha256   the OpenSSL primitives (hex digest; raw MAC)
//
// Call flow of sigv4_sign(request, endpoint, credentials, scope):
//   1. drop any X-Amz-Date / Authorization / X-Amz-Security-Token / x-amz-content-sha256 already
//      there, then add X-Amz-Date (from scope.now_ms), X-Amz-Security-Token (when the credentials
//      have a session token) and, for S3, x-amz-content-sha256 = hex SHA-256 of the body;
//   2. canonical request: method, canonical path (endpoint.base_path + request.path; normalized and
//      URI-encoded again unless S3), canonical query (decoded, re-encoded, sorted), canonical
//      headers (host from the endpoint + every request header except user-agent, expect and
//      x-amzn-trace-id; names lowercased, values trimmed with inner whitespace runs collapsed,
//      repeated names joined with ","), signed header list, hex SHA-256 of the body;
//   3. string to sign: algorithm, date, scope "YYYYMMDD/region/service/aws4_request", hash of 2;
//   4. signing key = HMAC chain over "AWS4"+secret, date, region, service, "aws4_request";
//      signature = hex HMAC(key, string to sign);
//   5. add Authorization: AWS4-HMAC-SHA256 Credential=AKID/scope, SignedHeaders=..., Signature=...
// The Host header is never taken from the request: it is endpoint.host_header(), which is also
// what http_send puts on the wire, so the signed host and the sent host cannot differ.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "http.h"

namespace ssmview::aws {

struct Credentials {
    std::string  access_key_id;
    std::string  secret_access_key;
    std::string  session_token;      // "" for long-term keys
    std::int64_t expires_at_ms = 0;  // 0: does not expire
    std::string  source;             // "environment", "profile dev (credential_process)", ... never a key
    bool complete() const { return !access_key_id.empty() && !secret_access_key.empty(); }
};

struct SigningScope {
    std::string  region;       // "us-east-1"
    std::string  service;      // SigV4 signing name: "ssm", "logs", "s3" (ServiceInfo::signing_name)
    std::int64_t now_ms = 0;   // the signing time, milliseconds since the Unix epoch (UTC)
    bool         s3 = false;   // S3 rules: path used as sent (no normalization, no second
                               // URI-encoding) and an x-amz-content-sha256 header
};

struct SigningRules {
    bool normalize_path = true;         // remove "." and ".." segments and empty segments
    bool double_encode_path = true;     // URI-encode the (already encoded) path once more
    bool content_sha256_header = false; // add and sign x-amz-content-sha256
};
SigningRules signing_rules(const SigningScope& scope);

struct SignedParts {
    std::string amz_date;           // "20150830T123600Z"
    std::string credential_scope;   // "20150830/us-east-1/ssm/aws4_request"
    std::string signed_headers;     // "content-type;host;x-amz-date;x-amz-target"
    std::string canonical_request;
    std::string string_to_sign;
    std::string signature;          // 64 lowercase hex digits
    std::string authorization;      // the Authorization header's value
};

// Signs in place. Preconditions (asserted): credentials.complete(), scope.region and
// scope.service non-empty.
SignedParts sigv4_sign(HttpRequest& request, const Endpoint& endpoint, const Credentials& credentials,
                       const SigningScope& scope);
// The same with explicit rules (the AWS test suite mixes them: normalization off without S3).
SignedParts sigv4_sign(HttpRequest& request, const Endpoint& endpoint, const Credentials& credentials,
                       const SigningScope& scope, const SigningRules& rules);

// Computes the parts for the request exactly as given: its headers must already hold X-Amz-Date
// (and the token / content hash if they are to be signed). Does not modify anything.
SignedParts sigv4_parts(const HttpRequest& request, const Endpoint& endpoint,
                        const Credentials& credentials, const SigningScope& scope,
                        const SigningRules& rules);

// The pieces. `host` is the Host header value to sign; `signed_headers` receives the list.
std::string sigv4_canonical_request(const HttpRequest& request, std::string_view wire_path,
                                    std::string_view host, const SigningRules& rules,
                                    std::string* signed_headers = nullptr);
std::string sigv4_canonical_path(std::string_view wire_path, const SigningRules& rules);
std::string sigv4_canonical_query(std::string_view query);
std::string sigv4_string_to_sign(std::string_view amz_date, std::string_view credential_scope,
                                 std::string_view canonical_request);
std::string sigv4_signature(std::string_view secret_access_key, std::string_view amz_date,
                            std::string_view region, std::string_view service,
                            std::string_view string_to_sign);
std::string sigv4_amz_date(std::int64_t epoch_ms);  // "YYYYMMDDTHHMMSSZ"

std::string sha256_hex(std::string_view data);
std::string hmac_sha256(std::string_view key, std::string_view data);  // 32 raw bytes

}  // namespace ssmview::aws
