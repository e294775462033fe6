// wasm/platform_page.cpp: the HTML around the canvas, and the page's test interface.
//
// Index
//   JS side          notice banner, the accessible mirror, links, environment, window.ssmview
//   mirror_json      what the mirror shows, built from the Report (status, phase, ids, times,
//                    diagnostics, stdout, stderr)
//   page_*           page_init, page_ready, page_notice, page_mirror, page_open_url, page_read_env
//   window.ssmview   ssmview_api_* entry points: load, state, shareLink, frames. state() is the
//                    view's view_state_to_json plus the platform's own: frames, frame_cpu_ms (the
//                    benchmark), scale, canvas size, context_restores, imgui (focus, wheel sent)
//
// Why a mirror: canvas pixels are invisible to screen readers and to the browser's find (Ctrl+F
// on the page's HTML). After every load the summary (status, phase, ids, times, diagnostics) is
// written into an aria-live region that is visually hidden but read aloud, and stdout/stderr go,
// with ANSI escape codes removed, into <pre> elements inside a <details> below the canvas.
// Call flow: main.cpp's frame sees state.generation change -> page_mirror(state) -> mirror_json ->
// js_page_mirror renders it with textContent (never innerHTML: the text is untrusted).
#include <cstdlib>
#include <string>

#include <emscripten/emscripten.h>

#include "imgui.h"
#include "platform.h"
#include "share_link.h"
#include "view.h"

// ---- JS side ----------------------------------------------------------------------------------------------------
EM_JS(void, js_page_notice, (const char* ptr, int len), {
    var box = document.getElementById("notice");
    if (!box) return;
    var text = Module.ssmString(ptr, len);
    box.textContent = text;
    box.hidden = text.length === 0;
});

EM_JS(void, js_page_mirror, (const char* ptr, int len), {
    var m = JSON.parse(Module.ssmString(ptr, len));
    var summary = document.getElementById("summary");
    if (summary) {
        var lines = [];
        var add = function(label, value) { if (value !== undefined && value !== null && value !== "") lines.push([label, String(value)]); };
        add("Loaded from", m.source);
        add("Status", m.status || "(no Status)");
        add("Phase", m.phase + (m.terminal ? " (finished)" : " (still running)"));
        add("Status details", m.status_details);
        add("Meaning", m.explanation);
        add("Response code", m.response_code === null ? "" : m.response_code + (m.response_code_meaning ? " (" + m.response_code_meaning + ")" : ""));
        add("Command ID", m.command_id);
        add("Instance ID", m.instance_id);
        add("Document", m.document_name + (m.document_version ? " version " + m.document_version : ""));
        add("Plugin", m.plugin_name);
        add("Comment", m.comment);
        add("Started", m.start);
        add("Ended", m.end);
        add("Elapsed", m.elapsed);
        var frag = document.createDocumentFragment();
        var h = document.createElement("h2");
        h.textContent = "Command invocation: " + (m.status || m.phase) + (m.terminal ? ", finished" : ", still running");
        frag.appendChild(h);
        var dl = document.createElement("dl");
        lines.forEach(function(l) {
            var dt = document.createElement("dt"); dt.textContent = l[0];
            var dd = document.createElement("dd"); dd.textContent = l[1];
            dl.appendChild(dt); dl.appendChild(dd);
        });
        frag.appendChild(dl);
        var dh = document.createElement("h3");
        dh.textContent = m.diagnostics.length ? m.diagnostics.length + " diagnostic" + (m.diagnostics.length > 1 ? "s" : "") : "No diagnostics";
        frag.appendChild(dh);
        if (m.diagnostics.length) {
            var ul = document.createElement("ul");
            m.diagnostics.forEach(function(d) {
                var li = document.createElement("li");
                li.textContent = d.severity + " " + d.code + (d.line ? " at line " + d.line + ", column " + d.column : "") + ": " + d.message;
                li.setAttribute("data-code", d.code);
                ul.appendChild(li);
            });
            frag.appendChild(ul);
        }
        summary.replaceChildren(frag);
    }
    var out = document.getElementById("raw-stdout");
    var err = document.getElementById("raw-stderr");
    if (out) out.textContent = m.stdout;
    if (err) err.textContent = m.stderr;
    document.title = (m.status ? m.status + " \u2014 " : "") + (m.command_id ? m.command_id + " \u2014 " : "") + "ssmview";
});

EM_JS(void, js_page_open_url, (const char* ptr, int len), {
    var url = Module.ssmString(ptr, len);
    // Only web links: a crafted report must not open javascript: or data: URLs.
    var scheme = url.slice(0, 8).toLowerCase();
    if (scheme.indexOf("https:") !== 0 && scheme.indexOf("http:") !== 0) { console.warn("ssmview: refusing to open", url); return; }
    var w = window.open(url, "_blank", "noopener,noreferrer");
    if (w) w.opener = null;
});

