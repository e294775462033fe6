// Bad pastes (binary, 50 MB, half a JSON, empty) leave the page usable, with a diagnostic
// shown in the view and in the accessible summary; a good paste afterwards works.
'use strict';
const h = require('./support/harness');
const {awsCliJsonFixtures} = require('./support/expected');

async function pasteAndCheck(p, text, what, check) {
  const before = (await h.state(p.page)).generation;
  await h.pasteText(p.page, text);
  const s = await h.waitFor(p.page, (s) => s.generation > before, what, 60000);
  h.assert(s.diagnostics.length > 0, `${what}: a diagnostic is shown`);
  if (check) check(s);
  // The summary mirrors the diagnostics.
  await p.page.waitForFunction((code) => document.getElementById('summary').textContent.includes(code), s.diagnostics[0].code);
  return s;
}

h.test('binary, 50 MB, half a JSON, empty: diagnostics, and the page keeps working', async () => {
  const fixtures = awsCliJsonFixtures();
  const full = fixtures.find((f) => f.name === 'success_rich') || fixtures[0];
  const p = await h.openPage();
  try {
    // Binary: what a paste of an image's bytes as text looks like (NULs, control bytes, U+FFFD).
    let bin = '';
    for (let i = 0; i < 4096; i++) bin += String.fromCharCode((i * 7919) % 256);
    bin = '\x89PNG\r\n\x1a\n\u0000\u0000' + bin;
    let s = await pasteAndCheck(p, bin, 'binary', (s) => h.assert(!s.valid, 'binary is not valid'));
    console.log(`     binary -> ${s.format}: ${s.diagnostics[0].code}: ${s.diagnostics[0].message}`);

    // Half a JSON: cut in the middle of the output.
    s = await pasteAndCheck(p, full.text.slice(0, Math.floor(full.text.length / 2)), 'half a JSON', (s) => {
      h.assert(!s.valid, 'half a JSON is not valid');
      h.assert(s.diagnostics.some((d) => d.severity === 'error' && d.line > 0), 'the error has a line number');
    });
    console.log(`     half   -> ${s.diagnostics[0].code} at ${s.diagnostics[0].line}:${s.diagnostics[0].column}: ${s.diagnostics[0].message}`);

    // 50 MB: a valid-looking JSON whose output is enormous.
    const big = '{"Status": "Success", "StandardOutputContent": "' + 'x'.repeat(50 * 1024 * 1024) + '"}';
    const t0 = Date.now();
    s = await pasteAndCheck(p, big, '50 MB', (s) => h.assert(!s.valid, '50 MB is refused'));
    console.log(`     50 MB  -> ${s.diagnostics[0].code}: ${s.diagnostics[0].message} (${Date.now() - t0} ms)`);

    // Empty.
    s = await pasteAndCheck(p, '   \n', 'whitespace only');
    console.log(`     empty  -> ${s.diagnostics[0].code}`);

    // Still usable: a good paste shows its phase, and the UI answers input.
    const before = (await h.state(p.page)).generation;
    await h.pasteText(p.page, full.text);
    s = await h.waitFor(p.page, (s) => s.generation > before, 'the good paste');
    h.assertEqual(s.phase, full.phase, 'phase after the bad pastes');
    h.assert(s.valid, 'valid');
    await p.page.keyboard.press('Control+F');
    await h.sleep(150);  // as a person would: ImGui focuses the field on the frame after the shortcut
    await p.page.keyboard.type('a');
    await h.waitFor(p.page, (s) => s.ui.find.query === 'a', 'typing into find after the bad pastes');
    h.assertEqual(p.errors.length, 0, `page errors: ${p.errors.join('; ')}`);
    h.assert(await p.page.evaluate(() => document.getElementById('notice').hidden), 'no crash notice');
  } finally {
    await p.close();
  }
});
