// Page -> `ssmview-proxy --simulate`: the whole output. A running command's panes fill live from
// CloudWatch Logs; a cut one loads its complete output from S3 through the proxy.
//
// Checked, the way a person would see it:
//   live      the offered command (the simulated deploy, CloudWatch output on) is followed with one
//             click; while it runs, the stdout pane grows from the logs (bytes and lines increase
//             between two looks) and stays at its tail; after the end the logs settle ("done"),
//             and what the logs gave is byte for byte the StandardOutputContent SSM returned (two
//             paths to the same text must agree)
//   complete  the 200,000-row export, cut at 24,000 characters: "Load the complete output" reads the
//             object from the simulated S3 through the proxy; the banner says where from and how
//             big; Cancel on a slow network aborts the transfer in flight, Resume reads on; the
//             downloaded file is byte for byte what `ssmview fetch --complete` prints through the
//             same proxy; find reaches the last row
// Screenshots of each step (test-artifacts/whole-*.png).
'use strict';
const fs = require('fs');
const h = require('./support/harness');
const px = require('./support/proxy');
const cli = require('./support/cli');

px.skipWithoutProxy();
if (!cli.cliAvailable()) {
  console.log(`SKIP: no ssmview CLI at ${cli.CLI} (build the native preset, or set SSMVIEW_CLI)`);
  process.exit(77);
}

const EXPORT_COMMAND = 'c8b4e1f2-7a39-4d6e-b0c5-93f1a2d7e468';

h.test('a running command fills its pane live from CloudWatch Logs, then settles on the same text SSM returns', async () => {
  const p = await h.openPage({viewport: {width: 1200, height: 780}});
  let proxy;
  try {
    proxy = await px.startProxy(['--simulate', '--allow-origin', await px.pageOrigin(p.page)]);
    await p.page.evaluate((url) => window.ssmview.fetchDiscover(url), proxy.url);
    await h.waitFor(p.page, (s) => s.fetch.commands.phase === 'ok', 'the command list', 20000);
    await h.click(p.page, 'fetch.bar.follow');
    let s = await h.waitFor(p.page, (s) => s.whole.stdout.phase === 'live' && s.whole.stdout.bytes > 0,
      'live output from the logs', 60000);
    h.assertEqual(s.whole.stdout.source, 'logs', 'read from CloudWatch Logs');
    h.assert(s.whole.stdout.where.startsWith('/ssmview/simulated/deploy '), `the command's group: ${s.whole.stdout.where}`);
    h.assertEqual(s.phase, 'in_progress', 'while the command runs');
    const first = s.whole.stdout.bytes;
    await h.settle(p.page, 300);
    await p.page.screenshot({path: h.artifactPath('whole-1-live-early.png')});

    s = await h.waitFor(p.page, (x) => x.whole.stdout.bytes > first + 200 && x.phase === 'in_progress', 'the pane growing', 60000);
    // The pane holds the longer of the two texts: the simulator's answer also grows while the command
    // runs (real SSM's stays empty), and the logs arrive in batches, so either can be ahead.
    h.assertEqual(s.whole.stdout.shown, s.whole.stdout.bytes >= s.fields.StandardOutputContent.bytes,
      `the pane holds the longer text (logs ${s.whole.stdout.bytes} bytes, answer ${s.fields.StandardOutputContent.bytes})`);
    h.assert(s.fields.StandardOutputContent.lines > 3, `lines in the pane: ${s.fields.StandardOutputContent.lines}`);
    await h.settle(p.page, 300);
    s = await h.state(p.page);
    h.assert(s.whole.stdout.at_bottom, 'the pane stays at its tail while the reader is there');
    await p.page.screenshot({path: h.artifactPath('whole-2-live-growing.png')});

    s = await h.waitFor(p.page, (x) => x.fetch.done && x.whole.stdout.phase === 'done', 'the logs settled after the end', 120000);
    h.assertEqual(s.phase, 'success', 'the command ended');
    h.assertEqual(s.whole.live, false, 'no more reading');
    h.assertEqual(s.whole.stdout.error, null, 'no error');
    // The logs and GetCommandInvocation both hold the whole (short) output: byte for byte the same.
    h.assertEqual(s.whole.stdout.bytes, s.fields.StandardOutputContent.bytes, 'the logs gave what SSM returned');
    h.assertEqual(s.whole.stdout.shown, true, 'the pane holds the logs text');
    await h.settle(p.page, 300);
    await p.page.screenshot({path: h.artifactPath('whole-3-live-done.png')});
    const reads = s.whole.logs_reads;
    await h.sleep(7000);
    h.assertEqual((await h.state(p.page)).whole.logs_reads, reads, 'no read after settling');
  } finally {
    await p.close();
    if (proxy) await proxy.stop();
  }
});

