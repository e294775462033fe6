// wasm/platform_stats.cpp: frame counts and timings for the tests and the benchmark.
//
// Index
//   stats / stats_frame_drawn / stats_frame_done   the counters app_frame (main.cpp) writes
//   stats_add_to_state   the platform's part of window.ssmview.state(): frames, frame_cpu_ms,
//                        context_restores, scale, canvas size, imgui (focus, mouse, wheel sent)
//
// Why apart from App: the product runs on App (view state and environment); these numbers only
// answer questions from outside (the e2e suite's "idle draws no frames", bench/browser's CPU per
// frame). Keeping them here means nothing in the product can come to depend on them.
// Call flow: app_frame -> stats_frame_drawn (after GL) ... stats_frame_done (end of frame);
// window.ssmview.frames() and state() (platform_page.cpp) -> stats(), stats_add_to_state().
#include "imgui.h"
#include "platform.h"

namespace ssmview::web {

namespace {
FrameStats g_stats;
}  // namespace

// ---- stats / stats_frame_drawn / stats_frame_done --------------------------------------------------
const FrameStats& stats() { return g_stats; }

void stats_frame_drawn(double view_ms, double gl_ms) {
    g_stats.view_ms_last = view_ms;
    g_stats.gl_ms_last = gl_ms;
    ++g_stats.frames;
}

void stats_frame_done(double cpu_ms) {
    g_stats.cpu_ms_last = cpu_ms;
    g_stats.cpu_ms_total += cpu_ms;
}

// ---- stats_add_to_state -----------------------------------------------------------------------------
void stats_add_to_state(Json& j) {
    j["frames"] = g_stats.frames;
    j["frame_cpu_ms"] = {{"last", g_stats.cpu_ms_last}, {"total", g_stats.cpu_ms_total},
                         {"view_last", g_stats.view_ms_last}, {"gl_last", g_stats.gl_ms_last}};
    j["context_restores"] = gl_restore_count();
    j["frames_gl_skipped"] = gl_skipped_count();  // frames that would have drawn what the canvas shows
    j["scale"] = display_scale();
    j["canvas"] = {display_width(), display_height()};
    const ImGuiIO& io = ImGui::GetIO();
    float wheel_x = 0, wheel_y = 0;
    input_wheel_sent(wheel_x, wheel_y);
    j["imgui"] = {{"want_text_input", io.WantTextInput}, {"want_keyboard", io.WantCaptureKeyboard},
                  {"mouse", {io.MousePos.x, io.MousePos.y}}, {"wheel_sent", {wheel_x, wheel_y}}};
}

}  // namespace ssmview::web
