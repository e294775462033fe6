// Canvas text is invisible to screen readers and to the browser's find: the page keeps an
// aria-live summary (status, ids, times, diagnostics) and stdout/stderr as plain text. The view
// builds that text version itself (view/view_mirror.h), so it must say what state() says the
// canvas shows, and never anything an escape sequence hid from the canvas.
'use strict';
const h = require('./support/harness');
const {awsCliJsonFixtures} = require('./support/expected');

const mirror = (page) => page.evaluate(() => ({
  summary: document.getElementById('summary').textContent,
  codes: [...document.querySelectorAll('#summary li')].map((li) => li.getAttribute('data-code')),
  stdout: document.getElementById('raw-stdout').textContent,
  stderr: document.getElementById('raw-stderr').textContent,
  title: document.title,
  body: document.body.textContent,
}));

// Lines as the view counts them: a final line break ends the last line, it does not open one.
const lineCount = (t) => (t === '' ? 0 : t.replace(/\n$/, '').split('\n').length);

h.test('summary and plain text follow each load and agree with state(); find works on them', async () => {
  const fixtures = awsCliJsonFixtures();
  const rich = fixtures.find((f) => f.name === 'success_rich') || fixtures.find((f) => f.phase === 'success');
  const p = await h.openPage();
  try {
    await p.page.evaluate((t) => window.ssmview.load(t), rich.text);
    await p.page.waitForFunction((id) => document.getElementById('summary').textContent.includes(id), rich.inv.CommandId);
    h.assertEqual(await p.page.getAttribute('#summary', 'aria-live'), 'polite', 'aria-live');
    const s = await h.state(p.page);
    const m = await mirror(p.page);
    for (const want of [s.status, s.fields.CommandId, s.fields.InstanceId, s.fields.DocumentName, 'finished', 'Started', 'Elapsed']) {
      h.assert(m.summary.includes(want), `summary mentions ${want}`);
    }
    h.assertEqual(JSON.stringify(m.codes), JSON.stringify(s.diagnostics.map((d) => d.code)), 'the listed findings are state()\'s');
    h.assert(!m.stdout.includes('\u001b') && !m.stderr.includes('\u001b'), 'no escape characters in the plain text');
    h.assertEqual(lineCount(m.stdout), s.fields.StandardOutputContent.lines, 'stdout has the lines the pane shows');
    h.assertEqual(lineCount(m.stderr), s.fields.StandardErrorContent.lines, 'stderr has the lines the pane shows');
    h.assert(m.stdout.includes('==> Health report for ip-10-20-7-88.ec2.internal'), 'stdout text');
    // The browser's find sees it (window.find searches the DOM text, like Ctrl+F).
    await p.page.click('#raw > summary');
    const word = m.stdout.split(/\s+/).find((w) => w.length > 5);
    h.assert(await p.page.evaluate((w) => window.find(w), word), `window.find("${word}") finds the output`);
    h.assert(m.title.includes(s.status), 'the tab title names the status');

    // A failing paste: the diagnostics are listed, the outputs emptied.
    await p.page.evaluate(() => window.ssmview.load('{"Status": "Bogus", "CommandId": 7'));
    await p.page.waitForFunction(() => document.querySelectorAll('#summary li').length > 0);
    const bad = await h.state(p.page);
    const mb = await mirror(p.page);
    h.assertEqual(JSON.stringify(mb.codes), JSON.stringify(bad.diagnostics.map((d) => d.code)), 'findings of the bad paste');
    h.assert(mb.summary.includes(bad.diagnostics[0].message.slice(0, 60)), 'the first error is read out');
    h.assertEqual(mb.stdout, '', 'no output for an unreadable input');
  } finally {
    await p.close();
  }
});

h.test('DCS, OSC, APC, PM and SOS payloads never reach the page\'s text; it is exactly what the pane shows', async () => {
  const out = 'start \u001bP1$r0m dcs-payload\u001b\\ after-dcs\n' +
              '\u001b]0;osc-title\u0007title gone\n' +
              '\u001b]8;;https://example.test/osc8\u001b\\link text\u001b]8;;\u001b\\ end\n' +
              '\u001b_apc-payload\u001b\\\u001b^pm-payload\u001b\\\u001bXsos-payload\u001b\\strings gone\n' +
              '\u001b[31mred\u001b[0m \u001b[?25lcursor\u001b(B plain\n' +
              'tab\there\n';
  const inv = {CommandId: 'c0ffee00-0000-4000-8000-000000000001', InstanceId: 'i-0123456789abcdef0', Status: 'Success',
               StatusDetails: 'Success', ResponseCode: 0, StandardOutputContent: out,
               StandardErrorContent: '\u001bP+q544e\u001b\\err\u001b]2;err-title\u001b\\ text\n'};
  const p = await h.openPage();
  try {
    await p.page.evaluate((t) => window.ssmview.load(t), JSON.stringify(inv, null, 4));
    await p.page.waitForFunction((id) => document.getElementById('summary').textContent.includes(id), inv.CommandId);
    const m = await mirror(p.page);
    h.assertEqual(m.stdout, 'start  after-dcs\ntitle gone\nlink text end\nstrings gone\nred cursor plain\ntab     here\n', 'stdout as the pane shows it');
    h.assertEqual(m.stderr, 'err text\n', 'stderr as the pane shows it');
    for (const payload of ['dcs-payload', 'osc-title', 'example.test/osc8', 'apc-payload', 'pm-payload', 'sos-payload', '544e', 'err-title', '25l']) {
      h.assert(!m.body.includes(payload), `"${payload}" is not in the page's text`);
      h.assert(!m.title.includes(payload), `"${payload}" is not in the title`);
    }
    const s = await h.state(p.page);
    h.assertEqual(lineCount(m.stdout), s.fields.StandardOutputContent.lines, 'stdout lines');
    h.assertEqual(s.fields.StandardOutputContent.escapes_removed > 0, true, 'the pane removed the escapes too');
  } finally {
    await p.close();
  }
});

h.test('switching the canvas to local time rewrites the summary\'s times, and only the summary', async () => {
  const fixtures = awsCliJsonFixtures();
  const success = fixtures.find((f) => f.name === 'success');
  const p = await h.openPage({timezoneId: 'Asia/Kolkata'});  // UTC+05:30 all year: no DST surprises
  try {
    await p.page.evaluate((t) => window.ssmview.load(t), success.text);
    await p.page.waitForFunction((id) => document.getElementById('summary').textContent.includes(id), success.inv.CommandId);
    await h.settle(p.page);
    const before = await mirror(p.page);
    h.assert(before.summary.includes(' UTC'), `times in UTC first: ${before.summary.slice(0, 300)}`);
    h.assert(!before.summary.includes('UTC+05:30'), 'no local times yet');
    const {x, y} = await h.controlCenter(p.page, 'timeline.local');
    await p.page.mouse.click(x, y);
    await h.waitFor(p.page, (s) => s.ui.time_zone === 'local', 'the local time zone');
    await p.page.waitForFunction(() => document.getElementById('summary').textContent.includes('UTC+05:30'));
    const after = await mirror(p.page);
    h.assertEqual(after.stdout, before.stdout, 'the outputs are left as they were');
  } finally {
    await p.close();
  }
});
