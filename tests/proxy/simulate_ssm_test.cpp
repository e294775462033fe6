// tests/proxy/simulate_ssm_test.cpp: the simulator speaks SSM's JSON protocol: shapes, paging and errors.
//
// Index
//   helpers                  a fresh simulated SSM on a manual clock; calls by action
//   GetCommandInvocation     model member order; PluginName rules; not-yet; errors with exact text
//   bad requests             ValidationException (Coral's sentences), SerializationException,
//                            InvalidCommandId, UnknownOperationException
//   ListCommands             discovery, newest first, aggregate status and counts, the core reads it
//   ListCommandInvocations   Details, plugins for multi-step documents, not-yet left out, filters
//   paging                   MaxResults/NextToken pages add up to the whole; foreign tokens refused
//   wire                     compact bodies, alphabetical list items, Java floats for timestamps
//   robustness               mutated bodies: always an answer in the service's shape
#include <catch2/catch.hpp>

#include <memory>
#include <set>

#include "classify.h"
#include "invocation.h"
#include "simulate_walk.h"
#include "ssm_api.h"

using namespace ssmview::proxy;
using ssmview_test::ask;
using ssmview_test::kWalkStartMs;
using Json = nlohmann::ordered_json;

namespace {

const std::string kDeploy = "7c1e2b9a-4f3d-4e8a-9b61-2d5f0c3a8e17";
const std::string kDeployNode = "i-0a3f5c9e71b2d4086";
const std::string kPreflight = "3b8d6f21-90ae-4c57-a1e4-6f2c9d0b7a35";
const std::string kTwoSteps = "a6e3f0b9-15d4-4c8a-9f27-8b0d2e6c4a91";
const std::string kTwoStepsNode = "i-0d5b9f1e3a7c2e864";
const std::string kRotate = "91f5d3b8-6c2a-4e07-b4d9-0a8e7f1c2d53";

struct Sim {
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kWalkStartMs);
    SimulatedUpstream            upstream{SimulateOptions{0, 1.0}, clock};

    ssmview::aws::HttpResponse call(const std::string& action, const std::string& body) {
        return ask(upstream, action, body);
    }
    Json json(const std::string& action, const std::string& body) {
        auto r = call(action, body);
        INFO(r.body);
        REQUIRE(r.status == 200);
        return Json::parse(r.body);
    }
    void at(std::int64_t t_ms) { clock->set(kWalkStartMs + t_ms); }
};

std::string error_type(const ssmview::aws::HttpResponse& r) {
    return std::string(ssmview::aws::header_value(r.headers, "x-amzn-ErrorType"));
}

std::string message_of(const ssmview::aws::HttpResponse& r) {
    auto j = Json::parse(r.body);
    return j.value("message", "");
}

std::vector<std::string> keys(const Json& o) {
    std::vector<std::string> k;
    for (auto it = o.begin(); it != o.end(); ++it) k.push_back(it.key());
    return k;
}

}  // namespace

// ---- GetCommandInvocation -----------------------------------------------------------------

TEST_CASE("GetCommandInvocation answers every model member, in the model's order") {
    Sim sim;
    sim.call("ListCommands", "{}");  // starts every command
    sim.at(20000);
    Json j = sim.json("GetCommandInvocation", ssmview_test::get_body(kDeploy, kDeployNode));
    std::vector<std::string> model(std::begin(ssmview::kModelMembers), std::end(ssmview::kModelMembers));
    CHECK(keys(j) == model);
    CHECK(j["Status"] == "InProgress");
    CHECK(j["PluginName"] == "aws:runShellScript");
    CHECK(j["ExecutionStartDateTime"] == "2026-11-20T14:00:07.412Z");
    CHECK(j["ExecutionEndDateTime"] == "");
    CHECK(j["ExecutionElapsedTime"] == "");
    CHECK(j["ResponseCode"] == -1);
    CHECK(j["CloudWatchOutputConfig"] == Json::parse(R"({"CloudWatchLogGroupName":"/ssmview/simulated/deploy","CloudWatchOutputEnabled":true})"));
}

