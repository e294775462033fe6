// bench/browser/baseline.cpp: a bare Dear ImGui WebGL2 page, the yardstick for the viewer.
//
// Index
//   frame      one ImGui frame: a window with a line of text, rendered by imgui_impl_opengl3
//   main       WebGL2 context on #canvas, ImGui with its built-in font, emscripten_set_main_loop
//
// What it is: the least a Dear ImGui page costs on this toolchain (same em++ 3.1.6, same link
// flags, same renderer) and nothing of ssmview's: no core, no view, no font download, no
// on-demand loop. bench/browser/run_bench.js compares the viewer's navigation-to-first-frame
// time with this page's, as a ratio, because absolute times under software GL (SwiftShader) say
// little about a real GPU. The page records performance.now() at its first frame in
// window.baselineFirstFrameAt and counts frames in window.baselineFrames.
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include "imgui.h"
#include "backends/imgui_impl_opengl3.h"

EM_JS(void, js_first_frame, (), { window.baselineFirstFrameAt = performance.now(); });
EM_JS(void, js_count_frame, (), { window.baselineFrames = (window.baselineFrames || 0) + 1; });

namespace {
int g_frames = 0;

// ---- frame ---------------------------------------------------------------------------------------
void frame() {
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    const int fw = static_cast<int>(w), fh = static_cast<int>(h);
    emscripten_set_canvas_element_size("#canvas", fw, fh);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(fw), static_cast<float>(fh));
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("baseline", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::TextUnformatted("A bare Dear ImGui WebGL2 page.");
    ImGui::End();
    ImGui::Render();
    glViewport(0, 0, fw, fh);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (++g_frames == 1) js_first_frame();
    js_count_frame();
}
}  // namespace

// ---- main ----------------------------------------------------------------------------------------
int main() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.alpha = EM_FALSE;
    attrs.antialias = EM_FALSE;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context("#canvas", &attrs);
    emscripten_webgl_make_context_current(ctx);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop(frame, 0, false);  // ImGui's default: a frame on every rAF
    return 0;
}
