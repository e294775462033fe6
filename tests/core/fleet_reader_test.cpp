// tests/core/fleet_reader_test.cpp: send-command, list-commands and list-command-invocations
// output, as the real AWS CLI v2 printed it (tests/fixtures/aws-cli/fleet-*), read into a Fleet.
#include <catch2/catch.hpp>

#include <algorithm>

#include "fleet_report.h"
#include "test_support.h"

using namespace ssmview;
using namespace ssmview_test;

namespace {

const FleetInvocation* find_instance(const Report& r, const std::string& id) {
    for (const FleetInvocation& inv : r.fleet.invocations)
        if (inv.instance_id.value == id) return &inv;
    return nullptr;
}

std::string fleet_invocation(const std::string& instance, const std::string& members = "") {
    return R"({"CommandId": "3f1c9a52-7d4e-4b8a-9c61-2e5f8d0b7a14", "InstanceId": ")" + instance +
           R"(", "Status": "Success", "StatusDetails": "Success")" + (members.empty() ? "" : ", " + members) + "}";
}

}  // namespace

TEST_CASE("list-command-invocations --details, as the CLI prints it, is a fleet of every invocation", "[fleet_reader]") {
    const Report r = analyze(read_fixture("aws-cli/fleet-deploy.details.json"));
    REQUIRE(r.kind == ReportKind::Fleet);
    CHECK(r.valid());
    CHECK_FALSE(r.has_invocation);
    CHECK(r.format == InputFormat::Json);
    REQUIRE(r.fleet.sources == std::vector<FleetSource>{FleetSource::ListCommandInvocations});
    CHECK(r.fleet.pages == 1);
    CHECK_FALSE(r.fleet.more_pages);
    REQUIRE(r.fleet.invocations.size() == 12);
    const FleetCounts c = fleet_counts(r.fleet);
    CHECK(c.of(Phase::Success) == 9);
    CHECK(c.of(Phase::Failed) == 2);
    CHECK(c.of(Phase::TimedOut) == 1);
    const FleetInvocation& first = r.fleet.invocations.front();
    CHECK(first.instance_name.value == "web-01");
    CHECK(first.has_plugins);
    REQUIRE(first.plugins.size() == 1);
    CHECK(first.plugins[0].name.value == "aws:runShellScript");
    CHECK(first.plugins[0].stdout_text == "Fetching web-1.4.2.tar.gz\nUnpacking to /srv/web\nRestarting web.service\nweb is up\n");
    CHECK(first.plugins[0].state.phase == Phase::Success);
}

TEST_CASE("a plugin's Output is split back into stdout and stderr, and the split is said", "[fleet_reader]") {
    const Report r = analyze(read_fixture("aws-cli/fleet-deploy.details.json"));
    const FleetInvocation* failed = find_instance(r, "i-000005a1e00000009");
    REQUIRE(failed);
    CHECK(failed->state.phase == Phase::Failed);
    CHECK(failed->plugins[0].stdout_text == "Fetching web-1.4.2.tar.gz\n");
    CHECK(failed->plugins[0].stderr_text == "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4109 (apt-get)\n");
    CHECK(failed->plugins[0].response_code.value == 100);
    CHECK(first_with(r, "fleet.output_split")->message ==
          "A plugin's Output joins standard output and standard error; 2 were split back at the agent's ----------ERROR------- line.");
}

TEST_CASE("an Output the agent cut at 2,500 characters is marked cut and counted", "[fleet_reader]") {
    const Report r = analyze(read_fixture("aws-cli/fleet-deploy.details.json"));
    const FleetInvocation* long_one = find_instance(r, "i-000005a1e00000008");
    REQUIRE(long_one);
    CHECK(long_one->plugins[0].stdout_cut);
    CHECK(long_one->plugins[0].output.value.size() == kMaxPluginOutputChars);
    CHECK(first_with(r, "fleet.plugin_output_cut")->message ==
          "1 plugin output was cut by the agent to 2,500 characters. `aws ssm get-command-invocation` returns up to 24,000 "
          "characters of standard output, and S3 or CloudWatch Logs hold all of it when the command sent it there.");
}

