// The mouse wheel scrolls the output, and every DOM deltaMode becomes the same ImGui unit:
// pixel (100 per notch, Chromium), line (3 per notch, Firefox), page (one visible height).
'use strict';
const h = require('./support/harness');
const {decodePng} = require('./support/png');

async function wheelSent(page) { return (await h.state(page)).imgui.wheel_sent[1]; }

async function dispatchWheel(page, at, init) {
  await page.evaluate(([x, y, i]) => {
    document.getElementById('canvas').dispatchEvent(new WheelEvent('wheel', {clientX: x, clientY: y, bubbles: true, cancelable: true, ...i}));
  }, [at.x, at.y, init]);
}

const near = (a, b, eps = 1e-3) => Math.abs(a - b) < eps;

h.test('pixel, line and page deltas map to ImGui notches; the output scrolls; the page does not', async () => {
  const p = await h.openPage();
  try {
    await p.page.evaluate((t) => window.ssmview.load(t), h.longInvocation(3000));
    await h.settle(p.page);
    const pane = await h.controlCenter(p.page, 'output.pane');
    await p.page.mouse.move(pane.x, pane.y);
    // The pane's left part, where the line numbers and "line 0000NN" are: further right every row
    // reads "abcdefghij..." alike, so a scroll by whole rows left those pixels unchanged.
    const shot = async () => decodePng(await p.page.screenshot({clip: {x: 12, y: pane.y - 40, width: 300, height: 80}}));
    const before = await shot();

    let w0 = await wheelSent(p.page);
    await p.page.mouse.wheel(0, 100);  // Chromium: one notch, pixel mode
    await h.waitFor(p.page, (s) => s.imgui.wheel_sent[1] !== w0, 'the wheel event');
    let w1 = await wheelSent(p.page);
    h.assert(near(w1 - w0, -1), `pixel: 100 px down = -1 notch (got ${w1 - w0})`);

    await dispatchWheel(p.page, pane, {deltaY: 3, deltaMode: 1});  // Firefox: 3 lines
    let w2 = await wheelSent(p.page);
    h.assert(near(w2 - w1, -1), `line: 3 lines down = -1 notch (got ${w2 - w1})`);

    await dispatchWheel(p.page, pane, {deltaY: -1, deltaMode: 2});  // one page up
    let w3 = await wheelSent(p.page);
    h.assert(w3 - w2 > 1, `page: one page up is several notches up (got ${w3 - w2})`);

    await dispatchWheel(p.page, pane, {deltaY: 4, deltaMode: 0});  // a trackpad's small step
    let w4 = await wheelSent(p.page);
    h.assert(near(w4 - w3, -0.04), `trackpad: 4 px = -0.04 notch (got ${w4 - w3})`);

    // Ten notches down through Chromium's input pipeline, which delivers them asynchronously:
    // wait until all ten reached ImGui and the pane's first visible line moved, then for quiet.
    for (let i = 0; i < 5; i++) await p.page.mouse.wheel(0, 200);
    await h.waitFor(p.page, (s) => near(s.imgui.wheel_sent[1], w4 - 10) && s.visible.stdout_first_line > 1,
                    'ten notches down to reach ImGui and scroll the output');
    await h.settle(p.page);
    const after = await shot();
    h.assert(!before.rgba.equals(after.rgba), 'the output pane scrolled (its pixels changed)');
    h.assertEqual(await p.page.evaluate(() => document.scrollingElement.scrollTop), 0, 'the page itself did not scroll');

    // Ctrl+wheel is the browser's zoom: not sent to ImGui.
    const w5 = await wheelSent(p.page);
    await dispatchWheel(p.page, pane, {deltaY: 100, deltaMode: 0, ctrlKey: true});
    h.assert(near(await wheelSent(p.page), w5), 'ctrl+wheel is left to the browser');
  } finally {
    await p.close();
  }
});
