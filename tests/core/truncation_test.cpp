// tests/core/truncation_test.cpp: when an output was cut, for both streams, and how it is said.
//
// Index
//   the markers        the agent's exact spellings (stderr's has four dashes at the end), near misses
//   the diagnostics    output.truncated / output.at_limit at each member's path, exact messages
//   the limits         at, under and over 24,000 / 8,000 characters, counted in code points
//   output_cut         reads the diagnostics back: agrees with them for every case here
//   the sentences      output_limit_sentence, the catalogue's summary
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace ssmview;
using namespace ssmview_test;

namespace {

std::string json_string(const std::string& s) { return Json(s).dump(); }

// A finished invocation with the given outputs (absent when null).
std::string finished_with(const char* out, const char* err, const std::string& extra = "") {
    std::string members = "\"Status\": \"Success\", \"StatusDetails\": \"Success\", \"ResponseCode\": 0";
    if (out) members += ", \"StandardOutputContent\": " + json_string(out);
    if (err) members += ", \"StandardErrorContent\": " + json_string(err);
    return invocation_with(members + extra);
}

std::vector<const Diagnostic*> findings_at(const Report& r, const std::string& path) {
    std::vector<const Diagnostic*> out;
    for (const Diagnostic& d : r.diagnostics)
        if (d.path == path && (d.code == "output.truncated" || d.code == "output.at_limit")) out.push_back(&d);
    return out;
}

// output_cut must say exactly what the diagnostics say, for both members.
void check_cut_agrees(const Report& r) {
    for (OutputMember m : {OutputMember::StandardOutput, OutputMember::StandardError}) {
        const auto found = findings_at(r, output_spec(m).path);
        REQUIRE(found.size() <= 1);
        const OutputCut cut = output_cut(r, m);
        INFO(output_spec(m).content);
        CHECK(cut.cut() == !found.empty());
        if (found.empty()) continue;
        CHECK(cut.finding == found[0]);
        CHECK(cut.reason == (found[0]->code == "output.truncated" ? CutReason::Marker : CutReason::AtLimit));
    }
}

}  // namespace

TEST_CASE("the agent's markers are spelled exactly as the agent writes them", "[truncation]") {
    REQUIRE(std::size(kTruncationMarkers) == 3);
    CHECK(std::string(kTruncationMarkers[0].text) == "---Output truncated---");
    CHECK(std::string(kTruncationMarkers[1].text) == "---Error truncated----");  // four dashes at the end
    CHECK(std::string(kTruncationMarkers[2].text) == "--output truncated--");
    CHECK(std::string(kTruncationMarkers[0].stream) == "stdout");
    CHECK(std::string(kTruncationMarkers[1].stream) == "stderr");
    CHECK(std::string(kTruncationMarkers[2].stream) == "both");
}

TEST_CASE("a marker is found at the end of the text, after trailing spaces and line breaks", "[truncation]") {
    auto marker = [](const std::string& s) {
        const TruncationMarker* m = truncation_marker_at_end(s);
        return m ? std::string(m->text) : std::string("(none)");
    };
    CHECK(marker("lots of output\n---Output truncated---") == "---Output truncated---");
    CHECK(marker("lots of output\n---Output truncated---\n") == "---Output truncated---");
    CHECK(marker("lots of output\n---Output truncated---\r\n \n") == "---Output truncated---");
    CHECK(marker("errors\n---Error truncated----") == "---Error truncated----");
    CHECK(marker("an older agent cut here--output truncated--") == "--output truncated--");
    CHECK(marker("---Error truncated----") == "---Error truncated----");  // the whole text
    // Near misses.
    CHECK(marker("") == "(none)");
    CHECK(marker("\n\n") == "(none)");
    CHECK(marker("the output truncated nothing") == "(none)");
    CHECK(marker("Output truncated---") == "(none)");
    CHECK(marker("errors\n---Error truncated---") == "(none)");   // three dashes: not the agent's
    CHECK(marker("---Output truncated---\nmore after it") == "(none)");
    CHECK(marker("---output TRUNCATED---") == "(none)");  // the agent never changes its case
}

TEST_CASE("stdout ending in the stdout marker: output.truncated at /StandardOutputContent, naming the S3 URL",
          "[truncation]") {
    const Report r = analyze(read_fixture("aws-cli/truncated.json"));
    const auto out = findings_at(r, "/StandardOutputContent");
    REQUIRE(out.size() == 1);
    CHECK(out[0]->code == "output.truncated");
    CHECK(out[0]->severity == Severity::Info);
    CHECK(out[0]->message ==
          "StandardOutputContent ends in the agent's \"---Output truncated---\" marker: the service kept only the first "
          "part. The full text is at https://s3.us-east-1.amazonaws.com/acme-ssm-output/journal/"
          "0c9f51f7-a774-4e7b-8649-c97ef6062077/i-039e8c87c496b98cf/awsrunShellScript/0.awsrunShellScript/stdout.");
    CHECK(findings_at(r, "/StandardErrorContent").empty());
    check_cut_agrees(r);
}