TEST_CASE("a delivery time-out is classified like a single invocation's", "[fleet_reader]") {
    const Report r = analyze(read_fixture("aws-cli/fleet-deploy.details.json"));
    const FleetInvocation* never = find_instance(r, "i-000005a1e0000000b");
    REQUIRE(never);
    CHECK(never->state.phase == Phase::TimedOut);
    CHECK(never->state.detail == Detail::DeliveryTimedOut);
    CHECK(never->plugins[0].response_code.value == -1);
    CHECK_FALSE(never->plugins[0].start.valid);
}

TEST_CASE("the CLI's local-time stamps are read exactly, whatever the zone", "[fleet_reader]") {
    const Report utc = analyze(read_fixture("aws-cli/fleet-deploy.list-commands.json"));
    const Report ny = analyze(read_fixture("aws-cli/fleet-deploy.list-commands.new-york.json"));
    REQUIRE(utc.fleet.commands.size() == 1);
    REQUIRE(ny.fleet.commands.size() == 1);
    const FleetCommand& a = utc.fleet.commands[0];
    const FleetCommand& b = ny.fleet.commands[0];
    CHECK(read_fixture("aws-cli/fleet-deploy.list-commands.new-york.json").find("\"2026-11-20T09:03:07.512000-05:00\"") !=
          std::string::npos);
    CHECK(a.requested.epoch_ms == parse_timestamp("2026-11-20T14:03:07.512Z").epoch_ms);
    CHECK(b.requested.epoch_ms == a.requested.epoch_ms);
    CHECK(b.requested.offset_minutes == -300);
    CHECK(b.expires_after.epoch_ms == a.expires_after.epoch_ms);
}

TEST_CASE("list-commands gives the command with its counters, and progress comes from them", "[fleet_reader]") {
    const Report r = analyze(read_fixture("aws-cli/fleet-deploy.list-commands.json"));
    REQUIRE(r.kind == ReportKind::Fleet);
    CHECK(r.valid());
    CHECK(r.diagnostics.empty());
    const FleetCommand& c = r.fleet.commands.at(0);
    CHECK(c.command_id.value == "3f1c9a52-7d4e-4b8a-9c61-2e5f8d0b7a14");
    CHECK(c.state.phase == Phase::Failed);
    CHECK(c.target_count.value == 12);
    CHECK(c.error_count.value == 2);
    CHECK(c.delivery_timed_out_count.value == 1);
    CHECK(c.instance_ids.size() == 12);
    CHECK(c.details.at("Parameters").at("commands").at(0) == "/opt/deploy/deploy.sh web 1.4.2");
    const FleetCounts counts = fleet_counts(r.fleet);
    CHECK(counts.from_counters);
    CHECK(counts.done == 12);
    CHECK(counts.total == 12);
}

TEST_CASE("send-command output is a command that has not started", "[fleet_reader]") {
    const Report r = analyze(read_fixture("aws-cli/fleet-deploy.send-command.json"));
    REQUIRE(r.kind == ReportKind::Fleet);
    CHECK(r.valid());
    CHECK(r.fleet.sources == std::vector<FleetSource>{FleetSource::SendCommand});
    const FleetCommand& c = r.fleet.commands.at(0);
    CHECK(c.state.phase == Phase::Pending);
    CHECK_FALSE(c.state.terminal);
    CHECK(fleet_counts(r.fleet).done == 0);
    CHECK(fleet_counts(r.fleet).total == 12);
}

