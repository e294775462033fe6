// Idle, the page draws nothing: frames() stays flat. Input draws a few frames, then it stops again.
'use strict';
const h = require('./support/harness');

h.test('2 s idle after start: frames() unchanged', async () => {
  const p = await h.openPage();
  try {
    const settled = await h.settle(p.page);
    await h.sleep(2000);
    const after = await p.page.evaluate(() => window.ssmview.frames());
    h.assertEqual(after, settled, 'frames drawn while idle');
    h.assert(settled < 60, `start-up took a handful of frames, not a running loop (${settled})`);
  } finally {
    await p.close();
  }
});

h.test('mouse movement draws frames, then the page goes quiet again', async () => {
  const p = await h.openPage();
  try {
    const f0 = await h.settle(p.page);
    for (let i = 0; i < 10; i++) await p.page.mouse.move(200 + i * 20, 300 + i * 5);
    await h.sleep(100);
    const f1 = await p.page.evaluate(() => window.ssmview.frames());
    h.assert(f1 > f0, `mouse movement drew frames (${f0} -> ${f1})`);
    const f2 = await h.settle(p.page);
    await h.sleep(2000);
    const f3 = await p.page.evaluate(() => window.ssmview.frames());
    h.assertEqual(f3, f2, 'quiet again after the hover delays');
  } finally {
    await p.close();
  }
});

h.test('a held key keeps frames coming (ImGui key repeat); releasing it stops them', async () => {
  const p = await h.openPage();
  try {
    await h.settle(p.page);
    await p.page.focus('#canvas');
    await p.page.keyboard.down('ArrowDown');
    const a = await p.page.evaluate(() => window.ssmview.frames());
    await h.sleep(500);
    const b = await p.page.evaluate(() => window.ssmview.frames());
    await p.page.keyboard.up('ArrowDown');
    h.assert(b - a >= 5, `frames while the key is held (${a} -> ${b})`);
    const c = await h.settle(p.page);
    await h.sleep(1500);
    h.assertEqual(await p.page.evaluate(() => window.ssmview.frames()), c, 'quiet after release');
  } finally {
    await p.close();
  }
});

h.test('losing focus (window blur) with a key down does not leave the loop running', async () => {
  const p = await h.openPage();
  try {
    await h.settle(p.page);
    await p.page.focus('#canvas');
    await p.page.keyboard.down('Shift');
    await p.page.keyboard.down('ArrowDown');
    // Focus moves to the HTML below the canvas: the canvas never sees the keyup.
    await p.page.focus('#raw > summary');
    await p.page.keyboard.up('ArrowDown');
    await p.page.keyboard.up('Shift');
    const c = await h.settle(p.page);
    await h.sleep(1500);
    h.assertEqual(await p.page.evaluate(() => window.ssmview.frames()), c, 'quiet after focus left the canvas');
  } finally {
    await p.close();
  }
});

h.test('a frame that would draw what the canvas shows skips WebGL; the canvas keeps showing it', async () => {
  const p = await h.openPage();
  try {
    // Plain text of the summary: the pointer moving over it changes nothing on screen.
    await p.page.mouse.move(300, 160);
    await h.settle(p.page);
    const before = await p.page.screenshot();
    const s0 = await h.state(p.page);
    for (let i = 1; i <= 6; i++) await p.page.mouse.move(300 + i, 160);
    await h.settle(p.page);
    const s1 = await h.state(p.page);
    h.assert(s1.frames > s0.frames, `the moves drew frames (${s0.frames} -> ${s1.frames})`);
    h.assert(s1.frames_gl_skipped > s0.frames_gl_skipped,
      `identical frames skipped WebGL (${s0.frames_gl_skipped} -> ${s1.frames_gl_skipped})`);
    h.assert(before.equals(await p.page.screenshot()), 'the canvas still shows the same picture');
    // A change is drawn: the Raw input tab shows other content.
    await h.click(p.page, 'tab.raw');
    await h.settle(p.page);
    h.assert(!before.equals(await p.page.screenshot()), 'a frame that changes something reaches the canvas');
  } finally {
    await p.close();
  }
});
