// wasm/platform_clipboard.cpp: text in through the browser's `paste` event, out through
// navigator.clipboard.writeText.
//
// Index
//   JS side                 the document-wide `paste` listener; writeText with an execCommand fallback
//   ssmview_on_paste        pasted text -> the active ImGui text field, or a new invocation
//   ImGui clipboard hooks   ImGui's copy/cut (Ctrl+C in a field, "copy" buttons) -> clipboard_write
//   clipboard_init / clipboard_write
//
// Call flow, paste: Ctrl+V (Cmd+V on a Mac) on the canvas is not prevented (platform_input.cpp), so
// the browser fires `paste` on the focused element; the listener sits on the document, so a paste
// "anywhere" on the page lands here too -> ssmview_on_paste(text) -> if an ImGui text field is
// active, the text goes into it through ImGui's own paste (input_paste_into_field); otherwise
// app_load_text(text, Paste).
// A page cannot read the clipboard on its own without a permission prompt; the paste event is the
// one moment it is handed the text, so that is the only clipboard read.
// Call flow, copy: ImGui (or the view's copy_text action) -> clipboard_write -> writeText, which
// needs a secure context (https, localhost, file://); elsewhere, or if the promise is refused, a
// hidden textarea + execCommand('copy') inside the same user activation does the job.
#include <cstdlib>
#include <string>

#include <emscripten/emscripten.h>

#include "imgui.h"
#include "platform.h"

// ---- JS side --------------------------------------------------------------------------------------------------
EM_JS(void, js_clipboard_listen, (), {
    document.addEventListener("paste", function(e) {
        var t = e.target;
        // A real HTML text field on the page keeps its own paste (none today; future-proof). The
        // hidden #ime textarea is the view's own text input (platform_input.cpp): its paste is ours.
        if (t && t.id !== "ime" && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
        var data = e.clipboardData;
        if (!data) return;
        e.preventDefault();
        // A file copied in a file manager arrives as a File: read it like a dropped file.
        if (data.files && data.files.length > 0 && !data.getData("text/plain")) {
            Module.ssmReadFile(data.files[0], 0);
            return;
        }
        Module.ssmSendText(_ssmview_on_paste, data.getData("text/plain") || "");
    });
});

EM_JS(void, js_clipboard_write, (const char* ptr, int len), {
    var text = Module.ssmString(ptr, len);
    var fallback = function() {
        var area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        try { document.execCommand("copy"); } catch (err) { console.warn("ssmview: copy failed", err); }
        document.body.removeChild(area);
        var canvas = document.getElementById("canvas");
        if (canvas) canvas.focus({preventScroll: true});
    };
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
        navigator.clipboard.writeText(text).catch(fallback);
    } else {
        fallback();
    }
});

namespace ssmview::web {

namespace {
std::string g_clipboard;  // the last text copied or pasted: what ImGui's GetClipboardText returns

// Typing a 50 MB paste character by character into a search box helps nobody: beyond this size a
// paste is an invocation even while a text field is active.
constexpr std::size_t kMaxFieldPaste = 64 * 1024;

// ---- ImGui clipboard hooks -------------------------------------------------------------------------------------
const char* get_clipboard(void*) { return g_clipboard.c_str(); }
void set_clipboard(void*, const char* text) { clipboard_write(text ? text : ""); }
}  // namespace

// ---- clipboard_init / clipboard_write --------------------------------------------------------------------------
void clipboard_init() {
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
    js_clipboard_listen();
}

void clipboard_write(const std::string& text) {
    g_clipboard = text;
    js_clipboard_write(text.data(), static_cast<int>(text.size()));
}

}  // namespace ssmview::web

// ---- ssmview_on_paste ---------------------------------------------------------------------------------------------
extern "C" EMSCRIPTEN_KEEPALIVE void ssmview_on_paste(char* bytes, int size) {
    using namespace ssmview::web;
    std::string text(bytes, static_cast<std::size_t>(size));
    std::free(bytes);
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput && text.size() <= kMaxFieldPaste) {
        g_clipboard = std::move(text);  // what ImGui's paste will read through get_clipboard
        input_paste_into_field();
        return;
    }
    app_load_text(std::move(text), ssmview::LoadSource::Paste, "pasted text");
}
