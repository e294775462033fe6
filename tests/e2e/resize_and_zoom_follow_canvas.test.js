// The canvas follows its CSS size, and the UI follows devicePixelRatio when it changes under a
// running page (browser zoom, a move to another monitor): backing store, font atlas, layout.
'use strict';
const h = require('./support/harness');

async function cssSize(page) {
  return page.evaluate(() => { const r = document.getElementById('canvas').getBoundingClientRect(); return [r.width, r.height]; });
}

h.test('window resize: the backing store follows the CSS size', async () => {
  const p = await h.openPage({viewport: {width: 1000, height: 700}});
  try {
    await h.settle(p.page);
    await p.page.setViewportSize({width: 640, height: 900});
    const css = await cssSize(p.page);
    const s = await h.waitFor(p.page, (s) => s.canvas[0] === Math.round(css[0]) && s.canvas[1] === Math.round(css[1]), 'the new size');
    h.assertEqual(s.scale, 1, 'scale');
    // Opening the plain-text <details> shrinks the canvas: the ResizeObserver sees it.
    await p.page.click('#raw > summary');
    const css2 = await cssSize(p.page);
    h.assert(css2[1] < css[1], 'the canvas got shorter');
    await h.waitFor(p.page, (s) => s.canvas[1] === Math.round(css2[1]), 'the canvas after <details> opened');
  } finally {
    await p.close();
  }
});

// Browser zoom, as CDP can emulate it: the window keeps its device pixels, the ratio grows and the
// CSS viewport shrinks by the same factor (which fires `resize`, as real zoom does). A ratio
// change with no resize (a move to another monitor) is caught by a resolution media query, whose
// change event emulation does not fire; the per-frame check in display_update covers it too.
h.test('browser zoom to 150%, 200%, 125%: scale, atlas and layout follow while running', async () => {
  const p = await h.openPage({viewport: {width: 1000, height: 700}});
  try {
    await h.settle(p.page);
    const cdp = await p.context.newCDPSession(p.page);
    let previousFontRect = (await h.state(p.page)).controls['status.badge'];
    for (const dpr of [1.5, 2, 1.25]) {
      await cdp.send('Emulation.setDeviceMetricsOverride', {width: Math.round(1000 / dpr), height: Math.round(700 / dpr), deviceScaleFactor: dpr, mobile: false});
      const css = await cssSize(p.page);
      const s = await h.waitFor(p.page, (s) => s.scale === dpr && s.canvas[0] === Math.round(css[0] * dpr), `scale ${dpr}`);
      h.assertEqual(s.canvas[1], Math.round(css[1] * dpr), `height at ${dpr}`);
      await h.settle(p.page);
      // The badge keeps its CSS size: in device pixels it scales with the ratio.
      const badge = (await h.state(p.page)).controls['status.badge'];
      h.assert(Math.abs(badge[3] / dpr - previousFontRect[3] / (previousFontRect.dpr || 1)) <= 2,
        `the badge keeps its CSS height at ${dpr} (${badge[3] / dpr} vs ${previousFontRect[3] / (previousFontRect.dpr || 1)})`);
      previousFontRect = Object.assign(badge.slice(), {dpr});
      await p.page.screenshot({path: h.artifactPath(`zoom-${dpr}x.png`), clip: {x: 0, y: 0, width: 420, height: 150}});
      // Clicks still land where they should.
      const tab = await h.controlCenter(p.page, dpr === 2 ? 'tab.raw' : 'tab.output');
      await p.page.mouse.click(tab.x, tab.y);
      await h.waitFor(p.page, (s) => s.ui.tab === (dpr === 2 ? 'raw' : 'output'), `a click at ${dpr}`);
    }
  } finally {
    await p.close();
  }
});