EM_JS(double, js_page_env, (int which), {
    switch (which) {
        case 0: return Date.now();
        case 1: return -new Date().getTimezoneOffset();
        case 2: return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? 1 : 0;
        case 3: {
            var p = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || navigator.userAgent || "";
            return /Mac|iPhone|iPad|iPod/i.test(p) ? 1 : 0;
        }
    }
    return 0;
});

EM_JS(void, js_page_init, (), {
    // Theme changes redraw.
    if (window.matchMedia) {
        var mq = window.matchMedia("(prefers-color-scheme: dark)");
        var onChange = function() { _ssmview_wake(2); };
        if (mq.addEventListener) mq.addEventListener("change", onChange); else if (mq.addListener) mq.addListener(onChange);
    }
    // Timers ("3 minutes ago") come from the view's redraw_after_ms; a tab coming back into view
    // redraws at once, as its clock may have moved a lot.
    document.addEventListener("visibilitychange", function() { if (!document.hidden) _ssmview_wake(2); });

    var api = window.ssmview;
    Module.ssmSharePending = {};
    var nextToken = 1;
    api.load = function(text) {
        Module.ssmSendText(_ssmview_api_load, String(text));
        return api.state();
    };
    api.state = function() {
        var ptr = _ssmview_api_state();
        return JSON.parse(Module.ssmString(ptr, _ssmview_api_result_size()));
    };
    api.shareLink = function() {
        return new Promise(function(resolve, reject) {
            var token = nextToken++;
            Module.ssmSharePending[token] = {resolve: resolve, reject: reject};
            _ssmview_api_share(token);
        });
    };
    api.frames = function() { return _ssmview_api_frames(); };
});

EM_JS(void, js_page_ready, (int ok), {
    Module.ssmFirstFrameAt = performance.now();  // navigation -> first frame (the benchmark reads it)
    var loading = document.getElementById("loading");
    if (loading) loading.remove();
    if (ok) Module.ssmResolveReady(window.ssmview);
    else Module.ssmRejectReady(new Error("ssmview could not start: WebGL2 is unavailable"));
});

namespace ssmview::web {

namespace {
std::string g_result;  // the last string handed to JS by an ssmview_api_* call

// ---- mirror_json ------------------------------------------------------------------------------------------------
// ANSI escape sequences (colours, cursor moves, `tput sgr0`'s charset reset ESC ( B) are noise to
// a screen reader and to find: CSI, OSC and the short ESC sequences (ECMA-48 / ISO 2022) go.
std::string strip_ansi(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\x1b') { out += s[i]; continue; }
        std::size_t j = i + 1;
        if (j >= s.size()) break;
        if (s[j] == '[') {            // CSI: parameters and intermediates, then a final byte @..~
            ++j;
            while (j < s.size() && !(s[j] >= 0x40 && s[j] <= 0x7E)) ++j;
            i = j;
        } else if (s[j] == ']') {     // OSC: up to BEL or ST (ESC \)
            ++j;
            while (j < s.size() && s[j] != '\x07' && !(s[j] == '\x1b' && j + 1 < s.size() && s[j + 1] == '\\')) ++j;
            i = (j < s.size() && s[j] == '\x1b') ? j + 1 : j;
        } else {                      // nF (ESC ( B: charset) and Fp/Fe/Fs: intermediates 0x20..0x2F, then one final byte
            while (j < s.size() && s[j] >= 0x20 && s[j] <= 0x2F) ++j;
            i = j;
        }
    }
    return out;
}

std::string when(const Timestamp& t, const ViewEnv& env) {
    if (!t.valid) return {};
    return format_timestamp_utc(t.epoch_ms) + " (" + format_relative(t.epoch_ms, env.now_ms) + ")";
}

const char* source_name(LoadSource s) {
    switch (s) {
        case LoadSource::Paste: return "paste";
        case LoadSource::File: return "file";
        case LoadSource::Link: return "share link";
        case LoadSource::Sample: return "sample";
        case LoadSource::Fetch: return "fetch";
    }
    return "";
}

Json mirror_json(const ViewState& state, const ViewEnv& env) {
    const Report& r = state.report;
    const Invocation& inv = r.invocation;
    Json m;
    m["source"] = std::string(source_name(state.source)) + (state.source_name.empty() ? "" : ": " + state.source_name);
    m["format"] = input_format_name(r.format);
    m["status"] = r.state.status;
    m["status_details"] = r.state.status_details;
    m["phase"] = phase_name(r.state.phase);
    m["terminal"] = r.state.terminal;
    m["explanation"] = r.state.explanation;
    m["response_code"] = inv.response_code.present ? Json(inv.response_code.value) : Json(nullptr);
    m["response_code_meaning"] = r.state.response_code_meaning;
    m["command_id"] = inv.command_id.value;
    m["instance_id"] = inv.instance_id.value;
    m["document_name"] = inv.document_name.value;
    m["document_version"] = inv.document_version.value;
    m["plugin_name"] = inv.plugin_name.value;
    m["comment"] = inv.comment.value;
    m["start"] = when(r.times.start, env);
    m["end"] = when(r.times.end, env);
    m["elapsed"] = r.times.elapsed.valid ? format_duration(r.times.elapsed.ms) : std::string();
    Json diags = Json::array();
    for (const Diagnostic& d : r.diagnostics)
        diags.push_back({{"severity", severity_name(d.severity)}, {"code", d.code}, {"message", d.message},
                         {"line", d.line}, {"column", d.column}});
    m["diagnostics"] = std::move(diags);
    m["stdout"] = strip_ansi(inv.standard_output_content.value);
    m["stderr"] = strip_ansi(inv.standard_error_content.value);
    return m;
}
}  // namespace

