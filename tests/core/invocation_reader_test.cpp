// tests/core/invocation_reader_test.cpp: members onto the model, types checked, unknowns kept.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace ssmview;
using namespace ssmview_test;

TEST_CASE("every member of GetCommandInvocationResult is read", "[model]") {
    const Report r = analyze(read_fixture("aws-cli/truncated.json"));
    REQUIRE(r.has_invocation);
    const Invocation& inv = r.invocation;
    for (const Field<std::string>* f : {&inv.command_id, &inv.instance_id, &inv.comment, &inv.document_name, &inv.document_version,
                                        &inv.plugin_name, &inv.execution_start_date_time, &inv.execution_elapsed_time,
                                        &inv.execution_end_date_time, &inv.status, &inv.status_details, &inv.standard_output_content,
                                        &inv.standard_output_url, &inv.standard_error_content, &inv.standard_error_url})
        CHECK(f->present);
    CHECK(inv.response_code.present);
    REQUIRE(inv.cloud_watch_output_config.present);
    CHECK(inv.cloud_watch_output_config.value.output_enabled.value);
    CHECK_FALSE(inv.cloud_watch_output_config.value.log_group_name.value.empty());
    CHECK(inv.unknown.empty());
    // And written back in model order, exactly as the CLI printed it.
    CHECK(invocation_to_json(inv).dump(4) + "\n" == read_fixture("aws-cli/truncated.json"));
}

TEST_CASE("a member of the wrong type is an error placed at its value", "[model]") {
    const Report r = analyze("{\n  \"Status\": 3,\n  \"ResponseCode\": \"0\",\n  \"CloudWatchOutputConfig\": {\"CloudWatchOutputEnabled\": \"yes\"}\n}");
    CHECK_FALSE(r.valid());
    std::vector<std::string> paths;
    for (const auto& d : r.diagnostics)
        if (d.code == "model.wrong_type") paths.push_back(d.path);
    CHECK(paths == std::vector<std::string>{"/Status", "/ResponseCode", "/CloudWatchOutputConfig/CloudWatchOutputEnabled"});
    const Diagnostic* d = first_with(r, "model.wrong_type");
    CHECK(d->line == 2);
    CHECK(d->column == 13);
    CHECK(d->message == "Status must be a string, not an integer.");
    CHECK(r.has_invocation);  // the rest is still shown
}

TEST_CASE("ResponseCode outside 32 bits is out of range; 1e3 and 0.0 are integers written oddly", "[model]") {
    CHECK(has_code(analyze(invocation_with("\"ResponseCode\": 4294967296")), "model.out_of_range"));
    // Beyond int64 the reader keeps a double: still an integer, still out of range (found by
    // fuzz_analyze: converting it to int64 first was undefined behaviour).
    const Report huge = analyze(invocation_with("\"ResponseCode\": 99999999999999999999999"));
    REQUIRE(first_with(huge, "model.out_of_range"));
    CHECK(first_with(huge, "model.out_of_range")->message == "ResponseCode 99999999999999999999999 does not fit the API model's 32-bit integer.");
    const Report below = analyze(invocation_with("\"ResponseCode\": -19223372036854775807"));
    REQUIRE(first_with(below, "model.out_of_range"));
    CHECK(first_with(below, "model.out_of_range")->message ==
          "ResponseCode -19223372036854775807 does not fit the API model's 32-bit integer.");
    CHECK(first_with(analyze(invocation_with("\"ResponseCode\": 2147483648")), "model.out_of_range")->message ==
          "ResponseCode 2147483648 does not fit the API model's 32-bit integer.");
    CHECK(analyze(invocation_with("\"ResponseCode\": -2147483648")).valid());
    CHECK(analyze(invocation_with("\"ResponseCode\": 2.147483647e9")).invocation.response_code.value == 2147483647);
    CHECK(first_with(analyze(invocation_with("\"ResponseCode\": 2.147483648e9")), "model.out_of_range")->message ==
          "ResponseCode 2.147483648e9 does not fit the API model's 32-bit integer.");
    CHECK(has_code(analyze(invocation_with("\"ResponseCode\": 1.5")), "model.wrong_type"));
    const Report odd = analyze(invocation_with("\"ResponseCode\": 1e2"));
    CHECK(odd.valid());
    CHECK(odd.invocation.response_code.value == 100);
}

