// tests/aws/fake_env.h: fake environments for the aws/ tests: variables, files, a clock.
//
// Index
//   FakeEnv   variables and files from maps, a settable clock; environment() builds the
//             aws::Environment that reads them (process runner and HTTP are the real ones
//             unless a test replaces them). The machine's own AWS_* variables and ~/.aws are
//             never consulted.
//   TempDir   a fresh folder under /tmp, removed at the end; write() makes files and scripts
#pragma once
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include "environment.h"

namespace ssmview::test {

struct FakeEnv {
    std::map<std::string, std::string> vars;
    std::map<std::string, std::string> files;  // path -> text; other paths are missing ...
    bool real_files = false;                   // ... unless real_files: then read from disk
    std::atomic<std::int64_t> now{1767225600000LL};  // 2026-01-01T00:00:00Z

    aws::Environment environment() {
        aws::Environment e = aws::system_environment();
        e.getenv = [this](const std::string& name) -> std::optional<std::string> {
            auto it = vars.find(name);
            if (it == vars.end()) return std::nullopt;
            return it->second;
        };
        const auto real_read = e.read_file;
        e.read_file = [this, real_read](const std::string& path, std::size_t max) {
            auto it = files.find(path);
            if (it != files.end()) {
                aws::FileText f;
                f.status = aws::FileText::Status::Ok;
                f.text = it->second;
                if (f.text.size() > max) {
                    f.status = aws::FileText::Status::Error;
                    f.error = "larger than " + std::to_string(max) + " bytes";
                    f.text.clear();
                }
                return f;
            }
            if (real_files) return real_read(path, max);
            return aws::FileText{};
        };
        e.now_ms = [this] { return now.load(); };
        return e;
    }
};

class TempDir {
public:
    TempDir() {
        char templ[] = "/tmp/ssmview-aws-test-XXXXXX";
        const char* made = mkdtemp(templ);
        if (!made) std::abort();
        path_ = made;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string write(const std::string& name, const std::string& text, bool executable = false) const {
        const std::string p = path_ + "/" + name;
        {
            std::ofstream out(p, std::ios::binary);
            out << text;
        }
        if (executable) chmod(p.c_str(), 0755);
        return p;
    }

private:
    std::string path_;
};

}  // namespace ssmview::test