TEST_CASE("GetCommandInvocation gives S3 output URLs once a step has ended, for commands that write to S3") {
    Sim sim;
    sim.call("GetCommandInvocation", ssmview_test::get_body(kDeploy, kDeployNode));
    sim.at(45000);
    Json j = sim.json("GetCommandInvocation", ssmview_test::get_body(kDeploy, kDeployNode));
    CHECK(j["StandardOutputUrl"] ==
          "https://s3.us-east-1.amazonaws.com/ssmview-sim-output/deploy/" + kDeploy + "/" + kDeployNode +
              "/awsrunShellScript/0.awsrunShellScript/stdout");
    CHECK(j["StandardErrorUrl"] ==
          "https://s3.us-east-1.amazonaws.com/ssmview-sim-output/deploy/" + kDeploy + "/" + kDeployNode +
              "/awsrunShellScript/0.awsrunShellScript/stderr");
}

TEST_CASE("a single-step document answers with or without its PluginName; a wrong one is InvalidPluginName") {
    Sim sim;
    sim.call("ListCommands", "{}");
    sim.at(10000);
    Json without = sim.json("GetCommandInvocation", ssmview_test::get_body(kDeploy, kDeployNode));
    Json with = sim.json("GetCommandInvocation", ssmview_test::get_body(kDeploy, kDeployNode, "aws:runShellScript"));
    CHECK(without == with);
    auto wrong = sim.call("GetCommandInvocation", ssmview_test::get_body(kDeploy, kDeployNode, "runShellScript"));
    CHECK(wrong.status == 400);
    CHECK(wrong.body == R"({"__type":"InvalidPluginName"})");
}

TEST_CASE("a two-step document needs PluginName: without it, or with a plugin type, InvalidPluginName") {
    Sim sim;
    sim.call("ListCommands", "{}");
    sim.at(10000);
    for (const std::string& plugin : {std::string(), std::string("aws:runShellScript"), std::string("InstallPackages")}) {
        auto r = sim.call("GetCommandInvocation", ssmview_test::get_body(kTwoSteps, kTwoStepsNode, plugin));
        INFO(plugin);
        CHECK(r.status == 400);
        CHECK(error_type(r) == "InvalidPluginName");
        CHECK(r.body == R"({"__type":"InvalidPluginName"})");
    }
    Json install = sim.json("GetCommandInvocation", ssmview_test::get_body(kTwoSteps, kTwoStepsNode, "installPackages"));
    Json verify = sim.json("GetCommandInvocation", ssmview_test::get_body(kTwoSteps, kTwoStepsNode, "verifyService"));
    CHECK(install["PluginName"] == "installPackages");
    CHECK(install["Status"] == "InProgress");
    CHECK(verify["PluginName"] == "verifyService");
    CHECK(verify["Status"] == "Pending");  // waits for the first step
    CHECK(install["DocumentName"] == "ssmview-InstallAndVerify");
    CHECK(install["DocumentVersion"] == "3");
}

TEST_CASE("before an invocation is visible, even a multi-step one without PluginName is InvocationDoesNotExist") {
    Sim sim;
    auto r = sim.call("GetCommandInvocation", ssmview_test::get_body(kTwoSteps, kTwoStepsNode));
    CHECK(error_type(r) == "InvocationDoesNotExist");
    sim.at(3199);
    CHECK(error_type(sim.call("GetCommandInvocation", ssmview_test::get_body(kTwoSteps, kTwoStepsNode))) ==
          "InvocationDoesNotExist");
    sim.at(3200);
    CHECK(error_type(sim.call("GetCommandInvocation", ssmview_test::get_body(kTwoSteps, kTwoStepsNode))) ==
          "InvalidPluginName");
}

