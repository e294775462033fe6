// wasm/platform_gl.cpp: the WebGL2 context and Dear ImGui's OpenGL3 renderer on it.
//
// Index
//   state                 the context handle; lost or not
//   on_context_lost       stop drawing; preventDefault so the browser may restore the context
//   on_context_restored   every GL object died with the old context: recreate the renderer
//   gl_init               WebGL2 context on #canvas, ImGui_ImplOpenGL3_Init("#version 300 es")
//   gl_begin_frame / gl_render / gl_reload_fonts
//
// Call flow: gl_init once at start -> per frame gl_begin_frame (the renderer creates its device
// objects lazily on the first NewFrame) ... ImGui::Render -> gl_render. A GPU reset, a driver
// update or too many contexts make the browser drop the context ("webglcontextlost"); returning
// true from the callback calls preventDefault, which tells the browser we can restore. On
// "webglcontextrestored" the shader, buffers and font texture are gone, so the renderer is shut
// down (its deletes of dead objects are harmless no-ops in WebGL) and initialized again; its
// objects are recreated by the next NewFrame. The e2e test drives this with WEBGL_lose_context.
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include "imgui.h"
#include "backends/imgui_impl_opengl3.h"
#include "platform.h"

namespace ssmview::web {

// ---- state -----------------------------------------------------------------------------------------
namespace {
EMSCRIPTEN_WEBGL_CONTEXT_HANDLE g_context = 0;
bool g_lost = false;
bool g_renderer_up = false;
bool g_objects_up = false;   // the renderer made its shader, buffers and font texture (first NewFrame)
int  g_restores = 0;  // how many times the context came back (exposed in state() for the e2e test)

EM_BOOL on_context_lost(int, const void*, void*) {
    g_lost = true;
    return EM_TRUE;  // preventDefault: we handle restoration
}

// ---- on_context_restored -----------------------------------------------------------------------------
EM_BOOL on_context_restored(int, const void*, void*) {
    emscripten_webgl_make_context_current(g_context);
    if (g_renderer_up) ImGui_ImplOpenGL3_Shutdown();
    g_renderer_up = ImGui_ImplOpenGL3_Init("#version 300 es");
    g_objects_up = false;
    g_lost = false;
    ++g_restores;
    loop_wake(2);
    return EM_TRUE;
}
}  // namespace

int gl_restore_count() { return g_restores; }

// ---- gl_init ---------------------------------------------------------------------------------------------
bool gl_init() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;              // opaque canvas: the compositor skips blending it
    attrs.depth = EM_FALSE;              // ImGui draws 2D triangles in order
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;          // ImGui anti-aliases its own shapes; MSAA would blur nothing but cost memory
    attrs.premultipliedAlpha = EM_TRUE;
    attrs.preserveDrawingBuffer = EM_FALSE;
    attrs.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;  // a text viewer: keep the big GPU asleep
    attrs.enableExtensionsByDefault = EM_FALSE;
    g_context = emscripten_webgl_create_context("#canvas", &attrs);
    if (g_context <= 0) return false;
    emscripten_webgl_make_context_current(g_context);
    emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_FALSE, on_context_lost);
    emscripten_set_webglcontextrestored_callback("#canvas", nullptr, EM_FALSE, on_context_restored);
    g_renderer_up = ImGui_ImplOpenGL3_Init("#version 300 es");
    return g_renderer_up;
}

bool gl_ready() { return g_context > 0 && !g_lost && g_renderer_up && !emscripten_is_webgl_context_lost(g_context); }

// ---- gl_begin_frame / gl_render / gl_reload_fonts ---------------------------------------------------------
void gl_begin_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    g_objects_up = true;
}

void gl_render(int width, int height, bool dark) {
    glViewport(0, 0, width, height);
    // The view draws a full-window background; this clear only shows during the first frame.
    if (dark) glClearColor(0.11f, 0.11f, 0.12f, 1.0f);
    else      glClearColor(0.96f, 0.96f, 0.96f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

// The renderer uploads the atlas once, in CreateDeviceObjects; after a rebuild (a new pixel ratio)
// the old texture must go and the new pixels be uploaded.
void gl_reload_fonts() {
    // Before the first NewFrame (or after a restore) the renderer uploads the atlas by itself.
    if (!gl_ready() || !g_objects_up) return;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace ssmview::web
