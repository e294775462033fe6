// cli/fetch_client.h: one GetCommandInvocation, directly to AWS or through ssmview-proxy.
//
// Index
//   FetchClient         where requests go and how they are authorized
//   open_fetch_client   FetchArgs -> FetchClient: region, endpoint and credentials (direct), or
//                       the proxy's URL and bearer token; "" or why not (exit 210)
//   FetchAnswer         a Report (HTTP 200, analyzed like a paste), a ServiceError, or no
//                       credentials
//   fetch_invocation    build, authorize, send, read
//
// Call flow: cmd_fetch calls fetch_invocation once; cmd_follow calls it at each poll. Directly:
//   credential chain (aws/credentials.h, cached and refreshed before expiry) + region (flag,
//   AWS_REGION, AWS_DEFAULT_REGION, profile) + endpoint (--endpoint-url, AWS_ENDPOINT_URL_SSM,
//   AWS_ENDPOINT_URL, profile, regional) -> aws::json_api_call (build, sign, send)
// Through a proxy: the same call, unsigned, with "Authorization: Bearer <token>" as an extra
// header when a token is given; the proxy signs it. The answer: 200 -> analyze(body); another status ->
// read_service_error; no HTTP answer -> unreachable_error. Nothing here prints.
#pragma once
#include <memory>
#include <string>

#include "credentials.h"
#include "environment.h"
#include "fetch_args.h"
#include "http.h"
#include "report.h"
#include "service_error.h"

namespace ssmview {

struct FetchClient {
    bool                                     via_proxy = false;
    aws::Endpoint                            endpoint;
    std::string                              bearer_token;  // proxy only; "" = none
    std::string                              region;        // direct only
    std::string                              region_source;
    aws::Environment                         env;
    std::unique_ptr<aws::CredentialProvider> credentials;   // direct only
    aws::HttpOptions                         http;
};

std::string open_fetch_client(const FetchArgs& args, FetchClient& client);

// What a person reads on the first line of `follow`: where it asks, and on whose behalf.
// "https://ssm.eu-west-1.amazonaws.com (region eu-west-1 from AWS_REGION; credentials from environment)"
std::string describe_fetch_client(const FetchClient& client);

struct FetchAnswer {
    enum class Kind { Report, Error, NoCredentials };
    Kind         kind = Kind::Error;
    Report       report;             // Kind::Report
    ServiceError error;              // Kind::Error
    std::string  credentials_error;  // Kind::NoCredentials: every source tried, never a secret
};

FetchAnswer fetch_invocation(FetchClient& client, const FetchTarget& target);

}  // namespace ssmview