TEST_CASE("unknown commands and instances are InvocationDoesNotExist and start nothing") {
    Sim sim;
    auto r = sim.call("GetCommandInvocation",
                      ssmview_test::get_body("00000000-0000-4000-8000-000000000000", kDeployNode));
    CHECK(r.status == 400);
    CHECK(r.body == R"({"__type":"InvocationDoesNotExist"})");
    CHECK(sim.upstream.describe()["commands"][0]["run"] == 0);
    sim.at(10000);
    auto other = sim.call("GetCommandInvocation", ssmview_test::get_body(kDeploy, "i-0123456789abcdef0"));
    CHECK(error_type(other) == "InvocationDoesNotExist");
}

// ---- bad requests -------------------------------------------------------------------------

TEST_CASE("ids that break the model's constraints get Coral's ValidationException sentences") {
    Sim sim;
    auto short_id = sim.call("GetCommandInvocation", R"({"CommandId":"abc","InstanceId":"i-0a3f5c9e71b2d4086"})");
    CHECK(short_id.status == 400);
    CHECK(error_type(short_id) == "ValidationException");
    CHECK(message_of(short_id) ==
          "1 validation error detected: Value 'abc' at 'commandId' failed to satisfy constraint: Member must have "
          "length greater than or equal to 36");

    auto both = sim.call("GetCommandInvocation", R"({"CommandId":")" + kDeploy + R"(x","InstanceId":"web-1"})");
    CHECK(message_of(both) ==
          "2 validation errors detected: Value '" + kDeploy +
              "x' at 'commandId' failed to satisfy constraint: Member must have length less than or equal to 36; "
              "Value 'web-1' at 'instanceId' failed to satisfy constraint: Member must satisfy regular expression "
              "pattern: (^i-(\\w{8}|\\w{17})$)|(^mi-\\w{17}$)");

    auto missing = sim.call("GetCommandInvocation", "{}");
    CHECK(message_of(missing) ==
          "2 validation errors detected: Value null at 'commandId' failed to satisfy constraint: Member must not be "
          "null; Value null at 'instanceId' failed to satisfy constraint: Member must not be null");

    auto plugin = sim.call("GetCommandInvocation", ssmview_test::get_body(kDeploy, kDeployNode, "aws"));
    CHECK(message_of(plugin) ==
          "1 validation error detected: Value 'aws' at 'pluginName' failed to satisfy constraint: Member must have "
          "length greater than or equal to 4");
}

TEST_CASE("a 36-character CommandId that is not a UUID is InvalidCommandId") {
    Sim sim;
    std::string not_uuid = "not-a-uuid-but-thirty-six-characters";
    REQUIRE(not_uuid.size() == 36);
    for (const char* action : {"GetCommandInvocation", "ListCommandInvocations", "ListCommands"}) {
        auto r = sim.call(action, R"({"CommandId":")" + not_uuid + R"(","InstanceId":"i-0a3f5c9e71b2d4086"})");
        INFO(action);
        CHECK(r.status == 400);
        CHECK(r.body == R"({"__type":"InvalidCommandId"})");
    }
}

TEST_CASE("bodies that are not JSON objects, and members of the wrong type, are SerializationException") {
    Sim sim;
    struct Case {
        const char* body;
        const char* message;
    };
    for (const Case& c : {Case{"{\"CommandId\":", "The request body is not valid JSON."},
                          Case{"{} trailing", "The request body is not valid JSON."},
                          Case{"[1,2]", "The request body must be a JSON object."},
                          Case{"{\"CommandId\":7,\"InstanceId\":\"i-0a3f5c9e71b2d4086\"}", "CommandId must be a string."},
                          Case{"{\"Details\":\"yes\"}", "Details must be a boolean."},
                          Case{"{\"MaxResults\":2.5}", "MaxResults must be an integer."},
                          Case{"{\"Filters\":{}}", "Filters must be a list."}}) {
        const char* action = std::string(c.body).find("Details") != std::string::npos ||
                                     std::string(c.body).find("MaxResults") != std::string::npos ||
                                     std::string(c.body).find("Filters") != std::string::npos
                                 ? "ListCommandInvocations"
                                 : "GetCommandInvocation";
        auto r = sim.call(action, c.body);
        INFO(c.body);
        CHECK(r.status == 400);
        CHECK(error_type(r) == "SerializationException");
        CHECK(message_of(r) == c.message);
    }
}

