// tests/view/fonts_test.cpp: the font atlas (view/fonts.h).
//
// Index
//   DejaVu Sans Mono builds at 1, 1.25, 1.5 and 2: the pixel size is the rounded scaled size
//   coverage: Latin-1, Latin Extended-A, Greek, Cyrillic, punctuation, arrows, box drawing,
//             block elements, symbols
//   missing glyphs: the fallback is U+FFFD and visible; a code point outside the ranges draws it
//   bad font bytes: false, and ImGui's default font still works
//   glyphs from the platform: noted while drawing, asked once, added to the atlas at their cells'
//             width (colour kept for emoji); dropped at a new scale; malformed images refused
#include <algorithm>
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "fonts.h"
#include "headless.h"

using namespace ssmview;

namespace {

struct Context {
    ImGuiContext* ctx = ImGui::CreateContext();
    ~Context() { ImGui::DestroyContext(ctx); }
};

}  // namespace

TEST_CASE("the font builds at every device pixel ratio, rounded to whole pixels", "[fonts]") {
    Context c;
    const std::string ttf = test::read_file(SSMVIEW_TEST_FONT);
    REQUIRE(!ttf.empty());
    for (float scale : {1.0f, 1.25f, 1.5f, 2.0f}) {
        INFO("scale " << scale);
        REQUIRE(view_build_fonts(ttf.data(), ttf.size(), scale));
        ImFontAtlas* atlas = ImGui::GetIO().Fonts;
        REQUIRE(atlas->IsBuilt());
        REQUIRE(atlas->Fonts.Size == 1);
        CHECK(atlas->Fonts[0]->FontSize == std::round(kViewFontSize * scale));
    }
}

TEST_CASE("the glyph ranges cover Latin, Greek, Cyrillic, arrows, box drawing and blocks", "[fonts]") {
    Context c;
    const std::string ttf = test::read_file(SSMVIEW_TEST_FONT);
    REQUIRE(view_build_fonts(ttf.data(), ttf.size(), 1.0f));
    const ImFont* f = ImGui::GetIO().Fonts->Fonts[0];
    for (ImWchar cp : {ImWchar('A'), ImWchar(0x00E9) /* é */, ImWchar(0x0141) /* Ł */, ImWchar(0x03A9) /* Ω */,
                       ImWchar(0x0416) /* Ж */, ImWchar(0x2014) /* — */, ImWchar(0x2192) /* → */,
                       ImWchar(0x2500) /* ─ */, ImWchar(0x253C) /* ┼ */, ImWchar(0x2588) /* █ */,
                       ImWchar(0x26A0) /* ⚠ */, ImWchar(0x2714) /* ✔ */, ImWchar(0x20AC) /* € */}) {
        INFO("U+" << std::hex << static_cast<int>(cp));
        CHECK(f->FindGlyphNoFallback(cp) != nullptr);
    }
    // Monospace: every covered glyph has the same advance (the text pane relies on it).
    const float adv = f->FindGlyphNoFallback('M')->AdvanceX;
    for (ImWchar cp : {ImWchar('i'), ImWchar(0x03A9), ImWchar(0x0416), ImWchar(0x2500), ImWchar(0xFFFD)})
        CHECK(f->FindGlyphNoFallback(cp)->AdvanceX == Approx(adv));
}

TEST_CASE("a glyph the font lacks draws the visible U+FFFD, never nothing", "[fonts]") {
    Context c;
    const std::string ttf = test::read_file(SSMVIEW_TEST_FONT);
    REQUIRE(view_build_fonts(ttf.data(), ttf.size(), 1.0f));
    ImFont* f = ImGui::GetIO().Fonts->Fonts[0];
    CHECK(f->FallbackChar == 0xFFFD);
    REQUIRE(f->FallbackGlyph != nullptr);
    CHECK(f->FallbackGlyph->Visible);
    CHECK(f->FindGlyphNoFallback(0x65E5) == nullptr);         // 日: not in the ranges
    CHECK(f->FindGlyph(0x65E5) == f->FallbackGlyph);           // drawn as U+FFFD
    CHECK(f->CalcTextSizeA(f->FontSize, 1e9f, 0.0f, "\xe6\x97\xa5").x > 0.0f);
}

TEST_CASE("bytes that are not a font return false and leave ImGui's default font usable", "[fonts]") {
    Context c;
    const std::string junk = "this is not a TrueType font at all";
    CHECK_FALSE(view_build_fonts(junk.data(), junk.size(), 1.0f));
    CHECK(ImGui::GetIO().Fonts->IsBuilt());
    CHECK(ImGui::GetIO().Fonts->Fonts.Size == 1);
    CHECK_FALSE(view_build_fonts(nullptr, 0, 1.0f));
    const std::string ttf = test::read_file(SSMVIEW_TEST_FONT);
    CHECK_FALSE(view_build_fonts(ttf.data(), ttf.size(), 0.0f));
    CHECK_FALSE(view_build_fonts(ttf.data(), ttf.size(), 100.0f));
}

// ---- glyphs from the platform ------------------------------------------------------------------------
// The browser draws what the bundled font lacks (wasm/platform_fonts.cpp); here the test stands in
// for it with plain boxes, to pin down what the atlas does with them.

namespace {

GlyphImage box(char32_t cp, int w, int h, bool colored) {
    GlyphImage g;
    g.cp = cp;
    g.width = w;
    g.height = h;
    g.offset_y = 2.0f;
    g.colored = colored;
    g.rgba.assign(static_cast<std::size_t>(w * h * 4), 0);
    for (std::size_t i = 0; i < g.rgba.size(); i += 4) {
        g.rgba[i] = colored ? 200 : 255;
        g.rgba[i + 1] = colored ? 40 : 255;
        g.rgba[i + 2] = colored ? 40 : 255;
        g.rgba[i + 3] = 255;
    }
    return g;
}

bool contains(const std::vector<char32_t>& v, char32_t cp) { return std::find(v.begin(), v.end(), cp) != v.end(); }

}  // namespace

