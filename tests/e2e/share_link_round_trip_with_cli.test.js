// Share links cross between the CLI and the page: `ssmview link FILE` opens in the page, and the
// page's link opens with `ssmview open`.
'use strict';
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
