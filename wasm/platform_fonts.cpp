// wasm/platform_fonts.cpp: where the monospace font's bytes come from.
//
// Index
//   embedded font       the single-file build compiles the subset TTF into the wasm (no fetch from file://)
//   JS side             the site build fetches it next to the page; pre.js starts that fetch early
//   fonts_start         get the bytes once, then call back into main.cpp
//   fonts_build         (re)build ImGui's atlas at a pixel scale through the view's view_build_fonts
//   js_glyphs_draw      code points -> canvas 2D text with the system's fonts -> RGBA images
//   fonts_after_frame   code points the view could not draw: drawn in a task of their own, added to
//                       the atlas, texture re-uploaded, one more frame
//
// Call flow: main() -> fonts_start(ready) -> [site: await Module.ssmFontPromise -> ssmview_on_font]
// [single file: the bytes are already linked in] -> ready() -> app_start(). Later,
// display_update() -> fonts_build(ratio) whenever devicePixelRatio changes. The bytes live for the
// whole session in g_ttf, so the atlas may be rebuilt any number of times without refetching.
// Glyphs the bundled font lacks (CJK, emoji, Arabic, ...): app_frame -> fonts_after_frame ->
// [a task] -> js_glyphs_draw -> ssmview_on_glyph per image -> view_fonts_add_glyphs ->
// gl_reload_fonts -> loop_wake. The canvas draws with the browser's font fallback, colour emoji
// included; a code point no installed font has comes back as the browser draws it (a box).
// The font is DejaVu Sans Mono subset at build time (wasm/CMakeLists.txt, pyftsubset) to the
// ranges the view asks ImGui for; the subset is ~1/3 of the full file.
#include <cstring>
#include <vector>

#include <emscripten/emscripten.h>

#include <emscripten/eventloop.h>

#include "fonts.h"
#include "imgui.h"
#include "platform.h"
#include "text_cells.h"

#ifdef SSMVIEW_EMBEDDED_FONT
// ---- embedded font ----------------------------------------------------------------------------------
// Generated at build time by wasm/tools/embed_binary.py from the same subset file the site serves.
extern "C" const unsigned char ssmview_font_ttf[];
extern "C" const unsigned long ssmview_font_ttf_size;
#endif

// ---- JS side --------------------------------------------------------------------------------------------
// pre.js starts `fetch(font)` while the wasm compiles; here we only wait for it.
EM_JS(void, js_fonts_fetch, (), {
    var done = function(bytes) {
        var ptr = _malloc(Math.max(bytes.length, 1));
        HEAPU8.set(bytes, ptr);
        _ssmview_on_font(ptr, bytes.length);
    };
    var promise = Module.ssmFontPromise || fetch("DejaVuSansMono-subset.ttf").then(function(r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.arrayBuffer();
    });
    promise.then(function(buf) { done(new Uint8Array(buf)); }, function(err) {
        console.error("ssmview: the font could not be loaded:", err);
        done(new Uint8Array(0));
    });
});

// ---- js_glyphs_draw -----------------------------------------------------------------------------------
// Draws each code point in its cells at the atlas's metrics (device pixels), crops to the ink and
// calls ssmview_on_glyph(cp, w, h, x, y, colored, rgba) with the image's offset from the pen.
// The cells' origin on the canvas is (pad, pad). A combining mark is drawn on a no-break space,
// the base Unicode recommends for showing a mark alone (an isolated mark would get a dotted
// circle from the Indic and Thai shapers): a zero-width mark's space fills the cell before the
// pen, so its ink lands over the character before it; a spacing mark's space ends at the pen.
// Text is drawn white: a glyph whose pixels are all grey is a mask (drawn in the text's colour);
// any other is colour (emoji), drawn as is.
EM_JS(void, js_glyphs_draw, (const int* cps, const int* cells, int count, float px, float cell, float ascent, float line), {
    var pad = Math.ceil(px);
    var canvas = Module.ssmGlyphCanvas || (Module.ssmGlyphCanvas = document.createElement("canvas"));
    var w = Math.ceil(cell * 3) + pad * 2, h = Math.ceil(line) + pad * 2;
    if (canvas.width < w) canvas.width = w;
    if (canvas.height < h) canvas.height = h;
    var ctx = canvas.getContext("2d", {willReadFrequently: true});
    for (var k = 0; k < count; k++) {
        var cp = HEAP32[(cps >> 2) + k], n = HEAP32[(cells >> 2) + k];
        var text = String.fromCodePoint(cp);
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        ctx.font = px + "px monospace";
        ctx.textBaseline = "alphabetic";
        ctx.fillStyle = "#fff";
        var origin = n === 0 ? pad + cell : pad;  // the pen on the canvas
        var box = Math.max(n, 1) * cell;
        var x, sx = 1, shift = 0, nbsp = 0;
        if (Module.ssmIsMark(text)) {
            nbsp = ctx.measureText(Module.ssmNoBreakSpace).width;
            x = n === 0 ? pad + (cell - nbsp) / 2 : origin - nbsp;
            text = Module.ssmNoBreakSpace + text;
        } else {
            var m = ctx.measureText(text);
            if (n > 0 && m.width > box * 1.05) sx = box / m.width;  // wider than its cells: shrunk to fit
            x = origin + (box - m.width * sx) / 2;
        }
        ctx.setTransform(sx, 0, 0, sx, x, pad + ascent);
        ctx.fillText(text, 0, 0);
        var img = ctx.getImageData(0, 0, w, h).data;
        var x0 = w, y0 = h, x1 = -1, y1 = -1, colored = 0;
        for (var y = 0; y < h; y++) {
            for (var i = 0; i < w; i++) {
                var o = (y * w + i) * 4;
                if (img[o + 3] === 0) continue;
                if (i < x0) x0 = i;
                if (i > x1) x1 = i;
                if (y < y0) y0 = y;
                if (y > y1) y1 = y;
                if (Math.abs(img[o] - img[o + 1]) > 24 || Math.abs(img[o + 1] - img[o + 2]) > 24) colored = 1;
            }
        }
        var gw = x1 >= x0 ? x1 - x0 + 1 : 0, gh = y1 >= y0 ? y1 - y0 + 1 : 0;
        // A font with no anchor on the space (DejaVu Sans Mono's own accents) sets the mark after
        // it, in the next cell: its ink is moved back over the space's cell.
        if (n === 0 && gw > 0 && (x0 + x1) / 2 > x + nbsp) shift = -nbsp;
        var ptr = _malloc(Math.max(gw * gh * 4, 1));
        for (var r = 0; r < gh; r++)
            HEAPU8.set(img.subarray(((y0 + r) * w + x0) * 4, ((y0 + r) * w + x0 + gw) * 4), ptr + r * gw * 4);
        _ssmview_on_glyph(cp, gw, gh, gw > 0 ? Math.round(x0 - origin + shift) : 0, gh > 0 ? y0 - pad : 0, colored, ptr);
    }
});

