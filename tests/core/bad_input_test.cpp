// tests/core/bad_input_test.cpp: hostile and broken input gets the diagnostic its kind calls for,
// never a crash, a hang, an abort or unbounded memory; every report is well formed.
//
// Index
//   well_formed         what must hold of any report: catalogued codes with their severity, one
//                       sentence each, places inside the text, paths that are JSON pointers,
//                       valid() exactly when there is no error
//   one class per case  empty, too large, just under the limit, binary, prose, every prefix of a
//                       real invocation, NUL bytes, single-byte corruptions, deep nesting
//
// Each class names the code it must produce; the random cases use fixed seeds, so a failure
// reproduces.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <random>

#include "test_support.h"

using namespace ssmview;
using namespace ssmview_test;

namespace {

const DiagnosticCode* catalogued(const std::string& code) {
    for (const DiagnosticCode& c : diagnostic_catalogue())
        if (code == c.code) return &c;
    return nullptr;
}

// RFC 6901: "" or a sequence of "/" + token, where '~' is only ever "~0" or "~1".
bool json_pointer(const std::string& p) {
    if (p.empty()) return true;
    if (p[0] != '/') return false;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (p[i] == '~' && (i + 1 >= p.size() || (p[i + 1] != '0' && p[i + 1] != '1'))) return false;
    return true;
}

// Lines (\n, \r\n or a lone \r end one) and the longest line in code points, counted here.
struct TextShape { int lines = 1; int longest = 0; };
TextShape shape_of(const std::string& t) {
    TextShape s;
    int current = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < t.size() && t[i + 1] == '\n') ++i;
            ++s.lines;
            current = 0;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            s.longest = std::max(s.longest, ++current);
        }
    }
    return s;
}

void check_well_formed(const std::string& text, const Report& r) {
    const TextShape shape = shape_of(text);
    bool any_error = false;
    for (const Diagnostic& d : r.diagnostics) {
        INFO(d.code << ": " << d.message << " at " << d.line << ":" << d.column << " path " << d.path);
        const DiagnosticCode* c = catalogued(d.code);
        REQUIRE(c != nullptr);
        CHECK(d.severity == c->severity);
        REQUIRE_FALSE(d.message.empty());
        CHECK((d.message.back() == '.' || d.message.back() == '?'));  // a sentence
        CHECK(json_pointer(d.path));
        CHECK((d.line == 0) == (d.column == 0));
        if (d.line != 0) {
            CHECK(d.offset <= text.size());
            CHECK(d.line <= shape.lines);
            CHECK(d.column <= shape.longest + 1);
        }
        any_error = any_error || d.severity == Severity::Error;
    }
    CHECK(r.valid() == !any_error);
    // No invocation read (and neither a fleet nor plain output): an error says why.
    if (!r.has_invocation && r.kind == ReportKind::Invocation) CHECK_FALSE(r.valid());
    if (r.kind == ReportKind::Plain) CHECK(r.invocation.standard_output_content.present);
    CHECK(r.json_begin <= r.json_end);
    CHECK(r.json_end <= text.size());
}

std::vector<std::string> errors_of(const Report& r) {
    std::vector<std::string> out;
    for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::Error) out.push_back(d.code);
    return out;
}

}  // namespace

TEST_CASE("empty and whitespace-only input is input.empty, with no place", "[bad]") {
    CHECK(codes(analyze("")) == std::vector<std::string>{"input.empty"});
    const Report blank = analyze(" \r\n\t\n");
    CHECK(codes(blank) == std::vector<std::string>{"input.empty"});
    CHECK(blank.diagnostics[0].message ==
          "The input is only white space: paste the output of `aws ssm get-command-invocation --output json`.");
    CHECK(analyze("").diagnostics[0].message ==
          "The input is empty: paste the output of `aws ssm get-command-invocation --output json`.");
    CHECK(blank.diagnostics[0].line == 0);
    check_well_formed(" \r\n\t\n", blank);
}

TEST_CASE("100 MB of input is refused by size before any parsing", "[bad]") {
    const std::string big(100u * 1000u * 1000u, '{');
    const Report r = analyze(big);
    CHECK(codes(r) == std::vector<std::string>{"input.too_large"});
    CHECK(r.diagnostics[0].message ==
          "The input is 100.0 MB; ssmview reads at most 32 MiB. GetCommandInvocation output is far smaller: is this the "
          "right text?");
    CHECK(kMaxInputBytes == 32u * 1024u * 1024u);  // the README and the message say 32 MiB
}

TEST_CASE("input exactly at the limit is read", "[bad]") {
    std::string text = "{\"CommandId\":\"1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7\",\"StandardOutputContent\":\"";
    text.append(kMaxInputBytes - text.size() - 2, 'x');
    text += "\"}";
    REQUIRE(text.size() == kMaxInputBytes);
    const Report r = analyze(text);
    CHECK(r.valid());
    CHECK(has_code(r, "constraint.stdout_length"));
    CHECK(codes(analyze(text + " ")) == std::vector<std::string>{"input.too_large"});
}

