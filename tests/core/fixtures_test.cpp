// tests/core/fixtures_test.cpp: real AWS CLI v2 output, every state, every --output format.
//
// The fixtures come from /usr/bin/aws against a local stub (scripts/make_fixtures.sh); the file
// name says the state, so each expectation here is written once, independently of the core.
#include <catch2/catch.hpp>

#include "test_support.h"
#include "text_encoding.h"

using namespace ssmview;
using namespace ssmview_test;

namespace {
struct Expect { const char* state; const char* phase; const char* detail; bool terminal; const char* waiter; };
const Expect kStates[] = {
    {"pending", "pending", "", false, "retry"},
    {"in_progress", "in_progress", "", false, "retry"},
    {"delayed", "delayed", "", false, "retry"},
    {"success", "success", "", true, "success"},
    {"success_rich", "success", "", true, "success"},
    {"truncated", "success", "", true, "success"},
    {"windows", "success", "", true, "success"},
    {"failed", "failed", "", true, "failure"},
    {"timed_out_delivery", "timed_out", "delivery_timed_out", true, "failure"},
    {"timed_out_execution", "timed_out", "execution_timed_out", true, "failure"},
    {"cancelled", "cancelled", "", true, "failure"},
    {"cancelling", "cancelling", "", false, "failure"},
    {"undeliverable", "failed", "undeliverable", true, "failure"},
    {"terminated", "cancelled", "terminated", true, "failure"},
};
}  // namespace

TEST_CASE("CLI json output of every state is valid and classified by its state", "[fixtures]") {
    for (const Expect& e : kStates) {
        INFO("state: " << e.state);
        const Report r = analyze(read_fixture(std::string("aws-cli/") + e.state + ".json"));
        CHECK(r.format == InputFormat::Json);
        CHECK(r.valid());
        REQUIRE(r.has_invocation);
        CHECK(std::string(phase_name(r.state.phase)) == e.phase);
        CHECK(std::string(detail_name(r.state.detail)) == e.detail);
        CHECK(r.state.terminal == e.terminal);
        CHECK(std::string(waiter_name(r.state.waiter)) == e.waiter);
        CHECK(r.count(Severity::Warning) == 0);
        CHECK(r.invocation.command_id.value.size() == 36);
    }
}

TEST_CASE("CLI text and table output is named with the --output json fix", "[fixtures]") {
    const std::pair<const char*, const char*> formats[] = {{"text", "input.text"}, {"table", "input.table"}};
    for (const Expect& e : kStates) {
        for (const auto& [ext, code] : formats) {
            INFO(e.state << "." << ext);
            const Report r = analyze(read_fixture(std::string("aws-cli/") + e.state + "." + ext));
            CHECK_FALSE(r.valid());
            CHECK_FALSE(r.has_invocation);
            REQUIRE(r.diagnostics.size() == 1);
            CHECK(r.diagnostics[0].code == code);
            CHECK(r.diagnostics[0].message.find("--output json") != std::string::npos);
            CHECK(std::string(input_format_name(r.format)) == ext);
        }
    }
}

TEST_CASE("API bodies as SSM sends them (compact, one line) read the same as the CLI's output", "[fixtures]") {
    for (const Expect& e : kStates) {
        INFO("state: " << e.state);
        const Report body = analyze(read_fixture(std::string("invocations/") + e.state + ".json"));
        const Report cli = analyze(read_fixture(std::string("aws-cli/") + e.state + ".json"));
        REQUIRE(body.has_invocation);
        CHECK(invocation_to_json(body.invocation) == invocation_to_json(cli.invocation));
        CHECK(body.state.phase == cli.state.phase);
    }
}

TEST_CASE("a terminal paste with a prompt and the command line around the JSON is read", "[fixtures]") {
    for (const char* name : {"pasted/terminal-prompt.txt", "pasted/terminal-prompt-crlf.txt", "pasted/terminal-prompt-bom.txt"}) {
        INFO(name);
        const Report r = analyze(read_fixture(name));
        CHECK(r.valid());
        REQUIRE(r.has_invocation);
        CHECK(r.state.phase == Phase::Success);
        CHECK(has_code(r, "input.text_before"));
        CHECK(has_code(r, "input.text_after"));
    }
    CHECK(has_code(analyze(read_fixture("pasted/terminal-prompt-bom.txt")), "input.bom"));
}

TEST_CASE("UTF-16 text as PowerShell 5.1 saves it is named, and reads once transcoded", "[fixtures]") {
    const std::string bytes = read_fixture("pasted/powershell-redirect-utf16le.json");
    const Report raw = analyze(bytes);
    CHECK(codes(raw) == std::vector<std::string>{"input.utf16"});
    REQUIRE(has_utf16_bom(bytes));
}
