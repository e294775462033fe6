// aws/environment.cpp: the real Environment, and the two helpers every resolver uses.
//
// Index
//   read_file_bounded    fopen + read up to max_bytes (+1 to detect "too large")
//   system_environment   getenv, read_file_bounded, system_clock, run_process, http_send
//   env_value, expand_home
#include "environment.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace ssmview::aws {
namespace {

FileText read_file_bounded(const std::string& path, std::size_t max_bytes) {
    FileText f;
    std::FILE* fp = std::fopen(path.c_str(), "rb");
    if (!fp) {
        if (errno == ENOENT || errno == ENOTDIR) {
            f.status = FileText::Status::Missing;
        } else {
            f.status = FileText::Status::Error;
            f.error = std::strerror(errno);
        }
        return f;
    }
    char buf[8192];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, fp)) > 0) {
        if (f.text.size() + n > max_bytes) {
            std::fclose(fp);
            f = FileText{};
            f.status = FileText::Status::Error;
            f.error = "larger than " + std::to_string(max_bytes) + " bytes";
            return f;
        }
        f.text.append(buf, n);
    }
    const bool failed = std::ferror(fp) != 0;
    const int err = errno;
    std::fclose(fp);
    if (failed) {
        f = FileText{};
        f.status = FileText::Status::Error;
        f.error = std::strerror(err);  // EISDIR for a directory, EIO, ...
        return f;
    }
    f.status = FileText::Status::Ok;
    return f;
}

}  // namespace

Environment system_environment() {
    Environment e;
    e.getenv = [](const std::string& name) -> std::optional<std::string> {
        const char* v = std::getenv(name.c_str());
        if (!v) return std::nullopt;
        return std::string(v);
    };
    e.read_file = read_file_bounded;
    e.now_ms = [] {
        return static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                              std::chrono::system_clock::now().time_since_epoch())
                                              .count());
    };
    e.run = run_process;
    e.http = http_send;
    return e;
}

std::string env_value(const Environment& env, const std::string& name) {
    std::optional<std::string> v = env.getenv(name);
    return v ? *v : std::string();
}

std::string expand_home(const Environment& env, const std::string& path) {
    if (path == "~" || path.rfind("~/", 0) == 0) {
        const std::string home = env_value(env, "HOME");
        if (!home.empty()) return home + path.substr(1);
    }
    return path;
}

}  // namespace ssmview::aws
