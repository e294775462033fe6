// A corrupt, truncated or oversized share link shows a clear error in the page, and whatever was
// shown before stays.
'use strict';
const h = require('./support/harness');

// Deflates `text` in the page (CompressionStream), returns the #v1. fragment.
async function fragmentOf(page, text) {
  return page.evaluate(async (t) => {
    const buf = await new Response(new Blob([t]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    let s = '';
    const bytes = new Uint8Array(buf);
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return '#v1.' + btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }, text);
}

async function expectNotice(p, hash, pattern, what) {
  const before = await h.state(p.page);
  await p.page.evaluate((x) => { window.location.hash = x; }, hash);
  await p.page.waitForFunction(() => !document.getElementById('notice').hidden, null, {timeout: 15000});
  const notice = await p.page.textContent('#notice');
  h.assert(pattern.test(notice), `${what}: notice "${notice}" should match ${pattern}`);
  h.assertEqual(await p.page.getAttribute('#notice', 'role'), 'alert', `${what}: announced`);
  await h.sleep(200);
  const after = await h.state(p.page);
  h.assertEqual(after.generation, before.generation, `${what}: what was shown stays`);
  h.assertEqual(after.fields.CommandId, before.fields.CommandId, `${what}: same invocation shown`);
  // The page is still usable: the next good input replaces the notice.
  return notice;
}

h.test('corrupt, truncated, oversized and malformed links each show a notice; the report stays', async () => {
  const p = await h.openPage();
  try {
    await h.settle(p.page);
    const good = await p.page.evaluate(() => window.ssmview.shareLink());
    const goodFrag = good.slice(good.indexOf('#'));

    // Truncated: half the payload (a link cut by a chat client).
    await expectNotice(p, goodFrag.slice(0, Math.floor(goodFrag.length / 2)), /damaged|corrupt|cut|invalid|cannot/i, 'truncated');
    // Corrupt: valid base64url, not deflate.
    await expectNotice(p, '#v1.' + 'A'.repeat(10) + '_-_-' + 'z'.repeat(30), /damaged|corrupt|cannot/i, 'corrupt');
    // Not base64url at all.
    await expectNotice(p, '#v1.@@@not*base64!!', /cannot be opened|invalid|character/i, 'bad alphabet');
    // Unknown version.
    await expectNotice(p, '#v9.abcdef', /cannot be opened|version|not a/i, 'unknown version');
    // Oversized: 20 MB of spaces deflate to ~20 kB but inflate past the 16 MiB limit.
    const bomb = await fragmentOf(p.page, '{"Status":"Success","StandardOutputContent":"' + ' '.repeat(20 * 1024 * 1024) + '"}');
    h.assert(bomb.length < 200000, `the bomb link is small (${bomb.length} chars)`);
    await expectNotice(p, bomb, /too large/i, 'oversized');

    // And a good link afterwards loads and hides the notice.
    const gen = (await h.state(p.page)).generation;
    await p.page.evaluate((x) => { window.location.hash = x; }, goodFrag);
    await h.waitFor(p.page, (s) => s.generation > gen && s.source === 'link', 'the good link');
    h.assert(await p.page.evaluate(() => document.getElementById('notice').hidden), 'notice hidden after a good load');
  } finally {
    await p.close();
  }
});

h.test('a bad link on page open shows the notice over an empty page that still takes a paste', async () => {
  const p = await h.openPage({hash: '#v1.AAAA'});
  try {
    await p.page.waitForFunction(() => !document.getElementById('notice').hidden, null, {timeout: 15000});
    const s0 = await h.state(p.page);
    h.assertEqual(s0.generation, 0, 'nothing loaded');
    await h.pasteText(p.page, '{"Status": "Pending", "StatusDetails": "Pending"}');
    const s = await h.waitFor(p.page, (s) => s.generation > 0, 'the paste');
    h.assertEqual(s.phase, 'pending', 'phase');
  } finally {
    await p.close();
  }
});
