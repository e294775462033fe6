// proxy/forward.h: the real Upstream: sign with SigV4 and send to AWS.
//
// Index
//   AwsUpstreamSetup   the upstream, or why it cannot be built (no region, a bad endpoint URL)
//   make_aws_upstream  ProxyConfig + Environment -> AwsUpstream (region, endpoints, credentials)
//
// Call flow: main.cpp calls make_aws_upstream once at start. It resolves (aws/, in the AWS SDKs'
// orders) the region (--region, AWS_REGION, AWS_DEFAULT_REGION, the profile), the endpoint of each
// service (--endpoint-url, AWS_ENDPOINT_URL_SSM, AWS_ENDPOINT_URL, the profile, the regional AWS
// endpoint) and builds a CredentialProvider (environment, profile, credential_process, SSO and
// role profiles through the AWS CLI, container, IMDSv2), which it asks once so that /healthz can
// say where credentials came from, or why there are none. A missing region or a malformed
// endpoint stops the start; missing credentials do not (they may appear: `aws sso login`).
//
// Per request, AwsUpstream::send (any worker thread):
//   provider.get() (cached; refreshed before expiry) -> no credentials: 503
//   CredentialsUnavailableException naming every source tried, nothing sent
//   -> sigv4_sign(request, endpoint of its service, credentials, region, signing name, now)
//   -> http_send (connect and read timeouts from --upstream-timeout) -> the answer, unchanged.
// The endpoint is configuration, never the request's Host. An ExpiredTokenException answer makes
// the provider forget its cache, so the next request resolves fresh credentials.
#pragma once
#include <memory>
#include <string>

#include "environment.h"
#include "proxy_config.h"
#include "upstream.h"

namespace ssmview::proxy {

struct AwsUpstreamSetup {
    std::unique_ptr<Upstream> upstream;  // null when !error.empty()
    std::string               error;     // "no AWS region: ..." / "AWS_ENDPOINT_URL_SSM: ..."
    std::string               summary;   // one line for the start message: region, endpoint, credentials' source
};

AwsUpstreamSetup make_aws_upstream(const ProxyConfig& config, aws::Environment env);

}  // namespace ssmview::proxy