TEST_CASE("pages pasted one after the other, prompts between, read as the CLI's own paging does", "[fleet_reader]") {
    const Report pages = analyze(read_fixture("pasted/fleet-deploy-pages.txt"));
    const Report whole = analyze(read_fixture("aws-cli/fleet-deploy.details.json"));
    REQUIRE(pages.kind == ReportKind::Fleet);
    CHECK(pages.valid());
    CHECK(pages.fleet.pages == 3);
    CHECK_FALSE(pages.fleet.more_pages);
    CHECK(has_code(pages, "fleet.pages"));
    CHECK(has_code(pages, "input.text_between"));
    REQUIRE(pages.fleet.invocations.size() == whole.fleet.invocations.size());
    for (std::size_t i = 0; i < whole.fleet.invocations.size(); ++i) {
        const FleetInvocation& a = pages.fleet.invocations[i];
        const FleetInvocation& b = whole.fleet.invocations[i];
        INFO(b.instance_id.value);
        CHECK(a.instance_id.value == b.instance_id.value);
        CHECK(a.page == static_cast<int>(i / 5));
        CHECK(a.state.phase == b.state.phase);
        CHECK(a.plugins.at(0).output.value == b.plugins.at(0).output.value);
    }
    CHECK(fleet_to_json(pages, GroupMode::Exact)["groups"] == fleet_to_json(whole, GroupMode::Exact)["groups"]);
}

TEST_CASE("one page of several ends with a NextToken: the fleet is incomplete, and said so", "[fleet_reader]") {
    const std::string text = read_fixture("pasted/fleet-deploy-pages.txt");
    const std::size_t second = text.find("user@host:~$ aws", 10);
    const Report r = analyze(text.substr(0, second));
    CHECK(r.fleet.pages == 1);
    CHECK(r.fleet.invocations.size() == 5);
    CHECK(r.fleet.more_pages);
    CHECK(first_with(r, "fleet.more_pages")->message ==
          "The last page ends with a NextToken: there is more. Paste every page, or let the AWS CLI page for you "
          "(leave out --max-items and --no-paginate).");
}

TEST_CASE("a page pasted twice lists invocations twice: the first listing is kept, each repeat warned", "[fleet_reader]") {
    const std::string page = "{\"CommandInvocations\": [" + fleet_invocation("i-0123456789abcdef0") + ", " +
                             fleet_invocation("i-0123456789abcdef1") + "]}\n";
    const Report r = analyze(page + page);
    CHECK(r.fleet.invocations.size() == 2);
    CHECK(r.fleet.pages == 2);
    const Diagnostic* d = first_with(r, "fleet.duplicate_invocation");
    REQUIRE(d);
    CHECK(d->line == 2);
    CHECK(d->message ==
          "i-0123456789abcdef0 is listed again for command 3f1c9a52-7d4e-4b8a-9c61-2e5f8d0b7a14 (page 2): pages overlap, as "
          "when a NextToken is used twice. The first listing is kept.");
}

TEST_CASE("without --details there is nothing to group, and the report says how to get outputs", "[fleet_reader]") {
    const Report r = analyze(read_fixture("aws-cli/fleet-deploy.no-details.json"));
    CHECK(r.valid());
    CHECK(r.fleet.invocations.size() == 12);
    CHECK_FALSE(r.fleet.invocations[0].has_plugins);
    CHECK(has_code(r, "fleet.no_details"));
    CHECK(group_outputs(r.fleet, OutputStream::Stdout, GroupMode::Exact).empty());
}

TEST_CASE("a multi-step document's plugins are its steps, each classified", "[fleet_reader]") {
    const Report r = analyze(read_fixture("aws-cli/fleet-steps.details.json"));
    REQUIRE(r.fleet.invocations.size() == 3);
    const FleetInvocation& failed = r.fleet.invocations[2];
    REQUIRE(failed.plugins.size() == 2);
    CHECK(failed.plugins[0].name.value == "installDeps");
    CHECK(failed.plugins[0].state.phase == Phase::Success);
    CHECK(failed.plugins[1].name.value == "runTests");
    CHECK(failed.plugins[1].state.phase == Phase::Failed);
    CHECK(failed.plugins[1].stderr_text == "FAIL test_upload (timeout after 10 s)\nFAIL test_resize\n");
}

TEST_CASE("the fleet outputs in the CLI's text and table formats are recognized and answered with the --output json fix", "[fleet_reader]") {
    const std::pair<const char*, const char*> cases[] = {
        {"aws-cli/fleet-deploy.details.text", "input.text"},
        {"aws-cli/fleet-deploy.list-commands.table", "input.table"},
    };
    for (const auto& [file, code] : cases) {
        INFO(file);
        const Report r = analyze(read_fixture(file));
        CHECK_FALSE(r.valid());
        CHECK(codes(r) == std::vector<std::string>{code});
    }
}