TEST_CASE("unknown members are kept in order and reported as info", "[model]") {
    const Report r = analyze(invocation_with("\"InstanceName\": \"web-1\", \"CloudWatchOutputConfig\": {\"Extra\": [1]}"));
    CHECK(r.valid());
    REQUIRE(r.invocation.unknown.size() == 1);
    CHECK(r.invocation.unknown[0].first == "InstanceName");
    REQUIRE(r.invocation.cloud_watch_output_config.value.unknown.size() == 1);
    int infos = 0;
    for (const auto& d : r.diagnostics) infos += d.code == "model.unknown_member";
    CHECK(infos == 2);
    const Json back = invocation_to_json(r.invocation);
    CHECK(back["InstanceName"] == "web-1");
    CHECK(back["CloudWatchOutputConfig"]["Extra"] == Json::array({1}));
}

TEST_CASE("SDK-shaped output: boto3's ResponseMetadata and JS v3's $metadata are skipped", "[model]") {
    const Report boto = analyze(invocation_with(
        "\"Status\": \"Success\", \"ResponseMetadata\": {\"RequestId\": \"abc\", \"HTTPStatusCode\": 200, \"RetryAttempts\": 0}"));
    CHECK(boto.valid());
    CHECK(has_code(boto, "model.sdk_metadata"));
    CHECK(boto.invocation.unknown.empty());
    const Report js = analyze(invocation_with("\"Status\": \"Success\", \"$metadata\": {\"httpStatusCode\": 200}"));
    CHECK(has_code(js, "model.sdk_metadata"));
}

TEST_CASE("an object with none of the members is valid but warned about", "[model]") {
    const Report r = analyze("{\"hello\": \"world\"}");
    CHECK(r.valid());
    CHECK(has_code(r, "model.no_members"));
}

TEST_CASE("the documentation's SUCCESS spelling is read, with a warning about the waiter", "[model]") {
    const Report r = analyze(invocation_with(
        "\"DocumentName\": \"AWS-RunPowerShellScript\", \"PluginName\": \"aws:runPowerShellScript\", \"ResponseCode\": 0, "
        "\"Status\": \"SUCCESS\", \"StatusDetails\": \"SUCCESS\""));
    CHECK(r.valid());
    CHECK(r.state.phase == Phase::Success);
    CHECK(r.state.waiter == Waiter::Retry);
    const Diagnostic* d = first_with(r, "status.case");
    REQUIRE(d);
    CHECK(d->message.find("keep polling") != std::string::npos);
}

TEST_CASE("a member whose name only begins with a model member's (\"Status\\u0000\") is another member", "[model]") {
    // Found by fuzz_analyze: names were compared as C strings, so "Status\u0000" read as Status
    // (here it would have overridden the real one) and its place was looked up under the wrong path.
    const Report r = analyze(invocation_with("\"Status\": \"Success\", \"Status\\u0000\": \"Failed\", "
                                             "\"CloudWatchOutputConfig\\u0000\": {\"CloudWatchLogGroupName\": \"\"}"));
    CHECK(r.invocation.status.value == "Success");
    REQUIRE(r.invocation.unknown.size() == 2);
    CHECK(r.invocation.unknown[0].first == std::string("Status\0", 7));
    CHECK(r.invocation.unknown[1].first == std::string("CloudWatchOutputConfig\0", 23));
    CHECK_FALSE(r.invocation.cloud_watch_output_config.present);
    int unknown = 0;
    for (const auto& d : r.diagnostics) unknown += d.code == "model.unknown_member";
    CHECK(unknown == 2);
}
