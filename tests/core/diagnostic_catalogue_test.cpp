// tests/core/diagnostic_catalogue_test.cpp: every code in the catalogue is reachable, with the
// catalogued severity, and nothing outside the catalogue is ever emitted.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "test_support.h"

using namespace ssmview;
using namespace ssmview_test;

namespace {

std::string succeeded(const std::string& extra) {
    return invocation_with("\"PluginName\": \"aws:runShellScript\", \"ResponseCode\": 0, \"ExecutionStartDateTime\": "
                           "\"2026-11-20T14:03:07.512Z\", \"ExecutionElapsedTime\": \"PT12.034S\", \"ExecutionEndDateTime\": "
                           "\"2026-11-20T14:03:19.546Z\", \"Status\": \"Success\", \"StatusDetails\": \"Success\"" +
                           (extra.empty() ? "" : ", " + extra));
}

// One input per code. The key is the code the input must produce.
std::map<std::string, std::string> inputs() {
    std::map<std::string, std::string> m;
    m["input.empty"] = "";
    m["input.too_large"] = std::string(kMaxInputBytes + 1, ' ');
    m["input.utf16"] = std::string("\xFF\xFE{\0}\0", 6);
    m["input.binary"] = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    m["yaml.syntax"] = "CommandId: 1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7\nStatus: Pending: now\n";
    m["yaml.truncated"] = "CommandId: 1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7\nStatus: \"Succ";
    m["yaml.too_deep"] = "CommandId: x\nStatus: " + std::string(1000, '[');
    m["yaml.unsupported"] = "CommandId: &id x\nStatus: *id\n";
    m["yaml.duplicate_key"] = "CommandId: 1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7\nStatus: Pending\nStatus: Pending\n";
    m["yaml.plain_timestamp"] = "CommandId: 1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7\nStatus: Pending\nExecutionStartDateTime: 2026-11-20T14:03:07.512Z\n";
    m["yaml.folded"] = "CommandId: 1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7\nStatus: Pending\nComment: a long\n  comment\n";
    m["yaml.literal_escape"] = "CommandId: 1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7\nStatus: Pending\nComment: '\\e[31m red'\n";
    m["yaml.escape_esc"] = "CommandId: 1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7\nStatus: Pending\nComment: \"\\e[31m red\"\n";
    m["yaml.escape_astral"] = "CommandId: 1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7\nStatus: Pending\nComment: \"\\U0001F680\"\n";
    m["input.text"] = "1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7\t\tAWS-RunShellScript\t1\tPT1S\t\t\ti-0802cc9316fe86d8a\n";
    m["input.table"] = "------\n|  GetCommandInvocation  |\n+----+\n";
    m["input.no_json"] = "See below:\n\"Status\": \"Success\"\n";
    m["input.plain"] = "An error occurred (InvocationDoesNotExist) when calling the GetCommandInvocation operation:";
    m["input.text_before"] = "$ aws ssm get-command-invocation\n" + succeeded("");
    m["input.text_after"] = succeeded("") + "\n$ ";
    m["input.bom"] = "\xEF\xBB\xBF" + succeeded("");
    m["json.syntax"] = "{\"Status\" \"Success\"}";
    m["fleet.page_broken"] = "{\"CommandInvocations\": [{\"CommandId\": \"3f1c9a52-7d4e-4b8a-9c61-2e5f8d0b7a14\", \"InstanceId\": "
                             "\"i-0123456789abcdef0\", \"Status\": \"Success\", \"StatusDetails\": \"Success\"}, {";
    m["json.truncated"] = "{\"Status\": \"Succ";
    m["json.too_deep"] = std::string(1000, '[');
    m["json.control_character"] = "{\"Status\": \"a\x01\"}";
    m["json.bad_escape"] = "{\"Status\": \"\\q\"}";
    m["json.non_standard_literal"] = "{\"ResponseCode\": NaN}";
    m["json.number_out_of_range"] = "{\"ResponseCode\": 1e999}";
    m["json.invalid_utf8"] = succeeded("\"Comment\": \"\xFF\"");
    m["json.lone_surrogate"] = succeeded("\"Comment\": \"\\ud800\"");
    m["json.duplicate_key"] = succeeded("\"Status\": \"Success\"");
    m["model.not_object"] = "[]";
    m["model.wrong_type"] = succeeded("\"Comment\": 1");
    m["model.out_of_range"] = invocation_with("\"ResponseCode\": 3000000000");
    // Fleet outputs (list-command-invocations, list-commands, send-command).
    const std::string fleet_inv = R"({"CommandId": "1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7", "InstanceId": "i-0802cc9316fe86d8a", "Status": "Success", "StatusDetails": "Success")";
    const std::string plugin = R"({"Name": "aws:runShellScript", "Status": "Success", "StatusDetails": "Success", "ResponseCode": 0, "Output": )";
    m["fleet.pages"] = "{\"CommandInvocations\": [" + fleet_inv + "}], \"NextToken\": \"t\"}\n{\"CommandInvocations\": []}";
    m["fleet.link_dropped"] = "{\"CommandInvocations\": [" + fleet_inv + "}], \"SsmviewLink\": {\"DroppedInvocations\": {\"Success\": 3}}}";
    m["fleet.more_pages"] = "{\"CommandInvocations\": [" + fleet_inv + "}], \"NextToken\": \"t\"}";
    m["fleet.duplicate_invocation"] = "{\"CommandInvocations\": [" + fleet_inv + "}, " + fleet_inv + "}]}";
    m["fleet.other_document"] = "{\"CommandInvocations\": []}\n{\"Status\": \"Success\"}";
    m["fleet.no_details"] = "{\"CommandInvocations\": [" + fleet_inv + "}]}";
    m["fleet.output_split"] = "{\"CommandInvocations\": [" + fleet_inv + ", \"CommandPlugins\": [" + plugin +
                              "\"ok\\n\\n----------ERROR-------\\nwarn\"}]}]}";
    m["fleet.output_ambiguous"] = "{\"CommandInvocations\": [" + fleet_inv + ", \"CommandPlugins\": [" + plugin +
                                  "\"\\n----------ERROR-------\\na\\n----------ERROR-------\\nb\"}]}]}";
    m["fleet.plugin_output_cut"] = "{\"CommandInvocations\": [" + fleet_inv + ", \"CommandPlugins\": [" + plugin +
                                   "\"ok\\n---Output truncated---\"}]}]}";
    m["fleet.counters"] = R"({"Command": {"CommandId": "1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7", "Status": "InProgress", "TargetCount": 2, "CompletedCount": 3, "ErrorCount": 0, "DeliveryTimedOutCount": 0}})";
    m["fleet.count_mismatch"] = R"({"Command": {"CommandId": "1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7", "Status": "Success", "TargetCount": 2, "CompletedCount": 2, "ErrorCount": 0, "DeliveryTimedOutCount": 0}})"
                                "\n{\"CommandInvocations\": [" + fleet_inv + "}]}";
    m["input.text_between"] = "{\"CommandInvocations\": [" + fleet_inv + "}], \"NextToken\": \"t\"}\n$ aws ssm list-command-invocations --starting-token t\n{\"CommandInvocations\": []}";
    m["model.no_members"] = "{}";
    m["model.unknown_member"] = succeeded("\"Extra\": 1");
    m["model.sdk_metadata"] = succeeded("\"ResponseMetadata\": {}");
    m["constraint.command_id_length"] = "{\"CommandId\": \"short\", \"Status\": \"Pending\"}";
    m["constraint.instance_id_pattern"] = succeeded("\"InstanceId\": \"web-1\"");
    m["constraint.plugin_name_length"] = succeeded("\"PluginName\": \"aws\"");
    m["constraint.comment_length"] = succeeded("\"Comment\": \"" + std::string(101, 'c') + "\"");
    m["constraint.document_name_pattern"] = succeeded("\"DocumentName\": \"My Document!\"");
    m["constraint.document_version_pattern"] = succeeded("\"DocumentVersion\": \"v1\"");
    m["constraint.stdout_length"] = succeeded("\"StandardOutputContent\": \"" + std::string(kMaxStdoutChars + 1, 'o') + "\"");
    m["constraint.stderr_length"] = succeeded("\"StandardErrorContent\": \"" + std::string(kMaxStderrChars + 1, 'e') + "\"");
    m["status.case"] = invocation_with("\"Status\": \"SUCCESS\", \"ResponseCode\": 0, \"ExecutionEndDateTime\": \"2026-11-20T14:03:19.546Z\"");
    m["status.unknown"] = invocation_with("\"Status\": \"Rebooting\"");
    m["status.details_unknown"] = invocation_with("\"Status\": \"InProgress\", \"StatusDetails\": \"Rebooting\"");
    m["status.missing"] = invocation_with("");
    m["status.contradiction"] = invocation_with("\"Status\": \"InProgress\", \"StatusDetails\": \"Success\"");
    m["state.success_nonzero_code"] = succeeded("\"ResponseCode\": 2");
    m["state.failed_zero_code"] = invocation_with(
        "\"ResponseCode\": 0, \"ExecutionStartDateTime\": \"2026-11-20T14:03:07.512Z\", \"ExecutionEndDateTime\": "
        "\"2026-11-20T14:03:08.512Z\", \"Status\": \"Failed\", \"StatusDetails\": \"Failed\"");
    m["state.finished_not_started"] = succeeded("\"ResponseCode\": -1");
    m["state.pending_with_output"] = invocation_with("\"ResponseCode\": -1, \"Status\": \"Pending\", \"StandardOutputContent\": \"hi\"");
    m["time.invalid"] = succeeded("\"ExecutionStartDateTime\": \"yesterday\"");
    m["time.duration_invalid"] = succeeded("\"ExecutionElapsedTime\": \"12 seconds\"");
    m["time.missing_end"] = invocation_with("\"ResponseCode\": 0, \"Status\": \"Success\", \"ExecutionEndDateTime\": \"\"");
    m["time.end_while_running"] = invocation_with(
        "\"ResponseCode\": -1, \"ExecutionEndDateTime\": \"2026-11-20T14:03:19.546Z\", \"Status\": \"InProgress\"");
    m["time.end_before_start"] = succeeded("\"ExecutionEndDateTime\": \"2026-11-20T14:00:00.000Z\"");
    m["time.elapsed_mismatch"] = succeeded("\"ExecutionElapsedTime\": \"PT1H\"");
    m["output.truncated"] = succeeded("\"StandardOutputContent\": \"a\\n---Output truncated---\"");
    m["output.at_limit"] = succeeded("\"StandardErrorContent\": \"" + std::string(kMaxStderrChars, 'e') + "\"");
    return m;
}

}  // namespace