TEST_CASE("a prompt line that reads like a YAML key does not hide the JSON after it", "[fleet_reader]") {
    const Report r = analyze("Command: aws ssm list-command-invocations\n{\"CommandInvocations\": [" +
                             fleet_invocation("i-0123456789abcdef0") + "]}");
    CHECK(r.kind == ReportKind::Fleet);
    CHECK(r.valid());
}

TEST_CASE("members deep in a page are type-checked and placed at their line and column", "[fleet_reader]") {
    const std::string text = "{\"CommandInvocations\": [\n" + fleet_invocation("i-0123456789abcdef0") + ",\n" +
                             fleet_invocation("i-0123456789abcdef1",
                                              "\"CommandPlugins\": [{\"Name\": \"aws:runShellScript\", \"ResponseCode\": \"0\", \"Extra\": 1}]") +
                             "\n]}";
    const Report r = analyze(text);
    CHECK_FALSE(r.valid());
    const Diagnostic* wrong = first_with(r, "model.wrong_type");
    REQUIRE(wrong);
    CHECK(wrong->path == "/CommandInvocations/1/CommandPlugins/0/ResponseCode");
    CHECK(wrong->message == "ResponseCode must be an integer, not a string.");
    CHECK(wrong->line == 3);
    const std::size_t value = text.find("\"0\""), line_break = text.rfind('\n', value);
    CHECK(wrong->column == static_cast<int>(value - line_break));  // 1-based: the character after the break is column 1
    const Diagnostic* unknown = first_with(r, "model.unknown_member");
    REQUIRE(unknown);
    CHECK(unknown->path == "/CommandInvocations/1/CommandPlugins/0/Extra");
    CHECK(unknown->message == "\"Extra\" is not a member of CommandPlugin in the API model; it is kept and shown.");
}

TEST_CASE("structures shown as given are checked member by member", "[fleet_reader]") {
    const Report r = analyze(R"({"Command": {"CommandId": "3f1c9a52-7d4e-4b8a-9c61-2e5f8d0b7a14", "Status": "Pending",
        "Targets": [{"Key": "tag:role", "Values": ["web", 7]}], "Parameters": {"commands": "ls"}}})");
    CHECK_FALSE(r.valid());
    std::vector<std::string> paths;
    for (const Diagnostic& d : r.diagnostics)
        if (d.code == "model.wrong_type") paths.push_back(d.path);
    CHECK(paths == std::vector<std::string>{"/Command/Targets/0/Values/1", "/Command/Parameters/commands"});
    CHECK(r.fleet.commands.at(0).details.contains("Targets"));
}

TEST_CASE("a plugin's and an invocation's status words are checked like a single invocation's, at their path", "[fleet_reader]") {
    const Report r = analyze("{\"CommandInvocations\": [" +
                             fleet_invocation("i-0123456789abcdef0",
                                              "\"CommandPlugins\": [{\"Name\": \"aws:runShellScript\", \"Status\": \"SUCCESS\", "
                                              "\"ResponseCode\": 2}]") +
                             "]}");
    const Diagnostic* c = first_with(r, "status.case");
    REQUIRE(c);
    CHECK(c->path == "/CommandInvocations/0/CommandPlugins/0/Status");
    CHECK(first_with(r, "state.success_nonzero_code")->path == "/CommandInvocations/0/CommandPlugins/0/ResponseCode");
}

TEST_CASE("a command's Status is checked against the command vocabulary, not an invocation's", "[fleet_reader]") {
    const Report r = analyze(R"({"Commands": [{"CommandId": "3f1c9a52-7d4e-4b8a-9c61-2e5f8d0b7a14", "Status": "Delayed"}]})");
    const Diagnostic* d = first_with(r, "status.unknown");
    REQUIRE(d);
    CHECK(d->path == "/Commands/0/Status");
    CHECK(d->message ==
          "Status \"Delayed\" is not one the API defines (Pending, InProgress, Success, Cancelled, Failed, TimedOut, "
          "Cancelling). It is shown as given.");
}

