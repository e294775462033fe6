// wasm/platform_page.cpp: the HTML around the canvas, and the page's test interface.
//
// Index
//   JS side          notice banner, the accessible mirror, links, environment, window.ssmview
//   page_*           page_init, page_ready, page_failed, page_notice, page_mirror, page_open_url,
//                    page_read_env
//   window.ssmview   ssmview_api_* entry points: load, state, shareLink, frames. state() is the
//                    view's view_state_to_json plus the platform's own (stats_add_to_state:
//                    frames, frame_cpu_ms for the benchmark, scale, canvas size, context_restores,
//                    imgui focus and wheel)
//
// Why a mirror: canvas pixels are invisible to screen readers and to the browser's find (Ctrl+F
// on the page's HTML). The view builds the text version itself (view/view_mirror.h), from the
// same words and the same display text the canvas draws, so the HTML cannot say what the canvas
// does not: the summary (status, times, ids, diagnostics) goes into an aria-live region that is
// visually hidden but read aloud, stdout/stderr into <pre> elements inside a <details> below the
// canvas. Nothing here interprets the report.
// Call flow: a frame's ViewActions::mirror_changed -> page_mirror(state, env) -> view_mirror ->
// js_page_mirror (summary, as JSON) and, when the load changed, js_page_mirror_outputs (the two
// texts as they are, no JSON: they can be 10 MB). Both render with textContent, never innerHTML:
// the text is untrusted.
#include <cstdlib>
#include <string>

#include <emscripten/emscripten.h>

#include "fleet_link.h"
#include "platform.h"
#include "share_link.h"
#include "view.h"
#include "view_mirror.h"

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
        var frag = document.createDocumentFragment();
        var el = function(tag, text) { var e = document.createElement(tag); e.textContent = text; return e; };
        frag.appendChild(el("h2", m.heading));
        var dl = document.createElement("dl");
        var last = null;
        m.rows.forEach(function(row) {
            if (row[0] !== last) dl.appendChild(el("dt", row[0]));
            dl.appendChild(el("dd", row[1]));
            last = row[0];
        });
        frag.appendChild(dl);
        frag.appendChild(el("h3", m.diagnostics_heading));
        if (m.diagnostics.length) {
            var ul = document.createElement("ul");
            m.diagnostics.forEach(function(d) {
                var li = el("li", d.text);
                li.setAttribute("data-code", d.code);
                li.setAttribute("data-severity", d.severity);
                ul.appendChild(li);
            });
            frag.appendChild(ul);
        }
        if (m.diagnostics_more) frag.appendChild(el("p", m.diagnostics_more));
        summary.replaceChildren(frag);
    }
    document.title = m.title;
});

EM_JS(void, js_page_mirror_outputs, (const char* out, int out_len, const char* err, int err_len), {
    var o = document.getElementById("raw-stdout");
    var e = document.getElementById("raw-stderr");
    if (o) o.textContent = Module.ssmString(out, out_len);
    if (e) e.textContent = Module.ssmString(err, err_len);
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
std::string g_result;              // the last string handed to JS by an ssmview_api_* call
int         g_outputs_generation = -1;  // the load whose outputs the page's <pre> elements hold
}  // namespace

// ---- page_* -----------------------------------------------------------------------------------------------------
void page_init() { js_page_init(); }
void page_ready() { js_page_ready(1); }
void page_failed() { js_page_ready(0); }

void page_notice(const std::string& message) { js_page_notice(message.data(), static_cast<int>(message.size())); }

void page_mirror(const ViewState& state, const ViewEnv& env) {
    const ViewMirror m = view_mirror(state, env);
    // Invalid UTF-8 in a member would make dump() fail; replace it (the mirror is for reading).
    const std::string summary = view_mirror_to_json(m).dump(-1, ' ', false, Json::error_handler_t::replace);
    js_page_mirror(summary.data(), static_cast<int>(summary.size()));
    // The outputs change only with a load: a time zone switch must not re-send 10 MB.
    if (g_outputs_generation == state.generation) return;
    g_outputs_generation = state.generation;
    static const std::string kNone;
    const std::string& out = m.stdout_text ? *m.stdout_text : kNone;
    const std::string& err = m.stderr_text ? *m.stderr_text : kNone;
    js_page_mirror_outputs(out.data(), static_cast<int>(out.size()), err.data(), static_cast<int>(err.size()));
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
    stats_add_to_state(j);
    g_result = j.dump(-1, ' ', false, ssmview::Json::error_handler_t::replace);
    return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE int ssmview_api_result_size() { return static_cast<int>(ssmview::web::g_result.size()); }

EMSCRIPTEN_KEEPALIVE int ssmview_api_frames() { return ssmview::web::stats().frames; }

// Makes the link of what is shown now (unredacted canonical JSON, or a fleet's pages), like the view's "Copy link".
EMSCRIPTEN_KEEPALIVE void ssmview_api_share(int token) {
    using namespace ssmview;
    const ViewState& s = web::app().state;
    if (s.report.kind == ReportKind::Fleet) {  // the share panel's first try, unmasked
        RedactOptions none;
        none.access_key_ids = none.secret_tokens = false;
        web::share_make(fleet_link_document(s.report.fleet, none, kMaxLinkDecodedBytes).json, token);
        return;
    }
    if (!s.report.has_invocation) {
        web::share_settle_error(token, "Nothing to share: the current input has no invocation.");
        return;
    }
    web::share_make(canonical_json(s.report.invocation), token);
}
}
