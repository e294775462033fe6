// Touch: a tap is a click (switches a tab), a one-finger drag scrolls the output.
'use strict';
const h = require('./support/harness');

h.test('tap on a tab selects it; drag on the output scrolls it', async () => {
  const {browser} = await h.launchBrowser();
  const {startServer} = require('./support/server');
  const server = await startServer({root: h.DIST, prefix: '/t/'});
  try {
    const context = await browser.newContext({viewport: {width: 900, height: 700}, deviceScaleFactor: 2, hasTouch: true, isMobile: false});
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate(() => window.ssmview.ready);
    await page.evaluate((t) => window.ssmview.load(t), h.longInvocation(2000));
    await h.settle(page);

    const tab = await h.controlCenter(page, 'tab.diagnostics');
    await page.touchscreen.tap(tab.x, tab.y);
    await h.waitFor(page, (s) => s.ui.tab === 'diagnostics', 'the tapped tab');

    const back = await h.controlCenter(page, 'tab.output');
    await page.touchscreen.tap(back.x, back.y);
    await h.waitFor(page, (s) => s.ui.tab === 'output', 'back to output');
    await h.settle(page);

    // A drag: finger down, up by 300 CSS px in steps, lifted (CDP touch events, as a phone sends).
    const pane = await h.controlCenter(page, 'output.pane');
    const cdp = await context.newCDPSession(page);
    const w0 = (await h.state(page)).imgui.wheel_sent[1];
    await cdp.send('Input.dispatchTouchEvent', {type: 'touchStart', touchPoints: [{x: pane.x, y: pane.y + 100}]});
    for (let i = 1; i <= 10; i++) {
      await cdp.send('Input.dispatchTouchEvent', {type: 'touchMove', touchPoints: [{x: pane.x, y: pane.y + 100 - i * 30}]});
    }
    await cdp.send('Input.dispatchTouchEvent', {type: 'touchEnd', touchPoints: []});
    const s = await h.waitFor(page, (s) => s.imgui.wheel_sent[1] < w0 - 2, 'the drag scroll');
    h.assert(s.imgui.wheel_sent[1] <= w0 - 2.5, `a 300 px upward drag scrolls down ~3 notches (got ${s.imgui.wheel_sent[1] - w0})`);
    h.assertEqual(s.ui.tab, 'output', 'the drag did not click anything');
  } finally {
    await browser.close();
    await server.close();
  }
});
