// tests/proxy/simulate_cut_test.cpp: GetCommandInvocation's outputs are cut as the agent cuts them; the long outputs.
//
// Index
//   invocation_content   fits: unchanged; too long: the first (limit - marker) bytes and the
//                        stream's marker; a character the cut breaks becomes U+FFFD per byte
//   the export           200,000 rows; StandardOutputContent is its first 24,000 bytes, cut
//   the translation dump the stdout cut falls inside a character; stderr is cut at 8,000
//   Output               until(t) is the text written by t, a prefix of the whole
#include <catch2/catch.hpp>

#include <algorithm>

#include "data_limits.h"
#include "report.h"
#include "simulate_walk.h"
#include "text_encoding.h"
#include "truncation.h"

using namespace ssmview::proxy;
using ssmview::OutputMember;
using Json = nlohmann::ordered_json;

namespace {

const std::string kOutMarker = "\n---Output truncated---";
const std::string kErrMarker = "\n---Error truncated----";
const std::string kFffd = "\xEF\xBF\xBD";
const std::string kExport = "c8b4e1f2-7a39-4d6e-b0c5-93f1a2d7e468";
const std::string kI18n = "4e7d2a90-b1c6-4f38-9a05-d6e8c3b1f729";

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

// The final GetCommandInvocation answer of a single-step command's only invocation.
Json final_answer(const SimCommand& c) {
    auto clock = std::make_shared<ManualClock>(ssmview_test::kWalkStartMs);
    SimulatedUpstream up(SimulateOptions{0, 1.0}, clock);
    const std::string body = ssmview_test::get_body(c.command_id, c.invocations[0].instance_id);
    ssmview_test::ask(up, "GetCommandInvocation", body);
    clock->advance(command_ends_at(c) + 1);
    auto r = ssmview_test::ask(up, "GetCommandInvocation", body);
    REQUIRE(r.status == 200);
    return Json::parse(r.body);
}

}  // namespace

// ---- invocation_content -------------------------------------------------------------------

TEST_CASE("invocation_content keeps an output that fits its member's limit, to the byte") {
    CHECK(invocation_content("", OutputMember::StandardOutput) == "");
    CHECK(invocation_content("ok\n", OutputMember::StandardOutput) == "ok\n");
    const std::string at_limit(ssmview::kMaxStdoutChars, 'x');
    CHECK(invocation_content(at_limit, OutputMember::StandardOutput) == at_limit);
    const std::string err_at_limit(ssmview::kMaxStderrChars, 'e');
    CHECK(invocation_content(err_at_limit, OutputMember::StandardError) == err_at_limit);
}

TEST_CASE("invocation_content cuts stdout at 24,000 bytes with the agent's stdout marker, stderr at 8,000 with its own") {
    const std::string out(ssmview::kMaxStdoutChars + 1, 'x');
    const std::string cut = invocation_content(out, OutputMember::StandardOutput);
    CHECK(cut == std::string(ssmview::kMaxStdoutChars - kOutMarker.size(), 'x') + kOutMarker);
    CHECK(cut.size() == ssmview::kMaxStdoutChars);

    const std::string err(20000, 'e');
    const std::string err_cut = invocation_content(err, OutputMember::StandardError);
    CHECK(err_cut == std::string(ssmview::kMaxStderrChars - kErrMarker.size(), 'e') + kErrMarker);
    // The markers are the core's: the core reads the cut back as one.
    CHECK(ssmview::truncation_marker_at_end(cut)->stream == std::string("stdout"));
    CHECK(ssmview::truncation_marker_at_end(err_cut)->stream == std::string("stderr"));
}

TEST_CASE("invocation_content counts bytes: a character the cut breaks becomes one U+FFFD per byte kept") {
    const std::size_t keep = ssmview::kMaxStdoutChars - kOutMarker.size();  // 23,977
    const std::string tail = repeat("日本", 20);                               // 3 bytes a character
    // The cut after 1 and after 2 of the 3 bytes of 日, after 3 of the 4 bytes of an emoji.
    CHECK(invocation_content(std::string(keep - 1, 'x') + tail, OutputMember::StandardOutput) ==
          std::string(keep - 1, 'x') + kFffd + kOutMarker);
    CHECK(invocation_content(std::string(keep - 2, 'x') + tail, OutputMember::StandardOutput) ==
          std::string(keep - 2, 'x') + kFffd + kFffd + kOutMarker);
    CHECK(invocation_content(std::string(keep - 3, 'x') + repeat("🚀", 10), OutputMember::StandardOutput) ==
          std::string(keep - 3, 'x') + kFffd + kFffd + kFffd + kOutMarker);
    // A character that ends exactly at the cut stays whole.
    CHECK(invocation_content(std::string(keep - 3, 'x') + tail, OutputMember::StandardOutput) ==
          std::string(keep - 3, 'x') + "日" + kOutMarker);
    // All multi-byte: never more characters than the limit, and fewer bytes kept than characters allowed.
    const std::string cjk = repeat("日", 10000);
    const std::string cut = invocation_content(cjk, OutputMember::StandardOutput);
    CHECK(ssmview::utf8_length(cut) <= ssmview::kMaxStdoutChars);
    CHECK(cut == repeat("日", static_cast<int>(keep / 3)) + repeat(kFffd, static_cast<int>(keep % 3)) + kOutMarker);
}

