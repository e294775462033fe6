// wasm/platform.h: the browser platform layer's internal interface (one header, one file per concept).
//
// Index
//   App                 the one application object: view state and environment
//   app()               access to it (defined in main.cpp)
//   stats_*             frame counts and timings for the tests and the benchmark (window.ssmview),
//                       kept out of App: the product does not run on them
//   app_load_text       every way text arrives (paste, drop, dialog, link, test API) ends here
//   loop_*              on-demand frames: requestAnimationFrame only when something changed
//   display_*           canvas size, devicePixelRatio, UI scale, font atlas rebuilds
//   gl_*                the WebGL2 context, ImGui's OpenGL3 renderer, context loss and restore
//   input_*             keyboard, mouse, wheel, touch, focus (<emscripten/html5.h>)
//   clipboard_*         the browser `paste` event in, navigator.clipboard.writeText out
//   files_*             drag and drop, the open-file dialog, downloads
//   share_*             share links: the URL fragment in (hashchange), CompressionStream out
//   fetch_*             the view's FetchRequests through the browser's fetch(), answers back in
//   page_*              the HTML around the canvas: notices, the accessible mirror (view_mirror),
//                       window.ssmview
//   fonts_*             the monospace TTF: fetched next to the page, or embedded (single-file build)
//   js_*                small helpers to move strings between the wasm heap and JavaScript
//
// Call flow (Tracy's web build keeps Emscripten behind a similar seam):
//   main()            fonts_start() -> (font bytes arrive) -> app_start(): gl_init, input_init,
//                     clipboard_init, files_init, share_init, page_init, first sample or link
//   browser event     input_* / clipboard_* / files_* / share_* handler -> ImGui io or app_load_text
//                     -> loop_wake() asks for a frame
//   frame (rAF)       main.cpp app_frame(): display_update -> NewFrame -> view_frame -> Render
//                     -> apply ViewActions (clipboard, links, files, share; page_mirror when the
//                     view says its text version changed)
//                     -> loop_wake() again only if ImGui or the view still needs frames
// Nothing outside this folder includes an Emscripten header: core/ and view/ stay portable.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "view.h"

