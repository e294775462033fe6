// tests/view/view_large_test.cpp: a 10 MB, 200,000-line output draws in bounded work.
//
// Index
//   invocation_with_output, ten_megabytes_of_lines   a JSON invocation with a 10 MB, 200,000-line
//                         StandardOutputContent (small_output_vertices: the same for 200 lines)
//   vertex bound          the frame's vertex count stays near a small output's, at the top, in the
//                         middle (after a find jump) and at the end, wrapped and not: the clipper
//                         draws only what is visible
//   one 4 MB line         no line breaks at all: still bounded (only visible columns are drawn)
//   timings               load and frame times are printed (not asserted tightly: CI machines vary)
#include <chrono>
#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

#include "headless.h"
#include "view_model.h"

using namespace ssmview;
using test::Headless;

namespace {

std::string invocation_with_output(const std::string& out) {
    Json j = {{"CommandId", "9f8e7d6c-5b4a-3210-fedc-ba9876543210"}, {"InstanceId", "i-0fedcba9876543210"},
              {"DocumentName", "AWS-RunShellScript"}, {"Status", "Success"}, {"StatusDetails", "Success"},
              {"ResponseCode", 0}, {"StandardOutputContent", out}, {"StandardErrorContent", ""}};
    return j.dump(4);
}

std::string ten_megabytes_of_lines() {
    std::string out;
    out.reserve(10u * 1024u * 1024u + 4096u);
    for (int i = 0; i < 200000; ++i) {
        out += "\x1b[32m";
        out += std::to_string(i);
        out += "\x1b[0m ";
        out.append(static_cast<std::size_t>(20 + i % 40), static_cast<char>('a' + i % 26));
        out += i == 150000 ? " NEEDLE" : " haystack";
        out += '\n';
    }
    return out;  // about 13 MB with escapes, 11 MB as shown
}

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

int small_output_vertices(Headless& h, bool wrap) {
    ViewState s;
    std::string out;
    for (int i = 0; i < 200; ++i) out += "\x1b[32m" + std::to_string(i) + "\x1b[0m small line of output text\n";
    view_load_text(s, invocation_with_output(out), LoadSource::Paste);
    s.ui.wrap = wrap;
    h.frames(s, 3);
    return h.stats().vertices;
}

}  // namespace

TEST_CASE("a 10 MB, 200,000-line output draws with about as many vertices as a small one", "[large][clipper]") {
    Headless h(1280.0f, 800.0f);
    const std::string out = ten_megabytes_of_lines();
    REQUIRE(out.size() >= 10u * 1024u * 1024u);
    const std::string text = invocation_with_output(out);

    auto t0 = std::chrono::steady_clock::now();
    ViewState s;
    view_load_text(s, text, LoadSource::Paste);
    const double load_ms = ms_since(t0);
    REQUIRE(s.report.has_invocation);
    REQUIRE(s.model->out[0].doc.lines.count() == 200000);

    t0 = std::chrono::steady_clock::now();
    h.frames(s, 3);
    const double first_frames_ms = ms_since(t0);
    const int small_nowrap = small_output_vertices(h, false);
    h.frames(s, 2);
    const int top = h.stats().vertices;

    // Jump to the middle through find, then to the end.
    s.ui.find_query = "NEEDLE";
    h.frames(s, 2);
    const Json j = view_state_to_json(s);
    CHECK(j["ui"]["find"]["matches"] == 1);
    const int needle_first = j["visible"]["stdout_first_line"];
    CHECK(needle_first > 149900);
    CHECK(needle_first <= 150001);
    const int middle = h.stats().vertices;

    s.ui.find_query = "199999";
    h.frames(s, 2);
    CHECK(view_state_to_json(s)["visible"]["stdout_first_line"].get<int>() > 199900);
    t0 = std::chrono::steady_clock::now();
    h.frames(s, 10);
    const double frame_ms = ms_since(t0) / 10.0;
    const int end = h.stats().vertices;

    std::printf("10 MB output: load %.1f ms, first 3 frames %.1f ms, steady frame %.2f ms; vertices top %d middle %d end %d "
                "(200-line output: %d)\n", load_ms, first_frames_ms, frame_ms, top, middle, end, small_nowrap);
    // Bounded by the screen, not the text: a 10 MB text drawn whole would be ~40 million vertices.
    for (int v : {top, middle, end}) {
        CHECK(v < small_nowrap + 40000);
        CHECK(v < 150000);
    }
    CHECK(frame_ms < 250.0);
}

TEST_CASE("wrapped, the 10 MB output still draws only the visible rows", "[large][clipper][wrap]") {
    Headless h(1280.0f, 800.0f);
    ViewState s;
    view_load_text(s, invocation_with_output(ten_megabytes_of_lines()), LoadSource::Paste);
    s.ui.wrap = true;
    h.frames(s, 3);
    const int small_wrap = small_output_vertices(h, true);
    h.frames(s, 2);
    const int top = h.stats().vertices;
    s.ui.find_query = "NEEDLE";
    h.frames(s, 3);
    const int first = view_state_to_json(s)["visible"]["stdout_first_line"];
    CHECK(first > 149900);
    CHECK(first <= 150001);
    const int middle = h.stats().vertices;
    std::printf("10 MB output wrapped: vertices top %d middle %d (200-line output: %d)\n", top, middle, small_wrap);
    CHECK(top < small_wrap + 60000);
    CHECK(middle < small_wrap + 60000);
}

TEST_CASE("one 4 MB line with no line break draws only its visible columns", "[large][clipper]") {
    Headless h(1280.0f, 800.0f);
    std::string out;
    for (int i = 0; out.size() < 4u * 1024u * 1024u; ++i) out += "word" + std::to_string(i) + ' ';
    out += "THE-END";
    ViewState s;
    view_load_text(s, invocation_with_output(out), LoadSource::Paste);
    REQUIRE(s.model->out[0].doc.lines.count() == 1);
    h.frames(s, 3);
    const int start = h.stats().vertices;
    s.ui.find_query = "THE-END";  // scrolls horizontally to the far end
    h.frames(s, 3);
    const int end = h.stats().vertices;
    s.ui.wrap = true;  // 4 MB wrapped: tens of thousands of rows, a screenful drawn
    h.frames(s, 3);
    const int wrapped = h.stats().vertices;
    std::printf("4 MB single line: vertices start %d end %d wrapped %d\n", start, end, wrapped);
    CHECK(start < 150000);
    CHECK(end < 150000);
    CHECK(wrapped < 150000);
}
