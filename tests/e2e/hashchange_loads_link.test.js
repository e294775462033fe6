// A share link in the URL fragment loads on page open, and again whenever the fragment changes
// (`hashchange`: a link pasted into the address bar of an open page, back/forward).
'use strict';
const h = require('./support/harness');
const {awsCliJsonFixtures} = require('./support/expected');

h.test('page open with #v1. loads the link; changing location.hash loads the new one', async () => {
  const all = awsCliJsonFixtures();
  const a = all.find((x) => x.phase === 'failed');
  const b = all.find((x) => x.phase === 'in_progress');
  // Make both links with a first page (the page's own encoder).
  const maker = await h.openPage();
  let linkA, linkB;
  try {
    await maker.page.evaluate((t) => window.ssmview.load(t), a.text);
    linkA = await maker.page.evaluate(() => window.ssmview.shareLink());
    await maker.page.evaluate((t) => window.ssmview.load(t), b.text);
    linkB = await maker.page.evaluate(() => window.ssmview.shareLink());
  } finally {
    await maker.close();
  }
  const fragA = linkA.slice(linkA.indexOf('#'));
  const fragB = linkB.slice(linkB.indexOf('#'));

  const p = await h.openPage({hash: fragA});
  try {
    let s = await h.waitFor(p.page, (s) => s.source === 'link', 'the link of the page open');
    h.assertEqual(s.phase, 'failed', 'phase from the opening fragment');
    h.assertEqual(s.fields.CommandId, a.inv.CommandId, 'CommandId');
    const gen = s.generation;

    await p.page.evaluate((frag) => { window.location.hash = frag; }, fragB);
    s = await h.waitFor(p.page, (s) => s.generation > gen, 'the hashchange');
    h.assertEqual(s.phase, 'in_progress', 'phase after hashchange');
    h.assertEqual(s.fields.CommandId, b.inv.CommandId, 'CommandId after hashchange');

    // Back in history: the previous fragment comes back, and loads again.
    await p.page.goBack();
    s = await h.waitFor(p.page, (s) => s.generation > gen + 1, 'history back');
    h.assertEqual(s.phase, 'failed', 'phase after going back');
  } finally {
    await p.close();
  }
});

h.test('after a paste the old fragment leaves the address bar (a reload shows the paste, not the link)', async () => {
  const all = awsCliJsonFixtures();
  const maker = await h.openPage();
  let link;
  try {
    await maker.page.evaluate((t) => window.ssmview.load(t), all[0].text);
    link = await maker.page.evaluate(() => window.ssmview.shareLink());
  } finally {
    await maker.close();
  }
  const p = await h.openPage({hash: link.slice(link.indexOf('#'))});
  try {
    await h.waitFor(p.page, (s) => s.source === 'link', 'the link');
    const gen = (await h.state(p.page)).generation;
    await h.pasteText(p.page, all[1].text);
    await h.waitFor(p.page, (s) => s.generation > gen, 'the paste');
    h.assertEqual(await p.page.evaluate(() => window.location.hash), '', 'fragment removed');
  } finally {
    await p.close();
  }
});
