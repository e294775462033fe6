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
#include <algorithm>
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
// Draws the code points at the atlas's metrics (device pixels), crops each to its ink and calls
// ssmview_on_glyph(cp, w, h, x, y, colored, rgba) with the image's offset from the pen.
//   batch      every glyph goes to its own slot of one canvas and the canvas is read back once:
//              one getImageData per batch, and no measureText per glyph (each costs as much as
//              drawing, for the font fallback lookup), which made 1,000 CJK glyphs 4x faster
//   placement  a slot's pen is at (pad, pad + ascent). A wide glyph is centred in its two cells by
//              its em box (CJK and Hangul advance one em), colour emoji by their ink. A glyph
//              wider than its cells is drawn again, measured and shrunk to fit (rare).
//   marks      a combining mark is drawn on a no-break space, the base Unicode recommends for a
//              mark shown alone (alone, the Indic and Thai shapers would add a dotted circle): a
//              zero-width mark's space fills the cell before the pen, so its ink lands over the
//              character before it; a spacing mark's space ends at the pen. A font with no anchor
//              on the space (DejaVu Sans Mono's accents) sets the mark after it: moved back.
//   colour     text is drawn white: a glyph whose pixels are all grey is a mask (drawn in the
//              text's colour); any other is colour (emoji), drawn as is.
EM_JS(void, js_glyphs_draw, (const int* cps, const int* cells, int count, float px, float cell, float ascent, float line), {
    var pad = Math.ceil(px);
    var sw = Math.ceil(cell * 3) + pad * 2, sh = Math.ceil(line) + pad * 2;
    var cols = Math.max(1, Math.floor(2048 / sw)), rows = Math.ceil(count / cols);
    var canvas = Module.ssmGlyphCanvas || (Module.ssmGlyphCanvas = document.createElement("canvas"));
    if (canvas.width < cols * sw) canvas.width = cols * sw;
    if (canvas.height < rows * sh) canvas.height = rows * sh;
    var ctx = canvas.getContext("2d", {willReadFrequently: true});
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, cols * sw, rows * sh);
    ctx.font = px + "px monospace";
    ctx.textBaseline = "alphabetic";
    ctx.fillStyle = "#fff";
    var nbsp = ctx.measureText(Module.ssmNoBreakSpace).width;
    var plan = [];
    var slotX = function(k) { return (k % cols) * sw; };  // glyph k's slot on the canvas
    var slotY = function(k) { return Math.floor(k / cols) * sh; };
    var draw = function(k, scale) {
        var p = plan[k], sx = slotX(k), sy = slotY(k);
        if (scale !== 1) ctx.clearRect(sx, sy, sw, sh);
        ctx.setTransform(scale, 0, 0, scale, sx + p.x, sy + pad + ascent);
        ctx.fillText(p.text, 0, 0);
        ctx.setTransform(1, 0, 0, 1, 0, 0);
    };
    for (var k = 0; k < count; k++) {
        var cp = HEAP32[(cps >> 2) + k], n = HEAP32[(cells >> 2) + k];
        var text = String.fromCodePoint(cp), mark = Module.ssmIsMark(text);
        var pen = n === 0 ? pad + cell : pad;
        var x = mark ? (n === 0 ? pad + (cell - nbsp) / 2 : pen - nbsp) : pen + (n === 2 ? (2 * cell - px) / 2 : 0);
        plan.push({cp: cp, n: n, text: mark ? Module.ssmNoBreakSpace + text : text, mark: mark, pen: pen, x: x});
        draw(k, 1);
    }
    var img = ctx.getImageData(0, 0, cols * sw, rows * sh), width = cols * sw;
    var ink = function(k) {
        var sx = slotX(k), sy = slotY(k), d = img.data;
        var b = {x0: sw, y0: sh, x1: -1, y1: -1, colored: 0};
        for (var y = 0; y < sh; y++) {
            for (var i = 0; i < sw; i++) {
                var o = ((sy + y) * width + sx + i) * 4;
                if (d[o + 3] === 0) continue;
                if (i < b.x0) b.x0 = i;
                if (i > b.x1) b.x1 = i;
                if (y < b.y0) b.y0 = y;
                if (y > b.y1) b.y1 = y;
                if (Math.abs(d[o] - d[o + 1]) > 24 || Math.abs(d[o + 1] - d[o + 2]) > 24) b.colored = 1;
            }
        }
        return b;
    };
    for (var k = 0; k < count; k++) {
        var p = plan[k], b = ink(k), box = Math.max(p.n, 1) * cell;
        if (!p.mark && p.n > 0 && b.x1 >= b.x0 && b.x1 - b.x0 + 1 > box * 1.1) {
            // Wider than its cells (an emoji in one cell, a long symbol): measured, shrunk, centred.
            var m = ctx.measureText(p.text), scale = box / Math.max(m.width, b.x1 - b.x0 + 1);
            p.x = p.pen + (box - m.width * scale) / 2;
            draw(k, scale);
            var part = ctx.getImageData(slotX(k), slotY(k), sw, sh);
            for (var r = 0; r < sh; r++) img.data.set(part.data.subarray(r * sw * 4, (r + 1) * sw * 4), ((slotY(k) + r) * width + slotX(k)) * 4);
            b = ink(k);
        }
        var gw = b.x1 >= b.x0 ? b.x1 - b.x0 + 1 : 0, gh = b.y1 >= b.y0 ? b.y1 - b.y0 + 1 : 0;
        var offset = b.x0 - p.pen;
        if (b.colored && p.n > 0) offset = Math.round((box - gw) / 2);  // emoji: centred by their ink
        if (p.mark && p.n === 0 && gw > 0 && (b.x0 + b.x1) / 2 > p.x + nbsp) offset -= nbsp;
        var ptr = _malloc(Math.max(gw * gh * 4, 1));
        for (var r = 0; r < gh; r++) {
            var at = ((slotY(k) + b.y0 + r) * width + slotX(k) + b.x0) * 4;
            HEAPU8.set(img.data.subarray(at, at + gw * 4), ptr + r * gw * 4);
        }
        _ssmview_on_glyph(p.cp, gw, gh, gw > 0 ? Math.round(offset) : 0, gh > 0 ? b.y0 - pad : 0, b.colored, ptr);
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
// At most this many glyphs per task: a screen of CJK text wants a thousand or more, and a task
// that draws them all would hold the page for a few hundred ms. In slices, frames go on between
// them and the text fills in (each slice rebuilds the atlas once: ~14 ms for 1,200 glyphs).
constexpr std::size_t kGlyphsPerTask = 256;
std::vector<char32_t> g_queue;

void on_glyphs_task(void*) {
    g_glyphs_pending = false;
    for (char32_t cp : view_fonts_wanted()) g_queue.push_back(cp);
    if (g_queue.empty()) return;
    const std::size_t n = std::min(g_queue.size(), kGlyphsPerTask);
    std::vector<int> cps, cells;
    for (std::size_t i = 0; i < n; ++i) {
        cps.push_back(static_cast<int>(g_queue[i]));
        cells.push_back(cell_width(g_queue[i]));
    }
    g_queue.erase(g_queue.begin(), g_queue.begin() + static_cast<std::ptrdiff_t>(n));
    const FontCell c = view_fonts_cell();
    g_drawn.clear();
    js_glyphs_draw(cps.data(), cells.data(), static_cast<int>(cps.size()), c.pixels, c.advance, c.ascent, c.line);
    if (view_fonts_add_glyphs(std::move(g_drawn))) {
        gl_reload_fonts();
        loop_wake(1);
    }
    g_drawn.clear();
    if (!g_queue.empty()) {
        g_glyphs_pending = true;
        emscripten_set_timeout(on_glyphs_task, 0, nullptr);
    }
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