TEST_CASE("a deeply nested body is refused by the core's bounded reader, not by the stack") {
    Sim sim;
    std::string deep(100000, '[');
    auto r = sim.call("ListCommands", deep);
    CHECK(r.status == 400);
    CHECK(error_type(r) == "SerializationException");
}

TEST_CASE("an action the simulator does not know is UnknownOperationException") {
    Sim sim;
    auto r = sim.call("SendCommand", "{}");
    CHECK(r.status == 400);
    CHECK(r.body == R"({"__type":"UnknownOperationException","message":"ssmview-proxy --simulate does not simulate the SendCommand action."})");
}

// ---- ListCommands ---------------------------------------------------------------------------

TEST_CASE("ListCommands lists every simulated command, the live deploy first, and the core reads it") {
    Sim sim;
    auto r = sim.call("ListCommands", "{}");
    REQUIRE(r.status == 200);
    std::vector<ssmview::CommandSummary> read;
    ssmview::ListRead lr = ssmview::read_list_commands(r.body, read);
    REQUIRE(lr.ok);
    CHECK(lr.next_token.empty());
    REQUIRE(read.size() == catalog().size());
    for (std::size_t i = 0; i < read.size(); ++i) {
        CHECK(read[i].command_id == catalog()[i].command_id);
        CHECK(read[i].requested_epoch_s == Approx(kWalkStartMs / 1000.0));
        CHECK(read[i].target_count == static_cast<int>(catalog()[i].invocations.size()));
    }
    CHECK(read[0].command_id == kDeploy);
    CHECK(read[0].status == "Pending");
}

TEST_CASE("ListCommands puts the most recently requested run first") {
    Sim sim;
    sim.call("GetCommandInvocation", ssmview_test::get_body(kRotate, "i-0f2a7c5e1b9d38461"));
    sim.at(5000);
    Json j = sim.json("ListCommands", "{}");
    CHECK(j["Commands"][0]["CommandId"] != kRotate);
    CHECK(j["Commands"].back()["CommandId"] == kRotate);  // requested 5 s before the others
}

TEST_CASE("ListCommands aggregates the invocations: status, counts, expiry") {
    Sim sim;
    sim.call("ListCommands", "{}");
    sim.at(8000);
    Json early = sim.json("ListCommands", R"({"CommandId":")" + kPreflight + "\"}");
    CHECK(early["Commands"][0]["Status"] == "InProgress");
    CHECK(early["Commands"][0]["CompletedCount"] == 0);
    sim.at(20000);
    Json done = sim.json("ListCommands", R"({"CommandId":")" + kPreflight + "\"}");
    const Json& c = done["Commands"][0];
    CHECK(c["Status"] == "Failed");
    CHECK(c["StatusDetails"] == "Failed");
    CHECK(c["TargetCount"] == 3);
    CHECK(c["CompletedCount"] == 3);
    CHECK(c["ErrorCount"] == 2);
    CHECK(c["DeliveryTimedOutCount"] == 0);
    CHECK(c["TimeoutSeconds"] == 600);
    CHECK(c["ExpiresAfter"].get<double>() == Approx(kWalkStartMs / 1000.0 + 600));
    CHECK(c["Parameters"]["executionTimeout"] == Json::array({"600"}));

    Json rotate = sim.json("ListCommands", R"({"CommandId":")" + kRotate + "\"}");
    CHECK(rotate["Commands"][0]["Status"] == "Pending");
    sim.at(40000);
    rotate = sim.json("ListCommands", R"({"CommandId":")" + kRotate + "\"}");
    CHECK(rotate["Commands"][0]["Status"] == "TimedOut");
    CHECK(rotate["Commands"][0]["StatusDetails"] == "DeliveryTimedOut");
    CHECK(rotate["Commands"][0]["DeliveryTimedOutCount"] == 1);
}

