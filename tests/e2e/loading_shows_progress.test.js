// Until its first frame, the page shows its heading and the wasm download's progress.
//
// The network is slowed over the DevTools protocol (Network.emulateNetworkConditions) so the ~1 MB
// of ssmview.wasm takes seconds; the bar and its label are sampled as the bytes arrive
// (wasm/js/pre_loading.js counts them on their way to the streaming compile). A screenshot of the
// page mid-download is kept for a person to look at (test-artifacts/loading-progress.png).
'use strict';
const h = require('./support/harness');
const {startServer} = require('./support/server');

h.test('a slow download shows the heading and a moving progress bar, then the view', async () => {
  const server = await startServer({root: process.env.SSMVIEW_DIST || require('path').join(__dirname, '..', '..', 'dist')});
  const {browser} = await h.launchBrowser();
  try {
    const context = await browser.newContext({viewport: {width: 1100, height: 700}});
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {offline: false, latency: 20, downloadThroughput: 400 * 1024, uploadThroughput: 400 * 1024});
    await page.goto(server.url, {waitUntil: 'commit'});
    const samples = [];
    let shot = false;
    for (let i = 0; i < 300; i++) {
      const s = await page.evaluate(() => {
        const bar = document.getElementById('loading-bar');
        const heading = document.querySelector('#loading h1');
        return bar ? {value: bar.value, max: bar.max, label: document.getElementById('loading-label').textContent,
                      heading: heading ? heading.textContent : ''} : null;
      }).catch(() => undefined);
      if (s === null) break;  // #loading removed: the first frame is drawn
      if (s) {
        samples.push(s);
        if (!shot && s.max > 1 && s.value > s.max * 0.3) {
          await page.screenshot({path: h.artifactPath('loading-progress.png')});
          shot = true;
        }
      }
      await h.sleep(50);
    }
    const moving = samples.filter((s) => s.max > 1 && s.value > 0 && s.value < s.max);
    h.assert(moving.length >= 2, `the bar moved during the download (${JSON.stringify(samples.slice(-3))})`);
    const m = moving[moving.length - 1];
    h.assert(/^Downloading ssmview: \d+ KiB of \d+ KiB$/.test(m.label), `the label counts the bytes: "${m.label}"`);
    h.assertEqual(m.heading, 'ssmview: the result of an AWS Systems Manager Run Command', 'the heading');
    h.assert(moving[0].value < m.value, 'the value grew');
    await page.evaluate(() => window.ssmview.ready);
    h.assertEqual(await page.evaluate(() => document.getElementById('loading')), null, '#loading is gone after the first frame');
    h.assertEqual((await page.evaluate(() => window.ssmview.state())).source_name, 'success_rich', 'the view shows the sample');
    h.assertEqual(errors.length, 0, `page errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
});