// ---- the export ---------------------------------------------------------------------------

TEST_CASE("the export writes 200,000 rows, a few MB, below the proxy's 16 MiB answer limit") {
    const SimCommand* c = find_command(kExport);
    REQUIRE(c);
    const std::string_view out = c->invocations[0].steps[0].out.text();
    CHECK(std::count(out.begin(), out.end(), '\n') == 200003);  // a title, the CSV header, the rows, a summary
    CHECK(out.size() > 4u * 1024 * 1024);
    CHECK(out.size() < 8u * 1024 * 1024);
    CHECK(out.find("\n000001,SKU-") != std::string_view::npos);
    CHECK(out.find("\n200000,SKU-") != std::string_view::npos);
    CHECK(out.find(" bytes echoed;") != std::string_view::npos);
}

TEST_CASE("the export's StandardOutputContent is the first 24,000 bytes of its output, and the core reads it as cut") {
    const SimCommand* c = find_command(kExport);
    const Json j = final_answer(*c);
    const std::string content = j["StandardOutputContent"];
    const std::string_view whole = c->invocations[0].steps[0].out.text();
    CHECK(content == std::string(whole.substr(0, ssmview::kMaxStdoutChars - kOutMarker.size())) + kOutMarker);
    CHECK(ssmview::utf8_length(content) == ssmview::kMaxStdoutChars);
    const ssmview::Report r = ssmview::analyze(j.dump());
    CHECK(ssmview::output_cut(r, OutputMember::StandardOutput).reason == ssmview::CutReason::Marker);
    CHECK(ssmview::output_cut(r, OutputMember::StandardError).reason == ssmview::CutReason::None);
    CHECK(j["StandardErrorContent"] == std::string(c->invocations[0].steps[0].err.text()));
}

// ---- the translation dump -------------------------------------------------------------------

TEST_CASE("the translation dump's 24,000-byte cut falls inside a multi-byte character") {
    const SimCommand* c = find_command(kI18n);
    REQUIRE(c);
    const std::string_view whole = c->invocations[0].steps[0].out.text();
    const std::size_t keep = ssmview::kMaxStdoutChars - kOutMarker.size();
    // The first byte not kept is a continuation byte: the character it belongs to is broken.
    REQUIRE(whole.size() > keep);
    CHECK((static_cast<unsigned char>(whole[keep]) & 0xC0) == 0x80);

    const Json j = final_answer(*c);
    const std::string content = j["StandardOutputContent"];
    CHECK(content.size() > kOutMarker.size() + kFffd.size());
    CHECK(content.compare(content.size() - kOutMarker.size() - kFffd.size(), kFffd.size(), kFffd) == 0);
    CHECK(ssmview::utf8_length(content) <= ssmview::kMaxStdoutChars);
    CHECK(ssmview::utf8_length(content) < content.size());  // multi-byte text: fewer characters than bytes

    const std::string err = j["StandardErrorContent"];
    const std::string_view whole_err = c->invocations[0].steps[0].err.text();
    CHECK(whole_err.size() > 12000);
    CHECK(err == std::string(whole_err.substr(0, ssmview::kMaxStderrChars - kErrMarker.size())) + kErrMarker);
    const ssmview::Report r = ssmview::analyze(j.dump());
    CHECK(r.valid());
    CHECK(r.count(ssmview::Severity::Warning) == 0);
    CHECK(ssmview::output_cut(r, OutputMember::StandardOutput).reason == ssmview::CutReason::Marker);
    CHECK(ssmview::output_cut(r, OutputMember::StandardError).reason == ssmview::CutReason::Marker);
}

// ---- Output -------------------------------------------------------------------------------

TEST_CASE("Output::until is what was written by then, a prefix of the whole text") {
    Output o{{100, "a\n"}, {100, "b\n"}, {250, "c\n"}};
    CHECK(o.until(-1) == "");
    CHECK(o.until(99) == "");
    CHECK(o.until(100) == "a\nb\n");
    CHECK(o.until(249) == "a\nb\n");
    CHECK(o.until(250) == "a\nb\nc\n");
    CHECK(o.until(1000000) == o.text());
    CHECK(o.marks().size() == 3);
    CHECK(Output().until(5).empty());
}