TEST_CASE("ListCommands: an unknown well-formed CommandId is an empty list; InstanceId narrows") {
    Sim sim;
    Json none = sim.json("ListCommands", R"({"CommandId":"00000000-0000-4000-8000-000000000000"})");
    CHECK(none["Commands"].empty());
    CHECK(!none.contains("NextToken"));
    Json one = sim.json("ListCommands", R"({"InstanceId":"i-0e92b6d4a1c37f058"})");
    REQUIRE(one["Commands"].size() == 1);
    CHECK(one["Commands"][0]["CommandId"] == kPreflight);
}

// ---- ListCommandInvocations -----------------------------------------------------------------

TEST_CASE("ListCommandInvocations leaves out invocations not visible yet, as SSM does right after SendCommand") {
    Sim sim;
    Json first = sim.json("ListCommandInvocations", R"({"CommandId":")" + kPreflight + "\"}");
    CHECK(first["CommandInvocations"].empty());
    sim.at(3000);
    Json later = sim.json("ListCommandInvocations", R"({"CommandId":")" + kPreflight + "\"}");
    CHECK(later["CommandInvocations"].size() == 2);  // the third becomes visible at 3.1 s
    sim.at(3100);
    CHECK(sim.json("ListCommandInvocations", R"({"CommandId":")" + kPreflight + "\"}")["CommandInvocations"].size() == 3);
}

TEST_CASE("ListCommandInvocations with Details lists the steps a PluginName can name; without, none") {
    Sim sim;
    sim.call("ListCommands", "{}");
    sim.at(25000);
    Json plain = sim.json("ListCommandInvocations", R"({"CommandId":")" + kTwoSteps + "\"}");
    CHECK(plain["CommandInvocations"][0]["CommandPlugins"] == Json::array());
    auto r = sim.call("ListCommandInvocations", ssmview::list_command_invocations_request(kTwoSteps, "", true, 0, ""));
    std::vector<ssmview::InvocationSummary> read;
    REQUIRE(ssmview::read_list_command_invocations(r.body, read).ok);
    REQUIRE(read.size() == 1);
    CHECK(read[0].instance_id == kTwoStepsNode);
    CHECK(read[0].instance_name == "ip-10-20-9-4.ec2.internal");
    REQUIRE(read[0].plugins.size() == 2);
    CHECK(read[0].plugins[0].name == "installPackages");
    CHECK(read[0].plugins[0].status == "Success");
    CHECK(read[0].plugins[1].name == "verifyService");
    CHECK(read[0].plugins[1].status == "InProgress");

    Json j = Json::parse(r.body);
    const Json& install = j["CommandInvocations"][0]["CommandPlugins"][0];
    CHECK(install["ResponseCode"] == 0);
    CHECK(install["ResponseStartDateTime"].get<double>() == Approx((kWalkStartMs + 6020) / 1000.0));
    CHECK(install["ResponseFinishDateTime"].get<double>() == Approx((kWalkStartMs + 21500) / 1000.0));
    CHECK(install["Output"].get<std::string>().find("Complete!") != std::string::npos);
    const Json& verify = j["CommandInvocations"][0]["CommandPlugins"][1];
    CHECK(!verify.contains("ResponseFinishDateTime"));
    CHECK(verify["ResponseCode"] == -1);
}

TEST_CASE("a plugin's Output joins stdout and stderr under the agent's ERROR title") {
    Sim sim;
    sim.call("ListCommands", "{}");
    sim.at(30000);
    Json j = sim.json("ListCommandInvocations",
                      R"({"CommandId":")" + kPreflight + R"(","InstanceId":"i-0e92b6d4a1c37f058","Details":true})");
    const Json& p = j["CommandInvocations"][0]["CommandPlugins"][0];
    CHECK(p["Status"] == "Failed");
    CHECK(p["ResponseCode"] == 2);
    std::string out = p["Output"];
    CHECK(out.find("checking free space under /srv/releases\n\n----------ERROR-------\ndf: /srv/releases") !=
          std::string::npos);
}

