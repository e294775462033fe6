// tests/core/yaml_reader_test.cpp: the AWS CLI's --output yaml and yaml-stream, read as JSON is.
//
// The twins are real AWS CLI v2 output of the same answer in each format (scripts/make_fixtures.sh),
// so "the same report as the JSON" is checked against the CLI itself, not against our idea of YAML.
#include <catch2/catch.hpp>

#include <set>

#include "test_support.h"

using namespace ssmview;
using namespace ssmview_test;

namespace {

// The report as `ssmview inspect --json` prints it, without what says how it was written.
Json without(const Report& r, std::set<std::string> keys) {
    Json j = report_to_json(r);
    for (const auto& k : keys) j.erase(k);
    return j;
}

const char* const kInvocationTwins[] = {"pending",     "in_progress",        "delayed",
                                        "success",     "success_rich",       "truncated",
                                        "failed",      "timed_out_delivery", "timed_out_execution",
                                        "cancelled",   "cancelling",         "undeliverable",
                                        "terminated"};

const std::string kHead = "CommandId: 1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7\nInstanceId: i-0802cc9316fe86d8a\n";

std::string crlf(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

}  // namespace

TEST_CASE("every CLI yaml and yaml-stream invocation reads as its JSON twin", "[yaml]") {
    for (const char* state : kInvocationTwins) {
        const Report json = analyze(read_fixture(std::string("aws-cli/") + state + ".json"));
        REQUIRE(json.has_invocation);
        for (const char* ext : {"yaml", "yaml-stream"}) {
            INFO(state << "." << ext);
            const Report yaml = analyze(read_fixture(std::string("aws-cli/") + state + "." + ext));
            CHECK(std::string(input_format_name(yaml.format)) == ext);
            CHECK(yaml.valid());
            REQUIRE(yaml.has_invocation);
            CHECK(without(yaml, {"format", "diagnostics"}) == without(json, {"format", "diagnostics"}));
            // What the JSON says about the invocation, the YAML says too, at the same members.
            std::set<std::pair<std::string, std::string>> from_json, from_yaml;
            for (const auto& d : json.diagnostics) from_json.insert({d.code, d.path});
            for (const auto& d : yaml.diagnostics)
                if (d.code.compare(0, 5, "yaml.") != 0) from_yaml.insert({d.code, d.path});
            CHECK(from_yaml == from_json);
        }
    }
}

TEST_CASE("the CLI's yaml and yaml-stream fleet outputs read as their JSON twin", "[yaml]") {
    const Report json = analyze(read_fixture("aws-cli/fleet-deploy.details.json"));
    REQUIRE(json.kind == ReportKind::Fleet);
    const Report yaml = analyze(read_fixture("aws-cli/fleet-deploy.details.yaml"));
    CHECK(yaml.kind == ReportKind::Fleet);
    CHECK(yaml.format == InputFormat::Yaml);
    CHECK(without(yaml, {"format", "diagnostics"}) == without(json, {"format", "diagnostics"}));
    // yaml-stream prints each page the CLI fetched as an element of its list; --output json
    // prints them merged. The pages are read one by one, and nothing else differs.
    const Report stream = analyze(read_fixture("aws-cli/fleet-deploy.details.yaml-stream"));
    CHECK(stream.kind == ReportKind::Fleet);
    CHECK(stream.fleet.pages == 3);
    CHECK(has_code(stream, "fleet.pages"));
    CHECK(without(stream, {"format", "diagnostics", "pages", "sources"}) == without(json, {"format", "diagnostics", "pages", "sources"}));
}

TEST_CASE("YAML with Windows line ends, a byte order mark and a prompt around it reads the same", "[yaml]") {
    const std::string yaml = read_fixture("aws-cli/success_rich.yaml");
    const Report plain = analyze(yaml);
    const Report windows = analyze("\xEF\xBB\xBF" + crlf("PS C:\\> aws ssm get-command-invocation --output yaml\n" + yaml + "PS C:\\> "));
    CHECK(windows.format == InputFormat::Yaml);
    CHECK(without(windows, {"diagnostics"}) == without(plain, {"diagnostics"}));
    CHECK(has_code(windows, "input.bom"));
    const Diagnostic* before = first_with(windows, "input.text_before");
    REQUIRE(before);
    CHECK(before->line == 1);
    const Diagnostic* after = first_with(windows, "input.text_after");
    REQUIRE(after);
    CHECK(after->message == "Text after the YAML (a prompt) was skipped.");
    // The findings about the YAML stand where they stood, one line further down.
    const Diagnostic* esc = first_with(plain, "yaml.escape_esc");
    const Diagnostic* moved = first_with(windows, "yaml.escape_esc");
    REQUIRE(esc);
    REQUIRE(moved);
    CHECK(moved->line == esc->line + 1);
    CHECK(moved->column == esc->column);
}

TEST_CASE("findings about members stand at their YAML line and column", "[yaml]") {
    const Report r = analyze(kHead + "ResponseCode: '0'\nStatus: Success\nStatusDetails: Success\n");
    CHECK(r.format == InputFormat::Yaml);
    const Diagnostic* d = first_with(r, "model.wrong_type");
    REQUIRE(d);
    CHECK(d->path == "/ResponseCode");
    CHECK(d->line == 3);
    CHECK(d->column == 15);  // the value, as for JSON
    // The same member in JSON is said the same way.
    const Report json = analyze(invocation_with("\"ResponseCode\": \"0\", \"Status\": \"Success\", \"StatusDetails\": \"Success\""));
    const Diagnostic* j = first_with(json, "model.wrong_type");
    REQUIRE(j);
    CHECK(d->message == j->message);
}

TEST_CASE("plain scalars resolve by YAML 1.2's core schema, as the CLI's ruamel.yaml writes them", "[yaml]") {
    const Report r = analyze(kHead + "Comment: yes\nResponseCode: 0x10\nDocumentName: on\nStatus: Pending\n");
    REQUIRE(r.has_invocation);
    CHECK(r.invocation.comment.value == "yes");  // YAML 1.1 would say true
    CHECK(r.invocation.document_name.value == "on");
    CHECK(r.invocation.response_code.value == 16);
    const Report typed = analyze(kHead + "DocumentVersion: 1\nComment: ~\nStatus: Pending\n");
    std::set<std::string> wrong;
    for (const auto& d : typed.diagnostics)
        if (d.code == "model.wrong_type") wrong.insert(d.path);
    CHECK(wrong == std::set<std::string>{"/DocumentVersion", "/Comment"});
    const Report quoted = analyze(kHead + "DocumentVersion: '1'\nComment: \"~\"\nStatus: Pending\n");
    CHECK_FALSE(has_code(quoted, "model.wrong_type"));
    CHECK(quoted.invocation.comment.value == "~");
}

TEST_CASE("YAML's traps are said, with the member they are in", "[yaml]") {
    const Report r = analyze(kHead +
                             "Comment: a comment long enough\n  to fold\n"
                             "ExecutionStartDateTime: 2026-11-20T14:03:07.512Z\n"
                             "StandardErrorContent: '\\e[31mred\\e[0m'\n"
                             "StandardOutputContent: \"\\e[32mok\\e[0m \\U0001F680\\n\"\n"
                             "Status: InProgress\n");
    REQUIRE(r.has_invocation);
    const Diagnostic* folded = first_with(r, "yaml.folded");
    REQUIRE(folded);
    CHECK(folded->path == "/Comment");
    CHECK(folded->line == 3);
    CHECK(folded->message ==
          "Comment is a long line the AWS CLI folded: YAML read 1 line break of it as a space. If the text was "
          "re-wrapped after the CLI printed it (by a terminal or an editor), its spaces differ from the command's "
          "output. `--output json` is exact.");
    CHECK(r.invocation.comment.value == "a comment long enough to fold");
    const Diagnostic* stamp = first_with(r, "yaml.plain_timestamp");
    REQUIRE(stamp);
    CHECK(stamp->path == "/ExecutionStartDateTime");
    CHECK(r.invocation.execution_start_date_time.value == "2026-11-20T14:03:07.512Z");  // the text, as written
    const Diagnostic* literal = first_with(r, "yaml.literal_escape");
    REQUIRE(literal);
    CHECK(literal->path == "/StandardErrorContent");
    CHECK(r.invocation.standard_error_content.value == "\\e[31mred\\e[0m");
    const Diagnostic* esc = first_with(r, "yaml.escape_esc");
    REQUIRE(esc);
    CHECK(esc->path == "/StandardOutputContent");
    CHECK(has_code(r, "yaml.escape_astral"));
    CHECK(r.invocation.standard_output_content.value == "\x1b[32mok\x1b[0m \xF0\x9F\x9A\x80\n");
    // A break YAML keeps (an empty line) or one escaped away (`\` at the end) is not a fold.
    const Report kept = analyze(kHead + "Comment: 'one\n\n  two'\nStandardOutputContent: \"a\\\n  b\"\nStatus: Pending\n");
    CHECK_FALSE(has_code(kept, "yaml.folded"));
    CHECK(kept.invocation.comment.value == "one\ntwo");
    CHECK(kept.invocation.standard_output_content.value == "ab");
}

TEST_CASE("YAML that cannot be read says why, where", "[yaml]") {
    SECTION("a syntax error, placed") {
        const Report r = analyze(kHead + "Status: Pending: now\n");
        const Diagnostic* d = first_with(r, "yaml.syntax");
        REQUIRE(d);
        CHECK(d->line == 3);
        CHECK(d->message.find("mapping values are not allowed") != std::string::npos);
        CHECK_FALSE(r.has_invocation);
    }
    SECTION("cut off inside a quoted string") {
        const Report r = analyze(kHead + "Status: Pending\nStandardOutputContent: \"half of it");
        const Diagnostic* d = first_with(r, "yaml.truncated");
        REQUIRE(d);
        CHECK(d->message.find("while scanning a quoted scalar at 4:24") != std::string::npos);
    }
    SECTION("a JSON surrogate pair, with the YAML spelling") {
        const Report r = analyze(kHead + "Status: Pending\nComment: \"\\ud83d\\ude80\"\n");
        const Diagnostic* d = first_with(r, "yaml.syntax");
        REQUIRE(d);
        CHECK(d->message == "\\ud83d is half of a JSON surrogate pair, which YAML does not have: write \\U0001F680, as the AWS CLI does.");
        CHECK(d->line == 4);
    }
    SECTION("an alias, refused") {
        const Report r = analyze(kHead + "Comment: &a lol\nStatus: *a\n");
        const Diagnostic* d = first_with(r, "yaml.unsupported");
        REQUIRE(d);
        CHECK(d->line == 4);
        CHECK(d->message.find("*a") != std::string::npos);
    }
    SECTION("a tag, refused; !!str read") {
        CHECK(has_code(analyze(kHead + "Comment: !!binary aGVsbG8=\nStatus: Pending\n"), "yaml.unsupported"));
        const Report str = analyze(kHead + "Comment: !!str 1\nStatus: Pending\n");
        CHECK_FALSE(has_code(str, "yaml.unsupported"));
        CHECK(str.invocation.comment.value == "1");
    }
    SECTION("nesting bounded") {
        std::string deep = kHead + "Status:\n  ";
        for (int i = 0; i < 600; ++i) deep += "- ";
        CHECK(has_code(analyze(deep + "x\n"), "yaml.too_deep"));
        CHECK(has_code(analyze(kHead + "Status: " + std::string(100000, '[')), "yaml.too_deep"));
    }
    SECTION("bytes that are not UTF-8, and raw control characters") {
        const Report bytes = analyze(kHead + "Status: Pending\nComment: \"\xC3\x28\"\n");
        const Diagnostic* d = first_with(bytes, "yaml.syntax");
        REQUIRE(d);
        CHECK(d->message.find("not UTF-8") != std::string::npos);
        CHECK(d->line == 4);
        const Report control = analyze(kHead + "Status: Pending\nComment: a\x07" "b\n");
        const Diagnostic* c = first_with(control, "yaml.syntax");
        REQUIRE(c);
        CHECK(c->message.find("raw control character (0x07)") != std::string::npos);
    }
}

TEST_CASE("a key given twice keeps the last value, as JSON does", "[yaml]") {
    const Report r = analyze(kHead + "Status: Pending\nStatus: Success\nStatusDetails: Success\n");
    const Diagnostic* d = first_with(r, "yaml.duplicate_key");
    REQUIRE(d);
    CHECK(d->line == 4);
    CHECK(r.invocation.status.value == "Success");
}

TEST_CASE("a yaml-stream of several invocations reads the first and says so", "[yaml]") {
    const std::string one = read_fixture("aws-cli/success.yaml-stream");
    const std::string two = one + read_fixture("aws-cli/failed.yaml-stream");
    const Report r = analyze(two);
    REQUIRE(r.has_invocation);
    CHECK(r.state.phase == Phase::Success);
    const Diagnostic* d = first_with(r, "input.text_after");
    REQUIRE(d);
    CHECK(d->message == "The yaml-stream's next elements were skipped: one invocation is read.");
}

TEST_CASE("a fleet's YAML cut off keeps the invocations read whole before the cut", "[yaml]") {
    const std::string whole = read_fixture("aws-cli/fleet-deploy.details.yaml");
    const std::string cut = whole.substr(0, whole.size() / 2);
    const Report r = analyze(cut);
    CHECK(r.kind == ReportKind::Fleet);
    CHECK(r.fleet.broken);
    CHECK(has_code(r, "fleet.page_broken"));
    const Report all = analyze(whole);
    CHECK_FALSE(r.fleet.invocations.empty());
    CHECK(r.fleet.invocations.size() < all.fleet.invocations.size());
}

TEST_CASE("an empty key or value at the very end of the text is placed inside it", "[yaml]") {
    // Found by fuzz_yaml_reader: an empty scalar has no character of its own, and at the end of
    // the text its place was one past the last byte.
    for (const std::string text : {kHead + "Status: Pending\nComment:", kHead + "Status: Pending\n? ", std::string("- CommandId: x\n  Status:\n-")}) {
        INFO(text);
        const Report r = analyze(text);
        for (const auto& d : r.diagnostics) CHECK(d.offset < text.size());
        if (r.invocation.comment.present) CHECK(r.invocation.comment.offset < text.size());
    }
    const Report empty = analyze(kHead + "Status: Pending\nComment:");
    const Diagnostic* d = first_with(empty, "model.wrong_type");
    REQUIRE(d);
    CHECK(d->path == "/Comment");
    CHECK(d->line == 4);
    CHECK(d->column == 1);  // the key: the value has no character
}
