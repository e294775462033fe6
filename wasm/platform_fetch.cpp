// wasm/platform_fetch.cpp: the view's FetchRequests, sent with the browser's fetch().
//
// Index
//   JS side            js_fetch_send: POST (awsJson) or GET (an S3 object), bounded read of the
//                      answer, a deadline, the two awsJson headers (S3's request id) and
//                      Content-Range; js_fetch_page: where the page lives; js_fetch_random: jitter
//   fetch_init         the page's origin and base URL into FetchState; on the run command's page
//                      (an origin the proxy allows by default) ask the proxy for its commands
//   fetch_send         ViewActions.fetches -> js_fetch_send, one call per request
//   fetch_cancel       ViewActions.cancel_fetches -> js_fetch_cancel: the request's AbortController
//   fetch_jitter       Math.random() for ViewEnv.random, once per frame
//   answers            ssmview_on_fetch_answer / ssmview_on_fetch_failed -> view_fetch_answer /
//                      view_fetch_failed, then one frame (the view handles answers in view_frame)
//   window.ssmview     fetchForm({proxy, command, instance, plugin, token}) fills the Fetch tab's
//                      form as typing would; fetchDiscover([proxy]) asks a proxy for its commands,
//                      as the run command's page does on its own (tests serve the page elsewhere)
//
// Call flow: app_frame -> view_frame returns ViewActions.fetches -> apply_actions -> fetch_send ->
// fetch() ... the answer arrives as a JS promise -> the body is read up to kMaxInputBytes ->
// ssmview_on_fetch_answer(body, id, status, x-amzn-ErrorType, x-amzn-RequestId, Content-Range) ->
// view_fetch_answer -> loop_wake: the next frame loads it, reschedules, and asks for a timer
// frame (redraw_after_ms) for the countdown; nothing here polls or spins.
//
// Why the transport details: the page never holds credentials, so `credentials: 'omit'` (no
// cookies to a proxy on loopback either) and no referrer; a redirect is refused (a proxy that
// redirects is not speaking the SSM protocol, and a redirect could carry the bearer token
// elsewhere). fetch() reports every network-level refusal (nothing listening, a CORS or Private
// Network refusal, a blocked Local Network Access prompt, a DNS failure) as one TypeError with no
// detail, by design; the view turns it into core's unreachable_error, whose hint covers them all.
#include <cassert>
#include <cstdlib>
#include <string>

#include <emscripten/emscripten.h>

#include "data_limits.h"
#include "platform.h"

namespace {
// A little longer than ssmview-proxy's own upstream deadline (30 s), so its 504 (a readable AWS
// error) arrives before this one (no answer at all).
constexpr double kFetchDeadlineMs = 40000.0;
}  // namespace

