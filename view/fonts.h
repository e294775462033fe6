// view/fonts.h: the monospace font, loaded into ImGui's atlas at the display's pixel density.
//
// Index
//   kViewFontSize        the font's size in CSS pixels
//   view_build_fonts     TTF bytes + pixel scale -> a built atlas whose fallback glyph is visible
//
// The unit convention, and why: ImGui coordinates are DEVICE pixels. The platform sets
// io.DisplaySize to the canvas size in device pixels (CSS size x devicePixelRatio), sends mouse
// and touch positions multiplied by devicePixelRatio, leaves io.DisplayFramebufferScale at 1 and
// calls view_build_fonts(ttf, size, devicePixelRatio) whenever the ratio changes (browser zoom
// changes it too), then re-uploads the font texture (ImGui_ImplOpenGL3_DestroyFontsTexture +
// CreateFontsTexture, or the next NewFrame does it when the device objects were destroyed).
// Glyphs are then rasterized at their final pixel size and drawn at whole device pixels, which is
// what keeps text crisp at 1.25 and 1.5, where rasterizing at 2x and scaling by 1/DPR would
// place glyphs on fractional pixels. The view scales its style (paddings, rounding, scrollbars)
// by the same factor, so everything keeps its CSS size: the platform passes that factor to every
// frame as ViewEnv::ui_scale (the same number it built the fonts with).
// The Unicode blocks rasterized are the kRanges table in fonts.cpp; wasm/tools/subset_font.py
// reads that table to cut the bundled font to the same blocks.
#pragma once
#include <cstddef>

#include <imgui.h>

namespace ssmview {

constexpr float kViewFontSize = 15.0f;  // CSS pixels

// Replaces the current ImGui context's fonts with the TTF at round(kViewFontSize * pixel_scale)
// device pixels and builds the atlas. The bytes are copied (the caller may free them on return).
// The fallback glyph (drawn for any code point the font lacks) is U+FFFD when the font has it,
// else '?': never a blank. Returns false (atlas left with ImGui's default font, still usable)
// when the bytes are not a TrueType/OpenType font or pixel_scale is not in (0, 8].
bool view_build_fonts(const void* ttf, std::size_t size, float pixel_scale);

}  // namespace ssmview
