// wasm/js/pre.js: runs when ssmview.js is evaluated, before the wasm module is compiled.
//
// Index
//   window.ssmview        the test interface object, with its `ready` promise, exists at once
//   Module.onAbort        a crash shows a notice instead of a frozen canvas
//   Module.ssmString      UTF-8 bytes in the wasm heap -> JS string (NUL bytes kept)
//   Module.ssmSendText    JS string -> malloc'd UTF-8 -> a C entry point, which frees it
//   Module.ssmSendBytes   the same for a Uint8Array
//   Module.ssmNotice      the page's error banner, from JS
//   Module.ssmReadAtMost  a stream reader -> one Uint8Array, or null past a byte limit
//   Module.ssmIsMark      is a code point a combining mark (the glyph drawing in platform_fonts.cpp)
//
// Call flow: index.html loads ssmview.js -> this file runs first (Emscripten's --pre-js) -> the
// runtime compiles the wasm -> main() -> platform_page.cpp fills in load/state/shareLink/frames
// and resolves `ready` after the first frame. The string helpers are the one way text crosses
// the JS/wasm boundary: C++ frees what JS allocated, after the call returns.
(function() {
  var resolveReady, rejectReady;
  var api = {
    ready: new Promise(function(resolve, reject) { resolveReady = resolve; rejectReady = reject; })
  };
  // Tests may await window.ssmview.ready before the module exists; keep a rejected `ready` from
  // being reported as unhandled when nobody waits on it.
  api.ready.catch(function() {});
  window.ssmview = api;
  Module.ssmResolveReady = function(value) { resolveReady(value); };
  Module.ssmRejectReady = function(err) { rejectReady(err); };

  Module.ssmNotice = function(text) {
    var box = document.getElementById('notice');
    if (!box) return;
    box.textContent = text;
    box.hidden = !text;
  };
  Module.onAbort = function(what) {
    Module.ssmNotice('ssmview stopped because of an internal error (' + what + '). Reload the page to continue.');
    rejectReady(new Error('aborted: ' + what));
  };

  var decoder = new TextDecoder('utf-8');
  var encoder = new TextEncoder();
  Module.ssmString = function(ptr, len) {
    return len > 0 ? decoder.decode(HEAPU8.subarray(ptr, ptr + len)) : '';
  };
  // Copies `bytes` into the heap; returns [pointer, length]. _malloc may grow memory, which
  // replaces HEAPU8, so HEAPU8 is read after the allocation.
  var toHeap = function(bytes) {
    var ptr = _malloc(Math.max(bytes.length, 1));
    HEAPU8.set(bytes, ptr);
    return [ptr, bytes.length];
  };
  // Encodes a JS string as UTF-8 straight into the heap; returns [pointer, length]. encodeInto
  // writes into the heap with no intermediate array: for a 16 MB paste it takes a third of the
  // time of encode() + a copy (bench/browser/README.md). The first pass assumes one byte per
  // UTF-16 unit, which ASCII text (the usual paste) fits exactly; what did not fit is encoded into
  // a buffer sized for the worst case, 3 bytes per unit. encodeInto never splits a surrogate pair,
  // so the rest starts on a code point.
  var textToHeap = function(text) {
    var cap = text.length + 1;
    var ptr = _malloc(cap);
    var first = encoder.encodeInto(text, HEAPU8.subarray(ptr, ptr + cap));
    if (first.read === text.length) return [ptr, first.written];
    var need = first.written + (text.length - first.read) * 3 + 1;
    var grown = _malloc(need);
    HEAPU8.copyWithin(grown, ptr, ptr + first.written);
    _free(ptr);
    var rest = encoder.encodeInto(text.substring(first.read), HEAPU8.subarray(grown + first.written, grown + need));
    return [grown, first.written + rest.written];
  };
  var call = function(fn, args, extra) {
    for (var i = 0; i < extra.length; i++) {
      if (typeof extra[i] === 'string') args = args.concat(textToHeap(extra[i]));
      else args.push(extra[i] | 0);
    }
    return fn.apply(null, args);
  };
  // Reads a ReadableStream's reader to its end, keeping at most `limit` bytes: whatever answers a
  // fetch, and whatever a share link inflates to, could be gigabytes. Resolves to the bytes, or to
  // null (the reader cancelled) once they pass `limit`; rejects when the stream fails.
  Module.ssmReadAtMost = function(reader, limit) {
    var chunks = [];
    var total = 0;
    var pump = function() {
      return reader.read().then(function(r) {
        if (r.done) return true;
        total += r.value.length;
        if (total > limit) {
          reader.cancel().catch(function() {});
          return false;
        }
        chunks.push(r.value);
        return pump();
      });
    };
    return pump().then(function(complete) {
      if (!complete) return null;
      var out = new Uint8Array(total);
      var at = 0;
      for (var i = 0; i < chunks.length; i++) { out.set(chunks[i], at); at += chunks[i].length; }
      return out;
    });
  };
  // For platform_fonts.cpp's glyph drawing (EM_JS bodies cannot hold backslash escapes): a
  // combining mark (General_Category M) and the base it is drawn on.
  Module.ssmIsMark = function(text) { return /^\p{M}$/u.test(text); };
  Module.ssmNoBreakSpace = '\u00a0';
  Module.ssmSendText = function(fn, text) {
    return call(fn, textToHeap(text == null ? '' : String(text)), Array.prototype.slice.call(arguments, 2));
  };
  Module.ssmSendBytes = function(fn, bytes) {
    return call(fn, toHeap(bytes), Array.prototype.slice.call(arguments, 2));
  };
})();
