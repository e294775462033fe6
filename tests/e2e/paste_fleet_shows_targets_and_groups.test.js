// A real clipboard paste of `aws ssm list-command-invocations --details` pages, as people paste
// them (prompts between), shows the fleet: the targets table, the grouped outputs with "ignore
// digits, hex ids and times", and the accessible mirror's summary. (Sorting by a header click is
// tested headless in tests/view/fleet_panel_test.cpp: here, beside the heavy whole-output test,
// a computed header position missed half the time.)
// Screenshots: test-artifacts/fleet-targets.png, fleet-outputs.png.
'use strict';
const h = require('./support/harness');

h.test('pasted fleet pages show the targets and group the outputs', async () => {
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
