// Share links cross between the CLI and the page: `ssmview link FILE` opens in the page, and the
// page's link opens with `ssmview open`; for single invocations and for a fleet.
// Screenshot: test-artifacts/fleet-share.png (the Share tab after a fleet's link was made).
'use strict';
const path = require('path');
const h = require('./support/harness');
const cli = require('./support/cli');
const {awsCliJsonFixtures} = require('./support/expected');

if (!cli.cliAvailable()) {
  console.log(`skipped: the native CLI is not built (${cli.CLI}); build the native preset first`);
  process.exit(77);
}

h.test('a link made by `ssmview link` opens in the page (for every fixture)', async () => {
  const fixtures = awsCliJsonFixtures();
  const p = await h.openPage();
  try {
    for (const f of fixtures) {
      // The CLI's base is the page's own address, as a user would configure it.
      const link = cli.run(['link', f.file, '--base', p.server.url]).trim();
      h.assert(link.startsWith(p.server.url + '#v1.'), `${f.name}: CLI link shape: ${link.slice(0, 80)}`);
      const before = (await h.state(p.page)).generation;
      await p.page.goto(link);  // same document, new fragment: a hashchange
      const s = await h.waitFor(p.page, (s) => s.generation > before && s.source === 'link', `the CLI link of ${f.name}`);
      h.assertEqual(s.phase, f.phase, `${f.name}: phase`);
      h.assertEqual(s.fields.CommandId, f.inv.CommandId, `${f.name}: CommandId`);
      h.assertEqual(s.fields.Status, f.inv.Status, `${f.name}: Status`);
      h.assert(s.valid, `${f.name}: the linked invocation is valid`);
    }
  } finally {
    await p.close();
  }
});

h.test('a CLI link opened as a fresh page load works too', async () => {
  const f = awsCliJsonFixtures().find((x) => x.name === 'success_rich') || awsCliJsonFixtures()[0];
  // Made for the default base, then re-based: only the fragment matters.
  const link = cli.run(['link', f.file]).trim();
  const fragment = link.slice(link.indexOf('#'));
  const p = await h.openPage({hash: fragment});
  try {
    const s = await h.waitFor(p.page, (s) => s.source === 'link', 'the link loaded at start');
    h.assertEqual(s.fields.CommandId, f.inv.CommandId, 'CommandId');
    h.assertEqual(s.fields.StandardOutputContent.bytes, Buffer.byteLength(f.inv.StandardOutputContent, 'utf8'), 'stdout survives byte for byte');
  } finally {
    await p.close();
  }
});

h.test('a link made by the page opens with `ssmview open`', async () => {
  const fixtures = awsCliJsonFixtures();
  const p = await h.openPage();
  try {
    for (const f of fixtures) {
      await p.page.evaluate((t) => window.ssmview.load(t), f.text);
      const link = await p.page.evaluate(() => window.ssmview.shareLink());
      h.assert(link.startsWith(p.server.url + '#v1.'), `${f.name}: page link base is the page itself: ${link.slice(0, 80)}`);
      const json = JSON.parse(cli.run(['open', link]));
      h.assertEqual(JSON.stringify(json), JSON.stringify(f.inv), `${f.name}: the CLI reads back the same invocation`);
    }
  } finally {
    await p.close();
  }
});

// A fleet: the Share tab's "Copy link" (a real click, the link read back from the clipboard) opens
// with `ssmview open` as the same fleet `ssmview inspect` reads from the paste, and the CLI's link
// of the same paste opens in the page with the same counts and groups.
h.test('a fleet shared from the page and from the CLI opens as the same fleet on the other side', async () => {
  const file = path.join(h.FIXTURES, 'pasted/fleet-deploy-pages.txt');
  const text = h.fixture('pasted/fleet-deploy-pages.txt');
  const summary = (json) => {
    const j = JSON.parse(json);
    for (const k of ['format', 'sources', 'pages', 'diagnostics']) delete j[k];
    return JSON.stringify(j);
  };
  const expected = summary(cli.run(['inspect', '--json', file]));
  const p = await h.openPage();
  try {
    const before = (await h.state(p.page)).generation;
    await p.page.evaluate((t) => window.ssmview.load(t), text);
    let s = await h.waitFor(p.page, (s) => s.generation > before && s.kind === 'fleet', 'the fleet loaded');
    await h.click(p.page, 'tab.share');
    await h.click(p.page, 'share.copy_link');
    s = await h.waitFor(p.page, (s) => s.share.link_length > 0, 'the fleet link made');
    h.assertEqual(s.share.error, '', 'no error');
    h.assertEqual(s.share.dropped, '', 'twelve invocations fit in a link');
    await h.settle(p.page);
    await p.page.screenshot({path: h.artifactPath('fleet-share.png')});
    const link = await p.page.evaluate(() => navigator.clipboard.readText());
    h.assertEqual(link.length, s.share.link_length, 'the clipboard holds the link the page made');
    const pages = cli.run(['open', '-'], link);
    h.assertEqual(summary(cli.run(['inspect', '--json', '-'], pages)), expected, 'the page\'s link opens as the pasted fleet');

    const cliLink = cli.run(['link', file, '--base', p.server.url]).trim();
    const gen = (await h.state(p.page)).generation;
    await p.page.goto(cliLink);
    s = await h.waitFor(p.page, (s) => s.generation > gen && s.source === 'link', 'the CLI\'s fleet link');
    h.assertEqual(s.kind, 'fleet', 'kind');
    h.assertEqual(s.fleet.invocations, 12, 'every invocation');
    await h.click(p.page, 'fleet.outputs');
    s = await h.waitFor(p.page, (s) => s.fleet.view === 'outputs', 'the outputs view');
    h.assertEqual(s.fleet.groups, 7, 'distinct stdout texts, as in the paste');
    h.assertEqual(p.errors.length, 0, `page errors: ${p.errors.join('; ')}`);
  } finally {
    await p.close();
  }
});