// ---- page_* -----------------------------------------------------------------------------------------------------
void page_init() { js_page_init(); }
void page_ready() { js_page_ready(1); }
void page_failed() { js_page_ready(0); }

void page_notice(const std::string& message) { js_page_notice(message.data(), static_cast<int>(message.size())); }

void page_mirror(const ViewState& state) {
    // Invalid UTF-8 in a paste would make dump() fail; replace it (the mirror is for reading).
    const std::string text = mirror_json(state, app().env).dump(-1, ' ', false, Json::error_handler_t::replace);
    js_page_mirror(text.data(), static_cast<int>(text.size()));
}

void page_open_url(const std::string& url) { js_page_open_url(url.data(), static_cast<int>(url.size())); }

void page_read_env(ViewEnv& env) {
    env.now_ms = static_cast<std::int64_t>(js_page_env(0));
    env.local_offset_minutes = static_cast<int>(js_page_env(1));
    env.prefers_dark = js_page_env(2) != 0;
    env.is_mac = js_page_env(3) != 0;
}

}  // namespace ssmview::web

// ---- window.ssmview -----------------------------------------------------------------------------------------------
extern "C" {
EMSCRIPTEN_KEEPALIVE void ssmview_api_load(char* bytes, int size) {
    std::string text(bytes, static_cast<std::size_t>(size));
    std::free(bytes);
    ssmview::web::app_load_text(std::move(text), ssmview::LoadSource::Paste, "window.ssmview.load");
}

EMSCRIPTEN_KEEPALIVE const char* ssmview_api_state() {
    using namespace ssmview::web;
    ssmview::Json j = ssmview::view_state_to_json(app().state);
    j["frames"] = app().frames;
    j["frame_cpu_ms"] = {{"last", app().frame_cpu_ms_last}, {"total", app().frame_cpu_ms_total},
                         {"view_last", app().frame_view_ms_last}, {"gl_last", app().frame_gl_ms_last}};
    j["generation"] = app().state.generation;
    j["context_restores"] = gl_restore_count();
    j["scale"] = display_scale();
    j["canvas"] = {display_width(), display_height()};
    const ImGuiIO& io = ImGui::GetIO();
    float wheel_x = 0, wheel_y = 0;
    input_wheel_sent(wheel_x, wheel_y);
    j["imgui"] = {{"want_text_input", io.WantTextInput}, {"want_keyboard", io.WantCaptureKeyboard},
                  {"mouse", {io.MousePos.x, io.MousePos.y}}, {"wheel_sent", {wheel_x, wheel_y}}};
    g_result = j.dump(-1, ' ', false, ssmview::Json::error_handler_t::replace);
    return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE int ssmview_api_result_size() { return static_cast<int>(ssmview::web::g_result.size()); }

EMSCRIPTEN_KEEPALIVE int ssmview_api_frames() { return ssmview::web::app().frames; }

// Makes the link of what is shown now (unredacted canonical JSON), like the view's "Copy link".
EMSCRIPTEN_KEEPALIVE void ssmview_api_share(int token) {
    using namespace ssmview;
    const ViewState& s = web::app().state;
    if (!s.report.has_invocation) {
        web::share_settle_error(token, "Nothing to share: the current input has no invocation.");
        return;
    }
    web::share_make(canonical_json(s.report.invocation), token);
}
}
