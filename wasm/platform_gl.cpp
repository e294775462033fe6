// wasm/platform_gl.cpp: the WebGL2 context and Dear ImGui's OpenGL3 renderer on it.
//
// Index
//   state                 the context handle; lost or not
//   on_context_lost       stop drawing; preventDefault so the browser may restore the context
//   on_context_restored   every GL object died with the old context: recreate the renderer
//   gl_init               WebGL2 context on #canvas, ImGui_ImplOpenGL3_Init("#version 300 es")
//   gl_begin_frame / gl_render / gl_reload_fonts
//   draw_key              a hash of what a frame would put on the canvas: gl_render skips the GPU
//                         work when it equals the last drawn one
//
// Call flow: gl_init once at start -> per frame gl_begin_frame (the renderer creates its device
// objects lazily on the first NewFrame) ... ImGui::Render -> gl_render. A GPU reset, a driver
// update or too many contexts make the browser drop the context ("webglcontextlost"); returning
// true from the callback calls preventDefault, which tells the browser we can restore. On
// "webglcontextrestored" the shader, buffers and font texture are gone, so the renderer is shut
// down (its deletes of dead objects are harmless no-ops in WebGL) and initialized again; its
// objects are recreated by the next NewFrame. The e2e test drives this with WEBGL_lose_context.
#include <cstdint>

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
int  g_font_uploads = 0;
std::uint64_t g_last_key = 0;  // draw_key of what the canvas shows (0: nothing yet, or unknown)
int  g_skipped = 0;

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

namespace {

// FNV-1a over the draw data: vertices, indices, commands, the sizes and the clear colour. A frame
// after input that changes nothing (a mouse move over plain text, the release of a click, a
// settling frame) produces the same key. Why skip it: with a software GL (SwiftShader, no GPU;
// also low-end machines) each frame's rasterization costs tens of milliseconds of the main thread,
// during which nothing else runs: a 10 MB answer waits in the network layer meanwhile. Skipping is
// safe because a WebGL canvas keeps showing its last frame until it is drawn to again; a resize
// (which clears it) changes DisplaySize, a new font texture or a restored context changes the key.
std::uint64_t draw_key(const ImDrawData* d, int width, int height, bool dark) {
    std::uint64_t h = 1469598103934665603ull;
    const auto mix = [&h](const void* p, std::size_t n) {
        const unsigned char* b = static_cast<const unsigned char*>(p);
        for (std::size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
    };
    const int head[] = {width, height, dark ? 1 : 0, g_restores, g_font_uploads, d ? d->CmdListsCount : -1};
    mix(head, sizeof head);
    if (d == nullptr) return h;
    mix(&d->DisplayPos, sizeof d->DisplayPos);
    mix(&d->DisplaySize, sizeof d->DisplaySize);
    for (int i = 0; i < d->CmdListsCount; ++i) {
        const ImDrawList* l = d->CmdLists[i];
        mix(l->VtxBuffer.Data, static_cast<std::size_t>(l->VtxBuffer.Size) * sizeof(ImDrawVert));
        mix(l->IdxBuffer.Data, static_cast<std::size_t>(l->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& c : l->CmdBuffer) {
            const ImTextureID tex = c.GetTexID();
            mix(&c.ClipRect, sizeof c.ClipRect);
            mix(&tex, sizeof tex);
            const unsigned int counts[] = {c.VtxOffset, c.IdxOffset, c.ElemCount, c.UserCallback ? 1u : 0u};
            mix(counts, sizeof counts);
        }
    }
    return h == 0 ? 1 : h;
}

}  // namespace

bool gl_render(int width, int height, bool dark) {
    const std::uint64_t key = draw_key(ImGui::GetDrawData(), width, height, dark);
    if (key == g_last_key) {
        ++g_skipped;
        return false;
    }
    g_last_key = key;
    glViewport(0, 0, width, height);
    // The view draws a full-window background; this clear only shows during the first frame.
    if (dark) glClearColor(0.11f, 0.11f, 0.12f, 1.0f);
    else      glClearColor(0.96f, 0.96f, 0.96f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    return true;
}

int gl_skipped_count() { return g_skipped; }

// The renderer uploads the atlas once, in CreateDeviceObjects; after a rebuild (a new pixel ratio)
// the old texture must go and the new pixels be uploaded.
void gl_reload_fonts() {
    // Before the first NewFrame (or after a restore) the renderer uploads the atlas by itself.
    if (!gl_ready() || !g_objects_up) return;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ++g_font_uploads;
}

}  // namespace ssmview::web
