// tests/view/view_bad_inputs_test.cpp: nothing a user can paste breaks the view.
//
// Index
//   draw_everywhere   every tab, both themes, wrapped and not: no crash, state() still answers
//   empty, whitespace, binary (NULs, invalid UTF-8), half a JSON, wrong JSON types, deep nesting
//   the CLI's other output formats for every state (YAML, YAML stream, text, table)
//   megabyte values in Comment and Status: drawn clipped, in bounded vertices
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "headless.h"

using namespace ssmview;
using test::Headless;

namespace {

void draw_everywhere(Headless& h, ViewState& s) {
    for (ViewTab tab : {ViewTab::Output, ViewTab::Diagnostics, ViewTab::Raw, ViewTab::Share, ViewTab::Input}) {
        for (int variant = 0; variant < 2; ++variant) {
            s.ui.tab = tab;
            s.ui.wrap = variant == 1;
            s.ui.theme = variant == 1 ? ThemeChoice::Dark : ThemeChoice::Light;
            s.ui.find_query = variant == 1 ? "a" : "";
            h.frames(s, 2);
            CHECK(h.stats().vertices > 0);
            CHECK(h.stats().vertices < 400000);
        }
    }
    const Json j = view_state_to_json(s);
    CHECK(j.contains("phase"));
    CHECK(j.dump(-1, ' ', false, Json::error_handler_t::replace).size() > 0);
}

ViewState load(const std::string& text) {
    ViewState s;
    view_load_text(s, text, LoadSource::Paste, "pasted text");
    return s;
}

}  // namespace

TEST_CASE("empty and blank input draw, with a diagnostic and no invocation", "[bad]") {
    Headless h;
    for (const char* text : {"", "   \n\t\r\n  "}) {
        ViewState s = load(text);
        CHECK_FALSE(s.report.has_invocation);
        CHECK(s.ui.tab == ViewTab::Diagnostics);
        CHECK(!s.report.diagnostics.empty());
        draw_everywhere(h, s);
        CHECK(view_state_to_json(s)["phase"] == "unknown");
    }
}

TEST_CASE("binary input (NULs, invalid UTF-8, control bytes) draws and is diagnosed", "[bad]") {
    Headless h;
    std::mt19937 rng(7);
    std::string bytes(64 * 1024, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
    ViewState s = load(bytes);
    CHECK_FALSE(s.report.has_invocation);
    CHECK(view_state_to_json(s)["format"] == "binary");
    draw_everywhere(h, s);
}

TEST_CASE("half a JSON, wrong member types and deep nesting draw with diagnostics", "[bad]") {
    Headless h;
    const std::string full = test::fixture("success_rich");
    for (const std::string& text : {full.substr(0, full.size() / 2),
                                    std::string(R"({"CommandId": 5, "Status": ["Success"], "StandardOutputContent": {"a": 1}})"),
                                    std::string(20000, '['), std::string("[1, 2, 3]"), std::string("42"),
                                    std::string("{\"StandardOutputContent\": \"\xff\xfe bad \xc0\xaf utf-8\", \"Status\": \"Success\"}")}) {
        INFO(text.substr(0, 60));
        ViewState s = load(text);
        CHECK(!s.report.diagnostics.empty());
        draw_everywhere(h, s);
    }
}

TEST_CASE("the CLI's YAML, YAML stream, text and table output of every state draws", "[bad][formats]") {
    Headless h(1000.0f, 700.0f);
    int count = 0;
    const Sample* samples = view_samples(count);
    for (int i = 0; i < count; ++i) {
        for (const char* ext : {"yaml", "yaml-stream", "text", "table"}) {
            INFO(samples[i].name << "." << ext);
            ViewState s = load(test::fixture(samples[i].name, ext));
            h.frames(s, 2);
            s.ui.tab = ViewTab::Raw;
            h.frames(s, 2);
            const Json j = view_state_to_json(s);
            CHECK(j["format"] != "json");
            CHECK(h.stats().vertices < 400000);
        }
    }
}

TEST_CASE("megabyte values in Comment, Status and DocumentName are drawn clipped", "[bad][large]") {
    Headless h;
    const std::string huge(1024 * 1024, 'x');
    Json j = {{"CommandId", huge}, {"Comment", huge}, {"DocumentName", huge}, {"Status", huge},
              {"StatusDetails", huge}, {"StandardOutputContent", "ok\n"}, {"StandardOutputUrl", "https://s3.amazonaws.com/b/" + huge}};
    ViewState s = load(j.dump());
    REQUIRE(s.report.has_invocation);
    draw_everywhere(h, s);
    s.ui.tab = ViewTab::Output;
    h.frames(s, 2);
    CHECK(h.stats().vertices < 100000);
    // Copy still copies the whole value.
    CHECK(h.click(s, "header.copy.Comment").copy_text.size() == huge.size());
}
