// view/fonts.cpp: font loading (see fonts.h for the pixel convention).
//
// Index
//   kRanges            the glyph ranges (wasm/tools/subset_font.py reads this table)
//   looks_like_font    the sfnt magic numbers (stb_truetype would assert on garbage)
//   view_build_fonts   clear atlas, add the font (atlas owns a copy), build, check fallback
//
// Call flow: the platform calls view_build_fonts at start-up and on devicePixelRatio changes;
// tests call it with /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf. view_frame() scales the
// style by ViewEnv::ui_scale, which the platform sets to the same ratio. Oversampling: horizontal 2x at scale < 2 smooths sub-pixel
// glyph positions; at 2x and above device pixels are small enough that 1x is as sharp and the
// atlas stays a quarter of the size (matters for WebGL memory on phones).
#include "fonts.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace ssmview {

namespace {

// Zero-terminated ImGui range list. Glyphs the font lacks are skipped by the rasterizer (and drawn
// as the fallback glyph).
const ImWchar kRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement
    0x0100, 0x017F,  // Latin Extended-A
    0x0370, 0x03FF,  // Greek and Coptic
    0x0400, 0x052F,  // Cyrillic + Cyrillic Supplement
    0x2000, 0x206F,  // General Punctuation
    0x20A0, 0x20CF,  // Currency Symbols
    0x2100, 0x214F,  // Letterlike Symbols
    0x2190, 0x21FF,  // Arrows
    0x2200, 0x22FF,  // Mathematical Operators
    0x2500, 0x257F,  // Box Drawing
    0x2580, 0x259F,  // Block Elements
    0x25A0, 0x25FF,  // Geometric Shapes
    0x2600, 0x26FF,  // Miscellaneous Symbols (warning sign, stars: common in status lines)
    0x2700, 0x27BF,  // Dingbats (check marks, crosses)
    0xFFFD, 0xFFFD,  // REPLACEMENT CHARACTER: the fallback glyph
    0,
};

bool looks_like_font(const unsigned char* p, std::size_t n) {
    if (n < 12) return false;
    const unsigned tag = (unsigned(p[0]) << 24) | (unsigned(p[1]) << 16) | (unsigned(p[2]) << 8) | unsigned(p[3]);
    return tag == 0x00010000u || tag == 0x74727565u /* true */ || tag == 0x4F54544Fu /* OTTO */;
}

}  // namespace

bool view_build_fonts(const void* ttf, std::size_t size, float pixel_scale) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    const bool ok_input = ttf != nullptr && looks_like_font(static_cast<const unsigned char*>(ttf), size) &&
                          size < 0x7FFFFFFF && pixel_scale > 0.0f && pixel_scale <= 8.0f;
    if (!ok_input) {
        atlas->AddFontDefault();
        atlas->Build();
        return false;
    }
    void* copy = IM_ALLOC(size);
    std::memcpy(copy, ttf, size);
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = true;  // the atlas frees `copy`
    cfg.OversampleH = pixel_scale < 2.0f ? 2 : 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;  // monospace cells on whole pixels: columns line up exactly
    // ImGui 1.90 truncates font sizes to whole pixels; round instead (1.25 x 15 = 18.75 -> 19).
    const float pixels = std::round(kViewFontSize * pixel_scale);
    std::snprintf(cfg.Name, sizeof(cfg.Name), "view monospace, %.0f px", double(pixels));  // for ImGui's debug tools
    ImFont* font = atlas->AddFontFromMemoryTTF(copy, static_cast<int>(size), pixels, &cfg, kRanges);
    if (font == nullptr || !atlas->Build()) {
        atlas->Clear();
        atlas->AddFontDefault();
        atlas->Build();
        return false;
    }
    // ImFont::BuildLookupTable picks the fallback: U+FFFD (in kRanges, so rasterized when the font
    // has it), else '?', else ' '. Only the last would make missing glyphs vanish; it needs a font
    // without '?', which is no usable font, so report it as a failure.
    return font->FallbackChar != ' ';
}

}  // namespace ssmview
