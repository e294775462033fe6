// The page follows a whole command through ssmview-proxy --simulate: the 2,000-node fleet, from
// its first round (ListCommands, then 40 pages of ListCommandInvocations --details, throttled on
// the way) to its end, shown as the fleet view a paste of the same pages shows.
//
// The simulator plays 10 times faster (--simulate-speed 10: the fleet ends 3.8 s after the first
// request); the page keeps its real pace (core/fleet_follow.h: pages 250 ms apart, rounds every
// 20 s at 40 pages, back-off on throttling), so the test takes about a minute. Checked: the
// requests are the list actions only, the end is the documented counts, waiting between requests
// draws about one frame a second and nothing more, the fleet view shows the targets and the
// groups. Screenshots: test-artifacts/fleet-follow-round1.png, fleet-follow-done.png.
'use strict';
const h = require('./support/harness');
const px = require('./support/proxy');

px.skipWithoutProxy();

const WEB = 'd93a7e15-0c48-4b6f-a2e9-5f81c6b3d704';

h.test('the page follows the 2,000-node simulated fleet to its end through the proxy', async () => {
  const p = await h.openPage({viewport: {width: 1280, height: 800}});
  let proxy;
  try {
    proxy = await px.startProxy(['--simulate', '--simulate-speed', '10', '--allow-origin', await px.pageOrigin(p.page)]);
    await p.page.evaluate((form) => window.ssmview.fetchForm(form), {proxy: proxy.url, command: WEB});
    await h.click(p.page, 'tab.fetch');
    await h.settle(p.page, 300);
    await h.click(p.page, 'fetch.follow');
    // The pointer leaves the button, so that nothing the answers lay out under it is hovered
    // during the counts of waiting below.
    await p.page.mouse.move(2, 2);

    // The first whole round: 41 answers at least, the fleet loaded like a paste.
    let s = await h.waitFor(p.page, (s) => s.fetch.fleet && s.fetch.fleet.rounds >= 1, 'the first whole round', 60000);
    h.assertEqual(s.source, 'fetch', 'loaded from the proxy');
    h.assertEqual(s.kind, 'fleet', 'a fleet report');
    // The simulated service makes the 2,000 invocations visible over 0.7 s (in no particular
    // order) while this round pages, so a round that starts early can miss a few (1,969 seen
    // once on a loaded machine): a list that grows while it is paged. The next round reads them;
    // the end below asserts all 2,000.
    h.assert(s.fleet.invocations > 1900 && s.fleet.invocations <= 2000, `invocations listed in the first round: ${s.fleet.invocations}`);
    h.assertEqual(s.fetch.fleet.pages, 40, 'pages of 50');
    h.assert(s.fetch.polls >= 41, `requests so far: ${s.fetch.polls}`);
    await h.settle(p.page, 400);
    s = await h.state(p.page);

    // Between rounds: about one frame a second (the countdown), nothing else. Counted from a
    // countdown tick on, so that the window holds whole seconds of waiting.
    if (s.fetch.phase === 'waiting' && s.fetch.next_poll_s >= 5) {
      const n0 = s.fetch.next_poll_s;
      s = await h.waitFor(p.page, (x) => x.fetch.phase !== 'waiting' || x.fetch.next_poll_s < n0, 'a countdown tick', 5000);
      await h.sleep(200);  // the tick's own frame
      const f0 = await p.page.evaluate(() => window.ssmview.frames());
      const t0 = Date.now();
      await h.sleep(2500);
      const drawn = (await p.page.evaluate(() => window.ssmview.frames())) - f0;
      const seconds = (Date.now() - t0) / 1000;
      h.assert(drawn <= Math.ceil(seconds) + 2, `${drawn} frames in ${seconds.toFixed(1)} s of waiting`);
    }
    await p.page.screenshot({path: h.artifactPath('fleet-follow-round1.png')});

    s = await h.waitFor(p.page, (s) => s.fetch.phase === 'done', 'the fleet ended', 120000);
    h.assertEqual(s.fetch.fleet.end, 'ended', 'ended, not stopped');
    h.assertEqual(s.fetch.fleet.summary, '2,000 targets: 1,866 success, 84 failed, 50 timed out', 'the documented counts');
    h.assertEqual(s.fleet.done, 2000, 'progress: done');
    h.assertEqual(s.fleet.total, 2000, 'progress: total');
    await h.settle(p.page, 400);
    await p.page.screenshot({path: h.artifactPath('fleet-follow-done.png')});

    // The proxy forwarded list actions only, and the page never asked for one invocation.
    const actions = [...new Set(proxy.log().match(/ action=\S+/g) || [])].map((a) => a.trim()).filter((a) => a !== 'action=preflight').sort();
    h.assertEqual(actions.join(' '), 'action=ssm:ListCommandInvocations action=ssm:ListCommands', 'the actions the proxy forwarded (CORS preflights aside)');

    // Done: nothing more is asked.
    const polls = s.fetch.polls;
    await h.sleep(6000);
    s = await h.state(p.page);
    h.assertEqual(s.fetch.polls, polls, 'no request after the end');
    h.assertEqual(p.errors.filter((e) => !/Failed to load resource/.test(e)).length, 0, `page errors: ${p.errors.join('; ')}`);
  } finally {
    await p.close();
    if (proxy) await proxy.stop();
  }
});
