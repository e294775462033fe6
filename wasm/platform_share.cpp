// wasm/platform_share.cpp: share links, `<page>#v1.<base64url(deflate-raw(canonical JSON))>`.
//
// Index
//   JS side                the fragment on page open and on `hashchange`; bounded inflate with
//                          DecompressionStream; deflate with CompressionStream
//   opening a link         (the fragment, or a link pasted in the view's paste area: share_open_link)
//                          ssmview_on_fragment -> core extract_link_payload -> js_share_inflate
//                          -> ssmview_on_inflated -> app_load_text(Link)   (or a notice on failure)
//   a live link            "#fetch?command=...&instance=..." (core/fetch_link.h): no report to
//                          inflate; view_fetch_open_link follows it (or asks first, when it names
//                          another proxy than the page's: the bearer token never goes there)
//   making a link          share_make(json) -> js_share_deflate -> ssmview_on_compressed
//                          -> core make_link -> view_set_share_link (+ the test API's promise)
//   share_init / share_fragment_present
//
// The format and its limits belong to the core (core/share_link.h): the base64url alphabet, the
// "v1." prefix and make_link are the same C++ the CLI's `ssmview link` uses, so links made here
// open there and back. Only raw deflate itself is platform work: zlib in the CLI, the browser's
// Compression Streams here (both RFC 1951).
// A link is untrusted input: the inflater stops reading once kMaxLinkDecodedBytes are out (a 20 kB
// "zip bomb" could otherwise inflate to gigabytes), a corrupt or cut stream is reported in plain
// words, and whatever was shown before stays. The inflated text then goes through analyze() like
// any paste. Each fragment gets a sequence number; a slow inflate whose fragment has since
// changed is dropped.
#include <cstdlib>
#include <string>

#include <emscripten/emscripten.h>

#include "fetch_link.h"
#include "platform.h"
#include "share_link.h"

// ---- JS side ---------------------------------------------------------------------------------------------------
EM_JS(int, js_share_init, (), {
    Module.ssmFragmentSeq = 0;
    Module.ssmOpenFragment = function() {
        var hash = window.location.hash;
        if (!hash || hash === "#") return 0;
        Module.ssmFragmentSeq++;
        Module.ssmSendText(_ssmview_on_fragment, hash, Module.ssmFragmentSeq);
        return 1;
    };
    Module.ssmOpenLink = function(ptr, len) {
        Module.ssmFragmentSeq++;
        Module.ssmSendText(_ssmview_on_fragment, Module.ssmString(ptr, len), Module.ssmFragmentSeq);
    };
    window.addEventListener("hashchange", function() { Module.ssmOpenFragment(); });
    return Module.ssmOpenFragment();
});

EM_JS(void, js_share_open_link, (const char* ptr, int len), { Module.ssmOpenLink(ptr, len); });

