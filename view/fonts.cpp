// view/fonts.cpp: font loading (see fonts.h for the pixel convention).
//
// Index
//   kRanges            the glyph ranges (wasm/tools/subset_font.py reads this table)
//   looks_like_font    the sfnt magic numbers (stb_truetype would assert on garbage)
//   FontsState         the TTF, scale, platform glyphs, asked code points, replacement count
//   fit_glyphs_to_cells  advances made whole cells: wide two, combining marks none
//   build_atlas        clear, add the font (atlas owns a copy) and the platform's glyphs, build,
//                      copy their pixels into the RGBA texture, check the fallback
//   view_build_fonts   a new TTF or scale: forget the platform's glyphs, build
//   view_fonts_*       note while drawing, hand the wanted code points out, add glyphs back
//
// Call flow: the platform calls view_build_fonts at start-up and on devicePixelRatio changes;
// tests call it with /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf. view_frame() scales the
// style by ViewEnv::ui_scale, which the platform sets to the same ratio. Oversampling: horizontal 2x at scale < 2 smooths sub-pixel
// glyph positions; at 2x and above device pixels are small enough that 1x is as sharp and the
// atlas stays a quarter of the size (matters for WebGL memory on phones).
#include "fonts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <unordered_set>

#include "text_cells.h"

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

// ---- FontsState ---------------------------------------------------------------------------------
// Everything the font module keeps between frames, in one place: the TTF (a rebuild needs it), the
// scale it was built at, the platform's glyphs, what was asked, and this frame's count.
struct FontsState {
    std::vector<unsigned char>        ttf;
    float                             scale = 1.0f;
    float                             cell = 0.0f;  // the space's advance at the last build
    std::vector<GlyphImage>           added;      // by the platform, for this scale
    std::unordered_set<char32_t>      have;       // their code points (kept as their cells drew them)
    std::unordered_set<char32_t>      asked;      // queued once, never again (even if none came)
    std::vector<char32_t>             wanted;     // queued since the platform last asked
    int                               replaced = 0;
};

FontsState& fonts_state() {
    static FontsState s;
    return s;
}

// Every glyph's advance becomes its cells' width (text_cells.h). The bundled font's wide symbols
// (a few in Miscellaneous Symbols) are centred in two cells; its combining marks, if any, move
// back over the cell before them. The platform's glyphs (st.have) were drawn to their cells already.
void fit_glyphs_to_cells(ImFont* font, const FontsState& st) {
    const float cell = st.cell;
    const std::unordered_set<char32_t>& platform = st.have;
    bool changed = false;
    for (ImFontGlyph& g : font->Glyphs) {
        const char32_t cp = static_cast<char32_t>(g.Codepoint);
        if (cp < 0x300 || platform.count(cp) != 0) continue;
        const int cells = cell_width(cp);
        const float want = cell * static_cast<float>(cells);
        if (g.AdvanceX == want) continue;
        const float shift = cells == 0 ? -g.AdvanceX : (want - g.AdvanceX) * 0.5f;
        g.X0 += shift;
        g.X1 += shift;
        g.AdvanceX = want;
        changed = true;
    }
    if (changed) font->BuildLookupTable();
}

