// wasm/platform_loop.cpp: frames on demand. Idle, the page draws nothing.
//
// Index
//   state                  the frame function, frames still owed, whether a rAF is queued
//   loop_init / loop_wake  owe N frames; queue one requestAnimationFrame if none is queued
//   on_animation_frame     pays one owed frame, queues the next while frames are owed
//   loop_wake_after_input  the frames an input event needs (queue trickling, hover delays)
//   on_settle_timer        one debounced timer that wakes at the hover checkpoints
//   loop_wake_in           a timer that owes one frame later (the view's redraw_after_ms)
//   loop_frame_now         one frame inside the current input event (user activation)
//
// Call flow: any handler -> loop_wake(n) -> requestAnimationFrame -> on_animation_frame ->
// frame() (main.cpp) -> frame() calls loop_wake() again only when something still moves (the
// view's wants_more_frames, a held key or button, ImGui's trickled input queue). When nothing
// owes a frame, no rAF is queued at all: that is the "zero frames when idle" property the e2e
// test checks and the benchmark counts. ImGui's default main loop (emscripten_set_main_loop at
// 60 Hz) would redraw forever and keep a laptop's GPU awake.
#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include "platform.h"

namespace ssmview::web {

// ---- state -------------------------------------------------------------------------------------
namespace {
FrameFn g_frame = nullptr;
int     g_owed = 0;          // frames still to draw
bool    g_queued = false;    // a requestAnimationFrame callback is pending
double  g_last_input = 0;   // performance.now() of the last input event
bool    g_settling = false;  // the hover-delay timer is pending

EM_BOOL on_animation_frame(double /*time*/, void* /*user*/) {
    g_queued = false;
    if (g_owed > 0) --g_owed;
    if (g_frame) g_frame();
    if (g_owed > 0 && !g_queued) {
        g_queued = true;
        emscripten_request_animation_frame(on_animation_frame, nullptr);
    }
    return EM_FALSE;
}

// Hover checkpoints, in milliseconds after the last input event. One timer at a time: a stream of
// mouse moves keeps pushing the checkpoints back instead of piling up timers.
constexpr double kHoverCheckpoints[] = {200.0, 620.0};

void on_settle_timer(void* /*user*/) {
    g_settling = false;
    loop_wake(1);
    double since = emscripten_get_now() - g_last_input;
    for (double checkpoint : kHoverCheckpoints) {
        if (since < checkpoint - 1.0) {
            g_settling = true;
            emscripten_set_timeout(on_settle_timer, checkpoint - since, nullptr);
            break;
        }
    }
}

double g_timer_due = 0;  // the earliest pending loop_wake_in deadline (0 = none)

void on_timer(void* /*user*/) {
    if (emscripten_get_now() >= g_timer_due - 1.0) g_timer_due = 0;
    loop_wake(1);
}
}  // namespace

// ---- loop_init / loop_wake -----------------------------------------------------------------------
void loop_init(FrameFn frame) { g_frame = frame; }

void loop_wake(int frames) {
    if (frames > g_owed) g_owed = frames;
    if (!g_queued && g_owed > 0) {
        g_queued = true;
        emscripten_request_animation_frame(on_animation_frame, nullptr);
    }
}

// ---- loop_frame_now ------------------------------------------------------------------------------
// Browsers allow a file chooser, a new tab or a clipboard write only during the user activation
// of an input event, and the frame that would turn a click into such an action can come seconds
// later on a loaded machine. Drawing one frame inside the press and release handlers lets the
// view's actions run while the activation holds.
void loop_frame_now() {
    if (g_frame) g_frame();
}

// ---- loop_wake_after_input ------------------------------------------------------------------------
// Three frames: ImGui's input queue spreads a press and a release over two frames, and a layout
// that depends on the previous frame (auto-sized windows, a popup opening) settles in the third.
// Then timer wakes at fixed delays after the last event, so delayed hover effects appear without
// continuous drawing: ImGui's stationary delay (0.15 s) and tooltip delay (0.40 s,
// style.HoverDelayNormal).
void loop_wake_after_input() {
    loop_wake(3);
    g_last_input = emscripten_get_now();
    if (!g_settling) {
        g_settling = true;
        emscripten_set_timeout(on_settle_timer, kHoverCheckpoints[0], nullptr);
    }
}

// ---- loop_wake_in -------------------------------------------------------------------------------
// The view asks again after every frame ("redraw in 41 s"): a timer already due no later than the
// new deadline covers it, so interaction does not pile up timers.
void loop_wake_in(double milliseconds) {
    if (milliseconds < 16.0) milliseconds = 16.0;  // never a busy loop, whatever is asked
    const double now = emscripten_get_now();
    const double due = now + milliseconds;
    if (g_timer_due > now && g_timer_due <= due + 1.0) return;
    g_timer_due = due;
    emscripten_set_timeout(on_timer, milliseconds, nullptr);
}

double loop_now_ms() { return emscripten_get_now(); }

}  // namespace ssmview::web
