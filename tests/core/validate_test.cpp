// tests/core/validate_test.cpp: the checks' boundaries, where a wrong comparison would hide.
#include <catch2/catch.hpp>

#include "test_support.h"
#include "text_encoding.h"

using namespace ssmview;
using namespace ssmview_test;

TEST_CASE("InstanceId accepts i- with 8 or 17 word characters and mi- with 17", "[validate]") {
    auto warns = [](const std::string& id) {
        return has_code(analyze("{\"InstanceId\": \"" + id + "\", \"Status\": \"Pending\"}"), "constraint.instance_id_pattern");
    };
    CHECK_FALSE(warns("i-0802cc93"));
    CHECK_FALSE(warns("i-0802cc9316fe86d8a"));
    CHECK_FALSE(warns("mi-0123456789abcdef0"));
    CHECK(warns("i-0802cc9"));
    CHECK(warns("i-0802cc9316fe86d8a1"));
    CHECK(warns("mi-0802cc93"));
    CHECK(warns("i-0802cc93-6fe86d8a"));
}

TEST_CASE("length limits count characters: 24,000 and 8,000 multi-byte characters pass", "[validate]") {
    std::string greek;
    for (int i = 0; i < 24000; ++i) greek += "\xCE\xA9";
    const Report r = analyze(invocation_with("\"Status\": \"Success\", \"StandardOutputContent\": \"" + greek + "\""));
    CHECK_FALSE(has_code(r, "constraint.stdout_length"));
    CHECK(has_code(r, "output.at_limit"));
    CHECK(utf8_length(greek) == 24000);
    CHECK(has_code(analyze(invocation_with("\"Comment\": \"" + std::string(100, 'c') + "\"")), "model.no_members") == false);
    CHECK_FALSE(has_code(analyze(invocation_with("\"Comment\": \"" + std::string(100, 'c') + "\"")), "constraint.comment_length"));
}

TEST_CASE("DocumentName allows a shared document's ARN; DocumentVersion allows empty", "[validate]") {
    CHECK_FALSE(has_code(analyze(invocation_with("\"DocumentName\": \"arn:aws:ssm:us-east-1:123456789012:document/Team-Deploy\"")),
                         "constraint.document_name_pattern"));
    for (const char* v : {"", "$DEFAULT", "$LATEST", "12"})
        CHECK_FALSE(has_code(analyze(invocation_with(std::string("\"DocumentVersion\": \"") + v + "\"")),
                             "constraint.document_version_pattern"));
    CHECK(has_code(analyze(invocation_with("\"DocumentVersion\": \"0\"")), "constraint.document_version_pattern"));
}

TEST_CASE("an invocation that never ran needs no end time", "[validate]") {
    for (const char* state : {"timed_out_delivery", "undeliverable", "terminated", "pending", "in_progress", "cancelling"}) {
        INFO(state);
        CHECK_FALSE(has_code(analyze(read_fixture(std::string("aws-cli/") + state + ".json")), "time.missing_end"));
    }
}

TEST_CASE("elapsed time may differ from end minus start by a second plus one percent", "[validate]") {
    auto mismatch = [](const char* elapsed) {
        return has_code(analyze(invocation_with(std::string("\"ExecutionStartDateTime\": \"2026-11-20T14:00:00.000Z\", "
                                                            "\"ExecutionEndDateTime\": \"2026-11-20T14:01:40.000Z\", "
                                                            "\"ExecutionElapsedTime\": \"") + elapsed + "\", \"Status\": \"Success\"")),
                        "time.elapsed_mismatch");
    };
    CHECK_FALSE(mismatch("PT100S"));
    CHECK_FALSE(mismatch("PT1M42S"));   // 2 s off over 100 s: within 1 s + 1 s
    CHECK(mismatch("PT1M42.1S"));
    CHECK_FALSE(mismatch("PT98S"));
    CHECK(mismatch("PT97.9S"));
}

TEST_CASE("the truncation marker is recognized with trailing newlines, and names the S3 URL", "[validate]") {
    const Report r = analyze(read_fixture("aws-cli/truncated.json"));
    const Diagnostic* d = first_with(r, "output.truncated");
    REQUIRE(d);
    CHECK(d->message.find("https://") != std::string::npos);
    CHECK(d->path == "/StandardOutputContent");
    const Report nl = analyze(invocation_with("\"StandardOutputContent\": \"x\\n---Output truncated---\\n\\n\""));
    CHECK(has_code(nl, "output.truncated"));
    CHECK(first_with(nl, "output.truncated")->message.find("no URL") != std::string::npos);
}

TEST_CASE("times are parsed into the report", "[validate]") {
    const Report r = analyze(read_fixture("aws-cli/success.json"));
    REQUIRE(r.times.start.valid);
    REQUIRE(r.times.end.valid);
    REQUIRE(r.times.elapsed.valid);
    CHECK(r.times.end.epoch_ms - r.times.start.epoch_ms == r.times.elapsed.ms);
}
