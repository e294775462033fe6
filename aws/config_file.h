// aws/config_file.h: the parser of the AWS shared `config` and `credentials` files (INI dialect).
//
// Index
//   ConfigFileKind     config (~/.aws/config) or credentials (~/.aws/credentials)
//   ConfigSection      one [section]: keys (lowercased) -> values, nested sub-sections, line numbers
//   ConfigDiagnostic   a finding with its 1-based line: errors make the file unusable
//   ConfigFile         profiles, sso-session and services sections, diagnostics
//   parse_config_file  text -> ConfigFile (never throws, bounded work: one pass over the lines)
//   format_config_diagnostic   "path:LINE: message" for people
//
// The dialect, as the AWS CLI v2 reads it (Python's configparser as botocore configures it):
//   - `[profile NAME]` in the config file, `[NAME]` in the credentials file; `[default]` in both
//     (`[profile default]` too). `[sso-session NAME]` and `[services NAME]` only in config.
//   - `key = value` or `key: value`; keys are case-insensitive (lowercased), values trimmed.
//   - whole-line comments start with '#' or ';' (there are no inline comments: `region = x # y`
//     has the value "x # y", which region validation then rejects with a clear message).
//   - an indented line continues the previous key. Under `key =` with an empty value the
//     indented lines are a sub-section (`s3 =\n  max_concurrent_requests = 20`); under a value
//     they extend it (joined with "\n"; a warning says so, since it is usually a stray indent).
//   - a section or a key that appears twice is an error (the CLI refuses such files as well).
// Call flow: shared_config.cpp reads the two files through the Environment and calls
// parse_config_file for each; credentials.cpp, region.cpp and endpoint.cpp read the result.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ssmview::aws {

enum class ConfigFileKind { Config, Credentials };

// Files larger than this are refused (a real one is a few kilobytes).
constexpr std::size_t kMaxConfigFileBytes = 1u << 20;

struct ConfigSection {
    std::string name;   // profile name ("dev"), sso-session name, services name
    int         line = 0;
    std::map<std::string, std::string>                        values;  // key -> value
    std::map<std::string, std::map<std::string, std::string>> nested;  // "s3" -> {key -> value}
    std::map<std::string, int>                                lines;   // key -> line
    // nullptr when absent; an empty value counts as present.
    const std::string* get(std::string_view key) const;
};

struct ConfigDiagnostic {
    int         line = 0;     // 1-based; 0 for the file as a whole
    bool        error = true; // false: a warning (the file is still used)
    std::string message;
};

struct ConfigFile {
    std::map<std::string, ConfigSection> profiles;
    std::map<std::string, ConfigSection> sso_sessions;
    std::map<std::string, ConfigSection> services;
    std::vector<ConfigDiagnostic>        diagnostics;  // bounded in number, yet holding an error whenever there was one
    bool ok() const;                          // no error diagnostic
    const ConfigDiagnostic* first_error() const;
};

ConfigFile parse_config_file(std::string_view text, ConfigFileKind kind);

// "/home/me/.aws/config:7: section [profile dev] appears twice (first on line 2)"
std::string format_config_diagnostic(std::string_view path, const ConfigDiagnostic& d);

}  // namespace ssmview::aws
