// A proxy that cannot be reached (nothing listens there, or it refuses this page's origin) shows
// what to run and what to allow, keeps trying with back-off, and leaves the page usable.
//
// Both look the same to a page: fetch() rejects with a TypeError and no detail (the browser hides
// whether CORS, Private Network Access or a closed port refused it). Checked: core's unreachable
// hint, this page's origin named for --allow-origin, the back-off, the sample still shown, the
// Fetch tab's "how to start one", and screenshots of each.
'use strict';
const h = require('./support/harness');
const px = require('./support/proxy');

px.skipWithoutProxy();

const COMMAND = 'f8b443e0-ec46-492c-8b0a-6428e7d07fe6';
const INSTANCE = 'i-0f6e9dfe67458e033';

async function followAndExpectUnreachable(p, proxyUrl, shot) {
  await p.page.evaluate((form) => window.ssmview.fetchForm(form), {proxy: proxyUrl, command: COMMAND, instance: INSTANCE});
  await h.click(p.page, 'tab.fetch');
  await h.click(p.page, 'fetch.follow');
  const s = await h.waitFor(p.page, (s) => s.fetch.polls >= 1, 'the first attempt', 20000);
  h.assertEqual(s.fetch.error && s.fetch.error.kind, 'unreachable', 'kind');
  h.assert(s.fetch.error.title.startsWith('Cannot reach the proxy: TypeError'), `title: ${s.fetch.error.title}`);
  h.assert(s.fetch.error.title.includes(proxyUrl), 'it names the URL tried');
  h.assert(/scripts\/run\.sh/.test(s.fetch.error.hint) && /--allow-origin/.test(s.fetch.error.hint), `hint: ${s.fetch.error.hint}`);
  h.assertEqual(s.fetch.phase, 'waiting', 'it keeps trying');
  h.assert(s.fetch.backoff_streak === 1 && s.fetch.next_poll_s >= 3 && s.fetch.next_poll_s <= 5, `backing off: ${JSON.stringify(s.fetch)}`);
  h.assertEqual(s.source, 'sample', 'what was shown stays');
  await h.click(p.page, 'tab.output');
  await h.settle(p.page, 400);
  await p.page.screenshot({path: h.artifactPath(shot)});
  return s;
}

h.test('nothing listening: the error names what to run and what to allow, and following backs off', async () => {
  const p = await h.openPage({viewport: {width: 1200, height: 780}});
  try {
    const port = await px.closedPort();
    await followAndExpectUnreachable(p, `http://127.0.0.1:${port}`, 'unreachable-0-nothing-listening.png');
    // The Fetch tab's list says how to start a proxy.
    await h.click(p.page, 'tab.fetch');
    await h.click(p.page, 'fetch.list_commands');
    const s = await h.waitFor(p.page, (s) => s.fetch.commands.phase === 'failed', 'the list fails', 20000);
    h.assertEqual(s.fetch.commands.error.kind, 'unreachable', 'list error kind');
    await h.settle(p.page, 400);
    h.assert((await h.state(p.page)).controls['fetch.how_to_start'], 'how to start one is shown');
    await p.page.screenshot({path: h.artifactPath('unreachable-1-how-to-start.png')});
    // The page stays usable: a paste still loads.
    const gen = (await h.state(p.page)).generation;
    await p.page.evaluate((t) => window.ssmview.load(t), h.fixture('aws-cli/failed.json'));
    await h.waitFor(p.page, (s) => s.generation > gen && s.phase === 'failed', 'a paste after the failure');
  } finally {
    await p.close();
  }
});

h.test('a running proxy that does not allow this page\'s origin: the same hint, with the origin to allow', async () => {
  const p = await h.openPage({viewport: {width: 1200, height: 780}});
  const proxy = await px.startProxy(['--simulate']);  // default origins only: not this test page's
  try {
    const s = await followAndExpectUnreachable(p, proxy.url, 'unreachable-2-origin-refused.png');
    h.assert(s.fetch.error.hint.includes('--allow-origin'), 'the hint says what to allow');
    // The proxy answered the preflight with a refusal, and forwarded nothing.
    h.assert(/OPTIONS|preflight|403/i.test(proxy.log()), `the proxy saw the preflight: ${proxy.log().slice(-400)}`);
  } finally {
    await p.close();
    await proxy.stop();
  }
});
