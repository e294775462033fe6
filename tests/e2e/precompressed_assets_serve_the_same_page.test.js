// dist/ ships .br and .gz twins of its assets for hosts that serve them precompressed. Each twin
// decompresses to its file byte for byte, and the page served that way (brotli, as nginx's
// brotli_static would) loads, shows its progress as bytes (the total is unknown when the body is
// compressed on the wire) and draws the sample.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const h = require('./support/harness');
const {startServer} = require('./support/server');

const DIST = process.env.SSMVIEW_DIST || path.join(__dirname, '..', '..', 'dist');
const ASSETS = ['index.html', 'ssmview.js', 'ssmview.wasm', 'DejaVuSansMono-subset.ttf', 'ssmview-single.html'];

h.test('every asset has .br and .gz twins that decompress to it exactly, and smaller', async () => {
  for (const name of ASSETS) {
    const raw = fs.readFileSync(path.join(DIST, name));
    const br = fs.readFileSync(path.join(DIST, name + '.br'));
    const gz = fs.readFileSync(path.join(DIST, name + '.gz'));
    h.assert(zlib.brotliDecompressSync(br).equals(raw), `${name}.br decompresses to ${name}`);
    h.assert(zlib.gunzipSync(gz).equals(raw), `${name}.gz decompresses to ${name}`);
    h.assert(br.length < raw.length && gz.length < raw.length, `${name}: the twins are smaller`);
  }
});

h.test('the page served precompressed (brotli) loads and draws the sample', async () => {
  const server = await startServer({root: DIST, prefix: '/hosted/', precompressed: true});
  const {browser} = await h.launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await page.evaluate(() => window.ssmview.ready);
    h.assertEqual(server.encodings['ssmview.wasm'], 'br', 'the wasm went out as brotli');
    h.assertEqual(server.encodings['ssmview.js'], 'br', 'the script went out as brotli');
    await h.settle(page);  // the glyphs the font lacks arrive a task after the first frame
    const s = await page.evaluate(() => window.ssmview.state());
    h.assertEqual(s.source_name, 'success_rich', 'the sample is shown');
    h.assertEqual(s.glyphs.replaced, 0, 'and drawn whole');
    h.assertEqual(errors.length, 0, `page errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
});
