// tests/view/view_bad_inputs_test.cpp: nothing a user can paste breaks the view, and the view says why.
//
// Index
//   draw_everywhere   every tab, both themes, wrapped and not: no frame throws (ImGui's asserts
//                     abort the test), vertices stay bounded, state() still dumps as the page dumps it
//   shows_why         with no invocation the summary says so and shows the core's first error;
//                     the Diagnostics tab lists every finding's code
//   empty, whitespace, binary (NULs, invalid UTF-8), half a JSON, wrong JSON types, deep nesting,
//   arrays and numbers: the exact diagnostic codes state() reports, and the tab shown first
//   the CLI's text and table output for every state: named as such; its YAML: read as the JSON is
//   megabyte values in Comment and Status: drawn clipped, in bounded vertices, copied whole
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "headless.h"
#include "view_layout.h"
#include "wording.h"

using namespace ssmview;
using test::Headless;

namespace {

std::vector<std::string> codes(const ViewState& s) {
    std::vector<std::string> out;
    const Json j = view_state_to_json(s);
    for (const Json& d : j["diagnostics"]) out.push_back(d["code"]);
    return out;
}

void draw_everywhere(Headless& h, ViewState& s) {
    const ViewUi keep = s.ui;
    for (ViewTab tab : {ViewTab::Output, ViewTab::Diagnostics, ViewTab::Raw, ViewTab::Share, ViewTab::Input}) {
        for (int variant = 0; variant < 2; ++variant) {
            INFO("tab " << view_tab_name(tab) << ", variant " << variant);
            s.ui.tab = tab;
            s.ui.wrap = variant == 1;
            s.ui.theme = variant == 1 ? ThemeChoice::Dark : ThemeChoice::Light;
            s.ui.find_query = variant == 1 ? "a" : "";
            REQUIRE_NOTHROW(h.frames(s, 2));
            CHECK(h.stats().vertices > 0);
            CHECK(h.stats().vertices < 400000);
            CHECK(view_state_to_json(s)["ui"]["tab"] == view_tab_name(tab));
        }
    }
    // The page dumps state() with invalid UTF-8 replaced (wasm/platform_page.cpp): that must not throw.
    CHECK_NOTHROW(view_state_to_json(s).dump(-1, ' ', false, Json::error_handler_t::replace));
    s.ui = keep;
}

// The canvas's own words: with no invocation the summary says so and shows the core's first error
// message; the Diagnostics tab lists every finding's code.
void shows_why(Headless& h, ViewState& s) {
    const ViewUi keep = s.ui;
    s.ui.tab = ViewTab::Output;
    h.frames(s, 2);
    const std::string summary = h.frame_text(s);
    if (!s.report.has_invocation) {
        CHECK(summary.find(not_shown_text()) != std::string::npos);
        const Diagnostic* first_error = nullptr;
        for (const Diagnostic& d : s.report.diagnostics)
            if (d.severity == Severity::Error) { first_error = &d; break; }
        REQUIRE(first_error != nullptr);
        CHECK(summary.find(first_error->message) != std::string::npos);
    }
    s.ui.tab = ViewTab::Diagnostics;
    h.frames(s, 2);
    const std::string listed = h.frame_text(s);
    for (const Diagnostic& d : s.report.diagnostics) {
        INFO(d.code);
        CHECK(listed.find(d.code) != std::string::npos);
    }
    s.ui = keep;
}

ViewState load(const std::string& text) {
    ViewState s;
    view_load_text(s, text, LoadSource::Paste, "pasted text");
    return s;
}

}  // namespace

TEST_CASE("empty and blank input: input.empty, the Diagnostics tab first, and the summary says why", "[bad]") {
    Headless h;
    const std::pair<const char*, const char*> cases[] = {
        {"", "The input is empty: paste the output of `aws ssm get-command-invocation --output json`."},
        {"   \n\t\r\n  ", "The input is only white space: paste the output of `aws ssm get-command-invocation --output json`."},
    };
    for (const auto& [text, message] : cases) {
        INFO("input \"" << text << "\"");
        ViewState s = load(text);
        CHECK_FALSE(s.report.has_invocation);
        CHECK(s.ui.tab == ViewTab::Diagnostics);
        CHECK(codes(s) == std::vector<std::string>{"input.empty"});
        const Json j = view_state_to_json(s);
        CHECK(j["phase"] == "unknown");
        CHECK(j["format"] == "empty");
        CHECK(j["diagnostics"][0]["message"] == message);
        draw_everywhere(h, s);
        shows_why(h, s);
    }
}

