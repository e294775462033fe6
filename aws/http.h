// aws/http.h: the HTTP vocabulary of the native AWS module, and one blocking client call.
//
// Index
//   Header, HttpRequest, HttpResponse   plain structs every part of aws/, proxy/ and cli/ passes around
//   Endpoint                            where a service is reached (scheme, host, port, base path)
//   HttpOptions                         timeouts and the response size bound
//   header_value                        case-insensitive lookup
//   wire_path                           endpoint base path + request path: what is sent and signed
//   http_send                           one request, one response (cpp-httplib; HTTPS through OpenSSL)
//
// Call flow: a caller builds an HttpRequest (method, path, query, headers, body), signs it in place
// (aws/sigv4.h) for an Endpoint, and sends it with http_send. A transport failure (refused, timed
// out, TLS) never throws: it comes back as status 0 with `error` saying which, so the CLI and the
// proxy can tell "cannot connect" from an AWS error answer.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ssmview::aws {

struct Header {
    std::string name;
    std::string value;
};

struct HttpRequest {
    std::string         method = "POST";
    std::string         path = "/";   // as sent on the wire: already URI-encoded
    std::string         query;        // without '?', as sent on the wire ("" = none)
    std::vector<Header> headers;      // Host is derived from the Endpoint, never taken from here
    std::string         body;
};

struct HttpResponse {
    int                 status = 0;   // 0: no HTTP answer at all (see error)
    std::vector<Header> headers;
    std::string         body;
    std::string         error;        // transport failure in plain words ("" when status != 0)
};

struct Endpoint {
    std::string scheme = "https";     // "https" or "http" (loopback tests, VPC endpoint overrides)
    std::string host;                 // "ssm.us-east-1.amazonaws.com"
    int         port = 443;
    std::string base_path;            // "" or a path prefix from an endpoint URL ("/proxy")
    std::string source;               // where it came from: "--endpoint-url", "AWS_ENDPOINT_URL_SSM", "default"
    std::string url() const;          // "https://ssm.us-east-1.amazonaws.com" (port only when not default)
    std::string host_header() const;  // "host" or "host:port" when the port is not the scheme's default
};

struct HttpOptions {
    int         connect_timeout_ms = 3000;
    int         read_timeout_ms = 30000;     // also the write timeout
    std::size_t max_response_bytes = 64u * 1024u * 1024u;  // larger answers fail with an error
};

// Case-insensitive; "" when absent.
std::string_view header_value(const std::vector<Header>& headers, std::string_view name);

// endpoint.base_path + request.path, with one '/' between them ("/proxy" + "/" -> "/proxy/", as
// botocore joins them). Both sigv4 and http_send use it, so what is signed is what is sent.
std::string wire_path(const Endpoint& endpoint, const HttpRequest& request);

HttpResponse http_send(const Endpoint& endpoint, const HttpRequest& request, const HttpOptions& options = {});

}  // namespace ssmview::aws