h.test('a cut output loads complete from S3 through the proxy, the same bytes the CLI prints', async () => {
  const p = await h.openPage({viewport: {width: 1200, height: 780}});
  let proxy;
  try {
    proxy = await px.startProxy(['--simulate', '--allow-origin', await px.pageOrigin(p.page)]);
    const started = Date.now();
    await p.page.evaluate((url) => window.ssmview.fetchDiscover(url), proxy.url);
    let s = await h.waitFor(p.page, (s) => s.fetch.commands.phase === 'ok', 'the command list', 20000);
    // The export ends about 27 s after the simulator starts. Followed while it runs, the logs would
    // give its whole output live (the first test's path); this one opens it finished and cut.
    await h.sleep(Math.max(0, started + 32000 - Date.now()));
    const item = s.fetch.commands.items.find((c) => c.command_id === EXPORT_COMMAND);
    h.assert(item, 'the simulator lists the export');
    const instance = item.instance_ids[0];
    await p.page.evaluate(([c, i]) => { window.location.hash = `#fetch?command=${c}&instance=${i}`; }, [EXPORT_COMMAND, instance]);
    s = await h.waitFor(p.page, (x) => x.fetch.done && x.source === 'fetch', 'the export followed to its end', 120000);
    h.assertEqual(s.phase, 'success', 'the export succeeded');
    h.assertEqual(s.fields.StandardOutputContent.truncated, true, 'GetCommandInvocation cut it');
    h.assertEqual(s.whole.stdout.can_load, '', 'Load the complete output is offered');
    await h.settle(p.page, 300);
    await p.page.screenshot({path: h.artifactPath('whole-4-cut.png')});

    // Cancel on a slow network aborts the transfer in flight: the request ends at once, instead of
    // reading the rest of its 16 MB part for nothing (at 256 KiB/s that would take a minute).
    const cdp = await p.page.context().newCDPSession(p.page);
    await cdp.send('Network.emulateNetworkConditions', {offline: false, latency: 20, downloadThroughput: 256 * 1024, uploadThroughput: 256 * 1024});
    await h.click(p.page, 'output.load_complete');
    await h.waitFor(p.page, (x) => x.whole.stdout.phase === 'loading' && x.fetch.in_flight === 1, 'the part in flight', 20000);
    await h.sleep(500);
    await h.click(p.page, 'output.whole_cancel');
    s = await h.waitFor(p.page, (x) => x.whole.stdout.phase === 'partial' && x.fetch.in_flight === 0, 'the transfer aborted', 5000);
    h.assertEqual(s.whole.stdout.cancelled, true, 'cancelled');
    h.assertEqual(s.whole.stdout.error, null, 'the abort is no error');
    await cdp.send('Network.emulateNetworkConditions', {offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1});

    await h.click(p.page, 'output.whole_rest');  // "Resume"
    s = await h.waitFor(p.page, (x) => x.whole.stdout.phase === 'done' || x.whole.stdout.phase === 'failed', 'the complete output', 60000);
    h.assertEqual(s.whole.stdout.error, null, 'no error');
    h.assertEqual(s.whole.stdout.source, 's3', 'read from S3');
    h.assert(s.whole.stdout.where.startsWith('s3://ssmview-sim-output/'), `the object: ${s.whole.stdout.where}`);
    h.assertEqual(s.whole.stdout.bytes, s.whole.stdout.total_bytes, 'every byte of the object');
    h.assert(s.fields.StandardOutputContent.lines > 200000, `the pane holds every row: ${s.fields.StandardOutputContent.lines} lines`);
    await h.settle(p.page, 300);
    await p.page.screenshot({path: h.artifactPath('whole-5-complete.png')});

    // The file a person downloads is what the CLI prints through the same proxy.
    const [download] = await Promise.all([p.page.waitForEvent('download', {timeout: 20000}), h.click(p.page, 'output.download')]);
    const pageBytes = fs.readFileSync(await download.path());
    const cliBytes = require('child_process').execFileSync(cli.CLI,
      ['fetch', '--command-id', EXPORT_COMMAND, '--instance-id', instance, '--proxy', proxy.url, '--complete'], {maxBuffer: 256 << 20});
    h.assertEqual(pageBytes.length, s.whole.stdout.bytes, 'the download is the loaded object');
    h.assert(pageBytes.equals(cliBytes), `page and CLI agree byte for byte (${pageBytes.length} vs ${cliBytes.length})`);

    // Find reaches the end of it: the last CSV row (the lines after it are a coloured summary).
    const rows = pageBytes.toString('utf8').split('\n').filter((l) => /^\d{6},SKU-/.test(l));
    h.assertEqual(rows.length, 200000, 'every row of the export');
    const lastLine = rows[rows.length - 1];
    await h.click(p.page, 'output.find');
    await p.page.keyboard.type(lastLine.slice(0, 24));
    try {
      s = await h.waitFor(p.page, (x) => x.ui.find.matches >= 1, 'find in the complete output', 20000);
    } catch (e) {
      throw new Error(`find: ${JSON.stringify((await h.state(p.page)).ui.find)} for ${JSON.stringify(lastLine.slice(0, 24))}`);
    }
    await h.settle(p.page, 300);
    await p.page.screenshot({path: h.artifactPath('whole-6-find-last-row.png')});
    s = await h.state(p.page);
    h.assert(s.visible.stdout_first_line > 190000, `find scrolled to the last rows (first line ${s.visible.stdout_first_line})`);
    h.assert(s.share.carries_stdout.includes('the complete output'), `the share link says so: ${s.share.carries_stdout}`);
  } finally {
    await p.close();
    if (proxy) await proxy.stop();
  }
});
