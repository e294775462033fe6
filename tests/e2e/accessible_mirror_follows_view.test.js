// Canvas text is invisible to screen readers and to the browser's find: the page keeps an
// aria-live summary (status, phase, ids, times, diagnostics) and stdout/stderr as plain text.
'use strict';
const h = require('./support/harness');
const {awsCliJsonFixtures} = require('./support/expected');

// The oracle: CSI sequences, OSC strings, then the short ESC sequences (ESC ( B from tput sgr0).
const stripAnsi = (t) => t.replace(/\u001b\[[0-?]*[ -\/]*[@-~]/g, '').replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)/g, '').replace(/\u001b[ -\/]*[0-~]/g, '');

h.test('summary and raw output follow each load; ANSI codes are stripped; find works on them', async () => {
  const fixtures = awsCliJsonFixtures();
  const rich = fixtures.find((f) => f.name === 'success_rich') || fixtures.find((f) => f.phase === 'success');
  const p = await h.openPage();
  try {
    await p.page.evaluate((t) => window.ssmview.load(t), rich.text);
    await p.page.waitForFunction((id) => document.getElementById('summary').textContent.includes(id), rich.inv.CommandId);
    const live = await p.page.getAttribute('#summary', 'aria-live');
    h.assertEqual(live, 'polite', 'aria-live');
    const summary = await p.page.textContent('#summary');
    for (const want of [rich.inv.Status, rich.inv.CommandId, rich.inv.InstanceId, rich.inv.DocumentName, 'finished', 'Started', 'Elapsed']) {
      h.assert(summary.includes(want), `summary mentions ${want}`);
    }
    const out = await p.page.textContent('#raw-stdout');
    h.assert(!out.includes('\u001b'), 'no escape characters in the plain text');
    const plain = stripAnsi(rich.inv.StandardOutputContent);
    h.assertEqual(out, plain, 'stdout as plain text');
    h.assertEqual(await p.page.textContent('#raw-stderr'), stripAnsi(rich.inv.StandardErrorContent), 'stderr');
    // The browser's find sees it (window.find searches the DOM text, like Ctrl+F).
    await p.page.click('#raw > summary');
    const word = plain.split(/\s+/).find((w) => w.length > 5);
    h.assert(await p.page.evaluate((w) => window.find(w), word), `window.find("${word}") finds the output`);
    h.assert((await p.page.title()).includes(rich.inv.Status), 'the tab title names the status');

    // A failing paste: the diagnostics are listed.
    await p.page.evaluate(() => window.ssmview.load('{"Status": "Bogus", "CommandId": 7'));
    await p.page.waitForFunction(() => document.querySelectorAll('#summary li').length > 0);
    const items = await p.page.$$eval('#summary li', (els) => els.map((e) => e.textContent));
    h.assert(items.some((t) => /error/.test(t)), `an error is listed: ${items.join(' | ')}`);
    h.assertEqual(await p.page.textContent('#raw-stdout'), '', 'no output for an unreadable input');
  } finally {
    await p.close();
  }
});
