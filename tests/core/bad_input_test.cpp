// tests/core/bad_input_test.cpp: hostile and broken input gets a clear diagnostic, never a crash,
// a hang, an abort or unbounded memory.
#include <catch2/catch.hpp>

#include <random>

#include "test_support.h"

using namespace ssmview;
using namespace ssmview_test;

TEST_CASE("empty and whitespace-only input", "[bad]") {
    CHECK(codes(analyze("")) == std::vector<std::string>{"input.empty"});
    CHECK(codes(analyze(" \r\n\t\n")) == std::vector<std::string>{"input.empty"});
    CHECK(first_with(analyze("  "), "input.empty")->message.find("white space") != std::string::npos);
}

TEST_CASE("100 MB of input is refused by size before any parsing", "[bad]") {
    const std::string big(100u * 1000u * 1000u, '{');
    const Report r = analyze(big);
    CHECK(codes(r) == std::vector<std::string>{"input.too_large"});
    CHECK(r.diagnostics[0].message.find("100.0 MB") != std::string::npos);
    CHECK(r.diagnostics[0].message.find("32 MiB") != std::string::npos);
}

TEST_CASE("input just under the limit is read", "[bad]") {
    std::string text = "{\"CommandId\":\"1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7\",\"StandardOutputContent\":\"";
    text.append(kMaxInputBytes - text.size() - 2, 'x');
    text += "\"}";
    REQUIRE(text.size() == kMaxInputBytes);
    const Report r = analyze(text);
    CHECK(r.valid());
    CHECK(has_code(r, "constraint.stdout_length"));
}

TEST_CASE("random binary garbage never crashes and is never valid", "[bad]") {
    std::mt19937 rng(12345);
    for (int round = 0; round < 200; ++round) {
        std::string junk(static_cast<std::size_t>(rng() % 4096) + 1, '\0');
        for (auto& c : junk) c = static_cast<char>(rng());
        const Report r = analyze(junk);
        CHECK_FALSE(r.valid());
        CHECK_FALSE(r.diagnostics.empty());
    }
}

TEST_CASE("every prefix of a real invocation is an error, never a crash", "[bad]") {
    const std::string full = read_fixture("aws-cli/success_rich.json");
    for (std::size_t n = 1; n < full.size(); n += 7) {
        const Report r = analyze(full.substr(0, n));
        INFO("prefix " << n);
        CHECK_FALSE(r.valid());
    }
}

TEST_CASE("random single-byte corruptions of a real invocation never crash", "[bad]") {
    const std::string full = read_fixture("aws-cli/failed.json");
    std::mt19937 rng(7);
    for (int round = 0; round < 2000; ++round) {
        std::string t = full;
        t[rng() % t.size()] = static_cast<char>(rng());
        const Report r = analyze(t);
        CHECK((r.valid() || !r.diagnostics.empty()));
    }
}

TEST_CASE("deep objects are bounded like deep arrays", "[bad]") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "{\"a\":";
    CHECK(has_code(analyze(deep), "json.too_deep"));
}
