// aws/credentials_profile.cpp: the second source, a profile of the shared files.
//
// Index
//   static_keys                 aws_access_key_id + aws_secret_access_key (+ aws_session_token)
//                               from one file's section; one without the other is an error
//   credentials_from_profile    botocore's order inside a profile:
//                                 1. role_arn / sso_session / sso_start_url / web_identity_token_file
//                                    -> the AWS CLI v2 (credentials_process.cpp)
//                                 2. static keys in the credentials file
//                                 3. credential_process (either file; credentials file wins)
//                                 4. static keys in the config file
#include "credentials.h"
#include "credentials_detail.h"

namespace ssmview::aws {
namespace {

// Found, NotConfigured (no keys in this section) or Failed (half a pair, unusable characters).
SourceResult static_keys(const ConfigSection* s, const std::string& path, const std::string& label) {
    if (!s) return detail::not_configured("");
    const std::string* id = s->get("aws_access_key_id");
    const std::string* secret = s->get("aws_secret_access_key");
    if (!id && !secret) return detail::not_configured("");
    const std::string where = " in [" + s->name + "] of " + path;
    if (!id || id->empty()) return detail::failed("aws_secret_access_key is set but aws_access_key_id is not" + where);
    if (!secret || secret->empty()) return detail::failed("aws_access_key_id is set but aws_secret_access_key is not" + where);
    Credentials c;
    c.access_key_id = *id;
    c.secret_access_key = *secret;
    if (const std::string* token = s->get("aws_session_token")) c.session_token = *token;
    if (std::string problem = detail::credential_text_problem(c); !problem.empty())
        return detail::failed(problem + where);
    c.source = label;
    return detail::found(std::move(c));
}

const ConfigSection* section(const ConfigFile& f, const std::string& name) {
    auto it = f.profiles.find(name);
    return it == f.profiles.end() ? nullptr : &it->second;
}

}  // namespace

SourceResult credentials_from_profile(const Environment& env, const CredentialOptions& options,
                                      const SharedConfig& config, const ProfileSelection& profile) {
    if (!config.error.empty()) return detail::failed(config.error);
    const std::optional<ConfigSection> merged = config.profile(profile.name);
    if (!merged) {
        std::string files = config.credentials_path + " or " + config.config_path;
        if (profile.named)
            return detail::failed("the profile '" + profile.name + "' (from " + profile.source + ") is not in " + files);
        return detail::not_configured("no [default] profile in " + files);
    }
    const std::string label = "profile " + profile.name;

    for (const char* key : {"role_arn", "sso_session", "sso_start_url", "web_identity_token_file"})
        if (merged->get(key)) return credentials_from_aws_cli(env, options, config, profile.name, key);

    SourceResult r = static_keys(section(config.credentials, profile.name), config.credentials_path,
                                 label + " (credentials file)");
    if (r.outcome != SourceResult::Outcome::NotConfigured) return r;

    if (const std::string* command = merged->get("credential_process")) {
        if (command->empty())
            return detail::failed("credential_process is empty in the profile '" + profile.name + "'");
        return credentials_from_process(env, *command, label + " (credential_process)", options.process_timeout_ms);
    }

    r = static_keys(section(config.config, profile.name), config.config_path, label + " (config file)");
    if (r.outcome != SourceResult::Outcome::NotConfigured) return r;
    return detail::not_configured("the profile '" + profile.name +
                                  "' has no aws_access_key_id, credential_process, role_arn or sso_session");
}

}  // namespace ssmview::aws
