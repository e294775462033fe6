// What the view asks for reaches the browser: copy (navigator.clipboard), download (a file),
// links (a new tab), the share link (compressed in the page, copied).
'use strict';
const h = require('./support/harness');
const {awsCliJsonFixtures} = require('./support/expected');

async function click(page, control) {
  const c = await h.controlCenter(page, control);
  await page.mouse.click(c.x, c.y);
}

h.test('Copy all puts stdout on the clipboard; Download saves it as a file', async () => {
  const p = await h.openPage();
  try {
    await h.settle(p.page);
    await p.page.evaluate(() => navigator.clipboard.writeText('before'));
    await click(p.page, 'output.copy_all');
    await p.page.waitForFunction(async () => (await navigator.clipboard.readText()) !== 'before', null, {timeout: 10000, polling: 200});
    const copied = await p.page.evaluate(() => navigator.clipboard.readText());
    h.assert(copied.includes('Health report') || copied.length > 20, `clipboard holds the output (${copied.slice(0, 60)}...)`);

    const [download] = await Promise.all([p.page.waitForEvent('download', {timeout: 10000}), click(p.page, 'output.download')]);
    const file = await download.path();
    const text = require('fs').readFileSync(file, 'utf8');
    h.assert(text.length > 20, `the download has the output (${download.suggestedFilename()}, ${text.length} chars)`);
  } finally {
    await p.close();
  }
});

h.test('the truncation banner opens StandardOutputUrl in a new tab', async () => {
  const truncated = awsCliJsonFixtures().find((f) => f.name === 'truncated');
  if (!truncated) { console.log('     (no truncated fixture: nothing to check)'); return; }
  const p = await h.openPage();
  try {
    await p.page.evaluate((t) => window.ssmview.load(t), truncated.text);
    await h.settle(p.page);
    const s = await h.state(p.page);
    if (!s.controls['output.truncated_link']) throw new Error(`no truncated link; controls: ${Object.keys(s.controls).join(' ')}`);
    // What was asked of window.open (the machine has no network: the new tab's load would fail).
    await p.page.evaluate(() => {
      window.__opened = [];
      const open = window.open;
      window.open = function(...a) { window.__opened.push(a); return open.apply(window, a); };
    });
    await click(p.page, 'output.truncated_link');
    await p.page.waitForFunction(() => window.__opened.length > 0, null, {timeout: 10000});
    const [url, target, features] = (await p.page.evaluate(() => window.__opened))[0];
    const inv = JSON.parse(truncated.text);
    h.assertEqual(url, inv.StandardOutputUrl, 'the link is StandardOutputUrl');
    h.assertEqual(target, '_blank', 'a new tab');
    h.assert(/noopener/.test(features), 'noopener');
    // Playwright learns of the new tab asynchronously: give it time before counting.
    for (const deadline = Date.now() + 10000; p.context.pages().length < 2 && Date.now() < deadline;) await h.sleep(100);
    h.assertEqual(p.context.pages().length, 2, 'the new tab exists');
  } finally {
    await p.close();
  }
});

h.test('the Share tab makes a link in the page and copies it', async () => {
  const p = await h.openPage();
  try {
    await h.settle(p.page);
    await click(p.page, 'tab.share');
    await h.waitFor(p.page, (s) => s.ui.tab === 'share' && s.controls['share.copy_link'], 'the share tab');
    await h.settle(p.page);
    await p.page.evaluate(() => navigator.clipboard.writeText('before'));
    await click(p.page, 'share.copy_link');
    const s = await h.waitFor(p.page, (s) => s.share.link_length > 0 || s.share.error, 'the link');
    h.assertEqual(s.share.error, '', 'no share error');
    await p.page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('#v1.'), null, {timeout: 10000, polling: 200});
    const link = await p.page.evaluate(() => navigator.clipboard.readText());
    h.assert(link.startsWith(p.server.url + '#v1.'), `the copied link is the page's own: ${link.slice(0, 80)}`);
    // Opening it in a fresh page shows the same invocation (redaction on by default may mask ids,
    // so compare the phase and the Status).
    const before = await h.state(p.page);
    const q = await h.openPage({hash: link.slice(link.indexOf('#'))});
    try {
      const t = await h.waitFor(q.page, (x) => x.source === 'link', 'the copied link');
      h.assertEqual(t.phase, before.phase, 'phase');
      h.assertEqual(t.fields.Status, before.fields.Status, 'Status');
    } finally {
      await q.close();
    }
  } finally {
    await p.close();
  }
});
