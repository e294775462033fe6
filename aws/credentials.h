// aws/credentials.h: the credential chain, in the order the AWS SDKs use, and a caching provider.
//
// Index
//   CredentialOptions     --profile, the AWS CLI's path, timeouts, the refresh window
//   SourceResult          what one source said: found, not configured here, or failed (and why)
//   credentials_from_*    one function per source (credentials_env.cpp, credentials_profile.cpp,
//                         credentials_process.cpp, credentials_container.cpp, credentials_imds.cpp)
//   parse_credentials_json  the JSON that credential_process, the container endpoint and IMDS return
//   CredentialResult      the chain's answer: credentials, or an error naming every source tried
//   resolve_credentials   one pass of the chain, no cache
//   CredentialProvider    thread-safe cache; refreshes temporary credentials before they expire
//
// Call flow of resolve_credentials (credentials_chain.cpp):
//   1. environment   AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN); skipped when
//                    --profile is given, as the AWS CLI does
//   2. profile       select_profile + load_shared_config, then in the profile, in botocore's order:
//                    role_arn / sso_session / sso_start_url / web_identity_token_file -> the AWS CLI
//                    v2 (`aws configure export-credentials --profile P --format process`);
//                    static keys from the credentials file; credential_process; static keys from
//                    the config file. A profile named by --profile or AWS_PROFILE must exist.
//   3. container     AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (169.254.170.2) or _FULL_URI (loopback,
//                    the ECS/EKS link-local hosts, or https), with AWS_CONTAINER_AUTHORIZATION_TOKEN
//                    _FILE or AWS_CONTAINER_AUTHORIZATION_TOKEN
//   4. IMDSv2        PUT token, GET role, GET credentials (1 s timeouts); AWS_EC2_METADATA_DISABLED,
//                    AWS_EC2_METADATA_SERVICE_ENDPOINT
// A source that is not configured passes to the next; a source that is configured but fails ends
// the chain with its error (as the SDKs do: a broken credential_process must not silently become
// the instance role). IMDS being unreachable counts as "not configured". No message ever holds a
// secret access key or a session token: values from files and processes are never quoted.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "environment.h"
#include "shared_config.h"
#include "sigv4.h"

namespace ssmview::aws {

struct CredentialOptions {
    std::string  profile;                        // --profile ("" = AWS_PROFILE, else "default")
    std::string  aws_cli = "/usr/bin/aws";       // the AWS CLI v2 for SSO and role profiles
    int          process_timeout_ms = 60000;     // credential_process and the AWS CLI
    int          container_timeout_ms = 2000;
    int          imds_timeout_ms = 1000;         // per request (AWS_METADATA_SERVICE_TIMEOUT overrides, in s)
    std::int64_t refresh_before_ms = 5 * 60 * 1000;  // refresh temporary credentials this early
    std::int64_t retry_after_failure_ms = 5000;      // a failed resolution is not retried sooner
};

struct SourceResult {
    enum class Outcome { Found, NotConfigured, Failed };
    Outcome     outcome = Outcome::NotConfigured;
    Credentials credentials;  // Found
    std::string detail;       // why not / why it failed, in plain words, never a secret
};

SourceResult credentials_from_environment(const Environment& env);
SourceResult credentials_from_profile(const Environment& env, const CredentialOptions& options,
                                      const SharedConfig& config, const ProfileSelection& profile);
// Runs `command` (a credential_process value) without a shell; `label` names it in messages and
// in Credentials::source ("profile dev (credential_process)").
SourceResult credentials_from_process(const Environment& env, std::string_view command,
                                      std::string_view label, int timeout_ms);
// `aws configure export-credentials --profile P --format process`, with the files the
// Environment names passed on to it.
SourceResult credentials_from_aws_cli(const Environment& env, const CredentialOptions& options,
                                      const SharedConfig& config, std::string_view profile,
                                      std::string_view why);
SourceResult credentials_from_container(const Environment& env, const CredentialOptions& options);
SourceResult credentials_from_imds(const Environment& env, const CredentialOptions& options);

// credential_process / container / IMDS JSON -> credentials. Accepts AccessKeyId,
// SecretAccessKey, SessionToken or Token, Expiration (ISO-8601), and Version 1 when
// `require_version` (credential_process). Returns false with `error` (never quoting a value).
bool parse_credentials_json(std::string_view text, bool require_version, Credentials& out,
                            std::string& error);

struct CredentialResult {
    bool                     ok = false;
    Credentials              credentials;
    std::string              error;  // "no AWS credentials: environment: ...; profile default: ...; ..."
    std::vector<std::string> tried;  // one "source: outcome" line per source consulted, in order
};

CredentialResult resolve_credentials(const Environment& env, const CredentialOptions& options);

// Caches what resolve_credentials found. get() returns the cached credentials while they are
// valid for more than refresh_before_ms; within that window it resolves again (if that fails and
// the cached ones have not yet expired, it keeps serving them). Long-term keys are never
// refreshed. After a failure it does not try again for retry_after_failure_ms. Thread-safe: one
// thread resolves (outside the lock); the others keep using still-valid credentials meanwhile, or
// wait for its answer when they have none.
class CredentialProvider {
public:
    explicit CredentialProvider(Environment env, CredentialOptions options = {});
    CredentialResult get();
    void invalidate();            // forget the cache (after ExpiredTokenException, say)
    std::string source() const;   // where the cached credentials came from ("" when none)

private:
    Environment             env_;
    CredentialOptions       options_;
    mutable std::mutex      mutex_;
    std::condition_variable resolved_;         // a resolution finished
    bool                    resolving_ = false;  // one thread is resolving (without the lock)
    bool                    have_cached_ = false;
    CredentialResult        cached_;           // the last success
    bool                    have_failure_ = false;
    CredentialResult        failure_;          // the last failure
    std::int64_t            failed_at_ms_ = 0;
};

}  // namespace ssmview::aws
