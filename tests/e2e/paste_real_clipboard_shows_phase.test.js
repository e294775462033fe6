// A real clipboard paste of each real AWS CLI v2 JSON fixture shows the right phase.
//
// The text goes onto headless Chromium's clipboard with navigator.clipboard.writeText (clipboard
// permissions granted), the canvas gets focus, and Ctrl+V makes the browser fire its own `paste`
// event: the same path a person's paste takes. Checks the view's state and the HTML mirror.
'use strict';
const h = require('./support/harness');
const {awsCliJsonFixtures} = require('./support/expected');

h.test('each tests/fixtures/aws-cli/*.json pasted with Ctrl+V shows its phase', async () => {
  const fixtures = awsCliJsonFixtures();
  h.assert(fixtures.length >= 8, `expected the AWS CLI fixtures, found ${fixtures.length}`);
  const p = await h.openPage();
  try {
    for (const f of fixtures) {
      const before = (await h.state(p.page)).generation;
      await h.pasteText(p.page, f.text);
      const s = await h.waitFor(p.page, (s) => s.generation > before, `the paste of ${f.name}`);
      h.assertEqual(s.source, 'paste', `${f.name}: source`);
      h.assertEqual(s.phase, f.phase, `${f.name}: phase`);
      h.assertEqual(s.detail, f.detail, `${f.name}: detail`);
      h.assertEqual(s.terminal, f.terminal, `${f.name}: terminal`);
      h.assertEqual(s.fields.CommandId, f.inv.CommandId, `${f.name}: CommandId`);
      h.assertEqual(s.format, 'json', `${f.name}: format`);
      // The accessible mirror follows (it is written after the frame that shows the paste).
      // Wait for this paste's own ids: two fixtures in a row can share a Status (or a CommandId),
      // and a wait on one of them alone would read the previous paste's summary.
      await p.page.waitForFunction(
          (inv) => ['Status', 'CommandId', 'InstanceId'].every((k) => document.getElementById('summary').textContent.includes(inv[k])),
          f.inv, {timeout: 10000}).catch(() => {});
      const summary = await p.page.textContent('#summary');
      h.assert(summary.includes(f.inv.CommandId), `${f.name}: the summary names the CommandId`);
      h.assert(summary.includes(f.inv.InstanceId), `${f.name}: the summary names the InstanceId`);
      h.assert(summary.includes(f.inv.Status), `${f.name}: the summary names the Status`);
      h.assert(summary.includes(f.terminal ? 'finished' : 'still running'), `${f.name}: the summary says finished or not`);
    }
    h.assertEqual(p.errors.length, 0, `page errors: ${p.errors.join('; ')}`);
  } finally {
    await p.close();
  }
});

h.test('a paste while an ImGui text field is active goes into the field, not the view', async () => {
  const p = await h.openPage();
  try {
    await h.settle(p.page);
    const before = await h.state(p.page);
    await p.page.focus('#canvas');
    await p.page.keyboard.press('Control+F');  // the view's find box takes keyboard focus
    await h.sleep(300);
    await h.pasteText(p.page, 'nginx');
    const s = await h.waitFor(p.page, (s) => s.ui.find.query === 'nginx', 'the find query');
    h.assertEqual(s.generation, before.generation, 'the shown invocation did not change');
    h.assert(s.ui.find.matches > 0, 'the pasted query finds matches in the sample');
  } finally {
    await p.close();
  }
});

h.test('a paste with the focus outside the canvas (on the page\'s HTML) loads too', async () => {
  const f = awsCliJsonFixtures().find((x) => x.phase === 'delayed');
  const p = await h.openPage();
  try {
    const before = (await h.state(p.page)).generation;
    await p.page.evaluate((t) => navigator.clipboard.writeText(t), f.text);
    await p.page.focus('#raw > summary');
    await p.page.keyboard.press('Control+V');
    const s = await h.waitFor(p.page, (s) => s.generation > before, 'the paste');
    h.assertEqual(s.phase, 'delayed', 'phase');
  } finally {
    await p.close();
  }
});

// The paste's text crosses into wasm as UTF-8 (pre.js textToHeap: a first pass that fits ASCII,
// then the rest at up to 3 bytes a unit). Text in several scripts, an emoji (a surrogate pair)
// and a long ASCII run before them must arrive byte for byte, at every length around the point
// where the first pass runs out of room.
h.test('a paste in any script reaches the core unchanged, whatever its length', async () => {
  const p = await h.openPage();
  try {
    const tail = 'Καλημέра 日本語 🚀 ✓ é';
    for (const lead of [0, 1, 2, 3, 4000]) {
      const comment = 'x'.repeat(lead) + tail;
      const text = JSON.stringify({CommandId: '0f8f2c1d-4b4e-4f6a-9c53-1c9e3d6a7b21', InstanceId: 'i-0123456789abcdef0',
                                   Comment: comment, Status: 'Success', StatusDetails: 'Success', ResponseCode: 0,
                                   StandardOutputContent: '🚀 done\n', StandardErrorContent: ''});
      const before = (await h.state(p.page)).generation;
      await h.pasteText(p.page, text);
      const s = await h.waitFor(p.page, (s) => s.generation > before, `the paste with ${lead} leading characters`);
      h.assertEqual(s.fields.Comment, comment, `${lead} leading characters: Comment`);
      h.assertEqual(s.fields.StandardOutputContent.bytes, 10, `${lead} leading characters: stdout UTF-8 bytes`);
    }
  } finally {
    await p.close();
  }
});

// What `aws ssm get-command-invocation --query StandardOutputContent --output text` printed (the
// real AWS CLI v2, tests/fixtures): no CLI document, so plain output with its notice, coloured.
h.test('a --query StandardOutputContent --output text paste opens as plain output', async () => {
  const p = await h.openPage({deviceScaleFactor: 2});
  try {
    const before = (await h.state(p.page)).generation;
    await h.pasteText(p.page, h.fixture('aws-cli/success_rich.stdout.text'));
    const s = await h.waitFor(p.page, (s) => s.generation > before, 'the paste');
    h.assertEqual(s.kind, 'plain', 'kind');
    h.assertEqual(s.format, 'plain', 'format');
    h.assertEqual(s.phase, 'unknown', 'no status');
    h.assertEqual(s.ui.tab, 'output', 'the Output tab');
    h.assertEqual(s.diagnostics.map((d) => d.code).join(','), 'input.plain', 'the notice');
    await h.settle(p.page);
    h.assert((await h.state(p.page)).controls['summary.plain'], 'the summary says it is plain output');
    await p.page.screenshot({path: h.artifactPath('paste-plain-output@2x.png')});
    await p.page.waitForFunction(() => document.getElementById('summary').textContent.includes('Plain output'), null, {timeout: 10000});
    h.assertEqual(p.errors.length, 0, `page errors: ${p.errors.join('; ')}`);
  } finally {
    await p.close();
  }
});