TEST_CASE("Cancelling is a command invocation status, never a plugin status") {
    Sim sim;
    sim.call("ListCommands", "{}");
    sim.at(23000);
    Json j = sim.json("ListCommandInvocations", R"({"CommandId":"5d2c8e46-a71b-4f93-8e05-c39b6a4d1f78","Details":true})");
    CHECK(j["CommandInvocations"][0]["Status"] == "Cancelling");
    CHECK(j["CommandInvocations"][0]["CommandPlugins"][0]["Status"] == "InProgress");
}

TEST_CASE("ListCommandInvocations filters by Status, ExecutionStage, DocumentName and time") {
    Sim sim;
    sim.call("ListCommands", "{}");
    sim.at(15000);
    // Over the single-node stories and the pre-flight (the fleets have tests of their own,
    // simulate_fleet_test.cpp): each command asked for by its CommandId, the counts summed.
    const std::vector<std::string> stories = [] {
        std::vector<std::string> ids;
        for (const SimCommand& c : catalog())
            if (c.targets_json.empty()) ids.push_back(c.command_id);
        return ids;
    }();
    REQUIRE(stories.size() == 9);
    auto count = [&](const std::string& filters) {
        std::size_t n = 0;
        for (const std::string& id : stories) {
            const std::string req = R"({"CommandId":")" + id + R"(")" + (filters.empty() ? "" : R"(,"Filters":)" + filters) + "}";
            n += sim.json("ListCommandInvocations", req)["CommandInvocations"].size();
        }
        return n;
    };
    std::size_t all = count("");
    CHECK(all == 11);
    CHECK(count(R"([{"key":"Status","value":"Success"}])") == 2);  // pre-flight's first node, Windows
    CHECK(count(R"([{"key":"ExecutionStage","value":"Complete"}])") == 4);
    CHECK(count(R"([{"key":"ExecutionStage","value":"Executing"}])") == 7);
    CHECK(count(R"([{"key":"DocumentName","value":"AWS-RunPowerShellScript"}])") == 1);
    CHECK(count(R"([{"key":"InvokedAfter","value":"2026-11-20T14:00:00Z"}])") == 11);
    CHECK(count(R"([{"key":"InvokedAfter","value":"2026-11-20T14:00:01Z"}])") == 0);
    CHECK(count(R"([{"key":"InvokedBefore","value":"2026-11-20T13:59:59Z"}])") == 0);
    CHECK(count(R"([{"key":"Status","value":"Failed"},{"key":"DocumentName","value":"AWS-RunShellScript"}])") == 2);
}

TEST_CASE("bad filters are refused with the service's sentences") {
    Sim sim;
    auto key = sim.call("ListCommands", R"({"Filters":[{"key":"Colour","value":"x"}]})");
    CHECK(error_type(key) == "ValidationException");
    CHECK(message_of(key) ==
          "1 validation error detected: Value 'Colour' at 'filters.1.member.key' failed to satisfy constraint: "
          "Member must satisfy enum value set: [InvokedAfter, InvokedBefore, Status, ExecutionStage, DocumentName]");
    auto status = sim.call("ListCommands", R"({"Filters":[{"key":"Status","value":"Delayed"}]})");
    CHECK(message_of(status) ==
          "The Status filter value 'Delayed' is not one of: Pending, InProgress, Success, Cancelled, Failed, TimedOut, "
          "Cancelling.");
    auto when = sim.call("ListCommandInvocations", R"({"Filters":[{"key":"InvokedAfter","value":"yesterday"}]})");
    CHECK(error_type(when) == "ValidationException");
    auto empty = sim.call("ListCommandInvocations", R"({"Filters":[]})");
    CHECK(message_of(empty) ==
          "1 validation error detected: Value '[]' at 'filters' failed to satisfy constraint: Member must have length "
          "greater than or equal to 1");
}