namespace ssmview::web {
namespace {
std::vector<unsigned char> g_ttf;
FontsReady                 g_ready = nullptr;
bool                       g_glyphs_pending = false;
std::vector<GlyphImage>    g_drawn;  // ssmview_on_glyph's images, until they are added
}  // namespace

// ---- fonts_after_frame -------------------------------------------------------------------------------
namespace {
void on_glyphs_task(void*) {
    g_glyphs_pending = false;
    const std::vector<char32_t> wanted = view_fonts_wanted();
    if (wanted.empty()) return;
    std::vector<int> cps, cells;
    for (char32_t cp : wanted) {
        cps.push_back(static_cast<int>(cp));
        cells.push_back(cell_width(cp));
    }
    const FontCell c = view_fonts_cell();
    g_drawn.clear();
    js_glyphs_draw(cps.data(), cells.data(), static_cast<int>(cps.size()), c.pixels, c.advance, c.ascent, c.line);
    if (view_fonts_add_glyphs(std::move(g_drawn))) {
        gl_reload_fonts();
        loop_wake(1);
    }
    g_drawn.clear();
}
}  // namespace

void fonts_after_frame() {
    if (g_glyphs_pending || !view_fonts_has_wanted()) return;
    g_glyphs_pending = true;
    emscripten_set_timeout(on_glyphs_task, 0, nullptr);
}


// ---- fonts_start -----------------------------------------------------------------------------------------
void fonts_start(FontsReady ready) {
    g_ready = ready;
#ifdef SSMVIEW_EMBEDDED_FONT
    g_ttf.assign(ssmview_font_ttf, ssmview_font_ttf + ssmview_font_ttf_size);
    ready();
#else
    js_fonts_fetch();
#endif
}

// ---- fonts_build --------------------------------------------------------------------------------------------
// An empty g_ttf (the fetch failed) makes view_build_fonts fall back to ImGui's built-in ASCII
// font: the page stays usable, and the page's notice says why the glyphs look different.
void fonts_build(float scale) {
    view_build_fonts(g_ttf.empty() ? nullptr : g_ttf.data(), g_ttf.size(), scale);
}

}  // namespace ssmview::web

extern "C" EMSCRIPTEN_KEEPALIVE void ssmview_on_glyph(int cp, int w, int h, int x, int y, int colored, unsigned char* rgba) {
    ssmview::GlyphImage g;
    g.cp = static_cast<char32_t>(cp);
    g.width = w;
    g.height = h;
    g.offset_x = static_cast<float>(x);
    g.offset_y = static_cast<float>(y);
    g.colored = colored != 0;
    g.rgba.assign(rgba, rgba + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    std::free(rgba);
    ssmview::web::g_drawn.push_back(std::move(g));
}

extern "C" EMSCRIPTEN_KEEPALIVE void ssmview_on_font(unsigned char* bytes, int size) {
    using namespace ssmview::web;
    if (size > 0) g_ttf.assign(bytes, bytes + size);
    std::free(bytes);
    if (size <= 0) page_notice("The font could not be loaded; text is shown with a basic built-in font (ASCII only).");
    if (g_ready) g_ready();
}