// Inflates `len` bytes at `ptr` into at most `limit` bytes; reports to C++ either way.
EM_JS(void, js_share_inflate, (const unsigned char* ptr, int len, double limit, int seq), {
    var input = HEAPU8.slice(ptr, ptr + len);
    var fail = function(message) {
        if (seq !== Module.ssmFragmentSeq) return;
        Module.ssmSendText(_ssmview_on_link_error, message);
    };
    if (typeof DecompressionStream === "undefined") {
        fail("This browser cannot open share links (it has no DecompressionStream). Try a current Chrome, Edge, Firefox or Safari.");
        return;
    }
    var reader;
    try {
        reader = new Blob([input]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
    } catch (err) {
        fail("This browser cannot open share links (deflate-raw is not supported).");
        return;
    }
    Module.ssmReadAtMost(reader, limit).then(function(out) {
        if (out === null) {
            fail("This link is too large to open: its report inflates to more than " + Math.round(limit / 1048576) + " MiB.");
            return;
        }
        if (seq !== Module.ssmFragmentSeq) return;
        Module.ssmSendBytes(_ssmview_on_inflated, out);
    }, function(err) {
        fail("This link is damaged: its compressed data is corrupt or cut short (was the whole link copied?).");
    });
});

EM_JS(void, js_share_deflate, (const char* ptr, int len, int token), {
    var input = HEAPU8.slice(ptr, ptr + len);
    var fail = function(message) { Module.ssmSendText(_ssmview_on_share_error, message, token); };
    if (typeof CompressionStream === "undefined") {
        fail("This browser cannot make share links (it has no CompressionStream).");
        return;
    }
    new Response(new Blob([input]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer().then(function(buf) {
        var base = window.location.href.split("#")[0];
        Module.ssmSendBytes(_ssmview_on_compressed, new Uint8Array(buf), base, token);
    }, function(err) { fail("The link could not be made: " + err); });
});

EM_JS(void, js_share_settle, (int token, const char* link, int link_len, const char* error, int error_len), {
    var pending = Module.ssmSharePending && Module.ssmSharePending[token];
    if (!pending) return;
    delete Module.ssmSharePending[token];
    if (error_len > 0) pending.reject(new Error(Module.ssmString(error, error_len)));
    else pending.resolve(Module.ssmString(link, link_len));
});

// The fragment no longer describes what is shown once something else is loaded: drop it from the
// address bar (without a hashchange or a history entry), so a reload does not bring back the old
// link's report over a newer paste.
EM_JS(void, js_share_forget_fragment, (), {
    if (window.location.hash && window.history && window.history.replaceState) {
        window.history.replaceState(null, "", window.location.href.split("#")[0]);
    }
});

namespace ssmview::web {

namespace {
bool g_fragment_present = false;

void settle(int token, const std::string& link, const std::string& error) {
    if (token >= 0) js_share_settle(token, link.data(), static_cast<int>(link.size()), error.data(), static_cast<int>(error.size()));
}
}  // namespace

// ---- share_init / share_fragment_present -------------------------------------------------------------------------
void share_init() { g_fragment_present = js_share_init() != 0; }
bool share_fragment_present() { return g_fragment_present; }

void share_make(const std::string& json, int token) { js_share_deflate(json.data(), static_cast<int>(json.size()), token); }

void share_forget_fragment() { js_share_forget_fragment(); }

void share_open_link(const std::string& link) { js_share_open_link(link.data(), static_cast<int>(link.size())); }

void share_settle_error(int token, const std::string& error) { settle(token, "", error); }

}  // namespace ssmview::web

// ---- opening a link ------------------------------------------------------------------------------------------------
extern "C" EMSCRIPTEN_KEEPALIVE void ssmview_on_fragment(char* bytes, int size, int seq) {
    using namespace ssmview;
    std::string fragment(bytes, static_cast<std::size_t>(size));
    std::free(bytes);
    if (is_fetch_link(fragment)) {
        const FetchLinkParse live = parse_fetch_link(fragment);
        web::page_notice(live.ok ? std::string() : "This live link cannot be opened: " + live.error);
        if (live.ok) view_fetch_open_link(web::app().state, live.target);
        web::loop_wake(2);
        return;
    }
    LinkPayload payload = extract_link_payload(fragment);
    if (!payload.ok) {
        web::page_notice("This link cannot be opened: " + payload.error);
        web::loop_wake(1);
        return;
    }
    js_share_inflate(reinterpret_cast<const unsigned char*>(payload.compressed.data()), static_cast<int>(payload.compressed.size()),
                     static_cast<double>(kMaxLinkDecodedBytes), seq);
}

extern "C" EMSCRIPTEN_KEEPALIVE void ssmview_on_inflated(char* bytes, int size) {
    std::string text(bytes, static_cast<std::size_t>(size));
    std::free(bytes);
    ssmview::web::app_load_text(std::move(text), ssmview::LoadSource::Link, "share link");
}

extern "C" EMSCRIPTEN_KEEPALIVE void ssmview_on_link_error(char* bytes, int size) {
    std::string message(bytes, static_cast<std::size_t>(size));
    std::free(bytes);
    ssmview::web::page_notice(message);
    ssmview::web::loop_wake(1);
}

// ---- making a link -------------------------------------------------------------------------------------------------
extern "C" EMSCRIPTEN_KEEPALIVE void ssmview_on_compressed(char* bytes, int size, char* base, int base_size, int token) {
    using namespace ssmview;
    std::string compressed(bytes, static_cast<std::size_t>(size));
    std::string base_url(base, static_cast<std::size_t>(base_size));
    std::free(bytes);
    std::free(base);
    const std::string error = share_payload_refusal(compressed.size());  // core/share_link.h
    const std::string link = error.empty() ? make_link(base_url, compressed) : std::string();
    view_set_share_link(web::app().state, link, error);
    web::settle(token, link, error);
    web::loop_wake(2);
}

extern "C" EMSCRIPTEN_KEEPALIVE void ssmview_on_share_error(char* bytes, int size, int token) {
    std::string message(bytes, static_cast<std::size_t>(size));
    std::free(bytes);
    ssmview::view_set_share_link(ssmview::web::app().state, "", message);
    ssmview::web::settle(token, "", message);
    ssmview::web::loop_wake(2);
}
