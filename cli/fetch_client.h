// cli/fetch_client.h: one GetCommandInvocation, directly to AWS or through ssmview-proxy.
//
// Index
//   FetchClient         where requests go and how they are authorized
//   open_fetch_client   FetchArgs -> FetchClient: region, endpoint and credentials (direct), or
//                       the proxy's URL and bearer token; "" or why not (exit 210)
//   FetchAnswer         a Report (HTTP 200, analyzed like a paste), a ServiceError, or no
//                       credentials
//   fetch_invocation    build, authorize, send, read
//   SsmAnswer, call_ssm one SSM request of any allowlisted action: the body, or why not
//   LogsAnswer, fetch_log_events   one GetLogEvents page of an agent's stream (issue: whole output)
//   S3Answer, fetch_s3_object      one S3 object of the agent's output, or a part (Range)
//
// Call flow: cmd_fetch calls fetch_invocation once; cmd_follow calls it at each poll. Directly:
//   credential chain (aws/credentials.h, cached and refreshed before expiry) + region (flag,
//   AWS_REGION, AWS_DEFAULT_REGION, profile) + endpoint (--endpoint-url, AWS_ENDPOINT_URL_SSM,
//   AWS_ENDPOINT_URL, profile, regional) -> aws::json_api_call (build, sign, send)
// Through a proxy: the same call, unsigned, with "Authorization: Bearer <token>" as an extra
// header when a token is given; the proxy signs it. The answer: 200 -> analyze(body); another status ->
// read_service_error; no HTTP answer -> unreachable_error. Nothing here prints.
// CloudWatch Logs and S3 go the same two ways: through the proxy (Logs: POST / with
// X-Amz-Target Logs_20140328.*; S3: GET /s3/<region>/<bucket>/<key>) or directly, each service
// at its own endpoint (AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL,
// the profile, the regional one; S3 in the bucket's region) with the same credentials.
#pragma once
#include <memory>
#include <string>

#include "credentials.h"
#include "logs_api.h"
#include "output_location.h"
#include "shared_config.h"
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
    aws::SharedConfig                        config;        // direct only: Logs and S3 endpoints
    aws::ProfileSelection                    profile;       // direct only
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

// Any SSM action of the allowlist, its 200 answer's body as given (the fleet follow reads list
// pages with core/fleet_follow.h).
struct SsmAnswer {
    enum class Kind { Body, Error, NoCredentials };
    Kind         kind = Kind::Error;
    std::string  body;               // Kind::Body
    ServiceError error;              // Kind::Error
    std::string  credentials_error;  // Kind::NoCredentials
};
SsmAnswer call_ssm(FetchClient& client, const char* action, const std::string& body);

struct LogsAnswer {
    bool          ok = false;
    bool          no_stream = false;  // ResourceNotFoundException: no output (yet), not an error
    LogEventsPage page;               // ok
    ServiceError  error;              // !ok && !no_stream
};
// `next_token` "" reads from the first event (startFromHead).
LogsAnswer fetch_log_events(FetchClient& client, const std::string& group, const std::string& stream,
                            const std::string& next_token);

struct S3Answer {
    bool         ok = false;  // 200 or 206
    bool         missing = false;  // 403 AccessDenied / 404 NoSuchKey: not uploaded (yet), or empty output
    std::string  body;
    std::int64_t total_bytes = -1;  // from Content-Range or Content-Length; -1 unknown
    ServiceError error;             // !ok && !missing
};
// `range` "" for the whole object, else a Range header value ("bytes=100-").
S3Answer fetch_s3_object(FetchClient& client, const S3Location& object, const std::string& range);

}  // namespace ssmview