TEST_CASE("code points the font lacks are counted, asked of the platform once, and drawn once added", "[fonts][glyphs]") {
    test::Headless h;
    REQUIRE(h.fonts_ok);
    ViewState s;
    view_load_text(s, test::fixture("success_rich"), LoadSource::Sample, "success_rich");
    h.frames(s, 2);
    CHECK(view_fonts_replaced() > 0);
    CHECK(view_state_to_json(s)["glyphs"]["replaced"] == view_fonts_replaced());
    const std::vector<char32_t> wanted = view_fonts_wanted();
    CHECK(contains(wanted, U'\u65e5'));       // 日 (line 12)
    CHECK(contains(wanted, U'\U0001F680'));   // 🚀 (line 19)
    CHECK(contains(wanted, U'\u2705'));       // ✅
    CHECK_FALSE(contains(wanted, U'\u03b1')); // Greek: the bundled font has it
    h.frames(s, 1);
    CHECK(view_fonts_wanted().empty());       // asked once, not every frame

    const float cell = view_fonts_cell().advance;
    REQUIRE(cell > 0.0f);
    std::vector<GlyphImage> drawn;
    for (char32_t cp : wanted) drawn.push_back(box(cp, 10, 12, cp == U'\U0001F680'));
    REQUIRE(view_fonts_add_glyphs(std::move(drawn)));
    CHECK(view_fonts_added() == static_cast<int>(wanted.size()));
    CHECK(view_fonts_colored() == 1);
    const ImFont* f = ImGui::GetIO().Fonts->Fonts[0];
    const ImFontGlyph* nichi = f->FindGlyphNoFallback(0x65E5);
    const ImFontGlyph* rocket = f->FindGlyphNoFallback(0x1F680);
    REQUIRE(nichi != nullptr);
    REQUIRE(rocket != nullptr);
    CHECK(nichi->AdvanceX == 2.0f * cell);  // wide: two cells
    CHECK(rocket->AdvanceX == 2.0f * cell);
    CHECK(rocket->Colored);                 // drawn as is, not in the text's colour
    CHECK_FALSE(nichi->Colored);
    CHECK(f->FindGlyphNoFallback('a')->AdvanceX == cell);
    h.frames(s, 1);
    CHECK(view_fonts_replaced() == 0);
    CHECK(view_state_to_json(s)["glyphs"]["replaced"] == 0);
}

TEST_CASE("glyphs from the platform are dropped at a new scale and asked again; bad images are refused", "[fonts][glyphs]") {
    Context c;
    const std::string ttf = test::read_file(SSMVIEW_TEST_FONT);
    REQUIRE(view_build_fonts(ttf.data(), ttf.size(), 1.0f));
    view_fonts_note("\xe6\x97\xa5");
    REQUIRE(view_fonts_wanted() == std::vector<char32_t>{U'\u65e5'});
    std::vector<GlyphImage> bad(2);
    bad[0] = box(U'\u65e5', 4, 4, false);
    bad[0].rgba.resize(3);                  // not width x height x 4
    bad[1] = box(U'A', 4, 4, false);        // ASCII is the bundled font's
    CHECK_FALSE(view_fonts_add_glyphs(std::move(bad)));
    CHECK(view_fonts_added() == 0);
    std::vector<GlyphImage> one;
    one.push_back(box(U'\u65e5', 4, 4, false));
    REQUIRE(view_fonts_add_glyphs(std::move(one)));
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(0x65E5) != nullptr);
    std::vector<GlyphImage> again;
    again.push_back(box(U'\u65e5', 4, 4, false));
    CHECK_FALSE(view_fonts_add_glyphs(std::move(again)));  // a code point is added once
    CHECK(view_fonts_added() == 1);
    REQUIRE(view_build_fonts(ttf.data(), ttf.size(), 2.0f));
    CHECK(view_fonts_added() == 0);
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(0x65E5) == nullptr);
    view_fonts_note("\xe6\x97\xa5");
    CHECK(view_fonts_wanted() == std::vector<char32_t>{U'\u65e5'});
}

TEST_CASE("text typed into a field, a diagnostic quoting the input and a Status are asked of the platform", "[fonts][glyphs]") {
    test::Headless h;
    REQUIRE(h.fonts_ok);
    ViewState s;
    // A Status the API does not define, in Hangul: status.unknown quotes it, the status row shows it.
    view_load_text(s, "{\"CommandId\":\"1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7\",\"InstanceId\":\"i-0802cc9316fe86d8a\","
                      "\"Status\":\"\xec\x84\xb1\xea\xb3\xb5\",\"StandardOutputContent\":\"ok\\n\"}",
                   LoadSource::Paste, "pasted");
    h.frames(s, 2);
    CHECK(contains(view_fonts_wanted(), U'\uc131'));  // 성
    s.ui.tab = ViewTab::Diagnostics;
    h.frames(s, 2);
    (void)view_fonts_wanted();
    // The find box: what an IME composed there, in characters the output does not hold.
    s.ui.tab = ViewTab::Output;
    s.ui.find_query = "\xe5\xae\x8c\xe4\xba\x86";  // 完了
    h.frames(s, 2);
    const std::vector<char32_t> typed = view_fonts_wanted();
    CHECK(contains(typed, U'\u5b8c'));
    CHECK(contains(typed, U'\u4e86'));
}
