// fuzz/fuzz_aws_config.cpp: the shared config/credentials parser (aws/config_file.h).
//
// Index
//   serialize                a parsed file written back in canonical form
//   check_messages           bounded, well placed, UTF-8 when the input is, no value quoted
//   LLVMFuzzerTestOneInput   both file kinds -> the checks -> the round trip
//
// Call flow: byte 0 picks the kind (config or credentials); the rest is the file. Then:
//   diagnostics  at most 50; line numbers within the file; valid UTF-8 whenever the input is
//   secrets      no message holds a value (16+ characters, no space) unless that text also occurs
//                where messages may quote from: a section header or a key name
//   round trip   a file without errors, written back canonically ([profile x] / [x], "k = v",
//                continued values indented, sub-sections under "k ="), parses to the same
//                profiles, sso-sessions and services, with the same values and sub-sections
// Seeds: fuzz/corpus/fuzz_aws_config (config and credentials files of every shape the tests use).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ascii.h"
#include "check.h"
#include "config_file.h"

namespace {

using namespace ssmview::aws;

void write_section(std::string& out, const std::string& header, const ConfigSection& s) {
    out += "[" + header + "]\n";
    for (const auto& [key, value] : s.values) {
        out += key + " =";
        auto nested = s.nested.find(key);
        if (nested != s.nested.end()) {
            out += "\n";
            for (const auto& [k, v] : nested->second) out += "  " + k + " = " + v + "\n";
            continue;
        }
        std::size_t start = 0;
        bool first = true;
        while (start <= value.size()) {
            const std::size_t nl = value.find('\n', start);
            const std::string part = value.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
            out += first ? (part.empty() ? "" : " " + part) : "\n  " + part;
            first = false;
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
        out += "\n";
    }
}

std::string serialize(const ConfigFile& f, ConfigFileKind kind) {
    std::string out;
    for (const auto& [name, s] : f.profiles)
        write_section(out, kind == ConfigFileKind::Config && name != "default" ? "profile " + name : name, s);
    for (const auto& [name, s] : f.sso_sessions) write_section(out, "sso-session " + name, s);
    for (const auto& [name, s] : f.services) write_section(out, "services " + name, s);
    return out;
}

bool same_sections(const std::map<std::string, ConfigSection>& a, const std::map<std::string, ConfigSection>& b) {
    if (a.size() != b.size()) return false;
    for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
        if (i->first != j->first || i->second.values != j->second.values || i->second.nested != j->second.nested) return false;
    return true;
}

void check_messages(const ConfigFile& f, std::string_view text) {
    FUZZ_CHECK(f.diagnostics.size() <= 50, "more than 50 diagnostics");
    std::size_t lines = 1;
    for (char c : text) lines += c == '\n';
    // Text messages may quote: section header lines and the key part of key lines.
    std::string quotable;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = text.find('\n', start);
        const std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        const std::size_t first = line.find_first_not_of(" \t");
        if (first != std::string_view::npos && line[first] == '[') quotable += std::string(line) + "\n";
        const std::size_t delim = line.find_first_of("=:");
        quotable += ssmview::ascii_lower(line.substr(0, delim)) + "\n" + std::string(line.substr(0, delim)) + "\n";
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    const bool utf8 = ssmview_fuzz::is_valid_utf8(text);
    for (const ConfigDiagnostic& d : f.diagnostics) {
        FUZZ_CHECK(d.line >= 0 && static_cast<std::size_t>(d.line) <= lines, "line out of range: " + std::to_string(d.line));
        FUZZ_CHECK(!d.message.empty(), "empty message");
        if (utf8) FUZZ_CHECK(ssmview_fuzz::is_valid_utf8(d.message), "message is not UTF-8 for a UTF-8 file");
    }
    for (const auto* group : {&f.profiles, &f.sso_sessions, &f.services})
        for (const auto& [name, s] : *group)
            for (const auto& [key, value] : s.values) {
                if (value.size() < 16 || value.find_first_of(" \t\n") != std::string::npos) continue;
                if (quotable.find(value) != std::string::npos) continue;
                for (const ConfigDiagnostic& d : f.diagnostics)
                    FUZZ_CHECK(d.message.find(value) == std::string::npos, "a message quotes the value of " + key);
            }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    const ConfigFileKind kind = (data[0] & 1) ? ConfigFileKind::Credentials : ConfigFileKind::Config;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    const ConfigFile f = parse_config_file(text, kind);
    check_messages(f, text);
    for (const ConfigDiagnostic& d : f.diagnostics) (void)format_config_diagnostic("/home/me/.aws/config", d);
    if (!f.ok()) return 0;

    const std::string again_text = serialize(f, kind);
    const ConfigFile again = parse_config_file(again_text, kind);
    FUZZ_CHECK(again.ok(), "the canonical form does not parse: " + again_text);
    FUZZ_CHECK(same_sections(f.profiles, again.profiles), "profiles differ after a round trip:\n" + again_text);
    FUZZ_CHECK(same_sections(f.sso_sessions, again.sso_sessions), "sso-sessions differ after a round trip");
    FUZZ_CHECK(same_sections(f.services, again.services), "services differ after a round trip");
    return 0;
}
