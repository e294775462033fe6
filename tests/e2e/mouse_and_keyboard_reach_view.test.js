// Mouse clicks land on the right control at any pixel ratio; keyboard shortcuts and typing work.
'use strict';
const h = require('./support/harness');

for (const dpr of [1, 1.5, 2]) {
  h.test(`click toggles Wrap and switches tabs at devicePixelRatio ${dpr}`, async () => {
    const p = await h.openPage({deviceScaleFactor: dpr});
    try {
      await h.settle(p.page);
      const wrap0 = (await h.state(p.page)).ui.wrap;
      const wrap = await h.controlCenter(p.page, 'output.wrap');
      await p.page.mouse.click(wrap.x, wrap.y);
      await h.waitFor(p.page, (s) => s.ui.wrap === !wrap0, 'wrap toggled');
      const tab = await h.controlCenter(p.page, 'tab.raw');
      await p.page.mouse.click(tab.x, tab.y);
      await h.waitFor(p.page, (s) => s.ui.tab === 'raw', 'the raw tab');
    } finally {
      await p.close();
    }
  });
}

h.test('Ctrl+F then typing fills find; Backspace edits; non-ASCII keys type; F3 steps', async () => {
  const p = await h.openPage();
  try {
    await h.settle(p.page);
    await p.page.focus('#canvas');
    await p.page.keyboard.press('Control+F');
    await h.sleep(150);  // as a person would: ImGui focuses the field on the frame after the shortcut
    await p.page.keyboard.type('Activx');
    await p.page.keyboard.press('Backspace');
    await p.page.keyboard.type('e');
    let s = await h.waitFor(p.page, (s) => s.ui.find.query === 'Active', 'typed query');
    h.assert(s.ui.find.matches >= 1, `matches (${s.ui.find.matches})`);
    // A key that types a non-ASCII character (KeyboardEvent.key = "é", as on a French layout).
    const cdp = await p.context.newCDPSession(p.page);
    await cdp.send('Input.dispatchKeyEvent', {type: 'keyDown', key: 'é', code: 'Digit2', text: 'é', unmodifiedText: 'é', windowsVirtualKeyCode: 50});
    await cdp.send('Input.dispatchKeyEvent', {type: 'keyUp', key: 'é', code: 'Digit2', windowsVirtualKeyCode: 50});
    s = await h.waitFor(p.page, (s) => s.ui.find.query === 'Activeé', 'non-ASCII typing');
    await p.page.keyboard.press('Backspace');
    // F3 steps to the next match (the sample has "Active" more than once? step anyway and check the index moves or wraps).
    await p.page.keyboard.press('Control+A');
    await p.page.keyboard.type('e');
    s = await h.waitFor(p.page, (s) => s.ui.find.query === 'e' && s.ui.find.matches > 2, 'a query with many matches');
    const first = s.ui.find.current;
    await p.page.keyboard.press('F3');
    await h.waitFor(p.page, (s) => s.ui.find.current !== first, 'F3 moved to another match');
  } finally {
    await p.close();
  }
});

h.test('a Mac browser gets Cmd shortcuts (ImGui macOS behaviours)', async () => {
  const {browser} = await h.launchBrowser();
  const {startServer} = require('./support/server');
  const server = await startServer({root: h.DIST, prefix: '/m/'});
  try {
    const context = await browser.newContext({
      userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    });
    const page = await context.newPage();
    await page.addInitScript(() => Object.defineProperty(navigator, 'platform', {get: () => 'MacIntel'}));
    await page.goto(server.url);
    await page.evaluate(() => window.ssmview.ready);
    await h.settle(page);
    await page.focus('#canvas');
    await page.keyboard.press('Meta+F');
    await h.sleep(150);  // as a person would: ImGui focuses the field on the frame after the shortcut
    await page.keyboard.type('disk');
    await h.waitFor(page, (s) => s.ui.find.query === 'disk', 'Cmd+F then typing');
  } finally {
    await browser.close();
    await server.close();
  }
});