TEST_CASE("an invocation Status filter takes exactly the core's Status vocabulary (the model's enum)") {
    Sim sim;
    auto delayed = sim.call("ListCommandInvocations", R"({"Filters":[{"key":"Status","value":"Delayed"}]})");
    CHECK(delayed.status == 200);  // Delayed is an invocation status, not a command status
    auto folded = sim.call("ListCommandInvocations", R"({"Filters":[{"key":"Status","value":"success"}]})");
    CHECK(error_type(folded) == "ValidationException");
    CHECK(message_of(folded) ==
          "The Status filter value 'success' is not one of: Pending, InProgress, Delayed, Success, Cancelled, TimedOut, "
          "Failed, Cancelling.");
    CHECK(message_of(folded) == "The Status filter value 'success' is not one of: " + ssmview::status_vocabulary() + ".");
    std::string words = ssmview::status_vocabulary() + ", ";
    for (std::size_t at = 0, comma; (comma = words.find(", ", at)) != std::string::npos; at = comma + 2) {
        const std::string word = words.substr(at, comma - at);
        INFO(word);
        CHECK(ssmview::status_is_canonical(word));
        CHECK(sim.call("ListCommandInvocations", R"({"Filters":[{"key":"Status","value":")" + word + R"("}]})").status ==
              200);
    }
}

// ---- paging ---------------------------------------------------------------------------------

TEST_CASE("MaxResults and NextToken page through ListCommands; the pages add up to the whole list") {
    Sim sim;
    Json whole = sim.json("ListCommands", "{}");
    Json collected = Json::array();
    std::string token;
    int pages = 0;
    do {
        Json page = sim.json("ListCommands", ssmview::list_commands_request("", 2, token));
        CHECK(page["Commands"].size() <= 2);
        for (const Json& c : page["Commands"]) collected.push_back(c);
        token = page.value("NextToken", "");
        ++pages;
    } while (!token.empty() && pages < 10);
    CHECK(pages == 6);  // 12 commands, 2 a page
    CHECK(collected == whole["Commands"]);
}

TEST_CASE("MaxResults and NextToken page through ListCommandInvocations with Details") {
    Sim sim;
    sim.call("ListCommands", "{}");
    sim.at(12000);
    // The 12-node fleet, whole in one answer (the default MaxResults is 50), then 4 a page.
    const std::string patch = "6f1d2c84-3a5b-4e97-8c20-b7e4a9d1f356";
    Json whole = sim.json("ListCommandInvocations", R"({"CommandId":")" + patch + R"(","Details":true})");
    REQUIRE(whole["CommandInvocations"].size() == 12);
    Json collected = Json::array();
    std::string token;
    int pages = 0;
    do {
        Json page = sim.json("ListCommandInvocations", ssmview::list_command_invocations_request(patch, "", true, 4, token));
        for (const Json& c : page["CommandInvocations"]) collected.push_back(c);
        token = page.value("NextToken", "");
        ++pages;
    } while (!token.empty() && pages < 10);
    CHECK(pages == 3);
    CHECK(collected == whole["CommandInvocations"]);
}

TEST_CASE("a NextToken from another query, or made up, is InvalidNextToken") {
    Sim sim;
    Json page = sim.json("ListCommands", R"({"MaxResults":2})");
    std::string token = page["NextToken"];
    auto other = sim.call("ListCommandInvocations", R"({"MaxResults":2,"NextToken":")" + token + "\"}");
    CHECK(other.status == 400);
    CHECK(other.body == R"({"__type":"InvalidNextToken","message":"The specified token is not valid for this request."})");
    auto filtered = sim.call("ListCommands", R"({"MaxResults":2,"InstanceId":"i-0a3f5c9e71b2d4086","NextToken":")" +
                                                 token + "\"}");
    CHECK(error_type(filtered) == "InvalidNextToken");
    CHECK(error_type(sim.call("ListCommands", R"({"NextToken":"bm90IGEgdG9rZW4"})")) == "InvalidNextToken");
    CHECK(error_type(sim.call("ListCommands", R"({"NextToken":"%%%"})")) == "InvalidNextToken");
}

