// wasm/platform_files.cpp: files in (drag and drop, the open-file dialog) and out (downloads).
//
// Index
//   JS side             Module.ssmReadFile (bounded read), drop target on the whole page, a hidden
//                       <input type=file>, Blob downloads
//   ssmview_on_file     the bytes of a file -> app_load_text(File, name)
//   files_init / files_open_dialog / files_download
//
// Call flow: a file dropped anywhere on the page, chosen in the dialog (the view's
// open_file_dialog action, run inside the click's user activation), or pasted from a file manager
// -> Module.ssmReadFile -> File.arrayBuffer() -> ssmview_on_file -> app_load_text. The core
// decides what the bytes are (JSON, YAML, binary, too large), so the browser side reads bytes, not
// text: a binary file reaches the core as it is and gets its diagnostic.
// A file larger than the core's limit is cut to limit + 1 bytes before it is copied into the wasm
// heap: the core then reports input.too_large, and a 4 GB file never has to fit in memory.
#include <cstdlib>
#include <string>

#include <emscripten/emscripten.h>

#include "platform.h"
#include "report.h"

// ---- JS side ---------------------------------------------------------------------------------------------------
EM_JS(void, js_files_init, (double max_bytes), {
    Module.ssmReadFile = function(file, source) {
        var part = file.size > max_bytes ? file.slice(0, max_bytes + 1) : file;
        part.arrayBuffer().then(function(buf) {
            Module.ssmSendBytes(_ssmview_on_file, new Uint8Array(buf), file.name || "file", source);
        }, function(err) {
            Module.ssmNotice("The file \u201c" + file.name + "\u201d could not be read: " + err);
        });
    };
    // Drop anywhere on the page. dragover must be cancelled or the browser refuses the drop (and
    // would navigate to the file instead).
    var hasFiles = function(e) {
        var types = e.dataTransfer ? e.dataTransfer.types : null;
        return types && (Array.prototype.indexOf.call(types, "Files") >= 0 || Array.prototype.indexOf.call(types, "text/plain") >= 0);
    };
    window.addEventListener("dragover", function(e) {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
        document.body.classList.add("dropping");
    });
    window.addEventListener("dragleave", function(e) {
        if (!e.relatedTarget) document.body.classList.remove("dropping");
    });
    window.addEventListener("drop", function(e) {
        document.body.classList.remove("dropping");
        if (!e.dataTransfer) return;
        e.preventDefault();
        if (e.dataTransfer.files && e.dataTransfer.files.length > 0) {
            Module.ssmReadFile(e.dataTransfer.files[0], 1);
        } else {
            // Text dragged from another page or an editor.
            Module.ssmSendText(_ssmview_on_paste, e.dataTransfer.getData("text/plain") || "");
        }
    });
});

EM_JS(void, js_files_open_dialog, (), {
    var input = document.createElement("input");
    input.type = "file";
    input.accept = ".json,.txt,.yaml,.yml,application/json,text/plain";
    input.style.display = "none";
    input.addEventListener("change", function() {
        if (input.files && input.files.length > 0) Module.ssmReadFile(input.files[0], 1);
        input.remove();
    });
    document.body.appendChild(input);
    input.click();
});

EM_JS(void, js_files_download, (const char* name, int name_len, const char* data, int data_len), {
    var fileName = Module.ssmString(name, name_len);
    var bytes = HEAPU8.slice(data, data + data_len);
    var url = URL.createObjectURL(new Blob([bytes], {type: "text/plain;charset=utf-8"}));
    var a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function() { URL.revokeObjectURL(url); }, 10000);
});

namespace ssmview::web {

// ---- files_init / files_open_dialog / files_download ------------------------------------------------------------
void files_init() { js_files_init(static_cast<double>(kMaxInputBytes)); }
void files_open_dialog() { js_files_open_dialog(); }
void files_download(const std::string& name, const std::string& data) {
    js_files_download(name.data(), static_cast<int>(name.size()), data.data(), static_cast<int>(data.size()));
}

}  // namespace ssmview::web

// ---- ssmview_on_file ---------------------------------------------------------------------------------------------
// source: 0 = pasted from a file manager, 1 = dropped or chosen in the dialog.
extern "C" EMSCRIPTEN_KEEPALIVE void ssmview_on_file(char* bytes, int size, char* name, int name_size, int source) {
    std::string text(bytes, static_cast<std::size_t>(size));
    std::string file_name(name, static_cast<std::size_t>(name_size));
    std::free(bytes);
    std::free(name);
    (void)source;
    ssmview::web::app_load_text(std::move(text), ssmview::LoadSource::File, std::move(file_name));
}
