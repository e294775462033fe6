// wasm/platform_fonts.cpp: where the monospace font's bytes come from.
//
// Index
//   embedded font       the single-file build compiles the subset TTF into the wasm (no fetch from file://)
//   JS side             the site build fetches it next to the page; pre.js starts that fetch early
//   fonts_start         get the bytes once, then call back into main.cpp
//   fonts_build         (re)build ImGui's atlas at a pixel scale through the view's view_build_fonts
//
// Call flow: main() -> fonts_start(ready) -> [site: await Module.ssmFontPromise -> ssmview_on_font]
// [single file: the bytes are already linked in] -> ready() -> app_start(). Later,
// display_update() -> fonts_build(ratio) whenever devicePixelRatio changes. The bytes live for the
// whole session in g_ttf, so the atlas may be rebuilt any number of times without refetching.
// The font is DejaVu Sans Mono subset at build time (wasm/CMakeLists.txt, pyftsubset) to the
// ranges the view asks ImGui for; the subset is ~1/3 of the full file.
#include <cstring>
#include <vector>

#include <emscripten/emscripten.h>

#include "fonts.h"
#include "imgui.h"
#include "platform.h"

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

namespace ssmview::web {

namespace {
std::vector<unsigned char> g_ttf;
FontsReady                 g_ready = nullptr;
}  // namespace

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

extern "C" EMSCRIPTEN_KEEPALIVE void ssmview_on_font(unsigned char* bytes, int size) {
    using namespace ssmview::web;
    if (size > 0) g_ttf.assign(bytes, bytes + size);
    std::free(bytes);
    if (size <= 0) page_notice("The font could not be loaded; text is shown with a basic built-in font (ASCII only).");
    if (g_ready) g_ready();
}
