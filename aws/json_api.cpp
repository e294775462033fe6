// aws/json_api.cpp: one AWS JSON-protocol call (awsJson1_1).
//
// Index
//   json_api_request   the POST the AWS CLI sends
//   json_api_call      + the caller's headers, + sigv4_sign when credentials are given, + http_send
#include "json_api.h"
#include "ascii.h"

#include <cassert>

namespace ssmview::aws {

HttpRequest json_api_request(const ServiceInfo& service, std::string_view action, std::string body) {
    assert(service.json_target_prefix[0] != '\0');
    HttpRequest r;
    r.method = "POST";
    r.path = "/";
    r.headers.push_back({"Content-Type", service.json_content_type});
    r.headers.push_back({"X-Amz-Target", std::string(service.json_target_prefix) + "." + std::string(action)});
    r.body = std::move(body);
    return r;
}

HttpResponse json_api_call(const Endpoint& endpoint, const ServiceInfo& service, std::string_view action,
                           std::string body, const JsonApiSigning* signing, const HttpOptions& options,
                           const std::vector<Header>& extra_headers) {
    HttpRequest request = json_api_request(service, action, std::move(body));
    for (const Header& h : extra_headers) {
        assert(!signing || !ascii_iequals(h.name, "Authorization"));
        request.headers.push_back(h);
    }
    if (signing) {
        SigningScope scope;
        scope.region = signing->region;
        scope.service = service.signing_name;
        scope.now_ms = signing->now_ms;
        scope.s3 = service.s3_signing;
        sigv4_sign(request, endpoint, signing->credentials, scope);
    }
    return http_send(endpoint, request, options);
}

}  // namespace ssmview::aws
