// tests/aws/credentials_process_test.cpp: running a credential helper: no shell, a timeout,
// bounded output, and every way it can fail, each said plainly and without the secret.
#include <catch2/catch.hpp>

#include <chrono>
#include <unistd.h>

#include "credentials.h"
#include "fake_env.h"

using namespace ssmview::aws;
using ssmview::test::FakeEnv;
using ssmview::test::TempDir;
using Outcome = SourceResult::Outcome;

namespace {

const char* kSecret = "SECRETxSHOULDxNEVERxAPPEAR";

std::vector<std::string> split(std::string_view text) {
    std::vector<std::string> argv;
    std::string error;
    REQUIRE(split_command_line(text, argv, error));
    return argv;
}

std::string split_error(std::string_view text) {
    std::vector<std::string> argv;
    std::string error;
    REQUIRE_FALSE(split_command_line(text, argv, error));
    return error;
}

SourceResult run(const std::string& command, int timeout_ms = 10000) {
    FakeEnv fake;
    return credentials_from_process(fake.environment(), command, "profile p (credential_process)", timeout_ms);
}

}  // namespace

TEST_CASE("command lines split like a POSIX shell splits them, with nothing expanded", "[process]") {
    CHECK(split("helper --profile dev") == std::vector<std::string>{"helper", "--profile", "dev"});
    CHECK(split("  a\t b  ") == std::vector<std::string>{"a", "b"});
    CHECK(split("'/opt/my tools/helper' \"two words\" three\\ words") ==
          std::vector<std::string>{"/opt/my tools/helper", "two words", "three words"});
    CHECK(split("\"a \\\"quoted\\\" \\$HOME \\n\"") == std::vector<std::string>{"a \"quoted\" $HOME \\n"});
    CHECK(split("'$HOME' $HOME `id` $(id)") == std::vector<std::string>{"$HOME", "$HOME", "`id`", "$(id)"});
    CHECK(split("helper; rm -rf ~") == std::vector<std::string>{"helper;", "rm", "-rf", "~"});
    CHECK(split("a '' b") == std::vector<std::string>{"a", "", "b"});
    CHECK(split_error("helper 'open") == "the command has an unterminated single quote");
    CHECK(split_error("helper \"open") == "the command has an unterminated double quote");
    CHECK(split_error("helper \\") == "the command ends with a lone backslash");
    CHECK(split_error("   ") == "the command is empty");
}

TEST_CASE("no shell: metacharacters reach the program as arguments", "[process]") {
    TempDir dir;
    const std::string marker = dir.path() + "/should-not-exist";
    const std::string script = dir.write("args.sh", "#!/bin/sh\nprintf '%s|' \"$@\"\n", true);
    ProcessRequest request;
    std::string error;
    REQUIRE(split_command_line(script + " a;touch " + marker + " $(touch " + marker + ") |x", request.argv, error));
    const ProcessResult p = run_process(request);
    CHECK(p.exit_code == 0);
    CHECK(p.out == "a;touch|" + marker + "|$(touch|" + marker + ")|" + "|x|");
    CHECK(access(marker.c_str(), F_OK) != 0);
}

TEST_CASE("run_process: exit status, stdout and stderr apart, extra environment", "[process]") {
    ProcessRequest request;
    request.argv = {"/bin/sh", "-c", "echo out; echo err >&2; echo \"$SSMVIEW_X\"; exit 3"};
    request.env = {{"SSMVIEW_X", "set"}};
    const ProcessResult p = run_process(request);
    CHECK(p.started);
    CHECK(p.exit_code == 3);
    CHECK(p.out == "out\nset\n");
    CHECK(p.err == "err\n");
}

TEST_CASE("run_process: a timeout kills the helper and what it started", "[process]") {
    ProcessRequest request;
    request.argv = {"/bin/sh", "-c", "sleep 30 & sleep 30; echo never"};
    request.timeout_ms = 300;
    const auto start = std::chrono::steady_clock::now();
    const ProcessResult p = run_process(request);
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK(p.timed_out);
    CHECK(p.term_signal == 9);
    CHECK(p.out == "");
    CHECK(took < std::chrono::seconds(5));
}

TEST_CASE("run_process: output beyond the bound stops the helper", "[process]") {
    ProcessRequest request;
    request.argv = {"/bin/sh", "-c", "yes secret-ish"};
    request.max_output_bytes = 10000;
    const ProcessResult p = run_process(request);
    CHECK(p.output_too_large);
    CHECK(p.out.size() <= 10000);
}

TEST_CASE("run_process: a program that does not exist is reported, not run", "[process]") {
    ProcessRequest request;
    request.argv = {"/nonexistent/helper"};
    const ProcessResult p = run_process(request);
    CHECK_FALSE(p.started);
    CHECK(p.error == "No such file or directory");
    request.argv = {"ssmview-no-such-helper-on-path"};
    CHECK(run_process(request).error == "No such file or directory");
}

