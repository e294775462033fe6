// core/input_format.cpp: recognize the input before parsing it.
//
// Index
//   input_format_name
//   starts_json        a line that opens a JSON document (json_scalar: or is one); has_json_line:
//                      any such line (else plain output)
//   Line helpers              iterate lines without copying (\n, \r\n)
//   looks_binary              NUL bytes or mostly control characters
//   Signatures                yaml (`CommandId: ...` at column 0), yaml-stream (`- CommandId: ...`),
//                             text (tab-separated values, CLOUDWATCHOUTPUTCONFIG line),
//                             table (`| GetCommandInvocation |` inside a box); the fleet outputs'
//                             members and operations likewise (`Commands:`, `| ListCommands |`)
//   yaml_span                 the lines of a YAML document around its signature (prompts left out)
//   find_json_start           the first line that starts with '{' (after indentation), else the
//                             first '{' anywhere, else the first non-blank character
//   locate_json               the order: empty -> binary -> YAML -> other formats -> plain -> JSON
#include "input_format.h"

#include <cctype>
#include <cstring>
#include <string>

#include "data_limits.h"
#include "fleet.h"
#include "ids.h"
#include "invocation.h"
#include "text_encoding.h"

namespace ssmview {

const char* input_format_name(InputFormat f) {
    switch (f) {
        case InputFormat::Empty: return "empty";
        case InputFormat::Json: return "json";
        case InputFormat::Yaml: return "yaml";
        case InputFormat::YamlStream: return "yaml-stream";
        case InputFormat::Text: return "text";
        case InputFormat::Table: return "table";
        case InputFormat::Binary: return "binary";
        case InputFormat::Plain: return "plain";
        case InputFormat::Unknown: return "unknown";
    }
    return "unknown";
}

namespace {

// ---- Line helpers ---------------------------------------------------------------------------

template <typename F>
void for_each_line(std::string_view text, F&& f) {
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!f(line, start)) return;
        if (end == text.size()) return;
        start = end + 1;
    }
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// ---- looks_binary ---------------------------------------------------------------------------

// Text never holds NUL; a paste of an image or an archive does, or is mostly control bytes.
// The first kBinarySniffBytes decide (see data_limits.h).
bool looks_binary(std::string_view text) {
    const std::size_t n = text.size() < kBinarySniffBytes ? text.size() : kBinarySniffBytes;
    if (n == 0) return false;
    if (std::memchr(text.data(), 0, n)) return true;
    std::size_t control = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        control += (c < 0x20) & (c != '\n') & (c != '\r') & (c != '\t') & (c != 0x1b) & (c != '\f');
    }
    return control * 10 > n;
}

// ---- Signatures -----------------------------------------------------------------------------

bool yaml_key(std::string_view line, const char* name) {
    const std::size_t len = std::strlen(name);
    return line.size() > len && line.compare(0, len, name) == 0 && line[len] == ':';
}

// The top-level member of a fleet output (fleet.h kFleetOutputs) as a YAML key. It holds a list
// or a mapping, so YAML writes nothing after its key (or `[]`): "Command: aws ssm ..." in a
// prompt line before a JSON paste is not mistaken for it.
bool yaml_fleet_key(std::string_view line) {
    for (const FleetOutputName& o : kFleetOutputs)
        if (yaml_key(line, o.member)) {
            const std::string_view rest = line.substr(std::strlen(o.member) + 1);
            if (rest.empty() || rest == " []" || rest == " {}") return true;
        }
    return false;
}

// A member name of GetCommandInvocationResult, or a fleet output's, followed by ':' (a YAML
// mapping key). A whole invocation has one per member; a log's "Status: ok" is one alone, so
// two are asked for (other_cli_format).
bool yaml_member_key(std::string_view line) {
    for (const char* name : kModelMembers)
        if (yaml_key(line, name)) return true;
    return yaml_fleet_key(line);
}