TEST_CASE("binary input (NULs, invalid UTF-8, control bytes): input.binary, drawn and explained", "[bad]") {
    Headless h;
    std::mt19937 rng(7);
    std::string bytes(64 * 1024, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
    ViewState s = load(bytes);
    CHECK_FALSE(s.report.has_invocation);
    CHECK(codes(s) == std::vector<std::string>{"input.binary"});
    const Json j = view_state_to_json(s);
    CHECK(j["format"] == "binary");
    CHECK(j["diagnostics"][0]["message"] == "This is binary data, not text: paste the JSON that `aws ssm get-command-invocation` prints.");
    draw_everywhere(h, s);
    shows_why(h, s);
}

TEST_CASE("half a JSON, wrong member types, deep nesting, arrays and numbers: the exact findings, drawn", "[bad]") {
    Headless h;
    const std::string full = test::fixture("success_rich");
    struct Case {
        std::string              text;
        bool                     has_invocation;
        std::vector<std::string> codes;
    };
    const Case cases[] = {
        {full.substr(0, full.size() / 2), false, {"json.truncated"}},
        {R"({"CommandId": 5, "Status": ["Success"], "StandardOutputContent": {"a": 1}})", true,
         {"model.wrong_type", "model.wrong_type", "model.wrong_type", "status.missing"}},
        {std::string(20000, '['), false, {"json.too_deep"}},
        {"[1, 2, 3]", false, {"model.not_object"}},
        {"42", false, {"model.not_object"}},
        {"{\"StandardOutputContent\": \"\xff\xfe bad \xc0\xaf utf-8\", \"Status\": \"Success\"}", true,
         {"json.invalid_utf8", "time.missing_end"}},
    };
    for (const Case& c : cases) {
        INFO(c.text.substr(0, 60));
        ViewState s = load(c.text);
        CHECK(s.report.has_invocation == c.has_invocation);
        CHECK(s.ui.tab == (c.has_invocation ? ViewTab::Output : ViewTab::Diagnostics));
        CHECK(codes(s) == c.codes);
        draw_everywhere(h, s);
        shows_why(h, s);
    }
}

TEST_CASE("the CLI's text and table output of every state is named, not read as JSON", "[bad][formats]") {
    Headless h(1000.0f, 700.0f);
    int count = 0;
    const Sample* samples = view_samples(count);
    const std::pair<const char*, const char*> formats[] = {{"text", "input.text"}, {"table", "input.table"}};
    for (int i = 0; i < count; ++i) {
        for (const auto& [ext, code] : formats) {
            INFO(samples[i].name << "." << ext);
            ViewState s = load(test::fixture(samples[i].name, ext));
            REQUIRE_NOTHROW(h.frames(s, 2));
            s.ui.tab = ViewTab::Raw;
            REQUIRE_NOTHROW(h.frames(s, 2));
            const Json j = view_state_to_json(s);
            CHECK(j["format"] == ext);
            CHECK(j["has_invocation"] == false);
            CHECK(codes(s) == std::vector<std::string>{code});
            CHECK(h.stats().vertices < 400000);
        }
    }
}

TEST_CASE("the CLI's YAML and YAML stream output of every state shows what its JSON twin shows", "[formats]") {
    Headless h(1000.0f, 700.0f);
    int count = 0;
    const Sample* samples = view_samples(count);
    for (int i = 0; i < count; ++i) {
        ViewState json = load(test::fixture(samples[i].name, "json"));
        h.frames(json, 2);
        Json want = view_state_to_json(json);
        for (const char* ext : {"yaml", "yaml-stream"}) {
            INFO(samples[i].name << "." << ext);
            ViewState s = load(test::fixture(samples[i].name, ext));
            REQUIRE_NOTHROW(h.frames(s, 2));
            Json got = view_state_to_json(s);
            CHECK(got["format"] == ext);
            CHECK(got["has_invocation"] == true);
            for (const char* k : {"format", "diagnostics", "counts"}) got.erase(k), want.erase(k);
            CHECK(got == want);
            draw_everywhere(h, s);
        }
    }
}

TEST_CASE("megabyte values in Comment, Status and DocumentName are drawn clipped and copied whole", "[bad][large]") {
    Headless h;
    const std::string huge(1024 * 1024, 'x');
    Json j = {{"CommandId", huge}, {"Comment", huge}, {"DocumentName", huge}, {"Status", huge},
              {"StatusDetails", huge}, {"StandardOutputContent", "ok\n"}, {"StandardOutputUrl", "https://s3.amazonaws.com/b/" + huge}};
    ViewState s = load(j.dump());
    REQUIRE(s.report.has_invocation);
    CHECK(codes(s) == std::vector<std::string>{"constraint.command_id_length", "constraint.comment_length",
                                               "constraint.document_name_pattern", "status.unknown", "status.details_unknown"});
    draw_everywhere(h, s);
    s.ui.tab = ViewTab::Output;
    h.frames(s, 2);
    CHECK(h.stats().vertices < 100000);
    // What the summary shows is clipped: a megabyte of "x" never reaches the frame's text.
    const std::string drawn = h.frame_text(s);
    CHECK(drawn.find(std::string(kClipSentence + 1, 'x')) == std::string::npos);
    CHECK(drawn.find(" more characters)") != std::string::npos);
    // Copy still copies the whole value.
    CHECK(h.click(s, "header.copy.Comment").copy_text.size() == huge.size());
}
