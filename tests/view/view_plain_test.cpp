// tests/view/view_plain_test.cpp: plain output (core ReportKind::Plain) in the view.
//
// Index
//   shown      what `--query StandardOutputContent --output text` prints opens on the Output tab
//              with its notice, no status, and the output pane's colours and lines
//   find       find, folded, works on it
//   share      the link carries the text itself, masked; analyze() reads it back as plain output
//   mirror     the HTML mirror says what it is and lists the output
#include <string>

#include <catch2/catch.hpp>

#include "headless.h"
#include "redact.h"
#include "view_mirror.h"

using namespace ssmview;
using test::Headless;

namespace {

std::string queried() { return test::read_file(std::string(SSMVIEW_FIXTURES) + "/aws-cli/success_rich.stdout.text"); }

}  // namespace

TEST_CASE("plain output opens on the Output tab with its notice and no status", "[plain]") {
    Headless h;
    ViewState s;
    view_load_text(s, queried(), LoadSource::Paste, "pasted text");
    const std::string text = h.frame_text(s);
    h.frames(s, 2);
    const Json j = view_state_to_json(s);
    CHECK(j["kind"] == "plain");
    CHECK(j["format"] == "plain");
    CHECK(j["valid"] == true);
    CHECK(j["phase"] == "unknown");
    CHECK(j["ui"]["tab"] == "output");
    CHECK(j["controls"].contains("summary.plain"));
    CHECK(j["controls"].contains("output.pane"));
    CHECK(j["fields"]["StandardOutputContent"]["lines"] == 27);  // 26 lines and the CLI's own final newline
    CHECK(j["diagnostics"].size() == 1);
    CHECK(j["diagnostics"][0]["code"] == "input.plain");
    CHECK(text.find("Plain output: no status is known") != std::string::npos);
    CHECK(text.find("SUCCESS") == std::string::npos);  // nothing claims a status
}

TEST_CASE("find works on plain output, folding case", "[plain][find]") {
    Headless h;
    ViewState s;
    view_load_text(s, queried(), LoadSource::Paste);
    s.ui.find_query = "HEALTH REPORT";
    h.frames(s, 2);
    CHECK(view_state_to_json(s)["ui"]["find"]["matches"] == 1);
    s.ui.find_query = "\xce\xba\xce\xb1\xce\xbb\xce\xb7\xce\xbc\xce\xad\xcf\x81\xce\xb1";  // καλημέρα finds Καλημέρα
    h.frames(s, 2);
    CHECK(view_state_to_json(s)["ui"]["find"]["matches"] == 1);
}

TEST_CASE("a plain output's link carries the masked text, and opens as plain output again", "[plain][share]") {
    Headless h;
    ViewState s;
    const std::string text = "deploy log\nkey AKIAIOSFODNN7EXAMPLE used\n";
    view_load_text(s, text, LoadSource::Paste);
    s.ui.tab = ViewTab::Share;
    h.frames(s, 2);
    CHECK(view_state_to_json(s)["share"]["redactions"] == 1);
    const ViewActions a = h.click(s, "share.copy_link");
    REQUIRE(a.request_share_link);
    CHECK(a.share_json == "deploy log\nkey [redacted] used\n");
    const Report back = analyze(a.share_json);
    CHECK(back.kind == ReportKind::Plain);
    CHECK(back.invocation.standard_output_content.value == a.share_json);
}

TEST_CASE("the HTML mirror names plain output and lists its lines", "[plain][mirror]") {
    Headless h;
    ViewState s;
    view_load_text(s, queried(), LoadSource::Paste);
    h.frames(s, 2);
    const ViewMirror m = view_mirror(s, h.env);
    CHECK(m.heading == "Plain output: no status is known");
    CHECK(m.title == "Plain output \xe2\x80\x94 ssmview");
    REQUIRE(m.stdout_text != nullptr);
    CHECK(m.stdout_text->find("Health report") != std::string::npos);
}
