// aws/config_file.cpp: the shared config/credentials INI parser (dialect in config_file.h).
//
// Index
//   Parser state     the section being filled (or one being skipped), the last key and its indent
//   add              bounded diagnostics, never at the cost of an error (ok() stays true to the file)
//   section_header   "[...]" -> which map and name, with the config/credentials naming rules
//   key_line         "key = value" / "key: value"
//   continuation     indented lines: a sub-section under "key =", else more of the value
//   parse_config_file, format_config_diagnostic, ConfigSection::get, ConfigFile::ok
//
// Messages never quote a value or a line's text: a mistyped line may hold a secret key. They name
// keys and section headers, which are not secret.
#include "config_file.h"
#include "ascii.h"

#include <cassert>

namespace ssmview::aws {
namespace {

constexpr std::size_t kMaxDiagnostics = 50;  // a binary file must not produce a million lines of output

bool blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (blank(s.front()) || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (blank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

struct Parser {
    ConfigFileKind kind;
    ConfigFile     file;
    ConfigSection* section = nullptr;  // nullptr: before any section, or in one being skipped
    bool           skipping = false;   // inside a section the file kind ignores
    ConfigSection  skipped;            // where a skipped section's keys go (still checked)
    std::map<std::string, int> headers_seen;  // raw header text -> line
    std::string    last_key;           // "" when no key can be continued
    std::size_t    last_indent = 0;
    bool           saw_error = false;  // any error, kept or not: ok() must agree with it

    // At most kMaxDiagnostics are kept, but the cap must never hide an error: after 50 warnings
    // (50 indented lines under a value) a later error was dropped and ok() called an unusable file
    // usable. Once the list is full, the first error takes the last warning's place.
    void add(int line, bool error, std::string message) {
        saw_error = saw_error || error;
        if (file.diagnostics.size() < kMaxDiagnostics) {
            file.diagnostics.push_back({line, error, std::move(message)});
        } else if (error && file.ok()) {
            file.diagnostics.back() = {line, error, std::move(message)};
        }
        assert(file.diagnostics.size() <= kMaxDiagnostics && saw_error == !file.ok());
    }

    ConfigSection* target() { return skipping ? &skipped : section; }

    void section_header(int line, std::string_view content) {
        last_key.clear();
        section = nullptr;
        skipping = false;
        if (content.back() != ']') {
            add(line, true, "a section header must end with ']'");
            skipping = true;
            skipped = ConfigSection{};
            return;
        }
        const std::string_view inner = trim(content.substr(1, content.size() - 2));
        if (inner.empty()) {
            add(line, true, "empty section name '[]'");
            skipping = true;
            skipped = ConfigSection{};
            return;
        }
        const std::string header(inner);
        if (auto seen = headers_seen.find(header); seen != headers_seen.end()) {
            add(line, true, "section [" + header + "] appears twice (first on line " + std::to_string(seen->second) + ")");
            skipping = true;
            skipped = ConfigSection{};
            return;
        }
        headers_seen.emplace(header, line);

        std::map<std::string, ConfigSection>* into = &file.profiles;
        std::string name = header;
        if (kind == ConfigFileKind::Config) {
            const std::size_t space = inner.find_first_of(" \t");
            const std::string_view word = inner.substr(0, space);
            const std::string_view rest = space == std::string_view::npos ? std::string_view() : trim(inner.substr(space));
            if (inner == "default") {
                name = "default";
            } else if (word == "profile" || word == "sso-session" || word == "services") {
                if (rest.empty()) {
                    add(line, true, "section [" + header + "] has no name after '" + std::string(word) + "'");
                    skipping = true;
                    skipped = ConfigSection{};
                    return;
                }
                if (rest.find_first_of(" \t") != std::string_view::npos) {
                    add(line, false, "section [" + header + "] is ignored: names cannot contain spaces");
                    skipping = true;
                    skipped = ConfigSection{};
                    return;
                }
                name = std::string(rest);
                if (word == "sso-session") into = &file.sso_sessions;
                if (word == "services") into = &file.services;
            } else {
                add(line, false, "section [" + header + "] is ignored: in the config file a profile is written [profile " +
                                     header + "]");
                skipping = true;
                skipped = ConfigSection{};
                return;
            }
            if (into == &file.profiles && name == "default") {
                if (auto other = file.profiles.find("default"); other != file.profiles.end()) {
                    add(line, false, "[" + header + "] and the section on line " + std::to_string(other->second.line) +
                                         " both define the default profile; this one replaces it");
                    file.profiles.erase(other);
                }
            }
        } else if (header.rfind("profile ", 0) == 0) {
            add(line, false, "in the credentials file, [" + header + "] names a profile called '" + header + "'; write [" +
                                 std::string(trim(inner.substr(8))) + "]");
        }
        ConfigSection& s = (*into)[name];
        s = ConfigSection{};
        s.name = name;
        s.line = line;
        section = &s;
    }

    void key_line(int line, std::string_view content, std::size_t indent) {
        const std::size_t delim = content.find_first_of("=:");
        if (!section && !skipping) {
            add(line, true, delim == std::string_view::npos
                                ? "expected a [section] header, 'key = value' or a comment"
                                : "'key = value' before any [section] header");
            return;
        }
        if (delim == std::string_view::npos) {
            add(line, true, "expected 'key = value' (this line has no '=')");
            last_key.clear();
            return;
        }
        const std::string key = ascii_lower(trim(content.substr(0, delim)));
        if (key.empty()) {
            add(line, true, "a line starts with '" + std::string(1, content[delim]) + "': the key name is missing");
            last_key.clear();
            return;
        }
        ConfigSection* s = target();
        if (auto seen = s->lines.find(key); seen != s->lines.end()) {
            add(line, true, "key '" + key + "' appears twice in this section (first on line " + std::to_string(seen->second) + ")");
            last_key.clear();
            return;
        }
        s->values[key] = std::string(trim(content.substr(delim + 1)));
        s->lines[key] = line;
        last_key = key;
        last_indent = indent;
    }

    void continuation(int line, std::string_view content) {
        ConfigSection* s = target();
        std::string& value = s->values[last_key];
        auto nested = s->nested.find(last_key);
        if (value.empty() || nested != s->nested.end()) {
            // A sub-section: "s3 =" followed by indented "key = value" lines.
            auto& sub = s->nested[last_key];
            const std::size_t delim = content.find('=');
            if (delim == std::string_view::npos) {
                add(line, true, "expected 'key = value' inside the sub-section '" + last_key + "' (line " +
                                    std::to_string(s->lines[last_key]) + ")");
                return;
            }
            const std::string key = ascii_lower(trim(content.substr(0, delim)));
            if (key.empty()) {
                add(line, true, "a line inside the sub-section '" + last_key + "' has no key name before '='");
                return;
            }
            if (sub.count(key)) {
                add(line, true, "key '" + key + "' appears twice in the sub-section '" + last_key + "'");
                return;
            }
            sub[key] = std::string(trim(content.substr(delim + 1)));
            return;
        }
        value += '\n';
        value += content;
        add(line, false, "this indented line continues the value of '" + last_key + "' (line " +
                             std::to_string(s->lines[last_key]) +
                             "); indent lines only under 'key =' to start a sub-section");
    }

    void parse(std::string_view text) {
        if (text.size() > kMaxConfigFileBytes) {
            add(0, true, "the file is larger than " + std::to_string(kMaxConfigFileBytes) + " bytes");
            return;
        }
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        int line = 0;
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            const std::string_view raw = text.substr(start, end - start);
            start = end + 1;
            ++line;
            if (raw.find('\0') != std::string_view::npos) {
                add(line, true, "the line holds a NUL byte (is this a text file?)");
                return;
            }
            std::size_t indent = 0;
            while (indent < raw.size() && blank(raw[indent])) ++indent;
            const std::string_view content = trim(raw);
            if (content.empty() || content[0] == '#' || content[0] == ';') continue;
            if (indent > 0 && !last_key.empty() && indent > last_indent) {
                continuation(line, content);
            } else if (content[0] == '[') {
                section_header(line, content);
            } else {
                key_line(line, content, indent);
            }
        }
    }
};

}  // namespace

const std::string* ConfigSection::get(std::string_view key) const {
    auto it = values.find(std::string(key));
    return it == values.end() ? nullptr : &it->second;
}

bool ConfigFile::ok() const { return first_error() == nullptr; }

const ConfigDiagnostic* ConfigFile::first_error() const {
    for (const ConfigDiagnostic& d : diagnostics)
        if (d.error) return &d;
    return nullptr;
}

ConfigFile parse_config_file(std::string_view text, ConfigFileKind kind) {
    Parser p{kind, {}, nullptr, false, {}, {}, {}, 0, false};
    p.parse(text);
    return std::move(p.file);
}

std::string format_config_diagnostic(std::string_view path, const ConfigDiagnostic& d) {
    std::string out(path);
    if (d.line > 0) out += ":" + std::to_string(d.line);
    out += ": ";
    if (!d.error) out += "warning: ";
    out += d.message;
    return out;
}

}  // namespace ssmview::aws