bool table_title(std::string_view line) {
    if (line.find("GetCommandInvocation") != std::string_view::npos) return true;
    for (const FleetOutputName& o : kFleetOutputs)
        if (line.find(o.operation) != std::string_view::npos) return true;
    return false;
}

bool text_row(std::string_view line) {
    if (starts_with(line, "CLOUDWATCHOUTPUTCONFIG\t")) return true;
    for (const FleetOutputName& o : kFleetOutputs)
        if (starts_with(line, o.text_row) && line.size() > std::strlen(o.text_row) && line[std::strlen(o.text_row)] == '\t') return true;
    return false;
}

// `--output text` prints the scalar members on one line, tab-separated in alphabetical order,
// so its first field is the CommandId (uuid_shaped, ids.h); the nested structure gets a line of
// its own.
bool text_output_line(std::string_view line) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || !uuid_shaped(line.substr(0, tab))) return false;
    std::size_t tabs = 0;
    for (char c : line) tabs += c == '\t';
    return tabs >= 4;
}

// Every signature starts its line with a letter or digit (a YAML key, a text row, a CommandId),
// '-' (yaml-stream) or '|' (a table). Inside JSON every line starts with white space, a quote or a
// bracket, so a JSON document never matches one, however long, and its lines cost one byte each
// (testing each signature on the 400,000 lines of a 10,000-invocation fleet took 27 ms).
bool may_start_signature(std::string_view line) {
    if (line.empty()) return false;
    const char c = line[0];
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '|';
}

// The first signature in the text, and where its line starts.
InputFormat other_cli_format(std::string_view text, std::size_t& line_start) {
    InputFormat found = InputFormat::Unknown;
    int yaml_keys = 0;  // a whole output has one per member; a log line "Status: ok" is one alone
    for_each_line(text, [&](std::string_view line, std::size_t start) {
        if (!may_start_signature(line)) return true;
        line_start = start;
        if (starts_with(line, "- ") && yaml_member_key(line.substr(2))) { found = InputFormat::YamlStream; return false; }
        if (yaml_fleet_key(line) || (yaml_member_key(line) && ++yaml_keys == 2)) { found = InputFormat::Yaml; return false; }
        if (starts_with(line, "|") && table_title(line)) { found = InputFormat::Table; return false; }
        if (text_row(line) || text_output_line(line)) { found = InputFormat::Text; return false; }
        return true;
    });
    return found;
}

const char* other_format_code(InputFormat f) {
    switch (f) {
        case InputFormat::Text: return "input.text";
        case InputFormat::Table: return "input.table";
        default: return "input.no_json";
    }
}

// ---- yaml_span --------------------------------------------------------------------------------

// A line of the CLI's YAML at column 0: a mapping key (`CommandId: ...`, `Commands:`; the model's
// names need no quotes), a sequence entry (`- ...`, yaml-stream's and the CLI's indentless lists),
// a comment, or a document start (`---`). Every other line of it is indented or blank.
bool yaml_top_line(std::string_view line) {
    if (line == "-" || starts_with(line, "- ") || starts_with(line, "#") || line == "---" || starts_with(line, "--- ")) return true;
    std::size_t i = 0;
    while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' || line[i] == '$' ||
                               line[i] == '.' || line[i] == '-'))
        ++i;
    return i > 0 && i < line.size() && line[i] == ':' && (i + 1 == line.size() || line[i + 1] == ' ');
}
bool yaml_inner_line(std::string_view line) {  // indented, or blank (inside a multi-line scalar)
    return line.empty() || line[0] == ' ' || line[0] == '\t';
}

