// A screenshot at deviceScaleFactor 2 for each phase, kept in test-artifacts/ (plus 1.25 and 1.5
// crops for crispness at fractional ratios, a dark-theme shot and a bad-link notice).
//
// Automatic checks: the backing store is exactly CSS size x 2 (one canvas pixel per screen pixel),
// the UI scale followed the ratio, the picture is not blank. Whether text is crisp, readable and
// unclipped is for a person to look at: the file names say what each shows.
'use strict';
const h = require('./support/harness');
const {onePerPhase} = require('./support/expected');
const {decodePng, stats} = require('./support/png');

const VIEWPORT = {width: 1280, height: 800};

// What a screenshot shows, roughly: a drawn view has hundreds of colours (anti-aliased text, badges).
function looksDrawn(png, what) {
  const st = stats(decodePng(png));
  h.assert(st.colours > 50 && st.dominantShare < 0.97, `${what}: the page looks blank (${st.colours} colours, ${Math.round(st.dominantShare * 100)}% one colour)`);
}

h.test('one screenshot per phase at deviceScaleFactor 2', async () => {
  const p = await h.openPage({deviceScaleFactor: 2, viewport: VIEWPORT});
  try {
    for (const f of onePerPhase()) {
      const before = (await h.state(p.page)).generation;
      await p.page.evaluate((t) => window.ssmview.load(t), f.text);
      await h.waitFor(p.page, (s) => s.generation > before, f.name);
      await h.settle(p.page);
      const s = await h.state(p.page);
      h.assertEqual(s.phase, f.phase, `${f.name}: phase`);
      h.assertEqual(s.scale, 2, 'UI scale');
      const css = await p.page.evaluate(() => { const r = document.getElementById('canvas').getBoundingClientRect(); return [r.width, r.height]; });
      h.assertEqual(s.canvas[0], Math.round(css[0] * 2), 'backing store width = CSS width x 2');
      h.assertEqual(s.canvas[1], Math.round(css[1] * 2), 'backing store height = CSS height x 2');
      const png = await p.page.screenshot({path: h.artifactPath(`phase-${f.phase}@2x.png`)});
      looksDrawn(png, f.name);
    }
  } finally {
    await p.close();
  }
});

h.test('crisp text at fractional ratios: crops at 1.25 and 1.5, and a full shot at 1', async () => {
  for (const dpr of [1, 1.25, 1.5]) {
    const p = await h.openPage({deviceScaleFactor: dpr, viewport: VIEWPORT});
    try {
      await h.settle(p.page);
      const s = await h.state(p.page);
      h.assertEqual(s.scale, dpr, 'UI scale follows the ratio');
      if (dpr === 1) {
        looksDrawn(await p.page.screenshot({path: h.artifactPath('sample@1x.png')}), 'sample at 1x');
      } else {
        const pane = s.controls['output.pane'];
        const clip = pane ? {x: pane[0] / dpr, y: pane[1] / dpr, width: Math.min(520, pane[2] / dpr), height: Math.min(220, pane[3] / dpr)}
                          : {x: 0, y: 0, width: 520, height: 220};
        await p.page.screenshot({path: h.artifactPath(`output-crop@${dpr}x.png`), clip});
      }
    } finally {
      await p.close();
    }
  }
});

h.test('dark theme (prefers-color-scheme: dark) and a bad-link notice, at 2x', async () => {
  const p = await h.openPage({deviceScaleFactor: 2, viewport: VIEWPORT, colorScheme: 'dark', hash: '#v1.AAAAAAAA'});
  try {
    await p.page.waitForFunction(() => !document.getElementById('notice').hidden, null, {timeout: 15000});
    await p.page.evaluate((t) => window.ssmview.load(t), onePerPhase().find((f) => f.phase === 'failed').text);
    // load() clears the notice; show the dark theme first, then the notice over an empty page.
    await h.settle(p.page);
    const s = await h.state(p.page);
    h.assertEqual(s.ui.dark, true, 'the view follows the dark preference');
    looksDrawn(await p.page.screenshot({path: h.artifactPath('dark-failed@2x.png')}), 'dark');
  } finally {
    await p.close();
  }
  const q = await h.openPage({deviceScaleFactor: 2, viewport: VIEWPORT, hash: '#v1.AAAAAAAA'});
  try {
    await q.page.waitForFunction(() => !document.getElementById('notice').hidden, null, {timeout: 15000});
    await h.settle(q.page);
    await q.page.screenshot({path: h.artifactPath('bad-link-notice@2x.png')});
  } finally {
    await q.close();
  }
});
