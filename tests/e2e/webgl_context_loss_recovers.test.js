// WebGL context loss and restore: the renderer recreates its objects and the view draws again.
'use strict';
const h = require('./support/harness');
const {decodePng, stats} = require('./support/png');

h.test('WEBGL_lose_context: lose, restore, the view is drawn again', async () => {
  const p = await h.openPage({deviceScaleFactor: 1});
  try {
    await h.settle(p.page);
    const before = stats(decodePng(await p.page.screenshot()));
    // getContext returns the page's existing WebGL2 context.
    await p.page.evaluate(() => {
      const gl = document.getElementById('canvas').getContext('webgl2');
      window.__lose = gl.getExtension('WEBGL_lose_context');
      window.__lose.loseContext();
    });
    await p.page.waitForFunction(() => document.getElementById('canvas').getContext('webgl2').isContextLost());
    // Input while lost must not crash anything.
    await p.page.mouse.move(300, 300);
    await h.sleep(300);
    await p.page.evaluate(() => window.__lose.restoreContext());
    await h.waitFor(p.page, (s) => s.context_restores === 1, 'the restore');
    // A load after the restore draws with the recreated renderer (new font texture too).
    await p.page.evaluate(() => window.ssmview.load('{"Status": "Failed", "StatusDetails": "Failed", "CommandId": "restored"}'));
    await h.settle(p.page);
    const after = stats(decodePng(await p.page.screenshot({path: h.artifactPath('after-context-restore.png')})));
    h.assert(after.colours > 50, `drawn after restore (${after.colours} colours; before: ${before.colours})`);
    h.assertEqual(p.errors.length, 0, `page errors: ${p.errors.join('; ')}`);
  } finally {
    await p.close();
  }
});
