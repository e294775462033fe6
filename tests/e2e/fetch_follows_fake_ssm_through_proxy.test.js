// Page -> ssmview-proxy -> a fake SSM that checks every SigV4 signature with botocore: a command
// is followed from InvocationDoesNotExist through Pending and InProgress to Success.
//
// The fake answers the scripted lifecycle of tests/fixtures/sequences/lifecycle.json, one step per
// GetCommandInvocation. Checked: each state shows in the page as it arrives (screenshots of
// each), the countdown draws about one frame a second and nothing more, following stops at
// Success (no request after it), every request reached the fake signed correctly, and the
// page's polls are exactly the fake's GetCommandInvocation calls.
'use strict';
const fs = require('fs');
const path = require('path');
const h = require('./support/harness');
const px = require('./support/proxy');

px.skipWithoutProxy();

const lifecycle = JSON.parse(fs.readFileSync(path.join(h.FIXTURES, 'sequences', 'lifecycle.json'), 'utf8'));

h.test('a command is followed through the proxy from InvocationDoesNotExist to Success, every request signed', async () => {
  const fake = await px.startFakeSsm();
  const p = await h.openPage({viewport: {width: 1200, height: 780}});
  let proxy;
  try {
    proxy = await px.startProxy(['--allow-origin', await px.pageOrigin(p.page), '--endpoint-url', fake.url, '--region', 'us-east-1'],
      {AWS_ACCESS_KEY_ID: fake.keyId, AWS_SECRET_ACCESS_KEY: fake.secret});
    // The page was served elsewhere than the run command's address: it asked nobody on its own.
    let s = await h.state(p.page);
    h.assertEqual(s.fetch.commands.phase, 'none', 'no discovery from an origin the default proxy does not allow');

    await p.page.evaluate((form) => window.ssmview.fetchForm(form),
      {proxy: proxy.url, command: lifecycle.CommandId, instance: lifecycle.InstanceId});
    await h.click(p.page, 'tab.fetch');
    await h.settle(p.page, 400);
    await p.page.screenshot({path: h.artifactPath('fetch-fake-0-form.png')});
    await h.click(p.page, 'fetch.follow');
    // The pointer leaves the button, so that nothing the answers lay out under it is hovered
    // during the counts of waiting below.
    await p.page.mouse.move(2, 2);

    // 1. Not delivered yet: the error, its hint, and the countdown.
    s = await h.waitFor(p.page, (s) => s.fetch.polls >= 1, 'the first answer', 20000);
    h.assertEqual(s.fetch.error && s.fetch.error.type, 'InvocationDoesNotExist', 'first answer');
    h.assertEqual(s.fetch.error.kind, 'not_yet', 'kind');
    h.assertEqual(s.fetch.phase, 'waiting', 'still following');
    h.assert(s.fetch.next_poll_s >= 4 && s.fetch.next_poll_s <= 5, `countdown ${s.fetch.next_poll_s}`);
    await p.page.screenshot({path: h.artifactPath('fetch-fake-1-not-delivered-yet.png')});

    // Waiting draws about one frame per second (the countdown), nothing in between. Counted from
    // a countdown tick on: the answer's own frames (the view settling after it, seen as 2 to 4 in
    // its first second) are not the waiting's, and a window opened 0.3 s after the answer caught
    // them (8 frames in 3 s once, failing a fresh-clone run).
    const n0 = s.fetch.next_poll_s;
    await h.waitFor(p.page, (x) => x.fetch.next_poll_s < n0 || x.fetch.phase !== 'waiting', 'a countdown tick', 5000);
    await h.sleep(200);  // the tick's own frame
    const f0 = await p.page.evaluate(() => window.ssmview.frames());
    const t0 = Date.now();
    await h.sleep(2500);
    const drawn = (await p.page.evaluate(() => window.ssmview.frames())) - f0;
    const seconds = (Date.now() - t0) / 1000;
    h.assert(drawn <= Math.ceil(seconds) + 2, `${drawn} frames in ${seconds.toFixed(1)} s of waiting`);
    h.assert(drawn >= 1, 'the countdown still ticks');

    // 2. Pending, 3. InProgress, then Success.
    s = await h.waitFor(p.page, (s) => s.source === 'fetch' && s.status === 'Pending', 'Pending', 20000);
    await h.settle(p.page, 400);
    await p.page.screenshot({path: h.artifactPath('fetch-fake-2-pending.png')});
    s = await h.waitFor(p.page, (s) => s.status === 'InProgress', 'InProgress', 20000);
    h.assertEqual(s.fetch.error, null, 'no error once it answers');
    await h.settle(p.page, 400);
    await p.page.screenshot({path: h.artifactPath('fetch-fake-3-in-progress.png')});
    s = await h.waitFor(p.page, (s) => s.fetch.phase === 'done', 'Success', 40000);
    h.assertEqual(s.status, 'Success', 'final Status');
    h.assertEqual(s.phase, 'success', 'final phase');
    h.assertEqual(s.fetch.polls, lifecycle.sequence.length, 'one poll per scripted answer');
    await h.settle(p.page, 400);
    await p.page.screenshot({path: h.artifactPath('fetch-fake-4-success.png')});

    // Done: nothing more is asked, however long we wait.
    await h.sleep(6500);
    const seen = await fake.recorded();
    const polls = seen.filter((r) => r.action === 'GetCommandInvocation');
    h.assertEqual(polls.length, lifecycle.sequence.length, 'the fake saw exactly the page\'s polls');
    h.assert(seen.length > 0 && seen.every((r) => r.signature_ok === true),
      `every request signed right: ${JSON.stringify(seen.filter((r) => !r.signature_ok))}`);
    h.assertEqual(p.errors.filter((e) => !/Failed to load resource/.test(e)).length, 0, `page errors: ${p.errors.join('; ')}`);
  } finally {
    await p.close();
    if (proxy) await proxy.stop();
    await fake.stop();
  }
});
