// aws/environment.h: everything the credential chain, region and endpoint resolution read from
// the outside world, in one injectable struct.
//
// Index
//   FileText            a file's text, or "missing", or why it could not be read
//   Environment         getenv, read_file, clock, process runner, HTTP client
//   system_environment  the real ones (getenv, files, system clock, run_process, http_send)
//   env_value           getenv that treats an empty variable as unset (as the SDKs do)
//   expand_home         "~/x" -> "$HOME/x"
//
// Why: tests must never read the machine's real ~/.aws or AWS_* variables, nor wait on a real
// clock. A test builds an Environment from a map and a fake clock; product code passes
// system_environment(). Every member is always set (system_environment fills all of them, and a
// test starts from it and replaces what it fakes).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "http.h"
#include "process.h"

namespace ssmview::aws {

struct FileText {
    enum class Status { Ok, Missing, Error };
    Status      status = Status::Missing;
    std::string text;
    std::string error;  // Error: "permission denied", "larger than 1048576 bytes", ...
};

struct Environment {
    std::function<std::optional<std::string>(const std::string& name)> getenv;
    std::function<FileText(const std::string& path, std::size_t max_bytes)> read_file;
    std::function<std::int64_t()> now_ms;  // wall clock, milliseconds since the Unix epoch
    std::function<ProcessResult(const ProcessRequest&)> run;
    std::function<HttpResponse(const Endpoint&, const HttpRequest&, const HttpOptions&)> http;
};

Environment system_environment();

// The variable's value, or "" when it is unset or empty.
std::string env_value(const Environment& env, const std::string& name);

// "~" and "~/..." use HOME; anything else is returned unchanged.
std::string expand_home(const Environment& env, const std::string& path);

}  // namespace ssmview::aws