// The YAML document around the signature line at `sig`: back over the lines of it before the
// signature (`CloudWatchOutputConfig:` and its members come before `CommandId:`), forward while
// lines are YAML's, so a prompt before it or after it (`$ `, `PS C:\> `) is left out. Blank lines
// belong to it only when more of it follows; a `...` (document end) or a second `---` ends it.
void yaml_span(std::string_view body, std::size_t sig, std::size_t& begin, std::size_t& end) {
    begin = sig;
    while (begin > 0) {
        const std::size_t newline = begin - 1;  // the line before ends here
        const std::size_t before = newline == 0 ? std::string_view::npos : body.rfind('\n', newline - 1);
        const std::size_t prev = before == std::string_view::npos ? 0 : before + 1;
        std::string_view line = body.substr(prev, newline - prev);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos || !(yaml_top_line(line) || yaml_inner_line(line))) break;
        begin = prev;
    }
    end = sig;
    for_each_line(body.substr(sig), [&](std::string_view line, std::size_t start) {
        if (start > 0 && (line == "..." || line == "---" || starts_with(line, "--- "))) return false;
        const bool blank = line.find_first_not_of(" \t") == std::string_view::npos;
        if (!blank && !yaml_top_line(line) && !yaml_inner_line(line)) return false;
        if (!blank) end = sig + start + line.size();
        return true;
    });
}

// ---- starts_json ------------------------------------------------------------------------------

// Does a line start a JSON document (after blanks)? '{' does; so does a quote (a fragment of one,
// which deserves the JSON reader's diagnostics rather than a plain view). '[' does as an array of
// objects, strings or arrays, alone at the end of its line (a pretty-printed array opens), or
// when the line ends with ']': a log's "[INFO] started" does not. A line that is one JSON scalar
// (42, -1.5e3, true, null) does too, so `--query ResponseCode` output is named as what it is.
bool json_scalar(std::string_view v) {
    if (v == "true" || v == "false" || v == "null") return true;
    std::size_t i = v.size() > 0 && v[0] == '-' ? 1 : 0;
    const std::size_t digits = i;
    while (i < v.size() && ((v[i] >= '0' && v[i] <= '9') || v[i] == '.' || v[i] == 'e' || v[i] == 'E' || v[i] == '+' || v[i] == '-')) ++i;
    return i == v.size() && i > digits && v[digits] >= '0' && v[digits] <= '9';
}

