// dist/ssmview-single.html, opened from disk (file://), starts, shows the sample with its font,
// and takes pastes: no other file is fetched.
'use strict';
const fs = require('fs');
const path = require('path');
const h = require('./support/harness');
const {decodePng, stats} = require('./support/png');
const {awsCliJsonFixtures} = require('./support/expected');

h.test('ssmview-single.html from file:// works on its own', async () => {
  const single = path.join(h.DIST, 'ssmview-single.html');
  h.assert(fs.existsSync(single), `${single} exists`);
  // Alone in a folder: proves it needs no neighbour (no ssmview.wasm, no font file).
  const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'ssmview-single-'));
  fs.copyFileSync(single, path.join(dir, 'ssmview-single.html'));
  const {browser} = await h.launchBrowser();
  try {
    const context = await browser.newContext({viewport: {width: 1100, height: 700}, deviceScaleFactor: 2});
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto('file://' + path.join(dir, 'ssmview-single.html'));
    await page.evaluate(() => window.ssmview.ready);
    const s0 = await h.waitFor(page, (s) => s.generation > 0, 'the sample');
    h.assertEqual(s0.source, 'sample', 'a sample is shown on open');
    const f = awsCliJsonFixtures().find((x) => x.phase === 'timed_out');
    const s = await page.evaluate((t) => window.ssmview.load(t), f.text);
    h.assertEqual(s.phase, 'timed_out', 'load() works');
    await h.settle(page);
    const png = await page.screenshot({path: h.artifactPath('single-file@2x.png')});
    const st = stats(decodePng(png));
    h.assert(st.colours > 50, `drawn (${st.colours} colours)`);
    const others = requests.filter((u) => !u.startsWith('file://' + dir) && !u.startsWith('data:'));
    h.assertEqual(others.length, 0, `no other request: ${others.join(', ')}`);
    h.assertEqual(requests.filter((u) => u.startsWith('file://')).length, 1, `only the page itself is read: ${requests.join(', ')}`);
    h.assertEqual(errors.length, 0, `page errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    fs.rmSync(dir, {recursive: true, force: true});
  }
});