TEST_CASE("every catalogued code is produced by an input made for it, with its severity", "[catalogue]") {
    const auto table = inputs();
    for (const DiagnosticCode& c : diagnostic_catalogue()) {
        INFO("code: " << c.code);
        const auto it = table.find(c.code);
        REQUIRE(it != table.end());
        const Report r = analyze(it->second);
        const Diagnostic* d = first_with(r, c.code);
        REQUIRE(d);
        CHECK(d->severity == c.severity);
        CHECK_FALSE(d->message.empty());
    }
    CHECK(table.size() == diagnostic_catalogue().size());
}

TEST_CASE("nothing outside the catalogue is emitted, and codes are unique", "[catalogue]") {
    std::set<std::string> known;
    for (const DiagnosticCode& c : diagnostic_catalogue()) CHECK(known.insert(c.code).second);
    for (const auto& [code, input] : inputs())
        for (const auto& d : analyze(input).diagnostics) {
            INFO("emitted " << d.code << " for the input made for " << code);
            CHECK(known.count(d.code) == 1);
        }
}

TEST_CASE("the input made for success triggers no diagnostic at all", "[catalogue]") {
    CHECK(analyze(succeeded("")).diagnostics.empty());
}

TEST_CASE("a repeated problem is listed kMaxPerCode (20) times and then counted", "[catalogue]") {
    REQUIRE(kMaxPerCode == 20);
    std::string many = "{\"CommandId\":\"1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7\"";
    for (int i = 0; i < 1000; ++i) many += ",\"x" + std::to_string(i) + "\":1";
    many += "}";
    const Report r = analyze(many);
    int listed = 0;
    for (const auto& d : r.diagnostics) listed += d.code == "model.unknown_member";
    CHECK(listed == 21);
    CHECK(r.diagnostics.back().message == "980 more like this are not listed.");
}

TEST_CASE("the README's table documents every code with the catalogue's severity and meaning", "[catalogue]") {
    const std::string readme = read_fixture("../../README.md");
    for (const DiagnosticCode& c : diagnostic_catalogue()) {
        INFO(c.code);
        CHECK(readme.find(std::string("| `") + c.code + "` | " + severity_name(c.severity) + " | " + c.summary + " |\n") !=
              std::string::npos);
    }
}

TEST_CASE("the catalogue states the output limits of data_limits.h", "[catalogue]") {
    auto summary = [](const std::string& code) {
        for (const DiagnosticCode& c : diagnostic_catalogue())
            if (code == c.code) return std::string(c.summary);
        return std::string();
    };
    auto thousands = [](std::size_t n) { return std::to_string(n / 1000) + "," + std::to_string(n % 1000 + 1000).substr(1); };
    CHECK(summary("constraint.stdout_length") == "StandardOutputContent is over " + thousands(kMaxStdoutChars) + " characters");
    CHECK(summary("constraint.stderr_length") == "StandardErrorContent is over " + thousands(kMaxStderrChars) + " characters");
}
