// aws/credentials_env.cpp: the first source, AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY /
// AWS_SESSION_TOKEN (AWS_SECURITY_TOKEN, the old name, too) and AWS_CREDENTIAL_EXPIRATION.
//
// Index
//   credentials_from_environment   both keys: found; one of them: failed (as botocore's
//                                  PartialCredentialsError); none: not configured
#include "credentials.h"
#include "credentials_detail.h"
#include "iso_time.h"

namespace ssmview::aws {

SourceResult credentials_from_environment(const Environment& env) {
    Credentials c;
    c.access_key_id = env_value(env, "AWS_ACCESS_KEY_ID");
    c.secret_access_key = env_value(env, "AWS_SECRET_ACCESS_KEY");
    if (c.access_key_id.empty() && c.secret_access_key.empty())
        return detail::not_configured("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set");
    if (c.secret_access_key.empty())
        return detail::failed("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
    if (c.access_key_id.empty())
        return detail::failed("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not");
    c.session_token = env_value(env, "AWS_SESSION_TOKEN");
    if (c.session_token.empty()) c.session_token = env_value(env, "AWS_SECURITY_TOKEN");
    if (std::string exp = env_value(env, "AWS_CREDENTIAL_EXPIRATION"); !exp.empty()) {
        const Timestamp t = parse_timestamp(exp);
        if (!t.valid) return detail::failed("AWS_CREDENTIAL_EXPIRATION is not an ISO-8601 time");
        c.expires_at_ms = t.epoch_ms;
    }
    if (std::string problem = detail::credential_text_problem(c); !problem.empty())
        return detail::failed(problem + " (from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN)");
    c.source = "environment";
    return detail::found(std::move(c));
}

}  // namespace ssmview::aws
