// aws/shared_config.h: find, read and merge the shared config and credentials files; pick the
// profile.
//
// Index
//   ProfileSelection      which profile, and why ("--profile", "AWS_PROFILE", "default")
//   select_profile        flag, then AWS_PROFILE, then "default"
//   SharedConfig          both files parsed, with their paths, and any error
//   load_shared_config    AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE or ~/.aws/{config,credentials}
//   SharedConfig::profile the merged view of one profile (credentials-file keys win, as in botocore)
//
// Call flow: credentials.cpp, region.cpp and endpoint.cpp each take a SharedConfig (loaded once by
// the caller) and a ProfileSelection. A missing file is normal (empty); a file that exists but
// cannot be read or parsed is an error, reported with its path and line, and makes every lookup
// that needs it fail instead of silently falling through to another source.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "config_file.h"
#include "environment.h"

namespace ssmview::aws {

struct ProfileSelection {
    std::string name;          // "default" when nothing names one
    std::string source;        // "--profile", "AWS_PROFILE", "default"
    bool        named = false; // chosen by a flag or AWS_PROFILE: it must then exist
};
ProfileSelection select_profile(const Environment& env, std::string_view profile_flag);

struct SharedConfig {
    std::string config_path;        // as resolved ("/home/me/.aws/config")
    std::string credentials_path;
    bool        config_found = false;
    bool        credentials_found = false;
    ConfigFile  config;
    ConfigFile  credentials;
    std::string error;              // "" or "/home/me/.aws/config:7: ..." (first error of either file)
    std::vector<std::string> warnings;  // formatted like error

    // The merged profile (config-file keys overlaid by credentials-file keys), or nullopt when
    // neither file has it.
    std::optional<ConfigSection> profile(std::string_view name) const;
    const ConfigSection* sso_session(std::string_view name) const;
    const ConfigSection* services(std::string_view name) const;
};
SharedConfig load_shared_config(const Environment& env);

}  // namespace ssmview::aws
