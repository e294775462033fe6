// cli/fetch_client.cpp: see fetch_client.h.
//
// Index
//   open_fetch_client      proxy: endpoint + token; direct: shared config, region, endpoint,
//                          a first credential resolution (so a missing key fails before polling)
//   describe_fetch_client
//   fetch_invocation       credentials or bearer token -> aws::json_api_call -> FetchAnswer
#include "fetch_client.h"

#include <cassert>

#include "endpoint.h"
#include "json_api.h"
#include "region.h"
#include "service.h"
#include "shared_config.h"
#include "ssm_api.h"

namespace ssmview {

namespace {

// The API's name for the call (also what the hint's IAM action is built from).
constexpr const char* kGetCommandInvocation = "GetCommandInvocation";

}  // namespace

// ---- open_fetch_client ------------------------------------------------------------------------

std::string open_fetch_client(const FetchArgs& args, FetchClient& client) {
    client.env = aws::system_environment();
    if (!args.proxy_url.empty()) {
        const aws::EndpointResult ep = aws::parse_endpoint_url(args.proxy_url, "--proxy");
        if (!ep.ok) return ep.error;
        client.via_proxy = true;
        client.endpoint = ep.endpoint;
        client.bearer_token = args.token;
        return {};
    }
    const aws::SharedConfig config = aws::load_shared_config(client.env);
    const aws::ProfileSelection profile = aws::select_profile(client.env, args.profile);
    const aws::RegionResult region = aws::resolve_region(client.env, args.region, config, profile);
    if (!region.ok) return region.error;
    client.region = region.region;
    client.region_source = region.source;
    aws::EndpointOptions endpoint_options;
    endpoint_options.endpoint_url = args.endpoint_url;
    const aws::EndpointResult ep = aws::resolve_endpoint(client.env, aws::kSsm, client.region, endpoint_options, config, profile);
    if (!ep.ok) return ep.error;
    client.endpoint = ep.endpoint;
    aws::CredentialOptions credential_options;
    credential_options.profile = args.profile;
    client.credentials = std::make_unique<aws::CredentialProvider>(client.env, credential_options);
    const aws::CredentialResult first = client.credentials->get();
    if (!first.ok) return first.error;
    return {};
}

std::string describe_fetch_client(const FetchClient& client) {
    if (client.via_proxy)
        return client.endpoint.url() + " (ssmview-proxy signs" + (client.bearer_token.empty() ? "" : "; bearer token sent") + ")";
    assert(client.credentials);
    return client.endpoint.url() + " (region " + client.region + " from " + client.region_source + "; endpoint from " +
           client.endpoint.source + "; credentials from " + client.credentials->source() + ")";
}

// ---- fetch_invocation -------------------------------------------------------------------------

FetchAnswer fetch_invocation(FetchClient& client, const FetchTarget& target) {
    FetchAnswer answer;
    std::vector<aws::Header> headers;
    aws::JsonApiSigning signing;
    if (client.via_proxy) {
        if (!client.bearer_token.empty()) headers.push_back({"Authorization", "Bearer " + client.bearer_token});
    } else {
        assert(client.credentials);
        // Cached; temporary credentials are resolved again shortly before they expire.
        const aws::CredentialResult creds = client.credentials->get();
        if (!creds.ok) {
            answer.kind = FetchAnswer::Kind::NoCredentials;
            answer.credentials_error = creds.error;
            return answer;
        }
        signing.credentials = creds.credentials;
        signing.region = client.region;
        signing.now_ms = client.env.now_ms();
    }
    const aws::HttpResponse response = aws::json_api_call(
        client.endpoint, aws::kSsm, kGetCommandInvocation,
        get_command_invocation_request(target.command_id, target.instance_id, target.plugin_name),
        client.via_proxy ? nullptr : &signing, client.http, headers);
    if (response.status == 0) {
        // The transport's sentence already names the endpoint.
        answer.error = unreachable_error(response.error, {}, client.via_proxy);
        return answer;
    }
    if (response.status != 200) {
        answer.error = read_service_error(response.status, aws::header_value(response.headers, "x-amzn-ErrorType"),
                                          aws::header_value(response.headers, "x-amzn-RequestId"), response.body,
                                          kGetCommandInvocation, aws::kSsm.id);
        return answer;
    }
    answer.kind = FetchAnswer::Kind::Report;
    // The answer goes through the same pipeline as a paste, with the same size bound.
    answer.report = response.body.size() > kMaxInputBytes ? analyze_oversized(response.body.size()) : analyze(response.body);
    return answer;
}

}  // namespace ssmview
