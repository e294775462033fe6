// tests/core/output_groups_test.cpp: each distinct output once with its targets (clubak -b).
#include <catch2/catch.hpp>

#include "output_groups.h"
#include "test_support.h"

using namespace ssmview;
using namespace ssmview_test;

namespace {

std::vector<std::string> instances(const Fleet& f, const OutputGroup& g) {
    std::vector<std::string> out;
    for (std::size_t i : g.invocations) out.push_back(f.invocations[i].instance_id.value);
    return out;
}

}  // namespace

TEST_CASE("identical outputs form one group, largest first, members in fleet order", "[output_groups]") {
    const Report r = analyze(read_fixture("aws-cli/fleet-deploy.details.json"));
    const auto groups = group_outputs(r.fleet, OutputStream::Stdout, GroupMode::Exact);
    REQUIRE(groups.size() == 7);
    CHECK(instances(r.fleet, groups[0]) == std::vector<std::string>{"i-000005a1e00000000", "i-000005a1e00000001",
                                                                   "i-000005a1e00000002", "i-000005a1e00000003",
                                                                   "i-000005a1e00000004"});
    CHECK(groups[0].text == "Fetching web-1.4.2.tar.gz\nUnpacking to /srv/web\nRestarting web.service\nweb is up\n");
    CHECK(groups[0].variants == 1);
    CHECK(instances(r.fleet, groups[1]) == std::vector<std::string>{"i-000005a1e00000009", "i-000005a1e0000000a"});
    std::size_t members = 0;
    for (const auto& g : groups) members += g.invocations.size();
    CHECK(members == r.fleet.invocations.size());
}

TEST_CASE("similar grouping joins outputs that differ in digits, hex ids and times, and counts the variants", "[output_groups]") {
    const Report r = analyze(read_fixture("aws-cli/fleet-deploy.details.json"));
    const auto groups = group_outputs(r.fleet, OutputStream::Stdout, GroupMode::Similar);
    REQUIRE(groups.size() == 5);
    CHECK(instances(r.fleet, groups[1]) ==
          std::vector<std::string>{"i-000005a1e00000005", "i-000005a1e00000006", "i-000005a1e00000007"});
    CHECK(groups[1].variants == 3);
    const auto errs = group_outputs(r.fleet, OutputStream::Stderr, GroupMode::Similar);
    REQUIRE(errs.size() == 2);
    CHECK(errs[0].text.empty());
    CHECK(errs[0].invocations.size() == 10);
    CHECK(errs[1].variants == 2);  // "held by process 4109" and "... 4110"
}

TEST_CASE("a group says when a member's text was cut by the agent", "[output_groups]") {
    const Report r = analyze(read_fixture("aws-cli/fleet-deploy.details.json"));
    for (const auto& g : group_outputs(r.fleet, OutputStream::Stdout, GroupMode::Exact))
        CHECK(g.cut == (instances(r.fleet, g) == std::vector<std::string>{"i-000005a1e00000008"}));
}

TEST_CASE("the similarity key folds numbers, hex words and ids but keeps words", "[output_groups]") {
    CHECK(similarity_key("checked 2026-11-20T14:03:08.629Z") == "checked #-#-#T#:#:#.#Z");
    CHECK(similarity_key("instance i-0abc12de34f567890 ok") == "instance i-# ok");
    CHECK(similarity_key("3f1c9a52-7d4e-4b8a-9c61-2e5f8d0b7a14") == "#-#-#-#-#");
    CHECK(similarity_key("build42x deadbeef cafe") == "build#x deadbeef cafe");
    CHECK(similarity_key("") == "");
    CHECK(similarity_key("résumé 12 ✓") == "résumé # ✓");
}

TEST_CASE("several steps' texts are joined, each headed by its step", "[output_groups]") {
    const Report r = analyze(read_fixture("aws-cli/fleet-steps.details.json"));
    CHECK(invocation_stream_text(r.fleet.invocations[2], OutputStream::Stdout) ==
          "[installDeps]\ninstalled 42 packages\n[runTests]\n126 passed, 2 failed\n");
    CHECK(invocation_stream_text(r.fleet.invocations[2], OutputStream::Stderr) ==
          "[runTests]\nFAIL test_upload (timeout after 10 s)\nFAIL test_resize\n");
    const auto groups = group_outputs(r.fleet, OutputStream::Stdout, GroupMode::Exact);
    REQUIRE(groups.size() == 2);
    CHECK(groups[0].invocations.size() == 2);
}
