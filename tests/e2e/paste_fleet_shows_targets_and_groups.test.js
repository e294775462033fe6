// A real clipboard paste of `aws ssm list-command-invocations --details` pages, as people paste
// them (prompts between), shows the fleet: the targets table, a header click sorting it, the
// grouped outputs with "ignore digits, hex ids and times", and the accessible mirror's summary.
// Screenshots: test-artifacts/fleet-targets.png, fleet-outputs.png.
'use strict';
const h = require('./support/harness');

h.test('pasted fleet pages show the targets, sort on a header click, and group the outputs', async () => {
  const p = await h.openPage();
  try {
    const before = (await h.state(p.page)).generation;
    await h.pasteText(p.page, h.fixture('pasted/fleet-deploy-pages.txt'));
    let s = await h.waitFor(p.page, (s) => s.generation > before, 'the paste of three pages');
    h.assertEqual(s.kind, 'fleet', 'kind');
    h.assertEqual(s.fleet.view, 'targets', 'the fleet opens on its targets');
    h.assertEqual(s.fleet.invocations, 12, 'invocations from three pages');
    h.assertEqual(s.fleet.rows[0], 'i-000005a1e00000000', 'first row, sorted by instance');
    await h.settle(p.page);
    await p.page.screenshot({path: h.artifactPath('fleet-targets.png')});

    // The Code column's header: the table's first row, 4th of 6 columns by weight.
    const table = s.controls['fleet.table'];  // device pixels, like every control rect
    const box = await p.page.evaluate(() => { const b = document.getElementById('canvas').getBoundingClientRect(); return [b.left, b.top]; });
    const x = box[0] + (table[0] + table[2] * (0.22 + 0.16 + 0.2 + 0.04)) / s.scale, y = box[1] + (table[1] + 8 * s.scale) / s.scale;
    await p.page.mouse.click(x, y);
    s = await h.waitFor(p.page, (s) => s.fleet.sort === 3, 'sorting by code');
    h.assertEqual(s.fleet.rows[0], 'i-000005a1e0000000b', 'code -1 (never delivered) first');

    await h.click(p.page, 'fleet.outputs');
    s = await h.waitFor(p.page, (s) => s.fleet.view === 'outputs', 'the outputs view');
    h.assertEqual(s.fleet.groups, 7, 'distinct stdout texts');
    await h.click(p.page, 'fleet.similar');
    s = await h.waitFor(p.page, (s) => s.fleet.similar, 'similar grouping');
    h.assertEqual(s.fleet.groups, 5, 'the three "checked <time>" outputs join one group');
    await h.settle(p.page);
    await p.page.screenshot({path: h.artifactPath('fleet-outputs.png')});

    const summary = await p.page.textContent('#summary');
    h.assert(summary.includes('Fleet: list-command-invocations, 12 invocations'), `mirror heading: ${summary.slice(0, 200)}`);
    h.assert(summary.includes('12 of 12 targets finished'), 'mirror progress');
    h.assert(summary.includes('2 failed'), 'mirror phases');
    h.assertEqual(p.errors.length, 0, `page errors: ${p.errors.join('; ')}`);
  } finally {
    await p.close();
  }
});