// Builds the atlas from the kept TTF at the kept scale, with the platform's glyphs. False (atlas
// left with ImGui's default font) when the TTF is unusable.
bool build_atlas(FontsState& st) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    const std::size_t size = st.ttf.size();
    const bool ok_input = size > 0 && looks_like_font(st.ttf.data(), size) && size < 0x7FFFFFFF &&
                          st.scale > 0.0f && st.scale <= 8.0f;
    if (!ok_input) {
        atlas->AddFontDefault();
        atlas->Build();
        return false;
    }
    void* copy = IM_ALLOC(size);
    std::memcpy(copy, st.ttf.data(), size);
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = true;  // the atlas frees `copy`
    cfg.OversampleH = st.scale < 2.0f ? 2 : 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;  // monospace cells on whole pixels: columns line up exactly
    // ImGui 1.90 truncates font sizes to whole pixels; round instead (1.25 x 15 = 18.75 -> 19).
    const float pixels = std::round(kViewFontSize * st.scale);
    std::snprintf(cfg.Name, sizeof(cfg.Name), "view monospace, %.0f px", double(pixels));  // for ImGui's debug tools
    ImFont* font = atlas->AddFontFromMemoryTTF(copy, static_cast<int>(size), pixels, &cfg, kRanges);
    std::vector<int> rects;
    if (font != nullptr) {
        // The TTF's metrics are known only after a build: the cell is the last build's, at the same
        // scale (a new scale drops the platform's glyphs).
        IM_ASSERT(st.added.empty() || st.cell > 0.0f);
        for (const GlyphImage& g : st.added)
            rects.push_back(atlas->AddCustomRectFontGlyph(font, static_cast<ImWchar>(g.cp), std::max(1, g.width),
                                                          std::max(1, g.height), st.cell * static_cast<float>(cell_width(g.cp)),
                                                          ImVec2(g.offset_x, g.offset_y)));
    }
    if (font == nullptr || !atlas->Build()) {
        atlas->Clear();
        atlas->AddFontDefault();
        atlas->Build();
        return false;
    }
    const ImFontGlyph* space = font->FindGlyphNoFallback(U' ');
    st.cell = space != nullptr ? space->AdvanceX : font->FontSize * 0.6f;
    if (!st.added.empty()) {
        unsigned char* px = nullptr;
        int tw = 0, th = 0;
        atlas->GetTexDataAsRGBA32(&px, &tw, &th);  // the renderer uploads this same buffer
        for (std::size_t i = 0; i < st.added.size(); ++i) {
            const GlyphImage& g = st.added[i];
            const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(rects[i]);
            IM_ASSERT(r != nullptr && r->IsPacked());
            for (int y = 0; y < g.height; ++y)
                for (int x = 0; x < g.width; ++x) {
                    const unsigned char* in = &g.rgba[(static_cast<std::size_t>(y) * g.width + x) * 4];
                    unsigned char* out = px + ((static_cast<std::size_t>(r->Y) + y) * tw + r->X + x) * 4;
                    // A glyph in the text's colour is white with coverage as alpha, as ImGui's own.
                    out[0] = g.colored ? in[0] : 255;
                    out[1] = g.colored ? in[1] : 255;
                    out[2] = g.colored ? in[2] : 255;
                    out[3] = in[3];
                }
            if (g.colored)
                if (ImFontGlyph* glyph = const_cast<ImFontGlyph*>(font->FindGlyphNoFallback(static_cast<ImWchar>(g.cp))))
                    glyph->Colored = 1;
        }
    }
    fit_glyphs_to_cells(font, st);
    // ImFont::BuildLookupTable picks the fallback: U+FFFD (in kRanges, so rasterized when the font
    // has it), else '?', else ' '. Only the last would make missing glyphs vanish; it needs a font
    // without '?', which is no usable font, so report it as a failure.
    return font->FallbackChar != ' ';
}

}  // namespace

bool view_build_fonts(const void* ttf, std::size_t size, float pixel_scale) {
    FontsState& st = fonts_state();
    const unsigned char* bytes = static_cast<const unsigned char*>(ttf);
    st.ttf.assign(bytes, bytes != nullptr ? bytes + size : bytes);
    st.scale = pixel_scale;
    st.added.clear();  // drawn for another scale: noted and asked again
    st.have.clear();
    st.asked.clear();
    st.wanted.clear();
    return build_atlas(st);
}

FontCell view_fonts_cell() {
    FontCell c;
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (atlas->Fonts.empty()) return c;
    const ImFont* font = atlas->Fonts[0];
    c.pixels = font->FontSize;
    c.advance = fonts_state().cell;
    c.ascent = font->Ascent;
    c.line = font->FontSize;
    return c;
}

void view_fonts_note(std::string_view text) {
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (atlas->Fonts.empty()) return;
    const ImFont* font = atlas->Fonts[0];
    FontsState& st = fonts_state();
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) { ++i; continue; }
        const char32_t cp = utf8_decode(text, i);
        if (font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr) continue;
        ++st.replaced;
        if (st.asked.insert(cp).second) st.wanted.push_back(cp);
    }
}

std::vector<char32_t> view_fonts_wanted() {
    std::vector<char32_t> out;
    out.swap(fonts_state().wanted);
    return out;
}

bool view_fonts_has_wanted() { return !fonts_state().wanted.empty(); }

bool view_fonts_add_glyphs(std::vector<GlyphImage> glyphs) {
    FontsState& st = fonts_state();
    bool any = false;
    for (GlyphImage& g : glyphs) {
        const bool sized = g.width >= 0 && g.height >= 0 && g.width <= 256 && g.height <= 256 &&
                           g.rgba.size() == static_cast<std::size_t>(g.width) * static_cast<std::size_t>(g.height) * 4;
        if (!sized || g.cp < 0x80 || g.cp > 0x10FFFF) continue;  // a platform bug must not corrupt the atlas
        if (!st.have.insert(g.cp).second) continue;               // drawn twice (asked again after a rebuild)
        st.added.push_back(std::move(g));
        any = true;
    }
    if (!any || st.ttf.empty()) return false;
    build_atlas(st);
    return true;
}

int view_fonts_replaced() { return fonts_state().replaced; }
int view_fonts_added() { return static_cast<int>(fonts_state().added.size()); }
int view_fonts_colored() {
    const std::vector<GlyphImage>& added = fonts_state().added;
    return static_cast<int>(std::count_if(added.begin(), added.end(), [](const GlyphImage& g) { return g.colored; }));
}
void view_fonts_frame_begin() { fonts_state().replaced = 0; }

}  // namespace ssmview
