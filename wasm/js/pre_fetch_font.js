// wasm/js/pre_fetch_font.js: the site build's font fetch, started while the wasm compiles.
//
// The site serves the subset font next to the page (relative URL: any path on any host works).
// Starting the request here, rather than from main(), overlaps it with wasm compilation;
// platform_fonts.cpp waits on this promise. The single-file build embeds the font and omits this.
Module.ssmFontPromise = fetch('DejaVuSansMono-subset.ttf').then(function(response) {
  if (!response.ok) throw new Error('HTTP ' + response.status);
  return response.arrayBuffer();
});
Module.ssmFontPromise.catch(function() {});