TEST_CASE("MaxResults outside 1..50 is a ValidationException") {
    Sim sim;
    CHECK(message_of(sim.call("ListCommands", R"({"MaxResults":0})")) ==
          "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value "
          "greater than or equal to 1");
    CHECK(message_of(sim.call("ListCommandInvocations", R"({"MaxResults":51})")) ==
          "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value "
          "less than or equal to 50");
}

// ---- wire -----------------------------------------------------------------------------------

TEST_CASE("list items are written with their members in alphabetical order, timestamps as Java floats") {
    Sim sim;
    sim.call("ListCommands", "{}");
    sim.at(30000);
    Json commands = sim.json("ListCommands", "{}");
    Json invocations = sim.json("ListCommandInvocations", R"({"Details":true})");
    auto sorted = [](const Json& o) {
        auto k = keys(o);
        return std::is_sorted(k.begin(), k.end());
    };
    for (const Json& c : commands["Commands"]) CHECK(sorted(c));
    for (const Json& i : invocations["CommandInvocations"]) {
        CHECK(sorted(i));
        for (const Json& p : i["CommandPlugins"]) CHECK(sorted(p));
    }
    auto raw = sim.call("ListCommands", R"({"MaxResults":1})").body;
    CHECK(raw.find("\"RequestedDateTime\":1.7951832E9") != std::string::npos);
    CHECK(raw.find("\"ExpiresAfter\":1.7951868E9") != std::string::npos);
    CHECK(raw.find(": ") == std::string::npos);
    CHECK(raw.find('\n') == std::string::npos);
}

// ---- robustness ---------------------------------------------------------------------------

TEST_CASE("mutated and random request bodies always get an answer in SSM's shape, never a crash") {
    Sim sim;
    const std::vector<std::string> seeds = {
        ssmview_test::get_body(kDeploy, kDeployNode),
        ssmview_test::get_body(kTwoSteps, kTwoStepsNode, "installPackages"),
        ssmview::list_command_invocations_request(kPreflight, "i-0e92b6d4a1c37f058", true, 2, ""),
        ssmview::list_commands_request("", 3, ""),
        R"({"Filters":[{"key":"Status","value":"Success"},{"key":"InvokedAfter","value":"2026-11-20T00:00:00Z"}]})",
    };
    const std::set<std::string> known = {"ValidationException",    "SerializationException", "InvalidCommandId",
                                         "InvocationDoesNotExist", "InvalidPluginName",      "InvalidNextToken"};
    const char* actions[] = {"GetCommandInvocation", "ListCommandInvocations", "ListCommands"};
    const std::string noise = "{}[]\":,0123456789-.eEtrufalsn \\u00\xff\x01\n";
    std::uint64_t state = 42;
    auto next = [&state] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::size_t>(state >> 33);
    };
    for (int i = 0; i < 3000; ++i) {
        std::string body = seeds[next() % seeds.size()];
        int edits = 1 + static_cast<int>(next() % 4);
        for (int e = 0; e < edits && !body.empty(); ++e) {
            std::size_t at = next() % body.size();
            switch (next() % 4) {
                case 0: body[at] = noise[next() % noise.size()]; break;       // replace a byte
                case 1: body.insert(at, 1, noise[next() % noise.size()]); break;  // insert one
                case 2: body.erase(at, 1 + next() % 8); break;                   // delete a few
                default: body.resize(at); break;                                 // cut it short
            }
        }
        sim.at(static_cast<std::int64_t>(next() % 60000));
        auto r = sim.call(actions[next() % 3], body);
        INFO(body);
        REQUIRE((r.status == 200 || r.status == 400));
        Json j = Json::parse(r.body);  // every answer is JSON
        REQUIRE(j.is_object());
        if (r.status == 400) CHECK(known.count(j["__type"].get<std::string>()) == 1);
    }
}
