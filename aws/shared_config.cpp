// aws/shared_config.cpp: locate, read, parse and merge the two shared files; pick the profile.
//
// Index
//   select_profile       --profile, then AWS_PROFILE, then "default"
//   load_one             read through the Environment (bounded), parse, record the first error
//   load_shared_config   AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/...
//   SharedConfig::profile, sso_session, services
#include "shared_config.h"

namespace ssmview::aws {
namespace {

void load_one(const Environment& env, const std::string& path, ConfigFileKind kind, bool& found, ConfigFile& into,
              SharedConfig& shared) {
    const FileText f = env.read_file(path, kMaxConfigFileBytes);
    if (f.status == FileText::Status::Missing) return;
    if (f.status == FileText::Status::Error) {
        if (shared.error.empty()) shared.error = path + ": cannot be read: " + f.error;
        return;
    }
    found = true;
    into = parse_config_file(f.text, kind);
    for (const ConfigDiagnostic& d : into.diagnostics) {
        if (d.error && shared.error.empty()) shared.error = format_config_diagnostic(path, d);
        if (!d.error) shared.warnings.push_back(format_config_diagnostic(path, d));
    }
}

}  // namespace

ProfileSelection select_profile(const Environment& env, std::string_view profile_flag) {
    ProfileSelection p;
    if (!profile_flag.empty()) {
        p.name = std::string(profile_flag);
        p.source = "--profile";
        p.named = true;
    } else if (std::string v = env_value(env, "AWS_PROFILE"); !v.empty()) {
        p.name = v;
        p.source = "AWS_PROFILE";
        p.named = true;
    } else {
        p.name = "default";
        p.source = "default";
    }
    return p;
}

SharedConfig load_shared_config(const Environment& env) {
    SharedConfig s;
    std::string config = env_value(env, "AWS_CONFIG_FILE");
    std::string credentials = env_value(env, "AWS_SHARED_CREDENTIALS_FILE");
    s.config_path = expand_home(env, config.empty() ? "~/.aws/config" : config);
    s.credentials_path = expand_home(env, credentials.empty() ? "~/.aws/credentials" : credentials);
    load_one(env, s.config_path, ConfigFileKind::Config, s.config_found, s.config, s);
    load_one(env, s.credentials_path, ConfigFileKind::Credentials, s.credentials_found, s.credentials, s);
    return s;
}

std::optional<ConfigSection> SharedConfig::profile(std::string_view name) const {
    const std::string key(name);
    auto c = config.profiles.find(key);
    auto k = credentials.profiles.find(key);
    if (c == config.profiles.end() && k == credentials.profiles.end()) return std::nullopt;
    ConfigSection merged = c != config.profiles.end() ? c->second : k->second;
    if (c != config.profiles.end() && k != credentials.profiles.end()) {
        for (const auto& [key_name, value] : k->second.values) {
            merged.values[key_name] = value;
            merged.lines[key_name] = k->second.lines.at(key_name);
            merged.nested.erase(key_name);
        }
        for (const auto& [key_name, sub] : k->second.nested) merged.nested[key_name] = sub;
    }
    return merged;
}

const ConfigSection* SharedConfig::sso_session(std::string_view name) const {
    auto it = config.sso_sessions.find(std::string(name));
    return it == config.sso_sessions.end() ? nullptr : &it->second;
}

const ConfigSection* SharedConfig::services(std::string_view name) const {
    auto it = config.services.find(std::string(name));
    return it == config.services.end() ? nullptr : &it->second;
}

}  // namespace ssmview::aws