TEST_CASE("SDK-shaped pages are read: boto3's string times and metadata, the wire's epoch seconds", "[fleet_reader]") {
    const Report boto = analyze("{\"CommandInvocations\": [" +
                                fleet_invocation("i-0123456789abcdef0", "\"RequestedDateTime\": \"2026-11-20 09:03:07.512000-05:00\"") +
                                "], \"ResponseMetadata\": {\"RequestId\": \"r\", \"HTTPStatusCode\": 200}}");
    CHECK(boto.valid());
    CHECK(has_code(boto, "model.sdk_metadata"));
    const Report wire = analyze("{\"CommandInvocations\": [" +
                                fleet_invocation("i-0123456789abcdef0", "\"RequestedDateTime\": 1795183387.512") + "]}");
    CHECK(wire.valid());
    CHECK(boto.fleet.invocations.at(0).requested.epoch_ms == 1795183387512);
    CHECK(wire.fleet.invocations.at(0).requested.epoch_ms == 1795183387512);
}

TEST_CASE("a JSON pasted after a fleet page that is no fleet output is skipped with a warning", "[fleet_reader]") {
    const Report r = analyze("{\"CommandInvocations\": [" + fleet_invocation("i-0123456789abcdef0") + "]}\n" +
                             invocation_with("\"Status\": \"Success\""));
    CHECK(r.fleet.invocations.size() == 1);
    CHECK(has_code(r, "fleet.other_document"));
}

TEST_CASE("a page cut off in the middle keeps what was read and says where it broke", "[fleet_reader]") {
    const std::string page = "{\"CommandInvocations\": [" + fleet_invocation("i-0123456789abcdef0") + "], \"NextToken\": \"t\"}\n";
    const Report r = analyze(page + "{\"CommandInvocations\": [{\"CommandId\": \"3f1c");
    CHECK_FALSE(r.valid());
    CHECK(r.kind == ReportKind::Fleet);
    CHECK(r.fleet.invocations.size() == 1);
    CHECK(has_code(r, "json.truncated"));
}

TEST_CASE("fewer invocations than TargetCount is a missing page only once the command has ended", "[fleet_reader]") {
    const std::string one_page = "\n{\"CommandInvocations\": [" + fleet_invocation("i-0a1b2c3d4e5f60718") + "]}";
    auto command = [](const char* status, int completed) {
        return std::string(R"({"Commands": [{"CommandId": "3f1c9a52-7d4e-4b8a-9c61-2e5f8d0b7a14", "Status": ")") + status +
               R"(", "TargetCount": 3, "CompletedCount": )" + std::to_string(completed) +
               R"(, "ErrorCount": 0, "DeliveryTimedOutCount": 0}]})";
    };
    // Running: the service creates invocations as it resolves targets (tags), so 1 of 3 is normal.
    const Report running = analyze(command("InProgress", 1) + one_page);
    CHECK_FALSE(has_code(running, "fleet.count_mismatch"));
    // Ended: all three exist, so the two not pasted are on a page that is missing.
    const Report ended = analyze(command("Success", 3) + one_page);
    const auto d = std::find_if(ended.diagnostics.begin(), ended.diagnostics.end(),
                                [](const Diagnostic& x) { return x.code == "fleet.count_mismatch"; });
    REQUIRE(d != ended.diagnostics.end());
    CHECK(d->message == "TargetCount is 3 but 1 invocation of this command was pasted: is a page missing?");
}