bool starts_json(std::string_view line) {
    std::size_t i = 0, end = line.size();
    while (i < end && (line[i] == ' ' || line[i] == '\t')) ++i;
    while (end > i && (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\r')) --end;
    if (i == end) return false;
    if (line[i] == '{' || line[i] == '"') return true;
    if (line[i] != '[') return json_scalar(line.substr(i, end - i));
    if (line[end - 1] == ']') return true;
    ++i;
    while (i < end && (line[i] == ' ' || line[i] == '\t')) ++i;
    return i == end || line[i] == '{' || line[i] == '"' || line[i] == '[';
}

bool has_json_line(std::string_view text) {
    bool found = false;
    for_each_line(text, [&](std::string_view line, std::size_t) {
        if (starts_json(line)) { found = true; return false; }
        return true;
    });
    return found;
}

// ---- find_json_start ------------------------------------------------------------------------

std::size_t find_json_start(std::string_view text) {
    std::size_t found = std::string_view::npos;
    for_each_line(text, [&](std::string_view line, std::size_t start) {
        std::size_t i = 0;
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        if (i < line.size() && line[i] == '{') { found = start + i; return false; }
        return true;
    });
    if (found != std::string_view::npos) return found;
    const std::size_t brace = text.find('{');
    if (brace != std::string_view::npos) return brace;
    std::size_t i = 0;
    while (i < text.size() && is_blank(text[i])) ++i;
    return i;
}

}  // namespace

Located locate_json(std::string_view text, DiagnosticSink& sink) {
    Located out;
    if (has_utf16_bom(text)) {
        out.format = InputFormat::Binary;
        sink.add(Severity::Error, "input.utf16",
                 "This text is UTF-16 (as Windows PowerShell 5.1 saves `aws ... > file`); ssmview reads UTF-8. Save it "
                 "with `| Out-File -Encoding utf8`, or open it with the ssmview CLI, which converts it.",
                 "", 0);
        return out;
    }
    std::size_t start = 0;
    if (starts_with(text, "\xEF\xBB\xBF")) {
        start = 3;
        sink.add(Severity::Info, "input.bom", "A UTF-8 byte order mark at the start was skipped.", "", 0);
    }
    std::string_view body = text.substr(start);

    std::size_t first = 0;
    while (first < body.size() && is_blank(body[first])) ++first;
    if (first == body.size()) {
        out.format = InputFormat::Empty;
        sink.add_unplaced(Severity::Error, "input.empty",
                          body.empty() ? "The input is empty: paste the output of `aws ssm get-command-invocation --output json`."
                                       : "The input is only white space: paste the output of `aws ssm get-command-invocation --output json`.");
        return out;
    }
    if (looks_binary(body)) {
        out.format = InputFormat::Binary;
        sink.add(Severity::Error, "input.binary",
                 "This is binary data, not text: paste the JSON that `aws ssm get-command-invocation` prints.", "", start);
        return out;
    }

    std::size_t signature = 0;
    const InputFormat other = other_cli_format(body, signature);
    if (other == InputFormat::Yaml || other == InputFormat::YamlStream) {
        std::size_t begin = 0, end = 0;
        yaml_span(body, signature, begin, end);
        if (begin > first)
            sink.add(Severity::Info, "input.text_before", "Text before the YAML (a prompt or the command line) was skipped.", "",
                     start + first);
        std::size_t rest = end;
        while (rest < body.size() && is_blank(body[rest])) ++rest;
        if (rest < body.size())
            sink.add(Severity::Info, "input.text_after", "Text after the YAML (a prompt) was skipped.", "", start + rest);
        out.format = other;
        out.read_yaml = true;
        out.begin = start + begin;
        out.end = start + end;
        return out;
    }
    if (other != InputFormat::Unknown) {
        out.format = other;
        sink.add(Severity::Error, other_format_code(other),
                 std::string("This is AWS CLI `--output ") + input_format_name(other) +
                     "` output; ssmview reads JSON. Run the command again with `--output json`.",
                 "", start);
        return out;
    }

    if (!has_json_line(body)) {
        out.format = InputFormat::Plain;
        out.begin = start;
        sink.add(Severity::Warning, "input.plain",
                 "This is not AWS CLI JSON, so it is shown as plain output, with no status. For the whole report, "
                 "paste what `aws ssm get-command-invocation --output json` prints.",
                 "", start + first);
        return out;
    }

    const std::size_t json_start = find_json_start(body);
    const char c = body[json_start];
    const bool plausible = c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') ||
                           starts_with(body.substr(json_start), "true") || starts_with(body.substr(json_start), "false") ||
                           starts_with(body.substr(json_start), "null") || starts_with(body.substr(json_start), "NaN") ||
                           starts_with(body.substr(json_start), "Infinity");
    if (!plausible) {
        out.format = InputFormat::Unknown;
        std::size_t end = body.find_first_of("\r\n", json_start);
        const std::string_view line = body.substr(json_start, (end == std::string_view::npos ? body.size() : end) - json_start);
        // The first 40 characters, counted in code points: a cut by bytes could split one.
        const std::size_t cut = utf8_advance(line, 0, 40);
        std::string head(line.substr(0, cut));
        if (cut < line.size()) head += "...";
        sink.add(Severity::Error, "input.no_json",
                 "No JSON object found (the text starts with \"" + head +
                     "\"). Paste the output of `aws ssm get-command-invocation --output json`.",
                 "", start + json_start);
        return out;
    }
    if (json_start > first) {
        sink.add(Severity::Info, "input.text_before",
                 "Text before the JSON (a prompt or the command line) was skipped.", "", start + first);
    }
    out.format = InputFormat::Json;
    out.read_json = true;
    out.begin = start + json_start;
    return out;
}

}  // namespace ssmview