TEST_CASE("random bytes with a NUL in the first kBinarySniffBytes are input.binary and nothing else", "[bad]") {
    std::mt19937 rng(12345);
    for (int round = 0; round < 200; ++round) {
        std::string junk(static_cast<std::size_t>(rng() % 4096) + 1, '\0');
        for (auto& c : junk) c = static_cast<char>(rng());
        if (junk.size() >= 2) junk[0] = 'x';                    // no byte order mark
        junk[rng() % std::min(junk.size(), kBinarySniffBytes)] = '\0';
        INFO("round " << round);
        const Report r = analyze(junk);
        CHECK(codes(r) == std::vector<std::string>{"input.binary"});
        CHECK(r.format == InputFormat::Binary);
        check_well_formed(junk, r);
    }
}

TEST_CASE("prose with no JSON is plain output: the text whole as stdout, no status, input.plain", "[bad][plain]") {
    std::mt19937 rng(3);
    for (int round = 0; round < 100; ++round) {
        // Words of letters; the first starts with A..H, which no JSON value (nor NaN, Infinity) does.
        std::string prose(1, static_cast<char>('A' + rng() % 8));
        const std::size_t n = rng() % 120;
        for (std::size_t i = 0; i < n; ++i) prose += rng() % 6 == 0 ? ' ' : rng() % 40 == 0 ? '\n' : static_cast<char>('a' + rng() % 26);
        INFO(prose);
        const Report r = analyze(prose);
        REQUIRE(codes(r) == std::vector<std::string>{"input.plain"});
        CHECK(r.diagnostics[0].severity == Severity::Warning);
        CHECK(r.diagnostics[0].message == "This is not AWS CLI JSON, so it is shown as plain output, with no status. For the whole "
                                          "report, paste what `aws ssm get-command-invocation --output json` prints.");
        CHECK(r.kind == ReportKind::Plain);
        CHECK(r.format == InputFormat::Plain);
        CHECK(r.valid());
        CHECK_FALSE(r.has_invocation);
        CHECK(r.state.phase == Phase::Unknown);
        CHECK(r.invocation.standard_output_content.value == prose);
        check_well_formed(prose, r);
    }
}

TEST_CASE("text before a JSON fragment is quoted by its first 40 characters, never half of one", "[bad]") {
    // Found by fuzz_analyze: the quote was cut at 40 bytes, inside a character, and the message
    // was no longer UTF-8. (A line starting with a quote makes this a JSON fragment, not plain output.)
    std::string e39;
    for (int i = 0; i < 39; ++i) e39 += "\xC3\xA9";  // é, two bytes each
    const std::string tail = "\"). Paste the output of `aws ssm get-command-invocation --output json`.";
    const Report forty = analyze("A" + e39 + "\n\"Status\": \"Success\"");  // 40 characters, 79 bytes: quoted whole
    REQUIRE(codes(forty) == std::vector<std::string>{"input.no_json"});
    CHECK(forty.diagnostics[0].message == "No JSON object found (the text starts with \"A" + e39 + tail);
    const Report more = analyze("A" + e39 + "\xE2\x9A\xA0\xEF\xB8\x8F and more\n\"Status\": 1");  // ⚠️ is the 41st
    REQUIRE(codes(more) == std::vector<std::string>{"input.no_json"});
    CHECK(more.diagnostics[0].message == "No JSON object found (the text starts with \"A" + e39 + "..." + tail);
}

TEST_CASE("what --query StandardOutputContent --output text prints, and a terminal log, are plain output", "[bad][plain]") {
    // Logs whose lines look like other things: a bracketed level, a timestamp, a key: value line
    // with a member's name, tabs, a JSON object inside a line.
    const std::string log = "[INFO] starting deploy\n2026-11-20T14:03:07Z fetched 12 files\nStatus: ok\n"
                            "metric\tvalue\tunit\nuptime\t1724011\ts\npayload {\"id\": 7} sent\n\x1b[32mdone\x1b[0m\n";
    const Report r = analyze(log);
    CHECK(codes(r) == std::vector<std::string>{"input.plain"});
    CHECK(r.kind == ReportKind::Plain);
    CHECK(r.invocation.standard_output_content.value == log);
    // A byte order mark is skipped, and said so.
    const Report bom = analyze("\xEF\xBB\xBFhello\n");
    CHECK(codes(bom) == std::vector<std::string>{"input.bom", "input.plain"});
    CHECK(bom.invocation.standard_output_content.value == "hello\n");
    // The whole-invocation formats are read as what they are, not as plain output.
    const Report yaml = analyze("CommandId: x\nStatus: Success\n");
    CHECK(yaml.format == InputFormat::Yaml);
    CHECK(yaml.has_invocation);
    // What the real AWS CLI v2 printed for `--query StandardOutputContent --output text`: the same
    // output the JSON's StandardOutputContent holds, plus the newline the CLI ends its text with.
    const std::string queried = read_fixture("aws-cli/success_rich.stdout.text");
    const Report q = analyze(queried);
    CHECK(codes(q) == std::vector<std::string>{"input.plain"});
    const Report whole = analyze(read_fixture("aws-cli/success_rich.json"));
    REQUIRE(whole.has_invocation);
    CHECK(q.invocation.standard_output_content.value == whole.invocation.standard_output_content.value + "\n");
    // One JSON scalar, or a bracketed array, still goes to the JSON reader (model.not_object).
    CHECK(codes(analyze("42\n")) == std::vector<std::string>{"model.not_object"});
    CHECK(codes(analyze("[1, 2]")) == std::vector<std::string>{"model.not_object"});
}

