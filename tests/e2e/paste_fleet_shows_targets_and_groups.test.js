// A real clipboard paste of `aws ssm list-command-invocations --details` pages, as people paste
// them (prompts between), shows the fleet: the targets table, the grouped outputs with "ignore
// digits, hex ids and times", and the accessible mirror's summary. (Sorting by a header click is
// tested headless in tests/view/fleet_panel_test.cpp: here, beside the heavy whole-output test,
// a computed header position missed half the time.)
// Two groups are compared as a line diff. Then one target opens as its own report, from what the
// list said, and Back returns to the fleet.
// Screenshots: test-artifacts/fleet-targets.png, fleet-outputs.png, fleet-diff.png, fleet-target.png.
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

    // Two groups compared as a line diff.
    await h.click(p.page, 'fleet.compare.0');
    await h.waitFor(p.page, (s) => s.fleet.compare.from === 0, 'the first group picked');
    await h.click(p.page, 'fleet.compare.1');
    s = await h.waitFor(p.page, (s) => s.fleet.compare.to === 1, 'the second group picked');
    h.assert(s.fleet.compare.removed + s.fleet.compare.added > 0, 'the two groups differ');
    await h.settle(p.page);
    await p.page.screenshot({path: h.artifactPath('fleet-diff.png')});
    await h.click(p.page, 'fleet.diff.close');
    await h.waitFor(p.page, (s) => s.fleet.compare.to === -1, 'the comparison closed');

    // One target, opened by a click on its row, and back.
    await h.click(p.page, 'fleet.targets');
    await h.waitFor(p.page, (s) => s.fleet.view === 'targets', 'the targets view again');
    await h.settle(p.page);
    await h.click(p.page, 'fleet.row.i-000005a1e00000009');
    s = await h.waitFor(p.page, (s) => s.kind === 'invocation', 'the target opened');
    h.assertEqual(s.source, 'target', 'source');
    h.assertEqual(s.phase, 'failed', 'the target failed');
    h.assertEqual(s.back.instance_id, 'i-000005a1e00000009', 'the target Back returns from');
    await h.settle(p.page);
    await p.page.screenshot({path: h.artifactPath('fleet-target.png')});
    const mirror = await p.page.textContent('#summary');
    h.assert(mirror.includes('i-000005a1e00000009'), `the mirror tells the target: ${mirror.slice(0, 200)}`);
    await h.click(p.page, 'target.back');
    s = await h.waitFor(p.page, (s) => s.kind === 'fleet', 'back at the fleet');
    h.assertEqual(s.back.active, false, 'nothing to go back to');
    h.assertEqual(s.fleet.similar, true, 'the fleet kept its choices');
    await h.settle(p.page);

    const summary = await p.page.textContent('#summary');
    h.assert(summary.includes('Fleet: list-command-invocations, 12 invocations'), `mirror heading: ${summary.slice(0, 200)}`);
    h.assert(summary.includes('12 of 12 targets finished'), 'mirror progress');
    h.assert(summary.includes('2 failed'), 'mirror phases');
    h.assertEqual(p.errors.length, 0, `page errors: ${p.errors.join('; ')}`);
  } finally {
    await p.close();
  }
});
