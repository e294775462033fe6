// cli/fetch_client.cpp: see fetch_client.h.
//
// Index
//   open_fetch_client      proxy: endpoint + token; direct: shared config, region, endpoint,
//                          a first credential resolution (so a missing key fails before polling)
//   describe_fetch_client
//   call_json_api          credentials or bearer token -> aws::json_api_call -> the body or an error
//   fetch_invocation       call_json_api (SSM) -> FetchAnswer; call_ssm: any SSM action -> its body
//   fetch_log_events       call_json_api (Logs_20140328.GetLogEvents, at the Logs endpoint) -> a page
//   fetch_s3_object        GET /s3/<region>/<bucket>/<key> on the proxy, or signed (S3's rules)
//                          at the S3 endpoint of the bucket's region
#include "fetch_client.h"

#include <cassert>

#include "endpoint.h"
#include "json_api.h"
#include "percent_encoding.h"
#include "region.h"
#include "service.h"
#include "shared_config.h"
#include "ssm_api.h"

namespace ssmview {

namespace {

// The API's name for the call (also what the hint's IAM action is built from).
constexpr const char* kGetCommandInvocation = "GetCommandInvocation";

// One awsJson call, through the proxy (the bearer token, if any) or signed directly at `endpoint`
// with the client's credentials: the 200 answer's body, or why not. SSM and CloudWatch Logs both
// go through here, so a status, a transport failure and an AWS error read the same for both.
struct JsonCall {
    bool         ok = false;
    std::string  body;               // ok: the answer
    std::string  credentials_error;  // no credentials could be resolved (nothing was sent)
    ServiceError error;              // otherwise, when !ok: the transport's or AWS's error
};

JsonCall call_json_api(FetchClient& client, const aws::ServiceInfo& service, const aws::Endpoint& endpoint,
                       const char* action, const std::string& body) {
    JsonCall call;
    std::vector<aws::Header> headers;
    aws::JsonApiSigning signing;
    if (client.via_proxy) {
        if (!client.bearer_token.empty()) headers.push_back({"Authorization", "Bearer " + client.bearer_token});
    } else {
        assert(client.credentials);
        // Cached; temporary credentials are resolved again shortly before they expire.
        const aws::CredentialResult creds = client.credentials->get();
        if (!creds.ok) {
            call.credentials_error = creds.error;
            return call;
        }
        signing.credentials = creds.credentials;
        signing.region = client.region;
        signing.now_ms = client.env.now_ms();
    }
    aws::HttpResponse response =
        aws::json_api_call(endpoint, service, action, body, client.via_proxy ? nullptr : &signing, client.http, headers);
    if (response.status == 0) {
        // The transport's sentence already names the endpoint.
        call.error = unreachable_error(response.error, {}, client.via_proxy);
        return call;
    }
    if (response.status != 200) {
        call.error = read_service_error(response.status, aws::header_value(response.headers, "x-amzn-ErrorType"),
                                        aws::header_value(response.headers, "x-amzn-RequestId"), response.body, action,
                                        service.id);
        return call;
    }
    call.ok = true;
    call.body = std::move(response.body);
    return call;
}

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
    client.config = aws::load_shared_config(client.env);
    client.profile = aws::select_profile(client.env, args.profile);
    const aws::SharedConfig& config = client.config;
    const aws::ProfileSelection& profile = client.profile;
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

// ---- fetch_invocation, call_ssm ---------------------------------------------------------------

SsmAnswer call_ssm(FetchClient& client, const char* action, const std::string& body) {
    SsmAnswer answer;
    JsonCall call = call_json_api(client, aws::kSsm, client.endpoint, action, body);
    if (!call.credentials_error.empty()) {
        answer.kind = SsmAnswer::Kind::NoCredentials;
        answer.credentials_error = std::move(call.credentials_error);
    } else if (!call.ok) {
        answer.error = std::move(call.error);
    } else {
        answer.kind = SsmAnswer::Kind::Body;
        answer.body = std::move(call.body);
    }
    return answer;
}

FetchAnswer fetch_invocation(FetchClient& client, const FetchTarget& target) {
    FetchAnswer answer;
    JsonCall call = call_json_api(client, aws::kSsm, client.endpoint, kGetCommandInvocation,
                                  get_command_invocation_request(target.command_id, target.instance_id, target.plugin_name));
    if (!call.credentials_error.empty()) {
        answer.kind = FetchAnswer::Kind::NoCredentials;
        answer.credentials_error = std::move(call.credentials_error);
        return answer;
    }
    if (!call.ok) {
        answer.error = std::move(call.error);
        return answer;
    }
    answer.kind = FetchAnswer::Kind::Report;
    // The answer goes through the same pipeline as a paste, with the same size bound.
    answer.report = call.body.size() > kMaxInputBytes ? analyze_oversized(call.body.size()) : analyze(call.body);
    return answer;
}

// ---- Logs and S3 ------------------------------------------------------------------------------

namespace {

// Direct calls: the service's endpoint in `region` (its own AWS_ENDPOINT_URL_<SERVICE> first;
// --endpoint-url names SSM's only) and the credentials, or the sentence why not.
bool direct_call(FetchClient& client, const aws::ServiceInfo& service, const std::string& region, aws::Endpoint& endpoint,
                 aws::Credentials& credentials, ServiceError& error) {
    assert(client.credentials);
    const aws::EndpointResult ep = aws::resolve_endpoint(client.env, service, region, {}, client.config, client.profile);
    const aws::CredentialResult creds = client.credentials->get();
    if (!ep.ok || !creds.ok) {
        error = unreachable_error(ep.ok ? creds.error : ep.error, {}, false);
        return false;
    }
    endpoint = ep.endpoint;
    credentials = creds.credentials;
    return true;
}

}  // namespace

LogsAnswer fetch_log_events(FetchClient& client, const std::string& group, const std::string& stream,
                            const std::string& next_token) {
    constexpr const char* kAction = "GetLogEvents";
    LogsAnswer answer;
    aws::Endpoint endpoint = client.endpoint;  // the proxy's
    if (!client.via_proxy) {
        aws::Credentials unused;
        if (!direct_call(client, aws::kLogs, client.region, endpoint, unused, answer.error)) return answer;
    }
    JsonCall call = call_json_api(client, aws::kLogs, endpoint, kAction, get_log_events_request(group, stream, next_token));
    if (!call.credentials_error.empty()) {
        answer.error = unreachable_error(call.credentials_error, {}, false);
        return answer;
    }
    if (!call.ok) {
        answer.error = std::move(call.error);
        answer.no_stream = answer.error.type == "ResourceNotFoundException";
        return answer;
    }
    answer.page = read_log_events(call.body);
    answer.ok = answer.page.ok;
    if (!answer.ok) answer.error = malformed_answer_error(answer.page.error, kAction, aws::kLogs.id);
    return answer;
}

S3Answer fetch_s3_object(FetchClient& client, const S3Location& object, const std::string& range) {
    S3Answer answer;
    // A URL without a region names the global endpoint, s3.amazonaws.com, which is us-east-1's.
    const std::string region = object.region.empty() ? std::string("us-east-1") : object.region;
    aws::HttpRequest request;
    request.method = "GET";
    const std::string key_path = "/" + object.bucket + "/" + percent_encode(object.key, true);
    if (!range.empty()) request.headers.push_back({"Range", range});
    aws::HttpResponse response;
    if (client.via_proxy) {
        request.path = s3_proxy_path(object);  // the proxy signs for the region its path names
        if (!client.bearer_token.empty()) request.headers.push_back({"Authorization", "Bearer " + client.bearer_token});
        response = aws::http_send(client.endpoint, request, client.http);
    } else {
        aws::Endpoint endpoint;
        aws::Credentials credentials;
        if (!direct_call(client, aws::kS3, region, endpoint, credentials, answer.error)) return answer;
        request.path = key_path;
        aws::SigningScope scope;
        scope.region = region;
        scope.service = aws::kS3.signing_name;
        scope.now_ms = client.env.now_ms();
        scope.s3 = true;
        aws::sigv4_sign(request, endpoint, credentials, scope);
        response = aws::http_send(endpoint, request, client.http);
    }
    if (response.status == 0) {
        answer.error = unreachable_error(response.error, {}, client.via_proxy);
        return answer;
    }
    if (response.status == 200 || response.status == 206) {
        answer.ok = true;
        answer.body = response.body;
        answer.total_bytes = s3_object_size(aws::header_value(response.headers, "Content-Range"),
                                            aws::header_value(response.headers, "Content-Length"));
        return answer;
    }
    answer.error = read_service_error(response.status, aws::header_value(response.headers, "x-amzn-ErrorType"),
                                      aws::header_value(response.headers, "x-amz-request-id"), response.body, "GetObject",
                                      aws::kS3.id);
    answer.missing = answer.error.type == "AccessDenied" || answer.error.type == "NoSuchKey";
    return answer;
}

}  // namespace ssmview
