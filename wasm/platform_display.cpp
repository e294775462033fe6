// wasm/platform_display.cpp: canvas size, devicePixelRatio and the UI scale that follows from them.
//
// Index
//   JS side            a ResizeObserver reporting the canvas's exact device-pixel box, and a
//                      media query that notices a new devicePixelRatio
//   state              last CSS size, backing-store size, scale
//   display_init       observer + window resize event (browser zoom changes the ratio)
//   display_update     per frame: resize the backing store, rebuild fonts when the ratio changes
//   display_css_to_device
//
// Call flow: every frame main.cpp calls display_update() before NewFrame. It reads the canvas's
// CSS size and window.devicePixelRatio. The backing store gets the exact device-pixel size of the
// canvas box (ResizeObserver's devicePixelContentBoxSize, where the browser has it) so the
// compositor maps one canvas pixel to one screen pixel: a backing store of round(css x dpr) can be
// off by one and the browser would resample the whole canvas (blurry text at 1.25 and 1.5).
// When the ratio changes (browser zoom, a move to another monitor) the font atlas is rebuilt at
// the new size, so glyphs are rasterized for the pixels they land on; the view scales its style
// by the same factor (main.cpp passes display_scale() as ViewEnv::ui_scale; view/fonts.h has the
// convention).
// Resize and zoom only wake the loop; the actual work happens in the next frame.
#include <cmath>

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include "imgui.h"
#include "platform.h"

// ---- JS side -------------------------------------------------------------------------------------
// Watches the canvas box. devicePixelContentBoxSize is exact (Chromium, Firefox); Safari lacks it,
// and then the fallback below rounds CSS size x ratio.
EM_JS(void, js_display_observe, (), {
    var canvas = document.getElementById("canvas");
    Module.ssmDevicePx = null;
    if (typeof ResizeObserver === "undefined") return;
    var observer = new ResizeObserver(function(entries) {
        var e = entries[entries.length - 1];
        if (e.devicePixelContentBoxSize && e.devicePixelContentBoxSize.length) {
            Module.ssmDevicePx = [e.devicePixelContentBoxSize[0].inlineSize, e.devicePixelContentBoxSize[0].blockSize];
        }
        _ssmview_wake(2);
    });
    try { observer.observe(canvas, {box: "device-pixel-content-box"}); }
    catch (err) { observer.observe(canvas); }
    // A change of devicePixelRatio alone (the window moved to another monitor) fires no resize
    // event: a media query on the current ratio does, once; then watch the new ratio.
    var watchRatio = function() {
        if (!window.matchMedia) return;
        var mq = window.matchMedia("(resolution: " + window.devicePixelRatio + "dppx)");
        var onChange = function() {
            if (mq.removeEventListener) mq.removeEventListener("change", onChange); else mq.removeListener(onChange);
            _ssmview_wake(2);
            watchRatio();
        };
        if (mq.addEventListener) mq.addEventListener("change", onChange); else mq.addListener(onChange);
    };
    watchRatio();
});
EM_JS(int, js_display_device_px, (int axis), {
    var d = Module.ssmDevicePx;
    return d ? d[axis] | 0 : -1;
});

namespace ssmview::web {

// ---- state ---------------------------------------------------------------------------------------
namespace {
double     g_css_w = 0, g_css_h = 0;
int        g_fb_w = 0, g_fb_h = 0;
float      g_scale = 0.0f;   // the ratio the fonts were built for (0 = not yet)
float      g_map_x = 1.0f, g_map_y = 1.0f;  // device pixels per CSS pixel, per axis, as rendered

EM_BOOL on_window_resize(int, const EmscriptenUiEvent*, void*) {
    loop_wake(2);
    return EM_FALSE;
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void ssmview_wake(int frames) { loop_wake(frames); }

// ---- display_init ----------------------------------------------------------------------------------
void display_init() {
    js_display_observe();
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_window_resize);
}

// ---- display_update ----------------------------------------------------------------------------------
bool display_update() {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    if (css_w < 1) css_w = 1;
    if (css_h < 1) css_h = 1;
    const float ratio = static_cast<float>(emscripten_get_device_pixel_ratio());

    int fb_w = js_display_device_px(0), fb_h = js_display_device_px(1);
    // The observer's numbers describe the box at the time it fired; trust them only while they
    // agree with the current CSS size (within a pixel), else fall back to rounding.
    if (fb_w <= 0 || fb_h <= 0 || std::fabs(fb_w / static_cast<double>(ratio) - css_w) > 1.0 ||
        std::fabs(fb_h / static_cast<double>(ratio) - css_h) > 1.0) {
        fb_w = static_cast<int>(std::lround(css_w * ratio));
        fb_h = static_cast<int>(std::lround(css_h * ratio));
    }
    if (fb_w < 1) fb_w = 1;
    if (fb_h < 1) fb_h = 1;

    bool changed = false;
    if (fb_w != g_fb_w || fb_h != g_fb_h || css_w != g_css_w || css_h != g_css_h) {
        g_fb_w = fb_w;
        g_fb_h = fb_h;
        g_css_w = css_w;
        g_css_h = css_h;
        g_map_x = static_cast<float>(fb_w / css_w);
        g_map_y = static_cast<float>(fb_h / css_h);
        emscripten_set_canvas_element_size("#canvas", fb_w, fb_h);
        changed = true;
    }
    if (ratio != g_scale) {
        g_scale = ratio;
        fonts_build(ratio);
        gl_reload_fonts();
        changed = true;
    }
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(g_fb_w), static_cast<float>(g_fb_h));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    return changed;
}

float display_scale() { return g_scale > 0 ? g_scale : 1.0f; }
int   display_width() { return g_fb_w; }
int   display_height() { return g_fb_h; }

// ---- display_css_to_device -----------------------------------------------------------------------------
void display_css_to_device(double css_x, double css_y, float& x, float& y) {
    x = static_cast<float>(css_x) * g_map_x;
    y = static_cast<float>(css_y) * g_map_y;
}

}  // namespace ssmview::web
