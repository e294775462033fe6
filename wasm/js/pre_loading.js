// wasm/js/pre_loading.js: the site build's wasm download, with a progress bar until the first frame.
//
// Emscripten's own loader streams ssmview.wasm into WebAssembly.instantiateStreaming and says
// nothing meanwhile; on a slow link the page would show a still "Loading" for seconds. Here the
// response body is passed through a counting stream on its way to the same streaming compile, so
// the bar in #loading moves as bytes arrive and compilation still overlaps the download. Then
// "Starting" until the first frame, when platform_page.cpp removes #loading.
// The total is Content-Length when the body is not compressed on the wire (a compressed body's
// length counts other bytes): else the bar is indeterminate and the label counts bytes alone.
// The single-file build embeds the wasm and omits this file.
Module.instantiateWasm = function(imports, receiveInstance) {
  var bar = document.getElementById('loading-bar');
  var label = document.getElementById('loading-label');
  var kib = function(n) { return Math.round(n / 1024) + ' KiB'; };
  var show = function(loaded, total) {
    if (total > 0 && bar) { bar.max = total; bar.value = Math.min(loaded, total); }
    if (label) label.textContent = 'Downloading ssmview: ' + kib(loaded) + (total > 0 ? ' of ' + kib(total) : '');
  };
  var counting = function(body, total) {
    var loaded = 0, reader = body.getReader();
    return new ReadableStream({
      pull: function(controller) {
        return reader.read().then(function(r) {
          if (r.done) {
            if (label) label.textContent = 'Starting ssmview…';
            if (bar && total > 0) bar.value = total;
            controller.close();
            return;
          }
          loaded += r.value.length;
          show(loaded, total);
          controller.enqueue(r.value);
        });
      },
      cancel: function(reason) { return reader.cancel(reason); }
    });
  };
  var url = typeof Module.locateFile === 'function' ? Module.locateFile('ssmview.wasm', '') : 'ssmview.wasm';
  fetch(url, {credentials: 'same-origin'}).then(function(response) {
    if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + url);
    var total = response.headers.get('Content-Encoding') ? 0 : Number(response.headers.get('Content-Length')) || 0;
    show(0, total);
    var body = response.body ? counting(response.body, total) : null;
    var streamed = body ? new Response(body, {headers: {'Content-Type': 'application/wasm'}}) : response;
    return WebAssembly.instantiateStreaming(streamed, imports).catch(function(err) {
      // A host that serves .wasm with another MIME type refuses streaming: compile the bytes.
      if (body) throw err;
      return response.arrayBuffer().then(function(bytes) { return WebAssembly.instantiate(bytes, imports); });
    });
  }).then(function(result) {
    receiveInstance(result.instance, result.module);
  }).catch(function(err) {
    if (label) label.textContent = 'ssmview could not be loaded.';
    Module.ssmNotice('ssmview could not be loaded (' + err.message + '). Reload the page to try again.');
    Module.ssmRejectReady(err);
  });
  return {};  // instantiated asynchronously
};
