// tests/view/fonts_test.cpp: the font atlas (view/fonts.h).
//
// Index
//   DejaVu Sans Mono builds at 1, 1.25, 1.5 and 2: the pixel size is the rounded scaled size
//   coverage: Latin-1, Latin Extended-A, Greek, Cyrillic, punctuation, arrows, box drawing,
//             block elements, symbols
//   missing glyphs: the fallback is U+FFFD and visible; a code point outside the ranges draws it
//   bad font bytes: false, and ImGui's default font still works
#include <cmath>

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
