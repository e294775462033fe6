// Page -> `ssmview-proxy --simulate`: the first screen offers the simulated commands, and one
// click follows a running one to its end.
//
// The run command serves the page on an origin the proxy allows by default and the page asks the
// proxy for its commands by itself; tests serve the page on an ephemeral port, so the test does
// that one step through window.ssmview.fetchDiscover (the same view_fetch_discover). Checked: the
// fetch bar offers a running command above the sample, one click (the bar's Follow) resolves its
// invocation and step and follows it, the states arrive in order and the follow stops at a
// terminal state. Screenshots of each step.
'use strict';
const h = require('./support/harness');
const px = require('./support/proxy');

px.skipWithoutProxy();

const TERMINAL = new Set(['success', 'failed', 'timed_out', 'cancelled']);

h.test('the first screen offers a simulated command; one click follows it to its end', async () => {
  const p = await h.openPage({viewport: {width: 1200, height: 780}});
  let proxy;
  try {
    proxy = await px.startProxy(['--simulate', '--allow-origin', await px.pageOrigin(p.page)]);
    await p.page.evaluate((url) => window.ssmview.fetchDiscover(url), proxy.url);
    let s = await h.waitFor(p.page, (s) => s.fetch.commands.phase === 'ok', 'the command list', 20000);
    h.assert(s.fetch.commands.count >= 3, `the simulator lists its commands (${s.fetch.commands.count})`);
    h.assert(s.fetch.commands.suggested, 'a command is offered');
    h.assertEqual(s.source, 'sample', 'the sample stays until asked');
    await h.settle(p.page, 400);
    h.assert(s.controls['fetch.bar.follow'] || (await h.state(p.page)).controls['fetch.bar.follow'], 'the one-click Follow is drawn');
    await p.page.screenshot({path: h.artifactPath('fetch-sim-0-first-screen.png')});

    const suggested = s.fetch.commands.suggested;
    await h.click(p.page, 'fetch.bar.follow');
    s = await h.waitFor(p.page, (s) => s.fetch.following && s.fetch.target.command_id === suggested, 'following the offered command', 20000);
    s = await h.waitFor(p.page, (s) => s.source === 'fetch', 'the first invocation shown', 40000);
    await h.settle(p.page, 400);
    await p.page.screenshot({path: h.artifactPath('fetch-sim-1-first-answer.png')});

    const phases = [];
    const note = (s) => { if (s.source === 'fetch' && phases[phases.length - 1] !== s.phase) phases.push(s.phase); };
    s = await h.waitFor(p.page, (s) => { note(s); return s.phase === 'in_progress' || s.fetch.done; }, 'InProgress', 90000);
    if (s.phase === 'in_progress') {
      await h.settle(p.page, 400);
      await p.page.screenshot({path: h.artifactPath('fetch-sim-2-in-progress.png')});
    }
    s = await h.waitFor(p.page, (s) => { note(s); return s.fetch.done; }, 'a terminal state', 150000);
    h.assertEqual(s.fetch.phase, 'done', `followed to the end (error: ${JSON.stringify(s.fetch.error)})`);
    h.assert(TERMINAL.has(s.phase), `terminal phase, got ${s.phase}`);
    h.assert(phases.includes('in_progress') || phases[0] === s.phase, `states in order: ${phases.join(' -> ')}`);
    await h.settle(p.page, 400);
    await p.page.screenshot({path: h.artifactPath('fetch-sim-3-finished.png')});
    const polls = s.fetch.polls;
    await h.sleep(6000);
    h.assertEqual((await h.state(p.page)).fetch.polls, polls, 'no poll after the end');
  } finally {
    await p.close();
    if (proxy) await proxy.stop();
  }
});

h.test('the Fetch tab lists the simulated commands; a multi-step document offers its steps', async () => {
  // Tall enough for the twelve commands and, below them, the picked command's steps.
  const p = await h.openPage({viewport: {width: 1200, height: 1500}});
  let proxy;
  try {
    proxy = await px.startProxy(['--simulate', '--allow-origin', await px.pageOrigin(p.page)]);
    await p.page.evaluate((url) => window.ssmview.fetchForm({proxy: url}), proxy.url);
    await h.click(p.page, 'tab.fetch');
    await h.click(p.page, 'fetch.list_commands');
    let s = await h.waitFor(p.page, (s) => s.fetch.commands.phase === 'ok', 'the command list', 20000);
    await h.settle(p.page, 400);
    await p.page.screenshot({path: h.artifactPath('fetch-sim-4-commands.png')});
    // Pick every command in turn until one shows several steps (the schema 2.2 document).
    let multi = -1;
    for (let i = 0; i < s.fetch.commands.items.length && multi < 0; i++) {
      await h.click(p.page, `fetch.command.${i}.pick`);
      const st = await h.waitFor(p.page, (x) => x.fetch.steps.phase === 'ok' || x.fetch.steps.phase === 'failed', 'the steps', 20000);
      if (st.fetch.steps.instances.some((inv) => inv.plugins.length > 1)) multi = i;
    }
    h.assert(multi >= 0, 'one simulated command has several steps');
    await h.settle(p.page, 400);
    await p.page.screenshot({path: h.artifactPath('fetch-sim-5-steps.png')});
    await h.click(p.page, 'fetch.step.0.1');
    s = await h.waitFor(p.page, (s) => s.fetch.following && s.fetch.target.plugin_name !== '', 'following one step', 20000);
    const step = s.fetch.target.plugin_name;
    s = await h.waitFor(p.page, (s) => s.source === 'fetch' || (s.fetch.error && s.fetch.error.kind !== 'not_yet' && s.fetch.error.kind !== 'throttled'),
      'the step fetched', 40000);
    h.assertEqual(s.fields.PluginName, step, 'GetCommandInvocation answered for that step');
  } finally {
    await p.close();
    if (proxy) await proxy.stop();
  }
});