TEST_CASE("every prefix of a real invocation is json.truncated, and nothing else but a cut character", "[bad]") {
    const std::string full = read_fixture("aws-cli/success_rich.json");
    const std::size_t closing = full.rfind('}');  // every prefix that lacks it
    REQUIRE(closing != std::string::npos);
    for (std::size_t n = 1; n <= closing; ++n) {
        const std::string prefix = full.substr(0, n);
        INFO("prefix of " << n << " bytes");
        const Report r = analyze(prefix);
        CHECK(errors_of(r) == std::vector<std::string>{"json.truncated"});
        CHECK_FALSE(r.has_invocation);
        for (const Diagnostic& d : r.diagnostics) {
            if (d.code == "json.truncated") continue;
            // The only other finding: the prefix ends inside a multi-byte character.
            CHECK(d.code == "json.invalid_utf8");
            CHECK(d.offset + 4 > n);
            CHECK((static_cast<unsigned char>(full[n]) & 0xC0) == 0x80);
        }
        check_well_formed(prefix, r);
    }
}

TEST_CASE("a NUL byte anywhere in a real invocation is input.binary", "[bad]") {
    const std::string full = read_fixture("aws-cli/failed.json");
    REQUIRE(full.size() <= kBinarySniffBytes);
    for (std::size_t at = 0; at < full.size(); at += 13) {
        std::string t = full;
        t[at] = '\0';
        INFO("NUL at " << at);
        const Report r = analyze(t);
        CHECK(codes(r) == std::vector<std::string>{"input.binary"});
        check_well_formed(t, r);
    }
}

TEST_CASE("random single-byte corruptions of a real invocation give well-formed reports", "[bad]") {
    const std::string full = read_fixture("aws-cli/failed.json");
    std::mt19937 rng(7);
    int invalid = 0, with_invocation = 0;
    for (int round = 0; round < 2000; ++round) {
        std::string t = full;
        const std::size_t at = rng() % t.size();
        t[at] = static_cast<char>(rng());
        INFO("byte " << at << " set to " << static_cast<int>(static_cast<unsigned char>(t[at])));
        const Report r = analyze(t);
        check_well_formed(t, r);
        // A JSON error is placed, and never on a line before the corrupted byte's (it may point at
        // the start of the number, string escape or word the byte broke).
        const int line_of_byte = 1 + static_cast<int>(std::count(t.begin(), t.begin() + static_cast<long>(at), '\n'));
        for (const Diagnostic& d : r.diagnostics)
            if (d.severity == Severity::Error && d.code.rfind("json.", 0) == 0) {
                CHECK(d.line >= line_of_byte);
            }
        invalid += !r.valid();
        with_invocation += r.has_invocation;
    }
    // Both kinds occur: the corruption test exercises the reader's errors and the later stages.
    CHECK(invalid > 100);
    CHECK(with_invocation > 100);
}

TEST_CASE("deep nesting is json.too_deep at the first level past the limit", "[bad]") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "{\"a\":";
    const Report objects = analyze(deep);
    CHECK(errors_of(objects) == std::vector<std::string>{"json.too_deep"});
    const Diagnostic* d = first_with(objects, "json.too_deep");
    REQUIRE(d);
    CHECK(d->offset == static_cast<std::size_t>(kMaxJsonDepth) * 5);  // the brace that opens level kMaxJsonDepth + 1
    check_well_formed(deep, objects);

    const std::string arrays(static_cast<std::size_t>(kMaxJsonDepth) + 1, '[');
    CHECK(errors_of(analyze(arrays)) == std::vector<std::string>{"json.too_deep"});
    const std::string at_limit = std::string(static_cast<std::size_t>(kMaxJsonDepth), '[') +
                                 std::string(static_cast<std::size_t>(kMaxJsonDepth), ']');
    CHECK(errors_of(analyze(at_limit)) == std::vector<std::string>{"model.not_object"});
}

TEST_CASE("an object with 200,000 members is read in linear time", "[bad]") {
    // Each member's place was once found by a scan of all places: 80,000 members took 15 s and
    // 200,000 took minutes. Linear work takes well under a second; the bound leaves room for
    // sanitizers, WebAssembly and a busy machine.
    std::string many = "{";
    for (int i = 0; i < 200000; ++i) many += (i ? ",\"m" : "\"m") + std::to_string(i) + "\":0";
    many += "}";
    const auto start = std::chrono::steady_clock::now();
    const Report r = analyze(many);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 20.0);
    CHECK(r.valid());
    CHECK(r.invocation.unknown.size() == 200000);
    const Diagnostic* unknown = first_with(r, "model.unknown_member");
    REQUIRE(unknown);
    CHECK(unknown->offset == 1);  // placed at its key, as found in the index
    check_well_formed(many, r);
}