// ---- JS side ---------------------------------------------------------------------------------------------------
EM_JS(void, js_fetch_send, (int id, int get, const char* url_ptr, int url_len, const char* headers_ptr, int headers_len,
                            const char* body_ptr, int body_len, double limit, double deadline_ms), {
    var url = Module.ssmString(url_ptr, url_len);
    var headers = JSON.parse(Module.ssmString(headers_ptr, headers_len));
    var body = get ? null : HEAPU8.slice(body_ptr, body_ptr + body_len);
    var controller = typeof AbortController !== "undefined" ? new AbortController() : null;
    var timedOut = false;
    var timer = setTimeout(function() { timedOut = true; if (controller) controller.abort(); }, deadline_ms);
    var settled = false;
    // The requests in flight, by id, so the view can abort one (js_fetch_cancel).
    Module.ssmFetches = Module.ssmFetches || {};
    if (controller) Module.ssmFetches[id] = controller;
    var fail = function(detail) {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        delete Module.ssmFetches[id];
        Module.ssmSendText(_ssmview_on_fetch_failed, detail, id);
    };
    var init = {method: get ? "GET" : "POST", headers: headers, mode: "cors", credentials: "omit", cache: "no-store",
                redirect: "error", referrerPolicy: "no-referrer"};
    if (body) init.body = body;
    if (controller) init.signal = controller.signal;
    var request;
    try {
        request = fetch(url, init);
    } catch (err) {  // a URL fetch() refuses outright (it never reaches the network)
        fail(String(err));
        return;
    }
    request.then(function(response) {
        var status = response.status;
        var errorType = response.headers.get("x-amzn-ErrorType") || "";
        var requestId = response.headers.get("x-amzn-RequestId") || response.headers.get("x-amz-request-id") || "";
        var contentRange = response.headers.get("Content-Range") || "";
        var deliver = function(bytes) {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            delete Module.ssmFetches[id];
            Module.ssmSendBytes(_ssmview_on_fetch_answer, bytes, id, status, errorType, requestId, contentRange);
        };
        // A length the answer declares within the bound: one native read (HTTP framing ends the
        // body there), no JavaScript per chunk (a 10 MB S3 object arrives in hundreds of chunks).
        var length = response.headers.get("Content-Length");
        var declared = length === null ? -1 : Number(length);  // NaN for a malformed one: streamed
        if ((declared >= 0 && declared <= limit) || !response.body || !response.body.getReader) {
            return response.arrayBuffer().then(function(buf) {
                if (buf.byteLength > limit) fail("The answer is larger than " + Math.round(limit / 1048576) + " MiB; it was not read.");
                else deliver(new Uint8Array(buf));
            });
        }
        // Read at most `limit` bytes: a proxy (or whatever answers there) could send gigabytes.
        return Module.ssmReadAtMost(response.body.getReader(), limit).then(function(out) {
            if (out === null) fail("The answer is larger than " + Math.round(limit / 1048576) + " MiB; it was not read.");
            else deliver(out);
        });
    }).catch(function(err) {
        if (timedOut) fail("No answer within " + Math.round(deadline_ms / 1000) + " s.");
        else fail(err && err.name ? err.name + ": " + err.message : String(err));
    });
});

// Aborts a request's transfer (the body's read stops there); its promise then rejects with an
// AbortError, which reaches the view as view_fetch_failed, for an id it no longer waits for.
EM_JS(void, js_fetch_cancel, (int id), {
    var controller = Module.ssmFetches && Module.ssmFetches[id];
    if (controller) controller.abort();
});

// 0: location.origin, 1: the page's URL without its fragment.
EM_JS(void, js_fetch_page, (int which), {
    var text = which === 0 ? window.location.origin : window.location.href.split("#")[0];
    Module.ssmSendText(_ssmview_on_page_text, text, which);
});

EM_JS(double, js_fetch_random, (), { return Math.random(); });

EM_JS(void, js_fetch_api, (), {
    var api = window.ssmview;
    api.fetchForm = function(form) {
        Module.ssmSendText(_ssmview_api_fetch_form, JSON.stringify(form || {}));
        return api.state().fetch;
    };
    api.fetchDiscover = function(proxy) {
        Module.ssmSendText(_ssmview_api_fetch_discover, proxy ? String(proxy) : "");
        return api.state().fetch;
    };
});