namespace ssmview::web {

// ---- App ------------------------------------------------------------------------------------
struct App {
    ViewState state;
    ViewEnv   env;
    bool      started = false;        // fonts loaded, GL up, first frame requested
};
App& app();

// Replaces the shown invocation. `source_name` is a file name, "link", a sample name, ...
void app_load_text(std::string text, LoadSource source, std::string source_name = {});

// ---- stats_ (platform_stats.cpp) -------------------------------------------------------------
// What window.ssmview reports about frames: frames() for the e2e tests ("idle draws nothing"),
// state().frame_cpu_ms for the browser benchmark. Written by app_frame, read by nothing else.
struct FrameStats {
    int    frames = 0;           // frames drawn so far
    double cpu_ms_last = 0;      // main-thread time of the last frame
    double cpu_ms_total = 0;
    double view_ms_last = 0;     // of which NewFrame + view_frame + Render (ImGui and the view)
    double gl_ms_last = 0;       // of which WebGL submission (blocks when the GPU lags behind)
};
const FrameStats& stats();
void stats_frame_drawn(double view_ms, double gl_ms);  // counts the frame (frames() moves now)
void stats_frame_done(double cpu_ms);                  // the whole frame, actions and mirror included
// Adds frames, frame_cpu_ms, context_restores, scale, canvas and imgui to a state() object.
void stats_add_to_state(Json& j);

// ---- loop_ (platform_loop.cpp) --------------------------------------------------------------
using FrameFn = void (*)();
void   loop_init(FrameFn frame);
void   loop_wake(int frames = 1);          // draw at least `frames` more frames, starting next rAF
void   loop_wake_after_input();            // a few frames now, plus timer wakes for hover delays
void   loop_wake_in(double milliseconds);  // one frame after a delay (timers, tooltips)
void   loop_frame_now();                   // draw one frame now, inside an input event's user activation
double loop_now_ms();                      // performance.now()

// ---- display_ (platform_display.cpp) ---------------------------------------------------------
// The UI is laid out in device pixels: io.DisplaySize is the canvas backing store, the font is
// rasterized at base size x devicePixelRatio and the style is scaled by the same factor. ImGui
// floors positions to whole pixels of its coordinate space, so only device-pixel coordinates keep
// text crisp at fractional ratios (1.25, 1.5); CSS-pixel coordinates with a framebuffer scale
// would land every other text line on a half device pixel.
void  display_init();
bool  display_update();          // per frame: re-reads CSS size and DPR; true when anything changed
float display_scale();           // device pixels per CSS pixel (devicePixelRatio, as rendered)
int   display_width();           // backing store, device pixels
int   display_height();
void  display_css_to_device(double css_x, double css_y, float& x, float& y);

// ---- gl_ (platform_gl.cpp) --------------------------------------------------------------------
bool gl_init();                  // false: no WebGL2 (the page says so)
bool gl_ready();                 // false while the context is lost
void gl_begin_frame();           // ImGui_ImplOpenGL3_NewFrame
// Draws ImGui's draw data; false (and no GL call) when it would draw exactly what the canvas shows.
bool gl_render(int width, int height, bool dark);
int  gl_skipped_count();         // frames whose GL work was skipped (state() for the tests)
void gl_reload_fonts();          // after the atlas was rebuilt
int  gl_restore_count();         // context restores so far (state() reports it)

// ---- fonts_ (platform_fonts.cpp) --------------------------------------------------------------
using FontsReady = void (*)();
void fonts_start(FontsReady ready);  // fetches (or finds the embedded) TTF, then calls ready
void fonts_build(float scale);       // (re)builds the atlas at this scale via view_build_fonts
void fonts_after_frame();            // glyphs the frame lacked: drawn by the browser in a task, added

// ---- input_ (platform_input.cpp) --------------------------------------------------------------
void input_init(bool is_mac);
bool input_held();               // a key or button is down: ImGui's own repeat needs frames
void input_focus_canvas();
void input_update_cursor();      // ImGui's wanted mouse cursor -> the canvas's CSS cursor
void input_wheel_sent(float& x, float& y);  // total wheel notches sent to ImGui (state() for tests)
void input_paste_into_field();   // ImGui's paste chord, reading the clipboard copy (platform_clipboard.cpp)
void input_sync_text_field();    // after a frame: the #ime textarea follows ImGui's active field and caret

// ---- clipboard_ (platform_clipboard.cpp) --------------------------------------------------------
void clipboard_init();
void clipboard_write(const std::string& text);

// ---- files_ (platform_files.cpp) ----------------------------------------------------------------
void files_init();
void files_open_dialog();
void files_download(const std::string& name, const std::string& data);

// ---- share_ (platform_share.cpp) ----------------------------------------------------------------
void share_init();               // loads the fragment if there is one, listens for hashchange
bool share_fragment_present();   // the page was opened with a #fragment (skip the default sample)
void share_make(const std::string& json, int token);  // async; token >= 0 resolves a JS promise
void share_settle_error(int token, const std::string& error);  // rejects a pending JS promise
void share_forget_fragment();    // drops #v1... from the address bar after another load
void share_open_link(const std::string& link);  // a link pasted in the view: same path as a fragment

// ---- fetch_ (platform_fetch.cpp) ----------------------------------------------------------------
void   fetch_init();             // the page's origin and URL into FetchState; on the run command's
                                 // page, ask the default proxy for its commands
void   fetch_send(const std::vector<FetchRequest>& requests);  // async; answers wake the loop
void   fetch_cancel(const std::vector<int>& ids);  // aborts their transfers; each then fails
double fetch_jitter();           // Math.random(), for ViewEnv.random

// ---- page_ (platform_page.cpp) ------------------------------------------------------------------
void page_init();
void page_ready();                            // resolves window.ssmview.ready, drops "Loading"
void page_failed();                           // rejects window.ssmview.ready (no WebGL2)
void page_notice(const std::string& message); // a visible, announced error above the canvas ("" hides)
void page_mirror(const ViewState& state, const ViewEnv& env);  // view_mirror() into the HTML
void page_open_url(const std::string& url);
void page_read_env(ViewEnv& env);             // time, zone, colour scheme, Mac

// ---- js_ helpers (platform_page.cpp) ---------------------------------------------------------------
// JavaScript hands text to C++ as (pointer, length) of UTF-8 in the wasm heap, allocated with
// malloc by JS and freed by JS after the call returns. C++ hands text to JavaScript the same way:
// JS decodes with TextDecoder, which (unlike UTF8ToString) keeps NUL bytes and is fast on 10 MB.

}  // namespace ssmview::web