TEST_CASE("stderr ending in the stderr marker: output.truncated at /StandardErrorContent", "[truncation]") {
    const Report r = analyze(finished_with("fine\n", "boom\nboom\n---Error truncated----"));
    CHECK(findings_at(r, "/StandardOutputContent").empty());
    const auto err = findings_at(r, "/StandardErrorContent");
    REQUIRE(err.size() == 1);
    CHECK(err[0]->code == "output.truncated");
    CHECK(err[0]->message ==
          "StandardErrorContent ends in the agent's \"---Error truncated----\" marker: the service kept only the first "
          "part. The full text was not sent to S3 (no URL is set).");
    const OutputCut cut = output_cut(r, OutputMember::StandardError);
    CHECK(cut.reason == CutReason::Marker);
    CHECK_FALSE(output_cut(r, OutputMember::StandardOutput).cut());
    check_cut_agrees(r);
}

TEST_CASE("both streams cut at once are both reported; an older agent's marker counts on either", "[truncation]") {
    const Report both = analyze(finished_with("a\n---Output truncated---", "b\n---Error truncated----\n"));
    CHECK(output_cut(both, OutputMember::StandardOutput).reason == CutReason::Marker);
    CHECK(output_cut(both, OutputMember::StandardError).reason == CutReason::Marker);
    check_cut_agrees(both);

    const Report old = analyze(finished_with("abc--output truncated--", "def--output truncated--"));
    REQUIRE(output_cut(old, OutputMember::StandardOutput).cut());
    REQUIRE(output_cut(old, OutputMember::StandardError).cut());
    CHECK(output_cut(old, OutputMember::StandardError).finding->message.rfind(
              "StandardErrorContent ends in the agent's \"--output truncated--\" marker", 0) == 0);
    check_cut_agrees(old);
}

TEST_CASE("exactly at the limit is at_limit; under it nothing; over it a constraint warning and no cut", "[truncation]") {
    struct Case { OutputMember member; std::size_t limit; const char* over_code; };
    for (const Case c : {Case{OutputMember::StandardOutput, kMaxStdoutChars, "constraint.stdout_length"},
                         Case{OutputMember::StandardError, kMaxStderrChars, "constraint.stderr_length"}}) {
        const OutputSpec& spec = output_spec(c.member);
        INFO(spec.content);
        CHECK(spec.limit_chars == c.limit);
        auto with = [&](const std::string& text) {
            return analyze(c.member == OutputMember::StandardOutput ? finished_with(text.c_str(), nullptr)
                                                                    : finished_with(nullptr, text.c_str()));
        };
        // Two-byte characters: the limit counts characters, not bytes.
        std::string at;
        for (std::size_t i = 0; i < c.limit; ++i) at += "\xCE\xA9";
        const Report r_at = with(at);
        const auto found = findings_at(r_at, spec.path);
        REQUIRE(found.size() == 1);
        CHECK(found[0]->code == "output.at_limit");
        CHECK(found[0]->message == std::string(spec.content) + " is exactly " + std::to_string(c.limit) +
                                       " characters, the service's limit: it was probably cut. The full text was not sent "
                                       "to S3 (no URL is set).");
        CHECK(output_cut(r_at, c.member).reason == CutReason::AtLimit);
        CHECK_FALSE(has_code(r_at, c.over_code));
        check_cut_agrees(r_at);

        const Report r_under = with(at.substr(2));
        CHECK(findings_at(r_under, spec.path).empty());
        CHECK_FALSE(output_cut(r_under, c.member).cut());

        const Report r_over = with(at + "x");
        CHECK(findings_at(r_over, spec.path).empty());
        CHECK_FALSE(output_cut(r_over, c.member).cut());
        CHECK(has_code(r_over, c.over_code));
        check_cut_agrees(r_over);
    }
}

TEST_CASE("a marker at the limit is reported once, as the marker", "[truncation]") {
    const std::string marker = "\n---Output truncated---";
    const std::string text = std::string(kMaxStdoutChars - marker.size(), 'o') + marker;
    REQUIRE(text.size() == kMaxStdoutChars);
    const Report r = analyze(finished_with(text.c_str(), nullptr));
    const auto found = findings_at(r, "/StandardOutputContent");
    REQUIRE(found.size() == 1);
    CHECK(found[0]->code == "output.truncated");
    check_cut_agrees(r);
}

TEST_CASE("no output, empty output and reports without an invocation are never cut", "[truncation]") {
    for (const std::string& text : {finished_with(nullptr, nullptr), finished_with("", ""), std::string(""),
                                    std::string("not json at all")}) {
        const Report r = analyze(text);
        CHECK_FALSE(output_cut(r, OutputMember::StandardOutput).cut());
        CHECK_FALSE(output_cut(r, OutputMember::StandardError).cut());
        CHECK(output_cut(r, OutputMember::StandardError).finding == nullptr);
    }
}

TEST_CASE("the limit sentence and the catalogue are written from the same limits and markers", "[truncation]") {
    CHECK(output_limit_sentence(OutputMember::StandardOutput) ==
          "GetCommandInvocation returns only the first 24,000 characters of standard output.");
    CHECK(output_limit_sentence(OutputMember::StandardError) ==
          "GetCommandInvocation returns only the first 8,000 characters of standard error.");
    for (const DiagnosticCode& c : diagnostic_catalogue()) {
        if (std::string(c.code) != "output.truncated") continue;
        for (const TruncationMarker& m : kTruncationMarkers) {
            INFO(m.text);
            CHECK(std::string(c.summary).find(m.text) != std::string::npos);
        }
    }
}