namespace ssmview::web {

namespace {
// {name: value}, as fetch()'s `headers` takes them; names and values are the view's own.
std::string headers_json(const FetchRequest& r) {
    Json j = Json::object();
    for (const FetchHeader& h : r.headers) j[h.name] = h.value;
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}
}  // namespace

// ---- fetch_init -----------------------------------------------------------------------------------------------
void fetch_init() {
    js_fetch_api();
    js_fetch_page(0);
    js_fetch_page(1);
    FetchState& f = app().state.fetch;
    // The run command serves the page where ssmview-proxy allows it by default: ask that proxy for
    // its commands at once, so the first screen can offer one. From any other origin the default
    // proxy would refuse the page (CORS) and a public https page would raise the Local Network
    // Access prompt unasked: there the Fetch tab's "List commands" asks when the person wants.
    for (const char* origin : kDefaultPageOrigins)
        if (f.page_origin == origin) {
            view_fetch_discover(app().state);
            loop_wake(1);
            return;
        }
}

// ---- fetch_send -----------------------------------------------------------------------------------------------
void fetch_send(const std::vector<FetchRequest>& requests) {
    for (const FetchRequest& r : requests) {
        const std::string headers = headers_json(r);
        assert(r.method == "POST" || r.method == "GET");
        js_fetch_send(r.id, r.method == "GET" ? 1 : 0, r.url.data(), static_cast<int>(r.url.size()), headers.data(), static_cast<int>(headers.size()),
                      r.body.data(), static_cast<int>(r.body.size()), static_cast<double>(kMaxInputBytes), kFetchDeadlineMs);
    }
}

void fetch_cancel(const std::vector<int>& ids) {
    for (int id : ids) js_fetch_cancel(id);
}

// As drawn: the view keeps anything outside [0, 1) out of the cadence (fetch_frame_begin), in one place.
double fetch_jitter() { return js_fetch_random(); }

}  // namespace ssmview::web

// ---- answers ------------------------------------------------------------------------------------------------------
extern "C" {
EMSCRIPTEN_KEEPALIVE void ssmview_on_fetch_answer(char* body, int body_size, int id, int status, char* type, int type_size,
                                                  char* request_id, int request_id_size, char* range, int range_size) {
    std::string b(body, static_cast<std::size_t>(body_size)), t(type, static_cast<std::size_t>(type_size)),
        r(request_id, static_cast<std::size_t>(request_id_size)), c(range, static_cast<std::size_t>(range_size));
    std::free(body);
    std::free(type);
    std::free(request_id);
    std::free(range);
    ssmview::view_fetch_answer(ssmview::web::app().state, id, status, std::move(t), std::move(r), std::move(b), std::move(c));
    ssmview::web::loop_wake(1);
}

EMSCRIPTEN_KEEPALIVE void ssmview_on_fetch_failed(char* detail, int detail_size, int id) {
    std::string d(detail, static_cast<std::size_t>(detail_size));
    std::free(detail);
    ssmview::view_fetch_failed(ssmview::web::app().state, id, std::move(d));
    ssmview::web::loop_wake(1);
}

EMSCRIPTEN_KEEPALIVE void ssmview_api_fetch_form(char* bytes, int size) {
    const std::string text(bytes, static_cast<std::size_t>(size));
    std::free(bytes);
    const ssmview::Json j = ssmview::Json::parse(text, nullptr, false);
    if (!j.is_object()) return;
    ssmview::FetchState& f = ssmview::web::app().state.fetch;
    const auto set = [&](const char* key, std::string& field) {
        auto it = j.find(key);
        if (it != j.end() && it->is_string()) field = it->get<std::string>();
    };
    set("proxy", f.proxy_url);
    set("token", f.token);
    set("command", f.command_id);
    set("instance", f.instance_id);
    set("plugin", f.plugin_name);
    ssmview::web::loop_wake(2);
}

EMSCRIPTEN_KEEPALIVE void ssmview_api_fetch_discover(char* bytes, int size) {
    std::string proxy(bytes, static_cast<std::size_t>(size));
    std::free(bytes);
    ssmview::ViewState& s = ssmview::web::app().state;
    if (!proxy.empty()) s.fetch.proxy_url = std::move(proxy);
    ssmview::view_fetch_discover(s);
    ssmview::web::loop_wake(2);
}

EMSCRIPTEN_KEEPALIVE void ssmview_on_page_text(char* text, int size, int which) {
    std::string s(text, static_cast<std::size_t>(size));
    std::free(text);
    ssmview::FetchState& f = ssmview::web::app().state.fetch;
    (which == 0 ? f.page_origin : f.page_base_url) = std::move(s);
}
}
