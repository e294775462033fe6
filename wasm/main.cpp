// wasm/main.cpp: the browser application: start-up, one frame, and what the view asks for.
//
// Index
//   app / app_load_text   the application object and the single place new text is loaded
//   apply_actions         ViewActions -> clipboard, new tab, download, share link, file dialog,
//                         a link pasted in the view's paste area, a redraw timer, the HTML mirror
//   free_retired_later    the document a load replaced is freed in a task after the frame
//   app_frame             one frame: size/DPR (-> ViewEnv::ui_scale), NewFrame, view_frame,
//                         Render, actions, frame statistics
//   app_start             after the font bytes arrive: ImGui, WebGL2, input, page, first content
//   main                  starts the font fetch; everything else is event-driven
//
// Call flow:
//   main -> fonts_start -> app_start -> [share_init: a #v1. link inflates asynchronously]
//        | [no link: the first sample] -> loop_wake -> app_frame (rAF) ...
//   app_frame: display_update -> gl_begin_frame -> ImGui::NewFrame -> view_frame (view/, portable)
//              -> ImGui::Render -> gl_render -> apply_actions (page_mirror when the view's text
//              version changed) -> loop_wake again only while something still moves (see
//              platform_loop.cpp).
// There is no emscripten_set_main_loop: frames are drawn on demand, so an idle page costs nothing.
#include <algorithm>
#include <string>

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>  // emscripten_set_timeout

#include "imgui.h"
#include "imgui_internal.h"  // GImGui->InputEventsQueue: trickled input still to consume
#include "platform.h"

namespace ssmview::web {

// ---- app / app_load_text --------------------------------------------------------------------------------------
App& app() {
    static App instance;
    return instance;
}

void app_load_text(std::string text, LoadSource source, std::string source_name) {
    App& a = app();
    view_load_text(a.state, std::move(text), source, std::move(source_name));
    page_notice("");                            // an earlier link error no longer applies
    if (source != LoadSource::Link) share_forget_fragment();
    loop_wake(3);
}

namespace {
double g_last_frame_ms = 0;

// ---- apply_actions ---------------------------------------------------------------------------------------------
void apply_actions(const ViewActions& act) {
    App& a = app();
    if (!act.copy_text.empty()) clipboard_write(act.copy_text);
    if (!act.open_url.empty()) page_open_url(act.open_url);
    if (!act.download_name.empty()) files_download(act.download_name, act.download_data);
    if (act.request_share_link) share_make(act.share_json, -1);
    if (act.open_file_dialog) files_open_dialog();
    if (!act.load_link.empty()) share_open_link(act.load_link);
    if (act.redraw_after_ms >= 0) loop_wake_in(act.redraw_after_ms);
    if (!act.fetches.empty()) fetch_send(act.fetches);
    if (!act.cancel_fetches.empty()) fetch_cancel(act.cancel_fetches);
    if (act.mirror_changed) page_mirror(a.state, a.env);
}

// ---- free_retired_later -------------------------------------------------------------------------------------------
// The document a load replaced is freed in a task of its own, after the frame that shows the new
// one has been handed to the compositor: freeing a big fleet must not delay that frame.
bool g_free_pending = false;

void on_free_retired(void*) {
    g_free_pending = false;
    view_free_retired(app().state);
}

void free_retired_later() {
    const RetiredDocument& r = app().state.retired;
    if (g_free_pending || (r.model == nullptr && r.text.empty())) return;
    g_free_pending = true;
    emscripten_set_timeout(on_free_retired, 0, nullptr);
}

// ---- app_frame --------------------------------------------------------------------------------------------------
void app_frame() {
    App& a = app();
    if (!a.started) return;
    display_update();
    if (!gl_ready()) return;  // context lost: nothing can be drawn until it is restored
    page_read_env(a.env);
    a.env.ui_scale = display_scale();  // the ratio display_update built the fonts for
    a.env.random = fetch_jitter();     // a follow's back-off jitter (the view draws none itself)

    ImGuiIO& io = ImGui::GetIO();
    const double now = loop_now_ms();
    const double cpu_start = now;
    // Real elapsed time drives ImGui's hover and repeat timers (frames are irregular); after a long
    // idle the first frame must not count the whole pause.
    double dt = g_last_frame_ms > 0 ? (now - g_last_frame_ms) / 1000.0 : 1.0 / 60.0;
    io.DeltaTime = static_cast<float>(std::clamp(dt, 1e-4, 1.0));
    g_last_frame_ms = now;

    gl_begin_frame();
    const double view_start = loop_now_ms();
    ImGui::NewFrame();
    ViewActions act = view_frame(a.state, a.env);
    input_update_cursor();
    ImGui::Render();  // (EndFrame reports the caret: io.SetPlatformImeDataFn)
    input_sync_text_field();
    const double gl_start = loop_now_ms();
    gl_render(display_width(), display_height(), a.env.prefers_dark);
    stats_frame_drawn(gl_start - view_start, loop_now_ms() - gl_start);
    if (stats().frames == 1) page_ready();

    apply_actions(act);
    stats_frame_done(loop_now_ms() - cpu_start);
    if (act.wants_more_frames || input_held() || GImGui->InputEventsQueue.Size > 0) loop_wake(1);
    free_retired_later();
    fonts_after_frame();
}

// ---- app_start --------------------------------------------------------------------------------------------------
// A finished, successful run with some output is the friendliest first sight.
const Sample* first_sample() {
    for (const char* name : {"success_rich", "success"})
        if (const Sample* s = view_find_sample(name)) return s;
    int count = 0;
    const Sample* samples = view_samples(count);
    return samples && count > 0 ? &samples[0] : nullptr;
}

void app_start() {
    App& a = app();
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini: nothing is stored in the browser
    io.LogFilename = nullptr;
    page_read_env(a.env);

    display_init();
    if (!gl_init()) {
        page_notice("ssmview needs WebGL2, which this browser has turned off or does not support. "
                    "The plain-text summary below still works.");
        page_init();
        page_failed();
        return;
    }
    input_init(a.env.is_mac);
    clipboard_init();
    files_init();
    page_init();
    loop_init(app_frame);
    a.started = true;
    fetch_init();  // before share_init: a #fetch? fragment follows through the page's proxy
    share_init();  // a #v1. fragment starts inflating; it loads when done
    if (!share_fragment_present()) {
        if (const Sample* s = first_sample()) view_load_text(a.state, s->text, LoadSource::Sample, s->name);
    }
    input_focus_canvas();
    loop_wake(3);
}
}  // namespace

}  // namespace ssmview::web

// ---- main --------------------------------------------------------------------------------------------------------
int main() {
    ssmview::web::fonts_start(ssmview::web::app_start);
    return 0;
}
