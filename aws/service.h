// aws/service.h: the AWS services ssmview talks to, and every name each one goes by.
//
// Index
//   ServiceInfo     one service: its ssmview id, hostname label, SigV4 name, endpoint-override
//                   names, JSON-protocol target prefix and content type, signing rules
//   kServices       the catalogue (ssm now; logs and s3 for the next issue)
//   find_service    id -> ServiceInfo ("ssm", "logs", "s3")
//
// Why one table: an AWS service has up to five spellings (SSM is "ssm" in hostnames and SigV4,
// "SSM" in AWS_ENDPOINT_URL_SSM, "ssm" in a config `services` section, "AmazonSSM" in X-Amz-Target;
// CloudWatch Logs is "logs", "CLOUDWATCH_LOGS", "cloudwatch_logs", "Logs_20140328"). endpoint.cpp,
// json_api.cpp, sigv4 scopes, the proxy's routes and the CLI all read them from here.
#pragma once
#include <string_view>

namespace ssmview::aws {

struct ServiceInfo {
    const char* id;                  // ssmview's name for it: "ssm", "logs", "s3"
    const char* endpoint_prefix;     // first label of the regional hostname: "ssm"
    const char* signing_name;        // SigV4 credential-scope service: "ssm"
    const char* env_suffix;          // AWS_ENDPOINT_URL_<env_suffix>: "SSM", "CLOUDWATCH_LOGS", "S3"
    const char* config_key;          // key inside a config-file [services x] section: "cloudwatch_logs"
    const char* json_target_prefix;  // X-Amz-Target prefix for JSON protocols ("" for S3): "AmazonSSM"
    const char* json_content_type;   // "application/x-amz-json-1.1" ("" for S3)
    bool        s3_signing;          // SigV4 with S3's rules (see SigningScope::s3)
    bool        govcloud_standard_is_fips;  // in us-gov-*, the FIPS endpoint is the standard hostname
};

extern const ServiceInfo kSsm;
extern const ServiceInfo kLogs;
extern const ServiceInfo kS3;

// nullptr for an unknown id.
const ServiceInfo* find_service(std::string_view id);

}  // namespace ssmview::aws