TEST_CASE("a list key given twice: the last list is the page's, as json.duplicate_key says", "[fleet_reader]") {
    const std::string first = fleet_invocation("i-0000000000000000a"), second = fleet_invocation("i-0000000000000000b");
    const Report twice = analyze("{\"CommandInvocations\": [" + first + "], \"CommandInvocations\": [" + second + "]}");
    REQUIRE(twice.fleet.invocations.size() == 1);
    CHECK(twice.fleet.invocations[0].instance_id.value == "i-0000000000000000b");
    CHECK(has_code(twice, "json.duplicate_key"));

    // The last value is no list: it is the wrong type, and the list before it is not used either.
    const Report then_string = analyze("{\"CommandInvocations\": [" + first + "], \"CommandInvocations\": \"none\"}");
    CHECK(then_string.kind == ReportKind::Fleet);
    CHECK(then_string.fleet.invocations.empty());
    CHECK(has_code(then_string, "model.wrong_type"));
}

TEST_CASE("Commands beside CommandInvocations: the page is list-command-invocations, Commands an unknown member", "[fleet_reader]") {
    const std::string commands = R"("Commands": [{"CommandId": "3f1c9a52-7d4e-4b8a-9c61-2e5f8d0b7a14", "Status": "Success"}])";
    const Report r = analyze("{" + commands + ", \"CommandInvocations\": [" + fleet_invocation("i-0123456789abcdef0") + "]}");
    REQUIRE(r.fleet.sources == std::vector<FleetSource>{FleetSource::ListCommandInvocations});
    CHECK(r.fleet.invocations.size() == 1);
    CHECK(r.fleet.commands.empty());
    CHECK(has_code(r, "model.unknown_member"));
}

TEST_CASE("a page cut off keeps the invocations read whole before the cut, and says so", "[fleet_reader]") {
    const std::string page = "{\"CommandInvocations\": [" + fleet_invocation("i-0123456789abcdef0") + "], \"NextToken\": \"t\"}\n";
    const std::string cut = "{\"CommandInvocations\": [" + fleet_invocation("i-0000000000000000b") + ", {\"CommandId\": \"3f1c";
    const Report second = analyze(page + cut);
    CHECK_FALSE(second.valid());
    CHECK(second.fleet.pages == 2);
    REQUIRE(second.fleet.invocations.size() == 2);
    CHECK(second.fleet.invocations[1].instance_id.value == "i-0000000000000000b");
    CHECK(second.fleet.invocations[1].page == 1);
    CHECK(second.fleet.broken);
    CHECK(has_code(second, "json.truncated"));
    const auto d = std::find_if(second.diagnostics.begin(), second.diagnostics.end(),
                                [](const Diagnostic& x) { return x.code == "fleet.page_broken"; });
    REQUIRE(d != second.diagnostics.end());
    CHECK(d->message == "The JSON of the last page breaks off (see the error): the 1 invocation read whole before the break is "
                        "shown; the rest of that page is not.");

    // The first page too: a paste cut short is still the fleet it holds.
    const Report first = analyze(cut);
    CHECK(first.kind == ReportKind::Fleet);
    REQUIRE(first.fleet.invocations.size() == 1);
    CHECK(has_code(first, "fleet.page_broken"));

    // A syntax error breaks a page as a cut does.
    const Report syntax = analyze("{\"CommandInvocations\": [" + fleet_invocation("i-0000000000000000b") + ", {\"CommandId\" 1}]}");
    CHECK(syntax.kind == ReportKind::Fleet);
    CHECK(syntax.fleet.invocations.size() == 1);
    CHECK(has_code(syntax, "json.syntax"));

    // Cut before any element was whole: nothing to keep, and the first page is no fleet.
    const Report nothing = analyze("{\"CommandInvocations\": [{\"CommandId\": \"3f1c");
    CHECK(nothing.kind == ReportKind::Invocation);
    CHECK_FALSE(has_code(nothing, "fleet.page_broken"));
}

TEST_CASE("each invocation of a streamed page is numbered with its page", "[fleet_reader]") {
    std::string text;
    for (int page = 0; page < 3; ++page)
        text += "{\"CommandInvocations\": [" + fleet_invocation("i-000000000000000" + std::to_string(page)) + "]}\n";
    const Report r = analyze(text);
    REQUIRE(r.fleet.invocations.size() == 3);
    for (int page = 0; page < 3; ++page) CHECK(r.fleet.invocations[page].page == page);
}
