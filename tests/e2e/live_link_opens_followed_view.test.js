// A live link (#fetch?command=...&instance=...) opens the same followed view elsewhere.
//
// Against `ssmview-proxy --simulate`: (1) the page's "Copy live link" gives a link that, opened in
// a second page, follows the same invocation through that page's proxy (and `ssmview link
// --fetch` prints the same link when the CLI is built); (2) a link naming a proxy other than the
// page's asks first: nothing is sent until the person accepts, and then no bearer token goes
// there; (3) a live link with a malformed id says why in the page's notice.
'use strict';
const h = require('./support/harness');
const px = require('./support/proxy');
const cli = require('./support/cli');

px.skipWithoutProxy();

// The simulator's Windows command: short, delivered to one managed node (catalog in proxy/).
const COMMAND = '2f9a4c61-d83e-4b05-a7c2-e15b9f8d3064';

async function copiedText(page) { return page.evaluate(() => navigator.clipboard.readText()); }

h.test('Copy live link, opened in another page, follows the same invocation', async () => {
  // Two pages (two people), each served on its own port; one proxy lets both in.
  const a = await h.openPage({viewport: {width: 1200, height: 1000}});
  const b = await h.openPage();
  let proxy;
  try {
    proxy = await px.startProxy(['--simulate', '--allow-origin', await px.pageOrigin(a.page),
      '--allow-origin', await px.pageOrigin(b.page)]);
    // Find the command's instance from the proxy, as a person would (Pick fills the ids).
    await a.page.evaluate((url) => window.ssmview.fetchForm({proxy: url}), proxy.url);
    await h.click(a.page, 'tab.fetch');
    await h.click(a.page, 'fetch.list_commands');
    let s = await h.waitFor(a.page, (s) => s.fetch.commands.phase === 'ok', 'the command list', 20000);
    const index = s.fetch.commands.items.findIndex((c) => c.command_id === COMMAND);
    h.assert(index >= 0, `the simulator lists ${COMMAND}`);
    await h.click(a.page, `fetch.command.${index}.follow`);
    s = await h.waitFor(a.page, (s) => s.fetch.following && s.fetch.target.command_id === COMMAND, 'following', 20000);
    const instance = s.fetch.target.instance_id;
    await h.click(a.page, 'fetch.bar.live_link');
    const link = await copiedText(a.page);
    h.assert(link.includes('#fetch?command=' + COMMAND), `a live link was copied: ${link}`);
    h.assert(link.includes('instance=' + instance), 'it names the instance');
    // This page's proxy is not the default one: the link names it (the opener is asked about it
    // unless it is their proxy too).
    h.assert(link.includes('proxy=' + encodeURIComponent(proxy.url)), `it names the proxy: ${link}`);
    // The native preset builds ssmview next to ssmview-proxy (present, or this test skipped above):
    // a missing CLI is a failure here, never a silently skipped comparison.
    h.assert(cli.cliAvailable(), `the native CLI at ${cli.CLI}`);
    const printed = cli.run(['link', '--fetch', '--command-id', COMMAND, '--instance-id', instance,
      '--proxy', proxy.url, '--base', link.slice(0, link.indexOf('#'))]).trim();
    h.assertEqual(printed, link, '`ssmview link --fetch` prints the same live link');

    // The second page, whose proxy is the same one, opens the link: it follows at once.
    await b.page.evaluate((url) => window.ssmview.fetchForm({proxy: url}), proxy.url);
    await b.page.evaluate((frag) => { window.location.hash = frag; }, link.slice(link.indexOf('#')));
    s = await h.waitFor(b.page, (s) => s.fetch.following, 'the link followed', 20000);
    h.assertEqual(s.fetch.target.command_id, COMMAND, 'same command');
    h.assertEqual(s.fetch.target.instance_id, instance, 'same instance');
    s = await h.waitFor(b.page, (s) => s.source === 'fetch', 'the invocation shown', 40000);
    h.assertEqual(s.fields.CommandId, COMMAND, 'the view shows it');
    await h.settle(b.page, 400);
    await b.page.screenshot({path: h.artifactPath('live-link-0-followed.png')});
  } finally {
    await a.close();
    await b.close();
    if (proxy) await proxy.stop();
  }
});

h.test('a live link naming another proxy asks first and sends no token there', async () => {
  // The link names a proxy that is not the page's; that proxy starts only once the page asks.
  const port = await px.closedPort();
  const other = `http://127.0.0.1:${port}`;
  const frag = `#fetch?command=${COMMAND}&instance=mi-0123456789abcdef0&proxy=${encodeURIComponent(other)}`;
  const p = await h.openPage({hash: frag});
  let proxy;
  try {
    await p.page.evaluate(() => window.ssmview.fetchForm({token: 'tok-e2e-never-sent-elsewhere-0001'}));
    let s = await h.waitFor(p.page, (s) => s.fetch.phase === 'confirm', 'the question', 15000);
    h.assertEqual(s.fetch.confirm.proxy_url, other, 'it names the link\'s proxy');
    h.assertEqual(s.fetch.proxy_url, 'http://127.0.0.1:8787', 'the page keeps its own proxy meanwhile');
    await h.settle(p.page, 400);
    await p.page.screenshot({path: h.artifactPath('live-link-1-asks-first.png')});
    await h.sleep(1500);
    s = await h.state(p.page);
    h.assertEqual(s.fetch.in_flight, 0, 'nothing sent while asking');
    h.assertEqual(s.fetch.polls, 0, 'no poll while asking');
    proxy = await px.startProxy(['--simulate', '--allow-origin', await px.pageOrigin(p.page)], {}, port);
    await h.click(p.page, 'fetch.confirm.accept');
    s = await h.waitFor(p.page, (s) => s.fetch.following && s.fetch.polls >= 1, 'following through the link\'s proxy', 30000);
    h.assertEqual(s.fetch.proxy_url, other, 'now using the link\'s proxy');
    h.assertEqual(s.fetch.target.proxy_url, other, 'polls go there');
    h.assertEqual(s.fetch.token_set, false, 'the token stayed behind');
    h.assert(!s.fetch.error || s.fetch.error.kind !== 'unreachable', `the proxy answered: ${JSON.stringify(s.fetch.error)}`);
    await h.settle(p.page, 400);
    await p.page.screenshot({path: h.artifactPath('live-link-2-accepted.png')});
  } finally {
    await p.close();
    if (proxy) await proxy.stop();
  }
});

h.test('a live link with a malformed id says why, and sends nothing', async () => {
  const p = await h.openPage({hash: '#fetch?command=not-a-command&instance=i-0123456789abcdef0'});
  try {
    const notice = await p.page.waitForFunction(() => {
      const n = document.getElementById('notice');
      return n && !n.hidden && n.textContent;
    }, null, {timeout: 15000});
    const text = await notice.jsonValue();
    h.assert(text.startsWith('This live link cannot be opened: '), `notice: ${text}`);
    h.assert(/command id "not-a-command"/.test(text), `the reason names the id: ${text}`);
    await h.sleep(1000);
    const s = await h.state(p.page);
    h.assertEqual(s.fetch.phase, 'idle', 'nothing followed');
    h.assertEqual(s.fetch.in_flight, 0, 'nothing sent');
    await p.page.screenshot({path: h.artifactPath('live-link-3-malformed.png')});
  } finally {
    await p.close();
  }
});