TEST_CASE("credential_process: every failure says which and never quotes stdout", "[credentials][process]") {
    TempDir dir;
    auto script = [&](const std::string& name, const std::string& body) {
        return dir.write(name, "#!/bin/sh\n" + body + "\n", true);
    };
    const std::string good_json = std::string("{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"") +
                                  kSecret + "\"}";
    struct Case {
        std::string command;
        std::string detail;
    };
    const std::vector<Case> cases = {
        {script("fails.sh", "echo '" + good_json + "'; echo 'Error: the vault is sealed' >&2; exit 2"),
         "credential_process '" + dir.path() + "/fails.sh' exited with status 2 (its error output is not repeated here, since it may hold secrets: run it yourself to see it)"},
        {script("slow.sh", "sleep 20"), "credential_process '" + dir.path() + "/slow.sh' did not finish within 200 ms and was stopped"},
        {script("notjson.sh", std::string("echo ") + kSecret), "credential_process '" + dir.path() +
                                                                  "/notjson.sh' printed unusable output: the answer is not valid JSON"},
        {script("v2.sh", "echo '{\"Version\": 2, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"" + std::string(kSecret) + "\"}'"),
         "credential_process '" + dir.path() + "/v2.sh' printed unusable output: the JSON's Version is not 1 (only version 1 is defined)"},
        {script("nover.sh", "echo '{\"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\"}'"),
         "credential_process '" + dir.path() + "/nover.sh' printed unusable output: the JSON has no Version (it must be 1)"},
        {script("nosecret.sh", "echo '{\"Version\": 1, \"AccessKeyId\": \"A\"}'"),
         "credential_process '" + dir.path() + "/nosecret.sh' printed unusable output: the JSON has no SecretAccessKey"},
        {script("badexp.sh", "echo '{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\", \"Expiration\": \"tomorrow\"}'"),
         "credential_process '" + dir.path() + "/badexp.sh' printed unusable output: the JSON's Expiration 'tomorrow' is not an ISO-8601 time"},
        {script("array.sh", "echo '[1]'"), "credential_process '" + dir.path() + "/array.sh' printed unusable output: the answer is not a JSON object"},
        {script("killed.sh", "kill -9 $$"), "credential_process '" + dir.path() + "/killed.sh' was ended by signal 9"},
        {dir.path() + "/missing.sh", "could not run credential_process '" + dir.path() + "/missing.sh': No such file or directory"},
        {"'unterminated", "credential_process cannot be read: the command has an unterminated single quote"},
    };
    for (const Case& c : cases) {
        INFO(c.command);
        const SourceResult r = run(c.command, c.command.find("slow") != std::string::npos ? 200 : 10000);
        CHECK(r.outcome == Outcome::Failed);
        CHECK(r.detail == c.detail);
        CHECK(r.detail.find(kSecret) == std::string::npos);
    }
}

TEST_CASE("credential_process: arguments reach the helper; Token and SessionToken both work", "[credentials][process]") {
    TempDir dir;
    const std::string script = dir.write("echoarg.sh",
        "#!/bin/sh\necho \"{\\\"Version\\\": 1, \\\"AccessKeyId\\\": \\\"$1\\\", \\\"SecretAccessKey\\\": \\\"S\\\"}\"\n", true);
    const SourceResult r = run(script + " 'KEY-FROM-ARG'");
    REQUIRE(r.outcome == Outcome::Found);
    CHECK(r.credentials.access_key_id == "KEY-FROM-ARG");
    CHECK(r.credentials.source == "profile p (credential_process)");

    Credentials c;
    std::string error;
    REQUIRE(parse_credentials_json(R"({"AccessKeyId":"A","SecretAccessKey":"S","Token":"T","Expiration":"2026-01-01T00:00:00Z"})",
                                   false, c, error));
    CHECK(c.session_token == "T");
    CHECK(c.expires_at_ms == 1767225600000LL);
    REQUIRE_FALSE(parse_credentials_json(R"({"AccessKeyId":"A","SecretAccessKey":"S S"})", false, c, error));
    CHECK(error == "the secret access key holds a space or a control character");
    REQUIRE_FALSE(parse_credentials_json(R"({"AccessKeyId":7,"SecretAccessKey":"S"})", false, c, error));
    CHECK(error == "the JSON's AccessKeyId is not a string");
    REQUIRE_FALSE(parse_credentials_json(R"({"AccessKeyId":"","SecretAccessKey":"S"})", false, c, error));
    CHECK(error == "the JSON's AccessKeyId is empty");
}
