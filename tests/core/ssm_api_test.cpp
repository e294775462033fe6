// tests/core/ssm_api_test.cpp: SSM request bodies and the list answers a fetch panel reads.
#include <catch2/catch.hpp>

#include "ssm_api.h"

using namespace ssmview;

TEST_CASE("request bodies are compact JSON in model order, optional members left out", "[ssm_api]") {
    CHECK(get_command_invocation_request("c", "i-1", "") == R"({"CommandId":"c","InstanceId":"i-1"})");
    CHECK(get_command_invocation_request("c", "i-1", "step \"1\"") ==
          R"({"CommandId":"c","InstanceId":"i-1","PluginName":"step \"1\""})");
    CHECK(list_command_invocations_request("c", "", true, 50, "tok") ==
          R"({"CommandId":"c","MaxResults":50,"NextToken":"tok","Details":true})");
    CHECK(list_commands_request("", 20, "") == R"({"MaxResults":20})");
}

TEST_CASE("ListCommands answers give the recent commands and the next page token", "[ssm_api]") {
    std::vector<CommandSummary> out;
    const ListRead r = read_list_commands(
        R"({"Commands":[{"CommandId":"c1","DocumentName":"AWS-RunShellScript","Status":"InProgress",
            "RequestedDateTime":1714552496.789,"InstanceIds":["i-1","i-2"],"TargetCount":2,"Comment":"deploy"},
           {"CommandId":7},{"DocumentName":"no id"},"junk"],"NextToken":"n2"})",
        out);
    REQUIRE(r.ok);
    CHECK(r.next_token == "n2");
    REQUIRE(out.size() == 1);  // {"CommandId":7}, one without an id and a string are skipped
    CHECK(out[0].command_id == "c1");
    CHECK(out[0].document_name == "AWS-RunShellScript");
    CHECK(out[0].status == "InProgress");
    CHECK(out[0].comment == "deploy");
    CHECK(out[0].requested_epoch_s == Approx(1714552496.789));
    CHECK(out[0].instance_ids == std::vector<std::string>{"i-1", "i-2"});
    CHECK(out[0].target_count == 2);
}

TEST_CASE("ListCommandInvocations answers give each instance's steps", "[ssm_api]") {
    std::vector<InvocationSummary> out;
    const ListRead r = read_list_command_invocations(
        R"({"CommandInvocations":[{"CommandId":"c1","InstanceId":"i-1","InstanceName":"web-1","Status":"Success",
            "CommandPlugins":[{"Name":"update","Status":"Success"},{"Name":"restart","Status":"Failed"},{"Status":"x"}]}]})",
        out);
    REQUIRE(r.ok);
    CHECK(r.next_token.empty());
    REQUIRE(out.size() == 1);
    CHECK(out[0].instance_name == "web-1");
    REQUIRE(out[0].plugins.size() == 2);
    CHECK(out[0].plugins[1].name == "restart");
    CHECK(out[0].plugins[1].status == "Failed");
}

TEST_CASE("list answers that are not lists say so", "[ssm_api]") {
    std::vector<CommandSummary> c;
    CHECK(read_list_commands("[]", c).error == "The answer is not a JSON object.");
    CHECK(read_list_commands("{\"Commands\":{}}", c).error == "The answer has no Commands list: it is not a ListCommands answer.");
    std::vector<InvocationSummary> i;
    CHECK(read_list_command_invocations("{", i).error == "The answer is not a JSON object.");
    CHECK(read_list_command_invocations(std::string(10000, '['), i).error == "The answer is not a JSON object.");
}
