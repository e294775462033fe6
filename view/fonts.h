// view/fonts.h: the monospace font, loaded into ImGui's atlas at the display's pixel density.
//
// Index
//   kViewFontSize        the font's size in CSS pixels
//   view_build_fonts     TTF bytes + pixel scale -> a built atlas whose fallback glyph is visible
//   FontCell, GlyphImage the metrics the platform draws extra glyphs at, and what it hands back
//   view_fonts_*         glyphs the bundled font lacks: noted while drawing, asked of the platform,
//                        added to the atlas; the replacement count the page's state reports
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
//
// Glyphs for every other script. The bundled font covers Latin, Greek, Cyrillic, box drawing and
// symbols; CJK, Hangul, emoji, Arabic, Hebrew, Devanagari, Thai... come from the platform, which
// draws them with the system's fonts (the browser's canvas 2D text, colour emoji included):
//   drawing     text panes call view_fonts_note(text) for what they draw: a code point the atlas
//               lacks is counted as drawn with the replacement glyph and queued, once
//   after frame the platform takes view_fonts_wanted(), draws each at view_fonts_cell()'s metrics
//               and hands the images to view_fonts_add_glyphs, which rebuilds the atlas with them;
//               the platform re-uploads the texture and draws another frame
// So the atlas grows only when new code points appear, never on every frame. Every glyph's
// advance is fitted to its cells (text_cells.h): a wide character takes two cells, a combining
// mark none (drawn over the cell before it), so text panes stay a grid. The state lives in one
// struct in fonts.cpp, like the ImGui context it extends.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace ssmview {

constexpr float kViewFontSize = 15.0f;  // CSS pixels

// Replaces the current ImGui context's fonts with the TTF at round(kViewFontSize * pixel_scale)
// device pixels and builds the atlas. The bytes are copied (the caller may free them on return).
// The fallback glyph (drawn for any code point the font lacks) is U+FFFD when the font has it,
// else '?': never a blank. Returns false (atlas left with ImGui's default font, still usable)
// when the bytes are not a TrueType/OpenType font or pixel_scale is not in (0, 8].
// Glyphs added by the platform are dropped (they were drawn for another scale) and asked again.
bool view_build_fonts(const void* ttf, std::size_t size, float pixel_scale);

// What the platform needs to draw glyphs that line up with the atlas's, in device pixels.
struct FontCell {
    float pixels = 0.0f;   // font size
    float advance = 0.0f;  // one cell (whole pixels: the font is built with PixelSnapH)
    float ascent = 0.0f;   // from a line's top to its baseline
    float line = 0.0f;     // line height
};
FontCell view_fonts_cell();

// A glyph drawn by the platform. The image's top-left sits at (offset_x, offset_y) from the pen
// (the top-left of the code point's first cell; for a zero-width mark, of the cell after its base).
struct GlyphImage {
    char32_t                   cp = 0;
    int                        width = 0, height = 0;  // 0 x 0: the code point draws nothing
    float                      offset_x = 0.0f, offset_y = 0.0f;
    bool                       colored = false;        // drawn as is (emoji), not in the text's colour
    std::vector<unsigned char> rgba;                   // width * height * 4, straight alpha
};

// Called for text a pane draws this frame (UTF-8). Counts code points the atlas lacks and queues
// each such code point once.
void view_fonts_note(std::string_view text);
// Code points queued since the last call, for the platform to draw (each is asked only once).
std::vector<char32_t> view_fonts_wanted();
bool view_fonts_has_wanted();
// Adds drawn glyphs and rebuilds the atlas (false when nothing changed or no TTF is loaded). The
// platform re-uploads the font texture after true.
bool view_fonts_add_glyphs(std::vector<GlyphImage> glyphs);
// Code points drawn with the replacement glyph by the last frame (view_frame resets the count),
// and glyphs the platform added so far: window.ssmview.state().glyphs.
int view_fonts_replaced();
int view_fonts_added();
int view_fonts_colored();  // of which drawn in colour (emoji)
void view_fonts_frame_begin();

}  // namespace ssmview
